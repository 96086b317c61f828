//! Every language's currency phrases, indexed by their first and last
//! lexemes: the amount reader looks for a currency after and before every
//! figure, and with a dozen currencies a walk of every phrase each time was a
//! third of its work.

use rustc_hash::FxHashMap as HashMap;

use super::Phrases;

/// Currency phrases (lexemes, ISO code), longest first, with indexes of them
/// by first and by last lexeme that keep that order.
#[derive(Debug, Default)]
pub struct CurrencyIndex {
    phrases: Phrases<String>,
    by_first: HashMap<String, Vec<usize>>,
    by_last: HashMap<String, Vec<usize>>,
}

impl CurrencyIndex {
    /// `phrases` longest first, as the lexicon keeps them.
    pub fn new(phrases: Phrases<String>) -> CurrencyIndex {
        let mut index = CurrencyIndex::default();
        for (i, (phrase, _)) in phrases.iter().enumerate() {
            if let (Some(first), Some(last)) = (phrase.first(), phrase.last()) {
                index.by_first.entry(first.clone()).or_default().push(i);
                index.by_last.entry(last.clone()).or_default().push(i);
            }
        }
        index.phrases = phrases;
        index
    }

    /// The phrases whose first lexeme is `folded`, longest first.
    pub fn starting_with(&self, folded: &str) -> impl Iterator<Item = &(Vec<String>, String)> {
        self.select(self.by_first.get(folded))
    }

    /// The phrases whose last lexeme is `folded`, longest first.
    pub fn ending_with(&self, folded: &str) -> impl Iterator<Item = &(Vec<String>, String)> {
        self.select(self.by_last.get(folded))
    }

    fn select<'a>(
        &'a self,
        found: Option<&'a Vec<usize>>,
    ) -> impl Iterator<Item = &'a (Vec<String>, String)> {
        found
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| &self.phrases[i])
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::{Lexicon, Lexicons};

    /// The index finds, for any lexeme, the phrases a walk of all of them
    /// finds, in the same (longest first) order.
    #[test]
    fn the_index_finds_what_a_walk_of_every_phrase_finds() {
        let index = Lexicon::all_currencies(&Lexicons::shipped());
        let all = &index.phrases;
        assert!(all.len() > 60, "{}", all.len());
        for (phrase, _) in all {
            for (word, found, walk) in [
                (
                    &phrase[0],
                    index.starting_with(&phrase[0]).collect::<Vec<_>>(),
                    all.iter()
                        .filter(|p| p.0[0] == phrase[0])
                        .collect::<Vec<_>>(),
                ),
                (
                    phrase.last().unwrap(),
                    index.ending_with(phrase.last().unwrap()).collect(),
                    all.iter().filter(|p| p.0.last() == phrase.last()).collect(),
                ),
            ] {
                assert_eq!(found, walk, "{word}");
            }
        }
        assert_eq!(index.starting_with("nothing").count(), 0);
    }
}
