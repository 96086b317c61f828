//! Reading dates: absolute ("11 juin 2024", "June 11, 2024", "2024-06-11",
//! "11/06/2024", "en avril 2023", "fin février", "Q1 2024") and relative ("en avril
//! dernier", "hier", "ce mardi", "last June", "l'an dernier", "en juin de la même
//! année"), all from lexicon data, resolved with chrono against an anchor date
//! (the article's). A resolved date is a range: a month is its days.

use std::ops::Range;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::lexicon::Lexicon;
use crate::lexicon::date_index::{ANY, MONTH, PART, QUARTER, RELATIVE, WEEKDAY};
use crate::lexicon::date_words::{Part, Relative};
use crate::text::tokens::Token;
use crate::values::date_range::{DateRange, parse_iso};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub range: Range<usize>,
    pub date: DateRange,
    /// A weekday written beside a day and month, to check: ("mardi", Tue, day 11, month 6).
    pub weekday: Option<WrittenWeekday>,
    /// The year is written.
    pub explicit_year: bool,
    /// Day, month and year are all written.
    pub full: bool,
    /// Read against the anchor ("hier", "en juin dernier", "11 juin" without a year).
    pub relative: bool,
    /// No year is written and the article has no date to take one from: the
    /// range is placed in [`YEAR_FREE`] and only its month and day mean anything.
    pub year_free: bool,
}

/// The placeholder year of a [year-free](DateMention::year_free) date: a leap
/// year (29 February exists) that no article writes.
pub const YEAR_FREE: i32 = 4;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenWeekday {
    pub weekday: Weekday,
    pub range: Range<usize>,
}

pub struct DateReader<'a> {
    pub lexicon: &'a Lexicon,
    /// The article's date, for relative dates; without one, only absolute dates are read.
    pub anchor: Option<NaiveDate>,
}

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// How a date was written.
#[derive(Clone, Copy)]
struct How {
    explicit_year: bool,
    full: bool,
    relative: bool,
}

struct Cursor<'t> {
    text: &'t str,
    tokens: &'t [Token<'t>],
    /// The [`date_index`](super::date_index) kinds of the tokens.
    kinds: Kinds<'t>,
}

/// The [`date_index`](super::date_index) kinds of an article's tokens, as
/// the caller knows them: read from a slice rather than through a closure
/// (a call for every word looked at).
#[derive(Clone, Copy)]
pub enum Kinds<'t> {
    /// Not known: every token may be of any kind ([`ANY`]).
    Any,
    /// Token `i`'s kinds are in element `i`, a class of the extraction's
    /// vocabulary (see [`kinds_of_class`]).
    Classes(&'t [u16]),
}

/// Where a word's date kinds sit in a vocabulary class: above this bit.
pub const KINDS_SHIFT: u32 = 8;

/// The date kinds within a vocabulary class.
#[inline]
pub fn kinds_of_class(class: u16) -> u8 {
    (class >> KINDS_SHIFT) as u8
}

impl Cursor<'_> {
    /// Whether token `i` exists and may be a word of kind `kind`.
    #[inline]
    fn may_be(&self, i: usize, kind: u8) -> bool {
        i < self.tokens.len()
            && match self.kinds {
                Kinds::Any => ANY,
                Kinds::Classes(classes) => kinds_of_class(classes[i]),
            } & kind
                != 0
    }

    fn folded(&self, i: usize) -> Option<&str> {
        self.tokens.get(i).map(|t| t.folded)
    }

    /// Whether token `i` holds a hyphen-minus ("mi-juin", "2024-06"); only a
    /// token words were joined into can.
    #[inline]
    fn has_hyphen(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.hyphenated && self.text[t.range.clone()].contains('-'))
    }

    fn raw(&self, i: usize) -> Option<&str> {
        self.tokens.get(i).map(|t| &self.text[t.range.clone()])
    }

    fn phrase_len(&self, i: usize, phrase: &[String]) -> Option<usize> {
        let n = phrase.len();
        (n > 0
            && i + n <= self.tokens.len()
            && self.tokens[i..i + n]
                .iter()
                .zip(phrase)
                .all(|(t, w)| t.folded == w))
        .then_some(n)
    }

    fn gap(&self, i: usize) -> &str {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => &self.text[a.range.end..b.range.start],
            _ => "",
        }
    }

    fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.tokens[first].range.start..self.tokens[last].range.end
    }
}

