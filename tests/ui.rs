//! UI tests: every fixture under `fixtures/<area>/` is checked with the real binary
//! and its output compared with the `.expected` file beside it.
//!
//! A fixture is an article (`name.md`, `name.txt`) or a folder of articles checked
//! together (`name/`); its expected output is `name.expected`. Under
//! `fixtures/fact-bases/`, each folder is a fact base validated with
//! `claimcheck rules check`. To accept new output after a deliberate change, run
//! `BLESS=1 cargo test --test ui` and review the diff.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The area whose fixtures are fact bases rather than articles.
const FACT_BASES: &str = "fact-bases";

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut found = Vec::new();
    let mut areas: Vec<_> = std::fs::read_dir(&root)
        .expect("fixtures/ exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| !p.ends_with(FACT_BASES))
        .collect();
    areas.sort();
    for area in areas.into_iter().filter(|p| p.is_dir()) {
        let mut entries: Vec<_> = std::fs::read_dir(&area)
            .expect("readable")
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            let is_article = matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("md" | "txt")
            );
            if path.is_dir() || is_article {
                found.push(path);
            }
        }
    }
    found
}

/// Every fact-base fixture: the folders under `fixtures/fact-bases/`.
fn fact_base_fixtures() -> Vec<PathBuf> {
    let area = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(FACT_BASES);
    let mut found: Vec<_> = std::fs::read_dir(&area)
        .expect("fixtures/fact-bases exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    found.sort();
    found
}

/// What a user sees: the command, its exit status, stdout and stderr.
/// `command` is `check` for articles, `rules check` for fact bases.
fn run(command: &[&str], fixture: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let relative = fixture.strip_prefix(root).expect("fixture under the crate");
    let relative = relative.to_string_lossy().replace('\\', "/");
    let output = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(root)
        .env_remove("NO_COLOR")
        .args(command)
        .args([relative.as_str(), "--color", "never"])
        .output()
        .expect("the binary runs");
    let mut seen = format!(
        "$ claimcheck {} {relative}\nexit status: {}\n\n{}",
        command.join(" "),
        output
            .status
            .code()
            .map_or("signal".to_string(), |c| c.to_string()),
        String::from_utf8_lossy(&output.stdout)
    );
    if !output.stderr.is_empty() {
        seen.push_str("--- stderr\n");
        seen.push_str(&String::from_utf8_lossy(&output.stderr));
    }
    seen
}

#[test]
fn fixtures_match_their_expected_output() {
    let all = fixtures();
    assert!(
        all.len() >= 10,
        "expected the shipped fixtures, found {}",
        all.len()
    );
    compare(&["check"], all);
}

#[test]
fn fact_base_fixtures_match_their_expected_output() {
    let all = fact_base_fixtures();
    assert!(
        all.len() >= 2,
        "expected the shipped fact-base fixtures, found {}",
        all.len()
    );
    compare(&["rules", "check"], all);
}

/// Runs `command` on each fixture and compares (or, with `BLESS`, records) what it prints.
fn compare(command: &[&str], fixtures: Vec<PathBuf>) {
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for fixture in fixtures {
        let expected_path = fixture.with_extension("expected");
        let seen = run(command, &fixture);
        if bless {
            std::fs::write(&expected_path, &seen).expect("write expected output");
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == seen => {}
            Ok(expected) => failures.push(format!(
                "{}: output differs\n--- expected\n{expected}\n--- seen\n{seen}",
                fixture.display()
            )),
            Err(_) => failures.push(format!(
                "{}: no {} (run BLESS=1 cargo test --test ui)\n{seen}",
                fixture.display(),
                expected_path.display()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
