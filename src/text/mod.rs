//! Language-neutral text utilities shared by the fact base and the extractors:
//! folding for comparison, tokenizing with exact byte spans, edit distance.

pub mod distance;
pub mod endings;
pub mod fold;
mod fold_buffer;
pub mod lexemes;
pub mod spelling;
pub mod stem;
pub mod tokens;
pub mod work;
