//! `elapsed-mismatch`: "moins d'un an après sa création" when it was longer.

use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::extract::ClaimValue;
use crate::rules::FactValue;
use crate::span::Span;
use crate::values::DateRange;

pub struct ElapsedMismatch;

pub const INFO: CheckInfo = CheckInfo {
    code: "T004",
    name: "elapsed-mismatch",
    severity: Severity::Error,
    summary: "A time elapsed since a dated event that the facts' dates contradict.",
    explanation: "\
Reports a duration put after an entity's dated event — 'moins d'un an après sa
création', 'two years after it was founded' — when the time between that event (a
fact with a date value, such as `founded`) and the event the sentence reports (a
date in the sentence, else the article's date) is outside the duration claimed.
Durations are read with the lexicon's units and hedges ('moins d'un an' is anything
under twelve months; 'un an' is six to eighteen).

Why it matters: 'less than a year after its founding' is a claim of speed that
readers remember; it must be true.

Example (a company founded in April 2023):

    dévoilé le 26 février 2025, moins d'un an après sa création
                                ^^^^^^^^^^^^^ error[T004]: 22 months passed
",
};

/// Months between two days, as a real number.
fn months_between(from: chrono::NaiveDate, to: chrono::NaiveDate) -> f64 {
    (to - from).num_days() as f64 / 30.44
}

fn span_months(fact: DateRange, event: DateRange) -> (f64, f64) {
    (
        months_between(fact.last, event.first),
        months_between(fact.first, event.last),
    )
}

/// A duration claim judged: the fact dating the subject's event, the event
/// reported, the months that passed between them, and whether the duration
/// claimed allows them.
pub struct Elapsed<'a> {
    pub fact: &'a crate::rules::Fact,
    pub date: DateRange,
    pub event: DateRange,
    pub low: f64,
    pub high: f64,
    pub holds: bool,
}

/// `None` for a claim that is no duration, or whose event the fact base does not date.
pub fn judge<'a>(
    facts: &'a crate::rules::FactBase,
    claim: &crate::extract::Claim,
) -> Option<Elapsed<'a>> {
    // A duration claim is always dated: by its sentence or the article.
    let (ClaimValue::Duration { months }, Some(event)) = (&claim.value, claim.date) else {
        return None;
    };
    let (fact, date) = facts
        .facts_about(claim.subject, claim.attribute)
        .find_map(|r| match r.value {
            FactValue::Date(d) => Some((r, d)),
            _ => None,
        })?;
    let (low, high) = span_months(date, event);
    Some(Elapsed {
        fact,
        date,
        event,
        low,
        high,
        holds: months.0 <= high && low <= months.1,
    })
}

impl Check for ElapsedMismatch {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>) {
        for ex in ctx.extractions {
            let file = ex.article.file;
            for claim in ex.asserted() {
                let Some(Elapsed {
                    fact,
                    date,
                    event,
                    low,
                    high,
                    holds: false,
                }) = judge(ctx.facts, claim)
                else {
                    continue;
                };
                let passed = if (high - low) < 0.5 {
                    format!("{:.0} months", (low + high) / 2.0)
                } else {
                    format!("{:.0} to {:.0} months", low.max(0.0), high)
                };
                let attribute = ctx.facts.attributes[claim.attribute]
                    .id
                    .text
                    .replace('-', " ");
                let mut diag = Diagnostic::new(
                    &INFO,
                    format!(
                        "{passed} passed between {} ({attribute} {}) and {}",
                        ctx.facts.entity(claim.subject).name.text,
                        date.display_window(),
                        event.display()
                    ),
                    Label::new(
                        Span::new(file, claim.value_at.clone()),
                        format!("{passed} in fact"),
                    ),
                )
                .with_secondary(Label::new(
                    fact.written.span.clone(),
                    format!("the fact base: {}", fact.written.text),
                ));
                if let Some(at) = &claim.date_at {
                    diag = diag.with_secondary(Label::new(
                        Span::new(file, at.clone()),
                        "the event reported",
                    ));
                } else {
                    diag = diag.with_note("the event reported is dated by the article's date");
                }
                if let Some(url) = &fact.source {
                    diag = diag.with_note(format!("source of the fact: {url}"));
                }
                out.push(diag);
            }
        }
    }
}
