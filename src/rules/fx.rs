//! Exchange rates by day: the ECB's daily reference rates built into the
//! binary ([`EcbTable`]), which a fact base's `fx:` section may add to or
//! override. Every pair goes through the euro, as the ECB publishes rates
//! against it only.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};

use super::ecb_table::EcbTable;
use crate::values::DateRange;

/// How far back a day the ECB published nothing for (a weekend, a holiday)
/// looks for the last published rate. Its longest gaps are four or five days
/// (Easter, Christmas): ten leaves room, and a currency that stopped being
/// published (or was suspended) has no rate ten days later.
pub const LOOK_BACK_DAYS: u64 = 10;

/// After the table's last day its last rates stand for this many days (an
/// article of last week is still converted); later, there is no rate, and the
/// checks that need one say nothing. `scripts/update-fx` refreshes the table.
pub const AFTER_LAST_DAYS: u64 = 31;

/// How many `to` one `from` bought, and the day the rate was published (the
/// older one when it is a cross rate of two published on different days).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rate {
    pub rate: f64,
    pub day: NaiveDate,
}

/// Daily exchange rates: the ECB's table, then a fact base's own.
#[derive(Debug)]
pub struct Fx {
    table: EcbTable,
    written: Vec<WrittenRates>,
}

/// The rates a fact base gives for one pair: `EUR/USD` 1.08 means one euro
/// buys 1.08 dollars. A day's rate beats its month's.
#[derive(Debug)]
struct WrittenRates {
    base: String,
    quote: String,
    days: BTreeMap<NaiveDate, f64>,
    months: BTreeMap<(i32, u32), f64>,
}

impl Default for Fx {
    fn default() -> Self {
        Fx {
            table: EcbTable::embedded(),
            written: Vec::new(),
        }
    }
}

impl Fx {
    /// The ECB table this uses.
    pub fn table(&self) -> &EcbTable {
        &self.table
    }

    fn pair_mut(&mut self, base: &str, quote: &str) -> &mut WrittenRates {
        let at = match self
            .written
            .iter()
            .position(|w| w.base == base && w.quote == quote)
        {
            Some(at) => at,
            None => {
                self.written.push(WrittenRates {
                    base: base.to_string(),
                    quote: quote.to_string(),
                    days: BTreeMap::new(),
                    months: BTreeMap::new(),
                });
                self.written.len() - 1
            }
        };
        &mut self.written[at]
    }

    /// A fact base's rate for every day of a month.
    pub fn insert_month(&mut self, base: &str, quote: &str, year: i32, month: u32, rate: f64) {
        self.pair_mut(base, quote)
            .months
            .insert((year, month), rate);
    }

    /// A fact base's rate for one day.
    pub fn insert_day(&mut self, base: &str, quote: &str, day: NaiveDate, rate: f64) {
        self.pair_mut(base, quote).days.insert(day, rate);
    }

    /// How many rates the fact base wrote, all pairs together (the ECB's are
    /// not counted).
    pub fn len(&self) -> usize {
        self.written
            .iter()
            .map(|w| w.days.len() + w.months.len())
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The fact base's rate from `from` to `to` on `day`, written for that
    /// pair or its inverse.
    fn written_rate(&self, from: &str, to: &str, day: NaiveDate) -> Option<Rate> {
        self.written.iter().find_map(|w| {
            let direct = (w.base == from && w.quote == to).then_some(false);
            let inverse = direct.or((w.base == to && w.quote == from).then_some(true))?;
            let rate = w
                .days
                .get(&day)
                .or_else(|| w.months.get(&(day.year(), day.month())))?;
            let rate = if inverse { 1.0 / rate } else { *rate };
            Some(Rate { rate, day })
        })
    }

    /// How many units of `code` one euro bought on `day`.
    fn euro_to(&self, code: &str, day: NaiveDate) -> Option<Rate> {
        if code == "EUR" {
            return Some(Rate { rate: 1.0, day });
        }
        if let Some(rate) = self.written_rate("EUR", code, day) {
            return Some(rate);
        }
        let column = self.table.column(code)?;
        let last = self.table.last_day();
        let past_end = (day - last).num_days().max(0) as u64;
        if past_end > AFTER_LAST_DAYS {
            return None;
        }
        let published = self.table.rate_on(column, day, LOOK_BACK_DAYS + past_end)?;
        Some(Rate {
            rate: published.rate,
            day: published.day,
        })
    }

    /// How many `to` one `from` bought on `day`: the fact base's rate for the
    /// pair, else through the euro (each leg the fact base's or the ECB's).
    pub fn rate(&self, from: &str, to: &str, day: NaiveDate) -> Option<Rate> {
        if from == to {
            return Some(Rate { rate: 1.0, day });
        }
        if let Some(rate) = self.written_rate(from, to, day) {
            return Some(rate);
        }
        let from_euro = self.euro_to(from, day)?;
        let to_euro = self.euro_to(to, day)?;
        Some(Rate {
            rate: to_euro.rate / from_euro.rate,
            day: from_euro.day.min(to_euro.day),
        })
    }

    /// The lowest and highest rates from `from` to `to` over the days
    /// `dates.first..=dates.last` that have one (a date known only to the month
    /// or the year, or the life of a fact).
    ///
    /// The rate of a day changes only where the ECB published or where a
    /// fact-base rate starts or ends, so only those days are looked up: a
    /// month costs about 22 lookups, not 31, and an open end stops at the table.
    pub fn rate_range(&self, from: &str, to: &str, dates: DateRange) -> Option<(f64, f64)> {
        if from == to {
            return Some((1.0, 1.0));
        }
        let (first, last) = (dates.first, dates.last);
        let mut changes = vec![first];
        let within = |d: NaiveDate| first < d && d <= last;
        let start = self.table.row_on_or_before(first).map_or(0, |r| r + 1);
        let end = self.table.row_on_or_before(last).map_or(0, |r| r + 1);
        changes.extend((start..end).map(|row| self.table.day(row)));
        let involved = |w: &&WrittenRates| {
            [from, to, "EUR"].contains(&w.base.as_str())
                && [from, to, "EUR"].contains(&w.quote.as_str())
        };
        for w in self.written.iter().filter(involved) {
            for day in w.days.keys() {
                changes.extend(
                    [Some(*day), day.checked_add_days(Days::new(1))]
                        .into_iter()
                        .flatten(),
                );
            }
            for (year, month) in w.months.keys() {
                if let Some(month) = DateRange::month(*year, *month) {
                    let after = month.last.checked_add_days(Days::new(1));
                    changes.extend([Some(month.first), after].into_iter().flatten());
                }
            }
        }
        let rates = changes
            .into_iter()
            .filter(|d| *d == first || within(*d))
            .filter_map(|d| self.rate(from, to, d).map(|r| r.rate));
        rates.fold(None, |range, r| match range {
            None => Some((r, r)),
            Some((low, high)) => Some((f64::min(low, r), f64::max(high, r))),
        })
    }
}
