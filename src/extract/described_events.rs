//! Claims that describe an event another claim states. In "it is backed by
//! Hooli and raised €60 million in 2024, led by Initech Ventures", who led is
//! said of the round: the claim is about the company that raised, not about
//! the nearest name before its cue; and in "a €60 million round led by
//! Initech Ventures in 2023", the year dates the round.

use super::claim::Claim;
use crate::readers::dates::DateMention;
use crate::rules::FactBase;

/// How many words may stand between a describing claim's value and a date
/// that dates the event ("led by Hooli in 2023").
const DATE_REACH: usize = 2;

/// Gives each claim whose attribute `describes` an event attribute the
/// subject, modality and written date of the nearest claim of that attribute
/// before its cue in the same sentence; a claim with none keeps its own. A
/// date right after the describing claim's value dates both when the event's
/// claim had none of its own. A describing claim whose subject was left to
/// its value (no name before its cue) and that follows no event's claim is
/// dropped.
pub(super) fn follow_events(
    text: &str,
    facts: &FactBase,
    dates: &[DateMention],
    claims: &mut Vec<Claim>,
) {
    let mut unresolved = vec![false; claims.len()];
    for i in 0..claims.len() {
        let Some(event) = facts.attributes[claims[i].attribute].describes else {
            continue;
        };
        let cue = claims[i].cue.start;
        let Some(j) = (0..claims.len())
            .filter(|&j| claims[j].attribute == event && claims[j].value_at.end <= cue)
            .filter(|&j| !text[claims[j].value_at.end..cue].contains(['.', ';', '!', '?', '\n']))
            .max_by_key(|&j| claims[j].value_at.end)
        else {
            unresolved[i] = matches!(
                claims[i].value,
                super::claim::ClaimValue::Entity { entity, .. } if entity == claims[i].subject
            );
            continue;
        };
        if claims[j].date_at.is_none()
            && let Some(d) = date_after(text, dates, claims[i].value_at.end)
        {
            claims[j].date = Some(d.date);
            claims[j].date_at = Some(d.range.clone());
        }
        let stated = &claims[j];
        let (subject, others, at, inferred, modality) = (
            stated.subject,
            stated.other_subjects.clone(),
            stated.subject_at.clone(),
            stated.subject_inferred,
            stated.modality,
        );
        // "its Series B, led by Hooli in 2023": the words name the round, so
        // its date is checked there (a wrong year is one finding, not two).
        let pinned = matches!(&stated.value, super::claim::ClaimValue::Money(m) if m.pin.is_some());
        let dated = (!pinned)
            .then(|| stated.date_at.clone().map(|at| (stated.date, at)))
            .flatten();
        let c = &mut claims[i];
        c.subject = subject;
        c.other_subjects = others;
        c.subject_at = at;
        c.subject_inferred = inferred;
        // "in talks to raise €1 billion, led by …": as sure as the round.
        if c.modality == crate::values::Modality::Asserted {
            c.modality = modality;
        }
        // "raised €60 million in June 2024, led by …": the round of that date.
        if let Some((date, date_at)) = dated {
            c.date = date;
            c.date_at = Some(date_at);
        }
    }
    let mut k = 0;
    claims.retain(|_| {
        k += 1;
        !unresolved[k - 1]
    });
}

/// The date written within [`DATE_REACH`] words after byte `end`, no
/// punctuation between.
fn date_after<'d>(text: &str, dates: &'d [DateMention], end: usize) -> Option<&'d DateMention> {
    let d = dates.get(dates.partition_point(|d| d.range.start < end))?;
    let gap = &text[end..d.range.start];
    (gap.split_whitespace().count() <= DATE_REACH && !gap.contains([',', ';', ':', '.', '(']))
        .then_some(d)
}
