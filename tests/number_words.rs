//! Numbers written out in words, read through the public readers with the
//! shipped lexicons: the amount table `tests/data/number_words.txt` (each
//! line a text, the one amount it holds, its value and currency), approximate
//! quantity nouns, and counts, which are never money.

use claimcheck::lexicon::{Lexicon, Lexicons};
use claimcheck::readers::amounts::AmountReader;
use claimcheck::readers::counts::CountReader;
use claimcheck::text::lexemes::lex;
use claimcheck::values::{Amount, Count};

const TABLE: &str = include_str!("data/number_words.txt");

fn amounts(lexicons: &Lexicons, lang: &str, text: &str) -> Vec<Amount> {
    let currencies = Lexicon::all_currencies(lexicons);
    let reader = AmountReader {
        lexicon: lexicons.get(lang).expect("a shipped language"),
        currencies: &currencies,
    };
    reader.read(text, &lex(text, 0..text.len(), &mut String::new()))
}

fn counts(lexicons: &Lexicons, lang: &str, text: &str) -> Vec<Count> {
    let reader = CountReader {
        lexicon: lexicons.get(lang).expect("a shipped language"),
    };
    reader.read(text, &lex(text, 0..text.len(), &mut String::new()))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

#[test]
fn every_written_out_amount_of_the_table_is_read_whole() {
    let lexicons = Lexicons::shipped();
    let mut per_language = std::collections::BTreeMap::<&str, usize>::new();
    let mut wrong = Vec::new();
    for line in TABLE.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split(" | ").collect();
        let [lang, text, written, value, currency] = cols[..] else {
            panic!("malformed table line: {line}");
        };
        let value: f64 = value.parse().expect("a value");
        let currency = (currency != "-").then_some(currency);
        *per_language.entry(lang).or_default() += 1;
        let read = amounts(&lexicons, lang, text);
        let found: Vec<(&str, f64, Option<&str>)> = read
            .iter()
            .map(|a| (&text[a.range.clone()], a.value, a.currency.as_deref()))
            .collect();
        let ok = matches!(found.as_slice(), [(w, v, c)] if *w == written && close(*v, value) && *c == currency);
        if !ok {
            wrong.push(format!(
                "{lang} «{text}»: want {written} = {value} {currency:?}, read {found:?}"
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    for lang in ["en", "fr"] {
        let n = per_language.get(lang).copied().unwrap_or(0);
        assert!(
            n >= 40,
            "{lang}: {n} amounts in the table, want at least 40"
        );
    }
}

#[test]
fn an_approximate_quantity_noun_hedges_the_amount() {
    let lexicons = Lexicons::shipped();
    let a = &amounts(&lexicons, "fr", "une dizaine de millions d'euros")[0];
    assert_eq!(a.hedge.as_deref(), Some("environ"));
    assert!(close(a.low, 9e6) && close(a.high, 11e6), "{a:?}");
    // "a dozen" is twelve, no hedge.
    let a = &amounts(&lexicons, "en", "a dozen million dollars")[0];
    assert_eq!(a.hedge, None);
}

#[test]
fn a_fraction_narrows_the_interval_to_a_tenth() {
    let lexicons = Lexicons::shipped();
    let a = &amounts(&lexicons, "fr", "un milliard et demi d'euros")[0];
    assert!(close(a.low, 1.45e9) && close(a.high, 1.55e9), "{a:?}");
}

#[test]
fn words_that_are_no_number_make_no_amount() {
    let lexicons = Lexicons::shipped();
    for (lang, text) in [
        ("en", "a further round"),
        ("en", "five six million dollars"),
        ("en", "a company and a half"),
        ("fr", "cinq six millions d'euros"),
        ("fr", "un tour de table"),
        ("fr", "plusieurs dizaines de millions par an"),
        ("fr", "trois et un millions"),
    ] {
        let found = amounts(&lexicons, lang, text);
        // "five six million dollars": "six million dollars" alone is fine; a
        // sum of the two words is not.
        assert!(
            found
                .iter()
                .all(|a| !close(a.value, 11e6) && !close(a.value, 1.0) && !close(a.value, 4e6)),
            "{text}: {found:?}"
        );
    }
    assert_eq!(amounts(&lexicons, "en", "a further round"), []);
    assert_eq!(amounts(&lexicons, "fr", "un tour de table"), []);
}

/// (language, text, the count as written, value, unit)
const COUNTS: &[(&str, &str, &str, f64, &str)] = &[
    (
        "en",
        "a 12-billion-parameter model",
        "12-billion-parameter",
        12e9,
        "parameters",
    ),
    (
        "en",
        "it has 1,000 employees",
        "1,000 employees",
        1000.0,
        "employees",
    ),
    ("en", "10 million users", "10 million users", 10e6, "users"),
    (
        "en",
        "trained on 18,000 GPUs",
        "18,000 GPUs",
        18000.0,
        "gpus",
    ),
    (
        "en",
        "the 7B parameters of the model",
        "7B parameters",
        7e9,
        "parameters",
    ),
    (
        "en",
        "with 7.3 billion parameters",
        "7.3 billion parameters",
        7.3e9,
        "parameters",
    ),
    (
        "en",
        "about two hundred employees",
        "about two hundred employees",
        200.0,
        "employees",
    ),
    ("en", "a dozen staff", "a dozen staff", 12.0, "employees"),
    (
        "fr",
        "7 milliards de paramètres",
        "7 milliards de paramètres",
        7e9,
        "parameters",
    ),
    (
        "fr",
        "elle compte 60 salariés",
        "60 salariés",
        60.0,
        "employees",
    ),
    (
        "fr",
        "une centaine de salariés",
        "une centaine de salariés",
        100.0,
        "employees",
    ),
    (
        "fr",
        "deux millions d'utilisateurs",
        "deux millions d'utilisateurs",
        2e6,
        "users",
    ),
    ("fr", "1 500 clients", "1 500 clients", 1500.0, "customers"),
];

#[test]
fn counts_are_read_with_their_unit_and_are_no_money() {
    let lexicons = Lexicons::shipped();
    for (lang, text, written, value, unit) in COUNTS {
        let read = counts(&lexicons, lang, text);
        let found: Vec<(&str, f64, &str)> = read
            .iter()
            .map(|c| (&text[c.range.clone()], c.value, c.unit.as_str()))
            .collect();
        assert!(
            matches!(found.as_slice(), [(w, v, u)] if w == written && close(*v, *value) && u == unit),
            "{text}: {found:?}"
        );
        assert_eq!(amounts(&lexicons, lang, text), [], "{text}: read as money");
    }
}
