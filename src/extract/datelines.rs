//! Quoted pieces. A page that reprints another article under that article's
//! own dateline ("Publié le 20 octobre 2024 par …", "Published on …") speaks
//! as of that day from there on: "32 ans" after it is an age on the quoted
//! day, not on the day the page was published. Claims read against the page's
//! date are read against the latest dateline before them instead.

use super::claim::Claim;
use super::clause::spells;
use super::conversions::StatedConversion;
use crate::lexicon::Lexicon;
use crate::readers::dates::DateMention;
use crate::text::tokens::Token;
use crate::values::DateRange;

/// Gives each claim that carries the page's date (no date of its own clause)
/// the date of the latest dateline before it, if one is written.
pub(super) fn redate(
    text: &str,
    tokens: &[Token],
    dates: &[DateMention],
    lexicon: &Lexicon,
    claims: &mut [Claim],
) {
    if claims.is_empty() {
        return;
    }
    let datelines = datelines(text, tokens, dates, lexicon);
    for claim in claims.iter_mut().filter(|c| c.date_at.is_none()) {
        if let Some(date) = latest_before(&datelines, claim.value_at.start) {
            claim.date = Some(date);
        }
    }
}

/// The same for amounts given with their conversion: a quoted piece's
/// figure was converted on its own day, not the page's.
pub(super) fn redate_conversions(
    text: &str,
    tokens: &[Token],
    dates: &[DateMention],
    lexicon: &Lexicon,
    conversions: &mut [StatedConversion],
) {
    if conversions.is_empty() {
        return;
    }
    let datelines = datelines(text, tokens, dates, lexicon);
    for c in conversions.iter_mut().filter(|c| c.date_at.is_none()) {
        if let Some(date) = latest_before(&datelines, c.original.range.start) {
            c.date = Some(date);
        }
    }
}

/// The date of the latest dateline that ends before byte `at`.
fn latest_before(datelines: &[(usize, DateRange)], at: usize) -> Option<DateRange> {
    let k = datelines.partition_point(|(end, _)| *end <= at);
    k.checked_sub(1).map(|k| datelines[k].1)
}

/// Each dateline's end and date, in reading order.
fn datelines(
    text: &str,
    tokens: &[Token],
    dates: &[DateMention],
    lexicon: &Lexicon,
) -> Vec<(usize, DateRange)> {
    let markers = &lexicon.dateline_markers;
    if markers.is_empty() {
        return Vec::new();
    }
    let mut datelines = Vec::new();
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return datelines;
    };
    // A marker starts a line: only the first word and those after a line
    // break are looked at, found from the breaks (a few a paragraph) rather
    // than from every word's gap (comparing every word with every marker
    // was 2.5 % of a check). A token holds no line break: the word after
    // one is the first that starts after it.
    let from = first.range.start;
    let breaks = memchr::memchr_iter(b'\n', &text.as_bytes()[from..last.range.start])
        .map(|k| tokens.partition_point(|t| t.range.start <= from + k));
    let mut previous = None;
    for i in std::iter::once(0).chain(breaks) {
        if previous == Some(i) {
            continue;
        }
        previous = Some(i);
        let token = &tokens[i];
        if !markers
            .iter()
            .any(|m| m.first().is_some_and(|w| *w == token.folded))
        {
            continue;
        }
        let Some(marker) = markers.iter().find(|m| spells(tokens, i, m, tokens.len())) else {
            continue;
        };
        let Some(after) = tokens.get(i + marker.len()) else {
            continue;
        };
        // A full date right after the marker: "Publié le 20 octobre 2024".
        let at = dates.partition_point(|d| d.range.start < after.range.start);
        if let Some(d) = dates
            .get(at)
            .filter(|d| d.range.start == after.range.start && d.full)
        {
            datelines.push((d.range.end, d.date));
        }
    }
    datelines
}
