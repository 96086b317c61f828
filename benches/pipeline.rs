//! `cargo bench`: the readers on tables of phrases, and one 10 KB article
//! checked with the shipped fact base already loaded (the editor's case).
//! Whole-process throughput on large corpora is measured by scripts/bench.sh.

use claimcheck::engine::{CheckOptions, Engine};
use claimcheck::lexicon::Lexicon;
use claimcheck::lexicon::Lexicons;
use claimcheck::lexicon::amounts::AmountReader;
use claimcheck::lexicon::dates::DateReader;
use claimcheck::rules::RulesLocation;
use claimcheck::text::lexemes::lex;
use claimcheck::text::tokens::tokenize;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

const AMOUNTS: &str = "Une levée de 105 millions d'euros, près de 15 millions d'euros, plus de deux milliards \
de dollars, 1,5 milliard d'euros, 16.3 millions de dollars, 1 500 000 euros, 15 M€, 2 Mds$, $16.3 million, €15M, \
US$ 415 million, 1,500,000 euros, £1.5bn, a billion dollars, half a billion euros, more than $2 billion, ~$6.2bn. ";

const DATES: &str = "le 1er décembre 2023, le 11 juin 2024, en avril dernier, fin février, mi-juin, au premier \
trimestre 2024, l'an dernier, cette semaine, ce mardi, hier, en ce mois de décembre, en juin de la même année, \
11/06/2024, 2024-06-11, début 2024. ";

#[divan::bench]
fn amount_reader(bencher: divan::Bencher) {
    let lexicons = Lexicons::shipped();
    let currencies = Lexicon::all_currencies(&lexicons);
    let text = AMOUNTS.repeat(20);
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        let reader = AmountReader {
            lexicon: lexicons.get("fr").unwrap(),
            currencies: &currencies,
        };
        reader.read(&text, &lex(&text, 0..text.len())).len()
    });
}

#[divan::bench]
fn date_reader(bencher: divan::Bencher) {
    let lexicons = Lexicons::shipped();
    let text = DATES.repeat(20);
    let anchor = chrono::NaiveDate::from_ymd_opt(2024, 6, 20);
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        let reader = DateReader {
            lexicon: lexicons.get("fr").unwrap(),
            anchor,
        };
        reader.read(&text, &tokenize(&text, 0..text.len())).len()
    });
}

/// About 10 KB of French news with names, money, dates and relations.
fn article() -> String {
    let paragraph = "Mistral AI, fondée en avril 2023 par Arthur Mensch, Guillaume Lample et Timothée Lacroix, \
a levé 600 millions d'euros en juin 2024. Microsoft a investi 15 millions d'euros dans la startup française en \
février 2024. L'entrepreneur, passé par Google DeepMind, dirige la société ; son modèle Mistral Large a été \
dévoilé le 26 février 2024. La jeune pousse serait valorisée à 5,8 milliards d'euros.\n\n";
    let mut text = String::from("---\nlang: fr\ndate: 2024-06-20\n---\n");
    while text.len() < 10_000 {
        text.push_str(paragraph);
    }
    text
}

#[divan::bench]
fn check_one_10kb_article(bencher: divan::Bencher) {
    let engine = Engine::load(&RulesLocation::Embedded).unwrap();
    let options = CheckOptions::default();
    let text = article();
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        engine
            .check_text("article.md", text.clone(), &options)
            .1
            .len()
    });
}
