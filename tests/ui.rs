//! UI tests: every fixture under `fixtures/<area>/` is checked with the real binary
//! and its output compared with the `.expected` file beside it.
//!
//! A fixture is an article (`name.md`, `name.txt`) or a folder of articles checked
//! together (`name/`); its expected output is `name.expected`. Under
//! `fixtures/fact-bases/`, each folder is a fact base validated with
//! `claimcheck rules check`. Under `fixtures/checks/`, each folder is named after
//! one check and holds its own fact base (`rules/`) and articles, run with only
//! that check selected (as ruff's `test_case(Rule::X, "X.py")`). An area that
//! holds a fact base of its own (`fixtures/<area>/rules/`, such as
//! `fixtures/clauses/`) has each article and folder checked with it, every
//! check on, and its claims listed too (`claimcheck claims`); articles named
//! `*-known-gap.md` are left out (see `tests/clauses.rs`). To accept new
//! output after a deliberate change, run `BLESS=1 cargo test --test ui` and review
//! the diff.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The area whose fixtures are fact bases rather than articles.
const FACT_BASES: &str = "fact-bases";

/// The area with one folder per check, each with a fact base of its own.
const CHECKS: &str = "checks";

/// The folder that makes an area one with a fact base of its own.
const OWN_RULES: &str = "rules";

/// The suffix of articles that show an engine defect: what they should give is
/// asserted by ignored tests (`tests/clauses.rs`), never pinned here.
const KNOWN_GAP: &str = "-known-gap";

