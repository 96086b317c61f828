//! Checks: each compares extracted mentions and claims with the fact base or with
//! each other, and reports diagnostics under a stable code and name.

pub mod consensus;
pub mod cross_source_conflict;
pub mod currency_inconsistent;
pub mod currency_mismatch;
pub mod elapsed_mismatch;
pub mod fact_conflict;
pub mod missing_currency;
pub mod money;
pub mod name_inconsistent;
pub mod name_variant;
pub mod registry;
pub mod relations;
pub mod stale_claim;
pub mod sum_mismatch;
pub mod suppress;
pub mod undated_article;
pub mod weekday_mismatch;

use crate::diagnostic::{CheckInfo, Diagnostic};
use crate::extract::{Extraction, NameIndex};
use crate::rules::FactBase;
use crate::source::SourceMap;

/// What every check may read.
pub struct CheckContext<'a> {
    pub map: &'a SourceMap,
    pub facts: &'a FactBase,
    pub names: &'a NameIndex,
    pub extractions: &'a [Extraction],
}

pub trait Check: Sync {
    fn info(&self) -> &'static CheckInfo;
    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>);
}

/// Runs every check and returns the findings in output order.
pub fn run_all(ctx: &CheckContext) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for check in registry::CHECKS {
        check.run(ctx, &mut out);
    }
    suppress::apply(ctx.extractions, out)
}
