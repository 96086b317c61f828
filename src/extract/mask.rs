//! Parts of an article that are not prose: URLs, e-mail addresses, hashtags and
//! handles, HTML comments, inline code. Nothing in them is read as a claim or a name.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

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

/// Byte ranges of `text[body]` that are not prose, in order.
pub fn not_prose(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
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

    #[test]
    fn masks_urls_handles_hashtags_comments_and_code() {
        let text = "Voir https://x.org/Open-AI et #harrystebbings, @20vc_tok, a@b.fr <!-- Hoo Li --> `Hoo Li` [lien](http://y) fin";
        let masks = not_prose(text, 0..text.len());
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

    #[test]
    fn an_email_address_at_the_end_of_a_sentence() {
        let text = "Écrire à redaction@journal.fr.";
        let masks = not_prose(text, 0..text.len());
        assert_eq!(&text[masks[0].clone()], "redaction@journal.fr");
    }
}
