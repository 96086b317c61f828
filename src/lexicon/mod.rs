//! Per-language data: what claimcheck knows about a language, never about the world.
//!
//! Lexicons are YAML files named after their language code (`fr.yaml`, `en.yaml`)
//! in the `lexicon/` folder of a fact base. The shipped ones are embedded in the
//! binary; a fact base may add a language or replace a shipped one.

pub mod clause_words;
pub mod currency_index;
pub mod date_index;
pub mod date_words;
pub mod event_words;
pub mod first_words;
pub mod name_style;
pub mod number_words;

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::Deserialize;

use crate::text::fold::{fold, fold_keep_separators};
use crate::text::lexemes;
use crate::text::stem::WordStemmer;
use crate::text::tokens::folded_words;

/// A scale word and its factor.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleDef {
    pub words: Vec<String>,
    pub factor: f64,
    /// An abbreviation ("M", "bn") that counts only next to a currency.
    #[serde(default)]
    pub short: bool,
}

/// A hedge and the factors it applies to the stated figure.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HedgeDef {
    pub words: Vec<String>,
    pub low: f64,
    pub high: f64,
    /// The bound at factor 1 is exclusive of rounding: "more than 2" starts at 2.
    #[serde(default)]
    pub strict: bool,
}

#[derive(Debug, Clone)]
pub struct Scale {
    pub phrase: Vec<String>,
    pub factor: f64,
    pub short: bool,
}

#[derive(Debug, Clone)]
pub struct Hedge {
    pub phrase: Vec<String>,
    /// The words as written in the lexicon, for messages.
    pub text: String,
    pub low: f64,
    pub high: f64,
    pub strict: bool,
}

/// A prefix glued to words ("co" in "cofondatrice", "ex" in "ex-Apple").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GluedPrefixDef {
    pub prefix: String,
    /// Written with a hyphen, the prefix is a word of its own and the rest
    /// another ("ex-Apple" is "ex" then the name "Apple"); otherwise a word with
    /// the prefix also matches the cues of the word without it.
    #[serde(default)]
    pub word: bool,
}

/// A glued prefix, folded.
#[derive(Debug, Clone)]
pub struct GluedPrefix {
    pub prefix: String,
    pub word: bool,
}

/// A phrase (folded lexemes or tokens) with what it means.
pub type Phrases<T> = Vec<(Vec<String>, T)>;

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
    #[serde(default)]
    pub decimal_separator: Option<String>,
    #[serde(default)]
    pub thousands_separators: Vec<String>,
    /// Words that add up ("twenty", "cinq"); compounds read whole ("quatre-vingt").
    #[serde(default)]
    pub number_words: BTreeMap<String, f64>,
    /// Words that multiply what is before them ("hundred", "cent").
    #[serde(default)]
    pub number_multipliers: BTreeMap<String, f64>,
    /// "a", "un": a number only before a multiplier, a scale or a quantity noun.
    #[serde(default)]
    pub number_articles: Vec<String>,
    /// "and", "et": between two parts of one number ("vingt et un").
    #[serde(default)]
    pub number_joiners: Vec<String>,
    /// "and a half", "et demi": added after a number or its scale.
    #[serde(default)]
    pub number_fractions: BTreeMap<String, f64>,
    /// "dozen", "dizaine": nouns of quantity after an article or a number.
    #[serde(default)]
    pub quantity_nouns: Vec<number_words::QuantityNounDef>,
    /// Nouns of what is counted ("employees", "paramètres") by unit id: a
    /// figure before one is a count, never money.
    #[serde(default)]
    pub count_units: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub scales: Vec<ScaleDef>,
    #[serde(default)]
    pub currency_connectors: Vec<String>,
    #[serde(default)]
    pub currencies: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub currency_contexts: BTreeMap<String, BTreeMap<String, Vec<String>>>,
    #[serde(default)]
    pub hedges: Vec<HedgeDef>,
    #[serde(default)]
    pub descriptions: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub nationalities: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub object_markers: Vec<String>,
    #[serde(default)]
    pub weekdays: Vec<Vec<String>>,
    /// `dmy` or `mdy`: how numeric dates are written.
    #[serde(default)]
    pub date_order: Option<String>,
    #[serde(default)]
    pub month_prepositions: Vec<String>,
    /// `early`, `mid`, `late` → words.
    #[serde(default)]
    pub period_parts: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub quarters: Vec<Vec<String>>,
    /// Relative-date kinds (see [`date_words::Relative`]) → words.
    #[serde(default)]
    pub relative_dates: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub age_markers: Vec<String>,
    #[serde(default)]
    pub age_unit_markers: Vec<String>,
    #[serde(default)]
    pub age_fronted_markers: Vec<String>,
    #[serde(default)]
    pub dateline_markers: Vec<String>,
    #[serde(default)]
    pub list_conjunctions: Vec<String>,
    /// Words between an amount and its conversion ("soit", "or").
    #[serde(default)]
    pub conversion_connectors: Vec<String>,
    /// Duration unit → months.
    #[serde(default)]
    pub duration_units: BTreeMap<String, f64>,
    #[serde(default)]
    pub elapsed_after: Vec<String>,
    #[serde(default)]
    pub age_units: Vec<String>,
    /// How a clause is shaped and stated (see [`clause_words`]).
    #[serde(default)]
    pub clauses: clause_words::ClauseWordsFile,
    /// Which accent differences in names are findings (see [`name_style`]).
    #[serde(default)]
    pub name_style: name_style::NameStyle,
    /// The Snowball stemmer cue words are compared with (`french`, `english`).
    #[serde(default)]
    pub stemmer: Option<String>,
    #[serde(default)]
    pub glued_prefixes: Vec<GluedPrefixDef>,
}

