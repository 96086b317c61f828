//! What a date word of the lexicon means: a part of a month or year
//! ("fin", "early"), a date relative to the article's ("hier", "last year").

use chrono::Datelike;

use crate::values::DateRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Early,
    Mid,
    Late,
}

impl Part {
    pub fn parse(key: &str) -> Option<Part> {
        match key {
            "early" => Some(Part::Early),
            "mid" => Some(Part::Mid),
            "late" => Some(Part::Late),
            _ => None,
        }
    }

    /// The part of a month: days 1–10, 11–20, 21–end.
    pub fn of_month(self, month: DateRange) -> DateRange {
        let day = |d: u32| month.first.with_day(d).unwrap_or(month.last);
        match self {
            Part::Early => DateRange {
                first: month.first,
                last: day(10),
            },
            Part::Mid => DateRange {
                first: day(11),
                last: day(20),
            },
            Part::Late => DateRange {
                first: day(21),
                last: month.last,
            },
        }
    }

    /// The part of a year: January–April, May–August, September–December.
    pub fn of_year(self, year: i32) -> Option<DateRange> {
        let (a, b) = match self {
            Part::Early => (1, 4),
            Part::Mid => (5, 8),
            Part::Late => (9, 12),
        };
        Some(DateRange {
            first: DateRange::month(year, a)?.first,
            last: DateRange::month(year, b)?.last,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relative {
    Yesterday,
    Today,
    ThisWeek,
    ThisMonth,
    ThisYear,
    LastYear,
    EarlierThisYear,
    SameYear,
    PreviousAfter,
    PreviousBefore,
    ThisBefore,
}

impl Relative {
    pub fn parse(key: &str) -> Option<Relative> {
        Some(match key {
            "yesterday" => Relative::Yesterday,
            "today" => Relative::Today,
            "this_week" => Relative::ThisWeek,
            "this_month" => Relative::ThisMonth,
            "this_year" => Relative::ThisYear,
            "last_year" => Relative::LastYear,
            "earlier_this_year" => Relative::EarlierThisYear,
            "same_year" => Relative::SameYear,
            "previous_after" => Relative::PreviousAfter,
            "previous_before" => Relative::PreviousBefore,
            "this_before" => Relative::ThisBefore,
            _ => return None,
        })
    }
}
