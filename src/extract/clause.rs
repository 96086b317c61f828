//! An article cut once into what every claim reader looks in: its sentences,
//! each with its tokens, the references and the dates written in it. The money
//! reader, the relation reader, the age reader and the duration reader all ask
//! "which sentence holds this word, and who and when does it name?": the answer
//! is found here in one pass over the article instead of by each reader again.
//!
//! Within a sentence, a clause ends at `;`, at `:` before a space and at a
//! spaced dash; within a clause, asides (a relative clause or an apposition
//! between commas, a fronted phrase such as "Selon l'AFP,", a parenthesis)
//! are what a reader steps over when it looks for whom the clause is about:
//! in "Acme, rivale de Globex, a levé 5 millions" the clause is about Acme.

use std::ops::Range;

use super::references::Ref;
use crate::lexicon::clause_words::ClauseWords;
use crate::readers::dates::DateMention;
use crate::text::tokens::Token;

/// One sentence and what lies in it, as runs of the article's lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Sentence {
    /// Its bytes.
    pub(super) range: Range<usize>,
    /// The tokens that lie wholly within it.
    pub(super) tokens: Range<usize>,
    /// The references whose first token is one of its tokens.
    pub(super) refs: Range<usize>,
    /// The dates that start within it (one may end past it).
    pub(super) dates: Range<usize>,
}

/// The sentences of `ranges` (sorted, disjoint) with their runs of `tokens`,
/// `refs` and `dates` (each in reading order), in one pass over all four.
pub(super) fn sentences(
    ranges: &[Range<usize>],
    tokens: &[Token],
    refs: &[Ref],
    dates: &[DateMention],
) -> Vec<Sentence> {
    let (mut token, mut reference, mut date) = (0, 0, 0);
    let mut out = Vec::with_capacity(ranges.len());
    for range in ranges {
        while token < tokens.len() && tokens[token].range.start < range.start {
            token += 1;
        }
        let first_token = token;
        while token < tokens.len() && tokens[token].range.end <= range.end {
            token += 1;
        }
        while reference < refs.len() && refs[reference].token < first_token {
            reference += 1;
        }
        let first_ref = reference;
        while reference < refs.len() && refs[reference].token < token {
            reference += 1;
        }
        while date < dates.len() && dates[date].range.start < range.start {
            date += 1;
        }
        let first_date = date;
        while date < dates.len() && dates[date].range.start < range.end {
            date += 1;
        }
        out.push(Sentence {
            range: range.clone(),
            tokens: first_token..token,
            refs: first_ref..reference,
            dates: first_date..date,
        });
    }
    out
}

/// The index of the sentence that holds byte `at`.
pub(super) fn containing(sentences: &[Sentence], at: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.range.end <= at);
    (i < sentences.len() && sentences[i].range.start <= at).then_some(i)
}

/// The tokens of the clause of `sentence` (its tokens) that holds token `at`.
pub(super) fn clause_of(
    text: &str,
    tokens: &[Token],
    sentence: &Range<usize>,
    at: usize,
) -> Range<usize> {
    let cut_before = |i: usize| {
        let gap = &text[tokens[i - 1].range.end..tokens[i].range.start];
        // Most gaps are one space, or hold none of `;`, `:` and a dash's
        // first byte: no cut, and no substring searched for.
        gap != " "
            && gap.bytes().any(|b| matches!(b, b';' | b':' | 0xE2))
            && (gap.contains(';')
                || gap.contains(": ")
                || gap.contains(":\n")
                || gap.contains(" – ")
                || gap.contains(" — "))
    };
    let mut start = at.max(sentence.start);
    while start > sentence.start && !cut_before(start) {
        start -= 1;
    }
    let mut end = (at + 1).min(sentence.end);
    while end < sentence.end && !cut_before(end) {
        end += 1;
    }
    start..end
}

