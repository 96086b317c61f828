//! One verdict per claim — agrees, conflicts, stale, reported, unchecked —
//! with what the claim was compared with. It is read off the judgements the
//! checks make their diagnostics from (money and relation verdicts, the
//! consensus of articles, durations), so that `claimcheck report` shows the
//! same judgement as `check` and never makes one of its own.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::CheckContext;
use super::helpers::consensus::Finding;
use super::helpers::money::Verdict;
use super::helpers::relations::RelationVerdict;
use crate::extract::{Claim, ClaimValue, Extraction};
use crate::rules::{Fact, FactBase};
use crate::span::FileId;
use crate::values::Modality;

/// Where a claim stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Standing {
    /// The fact base (or, when it knows nothing, the other articles) agrees.
    Agrees,
    /// The fact base (or the other articles) contradicts it.
    Conflicts,
    /// It gives what an earlier fact said, not the one of its time.
    Stale,
    /// Not stated as a fact (reported, a plan or target, conditional,
    /// denied): not checked.
    Reported,
    /// Nothing to compare it with.
    Unchecked,
}

impl Standing {
    pub const ALL: [Standing; 5] = [
        Standing::Agrees,
        Standing::Conflicts,
        Standing::Stale,
        Standing::Reported,
        Standing::Unchecked,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Standing::Agrees => "agrees",
            Standing::Conflicts => "conflicts",
            Standing::Stale => "stale",
            Standing::Reported => "reported",
            Standing::Unchecked => "unchecked",
        }
    }
}

/// What a claim was compared with.
#[derive(Clone, Debug, PartialEq)]
pub enum Basis {
    Nothing,
    /// Facts of the fact base, as indexes into [`FactBase::facts`]: the
    /// fact it agrees with, the closest one it contradicts, or (stale) the
    /// earlier fact it matches then the one of its time.
    Facts(Vec<usize>),
    /// A claim of another article: its file and where its value is written.
    Article {
        file: FileId,
        at: Range<usize>,
    },
    /// How the clause states it (reported, intended, conditional, negated).
    Modality(&'static str),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClaimVerdict {
    pub standing: Standing,
    pub basis: Basis,
}

impl ClaimVerdict {
    fn new(standing: Standing, basis: Basis) -> Self {
        ClaimVerdict { standing, basis }
    }
}

fn index_of(facts: &FactBase, fact: &Fact) -> usize {
    // Facts are borrowed from the one vector: the offset is the index.
    let base = facts.facts.as_ptr() as usize;
    (fact as *const Fact as usize - base) / std::mem::size_of::<Fact>()
}

fn with_facts<'f>(
    facts: &FactBase,
    standing: Standing,
    of: impl IntoIterator<Item = &'f Fact>,
) -> ClaimVerdict {
    ClaimVerdict::new(
        standing,
        Basis::Facts(of.into_iter().map(|f| index_of(facts, f)).collect()),
    )
}

/// The verdict of a money claim from the fact base's side; `None` when the
/// fact base has nothing to say.
fn of_money(facts: &FactBase, verdict: &Verdict) -> Option<ClaimVerdict> {
    Some(match verdict {
        Verdict::Unknown => return None,
        Verdict::Consistent { with } => with_facts(facts, Standing::Agrees, [*with]),
        Verdict::NoCurrency { agrees } => {
            with_facts(facts, Standing::Agrees, agrees.iter().map(|f| f.fact))
        }
        Verdict::CurrencyMismatch { stated, .. } => {
            with_facts(facts, Standing::Conflicts, [stated.fact])
        }
        Verdict::Conflict { closest, .. } => with_facts(facts, Standing::Conflicts, [closest.fact]),
        Verdict::Stale { then, now } => with_facts(facts, Standing::Stale, [then.fact, now.fact]),
    })
}

