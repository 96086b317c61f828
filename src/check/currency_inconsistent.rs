//! `currency-inconsistent`: one figure given in two currencies by two articles.

use super::helpers::consensus::Finding;
use super::helpers::money::topic;
use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::span::Span;
use crate::values::amount::describe;

pub struct CurrencyInconsistent;

pub const INFO: CheckInfo = CheckInfo {
    code: "M005",
    name: "currency-inconsistent",
    severity: Severity::Warning,
    summary: "Two articles give the same figure in different currencies.",
    explanation: "\
Reports two claims from different articles about the same subject, attribute, object
and period that give the same figure in two currencies — two billion dollars here,
two billion euros there. At the month's rate they differ; the message says by how
much. One of them has the currency wrong.

Why it matters: the figure was most likely copied from an English-language source
and its currency changed on the way.

Example:

    a.md: valorisée à 2 milliards de dollars
    b.md: valued at €2 billion
    warning[M005]: valuation of Acme AI: EUR 2B here, USD 2B in a.md — at
                   1 USD = 0.9264 EUR (2024-03) they differ by 8%
",
};

impl Check for CurrencyInconsistent {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn compares_articles(&self) -> bool {
        true
    }

    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>) {
        for finding in ctx.consensus_findings() {
            let Finding::SameFigure {
                claim: later,
                against: earlier,
                conversion,
            } = finding
            else {
                continue;
            };
            let ratio = conversion.mid();
            let (a, b) = (earlier.claim, later.claim);
            let other = &ctx.map.get(earlier.file).name;
            let percent = ((ratio - 1.0).abs() * 100.0).round();
            out.push(
                Diagnostic::new(
                    &INFO,
                    format!(
                        "{}: {} here, {} in {other} — at {} they differ by {percent}%",
                        topic(ctx.facts, &b),
                        describe(b.amount.value, b.amount.value, b.amount.currency.as_deref()),
                        describe(a.amount.value, a.amount.value, a.amount.currency.as_deref()),
                        conversion.describe(),
                    ),
                    Label::new(
                        Span::new(later.file, b.amount.range.clone()),
                        format!("in {}", conversion.from),
                    ),
                )
                .with_secondary(Label::new(
                    Span::new(earlier.file, a.amount.range.clone()),
                    format!("the same figure in {}", conversion.to),
                ))
                .with_help(
                    "one of the two currencies is wrong; check the figure against its source",
                ),
            );
        }
    }
}
