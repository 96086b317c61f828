//! What the articles agree on. Claims from different articles about the same
//! subject, attribute, object and period are put in a common currency; the
//! figure most of them cover is the consensus, and each claim outside it is
//! reported once, against one claim of the consensus. This stays linear in the
//! number of claims however large the archive (comparing every pair would not).

use rustc_hash::FxHashMap as HashMap;

use chrono::{Datelike, NaiveDate};

use super::money::Conversion;
use crate::check::CheckContext;
use crate::extract::{Claim, MoneyClaim};
use crate::rules::{AttrKind, EntityIdx, FactBase};
use crate::span::FileId;
use crate::values::DateRange;

/// A figure compared through a rate is at least this far either side of
/// itself: the one tolerance rule of the fact checks.
use super::money::TOLERANCE_FLOOR as SLACK;

#[derive(Clone, Copy)]
pub struct ClaimAt<'a> {
    pub claim: MoneyClaim<'a>,
    pub file: FileId,
}

pub enum Finding<'a> {
    /// `claim` does not overlap `against`, a claim of the consensus.
    Disagrees {
        claim: ClaimAt<'a>,
        against: ClaimAt<'a>,
        conversion: Option<Conversion>,
    },
    /// `claim`, from another article than `against`, covers the consensus
    /// `against` stands for: compared, and agreeing.
    Agrees {
        claim: ClaimAt<'a>,
        against: ClaimAt<'a>,
    },
    /// `claim` gives `against`'s figure in another currency.
    SameFigure {
        claim: ClaimAt<'a>,
        against: ClaimAt<'a>,
        conversion: Conversion,
    },
}

/// The period a claim belongs to; claims are compared only within one. A
/// state (a valuation, a total raised) changes over time, so two claims about
/// it are about the same time when nothing the fact base knows changes it
/// between their dates: see [`state_period`]. An event with an object (one
/// company's investment in another) takes its two-month span. Events without
/// an object (funding rounds) have none: two rounds are not a conflict.
pub fn period(facts: &FactBase, claim: &Claim) -> Option<(i32, u32)> {
    let date = claim.date?;
    let attribute = &facts.attributes[claim.attribute];
    match attribute.kind {
        AttrKind::State => state_period(facts, claim, date),
        AttrKind::Event if attribute.has_object => {
            Some((date.first.year(), (date.first.month() - 1) / 2))
        }
        AttrKind::Event => None,
    }
}

/// The days on which a state may take a new value, as the fact base tells:
/// the start of each of its facts and the day after each one's end, and, for a
/// total (`sums:`), each event it sums (a range when the event is dated to a
/// month or a year).
fn changes(facts: &FactBase, claim: &Claim) -> Vec<DateRange> {
    let mut changes = Vec::new();
    for f in facts.facts_about(claim.subject, claim.attribute) {
        if f.valid.first != NaiveDate::MIN {
            changes.push(DateRange::day(f.valid.first));
        }
        if let Some(next) = f.valid.last.succ_opt() {
            changes.push(DateRange::day(next));
        }
    }
    if let Some(events) = facts.attributes[claim.attribute].sums {
        changes.extend(facts.facts_about(claim.subject, events).map(|f| f.valid));
    }
    changes
}

/// How many days after the last change the fact base knows a state is
/// assumed unchanged, for comparing claims.
const OPEN_WINDOW_DAYS: u64 = 183;

/// A state's period: the stretch between two changes the fact base knows
/// (keyed by how many changes precede it), so that a valuation of March and
/// one of May of the same window are compared, and one before and one after a
/// round are not. A claim whose dates a change may fall within ("en juin
/// 2024" when the value changed on 11 June) could be about either value: it
/// has no period. Where no fact tells (no fact holds then, or none before the
/// first round a total sums), only claims of the same month are the same time.
fn state_period(facts: &FactBase, claim: &Claim, date: DateRange) -> Option<(i32, u32)> {
    let changes = changes(facts, claim);
    // A change on day d: the claim is before it when it ends before d, after
    // it when it starts on d or later.
    if changes
        .iter()
        .any(|c| c.first <= date.last && date.first < c.last)
    {
        return None;
    }
    let known = facts
        .facts_about(claim.subject, claim.attribute)
        .any(|f| f.valid.first <= date.first && date.last <= f.valid.last)
        || facts.attributes[claim.attribute]
            .sums
            .is_some_and(|events| {
                facts
                    .facts_about(claim.subject, events)
                    .any(|f| f.valid.last <= date.first)
            });
    // After the last change it knows, the fact base vouches for no change
    // only for a while: a valuation of 2025 and one of 2026 are not assumed
    // to be of one window when nothing has been recorded since 2025.
    let latest = changes.iter().map(|c| c.last).max();
    let long_after = latest.is_some_and(|l| date.first > l + chrono::Days::new(OPEN_WINDOW_DAYS));
    if known && !long_after {
        let before = changes.iter().filter(|c| c.last <= date.first).count();
        return Some((-1, before as u32));
    }
    let one_month =
        (date.first.year(), date.first.month()) == (date.last.year(), date.last.month());
    one_month.then(|| (date.first.year(), date.first.month()))
}

type Topic = (EntityIdx, usize, Option<EntityIdx>, (i32, u32));

