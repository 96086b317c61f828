//! The work of one article grows linearly with it: a generated article four
//! times longer makes the readers examine at most about four times as many
//! candidates (cue words, dates, references, earlier claims, digit groups).
//! Counted, not timed (`claimcheck::text::work`); speed is measured in
//! `benches/pipeline.rs`.

use std::sync::Mutex;

use claimcheck::lexicon::amounts::AmountReader;
use claimcheck::lexicon::{Lexicon, Lexicons};
use claimcheck::text::lexemes::lex;
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
    assert!(
        ratio <= 5.0,
        "{what}: {small} candidates for {n} repetitions, {large} for {} (ratio {ratio:.1}): not linear",
        4 * n
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
