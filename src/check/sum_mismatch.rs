//! `sum-mismatch`: a total that the events it sums do not add up to.

use chrono::Months;

use super::helpers::money::{fact_in, overlaps, reading_labels, said, topic};
use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::extract::Claim;
use crate::rules::model::Window;
use crate::rules::{Fact, FactBase};
use crate::span::Span;
use crate::text::tokens::folded_words;
use crate::values::amount::describe;

pub struct SumMismatch;

pub const INFO: CheckInfo = CheckInfo {
    code: "T003",
    name: "sum-mismatch",
    severity: Severity::Error,
    summary: "A total that the facts it sums do not add up to.",
    explanation: "\
Reports a claim about a total ('a levé près de 500 millions d'euros en deux tours',
'raised a billion euros in a year') whose figure does not overlap the sum of the
events it counts: an attribute with `sums:` (total-raised sums funding-round), and the
window its cue sets in `windows:` (the last two rounds, the last twelve months; every
round up to the claim's time otherwise). Each round is taken in the claim's currency,
as stated or converted at the claim's month. The message lists the rounds summed.

Why it matters: totals are recomputed by hand in every article, and a round is easily
forgotten or counted twice.

Example (an article of December 2023):

    Acme AI a levé 600 millions d'euros en deux tours.
                      ^^^^^^^^^^^^^^^^^^^^^
    error[T003]: total raised of Acme AI in 2 rounds: the article says EUR 600M;
                 the rounds add up to EUR 490M (105 million EUR on 2023-06-13 +
                 385 million EUR on 2023-12-10)
",
};

/// The window a claim's cue sets.
fn window_of(ctx: &CheckContext, claim: &Claim, text: &str) -> Window {
    let words: Vec<String> = folded_words(text, claim.cue.clone());
    ctx.facts.attributes[claim.attribute]
        .windows
        .iter()
        .find(|(w, _)| *w == words)
        .map_or(Window::All, |(_, window)| *window)
}

/// The events a total counts, oldest first.
fn counted<'a>(facts: &'a FactBase, claim: &Claim, events: usize, window: Window) -> Vec<&'a Fact> {
    let until = claim.date.map(|d| d.last);
    let mut all: Vec<&Fact> = facts
        .facts_about(claim.subject, events)
        .filter(|f| until.is_none_or(|u| f.valid.first <= u))
        .collect();
    all.sort_by_key(|f| f.valid.first);
    match window {
        Window::All => all,
        Window::LastEvents(n) => all.split_off(all.len().saturating_sub(n as usize)),
        Window::LastMonths(n) => match until.and_then(|u| u.checked_sub_months(Months::new(n))) {
            Some(from) => all.into_iter().filter(|f| f.valid.first > from).collect(),
            None => all,
        },
    }
}

impl Check for SumMismatch {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>) {
        for ex in ctx.extractions {
            let file = ex.article.file;
            let text = &ctx.map.get(file).text;
            for claim in ex.money_claims() {
                let Some(events) = ctx.facts.attributes[claim.attribute].sums else {
                    continue;
                };
                let Some(currency) = claim.amount.currency.as_deref() else {
                    continue;
                };
                let window = window_of(ctx, &claim, text);
                let counted = counted(ctx.facts, &claim, events, window);
                let values: Option<Vec<_>> = counted
                    .iter()
                    .map(|f| fact_in(ctx.facts, f, currency, claim.date))
                    .collect();
                let Some(values) = values.filter(|v| !v.is_empty()) else {
                    continue;
                };
                let (low, high) = values
                    .iter()
                    .fold((0.0, 0.0), |(l, h), v| (l + v.low, h + v.high));
                if overlaps((claim.amount.low, claim.amount.high), (low, high)) {
                    continue;
                }
                let parts: Vec<String> = values
                    .iter()
                    .map(|v| format!("{} on {}", v.figure(), v.fact.when))
                    .collect();
                let scope = match window {
                    Window::All => String::new(),
                    Window::LastEvents(n) => format!(" in {n} rounds"),
                    Window::LastMonths(n) => format!(" in {n} months"),
                };
                let total = describe((low + high) / 2.0, (low + high) / 2.0, Some(currency));
                let mut diag = Diagnostic::new(
                    &INFO,
                    format!(
                        "{}{scope}: the article says {}; the rounds add up to {total} ({})",
                        topic(ctx.facts, &claim),
                        said(&claim),
                        parts.join(" + ")
                    ),
                    Label::new(
                        Span::new(file, claim.amount.range.clone()),
                        format!("the rounds add up to {total}"),
                    ),
                )
                .with_secondary(Label::new(
                    Span::new(file, claim.cue.clone()),
                    "the window summed",
                ));
                for v in &values {
                    let written = v
                        .fact
                        .value_in(&v.currency)
                        .map_or(&v.fact.written, |m| &m.written);
                    diag = diag.with_secondary(Label::new(
                        written.span.clone(),
                        format!("counted: {}", written.text),
                    ));
                }
                for label in reading_labels(ctx.facts, &claim, file) {
                    diag = diag.with_secondary(label);
                }
                out.push(diag);
            }
        }
    }
}