impl LexiconFile {
    /// A lexicon with nothing in it but its code, for tests and as a base.
    pub fn empty(code: &str) -> LexiconFile {
        LexiconFile {
            language: code.to_string(),
            name: code.to_string(),
            stopwords: vec![],
            titles: vec![],
            name_particles: vec![],
            months: vec![],
            day_suffixes: vec![],
            date_line_words: vec![],
            decimal_separator: None,
            thousands_separators: vec![],
            number_words: BTreeMap::new(),
            number_multipliers: BTreeMap::new(),
            number_articles: vec![],
            number_joiners: vec![],
            number_fractions: BTreeMap::new(),
            quantity_nouns: vec![],
            count_units: BTreeMap::new(),
            scales: vec![],
            currency_connectors: vec![],
            currencies: BTreeMap::new(),
            currency_contexts: BTreeMap::new(),
            hedges: vec![],
            descriptions: BTreeMap::new(),
            nationalities: BTreeMap::new(),
            object_markers: vec![],
            weekdays: vec![],
            date_order: None,
            month_prepositions: vec![],
            period_parts: BTreeMap::new(),
            quarters: vec![],
            relative_dates: BTreeMap::new(),
            age_markers: vec![],
            age_unit_markers: vec![],
            age_fronted_markers: vec![],
            dateline_markers: vec![],
            list_conjunctions: vec![],
            conversion_connectors: vec![],
            duration_units: BTreeMap::new(),
            elapsed_after: vec![],
            age_units: vec![],
            clauses: Default::default(),
            name_style: Default::default(),
            stemmer: None,
            glued_prefixes: vec![],
        }
    }
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
    pub decimal_separator: char,
    pub thousands_separators: Vec<char>,
    /// The number grammar's words (see [`number_words`]).
    pub numbers: number_words::NumberWords,
    /// Count units as lexeme phrases, longest first, with their unit id.
    pub count_units: Phrases<String>,
    /// Scale words as lexeme phrases, longest first.
    pub scales: Vec<Scale>,
    pub currency_connectors: HashSet<String>,
    /// Currency words, symbols and codes as lexeme phrases, longest first, with the ISO code.
    pub currencies: Phrases<String>,
    /// Symbols several currencies write bare ("¥"), as lexeme phrases, each
    /// with the words that tell which one is meant (as lexeme phrases, with
    /// the ISO code they point to); the amount reader decides with them.
    pub currency_contexts: Vec<(Vec<String>, Phrases<String>)>,
    pub hedges: Vec<Hedge>,
    /// Descriptions as token phrases, with the entity kind they stand for.
    pub descriptions: Phrases<String>,
    /// The first word of every description: no other word starts one.
    pub description_first_words: HashSet<String>,
    /// Nationality adjectives as token phrases, with the ISO country code.
    pub nationalities: Phrases<String>,
    pub object_markers: Vec<Vec<String>>,
    /// Folded weekday names, Monday first.
    pub weekdays: Vec<Vec<String>>,
    /// Numeric dates put the day first (11/06/2024 is 11 June).
    pub day_first: bool,
    pub month_prepositions: Vec<Vec<String>>,
    pub period_parts: Phrases<date_words::Part>,
    pub quarters: Phrases<u32>,
    pub relative_dates: Phrases<date_words::Relative>,
    /// Words before an age ("âgé de", "aged"), as token phrases.
    pub age_markers: Vec<Vec<String>>,
    /// Months, weekdays and date phrases indexed by word (built from the lists).
    pub date_index: date_index::DateIndex,
    /// Descriptions and nationality adjectives by first word (built from the lists).
    pub description_index: first_words::FirstWords,
    pub nationality_index: first_words::FirstWords,
    /// Words that can start a date (months, weekdays, first words of relative
    /// dates, parts of periods and quarters): the date reader skips any other word.
    pub date_first_words: HashSet<String>,
    /// Words joining the items of a list, folded.
    pub list_conjunctions: Vec<String>,
    /// Words that may stand between an amount and the same amount in another
    /// currency ("€80M, soit 86 millions de dollars"), as token phrases.
    pub conversion_connectors: Vec<Vec<String>>,
    /// Duration units (folded) and their length in months.
    pub duration_units: HashMap<String, f64>,
    /// Words that put a duration after an event ("après", "after"), folded.
    pub elapsed_after: Vec<String>,
    /// Words before an age that need a unit after it ("de 31 ans").
    pub age_unit_markers: Vec<Vec<String>>,
    /// Words that open a phrase of an age set off by a comma before the
    /// person ("À 31 ans, cet entrepreneur", "At 31, she").
    pub age_fronted_markers: Vec<Vec<String>>,
    /// Words that open a quoted piece's dateline at the start of a line
    /// ("Publié le", "Published on"), as token phrases.
    pub dateline_markers: Vec<Vec<String>>,
    /// Units after an age ("ans", "year-old"), as token phrases; glued forms are folded whole.
    pub age_units: Vec<Vec<String>>,
    pub clauses: clause_words::ClauseWords,
    pub name_style: name_style::NameStyle,
    /// Cue words match on the stems it gives; none: on their folded forms only.
    pub stemmer: Option<WordStemmer>,
    /// Prefixes glued to words, longest first.
    pub glued_prefixes: Vec<GluedPrefix>,
}

