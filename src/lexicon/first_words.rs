//! Phrases of a lexicon list indexed by their first word, so that a reader
//! looks a word up once instead of comparing it with every phrase.

use rustc_hash::FxHashMap as HashMap;

use super::Phrases;

/// Phrases of a list by their first word, as positions in list order, so that
/// the first phrase of the list that matches is still the one found.
#[derive(Debug, Default)]
pub struct FirstWords(HashMap<String, Vec<usize>>);

impl FirstWords {
    pub fn new<T>(phrases: &Phrases<T>) -> Self {
        let mut index: HashMap<String, Vec<usize>> = HashMap::default();
        for (k, (words, _)) in phrases.iter().enumerate() {
            if let Some(first) = words.first() {
                index.entry(first.clone()).or_default().push(k);
            }
        }
        FirstWords(index)
    }

    /// Every first word.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// Positions of the phrases that start with `word`.
    pub fn get(&self, word: &str) -> &[usize] {
        self.0.get(word).map_or(&[], Vec::as_slice)
    }
}