/// Converts a claim's interval into `currency` at the rate of its day (the
/// range of its month's or year's days).
pub fn in_currency(
    facts: &FactBase,
    claim: &MoneyClaim,
    currency: &str,
) -> Option<((f64, f64), Option<Conversion>)> {
    let from = claim.amount.currency.as_deref()?;
    let figure = (claim.amount.low, claim.amount.high);
    if from == currency {
        return Some((figure, None));
    }
    let conversion = Conversion::over(facts, from, currency, claim.date?)?;
    Some((
        (
            figure.0 * conversion.low * (1.0 - SLACK),
            figure.1 * conversion.high * (1.0 + SLACK),
        ),
        Some(conversion),
    ))
}

pub fn findings<'a>(ctx: &CheckContext<'a>) -> Vec<Finding<'a>> {
    let mut groups: HashMap<Topic, Vec<ClaimAt<'a>>> = HashMap::default();
    for ex in ctx.extractions {
        for claim in ex.money_claims().filter(|c| c.amount.currency.is_some()) {
            if let Some(p) = period(ctx.facts, &claim) {
                let key = (claim.subject, claim.attribute, claim.object, p);
                groups.entry(key).or_default().push(ClaimAt {
                    claim,
                    file: ex.article.file,
                });
            }
        }
    }
    let mut keys: Vec<&Topic> = groups.keys().collect();
    keys.sort();
    let mut out = Vec::new();
    for key in keys {
        let group = &groups[key];
        if group.iter().all(|c| c.file == group[0].file) {
            continue;
        }
        judge_group(ctx.facts, group, &mut out);
    }
    out
}

fn judge_group<'a>(facts: &FactBase, group: &[ClaimAt<'a>], out: &mut Vec<Finding<'a>>) {
    // The common currency: the one most claims use (the first on a tie).
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for c in group {
        let code = c.claim.amount.currency.as_deref().unwrap_or_default();
        match counts.iter_mut().find(|(k, _)| *k == code) {
            Some((_, n)) => *n += 1,
            None => counts.push((code, 1)),
        }
    }
    let most = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let currency = counts
        .iter()
        .find(|(_, n)| *n == most)
        .map(|(k, _)| *k)
        .unwrap_or_default();
    let converted: Vec<(ClaimAt, (f64, f64), Option<Conversion>)> = group
        .iter()
        .filter_map(|c| in_currency(facts, &c.claim, currency).map(|(i, conv)| (*c, i, conv)))
        .collect();
    if converted.len() < 2 {
        return;
    }
    // The point most intervals cover: a sweep over their ends.
    let mut ends: Vec<(f64, i32)> = converted
        .iter()
        .flat_map(|(_, (lo, hi), _)| [(*lo, 1), (*hi, -1)])
        .collect();
    ends.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    let (mut depth, mut best, mut point) = (0, 0, 0.0);
    for (x, step) in ends {
        depth += step;
        if depth > best {
            best = depth;
            point = x;
        }
    }
    // With no majority (every claim alone), the earliest claim stands for the
    // consensus, and the point is its figure: a later figure is compared with
    // it whether higher or lower (the sweep's point, the lowest figure's,
    // would excuse whichever claim is lowest).
    if best < 2
        && let Some((_, (lo, hi), _)) = converted
            .iter()
            .min_by_key(|(c, _, _)| c.claim.date.map(|d| d.first))
    {
        point = (lo + hi) / 2.0;
    }
    let covers = |i: (f64, f64)| i.0 <= point && point <= i.1;
    let consensus: Vec<&(ClaimAt, (f64, f64), Option<Conversion>)> = if best >= 2 {
        converted.iter().filter(|(_, i, _)| covers(*i)).collect()
    } else {
        converted
            .iter()
            .min_by_key(|(c, _, _)| c.claim.date.map(|d| d.first))
            .into_iter()
            .collect()
    };
    let representative = consensus[0].0;
    for (c, interval, conversion) in &converted {
        let same_figure = (c.claim.amount.value - representative.claim.amount.value).abs()
            <= 1e-9 * c.claim.amount.value.abs().max(1.0);
        let other_currency = c.claim.amount.currency != representative.claim.amount.currency;
        if c.file != representative.file && same_figure && other_currency {
            let when = representative.claim.date.or(c.claim.date);
            let (from, to) = (
                c.claim.amount.currency.clone().unwrap_or_default(),
                representative
                    .claim
                    .amount
                    .currency
                    .clone()
                    .unwrap_or_default(),
            );
            if let Some(when) = when
                && let Some(conversion) = Conversion::over(facts, &from, &to, when)
            {
                out.push(Finding::SameFigure {
                    claim: *c,
                    against: representative,
                    conversion,
                });
            }
            continue;
        }
        // Claims covering the consensus point agree with it (with no majority,
        // only the representative stands for it).
        if covers(*interval)
            || std::ptr::eq(c.claim.claim, representative.claim.claim)
            || c.file == representative.file
        {
            // The representative agrees with a claim of the consensus from
            // another article, if there is one.
            let with = if c.file == representative.file {
                consensus
                    .iter()
                    .map(|(o, _, _)| *o)
                    .find(|o| o.file != c.file)
            } else {
                Some(representative)
            };
            if let Some(against) = with.filter(|_| covers(*interval) || best < 2) {
                out.push(Finding::Agrees { claim: *c, against });
            }
            continue;
        }
        let conversion = conversion.clone().or_else(|| consensus[0].2.clone());
        out.push(Finding::Disagrees {
            claim: *c,
            against: representative,
            conversion,
        });
    }
}
