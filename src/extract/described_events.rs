//! Claims that describe an event another claim states. In "it is backed by
//! Hooli and raised €60 million in 2024, led by Initech Ventures", who led is
//! said of the round: the claim is about the company that raised, not about
//! the nearest name before its cue.

use super::claim::Claim;
use crate::rules::FactBase;

/// Gives each claim whose attribute `describes` an event attribute the
/// subject, modality and written date of the nearest claim of that attribute
/// before its cue in the same sentence; a claim with none keeps its own.
pub(super) fn follow_events(text: &str, facts: &FactBase, claims: &mut [Claim]) {
    for i in 0..claims.len() {
        let Some(event) = facts.attributes[claims[i].attribute].describes else {
            continue;
        };
        let cue = claims[i].cue.start;
        let stated = claims
            .iter()
            .filter(|d| d.attribute == event && d.value_at.end <= cue)
            .filter(|d| !text[d.value_at.end..cue].contains(['.', ';', '!', '?', '\n']))
            .max_by_key(|d| d.value_at.end)
            .map(|d| {
                (
                    d.subject,
                    d.other_subjects.clone(),
                    d.subject_at.clone(),
                    d.subject_inferred,
                    d.modality,
                    d.date_at.clone().map(|at| (d.date, at)),
                )
            });
        let Some((subject, others, at, inferred, modality, dated)) = stated else {
            continue;
        };
        let c = &mut claims[i];
        c.subject = subject;
        c.other_subjects = others;
        c.subject_at = at;
        c.subject_inferred = inferred;
        // "raised €60 million in June 2024, led by …": the round of that date.
        if let Some((date, date_at)) = dated {
            c.date = date;
            c.date_at = Some(date_at);
        }
        // "in talks to raise €1 billion, led by …": as sure as the round.
        if c.modality == crate::values::Modality::Asserted {
            c.modality = modality;
        }
    }
}
