//! `cross-source-conflict`: a figure that the other articles contradict.

use super::helpers::consensus::Finding;
use super::helpers::money::{Verdict, judge, topic};
use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::extract::MoneyClaim;
use crate::span::Span;
use crate::values::amount::describe;

pub struct CrossSourceConflict;

pub const INFO: CheckInfo = CheckInfo {
    code: "M004",
    name: "cross-source-conflict",
    severity: Severity::Error,
    summary: "An article gives a figure that the other articles about the same thing contradict.",
    explanation: "\
Reports a claim whose figure cannot be true together with what the other articles
say about the same subject, attribute and object at the same time — whether or not
the fact base knows the truth. A claim's time is the date of its clause, else the
article's; claims with no date are not compared.

A state such as a valuation or a total raised changes over time, so two claims about
it are about the same time only when nothing the fact base knows changes it between
their dates: not the start or end of one of its facts (`from`, `until`), nor, for a
total (`sums:`), a round it sums. A valuation of March and one of May of the same
window are compared; one before a round and one after are not, and a claim whose
date a change may fall within ('en juin 2024' when the value changed on 11 June)
is compared with none. Where the fact base tells nothing (no fact holds then, or
the claim is more than six months past the last change it knows), only claims of
the same month are the same time. An event with an object, such as one
company's investment in another, is compared within the same two months. Funding
rounds are events without an object: two different rounds are not a conflict.

The claims are put in one currency (the one most of them use, at each claim's
monthly rate); the figure most of them cover is the consensus, and each claim outside
it is reported once, with a label on a claim of the consensus. With only two articles
that disagree, the later one is reported. The same figure in two currencies is
`currency-inconsistent` instead.

Why it matters: an archive that contradicts itself is wrong at least once, and the
fact base may not cover the point yet.

Example:

    a.md: Globex a investi 15 millions d'euros dans Acme AI.
    b.md: Globex's $50 million investment in Acme AI ...
    error[M004]: investment of Globex in Acme AI: USD 50M here, EUR 15M in a.md
",
};

fn nominal(c: &MoneyClaim) -> String {
    describe(c.amount.value, c.amount.value, c.amount.currency.as_deref())
}

impl Check for CrossSourceConflict {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn compares_articles(&self) -> bool {
        true
    }

    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>) {
        for finding in ctx.consensus_findings() {
            let Finding::Disagrees {
                claim,
                against,
                conversion,
            } = finding
            else {
                continue;
            };
            let (b, a) = (claim.claim, against.claim);
            let other = &ctx.map.get(against.file).name;
            let mut diag = Diagnostic::new(
                &INFO,
                format!(
                    "{}: {} here, {} in {other}",
                    topic(ctx.facts, &b),
                    nominal(&b),
                    nominal(&a)
                ),
                Label::new(Span::new(claim.file, b.amount.range.clone()), "this figure"),
            )
            .with_secondary(Label::new(
                Span::new(against.file, a.amount.range.clone()),
                "what the other articles say",
            ));
            if let Some(c) = conversion {
                diag = diag.with_note(format!("compared at {}", c.describe()));
            }
            let settled = |c| matches!(judge(ctx.facts, c), Verdict::Consistent { .. });
            let help = match (settled(&a), settled(&b)) {
                (true, false) => format!("the fact base agrees with {other}"),
                (false, true) => "the fact base agrees with this article".to_string(),
                _ => "check both against a source; once the fact base has the figure, `fact-conflict` settles it".to_string(),
            };
            out.push(diag.with_help(help));
        }
    }
}
