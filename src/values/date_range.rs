//! A period of days, the value every date in an article or the fact base is
//! read into.

use chrono::{Datelike, NaiveDate};

/// A period of days, both ends included: a date written "2023-12" is the whole month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl DateRange {
    pub fn day(date: NaiveDate) -> Self {
        DateRange {
            first: date,
            last: date,
        }
    }

    pub fn month(year: i32, month: u32) -> Option<Self> {
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        Some(DateRange {
            first,
            last: next.pred_opt()?,
        })
    }

    pub fn year(year: i32) -> Option<Self> {
        Some(DateRange {
            first: NaiveDate::from_ymd_opt(year, 1, 1)?,
            last: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    /// ISO form at the precision it was given: `2024`, `2024-03`, `2024-03-01`.
    pub fn display(&self) -> String {
        if self.first == self.last {
            self.first.format("%Y-%m-%d").to_string()
        } else if self.first.day() == 1
            && Some(*self) == DateRange::month(self.first.year(), self.first.month())
        {
            self.first.format("%Y-%m").to_string()
        } else if Some(*self) == DateRange::year(self.first.year()) {
            self.first.format("%Y").to_string()
        } else {
            format!(
                "{}..{}",
                self.first.format("%Y-%m-%d"),
                self.last.format("%Y-%m-%d")
            )
        }
    }
}

/// Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
pub fn parse_iso(text: &str) -> Option<DateRange> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y] => DateRange::year(number(y, 4)? as i32),
        [y, m] => DateRange::month(number(y, 4)? as i32, number(m, 2)?),
        [y, m, d] => NaiveDate::from_ymd_opt(number(y, 4)? as i32, number(m, 2)?, number(d, 2)?)
            .map(DateRange::day),
        _ => None,
    }
}
