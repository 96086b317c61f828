//! `fact-conflict`: a claim whose figure the fact base contradicts.

use super::helpers::money::{Verdict, fact_evidence, reading_labels, said, topic};
use super::helpers::relations::{self, RelationVerdict};
use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::extract::ClaimValue;
use crate::span::Span;

pub struct FactConflict;

pub const INFO: CheckInfo = CheckInfo {
    code: "M001",
    name: "fact-conflict",
    severity: Severity::Error,
    summary: "A claim contradicts the fact base: a figure, an employer, a date, an age.",
    explanation: "\
Reports a claim — a cue word, a subject, an optional object and an amount in one
sentence — whose figure does not overlap the fact base's figure for that subject and
attribute at the claim's time. One tolerance rule holds for every check: a stated
figure stands for the interval its digits and hedge give ('15 millions' is 14.5 to
15.5 million; 'près de', 'more than' widen or open it as the lexicon says), and the
fact's figure is exact ('40 million EUR' is 40 million; a fact base writes 'about …'
or a range when it is not). When the currencies differ, the fact is converted at the
ECB's reference rate of the claim's day (every day of its month or year when only
that is known) and, for an event, of the event's day too; a stated equivalent is a
conversion someone made. Through a rate, the stated figure's interval is at least 3%
either side of it. A writer's own conversion in parentheses in an undated article may
be at the rate of any day the fact held.

Only claims stated as facts are checked: a report ('reportedly', 'selon des sources
proches du dossier'), a plan or talks ('in talks to raise', 'vise'), a conditional
('pourrait', 'serait valorisée') or a denial is shown by `claimcheck claims` (column
`stated`) and not reported. The one exception is a fact the fact base marks `reported:
true` (what the press reported before an announcement): a report, plan or conditional
whose value is an entity, a date or a count is compared with those facts only, and a
claim of fact never is ('Globex serait sur le point de devenir l'actionnaire majoritaire'
against the stake the reports gave). A claim whose clause is about a name the fact base does
not know makes no claim about the companies it knows. An event's figure that no event
has but the events had added up to by its date ('raising $94M' when the rounds so far
make $94M) is a total, not a conflict. When the words around the figure name its
event — a label ('its Series B', 'sa série B'), an ordinal ('son troisième tour de
table') or the latest ('sa dernière levée') — it is compared with that event alone,
and the message names it. When a date in its clause rules out the event whose figure
it is ('En avril 2023, Acme a levé 20 millions' for a round of 16 May 2023), the date
is reported, with the event's date.

The message gives both values in the claim's currency and the rate used; a second
label points at the fact in its YAML file, and a note gives the fact's source.
A figure that is the fact's figure in another currency is reported as
`currency-mismatch` instead.

The same check covers claims whose value is an entity or a date: a person said to
come from a company the fact base does not list for them ('passé par Hooli'), a
founding or release date that does not overlap the fact's ('fondée en mai 2023'), and
an age that the person's birth date does not allow on the article's date ('PDG de 35
ans'). A company inside another counts as it ('passé par Initech' fits Initech
Labs, which is `of: google`). For a group ('Jean Martin, Dorothée Durand et
Paul Bernard, venus d'Initech et de Hooli'), each value must hold for one of them;
when the group's words say it holds for each ('tous trois anciens de Hooli', 'all three
former Hooli staff': the lexicon's `clauses.each_of_them`), it must fit every one the
fact base has facts of, and the message names the one it does not fit.

Why it matters: a wrong figure is the error readers and competitors notice first.

Example:

    Globex a investi 20 millions d'euros dans Acme AI.
                        ^^^^^^^^^^^^^^^^^^^^
    error[M001]: investment of Globex in Acme AI: the article says EUR 20M
                 (read as 19.5–20.5M); the fact base says 15 million EUR (2024-02-26)
",
};

