//! A lexicon's date words indexed by word: the date reader looks a word up
//! once instead of scanning every month, weekday and phrase for it.

use rustc_hash::FxHashMap as HashMap;

pub use super::first_words::FirstWords;

/// What a word may be in a date, as bits: a reader that knows a word's bits
/// looks it up only in the lists they name.
pub const MONTH: u8 = 1;
pub const WEEKDAY: u8 = 2;
/// The first word of a relative date ("hier", "l'an dernier").
pub const RELATIVE: u8 = 4;
/// The first word of a part of a period ("début", "fin de").
pub const PART: u8 = 8;
/// The first word of a quarter ("premier trimestre").
pub const QUARTER: u8 = 16;
/// Every kind: the word must be looked up in every list.
pub const ANY: u8 = 0xFF;

#[derive(Debug, Default)]
pub struct DateIndex {
    /// Folded month spelling → month (1–12); the first month listing it wins.
    months: HashMap<String, u32>,
    /// Folded weekday name → day from Monday (0–6).
    weekdays: HashMap<String, usize>,
    pub relative_dates: FirstWords,
    pub period_parts: FirstWords,
    pub quarters: FirstWords,
}

impl DateIndex {
    pub fn new(lexicon: &super::Lexicon) -> Self {
        let mut months = HashMap::default();
        for (m, spellings) in lexicon.months.iter().enumerate() {
            for s in spellings {
                months.entry(s.clone()).or_insert(m as u32 + 1);
            }
        }
        let mut weekdays = HashMap::default();
        for (d, names) in lexicon.weekdays.iter().enumerate() {
            for n in names {
                weekdays.entry(n.clone()).or_insert(d);
            }
        }
        DateIndex {
            months,
            weekdays,
            relative_dates: FirstWords::new(&lexicon.relative_dates),
            period_parts: FirstWords::new(&lexicon.period_parts),
            quarters: FirstWords::new(&lexicon.quarters),
        }
    }

    /// Every word of the index with its kinds ([`MONTH`], [`WEEKDAY`], …),
    /// once per kind.
    pub fn kinds(&self) -> impl Iterator<Item = (&str, u8)> {
        let months = self.months.keys().map(|w| (w.as_str(), MONTH));
        let weekdays = self.weekdays.keys().map(|w| (w.as_str(), WEEKDAY));
        let relative = self.relative_dates.words().map(|w| (w, RELATIVE));
        let parts = self.period_parts.words().map(|w| (w, PART));
        let quarters = self.quarters.words().map(|w| (w, QUARTER));
        months
            .chain(weekdays)
            .chain(relative)
            .chain(parts)
            .chain(quarters)
    }

    pub fn month(&self, folded: &str) -> Option<u32> {
        self.months.get(folded).copied()
    }

    pub fn weekday(&self, folded: &str) -> Option<usize> {
        self.weekdays.get(folded).copied()
    }
}
