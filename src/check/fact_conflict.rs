//! `fact-conflict`: a claim whose figure the fact base contradicts.

use super::money::{Verdict, fact_evidence, judge, reading_labels, said, topic};
use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::span::Span;

pub struct FactConflict;

pub const INFO: CheckInfo = CheckInfo {
    code: "M001",
    name: "fact-conflict",
    severity: Severity::Error,
    summary: "A money claim contradicts the fact base.",
    explanation: "\
Reports a claim — a cue word, a subject, an optional object and an amount in one
sentence — whose figure does not overlap the fact base's figure for that subject and
attribute at the claim's time, once hedges, rounding and currency are taken into
account. A stated figure stands for the interval its digits imply ('15 millions' is
14.5 to 15.5 million); hedges widen or open it as the lexicon says ('près de',
'more than'). When the currencies differ, the fact is converted at the monthly rate of
the claim's date (the `fx` table), with 3% of slack.

The message gives both values in the claim's currency and the rate used; a second
label points at the fact in its YAML file, and a note gives the fact's source.
A figure that is the fact's figure in another currency is reported as
`currency-mismatch` instead.

Why it matters: a wrong figure is the error readers and competitors notice first.

Example:

    Microsoft a investi 20 millions d'euros dans Mistral AI.
                        ^^^^^^^^^^^^^^^^^^^^
    error[M001]: investment of Microsoft in Mistral AI: the article says EUR 20M
                 (read as 19.5–20.5M); the fact base says 15 million EUR (2024-02-26)
",
};

impl Check for FactConflict {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>) {
        for ex in ctx.extractions {
            let file = ex.article.file;
            for claim in &ex.claims {
                let Verdict::Conflict { closest } = judge(ctx.facts, claim) else {
                    continue;
                };
                let in_any = if claim.amount.currency.is_none() {
                    " in any currency"
                } else {
                    ""
                };
                let (fact_label, source) = fact_evidence(&closest);
                let mut diag = Diagnostic::new(
                    &INFO,
                    format!(
                        "{}: the article says {}; the fact base says {}",
                        topic(ctx.facts, claim),
                        said(claim),
                        closest.describe()
                    ),
                    Label::new(
                        Span::new(file, claim.amount.range.clone()),
                        format!("does not match the fact base{in_any}"),
                    ),
                )
                .with_secondary(fact_label)
                .with_note(source);
                for label in reading_labels(ctx.facts, claim, file) {
                    diag = diag.with_secondary(label);
                }
                if let Some(c) = &closest.conversion {
                    diag = diag.with_note(format!("rate used: {}", c.describe()));
                }
                out.push(diag);
            }
        }
    }
}