/// The asides of `clause` (token ranges, in reading order): runs between two
/// commas that open with an aside opener ("qui", "its", "the") or do not
/// open with a name (`names_one` tells), a fronted phrase up to the first comma that
/// opens with an adverbial opener ("according to", "selon"), and parentheses.
pub(super) fn asides(
    text: &str,
    tokens: &[Token],
    clause: &Range<usize>,
    words: &ClauseWords,
    names_one: impl Fn(&Range<usize>) -> bool,
) -> Vec<Range<usize>> {
    let gap = |i: usize| &text[tokens[i - 1].range.end..tokens[i].range.start];
    let opens = |i: usize, phrases: &[Vec<String>]| {
        phrases.iter().any(|p| spells(tokens, i, p, clause.end))
    };
    let commas: Vec<usize> = (clause.start + 1..clause.end)
        .filter(|&i| comma_before(text, tokens, i))
        .collect();
    let mut out = Vec::new();
    let mut main_from = None;
    if let Some(&first) = commas.first()
        && opens(clause.start, &words.adverbial_openers)
    {
        out.push(clause.start..first);
        // What follows a fronted phrase is the clause itself.
        main_from = Some(first);
    }
    let determiner = |i: usize| words.determiners.iter().any(|d| *d == tokens[i].folded);
    for pair in commas.windows(2) {
        if main_from == Some(pair[0]) {
            // "Today, in June 2024, the startup …": fronted phrases follow
            // one another; the first run after them that opens otherwise, or
            // with a determiner, is the clause itself.
            if opens(pair[0], &words.adverbial_openers) {
                out.push(pair[0]..pair[1]);
                main_from = Some(pair[1]);
                continue;
            }
            if determiner(pair[0]) || !opens(pair[0], &words.aside_openers) {
                continue;
            }
        }
        if opens(pair[0], &words.aside_openers)
            || opens(pair[0], &words.adverbial_openers)
            || !names_one(&(pair[0]..pair[1]))
        {
            out.push(pair[0]..pair[1]);
        }
    }
    // Parentheses, wherever they fall.
    let mut open = None;
    for i in clause.start + 1..clause.end {
        let g = gap(i);
        if g.contains(')')
            && let Some(start) = open.take()
        {
            out.push(start..i);
        }
        if g.contains('(') {
            open = Some(i);
        }
    }
    out.sort_by_key(|r| (r.start, r.end));
    out
}

/// Whether a comma followed by a space stands right before token `i` (which
/// is not the first): "1,7" is one number.
pub(super) fn comma_before(text: &str, tokens: &[Token], i: usize) -> bool {
    let gap = &text[tokens[i - 1].range.end..tokens[i].range.start];
    // A gap is a byte or two: looked at byte by byte (a character search
    // set up for each was 1 % of a check).
    gap.bytes()
        .position(|b| b == b',')
        .is_some_and(|c| gap[c + 1..].starts_with(char::is_whitespace))
}

/// Whether the tokens from `i` on spell `phrase` (folded words) and end by
/// token `limit`.
pub(super) fn spells(tokens: &[Token], i: usize, phrase: &[String], limit: usize) -> bool {
    let end = i + phrase.len();
    end <= limit.min(tokens.len())
        && tokens[i..end]
            .iter()
            .zip(phrase)
            .all(|(t, w)| t.folded == w)
}

/// Whether token `i` lies in one of `asides` other than those that hold `keep`.
pub(super) fn in_aside(asides: &[Range<usize>], keep: &Range<usize>, i: usize) -> bool {
    asides
        .iter()
        .any(|a| a.contains(&i) && !(a.start <= keep.start && keep.end <= a.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    #[test]
    fn each_sentence_holds_its_own_tokens() {
        let text = "Nova Labs a levé 5 millions. Puis rien.";
        let mut folds = String::new();
        let tokens = tokenize(text, 0..text.len(), &mut folds);
        let ranges = super::super::sentences::sentences(text, 0..text.len());
        let cut = sentences(&ranges, &tokens, &[], &[]);
        assert_eq!(cut.len(), 2);
        let words = |s: &Sentence| -> Vec<&str> {
            tokens[s.tokens.clone()]
                .iter()
                .map(|t| &text[t.range.clone()])
                .collect()
        };
        assert_eq!(
            words(&cut[0]),
            ["Nova", "Labs", "a", "levé", "5", "millions"]
        );
        assert_eq!(words(&cut[1]), ["Puis", "rien"]);
        assert_eq!(containing(&cut, text.find("Puis").unwrap()), Some(1));
        assert_eq!(containing(&cut, text.len() + 1), None);
    }
}
