//! The shipped fact base and lexicons (the repository's `rules/`), embedded at
//! build time; at the bottom of the house, so that both `lexicon` and `rules` read it.

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
