//! `cargo bench`: the readers on tables of phrases; one 10 KB article checked
//! with the shipped fact base already loaded (the editor's case); and the
//! whole `claimcheck check` process on generated 1 MB and 20 MB corpora, with
//! its peak memory and a check that every planted finding is reported; and the
//! hostile cases that were quadratic: one article of repeated claim paragraphs
//! (1 and 4 MiB) and a run of 40,000 digit groups (160 KB).
//! The same-run ratio against ripgrep is measured by scripts/bench.sh.

use claimcheck::engine::{CheckOptions, Engine};
use claimcheck::lexicon::Lexicon;
use claimcheck::lexicon::Lexicons;
use claimcheck::lexicon::amounts::AmountReader;
use claimcheck::lexicon::dates::DateReader;
use claimcheck::rules::RulesLocation;
use claimcheck::text::lexemes::lex;
use claimcheck::text::tokens::tokenize;
use divan::counter::BytesCount;

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

fn main() {
    divan::main();
    // Printed after divan's table, which a line in the middle would break.
    for line in WHOLE_PROCESS_STATS.lock().unwrap().iter() {
        println!("{line}");
    }
}

/// What `--stats` said of one whole-process run per corpus size.
static WHOLE_PROCESS_STATS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

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
        reader
            .read(&text, &lex(&text, 0..text.len(), &mut String::new()))
            .len()
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
        reader
            .read(&text, &tokenize(&text, 0..text.len(), &mut String::new()))
            .len()
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

/// One article of `mib` MiB made of one claim paragraph repeated: every
/// amount has cues, dates and references around it (linear since each amount
/// looks only at those within reach).
#[divan::bench(args = [1, 4], sample_count = 3, sample_size = 1)]
fn check_repeated_claims(bencher: divan::Bencher, mib: usize) {
    let engine = Engine::load(&RulesLocation::Embedded).unwrap();
    let options = CheckOptions::default();
    let paragraph = "Mistral AI a levé 600 millions d'euros en juin 2024, puis Microsoft a investi \
15 millions d'euros dans la startup française en février 2024.\n\n";
    let mut text = String::from("---\nlang: fr\ndate: 2024-06-20\n---\n");
    text.push_str(&paragraph.repeat((mib << 20) / paragraph.len()));
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        engine
            .check_text("article.md", text.clone(), &options)
            .1
            .len()
    });
}

/// "1,000,000,…" with 40,000 groups after a money cue (160 KB): read once and
/// skipped, as no figure has that many groups.
#[divan::bench]
fn check_a_run_of_digit_groups(bencher: divan::Bencher) {
    let engine = Engine::load(&RulesLocation::Embedded).unwrap();
    let options = CheckOptions::default();
    let text = format!(
        "---\nlang: fr\n---\nMistral AI a levé 1{} personnes.\n",
        ",000".repeat(40_000)
    );
    bencher.counter(BytesCount::of_str(&text)).bench(|| {
        engine
            .check_text("article.md", text.clone(), &options)
            .1
            .len()
    });
}

/// The whole process on a generated corpus of `mb` MB (1 and 20), as a user
/// runs it. Before timing, one run with `--stats` prints the peak memory and
/// must report every planted finding.
#[divan::bench(args = [1, 20], sample_count = 5, sample_size = 1)]
fn whole_process(bencher: divan::Bencher, mb: usize) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = gen_corpus::generate(mb as f64, 42, dir.path());
    let binary = env!("CARGO_BIN_EXE_claimcheck");
    let run = || {
        std::process::Command::new(binary)
            .args(["check", "--format", "short", "--stats"])
            .arg(dir.path())
            .output()
            .unwrap()
    };
    let output = run();
    let report = String::from_utf8_lossy(&output.stdout);
    for (code, planted) in &corpus.planted {
        let found = report.matches(&format!("[{code}]")).count();
        assert!(
            found >= *planted,
            "{code}: planted {planted}, found {found}"
        );
    }
    WHOLE_PROCESS_STATS.lock().unwrap().push(format!(
        "whole_process {mb} MB, one run: {} (every planted finding reported)",
        String::from_utf8_lossy(&output.stderr).trim()
    ));
    bencher.counter(BytesCount::new(corpus.bytes)).bench(run);
}
