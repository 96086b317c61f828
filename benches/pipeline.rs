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
use claimcheck::readers::amounts::AmountReader;
use claimcheck::readers::dates::DateReader;
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

/// A made-up word for `n`, unique for n < 24^4: "Kalomiven".
fn word(n: usize) -> String {
    const SYLLABLES: [&str; 24] = [
        "ka", "lo", "mi", "ra", "ven", "tor", "bel", "sa", "qui", "dor", "fen", "gal", "hu", "jor",
        "nex", "pra", "sol", "tan", "ur", "vik", "wel", "zan", "bri", "cor",
    ];
    let mut out = String::new();
    let mut rest = n;
    for _ in 0..4 {
        out.push_str(SYLLABLES[rest % 24]);
        rest /= 24;
    }
    let mut chars = out.chars();
    let first = chars.next().unwrap().to_ascii_uppercase();
    std::iter::once(first).chain(chars).collect()
}

/// A fact base of `companies` companies (one-word names) and as many people
/// (two words), each company with a round and a valuation, each person with
/// an employer and a birth year: four facts an entity pair, in 200 files,
/// with the shipped attributes (exchange rates are the built-in ECB table).
fn large_fact_base(companies: usize) -> RulesLocation {
    let mut files = vec![(
        "attributes.yaml".to_string(),
        include_str!("../rules/attributes.yaml").to_string(),
    )];
    let per_file = companies.div_ceil(200);
    for (f, chunk) in (0..companies)
        .collect::<Vec<_>>()
        .chunks(per_file)
        .enumerate()
    {
        let mut yaml = String::from("entities:\n");
        for &i in chunk {
            yaml.push_str(&format!(
                "  - {{ id: c{i}, kind: org, name: {} }}\n  - {{ id: p{i}, kind: person, name: {} {} }}\n",
                word(2 * i),
                word(2 * i + 1),
                word(2 * i + 3)
            ));
        }
        yaml.push_str("facts:\n");
        for &i in chunk {
            yaml.push_str(&format!(
                "  - {{ subject: c{i}, attribute: funding-round, value: {} million EUR, date: 2024-0{}-1{}, source: s }}\n  \
                 - {{ subject: c{i}, attribute: valuation, value: {} million EUR, from: 2024-0{}-1{}, source: s }}\n  \
                 - {{ subject: p{i}, attribute: former-employer, value: c{}, source: s }}\n  \
                 - {{ subject: p{i}, attribute: birth, value: 19{}, source: s }}\n",
                10 + i % 90,
                1 + i % 9,
                i % 10,
                100 + i % 900,
                1 + i % 9,
                i % 10,
                (i + 1) % companies,
                50 + i % 50
            ));
        }
        files.push((format!("base{f:03}.yaml"), yaml));
    }
    RulesLocation::Memory(files)
}

/// About 300 bytes naming three entities of [`large_fact_base`] (one misspelt),
/// with a round, a valuation, an employer and a date.
fn small_article() -> String {
    format!(
        "---\nlang: fr\ndate: 2024-06-20\n---\n{c} a levé 17 millions d'euros en juin 2024, selon {p} {q}, \
         passé par {d}. La startup est valorisée à 107 millions d'euros. {e}x a été fondée en 2021.\n",
        c = word(14),
        p = word(15),
        q = word(17),
        d = word(16),
        e = word(20)
    )
}

/// One small article, the fact base loaded: the time must not grow with the
/// entities the article does not name (1,000 then 100,000 companies, each
/// with a person: 2,000 and 200,000 entities, 4,000 and 400,000 facts).
#[divan::bench(args = [1_000, 100_000])]
fn check_small_article_with_a_large_fact_base(bencher: divan::Bencher, companies: usize) {
    let engine = Engine::load(&large_fact_base(companies)).unwrap();
    assert!(
        !engine.rules_are_broken(),
        "{:?}",
        engine.rule_diagnostics.first()
    );
    let options = CheckOptions::default();
    let text = small_article();
    let found = engine.check_text("article.md", text.clone(), &options).1;
    assert!(!found.is_empty(), "the planted misspelling is reported");
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
