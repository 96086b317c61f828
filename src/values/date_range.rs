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

    /// As a fact base writes a window of whole months or years
    /// (`2023-04..2023-05`, `2022..2023`), else as [`DateRange::display`].
    pub fn display_window(&self) -> String {
        let whole_months =
            self.first.day() == 1 && self.last.succ_opt().is_some_and(|d| d.day() == 1);
        if !whole_months || self.display().len() <= 10 {
            return self.display();
        }
        let last_month =
            NaiveDate::from_ymd_opt(self.last.year(), self.last.month(), 1).unwrap_or(self.last);
        if self.first.month() == 1 && self.last.month() == 12 {
            format!("{}..{}", self.first.format("%Y"), self.last.format("%Y"))
        } else {
            format!(
                "{}..{}",
                self.first.format("%Y-%m"),
                last_month.format("%Y-%m")
            )
        }
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

/// Why a written window of dates is not one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowError {
    /// An end is not `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    NotADate,
    /// The first end comes after the second.
    Reversed,
}

/// Reads a date or a window between two (`2023-04..2023-05`, where sources
/// disagree on when within it): from the start of the first to the end of the
/// second.
pub fn parse_iso_window(text: &str) -> Result<DateRange, WindowError> {
    let Some((from, until)) = text.split_once("..") else {
        return parse_iso(text).ok_or(WindowError::NotADate);
    };
    let (Some(from), Some(until)) = (parse_iso(from), parse_iso(until)) else {
        return Err(WindowError::NotADate);
    };
    if from.first > until.first || from.last > until.last {
        return Err(WindowError::Reversed);
    }
    Ok(DateRange {
        first: from.first,
        last: until.last,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_read_from_the_first_start_to_the_second_end() {
        let window = parse_iso_window("2023-04..2023-05").unwrap();
        assert_eq!(window.first, NaiveDate::from_ymd_opt(2023, 4, 1).unwrap());
        assert_eq!(window.last, NaiveDate::from_ymd_opt(2023, 5, 31).unwrap());
        assert_eq!(window.display_window(), "2023-04..2023-05");
        assert_eq!(
            parse_iso_window("2022..2023").unwrap().display_window(),
            "2022..2023"
        );
        assert_eq!(
            parse_iso_window("2023-04-10..2023-05-02")
                .unwrap()
                .display_window(),
            "2023-04-10..2023-05-02"
        );
        assert_eq!(
            parse_iso_window("2023-04").unwrap().display_window(),
            "2023-04"
        );
        assert_eq!(
            parse_iso_window("2023-05..2023-04"),
            Err(WindowError::Reversed)
        );
        assert_eq!(parse_iso_window("2023-04.."), Err(WindowError::NotADate));
        assert_eq!(parse_iso_window("april..may"), Err(WindowError::NotADate));
    }
}

/// A date written with no year in an article that has none ("lancé début
/// octobre"): a range placed in a placeholder year, of which only months and
/// days mean anything.
impl DateRange {
    /// Whether the month-and-day range, put in some year, meets `fact`: the
    /// years tried are the fact's own (and the one before, for a range that
    /// runs into the next year).
    pub fn yearless_meets(&self, fact: &DateRange) -> bool {
        let span = self.last.year() - self.first.year();
        (fact.first.year() - span..=fact.last.year()).any(|y| {
            self.in_year(y)
                .is_some_and(|d| d.first <= fact.last && fact.first <= d.last)
        })
    }

    /// The same months and days from year `year` on (29 February only in a
    /// leap year).
    fn in_year(&self, year: i32) -> Option<DateRange> {
        let shift = year - self.first.year();
        let move_by = |d: NaiveDate| d.with_year(d.year() + shift);
        Some(DateRange {
            first: move_by(self.first)?,
            last: move_by(self.last)?,
        })
    }

    /// ISO 8601's form without a year: `--10`, `--10-05`, `--10-01..--10-10`.
    pub fn display_yearless(&self) -> String {
        let whole_month = self.first.day() == 1
            && Some(*self) == DateRange::month(self.first.year(), self.first.month());
        if whole_month {
            self.first.format("--%m").to_string()
        } else if self.first == self.last {
            self.first.format("--%m-%d").to_string()
        } else {
            format!(
                "{}..{}",
                self.first.format("--%m-%d"),
                self.last.format("--%m-%d")
            )
        }
    }
}

#[cfg(test)]
mod yearless_tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn yearless(m1: u32, d1: u32, m2: u32, d2: u32) -> DateRange {
        let (y1, y2) = (4, if m2 < m1 { 5 } else { 4 });
        DateRange {
            first: day(y1, m1, d1),
            last: day(y2, m2, d2),
        }
    }

    #[test]
    fn a_day_and_month_meet_a_fact_in_the_facts_year_only() {
        let fact = DateRange::day(day(2023, 9, 27));
        assert!(yearless(9, 21, 9, 30).yearless_meets(&fact));
        assert!(!yearless(10, 1, 10, 10).yearless_meets(&fact));
        // A fact that is a window of years: any of them.
        let window = DateRange {
            first: day(2021, 11, 1),
            last: day(2022, 2, 28),
        };
        assert!(yearless(1, 5, 1, 5).yearless_meets(&window));
        assert!(!yearless(6, 1, 6, 30).yearless_meets(&window));
        // "late December to early January" runs into the next year.
        assert!(yearless(12, 28, 1, 3).yearless_meets(&DateRange::day(day(2024, 1, 2))));
        // 29 February meets only a leap year's.
        assert!(!yearless(2, 29, 2, 29).yearless_meets(&DateRange::year(2023).unwrap()));
        assert!(yearless(2, 29, 2, 29).yearless_meets(&DateRange::year(2024).unwrap()));
    }

    #[test]
    fn shown_in_iso_form_without_a_year() {
        assert_eq!(yearless(10, 1, 10, 31).display_yearless(), "--10");
        assert_eq!(yearless(10, 5, 10, 5).display_yearless(), "--10-05");
        assert_eq!(
            yearless(10, 1, 10, 10).display_yearless(),
            "--10-01..--10-10"
        );
    }
}
