//! What `conversion-mismatch` reads as an amount and its conversion, on one
//! sentence at a time, with the built-in rules: the whole pipeline, as a user
//! runs it.

use claimcheck::engine::{CheckOptions, Engine};
use claimcheck::rules::RulesLocation;

/// The M006 findings on one sentence of an article of 15 March 2024
/// (1 EUR = 1.0892 USD), checked with the built-in rules.
fn findings(lang: &str, sentence: &str) -> Vec<String> {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    let engine = ENGINE.get_or_init(|| Engine::load(&RulesLocation::Embedded).unwrap());
    let text = format!("---\nlang: {lang}\ndate: 2024-03-15\n---\n{sentence}\n");
    let (_, diagnostics) = engine.check_text("a.md", text, &CheckOptions::default());
    diagnostics
        .into_iter()
        .filter(|d| d.code == "M006")
        .map(|d| d.message)
        .collect()
}

#[test]
fn a_conversion_is_an_amount_in_brackets_or_after_a_connector() {
    for (lang, sentence) in [
        ("en", "Orvel raised €80 million ($120 million)."),
        (
            "en",
            "Orvel raised €80 million (about $120 million), it said.",
        ),
        ("en", "Orvel raised €80 million, or $120 million."),
        (
            "en",
            "Orvel raised €80 million, the equivalent of $120 million.",
        ),
        (
            "fr",
            "Orvel a levé 80 millions d'euros, soit 120 millions de dollars.",
        ),
        (
            "fr",
            "Orvel a levé 80 millions d'euros (environ 120 millions de dollars).",
        ),
    ] {
        assert_eq!(findings(lang, sentence).len(), 1, "{sentence}");
    }
}

#[test]
fn anything_else_between_or_after_is_no_conversion() {
    for (lang, sentence) in [
        // Right.
        ("en", "Orvel raised €80 million ($87 million)."),
        // A part, an addition, an aside that goes on: unsure.
        (
            "en",
            "Orvel raised €80 million ($30 million of it in cash).",
        ),
        ("en", "Orvel raised €80 million and $120 million in debt."),
        ("en", "Orvel raised €80 million ($120 million at the time)."),
        ("en", "Orvel raised €80 million, up from $120 million."),
        // One currency: no rate.
        ("en", "Orvel raised €80 million (€120 million with debt)."),
        (
            "fr",
            "Orvel a levé 80 millions d'euros, contre 120 millions de dollars.",
        ),
    ] {
        assert!(findings(lang, sentence).is_empty(), "{sentence}");
    }
}
