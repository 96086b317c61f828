//! `cross-source-conflict`: two articles whose figures cannot both be true.

use super::claim_pairs::{Outcome, pairs};
use super::money::{Verdict, judge, topic};
use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::lexicon::amounts::describe;
use crate::span::Span;

pub struct CrossSourceConflict;

pub const INFO: CheckInfo = CheckInfo {
    code: "M004",
    name: "cross-source-conflict",
    severity: Severity::Error,
    summary: "Two articles give figures for the same thing that cannot both be true.",
    explanation: "\
Reports two claims from different articles about the same subject, attribute and
object, for the same period, whose figures do not overlap — whether or not the fact
base knows the truth. 'The same period' is the same validity window of the fact base
for a state such as a valuation (or within 31 days when the fact base has none), and
within 60 days for an event with an object, such as one company's investment in
another. Funding rounds are events without an object: two different rounds are not
a conflict. Figures in different currencies are compared at the monthly rate of the
earlier article's date; the same figure in two currencies is `currency-inconsistent`.

One diagnostic per pair, with a label in each article.

Why it matters: an archive that contradicts itself is wrong at least once, and the
fact base may not cover the point yet.

Example:

    a.md: Microsoft a investi 15 millions d'euros dans Mistral AI.
    b.md: Microsoft's $50 million stake in Mistral AI ...
    error[M004]: investment of Microsoft in Mistral AI: USD 50M here, EUR 15M in a.md
",
};

impl Check for CrossSourceConflict {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>) {
        for (earlier, later, outcome) in pairs(ctx) {
            let Outcome::Disagree { conversion, .. } = outcome else {
                continue;
            };
            let (a, b) = (earlier.claim, later.claim);
            let other = &ctx.map.get(earlier.file).name;
            let nominal = |c: &crate::extract::Claim| {
                describe(c.amount.value, c.amount.value, c.amount.currency.as_deref())
            };
            let mut diag = Diagnostic::new(
                &INFO,
                format!(
                    "{}: {} here, {} in {other}",
                    topic(ctx.facts, b),
                    nominal(b),
                    nominal(a)
                ),
                Label::new(Span::new(later.file, b.amount.range.clone()), "this figure"),
            )
            .with_secondary(Label::new(
                Span::new(earlier.file, a.amount.range.clone()),
                "cannot both be true with this one",
            ));
            if let Some(c) = conversion {
                diag = diag.with_note(format!("compared at {}", c.describe()));
            }
            let settled = |c| matches!(judge(ctx.facts, c), Verdict::Consistent);
            let help = match (settled(a), settled(b)) {
                (true, false) => format!("the fact base agrees with {other}"),
                (false, true) => "the fact base agrees with this article".to_string(),
                _ => "check both against a source; once the fact base has the figure, `fact-conflict` settles it".to_string(),
            };
            out.push(diag.with_help(help));
        }
    }
}