/// Checks that cannot fire on articles, so have no folder under
/// `fixtures/checks/`: they judge the fact base, which `claimcheck check`
/// refuses to use when it has errors and whose warnings it does not print.
/// Each is covered by `claimcheck rules check`: a folder of `fixtures/fact-bases/`
/// where there is one, else the test named here.
const FACT_BASE_ONLY: &[(&str, &str)] = &[
    (
        "rules-syntax",
        "tests/cli.rs malformed_yaml_is_located_and_blocks_checking",
    ),
    (
        "duplicate-id",
        "tests/cli.rs duplicate_ids_alias_conflicts_and_bad_values_are_all_reported",
    ),
    (
        "alias-conflict",
        "tests/cli.rs duplicate_ids_alias_conflicts_and_bad_values_are_all_reported",
    ),
    (
        "unknown-entity",
        "tests/cli.rs a_typo_in_an_entity_reference_gets_a_suggestion",
    ),
    (
        "invalid-value",
        "tests/cli.rs duplicate_ids_alias_conflicts_and_bad_values_are_all_reported",
    ),
    (
        "unknown-attribute",
        "tests/cli.rs facts_are_validated_with_locations_and_suggestions",
    ),
    (
        "fact-without-source",
        "tests/cli.rs facts_are_validated_with_locations_and_suggestions",
    ),
    (
        "contradictory-facts",
        "fixtures/fact-bases/contradictory-facts",
    ),
    ("of-cycle", "fixtures/fact-bases/of-cycle"),
];

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut found = Vec::new();
    let mut areas: Vec<_> = std::fs::read_dir(&root)
        .expect("fixtures/ exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| !p.ends_with(FACT_BASES) && !p.ends_with(CHECKS) && !p.join(OWN_RULES).is_dir())
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

/// The folders under `fixtures/<area>/`, sorted.
fn folders_of(area: &str) -> Vec<PathBuf> {
    let area = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(area);
    let mut found: Vec<_> = std::fs::read_dir(&area)
        .unwrap_or_else(|err| panic!("{}: {err}", area.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    found.sort();
    found
}

/// The areas with a fact base of their own (`fixtures/<area>/rules/`), sorted.
fn own_rules_areas() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut found: Vec<_> = std::fs::read_dir(&root)
        .expect("fixtures/ exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join(OWN_RULES).is_dir() && !p.ends_with(CHECKS))
        .collect();
    found.sort();
    found
}

/// The fixtures of an area with its own fact base: its articles (but the
/// known gaps) and its folders (but `rules/`), sorted.
fn own_rules_fixtures(area: &Path) -> Vec<PathBuf> {
    let mut found: Vec<_> = articles_of(area)
        .into_iter()
        .filter(|a| {
            !a.file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|s| s.ends_with(KNOWN_GAP))
        })
        .collect();
    found.extend(
        std::fs::read_dir(area)
            .expect("readable")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir() && !p.ends_with(OWN_RULES)),
    );
    found.sort();
    found
}

/// What `check` and `claims` show on a fixture of an area with its own fact
/// base. Its articles are named one by one (the area's ignore file keeps a
/// walk of `fixtures/` out of it, and a folder's articles are checked together).
fn run_own_rules_fixture(area: &Path, fixture: &Path) -> String {
    let rules = relative(&area.join(OWN_RULES));
    let articles: Vec<String> = if fixture.is_dir() {
        articles_of(fixture).iter().map(|a| relative(a)).collect()
    } else {
        vec![relative(fixture)]
    };
    let mut seen = String::new();
    // `claims` prints no colour and takes no `--color`.
    for command in [&["check", "--color", "never"][..], &["claims"]] {
        let mut args = command.to_vec();
        args.extend(["--rules", &rules]);
        args.extend(articles.iter().map(String::as_str));
        seen.push_str(&format!(
            "$ claimcheck {}\n{}",
            args.join(" "),
            invoke(&args)
        ));
    }
    seen
}

#[test]
fn fixtures_with_their_own_fact_base_match_their_expected_output() {
    let areas = own_rules_areas();
    assert!(
        areas.iter().any(|a| a.ends_with("clauses")),
        "expected fixtures/clauses/, found {areas:?}"
    );
    for area in areas {
        let all = own_rules_fixtures(&area);
        assert!(all.len() >= 2, "{}: found {all:?}", area.display());
        compare(all, |f| run_own_rules_fixture(&area, f));
    }
}

/// Every fact-base fixture: the folders under `fixtures/fact-bases/`.
fn fact_base_fixtures() -> Vec<PathBuf> {
    folders_of(FACT_BASES)
}

/// A path as shown in expected output: relative to the crate, with `/`.
fn relative(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let relative = path.strip_prefix(root).expect("fixture under the crate");
    relative.to_string_lossy().replace('\\', "/")
}

/// What a user sees: the command, its exit status, stdout and stderr.
/// `command` is `check` for articles, `rules check` for fact bases.
fn run(command: &[&str], fixture: &Path) -> String {
    let relative = relative(fixture);
    let mut args: Vec<&str> = command.to_vec();
    args.extend([relative.as_str(), "--color", "never"]);
    format!(
        "$ claimcheck {} {relative}\n{}",
        command.join(" "),
        invoke(&args)
    )
}

/// Runs the binary from the crate's folder: its exit status, stdout and stderr.
fn invoke(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("the binary runs");
    let mut seen = format!(
        "exit status: {}\n\n{}",
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
    compare(all, |f| run(&["check"], f));
}

#[test]
fn fact_base_fixtures_match_their_expected_output() {
    let all = fact_base_fixtures();
    assert!(
        all.len() >= 2,
        "expected the shipped fact-base fixtures, found {}",
        all.len()
    );
    compare(all, |f| run(&["rules", "check"], f));
}

/// Runs each fixture and compares (or, with `BLESS`, records) what it prints
/// with `<fixture>.expected`.
fn compare(fixtures: Vec<PathBuf>, run: impl Fn(&Path) -> String) {
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for fixture in fixtures {
        let expected_path = fixture.with_extension("expected");
        let seen = run(&fixture);
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

/// The folders under `fixtures/checks/`, one per check.
fn check_fixtures() -> Vec<PathBuf> {
    folders_of(CHECKS)
}

/// The articles of a check's folder, named one by one so that neither its
/// `rules/` nor an ignore file decides what is read.
fn articles_of(folder: &Path) -> Vec<PathBuf> {
    let mut articles: Vec<_> = std::fs::read_dir(folder)
        .expect("readable")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && matches!(
                    p.extension().and_then(|e| e.to_str()),
                    Some("md" | "markdown" | "txt")
                )
        })
        .collect();
    articles.sort();
    articles
}

/// The check's articles, checked with its own fact base and only that check.
fn run_check_fixture(folder: &Path) -> String {
    let name = folder
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a UTF-8 folder name");
    let rules = relative(&folder.join("rules"));
    let articles: Vec<String> = articles_of(folder).iter().map(|a| relative(a)).collect();
    let mut args = vec![
        "check", "--rules", &rules, "--select", name, "--color", "never",
    ];
    args.extend(articles.iter().map(String::as_str));
    format!("$ claimcheck {}\n{}", args.join(" "), invoke(&args))
}

/// Whether `covered_by` exists: a fixture folder, or `tests/FILE.rs TEST` with
/// that test function in it.
fn is_covered(covered_by: &str) -> bool {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match covered_by.split_once(' ') {
        Some((file, test)) => std::fs::read_to_string(root.join(file))
            .is_ok_and(|text| text.contains(&format!("fn {test}()"))),
        None => root.join(covered_by).is_dir(),
    }
}

/// The checks `claimcheck explain` lists, by name.
fn listed_checks() -> Vec<String> {
    let output = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .arg("explain")
        .output()
        .expect("the binary runs");
    assert!(output.status.success());
    // Lines of the form `  N001  name-variant  warning  summary`.
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let code = words.next()?;
            let name = words.next()?;
            let is_code = code.len() == 4
                && code.starts_with(|c: char| c.is_ascii_uppercase())
                && code[1..].chars().all(|c| c.is_ascii_digit());
            is_code.then(|| name.to_string())
        })
        .collect()
}