impl Check for FactConflict {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>) {
        for (ex, claim, verdict) in ctx.judged_claims() {
            let file = ex.article.file;
            let Verdict::Conflict {
                closest,
                note,
                wrong_date,
            } = verdict
            else {
                continue;
            };
            let in_any = if claim.amount.currency.is_none() {
                " in any currency"
            } else {
                ""
            };
            let (fact_label, source) = fact_evidence(closest);
            let mut diag = Diagnostic::new(
                &INFO,
                if *wrong_date {
                    format!(
                        "{}: the article puts {} in {}; the fact base says {}",
                        topic(ctx.facts, &claim),
                        said(&claim),
                        claim.date.map(|d| d.display()).unwrap_or_default(),
                        closest.describe()
                    )
                } else {
                    format!(
                        "{}: the article says {}; the fact base says {}",
                        topic(ctx.facts, &claim),
                        said(&claim),
                        closest.describe()
                    )
                },
                match (wrong_date, &claim.date_at) {
                    (true, Some(at)) => Label::new(
                        Span::new(file, at.clone()),
                        format!("the fact base dates it {}", closest.fact.when),
                    ),
                    _ => Label::new(
                        Span::new(file, claim.amount.range.clone()),
                        format!("does not match the fact base{in_any}"),
                    ),
                },
            )
            .with_secondary(fact_label)
            .with_note(source);
            for label in reading_labels(ctx.facts, &claim, file) {
                diag = diag.with_secondary(label);
            }
            if *wrong_date {
                diag = diag.with_secondary(Label::new(
                    Span::new(file, claim.amount.range.clone()),
                    "the figure is that event's",
                ));
            }
            if let Some(note) = note {
                diag = diag.with_note(note.clone());
            }
            if let Some(c) = &closest.conversion {
                diag = diag.with_note(format!("rate used: {}", c.describe()));
            }
            out.push(diag);
        }
        for (ex, claim, verdict) in ctx.judged_relations() {
            let file = ex.article.file;
            let known = match verdict {
                RelationVerdict::Conflict { known } => known,
                RelationVerdict::HeldBy { holders } => {
                    out.push(held_by(ctx, file, claim, holders));
                    continue;
                }
                _ => continue,
            };
            let attribute = match claim.value {
                ClaimValue::Age(_) => "age".to_string(),
                _ => ctx.facts.attributes[claim.attribute]
                    .id
                    .text
                    .replace('-', " "),
            };
            // "joined Hooli (Jean Martin)": the object the date is about.
            let attribute = match claim.object {
                Some(o) => format!("{attribute} {}", ctx.facts.entity(o).name.text),
                None => attribute,
            };
            let mut knowns: Vec<String> = Vec::new();
            for k in known {
                // Two rounds led by one firm name it once.
                let said = relations::describe_known(ctx.facts, claim, k);
                if !knowns.contains(&said) {
                    knowns.push(said);
                }
            }
            let said = relations::describe_value(ctx.facts, &claim.value);
            // A value said of each of a group: name the one it does not fit.
            let who = match known.first() {
                Some(k) if claim.each_subject => format!(
                    "{}, said of each of {}",
                    ctx.facts.entity(k.subject).name.text,
                    relations::subjects(ctx.facts, claim)
                ),
                _ => relations::subjects(ctx.facts, claim),
            };
            let mut diag = Diagnostic::new(
                &INFO,
                format!(
                    "{} ({who}): the article says {said}; the fact base says {}",
                    attribute,
                    knowns.join(", ")
                ),
                Label::new(
                    Span::new(file, claim.value_at.clone()),
                    "does not match the fact base",
                ),
            );
            for k in known {
                diag = diag.with_secondary(Label::new(
                    k.written.span.clone(),
                    format!("the fact base: {}", k.written.text),
                ));
            }
            if claim.subject_inferred {
                diag = diag.with_secondary(Label::new(
                    Span::new(file, claim.subject_at.clone()),
                    format!("read as {}", relations::subjects(ctx.facts, claim)),
                ));
            }
            if claim.modality != crate::values::Modality::Asserted {
                diag = diag.with_note(format!(
                    "stated as {}: compared with what the press reported at the time",
                    claim.modality.name()
                ));
            }
            if let Some(url) = known.iter().find_map(|k| k.source.as_ref()) {
                diag = diag.with_note(format!("source of the fact: {url}"));
            }
            out.push(diag);
        }
    }
}

/// "chief scientist of Acme AI: the article says Jean Martin; the fact base says Paul Bernard".
fn held_by(
    ctx: &CheckContext,
    file: crate::span::FileId,
    claim: &crate::extract::Claim,
    holders: &[&crate::rules::Fact],
) -> Diagnostic {
    let attribute = ctx.facts.attributes[claim.attribute]
        .id
        .text
        .replace('-', " ");
    let names: Vec<&str> = holders
        .iter()
        .map(|h| ctx.facts.entity(h.subject).name.text.as_str())
        .collect();
    let mut diag = Diagnostic::new(
        &INFO,
        format!(
            "{attribute} {}: the article says {}; the fact base says {}",
            relations::describe_value(ctx.facts, &claim.value),
            relations::subjects(ctx.facts, claim),
            names.join(", ")
        ),
        Label::new(
            Span::new(file, claim.subject_at.clone()),
            "the fact base gives this role to someone else",
        ),
    )
    .with_secondary(Label::new(
        Span::new(file, claim.value_at.clone()),
        "the role",
    ));
    for h in holders {
        diag = diag.with_secondary(Label::new(
            h.written.span.clone(),
            format!("held by {}", ctx.facts.entity(h.subject).name.text),
        ));
    }
    if let Some(url) = holders.iter().find_map(|h| h.source.as_ref()) {
        diag = diag.with_note(format!("source of the fact: {url}"));
    }
    diag
}
