//! Pairs of claims from different articles about the same subject, attribute,
//! object and period, compared with each other rather than with the fact base.

use chrono::Datelike;

use super::CheckContext;
use super::money::{Conversion, overlaps};
use crate::extract::Claim;
use crate::rules::{AttrKind, FactBase};
use crate::source::doc_date::DateRange;
use crate::span::FileId;

/// Two claims further apart than this are about different periods (states
/// without facts) or different events (events with an object).
const SAME_STATE_DAYS: i64 = 31;
const SAME_EVENT_DAYS: i64 = 60;

#[derive(Clone, Copy)]
pub struct ClaimAt<'a> {
    pub claim: &'a Claim,
    pub file: FileId,
}

pub enum Outcome {
    Agree,
    /// `later`'s figure, in `earlier`'s currency, does not overlap `earlier`'s.
    Disagree {
        converted: (f64, f64),
        conversion: Option<Conversion>,
    },
    /// The same figure written in two currencies; `ratio` is the rate between them.
    SameFigure {
        conversion: Conversion,
        ratio: f64,
    },
}

/// Every pair of claims from two different articles that speak of the same
/// thing at the same time, with how they compare. The earlier article comes first.
pub fn pairs<'a>(ctx: &'a CheckContext) -> Vec<(ClaimAt<'a>, ClaimAt<'a>, Outcome)> {
    let all: Vec<ClaimAt> = ctx
        .extractions
        .iter()
        .flat_map(|ex| {
            ex.claims.iter().map(move |claim| ClaimAt {
                claim,
                file: ex.article.file,
            })
        })
        .filter(|c| c.claim.amount.currency.is_some())
        .collect();
    let mut out = Vec::new();
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            let (x, y) = (a.claim, b.claim);
            let same_topic = a.file != b.file
                && x.subject == y.subject
                && x.attribute == y.attribute
                && x.object == y.object;
            if !same_topic || !same_period(ctx.facts, x, y) {
                continue;
            }
            if let Some(outcome) = compare(ctx.facts, x, y) {
                out.push((*a, *b, outcome));
            }
        }
    }
    out
}

fn days_apart(a: DateRange, b: DateRange) -> i64 {
    (a.first - b.first).num_days().abs()
}

fn same_period(facts: &FactBase, a: &Claim, b: &Claim) -> bool {
    let (Some(da), Some(db)) = (a.date, b.date) else {
        return false;
    };
    let attribute = &facts.attributes[a.attribute];
    match attribute.kind {
        AttrKind::State => {
            let windows: Vec<DateRange> = facts
                .facts_about(a.subject, a.attribute)
                .map(|f| f.valid)
                .collect();
            if windows.is_empty() {
                return days_apart(da, db) <= SAME_STATE_DAYS;
            }
            let holds = |w: &DateRange, d: DateRange| w.first <= d.last && d.first <= w.last;
            windows.iter().any(|w| holds(w, da) && holds(w, db))
                && !windows.iter().any(|w| holds(w, da) != holds(w, db))
        }
        AttrKind::Event => attribute.has_object && days_apart(da, db) <= SAME_EVENT_DAYS,
    }
}

fn compare(facts: &FactBase, a: &Claim, b: &Claim) -> Option<Outcome> {
    let (ca, cb) = (a.amount.currency.as_deref()?, b.amount.currency.as_deref()?);
    let fa = (a.amount.low, a.amount.high);
    let fb = (b.amount.low, b.amount.high);
    if ca == cb {
        return Some(if overlaps(fa, fb) {
            Outcome::Agree
        } else {
            Outcome::Disagree {
                converted: fb,
                conversion: None,
            }
        });
    }
    let when = a.date?.first;
    let same_figure =
        (a.amount.value - b.amount.value).abs() <= 1e-9 * a.amount.value.abs().max(1.0);
    let rate = facts.fx.rate(cb, ca, when.year(), when.month())?;
    let conversion = Conversion {
        from: cb.to_string(),
        to: ca.to_string(),
        rate,
        year: when.year(),
        month: when.month(),
    };
    let converted = (fb.0 * rate * 0.97, fb.1 * rate * 1.03);
    Some(if same_figure {
        Outcome::SameFigure {
            conversion,
            ratio: rate,
        }
    } else if overlaps(fa, converted) {
        Outcome::Agree
    } else {
        Outcome::Disagree {
            converted,
            conversion: Some(conversion),
        }
    })
}