impl DateReader<'_> {
    pub fn read(&self, text: &str, tokens: &[Token]) -> Vec<DateMention> {
        let words = &self.lexicon.date_first_words;
        self.read_where(
            text,
            tokens,
            |i| words.contains(tokens[i].folded),
            Kinds::Any,
        )
    }

    /// [`read`](Self::read) with the test of whether token `i` is in
    /// `date_first_words`, and the token's date kinds ([`MONTH`], …), supplied
    /// by the caller, who may know them already.
    pub fn read_where(
        &self,
        text: &str,
        tokens: &[Token],
        is_date_word: impl Fn(usize) -> bool,
        kinds: Kinds,
    ) -> Vec<DateMention> {
        let c = Cursor {
            text,
            tokens,
            kinds,
        };
        let mut out: Vec<DateMention> = Vec::new();
        let mut last_year: Option<i32> = None;
        let mut i = 0;
        while i < tokens.len() {
            let t = &tokens[i];
            // The first byte tells (a digit is ASCII): no character decoded.
            let may_start = t.folded.as_bytes().first().is_some_and(u8::is_ascii_digit)
                || is_date_word(i)
                // "mi-juin": the hyphen is folded away, so the fold is no date word.
                || c.has_hyphen(i);
            if !may_start {
                i += 1;
                continue;
            }
            match self.date_at(&c, i, last_year) {
                Some((mut mention, next)) => {
                    mention.year_free = self.anchor.is_none()
                        && !mention.explicit_year
                        && mention.date.first.year() == YEAR_FREE;
                    if mention.explicit_year {
                        last_year = Some(mention.date.first.year());
                    }
                    out.push(mention);
                    i = next.max(i + 1);
                }
                None => i += 1,
            }
        }
        out
    }

    fn year_at(&self, c: &Cursor, i: usize) -> Option<i32> {
        let t = c.tokens.get(i)?;
        (t.folded.len() == 4 && t.folded.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.folded.parse().ok())
            .flatten()
            .filter(|y| (1900..=2100).contains(y))
    }

    fn day_at(&self, c: &Cursor, i: usize) -> Option<u32> {
        let mut word = c.folded(i)?;
        // A day is digits, perhaps with a suffix ("1er"): it starts with one.
        if !word.starts_with(|ch: char| ch.is_ascii_digit()) {
            return None;
        }
        // Three digits are no day, whatever letters follow (most numbers).
        if word.bytes().take(3).all(|b| b.is_ascii_digit())
            && word.len() >= 3
            && !self
                .lexicon
                .day_suffixes
                .iter()
                .any(|s| s.starts_with(|ch: char| ch.is_ascii_digit()))
        {
            return None;
        }
        for suffix in &self.lexicon.day_suffixes {
            if let Some(stripped) = word.strip_suffix(suffix.as_str()) {
                word = stripped;
                break;
            }
        }
        (!word.is_empty() && word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit()))
            .then(|| word.parse().ok())
            .flatten()
            .filter(|d| (1..=31).contains(d))
    }

    fn month_at(&self, c: &Cursor, i: usize) -> Option<u32> {
        if !c.may_be(i, MONTH) {
            return None;
        }
        self.lexicon.month(c.folded(i)?)
    }

    fn weekday_at(&self, c: &Cursor, i: usize) -> Option<Weekday> {
        if !c.may_be(i, WEEKDAY) {
            return None;
        }
        let w = c.folded(i)?;
        self.lexicon.date_index.weekday(w).map(|k| WEEKDAYS[k])
    }

    fn relative_at(&self, c: &Cursor, i: usize) -> Option<(Relative, usize)> {
        if !c.may_be(i, RELATIVE) {
            return None;
        }
        let index = &self.lexicon.date_index.relative_dates;
        index.get(c.folded(i)?).iter().find_map(|&k| {
            let (phrase, kind) = &self.lexicon.relative_dates[k];
            c.phrase_len(i, phrase).map(|n| (*kind, n))
        })
    }

    fn part_at(&self, c: &Cursor, i: usize) -> Option<(Part, usize)> {
        if !c.may_be(i, PART) {
            return None;
        }
        let index = &self.lexicon.date_index.period_parts;
        index.get(c.folded(i)?).iter().find_map(|&k| {
            let (phrase, part) = &self.lexicon.period_parts[k];
            c.phrase_len(i, phrase).map(|n| (*part, n))
        })
    }

    fn preposition_before(&self, c: &Cursor, i: usize) -> bool {
        self.lexicon
            .month_prepositions
            .iter()
            .any(|p| i >= p.len() && c.phrase_len(i - p.len(), p).is_some())
    }

    /// The year of a month (or day) written without one: the latest such
    /// month (or day) on or before the anchor; `strictly_before` for "dernier".
    /// Without an anchor, [`YEAR_FREE`].
    fn year_for(&self, month: u32, day: Option<u32>, strictly_before: bool) -> Option<i32> {
        let Some(anchor) = self.anchor else {
            return Some(YEAR_FREE);
        };
        let key = (month, day.unwrap_or(1));
        let now = (
            anchor.month(),
            if day.is_some() { anchor.day() + 7 } else { 31 },
        );
        let this_year = if strictly_before {
            (month, 0) < (anchor.month(), 0)
        } else {
            key <= now
        };
        Some(if this_year {
            anchor.year()
        } else {
            anchor.year() - 1
        })
    }

    fn mention(
        &self,
        c: &Cursor,
        first: usize,
        last: usize,
        date: DateRange,
        how: How,
    ) -> (DateMention, usize) {
        let How {
            explicit_year,
            full,
            relative,
        } = how;
        (
            DateMention {
                range: c.span(first, last),
                date,
                weekday: None,
                explicit_year,
                full,
                relative,
                year_free: false,
            },
            last + 1,
        )
    }

    fn date_at(
        &self,
        c: &Cursor,
        i: usize,
        last_year: Option<i32>,
    ) -> Option<(DateMention, usize)> {
        // 2024-06-11, 2024-06
        let raw = c.raw(i)?;
        let hyphenated = c.has_hyphen(i);
        if hyphenated
            && raw.starts_with(|ch: char| ch.is_ascii_digit())
            && let Some(date) = parse_iso(raw).filter(|d| d.display().len() >= 7)
        {
            {
                let full = date.first == date.last;
                return Some(self.mention(
                    c,
                    i,
                    i,
                    date,
                    How {
                        explicit_year: true,
                        full,
                        relative: false,
                    },
                ));
            }
        }
        // 11/06/2024
        if c.gap(i) == "/"
            && c.gap(i + 1) == "/"
            && let (Some(a), Some(b), Some(y)) = (
                self.day_at(c, i),
                self.day_at(c, i + 1),
                self.year_at(c, i + 2),
            )
        {
            let (d, m) = if self.lexicon.day_first {
                (a, b)
            } else {
                (b, a)
            };
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some(self.mention(
                c,
                i,
                i + 2,
                DateRange::day(date),
                How {
                    explicit_year: true,
                    full: true,
                    relative: false,
                },
            ));
        }
        // Relative phrases: "hier", "l'an dernier", "en ce mois de décembre".
        if let Some((kind, n)) = self.relative_at(c, i) {
            return self.relative(c, i, kind, n);
        }
        let weekday = self.weekday_at(c, i);
        let start = if weekday.is_some() { i + 1 } else { i };
        // "mardi 11 juin 2024", "11 juin", "1er décembre 2023"; in month-first
        // languages also "June 11, 2024", "Tuesday, June 11".
        let day_month = self
            .day_at(c, start)
            .and_then(|d| Some((d, self.month_at(c, start + 1)?)));
        let month_day = (!self.lexicon.day_first)
            .then(|| {
                self.month_at(c, start)
                    .zip(self.day_at(c, start + 1))
                    .map(|(m, d)| (d, m))
            })
            .flatten();
        if let Some((d, m)) = day_month.or(month_day) {
            let year = self.year_at(c, start + 2);
            let y = year.or_else(|| self.year_for(m, Some(d), false))?;
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            let last = if year.is_some() { start + 2 } else { start + 1 };
            let how = How {
                explicit_year: year.is_some(),
                full: year.is_some(),
                relative: year.is_none(),
            };
            let (mut mention, next) = self.mention(c, i, last, DateRange::day(date), how);
            mention.weekday = weekday.map(|w| WrittenWeekday {
                weekday: w,
                range: c.tokens[i].range.clone(),
            });
            return Some((mention, next));
        }
        // "mi-juin", "fin-février"
        if hyphenated
            && let Some((head, tail)) = raw.split_once('-')
            && let Some(part) = self
                .lexicon
                .period_parts
                .iter()
                .find(|(p, _)| p.len() == 1 && p[0] == crate::text::fold::fold(head))
                .map(|(_, part)| *part)
            && let Some(m) = self.lexicon.month(&crate::text::fold::fold(tail))
        {
            let y = self
                .year_at(c, i + 1)
                .or_else(|| self.year_for(m, None, false))?;
            let last = if self.year_at(c, i + 1).is_some() {
                i + 1
            } else {
                i
            };
            return Some(self.mention(
                c,
                i,
                last,
                part.of_month(DateRange::month(y, m)?),
                How {
                    explicit_year: last > i,
                    full: false,
                    relative: last == i,
                },
            ));
        }
        // "début 2024", "fin février", "mi juin 2023"
        if let Some((part, n)) = self.part_at(c, i) {
            if let Some(y) = self.year_at(c, i + n) {
                return Some(self.mention(
                    c,
                    i,
                    i + n,
                    part.of_year(y)?,
                    How {
                        explicit_year: true,
                        full: false,
                        relative: false,
                    },
                ));
            }
            if let Some(m) = self.month_at(c, i + n) {
                let year = self.year_at(c, i + n + 1);
                let y = year.or_else(|| self.year_for(m, None, false))?;
                let last = if year.is_some() { i + n + 1 } else { i + n };
                return Some(self.mention(
                    c,
                    i,
                    last,
                    part.of_month(DateRange::month(y, m)?),
                    How {
                        explicit_year: year.is_some(),
                        full: false,
                        relative: year.is_none(),
                    },
                ));
            }
        }
        // "premier trimestre 2024", "Q1 2024"
        if let Some((q, n)) = c
            .folded(i)
            .filter(|_| c.may_be(i, QUARTER))
            .and_then(|word| {
                let index = &self.lexicon.date_index.quarters;
                index.get(word).iter().find_map(|&k| {
                    let (p, q) = &self.lexicon.quarters[k];
                    c.phrase_len(i, p).map(|n| (*q, n))
                })
            })
        {
            let year = self.year_at(c, i + n);
            let y = year.or_else(|| self.anchor.map(|a| a.year()))?;
            let first = DateRange::month(y, q * 3 - 2)?.first;
            let last = DateRange::month(y, q * 3)?.last;
            let end = if year.is_some() { i + n } else { i + n - 1 };
            return Some(self.mention(
                c,
                i,
                end,
                DateRange { first, last },
                How {
                    explicit_year: year.is_some(),
                    full: false,
                    relative: year.is_none(),
                },
            ));
        }
        // "avril 2023", "en avril", "en avril dernier", "en juin de la même année"
        if let Some(m) = self.month_at(c, i) {
            if let Some(y) = self.year_at(c, i + 1) {
                return Some(self.mention(
                    c,
                    i,
                    i + 1,
                    DateRange::month(y, m)?,
                    How {
                        explicit_year: true,
                        full: false,
                        relative: false,
                    },
                ));
            }
            if let Some((Relative::SameYear, n)) = self.relative_at(c, i + 1) {
                let y = last_year?;
                return Some(self.mention(
                    c,
                    i,
                    i + n,
                    DateRange::month(y, m)?,
                    How {
                        explicit_year: false,
                        full: false,
                        relative: true,
                    },
                ));
            }
            if let Some((Relative::PreviousAfter, n)) = self.relative_at(c, i + 1) {
                let y = self.year_for(m, None, true)?;
                return Some(self.mention(
                    c,
                    i,
                    i + n,
                    DateRange::month(y, m)?,
                    How {
                        explicit_year: false,
                        full: false,
                        relative: true,
                    },
                ));
            }
            let previous_before = i > 0
                && matches!(
                    self.relative_at(c, i - 1),
                    Some((Relative::PreviousBefore, 1))
                );
            if previous_before {
                let y = self.year_for(m, None, true)?;
                return Some(self.mention(
                    c,
                    i - 1,
                    i,
                    DateRange::month(y, m)?,
                    How {
                        explicit_year: false,
                        full: false,
                        relative: true,
                    },
                ));
            }
            if self.preposition_before(c, i) {
                let y = self.year_for(m, None, false)?;
                return Some(self.mention(
                    c,
                    i,
                    i,
                    DateRange::month(y, m)?,
                    How {
                        explicit_year: false,
                        full: false,
                        relative: true,
                    },
                ));
            }
        }
        // "en 2023", "in 2023"
        if let Some(y) = self.year_at(c, i)
            && self.preposition_before(c, i)
        {
            return Some(self.mention(
                c,
                i,
                i,
                DateRange::year(y)?,
                How {
                    explicit_year: true,
                    full: false,
                    relative: false,
                },
            ));
        }
        // "ce mardi", "mardi dernier", "last Tuesday", "on Tuesday", "mardi"
        if let Some(w) = weekday {
            let before = i > 0
                && matches!(
                    self.relative_at(c, i - 1),
                    Some((Relative::ThisBefore | Relative::PreviousBefore, 1))
                );
            let after = matches!(
                self.relative_at(c, i + 1),
                Some((Relative::PreviousAfter, _))
            );
            // A bare weekday in a news story is a day of the week of publication:
            // "s'est engagée mardi".
            {
                let anchor = self.anchor?;
                let back =
                    (anchor.weekday().num_days_from_monday() + 7 - w.num_days_from_monday()) % 7;
                let date = anchor - Duration::days(i64::from(back));
                let (first, last) = match (before, after) {
                    (true, _) => (i - 1, i),
                    (false, true) => (i, i + 1),
                    (false, false) => (i, i),
                };
                return Some(self.mention(
                    c,
                    first,
                    last,
                    DateRange::day(date),
                    How {
                        explicit_year: false,
                        full: false,
                        relative: true,
                    },
                ));
            }
        }
        None
    }

    fn relative(
        &self,
        c: &Cursor,
        i: usize,
        kind: Relative,
        n: usize,
    ) -> Option<(DateMention, usize)> {
        let anchor = self.anchor?;
        let last = i + n - 1;
        let year = anchor.year();
        let date = match kind {
            Relative::Yesterday => DateRange::day(anchor.pred_opt()?),
            Relative::Today => DateRange::day(anchor),
            Relative::ThisWeek => {
                let monday =
                    anchor - Duration::days(i64::from(anchor.weekday().num_days_from_monday()));
                DateRange {
                    first: monday,
                    last: monday + Duration::days(6),
                }
            }
            Relative::ThisMonth => {
                // "en ce mois de décembre": the month named, this year.
                if let Some(m) = self.month_at(c, i + n) {
                    return Some(self.mention(
                        c,
                        i,
                        i + n,
                        DateRange::month(year, m)?,
                        How {
                            explicit_year: false,
                            full: false,
                            relative: true,
                        },
                    ));
                }
                DateRange::month(year, anchor.month())?
            }
            Relative::ThisYear => DateRange::year(year)?,
            Relative::LastYear => DateRange::year(year - 1)?,
            Relative::EarlierThisYear => DateRange {
                first: DateRange::year(year)?.first,
                last: anchor,
            },
            _ => return None,
        };
        Some(self.mention(
            c,
            i,
            last,
            date,
            How {
                explicit_year: false,
                full: false,
                relative: true,
            },
        ))
    }
}

