//! Conversions a writer gives beside an amount: "€80M (about $86M)", "80
//! millions d'euros, soit 86 millions de dollars". A sentence is read for
//! them only where two figures stand a few words apart with a bracket or a
//! connector word (the lexicon's `conversion_connectors`) between them: no
//! other sentence is lexed, whoever the amounts are about.

use std::ops::Range;

use super::claims::ClaimFinder;
use super::clause::spells;
use super::vocabulary::CONVERSION_START;
use crate::values::{Amount, DateRange};

/// An amount and the same amount in another currency, as the writer gives it.
#[derive(Clone, Debug)]
pub struct StatedConversion {
    pub original: Amount,
    pub converted: Amount,
    /// The day the figure speaks of: its clause's date, else the article's.
    pub date: Option<DateRange>,
    /// Where the clause's date is written, when it has one.
    pub date_at: Option<Range<usize>>,
}

/// How many tokens after a figure the next one may be for its sentence to be
/// read: "80 million euros (about 86": the scale, currency and connector words.
const NEAR_TOKENS: usize = 8;

/// The most bytes between two amounts joined as a conversion: a bracket and
/// a few connector words.
const MAX_GAP: usize = 40;

impl ClaimFinder<'_> {
    /// Every amount followed by its conversion into another currency, in
    /// reading order.
    pub fn find_conversions(&self) -> Vec<StatedConversion> {
        let mut out = Vec::new();
        let mut folds = String::new();
        for sentence in self.sentences() {
            if !self.may_hold_conversion(&sentence.tokens) {
                continue;
            }
            let lexemes = self.lexemes_of(sentence, &mut folds);
            let amounts = self.reader.read(self.text, &lexemes);
            let ranges: Vec<Range<usize>> = amounts.iter().map(|a| a.range.clone()).collect();
            for pair in amounts.windows(2) {
                let (original, converted) = (&pair[0], &pair[1]);
                if !self.is_conversion(original, converted, sentence.range.end) {
                    continue;
                }
                let clause_date = self.clause_date(sentence, &original.range, &ranges);
                out.push(StatedConversion {
                    original: original.clone(),
                    converted: converted.clone(),
                    date: clause_date.map(|d| d.date).or(self.date),
                    date_at: clause_date.map(|d| d.range.clone()),
                });
            }
        }
        out
    }

    /// Whether two figures of the sentence's tokens stand near each other
    /// with a bracket or a connector's first word between: a cheap test on
    /// tokens before any lexing.
    fn may_hold_conversion(&self, sentence: &Range<usize>) -> bool {
        let tokens = &self.tokens[sentence.clone()];
        tokens.iter().enumerate().any(|(i, t)| {
            if !t.has_digit {
                return false;
            }
            let after = &tokens[i + 1..];
            let Some(next) = after.iter().take(NEAR_TOKENS).position(|u| u.has_digit) else {
                return false;
            };
            let first = sentence.start + i + 1;
            (first..first + next).any(|k| {
                self.classes[k] & CONVERSION_START != 0
                    && self
                        .lexicon
                        .conversion_connectors
                        .iter()
                        .any(|c| spells(self.tokens, k, c, first + next))
            }) || self.text[t.range.end..after[next].range.start].contains('(')
        })
    }

    /// Whether `converted` gives `original` in another currency: both name
    /// theirs, the two differ, only a bracket or connector words stand between
    /// ([`joins_conversion`](Self::joins_conversion)), and nothing but the
    /// bracket's end or punctuation follows ("€5M ($3M of it in cash)" is
    /// a part, not a conversion).
    fn is_conversion(&self, original: &Amount, converted: &Amount, sentence_end: usize) -> bool {
        let (Some(from), Some(to)) = (&original.currency, &converted.currency) else {
            return false;
        };
        if from == to || !self.joins_conversion(original.range.end, converted.range.start) {
            return false;
        }
        let bracket = self.text[original.range.end..converted.range.start].contains('(');
        let after = self.text[converted.range.end..sentence_end.max(converted.range.end)]
            .trim_start()
            .chars()
            .next();
        match after {
            None => !bracket,
            Some(c) if bracket => matches!(c, ')' | ',' | ';'),
            Some(c) => matches!(c, ')' | ',' | ';' | '.' | ':' | '—' | '–'),
        }
    }

    /// Whether bytes `from..to`, between two amounts, join the second to the
    /// first as its conversion: an opening bracket, connector words, or both,
    /// with commas or dashes, and nothing else.
    pub(super) fn joins_conversion(&self, from: usize, to: usize) -> bool {
        if from > to || to - from > MAX_GAP {
            return false;
        }
        let gap = &self.text[from..to];
        let punctuation_only = |c: char| {
            c.is_alphanumeric()
                || c.is_whitespace()
                || matches!(c, '(' | ',' | '–' | '—' | '-' | '\'' | '’' | '.')
        };
        if !gap.chars().all(punctuation_only) {
            return false;
        }
        let words = self.tokens_within(from, to);
        let mut i = words.start;
        while i < words.end {
            let Some(len) = self
                .lexicon
                .conversion_connectors
                .iter()
                .filter(|c| spells(self.tokens, i, c, words.end))
                .map(Vec::len)
                .max()
            else {
                return false;
            };
            i += len;
        }
        gap.contains('(') || !words.is_empty()
    }
}
