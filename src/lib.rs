//! claimcheck: reads articles, extracts their factual claims, checks them against
//! a fact base and against each other, and reports compiler-style diagnostics.
//!
//! The pipeline runs one way: [`source`] → [`extract`] → [`check`] → [`render`],
//! with [`lexicon`] (language data) and [`rules`] (the fact base) as inputs.

pub mod atomic_write;
pub mod baseline;
pub mod check;
pub mod config;
pub mod diagnostic;
pub mod embedded;
pub mod engine;
pub mod error;
pub mod extract;
pub mod fix;
pub mod init;
pub mod lexicon;
pub mod lsp;
pub mod policy;
pub mod readers;
pub mod render;
pub mod report;
pub mod rules;
pub mod source;
pub mod span;
pub mod stats;
pub mod text;
pub mod values;
pub mod yaml;