/// The date an undated article was most likely written, read from its text:
/// the latest date written in full, else a weekday with a day and a month
/// ("ce mardi 11 juin") in the year that weekday fixes, nearest the latest year
/// the text mentions. Returns the date and where it is written.
pub fn infer_anchor(
    lexicon: &Lexicon,
    text: &str,
    tokens: &[Token],
) -> Option<(NaiveDate, Range<usize>)> {
    let reader = DateReader {
        lexicon,
        anchor: None,
    };
    let mentions = reader.read(text, tokens);
    if let Some(latest) = mentions
        .iter()
        .filter(|m| m.full)
        .max_by_key(|m| m.date.first)
    {
        return Some((latest.date.first, latest.range.clone()));
    }
    let reference = mentions
        .iter()
        .filter(|m| m.explicit_year)
        .map(|m| m.date.first.year())
        .max()?;
    let c = Cursor {
        text,
        tokens,
        kinds: Kinds::Any,
    };
    (0..tokens.len()).find_map(|i| {
        let weekday = reader.weekday_at(&c, i)?;
        let day = reader.day_at(&c, i + 1)?;
        let month = reader.month_at(&c, i + 2)?;
        if reader.year_at(&c, i + 3).is_some() {
            return None;
        }
        let year = year_of_weekday(weekday, month, day, reference)?;
        Some((NaiveDate::from_ymd_opt(year, month, day)?, c.span(i, i + 2)))
    })
}

