//! Per-language data: what claimcheck knows about a language, never about the world.
//!
//! Lexicons are YAML files named after their language code (`fr.yaml`, `en.yaml`)
//! in the `lexicon/` folder of a fact base. The shipped ones are embedded in the
//! binary; a fact base may add a language or replace a shipped one.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use crate::text::fold::{fold, fold_keep_separators};

/// The YAML shape of a lexicon file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LexiconFile {
    pub language: String,
    pub name: String,
    #[serde(default)]
    pub stopwords: Vec<String>,
    #[serde(default)]
    pub titles: Vec<String>,
    #[serde(default)]
    pub name_particles: Vec<String>,
    #[serde(default)]
    pub months: Vec<Vec<String>>,
    #[serde(default)]
    pub day_suffixes: Vec<String>,
    #[serde(default)]
    pub date_line_words: Vec<String>,
}

/// One language, folded and indexed for lookups.
#[derive(Debug)]
pub struct Lexicon {
    pub language: String,
    pub name: String,
    pub stopwords: HashSet<String>,
    pub titles: HashSet<String>,
    pub name_particles: HashSet<String>,
    /// Folded spellings of each month, January first.
    pub months: Vec<Vec<String>>,
    pub day_suffixes: Vec<String>,
    /// Folded, separators kept: "publie le".
    pub date_line_words: Vec<String>,
}

impl Lexicon {
    pub fn from_file(file: LexiconFile) -> Result<Lexicon, String> {
        if !file.months.is_empty() && file.months.len() != 12 {
            return Err(format!(
                "`months` must list 12 months, January first; it lists {}",
                file.months.len()
            ));
        }
        let set = |words: &[String]| words.iter().map(|w| fold(w)).collect::<HashSet<_>>();
        Ok(Lexicon {
            stopwords: set(&file.stopwords),
            titles: set(&file.titles),
            name_particles: set(&file.name_particles),
            months: file
                .months
                .iter()
                .map(|spellings| spellings.iter().map(|s| fold(s)).collect())
                .collect(),
            day_suffixes: file.day_suffixes.iter().map(|s| fold(s)).collect(),
            date_line_words: file
                .date_line_words
                .iter()
                .map(|s| fold_keep_separators(s))
                .collect(),
            language: file.language,
            name: file.name,
        })
    }

    /// The month number (1–12) of a folded word, if it names one.
    pub fn month(&self, folded: &str) -> Option<u32> {
        self.months
            .iter()
            .position(|spellings| spellings.iter().any(|s| s == folded))
            .map(|i| i as u32 + 1)
    }
}

/// Every language known to a run, by language code.
#[derive(Debug, Default)]
pub struct Lexicons {
    by_code: BTreeMap<String, Lexicon>,
}

impl Lexicons {
    pub fn insert(&mut self, lexicon: Lexicon) {
        self.by_code.insert(lexicon.language.clone(), lexicon);
    }

    pub fn get(&self, code: &str) -> Option<&Lexicon> {
        self.by_code.get(code)
    }

    pub fn codes(&self) -> impl Iterator<Item = &str> {
        self.by_code.keys().map(String::as_str)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Lexicon> {
        self.by_code.values()
    }

    /// The language whose stopwords are most frequent among `folded_words`;
    /// `None` when no lexicon recognises any word.
    pub fn detect<'a>(&self, folded_words: impl Iterator<Item = &'a str> + Clone) -> Option<&str> {
        self.by_code
            .values()
            .map(|lex| {
                let hits = folded_words
                    .clone()
                    .filter(|w| lex.stopwords.contains(*w))
                    .count();
                (hits, lex.language.as_str())
            })
            .filter(|(hits, _)| *hits > 0)
            .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(a.1)))
            .map(|(_, code)| code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(code: &str, stopwords: &[&str]) -> Lexicon {
        Lexicon::from_file(LexiconFile {
            language: code.into(),
            name: code.into(),
            stopwords: stopwords.iter().map(|s| s.to_string()).collect(),
            titles: vec![],
            name_particles: vec![],
            months: vec![],
            day_suffixes: vec![],
            date_line_words: vec![],
        })
        .unwrap()
    }

    #[test]
    fn detects_the_language_with_most_stopwords() {
        let mut all = Lexicons::default();
        all.insert(lexicon("en", &["the", "of"]));
        all.insert(lexicon("fr", &["le", "de", "la"]));
        let words = ["le", "chat", "de", "la", "the"];
        assert_eq!(all.detect(words.iter().copied()), Some("fr"));
        let none = ["xyz"];
        assert_eq!(all.detect(none.iter().copied()), None);
    }

    #[test]
    fn rejects_a_month_list_that_is_not_twelve_long() {
        let mut file = LexiconFile {
            language: "xx".into(),
            name: "X".into(),
            stopwords: vec![],
            titles: vec![],
            name_particles: vec![],
            months: vec![vec!["a".into()]],
            day_suffixes: vec![],
            date_line_words: vec![],
        };
        assert!(Lexicon::from_file(file).is_err());
        file = LexiconFile {
            language: "xx".into(),
            name: "X".into(),
            stopwords: vec![],
            titles: vec![],
            name_particles: vec![],
            months: vec![],
            day_suffixes: vec![],
            date_line_words: vec![],
        };
        assert!(Lexicon::from_file(file).is_ok());
    }
}
