//! Parts of an article that are not prose: URLs, e-mail addresses, hashtags and
//! handles, HTML comments, inline code, runs of figures with no words between
//! them. Nothing in them is read as a claim or a name.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::text::tokens::Token;

/// HTML comments, inline code, link targets, hashtags and handles. Every
/// alternative starts with a rare byte, so the regex engine jumps from
/// candidate to candidate instead of trying each position.
const MARKED_PATTERN: &str = concat!(
    r"(?s:<!--.*?-->)",
    r"|`[^`\n]+`",
    r"|\]\([^)\n]*\)",
    r"|[#@][\p{L}\p{N}_]+",
);

/// URLs, apart from the others: in one regex, their first letters made every
/// `h` and `w` of the text a candidate (the search took twice as long).
const URL_PATTERN: &str = r"(?:https?://|www\.)[^\s<>()\[\]]+";

/// Digits with their separators: "1.0", "1,500", "20162017".
const NUMBER: &str = r"[0-9]+(?:[.,][0-9]+)*";

/// Thousands grouped by spaces, "1 500 000": one figure, not three. The word
/// boundary is ASCII's: a Unicode one would keep the regex off its DFA on any
/// text that is not ASCII.
const GROUPED: &str = r"[0-9]{1,3}(?:[ \u{a0}\u{202f}][0-9]{3}(?-u:\b))+";

/// What may follow a figure's digits: a glued abbreviation, percent or
/// currency sign ("50M", "2.0B", "12%", "15M€", "5$"), or a spaced unit that
/// ends in a currency sign or is a percent sign ("100 M€", "3 Md€", "15 %").
/// Unicode classes only: no language's words.
const UNIT: &str = r"(?:[ \u{a0}\u{202f}](?:\p{L}{0,3}\p{Sc}|%)|(?:\p{L}{1,2}|%)\p{Sc}?|\p{Sc})";

/// One figure: a currency sign, digits, a unit. Searched left to right, each
/// is the longest: "105" is never three figures, "1 500 000" is one.
static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\p{{Sc}}?(?:{GROUPED}|{NUMBER}){UNIT}?")).expect("valid regex")
});

/// The fewest figures that make a run.
const RUN_FIGURES: usize = 3;

static MARKED: LazyLock<Regex> = LazyLock::new(|| Regex::new(MARKED_PATTERN).expect("valid regex"));
static URL: LazyLock<Regex> = LazyLock::new(|| Regex::new(URL_PATTERN).expect("valid regex"));

