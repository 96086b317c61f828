//! The work of one article grows linearly with it: a generated article four
//! times longer makes the readers examine at most about four times as many
//! candidates (cue words, dates, references, earlier claims, digit groups).
//! Counted, not timed (`claimcheck::text::work`); speed is measured in
//! `benches/pipeline.rs`.

use std::sync::Mutex;

use claimcheck::engine::{CheckOptions, Engine};
use claimcheck::extract::mask::not_prose;
use claimcheck::lexicon::{Lexicon, Lexicons};
use claimcheck::readers::amounts::AmountReader;
use claimcheck::rules::RulesLocation;
use claimcheck::text::lexemes::lex;
use claimcheck::text::tokens::tokenize;
use claimcheck::text::work;

/// The counter is shared by the process: one measurement at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The candidates examined while `f` runs.
fn work_of(f: impl FnOnce()) -> u64 {
    let before = work::examined();
    f();
    work::examined() - before
}

/// Work for `n` and `4 n` repetitions: linear work is about 4 times more,
/// quadratic work 16 times.
fn assert_linear(what: &str, run: impl Fn(usize) -> u64, n: usize) {
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let small = run(n);
    let large = run(4 * n);
    assert!(small > 0, "{what}: nothing was counted");
    let ratio = large as f64 / small as f64;
    eprintln!("{what}: {small} -> {large} ({ratio:.2})");
    assert!(
        ratio <= 5.0,
        "{what}: {small} candidates for {n} repetitions, {large} for {} (ratio {ratio:.1}): not linear",
        4 * n
    );
}

const FRONT: &str = "---\nlang: fr\ndate: 2024-06-20\n---\n";

/// Claims of every kind the finders read: money with a cue before and after,
/// a date in the clause, a description as subject, a subject from an earlier
/// sentence, an amount inheriting its paragraph's currency, relations, an age
/// and a duration since a founding.
const PARAGRAPH: &str = "Mistral AI a levé 600 millions d'euros en juin 2024, puis Microsoft a investi \
15 millions d'euros dans la startup française en février 2024. Elle a levé 385 millions d'euros en \
décembre 2023 puis 20 millions en juin. Une levée de 105 millions d'euros. Arthur Mensch, passé par Google \
DeepMind, PDG de 31 ans, a fondé l'entreprise en avril 2023 ; moins d'un an après sa création, elle vaut \
deux milliards d'euros.\n\n";

fn check_work(engine: &Engine, text: String) -> u64 {
    work_of(|| {
        engine.check_text("article.md", text, &CheckOptions::default());
    })
}

#[test]
fn checking_repeated_claim_paragraphs_is_linear() {
    let engine = Engine::load(&RulesLocation::Embedded).unwrap();
    assert_linear(
        "paragraphs",
        |n| check_work(&engine, format!("{FRONT}{}", PARAGRAPH.repeat(n))),
        60,
    );
}

#[test]
fn checking_one_long_line_without_a_full_stop_is_linear() {
    let engine = Engine::load(&RulesLocation::Embedded).unwrap();
    let line = PARAGRAPH.replace(['.', ';', '\n'], " ");
    assert_linear(
        "one line",
        |n| check_work(&engine, format!("{FRONT}{}\n", line.repeat(n))),
        60,
    );
}

#[test]
fn reading_a_long_run_of_digit_groups_is_linear() {
    let lexicons = Lexicons::shipped();
    let currencies = Lexicon::all_currencies(&lexicons);
    let reader = AmountReader {
        lexicon: lexicons.get("fr").unwrap(),
        currencies: &currencies,
    };
    assert_linear(
        "digit groups",
        |n| {
            let text = format!("levé 1{} personnes", ",000".repeat(n));
            let mut folds = String::new();
            let lexemes = lex(&text, 0..text.len(), &mut folds);
            work_of(|| {
                reader.read(&text, &lexemes);
            })
        },
        1000,
    );
}

#[test]
fn finding_runs_of_figures_on_one_long_line_is_linear() {
    assert_linear(
        "runs of figures",
        |n| {
            // Each group of three figures sends the reader to its line.
            let text = "from 10 20 30 to $1M$2M$3M and ".repeat(n);
            let mut folds = String::new();
            let tokens = tokenize(&text, 0..text.len(), &mut folds);
            work_of(|| {
                not_prose(&text, 0..text.len(), &tokens);
            })
        },
        1000,
    );
}

#[test]
fn checking_many_suppressions_in_one_paragraph_is_linear() {
    let engine = Engine::load(&RulesLocation::Embedded).unwrap();
    let comment = "<!-- claimcheck: allow N001 reason=\"cité tel quel\" --> ";
    assert_linear(
        "suppressions",
        |n| {
            check_work(
                &engine,
                format!("{FRONT}{}\nFin.\n\nAutre.\n", comment.repeat(n)),
            )
        },
        200,
    );
}

/// Looking for counts ("60 salariés") compares with the count units only
/// the words that end as one of them may: the words of plain prose, which
/// end otherwise, are turned away unread (before, every word of every
/// sentence was compared with every unit).
#[test]
fn words_that_end_like_no_count_unit_are_not_compared_with_the_units() {
    let _guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let engine = Engine::load(&RulesLocation::Embedded).unwrap();
    let prose = "Le matin venait doucement sur la ville grise et calme. ".repeat(400);
    let work = check_work(&engine, format!("{FRONT}{prose}\n"));
    // The masks and the suppressions each search the text's bytes once;
    // every other reader finds nothing to look at in this prose.
    let searched = 2 * prose.len() as u64;
    assert!(
        work < searched + 1_000,
        "{work} candidates examined for 4,000 words that end like no unit \
         ({searched} of them bytes searched)"
    );
}
