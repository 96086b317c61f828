//! `currency-mismatch`: the fact's figure, labelled with the wrong currency.

use super::helpers::money::{Verdict, fact_evidence, reading_labels, topic};
use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::span::Span;
use crate::values::amount::describe;

pub struct CurrencyMismatch;

pub const INFO: CheckInfo = CheckInfo {
    code: "M002",
    name: "currency-mismatch",
    severity: Severity::Error,
    summary: "A figure matches the fact base in another currency: dollars labelled as euros.",
    explanation: "\
Reports a money claim whose figure contradicts the fact base in the currency it
gives, but matches the fact's value in another currency (stated in the fact base or
converted at the month's rate): typically a dollar figure reported as euros.

Why it matters: with the euro near 1.08 dollars, a figure in the wrong currency
is 8% off, and it is the most common slip when a story is rewritten from an
English-language wire.

Example:

    Acme AI serait valorisée à 6,2 milliards d'euros.
                                  ^^^^^^^^^^^^^^^^^^^^^
    error[M002]: valuation of Acme AI: EUR 6.2B is the fact base's figure in USD
                 (6.2 billion USD), not in EUR (5.8 billion EUR)
",
};

impl Check for CurrencyMismatch {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>) {
        for (ex, claim, verdict) in ctx.judged_claims() {
            let file = ex.article.file;
            let Verdict::CurrencyMismatch { stated, matching } = verdict else {
                continue;
            };
            let (fact_label, source) = fact_evidence(matching);
            let mut diag = Diagnostic::new(
                &INFO,
                format!(
                    "{}: {} is the fact base's figure in {} ({}), not in {} ({})",
                    topic(ctx.facts, &claim),
                    describe(
                        claim.amount.value,
                        claim.amount.value,
                        claim.amount.currency.as_deref()
                    ),
                    matching.currency,
                    matching.figure(),
                    stated.currency,
                    stated.figure(),
                ),
                Label::new(
                    Span::new(file, claim.amount.range.clone()),
                    format!(
                        "this figure is in {}, not {}",
                        matching.currency, stated.currency
                    ),
                ),
            )
            .with_secondary(fact_label)
            .with_note(source)
            .with_help(format!(
                "give the figure in {}, or convert it to {}",
                matching.currency, stated.currency
            ));
            for label in reading_labels(ctx.facts, &claim, file) {
                diag = diag.with_secondary(label);
            }
            if let Some(c) = stated.conversion.as_ref().or(matching.conversion.as_ref()) {
                diag = diag.with_note(format!("rate used: {}", c.describe()));
            }
            out.push(diag);
        }
    }
}
