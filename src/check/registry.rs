//! Every kind of diagnostic claimcheck can report, for `explain`, SARIF rule
//! metadata and validation of names given on the command line.

use super::Check;
use super::conversion_mismatch::ConversionMismatch;
use super::cross_source_conflict::CrossSourceConflict;
use super::currency_inconsistent::CurrencyInconsistent;
use super::currency_mismatch::CurrencyMismatch;
use super::elapsed_mismatch::ElapsedMismatch;
use super::fact_conflict::FactConflict;
use super::internal_contradiction::InternalContradiction;
use super::missing_currency::MissingCurrency;
use super::name_inconsistent::NameInconsistent;
use super::name_variant::NameVariant;
use super::stale_claim::StaleClaim;
use super::sum_mismatch::SumMismatch;
use super::undated_article::UndatedArticle;
use super::weekday_mismatch::WeekdayMismatch;
use crate::diagnostic::CheckInfo;

/// The checks run on articles, in the order they run.
pub const CHECKS: &[&dyn Check] = &[
    &NameVariant,
    &NameInconsistent,
    &FactConflict,
    &CurrencyMismatch,
    &MissingCurrency,
    &CrossSourceConflict,
    &CurrencyInconsistent,
    &StaleClaim,
    &SumMismatch,
    &ElapsedMismatch,
    &WeekdayMismatch,
    &UndatedArticle,
    &ConversionMismatch,
    &InternalContradiction,
];

/// Every kind of diagnostic: article checks, then problems in articles' own
/// metadata, then problems in the fact base.
pub fn all() -> Vec<&'static CheckInfo> {
    CHECKS
        .iter()
        .map(|c| c.info())
        .chain(crate::source::problems::ALL)
        .chain(super::helpers::suppress::ALL)
        .chain(crate::rules::validate::ALL)
        .collect()
}

/// Finds a check by code (`N001`) or name (`name-variant`), in any case.
pub fn find(key: &str) -> Option<&'static CheckInfo> {
    all()
        .into_iter()
        .find(|c| c.code.eq_ignore_ascii_case(key) || c.name.eq_ignore_ascii_case(key))
}

/// The check name nearest to a misspelt `key`, if one is close.
pub fn nearest_name(key: &str) -> Option<&'static str> {
    crate::text::distance::did_you_mean(
        &key.to_ascii_lowercase(),
        all().into_iter().map(|c| c.name),
    )
}

/// Every check's name, comma-separated, for a message.
pub fn names() -> String {
    all().iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
}

/// "no check named `fact-conflit`; did you mean `fact-conflict`?", else
/// the list of names.
pub fn unknown(key: &str) -> String {
    match nearest_name(key) {
        Some(name) => format!("no check named `{key}`; did you mean `{name}`?"),
        None => format!("no check named `{key}`; known checks: {}", names()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique_and_documented() {
        let all = all();
        let codes: HashSet<_> = all.iter().map(|c| c.code).collect();
        let names: HashSet<_> = all.iter().map(|c| c.name).collect();
        assert_eq!(codes.len(), all.len());
        assert_eq!(names.len(), all.len());
        for c in &all {
            assert!(
                c.name
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch == '-'),
                "{}",
                c.name
            );
            assert!(
                c.explanation.contains("Example"),
                "{} has no example",
                c.name
            );
        }
        assert_eq!(find("n001").map(|c| c.name), Some("name-variant"));
        assert_eq!(find("Name-Variant").map(|c| c.code), Some("N001"));
        assert!(find("nope").is_none());
    }
}
