//! An article cut once into what every claim reader looks in: its sentences,
//! each with its tokens, the references and the dates written in it. The money
//! reader, the relation reader, the age reader and the duration reader all ask
//! "which sentence holds this word, and who and when does it name?": the answer
//! is found here in one pass over the article instead of by each reader again.

use std::ops::Range;

use super::claims::Ref;
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
