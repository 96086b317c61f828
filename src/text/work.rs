//! A count of the candidates the readers examine: digit groups read for one
//! amount, cue words, dates, references and earlier claims looked at for one
//! amount or cue. Tests read it to check that the work grows with the article,
//! not with its square (timing would be flaky). Readers count locally and add
//! their total once per article or sentence: one atomic add, no measurable cost.

use std::sync::atomic::{AtomicU64, Ordering};

static EXAMINED: AtomicU64 = AtomicU64::new(0);

/// Candidates examined so far by every reader of this process.
pub fn examined() -> u64 {
    EXAMINED.load(Ordering::Relaxed)
}

/// Adds `n` candidates to the count.
pub(crate) fn add(n: u64) {
    if n > 0 {
        EXAMINED.fetch_add(n, Ordering::Relaxed);
    }
}
