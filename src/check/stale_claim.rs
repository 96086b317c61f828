//! `stale-claim`: a figure that was true once, but not at the claim's time.

use super::helpers::money::{Verdict, fact_evidence, reading_labels, topic};
use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::span::Span;
use crate::values::amount::describe;

pub struct StaleClaim;

pub const INFO: CheckInfo = CheckInfo {
    code: "T001",
    name: "stale-claim",
    severity: Severity::Error,
    summary: "A figure matches an earlier fact, not the one valid at the claim's time.",
    explanation: "\
Reports a claim about a state that changes over time (a valuation, a total raised)
whose figure contradicts the fact valid at the claim's time but matches a fact that
held earlier: the article repeats an outdated figure. The message says which fact
it matches and since when that fact is outdated.

A claim's time is the date written in its clause ('valorisée à 2 milliards de
dollars en décembre 2023' is a correct statement about December 2023), else the
article's date. Without a date, the check is skipped. A clause that places the
figure in the past without a date (lexicon `time_past`: 'at the time', 'à
l'époque', 'initially') makes the earlier fact the one meant: not reported.

Why it matters: old valuations are copied from article to article long after a new
round has changed them.

Example (an article of June 2024):

    Acme AI, valued at $2 billion, ...
                          ^^^^^^^^^^
    error[T001]: valuation of Acme AI: USD 2B was true from 2023-12-10 until
                 2024-06-10; since 2024-06-11 it is 5.8 billion EUR
",
};

impl Check for StaleClaim {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>) {
        for (ex, claim, verdict) in ctx.judged_claims() {
            let file = ex.article.file;
            let Verdict::Stale { then, now } = verdict else {
                continue;
            };
            let said = describe(
                claim.amount.value,
                claim.amount.value,
                claim.amount.currency.as_deref(),
            );
            let since = now.fact.valid.first.format("%Y-%m-%d");
            let (then_label, source) = fact_evidence(then);
            let (now_label, _) = fact_evidence(now);
            let mut diag = Diagnostic::new(
                &INFO,
                format!(
                    "{}: {said} was true {}; since {since} it is {}",
                    topic(ctx.facts, &claim),
                    then.fact.when,
                    now.fact.written.text
                ),
                Label::new(
                    Span::new(file, claim.amount.range.clone()),
                    format!("outdated since {since}"),
                ),
            )
            .with_secondary(then_label)
            .with_secondary(now_label)
            .with_note(source);
            if let Some(at) = &claim.date_at {
                diag = diag
                    .with_secondary(Label::new(Span::new(file, at.clone()), "the claim's time"));
            } else if let Some(d) = claim.date {
                diag = diag.with_note(format!(
                    "the claim's time is the article's date, {}",
                    d.display()
                ));
                if let Some(crate::source::DateOrigin::Inferred(at)) =
                    ex.article.date.as_ref().map(|d| &d.origin)
                {
                    let text = &ctx.map.get(file).text;
                    diag = diag.with_note(format!(
                        "the article's date was inferred from `{}` in its text",
                        &text[at.range()]
                    ));
                }
            }
            for label in reading_labels(ctx.facts, &claim, file) {
                diag = diag.with_secondary(label);
            }
            out.push(diag.with_help(format!(
                "update the figure, or date it (\"{said} in {}\")",
                then.fact.valid.first.format("%B %Y")
            )));
        }
    }
}
