//! What several checks share, and no check of its own: the money verdict of a
//! claim against the facts, the consensus of the articles, the verdict of a
//! relation claim, and the inline suppressions applied to every finding.

pub mod consensus;
pub mod money;
pub mod relations;
pub mod suppress;