#[test]
fn each_check_has_fixtures_run_with_only_that_check() {
    let folders = check_fixtures();
    let listed = listed_checks();
    assert!(listed.len() >= 20, "explain lists {listed:?}");
    let names: Vec<String> = folders
        .iter()
        .filter_map(|f| f.file_name()?.to_str().map(str::to_string))
        .collect();
    let mut problems = Vec::new();
    for check in &listed {
        let exempt = FACT_BASE_ONLY.iter().any(|(name, _)| name == check);
        match (names.contains(check), exempt) {
            (false, false) => problems.push(format!(
                "`{check}` has no fixtures/checks/{check}/ (and is not listed in FACT_BASE_ONLY)"
            )),
            (true, true) => problems.push(format!(
                "`{check}` has a folder and is also listed in FACT_BASE_ONLY"
            )),
            _ => {}
        }
    }
    for (name, covered_by) in FACT_BASE_ONLY {
        if !listed.contains(&name.to_string()) {
            problems.push(format!(
                "FACT_BASE_ONLY lists `{name}`, which is not a check"
            ));
        }
        if !is_covered(covered_by) {
            problems.push(format!(
                "`{name}` is said to be covered by {covered_by}, which is missing"
            ));
        }
    }
    for (folder, name) in folders.iter().zip(&names) {
        if !listed.contains(name) {
            problems.push(format!(
                "fixtures/checks/{name}/ is not named after a check"
            ));
        }
        // What a user would be told about the folder's own fact base: nothing.
        let rules = relative(&folder.join("rules"));
        let validated = invoke(&["rules", "check", &rules, "--color", "never"]);
        if !validated.starts_with("exit status: 0\n\nno problems in") {
            problems.push(format!("{rules} is not a clean fact base:\n{validated}"));
        }
        // At least one French, one English and one clean article, told by name.
        let stems: Vec<String> = articles_of(folder)
            .iter()
            .filter_map(|a| a.file_stem()?.to_str().map(str::to_string))
            .collect();
        for wanted in ["fr", "en", "clean"] {
            if !stems.iter().any(|s| s.split('-').any(|w| w == wanted)) {
                problems.push(format!(
                    "fixtures/checks/{name}/ has no article whose name has `{wanted}` in it"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    compare(folders, run_check_fixture);
}