fn of_relation(facts: &FactBase, verdict: &RelationVerdict) -> Option<ClaimVerdict> {
    Some(match verdict {
        RelationVerdict::Unknown => return None,
        RelationVerdict::Consistent { with } => {
            with_facts(facts, Standing::Agrees, with.iter().copied())
        }
        RelationVerdict::Conflict { known } => {
            with_facts(facts, Standing::Conflicts, known.iter().copied())
        }
        RelationVerdict::HeldBy { holders } => {
            with_facts(facts, Standing::Conflicts, holders.iter().copied())
        }
    })
}

/// The verdict of every claim of every extraction (all of `claims`, in
/// their order, reported ones included): by the fact base when it judged the
/// claim, else by the other articles when they were compared with it, else
/// unchecked.
pub fn all(ctx: &CheckContext) -> Vec<Vec<ClaimVerdict>> {
    let mut by_articles: FxHashMap<*const Claim, ClaimVerdict> = FxHashMap::default();
    for finding in ctx.consensus_findings() {
        let (claim, against, standing) = match finding {
            Finding::Agrees { claim, against } => (claim, against, Standing::Agrees),
            Finding::Disagrees { claim, against, .. }
            | Finding::SameFigure { claim, against, .. } => (claim, against, Standing::Conflicts),
        };
        let basis = Basis::Article {
            file: against.file,
            at: against.claim.amount.range.clone(),
        };
        by_articles.insert(
            claim.claim.claim as *const Claim,
            ClaimVerdict::new(standing, basis),
        );
    }
    let mut money = ctx.judged_claims();
    let mut relations = ctx.judged_relations();
    ctx.extractions
        .iter()
        .map(|ex| {
            ex.claims
                .iter()
                .map(|claim| verdict_of(ctx, claim, &by_articles, &mut money, &mut relations))
                .collect()
        })
        .collect()
}

/// One claim's verdict; `money` and `relations` walk the judged claims in
/// the same reading order as `ex.claims`, each taking its kind's next one.
fn verdict_of<'a, 'm>(
    ctx: &CheckContext<'a>,
    claim: &Claim,
    by_articles: &FxHashMap<*const Claim, ClaimVerdict>,
    money: &mut impl Iterator<
        Item = (
            &'a Extraction,
            crate::extract::MoneyClaim<'a>,
            &'m Verdict<'a>,
        ),
    >,
    relations: &mut impl Iterator<Item = (&'a Extraction, &'a Claim, &'m RelationVerdict<'a>)>,
) -> ClaimVerdict
where
    'a: 'm,
{
    let from_articles = || {
        by_articles
            .get(&(claim as *const Claim))
            .cloned()
            .unwrap_or(ClaimVerdict::new(Standing::Unchecked, Basis::Nothing))
    };
    if claim.modality != Modality::Asserted {
        let reported =
            ClaimVerdict::new(Standing::Reported, Basis::Modality(claim.modality.name()));
        // A report is compared with what the press reported at the time: a
        // conflict with it stands.
        if claim.is_relation() && claim.modality != Modality::Negated {
            let (_, judged, verdict) = relations
                .next()
                .expect("one relation verdict per judged relation claim");
            debug_assert!(std::ptr::eq(judged, claim));
            if matches!(verdict, RelationVerdict::Conflict { .. }) {
                return of_relation(ctx.facts, verdict).unwrap_or(reported);
            }
        }
        return reported;
    }
    let from_facts = match &claim.value {
        ClaimValue::Money(_) => {
            let (_, judged, verdict) = money.next().expect("one money verdict per money claim");
            debug_assert!(std::ptr::eq(judged.claim, claim));
            of_money(ctx.facts, verdict)
        }
        ClaimValue::Duration { .. } => super::elapsed_mismatch::judge(ctx.facts, claim).map(|e| {
            let standing = if e.holds {
                Standing::Agrees
            } else {
                Standing::Conflicts
            };
            with_facts(ctx.facts, standing, [e.fact])
        }),
        _ => {
            let (_, judged, verdict) = relations
                .next()
                .expect("one relation verdict per relation claim");
            debug_assert!(std::ptr::eq(judged, claim));
            of_relation(ctx.facts, verdict)
        }
    };
    from_facts.unwrap_or_else(from_articles)
}
