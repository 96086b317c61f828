//! A publication date written in an article's address: news sites file
//! articles under `/2024/09/` or `/2024/09/26/`. Read only from the path, as
//! numbers between slashes (a year, a month, an optional day), so that ids and
//! query strings are left alone.

use std::ops::Range;

use chrono::NaiveDate;

use crate::values::DateRange;

/// The date in `url`'s path and the bytes that write it, if any: a day when
/// the day is there, else the month.
pub fn date_in_url(url: &str) -> Option<(DateRange, Range<usize>)> {
    let path_start = url.find("://").map_or(0, |i| i + 3);
    let path_start = path_start + url[path_start..].find('/')?;
    let path_end = url[path_start..]
        .find(['?', '#'])
        .map_or(url.len(), |i| path_start + i);
    let path = &url[path_start..path_end];
    // Segments with their byte offsets in `url`.
    let mut segments = Vec::new();
    let mut offset = path_start;
    for segment in path.split('/') {
        segments.push((segment, offset));
        offset += segment.len() + 1;
    }
    let number = |s: &str, digits: usize| {
        (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    for (k, (year, at)) in segments.iter().enumerate() {
        let Some(y) = number(year, 4).filter(|y| (1990..=2100).contains(y)) else {
            continue;
        };
        let Some((month, month_at)) = segments.get(k + 1) else {
            continue;
        };
        let Some(m) = number(month, 2).filter(|m| (1..=12).contains(m)) else {
            continue;
        };
        let day = segments
            .get(k + 2)
            .and_then(|(d, d_at)| Some((number(d, 2)?, *d_at, d.len())))
            .and_then(|(d, d_at, len)| {
                NaiveDate::from_ymd_opt(y as i32, m, d).map(|date| (date, d_at + len))
            });
        return Some(match day {
            Some((date, end)) => (DateRange::day(date), *at..end),
            None => {
                let first = NaiveDate::from_ymd_opt(y as i32, m, 1)?;
                let last = first
                    .checked_add_months(chrono::Months::new(1))?
                    .pred_opt()?;
                (DateRange { first, last }, *at..month_at + month.len())
            }
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(url: &str) -> Option<(String, String)> {
        date_in_url(url).map(|(d, at)| (d.display(), url[at].to_string()))
    }

    #[test]
    fn a_year_and_month_in_the_path_date_the_article() {
        assert_eq!(
            read("https://example.fr/2024/09/un-portrait"),
            Some(("2024-09".into(), "2024/09".into()))
        );
        assert_eq!(
            read("https://example.com/2025/06/17/a-story/"),
            Some(("2025-06-17".into(), "2025/06/17".into()))
        );
    }

    #[test]
    fn numbers_that_are_no_date_are_left_alone() {
        assert_eq!(read("https://example.com/news/77141"), None);
        assert_eq!(read("https://example.com/2024/13/x"), None);
        assert_eq!(read("https://example.com/a?from=2024/09"), None);
        assert_eq!(read("https://2024.example.com/09/x"), None);
        assert_eq!(
            read("https://example.com/2024/02/30/x"),
            Some(("2024-02".into(), "2024/02".into()))
        );
    }
}
