//! Readers: from tokens and lexicon data to values — money amounts, counts, dates,
//! and an article's publication date. They know the lexicons and the values,
//! never the fact base, the articles' claims or the checks.

pub mod amounts;
pub mod counts;
pub mod dates;
pub mod numbers;
pub mod publication_date;
pub mod url_date;
