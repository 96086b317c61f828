//! `sum-mismatch`: a total that the events it sums do not add up to.

use chrono::{Months, NaiveDate};

use super::helpers::money::{
    FactFigure, RateTime, claim_interval, fact_in, overlaps, reading_labels, said, topic,
};
use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::extract::Claim;
use crate::rules::model::Window;
use crate::rules::{Fact, FactBase};
use crate::span::Span;
use crate::text::tokens::folded_words;
use crate::values::DateRange;
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
round so far otherwise). Each round is taken in the claim's currency, as stated or
converted at the claim's month. The message lists the rounds summed.

A total is as of the claim's date — the date of its clause, else the article's — and
counts only the rounds on or before that day: a total written in 2024 is not compared
with a round of 2025. A date of a month or a year allows each of its days: when a
round falls inside it, the total is reported only if it fits neither the sum before
that round nor the sum after, and a note gives the other sum. Nothing is said when
one of its days precedes every round the window counts (the fact base may not know
older ones), or when a round's own date is too vague to tell whether it came before.
A total with no date at all may be of any day since the first round: it is reported
only when it is the sum of the rounds on no day, and a note lists the sums it could
have been.

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
pub(crate) fn window_of(ctx: &CheckContext, claim: &Claim, text: &str) -> Window {
    let words: Vec<String> = folded_words(text, claim.cue.clone());
    ctx.facts.attributes[claim.attribute]
        .windows
        .iter()
        .find(|(w, _)| *w == words)
        .map_or(Window::All, |(_, window)| *window)
}

/// The day an event leaves a window of the last `n` months: `n` months after it.
fn leaves(window: Window, day: NaiveDate) -> Option<NaiveDate> {
    match window {
        Window::LastMonths(n) => day.checked_add_months(Months::new(n)),
        Window::All | Window::LastEvents(_) => None,
    }
}

/// The events a total counts as of day `t`, oldest first (`all` sorted by date).
fn counted_at<'a>(all: &[&'a Fact], window: Window, t: NaiveDate) -> Vec<&'a Fact> {
    let mut upto: Vec<&Fact> = all
        .iter()
        .copied()
        .filter(|f| f.valid.first <= t)
        .filter(|f| leaves(window, f.valid.first).is_none_or(|gone| t < gone))
        .collect();
    match window {
        Window::LastEvents(n) => upto.split_off(upto.len().saturating_sub(n as usize)),
        Window::All | Window::LastMonths(_) => upto,
    }
}

/// The sets of events a total may count: one for each day its date allows
/// (a date written "en octobre 2024" allows every day of October), oldest
/// first, without repeats; every day since the first event for an undated
/// claim. `None` when nothing can be said rather than
/// guessed: one of the claim's
/// days precedes every event the window would count (the fact base may not know
/// the earlier ones), or an event's own date is too vague to tell on which
/// side of one of its days it falls.
fn possible_counts<'a>(
    facts: &'a FactBase,
    claim: &Claim,
    events: usize,
    window: Window,
) -> Option<Vec<Vec<&'a Fact>>> {
    let mut all: Vec<&Fact> = facts.facts_about(claim.subject, events).collect();
    all.sort_by_key(|f| f.valid.first);
    // An undated total may be of any day since the first event: it is
    // wrong only when it is no set's sum, however vague the events' dates.
    let undated = claim.date.is_none();
    let as_of = match claim.date {
        Some(d) => d,
        None => DateRange {
            first: all.first()?.valid.first,
            last: NaiveDate::MAX,
        },
    };
    let straddles = |first: NaiveDate, last: NaiveDate| {
        first < last && first <= as_of.last && as_of.first < last
    };
    let vague = all.iter().any(|f| {
        straddles(f.valid.first, f.valid.last)
            || leaves(window, f.valid.first)
                .zip(leaves(window, f.valid.last))
                .is_some_and(|(first, last)| straddles(first, last))
    });
    if vague && !undated {
        return None;
    }
    // The counted events change only on the days an event enters or leaves.
    let mut days = vec![as_of.first];
    for f in &all {
        for day in [Some(f.valid.first), leaves(window, f.valid.first)]
            .into_iter()
            .flatten()
        {
            if as_of.first < day && day <= as_of.last {
                days.push(day);
            }
        }
    }
    days.sort();
    days.dedup();
    let mut sets: Vec<Vec<&Fact>> = Vec::new();
    for day in days {
        let set = counted_at(&all, window, day);
        if set.is_empty() {
            return None;
        }
        let same = |other: &Vec<&Fact>| {
            other.len() == set.len() && other.iter().zip(&set).all(|(a, b)| std::ptr::eq(*a, *b))
        };
        if !sets.iter().any(same) {
            sets.push(set);
        }
    }
    Some(sets)
}

