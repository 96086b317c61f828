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
