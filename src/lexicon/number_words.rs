//! The lexicon's number words, indexed for the number grammar of
//! [`crate::readers::numbers`]: words that add up ("twenty", "cinq"), words
//! that multiply what is before them ("hundred", "cents"), articles that are a
//! number only before a scale or a quantity noun ("a", "une"), joiners ("and",
//! "et"), fractions ("and a half", "et demi") and quantity nouns ("dozen",
//! "dizaine"). No number word is written in Rust: they all come from here.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

use super::{Hedge, Phrases};
use crate::text::fold::fold;
use crate::text::lexemes;

/// A noun of quantity as the lexicon writes it: "dozen" is 12, "une dizaine
/// de" about 10 (`hedge` names one of the language's hedges).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantityNounDef {
    pub words: Vec<String>,
    pub value: f64,
    #[serde(default)]
    pub hedge: Option<String>,
}

#[derive(Debug, Clone)]
pub struct QuantityNoun {
    pub value: f64,
    /// An approximate noun ("une dizaine") widens the figure as this hedge does.
    pub hedge: Option<Hedge>,
}

/// The number grammar's words, folded. A hyphenated or spaced compound is
/// keyed by its parts written together ("quatre-vingt" is `quatrevingt`), so
/// that "quatre-vingt" and "quatre vingt" are one word.
#[derive(Debug, Default)]
pub struct NumberWords {
    /// Words that add up: units, teens, tens and compounds read whole.
    pub values: HashMap<String, f64>,
    /// The most parts a compound of `values` has.
    pub longest: usize,
    /// Words that multiply what is before them (or 1): "hundred", "mille".
    pub multipliers: HashMap<String, f64>,
    /// "a", "un": 1 only before a multiplier, a scale or a quantity noun, or
    /// after a joiner ("vingt et un").
    pub articles: HashSet<String>,
    /// "and", "et": between two parts of one number.
    pub joiners: HashSet<String>,
    /// "and a half", "et demi": added to the number or to its scale, as lexeme
    /// phrases, longest first.
    pub fractions: Phrases<f64>,
    pub quantity_nouns: HashMap<String, QuantityNoun>,
    /// Words that can start a number: the reader skips any other word.
    pub first_words: HashSet<String>,
}

/// A word split at its hyphens and folded: "quatre-vingt-dix" → quatre, vingt, dix.
pub fn parts(word: &str) -> impl Iterator<Item = String> + '_ {
    word.split(['-', '\u{2010}', '\u{2011}'])
        .map(fold)
        .filter(|p| !p.is_empty())
}

impl NumberWords {
    pub fn new(
        values: &BTreeMap<String, f64>,
        multipliers: &BTreeMap<String, f64>,
        articles: &[String],
        joiners: &[String],
        fractions: &BTreeMap<String, f64>,
        quantity_nouns: &[QuantityNounDef],
        hedges: &[Hedge],
    ) -> Result<NumberWords, String> {
        let mut words = NumberWords::default();
        for (map, name) in [(values, "number word"), (multipliers, "number multiplier")] {
            if let Some((word, _)) = map.iter().find(|(_, v)| !v.is_finite() || **v <= 0.0) {
                return Err(format!("{name} `{word}` must have a positive value"));
            }
        }
        for (word, value) in values {
            let parts: Vec<String> = word.split_whitespace().flat_map(parts).collect();
            if let Some(first) = parts.first() {
                words.first_words.insert(first.clone());
            }
            words.longest = words.longest.max(parts.len());
            words.values.insert(parts.concat(), *value);
        }
        for (word, value) in multipliers {
            let key = fold(word);
            words.first_words.insert(key.clone());
            words.multipliers.insert(key, *value);
        }
        for article in articles {
            words.first_words.insert(fold(article));
            words.articles.insert(fold(article));
        }
        words.joiners = joiners.iter().map(|j| fold(j)).collect();
        words.fractions = super::longest_first(
            fractions
                .iter()
                .map(|(w, v)| (lexemes::phrase(w), *v))
                .collect(),
        );
        for noun in quantity_nouns {
            if !noun.value.is_finite() || noun.value <= 0.0 {
                return Err(format!(
                    "quantity noun `{}` must have a positive value",
                    noun.words.join(", ")
                ));
            }
            let hedge = match &noun.hedge {
                None => None,
                Some(text) => Some(
                    hedges
                        .iter()
                        .find(|h| h.text == *text)
                        .cloned()
                        .ok_or_else(|| {
                            format!("quantity noun hedge `{text}` is none of the lexicon's hedges")
                        })?,
                ),
            };
            for word in &noun.words {
                words.quantity_nouns.insert(
                    fold(word),
                    QuantityNoun {
                        value: noun.value,
                        hedge: hedge.clone(),
                    },
                );
            }
        }
        Ok(words)
    }
}