/// What one set of events adds up to in the claim's currency.
struct Total<'a> {
    values: Vec<FactFigure<'a>>,
    low: f64,
    high: f64,
}

impl Total<'_> {
    fn mid(&self) -> f64 {
        (self.low + self.high) / 2.0
    }

    /// "105 million EUR on 2023-06-13 + 385 million EUR on 2023-12-10".
    fn parts(&self) -> String {
        let parts: Vec<String> = self
            .values
            .iter()
            .map(|v| format!("{} on {}", v.figure(), v.fact.when))
            .collect();
        parts.join(" + ")
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
                let Some(sets) = possible_counts(ctx.facts, &claim, events, window) else {
                    continue;
                };
                let totals: Option<Vec<Total>> = sets
                    .iter()
                    .map(|set| {
                        let values: Vec<FactFigure> = set
                            .iter()
                            .map(|f| fact_in(ctx.facts, f, currency, RateTime::of(&claim)))
                            .collect::<Option<_>>()?;
                        let (low, high) = values
                            .iter()
                            .fold((0.0, 0.0), |(l, h), v| (l + v.low, h + v.high));
                        Some(Total { values, low, high })
                    })
                    .collect();
                let Some(totals) = totals else {
                    continue;
                };
                let stated = |t: &Total| {
                    claim_interval(claim.amount, t.values.iter().any(|v| v.through_rate))
                };
                if totals.iter().any(|t| overlaps(stated(t), (t.low, t.high))) {
                    continue;
                }
                // The reading nearest the claim is shown; the others go in a note.
                let distance =
                    |t: &&Total| (t.mid().max(1.0) / claim.amount.value.max(1.0)).ln().abs();
                let Some(nearest) = totals
                    .iter()
                    .min_by(|a, b| distance(a).total_cmp(&distance(b)))
                else {
                    continue;
                };
                let scope = match window {
                    Window::All => String::new(),
                    Window::LastEvents(n) => format!(" in {n} rounds"),
                    Window::LastMonths(n) => format!(" in {n} months"),
                };
                let total = describe(nearest.mid(), nearest.mid(), Some(currency));
                let sums = match claim.date {
                    Some(_) => format!("the rounds add up to {total}"),
                    None => {
                        format!("on no day did the rounds add up to it; the nearest sum is {total}")
                    }
                };
                let mut diag = Diagnostic::new(
                    &INFO,
                    format!(
                        "{}{scope}: the article says {}; {sums} ({})",
                        topic(ctx.facts, &claim),
                        said(&claim),
                        nearest.parts()
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
                for v in &nearest.values {
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
                let others: Vec<String> = totals
                    .iter()
                    .filter(|t| !std::ptr::eq(*t, nearest))
                    .map(|t| {
                        let sum = describe(t.mid(), t.mid(), Some(currency));
                        format!("{sum} ({})", t.parts())
                    })
                    .collect();
                match (others.is_empty(), claim.date) {
                    (true, _) => {}
                    (false, Some(date)) => {
                        diag = diag.with_note(format!(
                            "the claim is dated {}: on other days of it the rounds add up to {}; on none do they add up to its figure",
                            date.display(),
                            others.join(", or ")
                        ));
                    }
                    (false, None) => {
                        diag = diag.with_note(format!(
                            "the article has no date: on other days the rounds added up to {}",
                            others.join(", or ")
                        ));
                    }
                }
                out.push(diag);
            }
        }
    }
}
