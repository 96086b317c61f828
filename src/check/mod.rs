//! Checks: each compares extracted mentions and claims with the fact base or with
//! each other, and reports diagnostics under a stable code and name.

pub mod conversion_mismatch;
pub mod cross_source_conflict;
pub mod currency_inconsistent;
pub mod currency_mismatch;
pub mod elapsed_mismatch;
pub mod fact_conflict;
pub mod helpers;
pub mod internal_contradiction;
pub mod missing_currency;
pub mod name_inconsistent;
pub mod name_variant;
pub mod registry;
pub mod stale_claim;
pub mod sum_mismatch;
pub mod undated_article;
pub mod verdict;
pub mod weekday_mismatch;

use crate::diagnostic::{CheckInfo, Diagnostic};
use crate::extract::{Extraction, MoneyClaim, NameIndex};
use crate::rules::FactBase;
use crate::source::SourceMap;

/// What every check may read.
pub struct CheckContext<'a> {
    pub map: &'a SourceMap,
    pub facts: &'a FactBase,
    pub names: &'a NameIndex,
    pub extractions: &'a [Extraction],
    /// Each money claim judged against the fact base, once for all the checks
    /// that report on the verdict: by extraction, then by claim.
    verdicts: std::sync::OnceLock<Vec<Vec<helpers::money::Verdict<'a>>>>,
    /// Each claim whose value is an entity, a date, an age or a count judged
    /// against the fact base, once: by extraction, then by claim.
    relations: std::sync::OnceLock<Vec<Vec<helpers::relations::RelationVerdict<'a>>>>,
    /// What the articles agree on, for the two checks that report on it.
    consensus: std::sync::OnceLock<Vec<helpers::consensus::Finding<'a>>>,
}

impl<'a> CheckContext<'a> {
    pub fn new(
        map: &'a SourceMap,
        facts: &'a FactBase,
        names: &'a NameIndex,
        extractions: &'a [Extraction],
    ) -> Self {
        CheckContext {
            map,
            facts,
            names,
            extractions,
            verdicts: Default::default(),
            relations: Default::default(),
            consensus: Default::default(),
        }
    }

    /// Every money claim with its article and its verdict, in reading order.
    pub fn judged_claims(
        &self,
    ) -> impl Iterator<Item = (&'a Extraction, MoneyClaim<'a>, &helpers::money::Verdict<'a>)> + '_
    {
        self.extractions
            .iter()
            .zip(self.verdicts())
            .flat_map(|(ex, verdicts)| {
                ex.money_claims()
                    .zip(verdicts)
                    .map(move |(c, v)| (ex, c, v))
            })
    }

    /// Every claim whose value is an entity, a date, an age or a count, with
    /// its article and its verdict, in reading order.
    pub fn judged_relations(
        &self,
    ) -> impl Iterator<
        Item = (
            &'a Extraction,
            &'a crate::extract::Claim,
            &helpers::relations::RelationVerdict<'a>,
        ),
    > + '_ {
        let judged = self.relations.get_or_init(|| {
            use rayon::prelude::*;
            self.extractions
                .par_iter()
                .map(|ex| {
                    ex.judged_relation_claims()
                        .map(|c| helpers::relations::judge(self.facts, c))
                        .collect()
                })
                .collect()
        });
        self.extractions
            .iter()
            .zip(judged)
            .flat_map(|(ex, verdicts)| {
                ex.judged_relation_claims()
                    .zip(verdicts)
                    .map(move |(c, v)| (ex, c, v))
            })
    }

    /// Where the articles disagree with each other, computed on first use.
    pub fn consensus_findings(&self) -> &[helpers::consensus::Finding<'a>] {
        self.consensus
            .get_or_init(|| helpers::consensus::findings(self))
    }

    /// The verdict on every money claim, computed on first use.
    fn verdicts(&self) -> &[Vec<helpers::money::Verdict<'a>>] {
        // Articles are judged independently: in parallel, in order.
        self.verdicts.get_or_init(|| {
            use rayon::prelude::*;
            self.extractions
                .par_iter()
                .map(|ex| {
                    ex.money_claims()
                        .map(|c| helpers::money::judge(self.facts, &c))
                        .collect()
                })
                .collect()
        })
    }
}

pub trait Check: Sync {
    fn info(&self) -> &'static CheckInfo;
    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>);
    /// Whether a finding on one article depends on the others (a figure
    /// they contradict, a spelling they share): such a check sees every
    /// article even when only one is reported on ([`run_focused`]).
    fn compares_articles(&self) -> bool {
        false
    }
}

/// Runs every check and returns the findings in output order.
pub fn run_all(ctx: &CheckContext) -> Vec<Diagnostic> {
    // What several checks share is computed first, side by side (two cells:
    // neither waits on the other); a check waiting on another thread's
    // computation would hold up a rayon worker.
    rayon::join(|| ctx.verdicts(), || ctx.consensus_findings());
    let found = run_each(|_| ctx, |_| true);
    helpers::suppress::apply(ctx.extractions, found)
}

/// The findings on the article `focus` (an index into `ctx.extractions`)
/// among all of them, as [`run_all`] gives them for it: an editor's open
/// document in its workspace. The checks that compare articles see every
/// article; the others see `focus` alone, so that an edit does not judge the
/// whole workspace again.
pub fn run_focused(ctx: &CheckContext, focus: usize) -> Vec<Diagnostic> {
    let own = std::slice::from_ref(&ctx.extractions[focus]);
    let alone = CheckContext::new(ctx.map, ctx.facts, ctx.names, own);
    rayon::join(|| alone.verdicts(), || ctx.consensus_findings());
    let file = own[0].article.file;
    let found = run_each(
        |check| match check.compares_articles() {
            true => ctx,
            false => &alone,
        },
        |d| d.primary.span.file == file,
    );
    helpers::suppress::apply(own, found)
}

/// Every check run on the context `context_of` gives it, the findings `keep`
/// keeps. The checks are independent: in parallel, their findings in
/// registry order.
fn run_each<'c, 'a: 'c>(
    context_of: impl Fn(&dyn Check) -> &'c CheckContext<'a> + Sync,
    keep: impl Fn(&Diagnostic) -> bool + Sync,
) -> Vec<Diagnostic> {
    use rayon::prelude::*;
    let found: Vec<Vec<Diagnostic>> = registry::CHECKS
        .par_iter()
        .map(|check| {
            let mut out = Vec::new();
            check.run(context_of(*check), &mut out);
            out.retain(&keep);
            out
        })
        .collect();
    found.into_iter().flatten().collect()
}
