//! Errors that stop the engine before any check runs (exit status 2).

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read '{path}': {reason}")]
    Input { path: PathBuf, reason: String },
    #[error("cannot read the fact base '{path}': {reason}")]
    RulesDir { path: PathBuf, reason: String },
}
