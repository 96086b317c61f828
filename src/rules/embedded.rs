//! The fact base shipped in the repository's `rules/`, embedded at build time.

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