fn token_phrase(text: &str) -> Vec<String> {
    folded_words(text, 0..text.len())
}

fn longest_first<T>(mut phrases: Phrases<T>) -> Phrases<T> {
    phrases.retain(|(p, _)| !p.is_empty());
    phrases.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
    phrases
}

fn grouped<T: Clone>(
    groups: &BTreeMap<String, Vec<String>>,
    cut: fn(&str) -> Vec<String>,
    value: fn(&str) -> T,
) -> Phrases<T> {
    longest_first(
        groups
            .iter()
            .flat_map(|(key, words)| words.iter().map(move |w| (cut(w), value(key))))
            .collect(),
    )
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
        let single_char = |s: &str| {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(format!("`{s}` must be a single character")),
            }
        };
        let decimal_separator = single_char(file.decimal_separator.as_deref().unwrap_or("."))?;
        let thousands_separators = file
            .thousands_separators
            .iter()
            .map(|s| single_char(s))
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(h) = file.hedges.iter().find(|h| h.low < 0.0 || h.low > h.high) {
            return Err(format!(
                "hedge `{}` must have 0 <= low <= high",
                h.words.join(", ")
            ));
        }
        let mut scales: Vec<Scale> = file
            .scales
            .iter()
            .flat_map(|s| {
                s.words.iter().map(|w| Scale {
                    phrase: lexemes::phrase(w),
                    factor: s.factor,
                    short: s.short,
                })
            })
            .filter(|s| !s.phrase.is_empty())
            .collect();
        scales.sort_by_key(|s| std::cmp::Reverse(s.phrase.len()));
        let mut hedges: Vec<Hedge> = file
            .hedges
            .iter()
            .flat_map(|h| {
                h.words.iter().map(|w| Hedge {
                    phrase: lexemes::phrase(w),
                    text: w.clone(),
                    low: h.low,
                    high: h.high,
                    strict: h.strict,
                })
            })
            .filter(|h| !h.phrase.is_empty())
            .collect();
        hedges.sort_by_key(|h| std::cmp::Reverse(h.phrase.len()));
        if !file.weekdays.is_empty() && file.weekdays.len() != 7 {
            return Err(format!(
                "`weekdays` must list 7 days, Monday first; it lists {}",
                file.weekdays.len()
            ));
        }
        let day_first = match file.date_order.as_deref() {
            None | Some("dmy") => true,
            Some("mdy") => false,
            Some(other) => {
                return Err(format!(
                    "`date_order` must be `dmy` or `mdy`, not `{other}`"
                ));
            }
        };
        let mut period_parts = Vec::new();
        for (key, words) in &file.period_parts {
            let part = date_words::Part::parse(key).ok_or_else(|| {
                format!("unknown period part `{key}` (expected early, mid, late)")
            })?;
            period_parts.extend(words.iter().map(|w| (token_phrase(w), part)));
        }
        let mut relative_dates = Vec::new();
        for (key, words) in &file.relative_dates {
            let kind = date_words::Relative::parse(key)
                .ok_or_else(|| format!("unknown relative date `{key}`"))?;
            relative_dates.extend(words.iter().map(|w| (token_phrase(w), kind)));
        }
        let mut date_first_words: HashSet<String> = HashSet::default();
        date_first_words.extend(file.months.iter().flatten().map(|m| fold(m)));
        date_first_words.extend(file.weekdays.iter().flatten().map(|w| fold(w)));
        for phrase in file
            .relative_dates
            .values()
            .flatten()
            .chain(file.period_parts.values().flatten())
            .chain(file.quarters.iter().flatten())
        {
            if let Some(first) = token_phrase(phrase).into_iter().next() {
                date_first_words.insert(first);
            }
        }
        let numbers = number_words::NumberWords::new(
            &file.number_words,
            &file.number_multipliers,
            &file.number_articles,
            &file.number_joiners,
            &file.number_fractions,
            &file.quantity_nouns,
            &hedges,
        )?;
        let clauses = clause_words::ClauseWords::from_file(&file.clauses)?;
        let stemmer = match file.stemmer.as_deref() {
            None => None,
            Some(name) => Some(WordStemmer::named(name).ok_or_else(|| {
                format!(
                    "unknown stemmer `{name}` (one of: {})",
                    WordStemmer::names().collect::<Vec<_>>().join(", ")
                )
            })?),
        };
        let mut glued_prefixes = Vec::new();
        for def in &file.glued_prefixes {
            let prefix = fold(&def.prefix);
            if prefix.is_empty() {
                return Err("a glued prefix must have a letter".to_string());
            }
            glued_prefixes.push(GluedPrefix {
                prefix,
                word: def.word,
            });
        }
        glued_prefixes.sort_by_key(|p| std::cmp::Reverse(p.prefix.len()));
        let mut lexicon = Lexicon {
            clauses,
            name_style: file.name_style,
            numbers,
            count_units: grouped(&file.count_units, lexemes::phrase, str::to_string),
            stemmer,
            glued_prefixes,
            date_first_words,
            weekdays: file
                .weekdays
                .iter()
                .map(|names| names.iter().map(|n| fold(n)).collect())
                .collect(),
            day_first,
            month_prepositions: file
                .month_prepositions
                .iter()
                .map(|p| token_phrase(p))
                .collect(),
            period_parts: longest_first(period_parts),
            quarters: longest_first(
                file.quarters
                    .iter()
                    .enumerate()
                    .flat_map(|(q, words)| {
                        words.iter().map(move |w| (token_phrase(w), q as u32 + 1))
                    })
                    .collect(),
            ),
            relative_dates: longest_first(relative_dates),
            age_markers: file.age_markers.iter().map(|w| token_phrase(w)).collect(),
            list_conjunctions: file.list_conjunctions.iter().map(|w| fold(w)).collect(),
            conversion_connectors: file
                .conversion_connectors
                .iter()
                .map(|w| token_phrase(w))
                .filter(|p| !p.is_empty())
                .collect(),
            duration_units: file
                .duration_units
                .iter()
                .map(|(w, m)| (fold(w), *m))
                .collect(),
            elapsed_after: file.elapsed_after.iter().map(|w| fold(w)).collect(),
            age_unit_markers: file
                .age_unit_markers
                .iter()
                .map(|w| token_phrase(w))
                .collect(),
            age_units: file.age_units.iter().map(|w| token_phrase(w)).collect(),
            age_fronted_markers: file
                .age_fronted_markers
                .iter()
                .map(|w| token_phrase(w))
                .collect(),
            dateline_markers: file
                .dateline_markers
                .iter()
                .map(|w| token_phrase(w))
                .collect(),
            decimal_separator,
            thousands_separators,
            scales,
            currency_connectors: set(&file.currency_connectors),
            currencies: grouped(&file.currencies, lexemes::phrase, |code| {
                code.to_uppercase()
            }),
            currency_contexts: file
                .currency_contexts
                .iter()
                .map(|(symbol, near)| {
                    let near = grouped(near, lexemes::phrase, |code| code.to_uppercase());
                    (lexemes::phrase(symbol), near)
                })
                .collect(),
            hedges,
            descriptions: grouped(&file.descriptions, token_phrase, str::to_string),
            description_first_words: file
                .descriptions
                .values()
                .flatten()
                .filter_map(|d| token_phrase(d).into_iter().next())
                .collect(),
            nationalities: grouped(&file.nationalities, token_phrase, str::to_string),
            object_markers: file
                .object_markers
                .iter()
                .map(|m| token_phrase(m))
                .collect(),
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
            date_index: date_index::DateIndex::default(),
            description_index: Default::default(),
            nationality_index: Default::default(),
        };
        lexicon.date_index = date_index::DateIndex::new(&lexicon);
        lexicon.description_index = first_words::FirstWords::new(&lexicon.descriptions);
        lexicon.nationality_index = first_words::FirstWords::new(&lexicon.nationalities);
        Ok(lexicon)
    }

    /// Every currency phrase of every language: symbols and codes are shared,
    /// and a French article may well write "dollars US".
    pub fn all_currencies(lexicons: &Lexicons) -> currency_index::CurrencyIndex {
        currency_index::CurrencyIndex::new(longest_first(
            lexicons
                .iter()
                .flat_map(|l| l.currencies.iter().cloned())
                .collect(),
        ))
    }

    /// The month number (1–12) of a folded word, if it names one.
    pub fn month(&self, folded: &str) -> Option<u32> {
        self.date_index.month(folded)
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

    /// The lexicons built into the binary, for tests.
    pub fn shipped() -> Lexicons {
        let mut all = Lexicons::default();
        for (path, text) in crate::embedded::FILES {
            if path.starts_with("lexicon/") {
                let file: LexiconFile =
                    serde_saphyr::from_str(text).expect("shipped lexicons parse");
                all.insert(Lexicon::from_file(file).expect("shipped lexicons are valid"));
            }
        }
        all
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
        let mut file = LexiconFile::empty(code);
        file.stopwords = stopwords.iter().map(|s| s.to_string()).collect();
        Lexicon::from_file(file).unwrap()
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
        let mut file = LexiconFile::empty("xx");
        file.months = vec![vec!["a".into()]];
        assert!(Lexicon::from_file(file).is_err());
        assert!(Lexicon::from_file(LexiconFile::empty("xx")).is_ok());
    }

    #[test]
    fn rejects_bad_separators_and_hedges() {
        let mut file = LexiconFile::empty("xx");
        file.decimal_separator = Some("..".into());
        assert!(Lexicon::from_file(file).is_err());
        let mut file = LexiconFile::empty("xx");
        file.hedges = vec![HedgeDef {
            words: vec!["x".into()],
            low: 1.2,
            high: 1.0,
            strict: false,
        }];
        assert!(Lexicon::from_file(file).is_err());
    }
}