/// The year in which `day month` falls on `weekday`, nearest to `reference`
/// and not before it when possible (an article dated by "mardi 11 juin" after
/// mentioning 2023 is from 2024).
pub fn year_of_weekday(weekday: Weekday, month: u32, day: u32, reference: i32) -> Option<i32> {
    (0..=12)
        .flat_map(|k| [reference + k, reference - k])
        .find(|y| NaiveDate::from_ymd_opt(*y, month, day).is_some_and(|d| d.weekday() == weekday))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;
    use crate::text::tokens::tokenize;

    fn read(lang: &str, anchor: Option<&str>, text: &str) -> Vec<(String, String)> {
        let lexicons = Lexicons::shipped();
        let reader = DateReader {
            lexicon: lexicons.get(lang).unwrap(),
            anchor: anchor.map(|a| NaiveDate::parse_from_str(a, "%Y-%m-%d").unwrap()),
        };
        let mut folds = String::new();
        let tokens = tokenize(text, 0..text.len(), &mut folds);
        reader
            .read(text, &tokens)
            .into_iter()
            .map(|m| (text[m.range].to_string(), m.date.display()))
            .collect()
    }

    fn one(lang: &str, anchor: &str, text: &str) -> (String, String) {
        let found = read(lang, Some(anchor), text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found[0].clone()
    }

    #[test]
    fn reads_absolute_dates() {
        let cases = [
            ("fr", "le 1 décembre 2023", "1 décembre 2023", "2023-12-01"),
            (
                "fr",
                "le 1er décembre 2023",
                "1er décembre 2023",
                "2023-12-01",
            ),
            ("fr", "le 11 juin 2024", "11 juin 2024", "2024-06-11"),
            ("en", "on June 11, 2024", "June 11, 2024", "2024-06-11"),
            ("en", "on 11 June 2024", "11 June 2024", "2024-06-11"),
            ("en", "on 2024-06-11", "2024-06-11", "2024-06-11"),
            ("fr", "le 11/06/2024", "11/06/2024", "2024-06-11"),
            ("en", "on 06/11/2024", "06/11/2024", "2024-06-11"),
            ("fr", "fondée en avril 2023", "avril 2023", "2023-04"),
            ("en", "founded in April 2023", "April 2023", "2023-04"),
            (
                "fr",
                "au premier trimestre 2024",
                "premier trimestre 2024",
                "2024-01-01..2024-03-31",
            ),
            ("en", "in Q1 2024", "Q1 2024", "2024-01-01..2024-03-31"),
            ("fr", "début 2024", "début 2024", "2024-01-01..2024-04-30"),
            ("fr", "en 2023", "2023", "2023"),
        ];
        for (lang, text, written, date) in cases {
            assert_eq!(
                one(lang, "2024-06-20", text),
                (written.to_string(), date.to_string()),
                "{text}"
            );
        }
    }

    #[test]
    fn resolves_relative_dates_against_the_anchor() {
        let cases = [
            (
                "fr",
                "2023-12-01",
                "en juin dernier",
                "juin dernier",
                "2023-06",
            ),
            (
                "fr",
                "2024-03-01",
                "fondé en avril dernier",
                "avril dernier",
                "2023-04",
            ),
            (
                "fr",
                "2024-06-15",
                "en juin dernier",
                "juin dernier",
                "2023-06",
            ),
            ("fr", "2024-03-01", "l'an dernier", "l an dernier", "2023"),
            (
                "fr",
                "2024-06-12",
                "cette semaine",
                "cette semaine",
                "2024-06-10..2024-06-16",
            ),
            ("fr", "2024-06-12", "ce mardi", "ce mardi", "2024-06-11"),
            ("fr", "2024-03-12", "hier", "hier", "2024-03-11"),
            (
                "fr",
                "2023-12-15",
                "en ce mois de décembre",
                "en ce mois de décembre",
                "2023-12",
            ),
            (
                "fr",
                "2024-06-11",
                "fin février",
                "fin février",
                "2024-02-21..2024-02-29",
            ),
            (
                "fr",
                "2024-06-11",
                "à la mi-juin",
                "mi-juin",
                "2024-06-11..2024-06-20",
            ),
            (
                "fr",
                "2024-06-11",
                "le 26 février",
                "26 février",
                "2024-02-26",
            ),
            ("fr", "2023-12-15", "le premier en juin", "juin", "2023-06"),
            ("en", "2024-06-20", "last June", "last June", "2023-06"),
            (
                "en",
                "2024-06-20",
                "this week",
                "this week",
                "2024-06-17..2024-06-23",
            ),
            ("en", "2024-06-20", "on Tuesday", "on Tuesday", "2024-06-18"),
            (
                "fr",
                "2024-03-12",
                "s'est engagée mardi",
                "mardi",
                "2024-03-12",
            ),
            ("fr", "2024-03-12", "a déclaré lundi", "lundi", "2024-03-11"),
            ("en", "2024-06-20", "yesterday", "yesterday", "2024-06-19"),
            (
                "en",
                "2024-06-20",
                "earlier this year",
                "earlier this year",
                "2024-01-01..2024-06-20",
            ),
        ];
        for (lang, anchor, text, written, date) in cases {
            let (w, d) = one(lang, anchor, text);
            assert_eq!(d, date, "{text} at {anchor}");
            assert_eq!(
                crate::text::fold::fold(&w),
                crate::text::fold::fold(written),
                "{text}"
            );
        }
    }

    #[test]
    fn takes_the_year_of_the_last_explicit_date_for_the_same_year() {
        let found = read(
            "fr",
            Some("2024-06-11"),
            "385 millions en décembre 2023 et 105 millions en juin de la même année",
        );
        assert_eq!(
            found.iter().map(|f| f.1.as_str()).collect::<Vec<_>>(),
            ["2023-12", "2023-06"]
        );
    }

    #[test]
    fn leaves_relative_dates_alone_without_an_anchor() {
        let lexicons = Lexicons::shipped();
        let reader = DateReader {
            lexicon: lexicons.get("fr").unwrap(),
            anchor: None,
        };
        let text = "en avril dernier, hier";
        let mut folds = String::new();
        let tokens = tokenize(text, 0..text.len(), &mut folds);
        let found = reader.read(text, &tokens);
        // A month keeps its month, in no year; "hier" means nothing.
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].year_free && found[0].date.first.month() == 4);
        assert_eq!(read("fr", None, "le 11 juin 2024").len(), 1);
    }

    #[test]
    fn does_not_read_ordinary_words_as_dates() {
        assert!(
            read(
                "en",
                Some("2024-06-20"),
                "it may rain; they march on; 3/4 of them"
            )
            .is_empty()
        );
        assert!(read("fr", Some("2024-06-20"), "31 ans et 2 000 salariés").is_empty());
    }

    #[test]
    fn infers_an_article_date_from_its_text() {
        let lexicons = Lexicons::shipped();
        let fr = lexicons.get("fr").unwrap();
        let text = "une levée en décembre 2023, puis annoncé ce mardi 11 juin un tour";
        let mut folds = String::new();
        let tokens = tokenize(text, 0..text.len(), &mut folds);
        let (date, range) = infer_anchor(fr, text, &tokens).unwrap();
        assert_eq!(date, NaiveDate::from_ymd_opt(2024, 6, 11).unwrap());
        assert_eq!(&text[range], "mardi 11 juin");
        let text = "le 2 mars 2024 puis le 1 décembre 2023";
        let mut folds = String::new();
        let tokens = tokenize(text, 0..text.len(), &mut folds);
        assert_eq!(
            infer_anchor(fr, text, &tokens).unwrap().0,
            NaiveDate::from_ymd_opt(2024, 3, 2).unwrap()
        );
        let text = "rien de daté";
        assert!(
            infer_anchor(fr, text, &tokenize(text, 0..text.len(), &mut String::new())).is_none()
        );
    }

    #[test]
    fn finds_the_year_a_weekday_fixes() {
        assert_eq!(year_of_weekday(Weekday::Tue, 6, 11, 2023), Some(2024));
        assert_eq!(year_of_weekday(Weekday::Fri, 12, 1, 2023), Some(2023));
    }
}
