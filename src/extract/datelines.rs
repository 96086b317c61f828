//! Quoted pieces. A page that reprints another article under that article's
//! own dateline ("Publié le 20 octobre 2024 par …", "Published on …") speaks
//! as of that day from there on: "32 ans" after it is an age on the quoted
//! day, not on the day the page was published. Claims read against the page's
//! date are read against the latest dateline before them instead.

use super::claim::Claim;
use super::clause::spells;
use crate::lexicon::Lexicon;
use crate::readers::dates::DateMention;
use crate::text::tokens::Token;

/// Gives each claim that carries the page's date (no date of its own clause)
/// the date of the latest dateline before it, if one is written.
pub(super) fn redate(
    text: &str,
    tokens: &[Token],
    dates: &[DateMention],
    lexicon: &Lexicon,
    claims: &mut [Claim],
) {
    let markers = &lexicon.dateline_markers;
    if markers.is_empty() || claims.is_empty() {
        return;
    }
    let mut datelines = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        // Most words start no marker: they are turned away before the gap is read.
        if !markers
            .iter()
            .any(|m| m.first().is_some_and(|w| *w == token.folded))
        {
            continue;
        }
        let line_start = i == 0 || text[tokens[i - 1].range.end..token.range.start].contains('\n');
        if !line_start {
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
    if datelines.is_empty() {
        return;
    }
    for claim in claims.iter_mut().filter(|c| c.date_at.is_none()) {
        let k = datelines.partition_point(|(end, _)| *end <= claim.value_at.start);
        if let Some(&(_, date)) = k.checked_sub(1).map(|k| &datelines[k]) {
            claim.date = Some(date);
        }
    }
}