/// The first non-prose match at or after `at`: the earlier of the two regexes'
/// (no two alternatives start with the same byte, so this is what one regex
/// of all of them finds).
fn next_match(slice: &str, at: usize, ahead: &mut [Ahead; 2]) -> Option<Range<usize>> {
    let [marked, url] = ahead;
    match (
        marked.find_at(&MARKED, slice, at),
        url.find_at(&URL, slice, at),
    ) {
        (Some(a), Some(b)) => Some(if a.start <= b.start { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// One regex's last search, kept while its match lies ahead: searched from
/// every match of the other regex, a regex that matches nothing further on
/// scanned the rest of the text each time (20,000 HTML comments and no URL
/// were quadratic). Neither regex looks around, so a match found from an
/// earlier byte is the one found from any byte up to its start.
#[derive(Default)]
struct Ahead {
    /// From where, and the match found.
    last: Option<(usize, Option<Range<usize>>)>,
}

impl Ahead {
    fn find_at(&mut self, regex: &Regex, slice: &str, at: usize) -> Option<Range<usize>> {
        match &self.last {
            Some((from, found)) if *from <= at && found.as_ref().is_none_or(|m| m.start >= at) => {
                found.clone()
            }
            _ => {
                let found = regex.find_at(slice, at).map(|m| m.range());
                // The bytes searched, for the tests of linear work.
                crate::text::work::add((found.as_ref().map_or(slice.len(), |m| m.end) - at) as u64);
                self.last = Some((at, found.clone()));
                found
            }
        }
    }
}

fn is_email_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '+' | '-' | '_')
}

/// Byte ranges of `text[body]` that are not prose, in order. `tokens` are the
/// body's: they tell where figures may stand without another pass over it.
pub fn not_prose(text: &str, body: Range<usize>, tokens: &[Token]) -> Vec<Range<usize>> {
    let slice = &text[body.clone()];
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut at = 0;
    let mut ahead = [Ahead::default(), Ahead::default()];
    while let Some(m) = next_match(slice, at, &mut ahead) {
        at = m.end;
        let (mut start, mut end) = (m.start, m.end);
        // "a@b.fr": an @ glued to a word is an e-mail address; take it whole.
        if slice[start..].starts_with('@')
            && slice[..start]
                .chars()
                .next_back()
                .is_some_and(is_email_char)
        {
            start = slice[..start]
                .char_indices()
                .rev()
                .take_while(|(_, c)| is_email_char(*c))
                .last()
                .map_or(start, |(i, _)| i);
            end += slice[end..]
                .char_indices()
                .take_while(|(_, c)| is_email_char(*c))
                .last()
                .map_or(0, |(i, c)| i + c.len_utf8());
            while slice[..end].ends_with('.') {
                end -= 1;
            }
        }
        out.push(body.start + start..body.start + end);
    }
    let runs = figure_runs(text, body, tokens);
    if runs.is_empty() {
        return out;
    }
    union(out, runs)
}

/// The most letters of a spaced unit between two figures ("100 M€200 M€").
const UNIT_LETTERS: usize = 3;

/// Runs of three figures or more glued together or apart only by spaces or by
/// a comma with no space after it ("$10M,$15M"): a chart's axis, a table row
/// without pipes. Prose writes ", " and "and" ("€105M, €385M and €600M") or
/// other words between its figures. In order.
///
/// The tokens find the lines worth reading figure by figure: three tokens with
/// digits on one line, with at most one short word between two of them. Each
/// such line is read once; the rest of the article is not searched again.
fn figure_runs(text: &str, body: Range<usize>, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    // Lines before `done` are read.
    let mut done = body.start;
    // The chain of tokens with digits: where it starts, where its last one
    // ends, how many, and whether a word follows that last one.
    let mut chain: Option<(usize, usize, usize, bool)> = None;
    let mut searched = 0;
    for token in tokens {
        if token.range.start < done {
            continue;
        }
        let same_line = |last: usize| !text[last..token.range.start].contains('\n');
        if !token.has_digit {
            chain = match chain {
                Some((start, last, count, false))
                    if text[token.range.clone()].chars().count() <= UNIT_LETTERS
                        && same_line(last) =>
                {
                    Some((start, last, count, true))
                }
                _ => None,
            };
            continue;
        }
        // "2.0B3.0B4.0B" is one token of three figures: count its digit runs
        // (a decimal point counts twice; more than the figures is no harm).
        let figures = digit_runs(&text[token.range.clone()]);
        let (start, count) = match chain {
            Some((start, last, count, _)) if same_line(last) => (start, count + figures),
            _ => (token.range.start, figures),
        };
        chain = Some((start, token.range.end, count, false));
        if count < RUN_FIGURES {
            continue;
        }
        let line_start = text[done..start].rfind('\n').map_or(done, |i| done + i + 1);
        let line_end = text[token.range.end..body.end]
            .find('\n')
            .map_or(body.end, |i| token.range.end + i);
        let line = &text[line_start..line_end];
        runs.extend(runs_in(line).map(|r| line_start + r.start..line_start + r.end));
        searched += line.len();
        done = line_end;
        chain = None;
    }
    // The bytes read again, for the tests of linear work.
    crate::text::work::add(searched as u64);
    runs
}

/// How many runs of ASCII digits `word` holds.
fn digit_runs(word: &str) -> usize {
    let mut runs = 0;
    let mut in_digits = false;
    for b in word.bytes() {
        let digit = b.is_ascii_digit();
        runs += usize::from(digit && !in_digits);
        in_digits = digit;
    }
    runs
}

/// The runs of one line, figure by figure.
fn runs_in(line: &str) -> impl Iterator<Item = Range<usize>> {
    let mut runs = Vec::new();
    // The current run: where it starts, where its last figure ends, how many.
    let mut run: Option<(usize, usize, usize)> = None;
    let mut close = |run: Option<(usize, usize, usize)>| {
        if let Some((start, end, count)) = run
            && count >= RUN_FIGURES
        {
            runs.push(start..end);
        }
    };
    for m in FIGURE.find_iter(line) {
        let mut end = m.end();
        // "$150MARR": letters going on after the abbreviation are a word glued
        // to the figure; the figure ends at its digits and the run with it.
        let glued_word = line[end..].chars().next().is_some_and(char::is_alphabetic);
        if glued_word {
            end = m.start() + line[m.range()].trim_end_matches(char::is_alphabetic).len();
        }
        run = match run {
            Some((start, last, count)) if joins(&line[last..m.start()]) => {
                Some((start, end, count + 1))
            }
            other => {
                close(other);
                Some((m.start(), end, 1))
            }
        };
        if glued_word {
            close(run.take());
        }
    }
    close(run);
    runs.into_iter()
}

/// Whether what lies between two figures keeps them in one run.
fn joins(gap: &str) -> bool {
    gap.is_empty()
        || gap == ","
        || gap
            .chars()
            .all(|c| matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}'))
}

/// The union of two sorted lists of ranges, sorted, overlaps merged: a run of
/// figures may start inside a URL.
pub fn union(a: Vec<Range<usize>>, b: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut all = a;
    all.extend(b);
    all.sort_unstable_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for r in all {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Whether `range` overlaps any of the sorted `masks`.
pub fn is_masked(masks: &[Range<usize>], range: &Range<usize>) -> bool {
    let i = masks.partition_point(|m| m.end <= range.start);
    masks.get(i).is_some_and(|m| m.start < range.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    #[test]
    fn masks_urls_handles_hashtags_comments_and_code() {
        let text = "Voir https://x.org/Open-AI et #harrystebbings, @20vc_tok, a@b.fr <!-- Hoo Li --> `Hoo Li` [lien](http://y) fin";
        let masks = masks(text);
        let masked: Vec<&str> = masks.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            masked,
            [
                "https://x.org/Open-AI",
                "#harrystebbings",
                "@20vc_tok",
                "a@b.fr",
                "<!-- Hoo Li -->",
                "`Hoo Li`",
                "](http://y)"
            ]
        );
        let fin = text.find("fin").unwrap();
        assert!(!is_masked(&masks, &(fin..fin + 3)));
        assert!(is_masked(&masks, &(5..10)));
    }

    #[test]
    fn two_regexes_find_what_one_of_all_alternatives_finds() {
        let one = Regex::new(&format!("{URL_PATTERN}|{MARKED_PATTERN}")).unwrap();
        let pieces = [
            "http://",
            "https://a",
            "www.",
            "x",
            " ",
            "\n",
            "#",
            "@",
            "`",
            "](",
            ")",
            "<!--",
            "-->",
            "é",
            "[",
            "h",
            "w",
        ];
        // Strings of one to eight pieces, drawn by a fixed pseudo-random sequence.
        let mut state = 7u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for k in 0..(state >> 61) as usize + 1 {
                text.push_str(pieces[(state >> (k * 5 + 3)) as usize % pieces.len()]);
            }
            let expected: Vec<_> = one.find_iter(&text).map(|m| m.range()).collect();
            let mut found = Vec::new();
            let mut at = 0;
            let mut ahead = Default::default();
            while let Some(m) = next_match(&text, at, &mut ahead) {
                at = m.end;
                found.push(m);
            }
            assert_eq!(found, expected, "{text:?}");
        }
    }

    fn masks(text: &str) -> Vec<Range<usize>> {
        let mut folds = String::new();
        not_prose(
            text,
            0..text.len(),
            &tokenize(text, 0..text.len(), &mut folds),
        )
    }

    fn masked(text: &str) -> Vec<&str> {
        masks(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn masks_runs_of_figures_with_no_words_between() {
        // An axis glued to its labels, figures glued to one another; a word
        // glued to the last figure ("MARR") is left to the word.
        assert_eq!(
            masked("Revenue0$50M$100M$150MARR$1.0B$2.0B$3.0BValue"),
            ["0$50M$100M$150", "$1.0B$2.0B$3.0"]
        );
        // A table row without pipes, years on an axis, glued commas.
        assert_eq!(
            masked("Rounds: 2021 €5M 12 % €40M."),
            ["2021 €5M 12 % €40M"]
        );
        assert_eq!(masked("2019 2020 2021 2022"), ["2019 2020 2021 2022"]);
        assert_eq!(masked("x $10M,$15M,$70M y"), ["$10M,$15M,$70M"]);
        assert_eq!(masked("12% 30% 45% of it"), ["12% 30% 45%"]);
        assert_eq!(masked("10 % 20 % 30 % du total"), ["10 % 20 % 30 %"]);
        // Spaced units that end in a currency sign belong to their figure.
        assert_eq!(
            masked("Tours (M€)0 M€100 M€200 M€Levées1 Md€2 Md€3 Md€Valeur"),
            ["0 M€100 M€200 M€", "1 Md€2 Md€3 Md€"]
        );
        // Grouped thousands are one figure, whatever the space.
        assert_eq!(masked("1 500 000 2 000 000"), Vec::<&str>::new());
        assert_eq!(masked("10\u{a0}000 20\u{202f}000 €"), Vec::<&str>::new());
        assert_eq!(
            masked("1 500 000 2 000 000 3 000 000"),
            ["1 500 000 2 000 000 3 000 000"]
        );
        // Inside a URL: one mask, not two overlapping.
        let text = "see https://x.org/a/2019 2020 2021 then";
        assert_eq!(masked(text), ["https://x.org/a/2019 2020 2021"]);
    }

    #[test]
    fn the_lines_the_tokens_point_at_hold_every_run() {
        let pieces = [
            "1", "500", "2016", "7", "10M", "$3", " 40", " ", " ", ",", ".", "$", "€", "M", "Md",
            " M€", "%", " %", "x", "abc", "é", "-", "\n", "\u{a0}", "\u{202f}",
        ];
        // Strings of one to sixteen pieces, drawn by a fixed pseudo-random sequence.
        let mut state = 11u64;
        let mut with_runs = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for k in 0..(state >> 60) as usize + 1 {
                text.push_str(pieces[(state >> (k * 3 + 1)) as usize % pieces.len()]);
            }
            let mut expected = Vec::new();
            let mut at = 0;
            for line in text.split('\n') {
                expected.extend(runs_in(line).map(|r| at + r.start..at + r.end));
                at += line.len() + 1;
            }
            with_runs += usize::from(!expected.is_empty());
            let mut folds = String::new();
            let tokens = tokenize(&text, 0..text.len(), &mut folds);
            assert_eq!(
                figure_runs(&text, 0..text.len(), &tokens),
                expected,
                "{text:?}"
            );
        }
        // The strings hold runs often enough for the comparison to mean something.
        assert!(with_runs > 1_000, "{with_runs} strings with a run");
    }

    #[test]
    fn leaves_figures_of_prose_alone() {
        for text in [
            "rounds of €105 million, €385 million and €600 million",
            "it raised €105M, €385M and €600M in three rounds",
            "des tours de 105, 385 et 600 millions d'euros",
            "en 2023, 2024 et 2025",
            "between 2019 and 2021, 3 000 people",
            "in 2023 $40 million, in 2024 $80 million",
            "1 500 000 euros",
            "le 11 juin 2024 à 9h30",
            "105 millions d'euros, 385 M€ et 600 millions d'euros",
            "une hausse de 15 % en 2024",
        ] {
            assert_eq!(masked(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn an_email_address_at_the_end_of_a_sentence() {
        let text = "Écrire à redaction@journal.fr.";
        let masks = masks(text);
        assert_eq!(&text[masks[0].clone()], "redaction@journal.fr");
    }
}
