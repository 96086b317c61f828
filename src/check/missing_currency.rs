//! `missing-currency`: a money claim that does not say in which currency.

use super::helpers::money::{Verdict, fact_evidence, reading_labels, topic};
use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::span::Span;

pub struct MissingCurrency;

pub const INFO: CheckInfo = CheckInfo {
    code: "M003",
    name: "missing-currency",
    severity: Severity::Warning,
    summary: "A money claim gives no currency.",
    explanation: "\
Reports an amount in a money claim ('valorisée à 2 milliards') that names no
currency and cannot take one from its context. An amount takes the currency of the
earlier amounts of its paragraph when they are about the same subject and attribute
and all agree ('105 millions d'euros … puis 385 millions'); `claimcheck claims` shows
where an inherited currency came from.

When the fact base has a figure for the claim, a note says in which currency the
claim would agree with it.

Why it matters: 2 billion dollars and 2 billion euros differ by hundreds of
millions; a reader cannot tell which one is meant.

Example:

    la startup, valorisée à 2 milliards, ...
                            ^^^^^^^^^^^ warning[M003]: no currency
",
};

impl Check for MissingCurrency {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>) {
        let judged = ctx.judged_claims();
        for (ex, claim, verdict) in judged.filter(|(_, c, _)| c.amount.currency.is_none()) {
            let file = ex.article.file;
            let text = &ctx.map.get(file).text;
            let written = &text[claim.amount.range.clone()];
            let mut diag = Diagnostic::new(
                &INFO,
                format!(
                    "`{written}` gives no currency ({})",
                    topic(ctx.facts, &claim)
                ),
                Label::new(
                    Span::new(file, claim.amount.range.clone()),
                    "in which currency?",
                ),
            );
            if let Verdict::NoCurrency { agrees } = verdict {
                let currencies: Vec<&str> = agrees.iter().map(|v| v.currency.as_str()).collect();
                let first = &agrees[0];
                let (fact_label, source) = fact_evidence(first);
                diag = diag
                    .with_secondary(fact_label)
                    .with_note(format!(
                        "it agrees with the fact base if in {}: {}",
                        currencies.join(" or "),
                        first.describe()
                    ))
                    .with_note(source);
            }
            for label in reading_labels(ctx.facts, &claim, file) {
                diag = diag.with_secondary(label);
            }
            out.push(diag.with_help("name the currency next to the figure"));
        }
    }
}
