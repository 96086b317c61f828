//! The command line as a user meets it: exit statuses, inputs good and bad,
//! fact-base validation, explain, output formats.

use std::path::Path;

mod common;
use common::{Run, claimcheck};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn write(dir: &Path, name: &str, content: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

const CLEAN: &str = "---\nlang: en\n---\nMistral AI was founded in Paris by Arthur Mensch.\n";
const VARIANT: &str =
    "---\nlang: en\n---\nMistral AI was founded by Arthur Mensch and Guillaume Lampel.\n";

#[test]
fn exit_status_is_zero_for_clean_and_warning_only_articles() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "clean.md", CLEAN.as_bytes());
    write(dir.path(), "variant.md", VARIANT.as_bytes());
    let clean = claimcheck(dir.path(), &["check", "clean.md"], None);
    assert_eq!(clean.code, 0, "{}", clean.stderr);
    assert!(
        clean.stdout.contains("no problems found in 1 file"),
        "{}",
        clean.stdout
    );
    let warned = claimcheck(
        dir.path(),
        &["check", "variant.md", "--color", "never"],
        None,
    );
    assert_eq!(warned.code, 0);
    assert!(warned.stdout.contains("warning[N001]"), "{}", warned.stdout);
    assert!(
        warned.stdout.contains("1 warning in 1 file"),
        "{}",
        warned.stdout
    );
}

#[test]
fn stats_report_articles_bytes_and_memory_on_stderr_only() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "clean.md", CLEAN.as_bytes());
    write(dir.path(), "variant.md", VARIANT.as_bytes());
    let plain = claimcheck(dir.path(), &["check", ".", "--color", "never"], None);
    let run = claimcheck(
        dir.path(),
        &["check", ".", "--color", "never", "--stats"],
        None,
    );
    assert_eq!(run.code, plain.code);
    assert_eq!(run.stdout, plain.stdout, "the report itself is unchanged");
    let line = run
        .stderr
        .lines()
        .find(|l| l.starts_with("stats: "))
        .unwrap_or_else(|| panic!("{}", run.stderr));
    let mib = (CLEAN.len() + VARIANT.len()) as f64 / (1024.0 * 1024.0);
    assert!(
        line.starts_with(&format!("stats: 2 articles, {mib:.1} MiB in ")),
        "{line}"
    );
    assert!(line.contains(" MiB/s)"), "{line}");
    if cfg!(target_os = "linux") {
        assert!(line.contains(", peak memory "), "{line}");
    }
    assert!(!plain.stderr.contains("stats:"));
}

#[test]
fn deny_warnings_turns_warnings_into_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "variant.md", VARIANT.as_bytes());
    let run = claimcheck(
        dir.path(),
        &[
            "check",
            "variant.md",
            "--deny",
            "warnings",
            "--color",
            "never",
        ],
        None,
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("error[N001]"), "{}", run.stdout);
    assert!(run.stdout.contains("1 error in 1 file"), "{}", run.stdout);
}

#[test]
fn a_house_style_note_never_fails_a_run_even_under_deny_warnings() {
    let dir = tempfile::tempdir().unwrap();
    // English copy drops the accent of a French name: a note by the English
    // lexicon's `name_style`; the same spelling in French copy is a warning.
    let english = "---\nlang: en\n---\nMistral AI was founded by Timothee Lacroix.\n";
    let french = "---\nlang: fr\n---\nMistral AI a été fondée par Timothee Lacroix.\n";
    write(dir.path(), "en.md", english.as_bytes());
    write(dir.path(), "fr.md", french.as_bytes());
    let run = claimcheck(
        dir.path(),
        &["check", "en.md", "--deny", "warnings", "--color", "never"],
        None,
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("note[N001]"), "{}", run.stdout);
    assert!(run.stdout.contains("1 note in 1 file"), "{}", run.stdout);
    let run = claimcheck(
        dir.path(),
        &["check", "fr.md", "--deny", "warnings", "--format", "short"],
        None,
    );
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("fr.md:4:29: error[N001]: `Timothee Lacroix` is written"),
        "{}",
        run.stdout
    );
}

#[test]
fn reads_standard_input_under_the_given_name() {
    let run = claimcheck(
        repo(),
        &[
            "check",
            "-",
            "--stdin-filename",
            "draft.md",
            "--format",
            "short",
        ],
        Some(VARIANT.as_bytes()),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "draft.md:4:45: warning[N001]: `Guillaume Lampel` looks like a misspelling of `Guillaume Lample`\n"
    );
}

#[test]
fn bad_inputs_are_reported_with_exit_status_two_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "latin1.md", b"Caf\xe9 avec Timothee Lacroix\n");
    write(dir.path(), "empty.md", b"");
    write(dir.path(), "binary.txt", b"\x7fELF\0\0\x01");
    write(dir.path(), "good.md", VARIANT.as_bytes());
    let run = claimcheck(
        dir.path(),
        &[
            "check",
            "latin1.md",
            "empty.md",
            "binary.txt",
            "missing.md",
            "good.md",
            "--format",
            "short",
        ],
        None,
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("error: cannot read 'latin1.md': is not valid UTF-8 (invalid byte 0xE9 at offset 3, line 1)"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error: cannot read 'empty.md': is empty"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: cannot read 'binary.txt': looks like a binary file"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("error: cannot read 'missing.md': no such file or folder"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("good.md:4:45: warning[N001]"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_empty_folder_is_a_warning_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    let run = claimcheck(dir.path(), &["check", "archive"], None);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr
            .contains("warning: no articles found in 'archive'"),
        "{}",
        run.stderr
    );
}

#[test]
fn folders_skip_hidden_ignored_and_foreign_files() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "archive/a.md", VARIANT.as_bytes());
    write(dir.path(), "archive/sub/b.markdown", VARIANT.as_bytes());
    write(dir.path(), "archive/.hidden.md", VARIANT.as_bytes());
    write(dir.path(), "archive/drafts/c.md", VARIANT.as_bytes());
    write(dir.path(), "archive/notes.html", VARIANT.as_bytes());
    write(dir.path(), "archive/.gitignore", b"drafts/\n");
    let run = claimcheck(dir.path(), &["check", "archive", "--format", "short"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let files: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(files, ["archive/a.md", "archive/sub/b.markdown"]);
}

#[test]
fn checking_never_modifies_the_articles() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "variant.md", VARIANT.as_bytes());
    claimcheck(dir.path(), &["check", "variant.md"], None);
    assert_eq!(
        std::fs::read(dir.path().join("variant.md")).unwrap(),
        VARIANT.as_bytes()
    );
}

#[test]
fn the_built_in_fact_base_works_from_any_folder() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "variant.md", VARIANT.as_bytes());
    let run = claimcheck(
        dir.path(),
        &["check", "variant.md", "--color", "never"],
        None,
    );
    assert!(
        run.stdout.contains("builtin:rules/entities.yaml"),
        "{}",
        run.stdout
    );
    let rules = claimcheck(dir.path(), &["rules", "check"], None);
    assert_eq!(rules.code, 0, "{}", rules.stdout);
    assert!(
        rules.stdout.contains("the built-in fact base"),
        "{}",
        rules.stdout
    );
}

fn broken_rules(yaml: &str) -> (tempfile::TempDir, Run, Run) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "facts/entities.yaml", yaml.as_bytes());
    write(dir.path(), "a.md", CLEAN.as_bytes());
    let rules = claimcheck(
        dir.path(),
        &["rules", "check", "facts", "--format", "short"],
        None,
    );
    let check = claimcheck(
        dir.path(),
        &["check", "a.md", "--rules", "facts", "--color", "never"],
        None,
    );
    (dir, rules, check)
}

#[test]
fn malformed_yaml_is_located_and_blocks_checking() {
    let (_dir, rules, check) = broken_rules("entities:\n  - id: a\n    kind: org\n    name: [A\n");
    assert_eq!(rules.code, 1);
    assert!(
        rules.stdout.starts_with("facts/entities.yaml:4:"),
        "{}",
        rules.stdout
    );
    assert!(rules.stdout.contains("error[R001]"), "{}", rules.stdout);
    assert_eq!(check.code, 2);
    assert!(
        check.stderr.contains("nothing was checked"),
        "{}",
        check.stderr
    );
}

#[test]
fn an_unknown_key_is_located() {
    let (_dir, rules, _) = broken_rules("entities:\n  - id: a\n    kind: org\n    nam: A\n");
    assert_eq!(rules.code, 1);
    assert_eq!(
        rules.stdout,
        "facts/entities.yaml:4:5: error[R001]: unknown field `nam`, expected one of id, kind, name, aliases, not, of, country\n"
    );
}

#[test]
fn a_typo_in_an_entity_reference_gets_a_suggestion() {
    let yaml = "entities:\n  - id: mistral-ai\n    kind: org\n    name: Mistral AI\n  - id: le-chat\n    kind: product\n    name: Le Chat\n    of: mistral-a\n";
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "facts/entities.yaml", yaml.as_bytes());
    let run = claimcheck(
        dir.path(),
        &["rules", "check", "facts", "--color", "never"],
        None,
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("error[R004]: unknown entity `mistral-a`"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("facts/entities.yaml:8:9"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("help: did you mean `mistral-ai`?"),
        "{}",
        run.stdout
    );
}

#[test]
fn duplicate_ids_alias_conflicts_and_bad_values_are_all_reported() {
    let yaml = "\
entities:
  - id: meta
    kind: org
    name: Meta
    aliases: [Facebook]
  - id: meta
    kind: org
    name: Meta Platforms
  - id: facebook
    kind: prodcut
    name: Face-book
  - id: Bad_Id
    kind: org
    name: Bad
";
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "facts/entities.yaml", yaml.as_bytes());
    let run = claimcheck(
        dir.path(),
        &["rules", "check", "facts", "--format", "short"],
        None,
    );
    assert_eq!(run.code, 1);
    let codes: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| l.split(": ").nth(1).unwrap())
        .collect();
    assert_eq!(
        codes,
        ["error[R002]", "error[R005]", "error[R005]"],
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("facts/entities.yaml:6:9: error[R002]: duplicate entity id `meta`"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("facts/entities.yaml:10:11: error[R005]: unknown entity kind `prodcut`"),
        "{}",
        run.stdout
    );

    let conflict = "entities:\n  - id: meta\n    kind: org\n    name: Meta\n    aliases: [Facebook]\n  - id: facebook\n    kind: product\n    name: Face-book\n";
    write(dir.path(), "facts/entities.yaml", conflict.as_bytes());
    let run = claimcheck(
        dir.path(),
        &["rules", "check", "facts", "--format", "short"],
        None,
    );
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "facts/entities.yaml:8:11: error[R003]: `Face-book` is claimed by `meta` and `facebook`\n"
    );
}

#[test]
fn a_missing_rules_folder_is_exit_two() {
    let run = claimcheck(
        repo(),
        &["check", "fixtures", "--rules", "no/such/folder"],
        None,
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("cannot read the fact base 'no/such/folder': not a folder"),
        "{}",
        run.stderr
    );
}

#[test]
fn explain_prints_a_check_and_lists_them_all() {
    let one = claimcheck(repo(), &["explain", "name-variant"], None);
    assert_eq!(one.code, 0);
    assert!(
        one.stdout
            .starts_with("N001 name-variant (warning by default)"),
        "{}",
        one.stdout
    );
    assert!(one.stdout.contains("Example"), "{}", one.stdout);
    let by_code = claimcheck(repo(), &["explain", "R004"], None);
    assert!(
        by_code.stdout.starts_with("R004 unknown-entity"),
        "{}",
        by_code.stdout
    );
    let all = claimcheck(repo(), &["explain"], None);
    assert!(
        all.stdout.contains("name-inconsistent") && all.stdout.contains("rules-syntax"),
        "{}",
        all.stdout
    );
    let unknown = claimcheck(repo(), &["explain", "nope"], None);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("no check named `nope`"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn usage_errors_are_exit_two() {
    assert_eq!(claimcheck(repo(), &["check"], None).code, 2);
    assert_eq!(
        claimcheck(repo(), &["check", "fixtures", "--date", "2024-13-01"], None).code,
        2
    );
    assert_eq!(
        claimcheck(repo(), &["check", "fixtures", "--format", "xml"], None).code,
        2
    );
    let help = claimcheck(repo(), &["--help"], None);
    assert!(help.stdout.contains("Examples:"), "{}", help.stdout);
}

#[test]
fn colour_follows_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "variant.md", VARIANT.as_bytes());
    let always = claimcheck(
        dir.path(),
        &["check", "variant.md", "--color", "always"],
        None,
    );
    assert!(
        always.stdout.contains("\u{1b}["),
        "no ANSI escapes with --color always"
    );
    // Standard output is a pipe here, so `auto` means no colour.
    let auto = claimcheck(dir.path(), &["check", "variant.md"], None);
    assert!(!auto.stdout.contains("\u{1b}["), "ANSI escapes on a pipe");
}

#[test]
fn sarif_output_has_what_code_scanning_needs() {
    let run = claimcheck(
        repo(),
        &[
            "check",
            "fixtures/names/cross-source",
            "fixtures/names/fr-accents.md",
            "--format",
            "sarif",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sarif: serde_json::Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let run0 = &sarif["runs"][0];
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "N001"
        && r["name"] == "name-variant"
        && r["help"]["text"].is_string()));
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    let accents = results
        .iter()
        .find(|r| {
            r["message"]["text"]
                .as_str()
                .unwrap()
                .starts_with("`Timothee Lacroix`")
        })
        .unwrap();
    assert_eq!(accents["ruleId"], "N001");
    assert_eq!(accents["level"], "warning");
    let region = &accents["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(8), Some(16))
    );
    assert_eq!(
        (region["endLine"].as_u64(), region["endColumn"].as_u64()),
        (Some(8), Some(32))
    );
    assert_eq!(
        accents["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "fixtures/names/fr-accents.md"
    );
    assert_eq!(
        accents["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "rules/entities.yaml"
    );
    assert_eq!(
        accents["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
        "Timothée Lacroix"
    );
    let inconsistent = results.iter().find(|r| r["ruleId"] == "N002").unwrap();
    assert_eq!(
        inconsistent["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "fixtures/names/cross-source/first.md"
    );
}

#[test]
fn front_matter_problems_are_reported_in_the_article() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        b"---\ndate: 1st of March\nlang: de\n---\nMistral AI.\n",
    );
    write(dir.path(), "b.md", b"---\ndate: [2024\n---\nMistral AI.\n");
    let run = claimcheck(
        dir.path(),
        &["check", "a.md", "b.md", "--format", "short"],
        None,
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("a.md:2:7: error[S001]: `1st of March` is not a date claimcheck can read"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("a.md:3:7: warning[S002]: no lexicon for language `de`"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("b.md:2:"), "{}", run.stdout);
}

#[test]
fn claims_lists_what_was_read_as_a_table_and_as_json() {
    let table = claimcheck(
        repo(),
        &["claims", "fixtures/money/fr-missing-currency.md"],
        None,
    );
    assert_eq!(table.code, 0, "{}", table.stderr);
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert!(
        lines[0].starts_with("where")
            && lines[0].contains("currency")
            && lines[0].contains("stated"),
        "{}",
        table.stdout
    );
    assert!(
        lines[1].contains("mistral-ai")
            && lines[1].contains("valuation")
            && lines[1].contains("none")
            && lines[1].contains("asserted"),
        "{}",
        table.stdout
    );
    assert!(lines[3].contains("EUR (from 8:19)"), "{}", table.stdout);
    assert_eq!(
        lines.last().copied(),
        Some(
            "3 claims (* subject inferred from a description or an earlier sentence; only \
             asserted claims are checked)"
        )
    );

    let json = claimcheck(
        repo(),
        &[
            "claims",
            "fixtures/money/fr-missing-currency.md",
            "--format",
            "json",
        ],
        None,
    );
    let claims: serde_json::Value = serde_json::from_str(&json.stdout).expect("claims JSON parses");
    let claims = claims.as_array().unwrap();
    assert_eq!(claims.len(), 3);
    assert_eq!(claims[0]["attribute"], "valuation");
    assert_eq!(claims[0]["currency"], serde_json::Value::Null);
    assert_eq!(
        (claims[0]["low"].as_f64(), claims[0]["high"].as_f64()),
        (Some(1.5e9), Some(2.5e9))
    );
    assert_eq!(claims[2]["text"], "385 millions");
    assert_eq!(claims[2]["currency"], "EUR");
    assert_eq!(claims[2]["currency_inherited_from"]["line"], 8);
    // "puis 385 millions en décembre": the claim's own date, in the article's year.
    assert_eq!(claims[2]["date"], "2023-12");
    assert_eq!(claims[0]["date"], "2024-03-01");
}

#[test]
fn facts_are_validated_with_locations_and_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = "\
entities:
  - id: acme
    kind: org
    name: Acme
attributes:
  - id: valuation
    value: money
    kind: state
    cues: { en: [valued] }
facts:
  - subject: acme
    attribute: valuaton
    value: 2 billion USD
    date: 2024-01-01
    source: https://example.org/a
  - subject: acm
    attribute: valuation
    value: 2 billion USD
    date: 2024-01-01
    source: https://example.org/b
  - subject: acme
    attribute: valuation
    value: two bilion
    from: 2024-05-01
    until: 2024-01-01
  - subject: acme
    attribute: valuation
    value: 3 billion USD
    date: 2024-13-01
    source: https://example.org/c
fx:
  EUR/USD: { 2024-01: 1.09, 2024-02: -1 }
  EURO/USD: { 2024-01: 1.09 }
";
    write(dir.path(), "facts/all.yaml", yaml.as_bytes());
    let run = claimcheck(
        dir.path(),
        &["rules", "check", "facts", "--format", "short"],
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stdout);
    let expected = [
        "facts/all.yaml:12:16: error[R006]: unknown attribute `valuaton`",
        "facts/all.yaml:16:14: error[R004]: unknown entity `acm`",
        "facts/all.yaml:23:12: error[R005]: `two bilion` is not an amount with a currency",
        "facts/all.yaml:23:12: warning[R007]: fact without a source",
        "facts/all.yaml:29:11: error[R005]: `2024-13-01` is not a date",
    ];
    for line in expected {
        assert!(
            run.stdout.contains(line),
            "missing {line:?} in\n{}",
            run.stdout
        );
    }
    assert!(
        run.stdout
            .contains("error[R005]: rate -1 for 2024-02 is not positive"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("error[R005]: `EURO/USD` is not a currency pair"),
        "{}",
        run.stdout
    );
    let human = claimcheck(
        dir.path(),
        &["rules", "check", "facts", "--color", "never"],
        None,
    );
    assert!(
        human.stdout.contains("help: did you mean `valuation`?"),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.contains("help: did you mean `acme`?"),
        "{}",
        human.stdout
    );
}

#[test]
fn fix_rewrites_names_only_and_a_second_run_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let text = "---\nlang: fr\ndate: 2024-03-01\n---\nPrésentés par Timothee Lacroix et Open AI, les chiffres : Microsoft a investi 20 millions d'euros dans Mistral AI.\n";
    write(dir.path(), "a.md", text.as_bytes());
    let diff = claimcheck(dir.path(), &["check", "a.md", "--diff"], None);
    assert_eq!(diff.code, 1);
    assert!(
        diff.stdout.starts_with(
            "--- a/a.md\n+++ b/a.md\n@@ -2,4 +2,4 @@\n lang: fr\n date: 2024-03-01\n ---\n-Présentés par Timothee Lacroix"
        ),
        "{}",
        diff.stdout
    );
    assert!(
        diff.stderr.contains("2 fixes available in 1 file"),
        "{}",
        diff.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        text,
        "--diff must not write"
    );

    let fixed = claimcheck(
        dir.path(),
        &["check", "a.md", "--fix", "--format", "short"],
        None,
    );
    assert!(
        fixed.stderr.contains("fixed 2 findings in a.md"),
        "{}",
        fixed.stderr
    );
    let after = std::fs::read_to_string(dir.path().join("a.md")).unwrap();
    assert_eq!(
        after,
        text.replace("Timothee Lacroix", "Timothée Lacroix")
            .replace("Open AI", "OpenAI")
    );
    // What is left is not fixable: the wrong figure.
    assert_eq!(fixed.stdout.lines().count(), 1, "{}", fixed.stdout);
    assert!(fixed.stdout.contains("error[M001]"), "{}", fixed.stdout);
    assert_eq!(fixed.code, 1);

    let again = claimcheck(dir.path(), &["check", "a.md", "--fix"], None);
    assert!(!again.stderr.contains("fixed"), "{}", again.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        after
    );

    // Standard input's fixed text goes to standard output (more in tests/cli_baseline_fix.rs).
    let stdin = claimcheck(dir.path(), &["check", "-", "--fix"], Some(text.as_bytes()));
    assert_eq!(stdin.stdout, after, "{}", stdin.stderr);
}

#[test]
fn a_baseline_accepts_known_findings_even_after_edits_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", VARIANT.as_bytes());
    let wrote = claimcheck(
        dir.path(),
        &["check", "a.md", "--write-baseline", "baseline.json"],
        None,
    );
    assert_eq!(wrote.code, 0);
    assert!(
        wrote
            .stderr
            .contains("wrote 1 finding to the baseline baseline.json"),
        "{}",
        wrote.stderr
    );

    let edited = VARIANT
        .replace("---\n\n", "---\n\nA new first paragraph.\n\n")
        .replace("---\nMistral", "---\nA new line.\n\nMistral");
    write(dir.path(), "a.md", edited.as_bytes());
    let run = claimcheck(
        dir.path(),
        &[
            "check",
            "a.md",
            "--baseline",
            "baseline.json",
            "--deny",
            "warnings",
        ],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stderr.contains("1 finding accepted by the baseline"),
        "{}",
        run.stderr
    );

    write(
        dir.path(),
        "a.md",
        format!("{edited}Open AI too.\n").as_bytes(),
    );
    let new = claimcheck(
        dir.path(),
        &[
            "check",
            "a.md",
            "--baseline",
            "baseline.json",
            "--format",
            "short",
        ],
        None,
    );
    assert_eq!(new.stdout.lines().count(), 1, "{}", new.stdout);
    assert!(new.stdout.contains("`Open AI`"), "{}", new.stdout);

    write(dir.path(), "broken.json", b"{}");
    let broken = claimcheck(
        dir.path(),
        &["check", "a.md", "--baseline", "broken.json"],
        None,
    );
    assert_eq!(broken.code, 2);
    assert!(
        broken.stderr.contains("not a baseline file"),
        "{}",
        broken.stderr
    );
}

#[test]
fn a_project_configuration_sets_defaults_that_flags_override() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "claimcheck.toml",
        b"exclude = [\"drafts/**\"]\nlanguage = \"en\"\ndate = \"2024-03-01\"\n[severity]\nname-variant = \"deny\"\nmissing-currency = \"allow\"\n",
    );
    let article = "Mistral AI, valued at 2 billion, hired Guillaume Lampel.\n";
    write(dir.path(), "news/a.md", article.as_bytes());
    write(dir.path(), "drafts/b.md", article.as_bytes());
    let run = claimcheck(dir.path(), &["check", ".", "--format", "short"], None);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout,
        "news/a.md:1:40: error[N001]: `Guillaume Lampel` looks like a misspelling of `Guillaume Lample`\n"
    );
    // The date came from the configuration: the claim is dated.
    let claims = claimcheck(
        dir.path(),
        &["claims", "news/a.md", "--format", "json"],
        None,
    );
    assert!(
        claims.stdout.contains("\"date\": \"2024-03-01\""),
        "{}",
        claims.stdout
    );
    let flag = claimcheck(
        dir.path(),
        &[
            "claims",
            "news/a.md",
            "--format",
            "json",
            "--date",
            "2024-07-01",
        ],
        None,
    );
    assert!(
        flag.stdout.contains("\"date\": \"2024-07-01\""),
        "{}",
        flag.stdout
    );
    // A file named explicitly is checked even if excluded.
    let explicit = claimcheck(
        dir.path(),
        &["check", "drafts/b.md", "--format", "short"],
        None,
    );
    assert!(
        explicit.stdout.contains("drafts/b.md"),
        "{}",
        explicit.stdout
    );
    // Found from a subfolder too.
    let nested = claimcheck(
        &dir.path().join("news"),
        &["check", "a.md", "--format", "short"],
        None,
    );
    assert!(nested.stdout.contains("error[N001]"), "{}", nested.stdout);
}

#[test]
fn a_broken_configuration_is_exit_two_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", CLEAN.as_bytes());
    write(
        dir.path(),
        "claimcheck.toml",
        b"rules = \"rules\"\nseverity = 3\n",
    );
    let run = claimcheck(dir.path(), &["check", "a.md"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("claimcheck.toml:2:"), "{}", run.stderr);
    write(
        dir.path(),
        "claimcheck.toml",
        b"[severity]\nno-such-check = \"deny\"\n",
    );
    let run = claimcheck(dir.path(), &["check", "a.md"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("claimcheck.toml:2:1: unknown check `no-such-check` in [severity]"),
        "{}",
        run.stderr
    );
}

#[test]
fn select_reports_only_the_chosen_checks_from_the_file_or_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    // A name variant (N001) and an amount without currency (M003).
    let article = "Mistral AI, valued at 2 billion, hired Guillaume Lampel.\n";
    write(dir.path(), "a.md", article.as_bytes());
    let config = "language = \"en\"\ndate = \"2024-03-01\"\n";
    write(dir.path(), "claimcheck.toml", config.as_bytes());
    let codes = |args: &[&str]| {
        let mut all = vec!["check", "a.md", "--format", "short"];
        all.extend_from_slice(args);
        let run = claimcheck(dir.path(), &all, None);
        assert!(run.code < 2, "{}", run.stderr);
        let mut codes: Vec<String> = run
            .stdout
            .lines()
            .filter_map(|l| Some(l.split_once('[')?.1.split_once(']')?.0.to_string()))
            .collect();
        codes.sort();
        codes
    };
    assert_eq!(codes(&[]), ["M003", "N001"]);
    assert_eq!(codes(&["--select", "missing-currency"]), ["M003"]);
    assert_eq!(codes(&["--select", "n001"]), ["N001"]);
    // Comma-separated, repeated, and a code prefix for a group.
    assert_eq!(codes(&["--select", "N001,M003"]), ["M003", "N001"]);
    assert_eq!(
        codes(&["--select", "N001", "--select", "M"]),
        ["M003", "N001"]
    );
    assert_eq!(codes(&["--select", "T"]), Vec::<String>::new());

    // The file's list, which the flag replaces.
    let with_select = format!("{config}select = [\"N\"]\n");
    write(dir.path(), "claimcheck.toml", with_select.as_bytes());
    assert_eq!(codes(&[]), ["N001"]);
    assert_eq!(codes(&["--select", "M003"]), ["M003"]);
    // Selected but allowed: still dropped.
    let allowed = format!("{with_select}[severity]\nname-variant = \"allow\"\n");
    write(dir.path(), "claimcheck.toml", allowed.as_bytes());
    assert_eq!(codes(&[]), Vec::<String>::new());

    // Unknown names: in the file with their place, on the command line by name.
    let typo = format!("{config}select = [\"N001\", \"fact-conflit\"]\n");
    write(dir.path(), "claimcheck.toml", typo.as_bytes());
    let run = claimcheck(dir.path(), &["check", "a.md"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("claimcheck.toml:3:19: unknown check `fact-conflit` in `select`"),
        "{}",
        run.stderr
    );
    write(dir.path(), "claimcheck.toml", config.as_bytes());
    let run = claimcheck(dir.path(), &["check", "a.md", "--select", "N001,X9"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown check `X9` in --select"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn init_writes_a_starter_project_once() {
    let dir = tempfile::tempdir().unwrap();
    let run = claimcheck(dir.path(), &["init"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for f in ["claimcheck.toml", "rules/entities.yaml", "rules/facts.yaml"] {
        assert!(dir.path().join(f).is_file(), "{f} missing");
    }
    let rules = claimcheck(dir.path(), &["rules", "check"], None);
    assert_eq!(rules.code, 0, "{}", rules.stdout);
    let again = claimcheck(dir.path(), &["init"], None);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("exist already"), "{}", again.stderr);
}

#[test]
fn every_output_names_the_fact_base_and_an_empty_one_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", CLEAN.as_bytes());
    // Away from any rules/ folder: the built-in fact base, said so.
    let built_in = claimcheck(dir.path(), &["check", "a.md", "--color", "never"], None);
    assert_eq!(built_in.code, 0, "{}", built_in.stderr);
    assert!(
        built_in
            .stdout
            .contains("no problems found in 1 file (the built-in fact base, "),
        "{}",
        built_in.stdout
    );
    // A rules/ folder with only a README is an empty fact base: a warning,
    // and the summary says 0 facts.
    write(dir.path(), "rules/README.md", b"our facts will go here\n");
    let empty = claimcheck(dir.path(), &["check", "a.md", "--color", "never"], None);
    assert!(
        empty
            .stderr
            .contains("warning: the fact base 'rules' is empty (no entity, no fact)"),
        "{}",
        empty.stderr
    );
    assert!(
        empty.stdout.contains("(fact base 'rules', 0 facts)"),
        "{}",
        empty.stdout
    );
    let json = claimcheck(dir.path(), &["check", "a.md", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["fact_base"]["location"], "'rules'");
    assert_eq!(v["fact_base"]["facts"], 0);
    let sarif = claimcheck(dir.path(), &["check", "a.md", "--format", "sarif"], None);
    let v: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    assert_eq!(v["runs"][0]["properties"]["factBase"], "'rules'");
}

#[test]
fn machine_output_says_what_could_not_be_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", CLEAN.as_bytes());
    // An unreadable input: in the JSON envelope, in SARIF's invocation, and
    // never "no problems" in the human summary.
    let json = claimcheck(
        dir.path(),
        &["check", "a.md", "missing.md", "--format", "json"],
        None,
    );
    assert_eq!(json.code, 2);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["success"], false);
    assert_eq!(v["errors"][0]["file"], "missing.md");
    assert_eq!(v["files_checked"], 1);
    let sarif = claimcheck(
        dir.path(),
        &["check", "a.md", "missing.md", "--format", "sarif"],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let invocation = &v["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let note = &invocation["toolExecutionNotifications"][0];
    assert_eq!(note["level"], "error");
    assert!(
        note["message"]["text"]
            .as_str()
            .unwrap()
            .contains("missing.md")
    );
    let lines = claimcheck(
        dir.path(),
        &["check", "a.md", "missing.md", "--format", "json-lines"],
        None,
    );
    assert!(lines.stdout.contains("{\"error\":"), "{}", lines.stdout);
    let human = claimcheck(
        dir.path(),
        &["check", "a.md", "missing.md", "--color", "never"],
        None,
    );
    assert!(!human.stdout.contains("no problems"), "{}", human.stdout);
    assert!(
        human.stdout.contains("1 input could not be checked"),
        "{}",
        human.stdout
    );
    // A broken fact base: the machine formats still print a report, which
    // carries the fact base's errors and says the run failed.
    write(dir.path(), "rules/entities.yaml", b"entities: [\n");
    let sarif = claimcheck(dir.path(), &["check", "a.md", "--format", "sarif"], None);
    assert_eq!(sarif.code, 2);
    let v: serde_json::Value = serde_json::from_str(&sarif.stdout).expect("a SARIF report");
    assert_eq!(v["runs"][0]["invocations"][0]["executionSuccessful"], false);
    assert!(!v["runs"][0]["results"].as_array().unwrap().is_empty());
    let json = claimcheck(dir.path(), &["check", "a.md", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("a JSON report");
    assert_eq!(v["success"], false);
    assert!(
        v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("nothing was checked")
    );
}

#[test]
fn the_configuration_is_found_from_the_checked_paths_or_named() {
    let project = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    write(project.path(), "articles/a.md", VARIANT.as_bytes());
    // The project allows name-variant; run from another folder, its file
    // still applies to its articles.
    write(
        project.path(),
        "claimcheck.toml",
        b"[severity]\nname-variant = \"allow\"\n",
    );
    let article = project.path().join("articles/a.md");
    let article = article.to_str().unwrap();
    let found = claimcheck(
        elsewhere.path(),
        &["check", article, "--color", "never"],
        None,
    );
    assert!(!found.stdout.contains("N001"), "{}", found.stdout);
    // --isolated ignores it; --config names another.
    let isolated = claimcheck(
        elsewhere.path(),
        &["check", article, "--isolated", "--color", "never"],
        None,
    );
    assert!(
        isolated.stdout.contains("warning[N001]"),
        "{}",
        isolated.stdout
    );
    write(
        elsewhere.path(),
        "strict.toml",
        b"[severity]\nname-variant = \"deny\"\n",
    );
    let named = claimcheck(
        elsewhere.path(),
        &[
            "check",
            article,
            "--config",
            "strict.toml",
            "--color",
            "never",
        ],
        None,
    );
    assert_eq!(named.code, 1, "{}", named.stdout);
    assert!(named.stdout.contains("error[N001]"), "{}", named.stdout);
    // Articles of two projects with different settings: said, not guessed.
    write(elsewhere.path(), "claimcheck.toml", b"language = \"en\"\n");
    write(elsewhere.path(), "b.md", CLEAN.as_bytes());
    let both = claimcheck(elsewhere.path(), &["check", article, "b.md"], None);
    assert_eq!(both.code, 2);
    assert!(
        both.stderr.contains("projects with different settings"),
        "{}",
        both.stderr
    );
}

#[test]
fn a_day_the_calendar_does_not_have_is_said_so() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.md",
        b"---\nlang: en\ndate: 2023-02-29\n---\nMistral AI was founded in Paris.\n",
    );
    let run = claimcheck(dir.path(), &["check", "a.md", "--color", "never"], None);
    assert!(
        run.stdout
            .contains("`2023-02-29` is not a day of the calendar"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("this month has 28 days"),
        "{}",
        run.stdout
    );
}

/// Every diagnostic the README shows in a code block is what claimcheck
/// prints today for the article it points at (a fixture of a check's own
/// folder with that folder's fact base, as the UI tests run it), so the
/// samples cannot go stale.
#[test]
fn the_readme_sample_diagnostics_are_current() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let is_header = |text: &str| {
        ["error[", "warning[", "note["]
            .iter()
            .any(|p| text.starts_with(p))
    };
    let mut checked = 0;
    for block in readme.split("```").skip(1).step_by(2) {
        let block = block.strip_prefix("text").unwrap_or(block);
        let Some(block) = block.strip_prefix('\n') else {
            continue;
        };
        if !is_header(block) {
            continue;
        }
        // One sample block may show the findings of several articles.
        let mut diagnostics: Vec<String> = Vec::new();
        for part in block.split("\n\n") {
            match diagnostics.last_mut() {
                Some(last) if !is_header(part) => {
                    last.push_str("\n\n");
                    last.push_str(part);
                }
                _ => diagnostics.push(part.to_string()),
            }
        }
        for diagnostic in diagnostics {
            let file = diagnostic
                .split("┌─ ")
                .nth(1)
                .and_then(|rest| rest.split(':').next())
                .expect("a diagnostic block names its file")
                .to_string();
            let mut args = vec!["check".to_string(), file.clone()];
            if let Some(check) = file.strip_prefix("fixtures/checks/")
                && let Some(folder) = check.split('/').next()
            {
                args.push("--rules".into());
                args.push(format!("fixtures/checks/{folder}/rules"));
            }
            args.extend(["--color".into(), "never".into()]);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = claimcheck(repo(), &args, None);
            assert!(
                run.stdout.contains(diagnostic.trim_end()),
                "README's sample for {file} differs from today's output:\n{}",
                run.stdout
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 3,
        "the README shows {checked} sample diagnostics"
    );
}

#[test]
fn explain_lists_checks_in_code_order_and_suggests_the_nearest_name() {
    let list = claimcheck(repo(), &["explain"], None);
    let rows: Vec<&str> = list.stdout.lines().skip(1).collect();
    let codes: Vec<&str> = rows
        .iter()
        .map(|r| r.split_whitespace().next().unwrap())
        .collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(codes, sorted, "{}", list.stdout);
    // Aligned: every severity starts in the same column.
    let columns: std::collections::HashSet<usize> = rows
        .iter()
        .map(|r| {
            ["error", "warning", "note"]
                .iter()
                .filter_map(|s| r.find(&format!("  {s} ")))
                .min()
                .expect("a severity")
        })
        .collect();
    assert_eq!(columns.len(), 1, "{}", list.stdout);
    let typo = claimcheck(repo(), &["explain", "fact-conflit"], None);
    assert_eq!(typo.code, 2);
    assert!(
        typo.stderr.contains("did you mean `fact-conflict`?"),
        "{}",
        typo.stderr
    );
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", CLEAN.as_bytes());
    write(
        dir.path(),
        "claimcheck.toml",
        b"[severity]\nnam-variant = \"allow\"\n",
    );
    let config = claimcheck(dir.path(), &["check", "a.md"], None);
    assert_eq!(config.code, 2);
    assert!(
        config
            .stderr
            .contains("claimcheck.toml:2:1: unknown check `nam-variant` in [severity]; did you mean `name-variant`?"),
        "{}",
        config.stderr
    );
}

#[test]
fn a_utf16_article_is_named_as_utf16_not_binary() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(CLEAN.encode_utf16().flat_map(u16::to_le_bytes));
    write(dir.path(), "a.md", &bytes);
    let run = claimcheck(dir.path(), &["check", "a.md"], None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "cannot read 'a.md': is UTF-16 (little-endian, with a byte-order mark), not UTF-8"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("binary"), "{}", run.stderr);
}

#[test]
fn statistics_count_findings_by_check_with_the_fixable_ones() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "variant.md", VARIANT.as_bytes());
    let run = claimcheck(dir.path(), &["check", "variant.md", "--statistics"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout, "1  N001  name-variant  [*] 1 fixable with --fix\n",
        "{}",
        run.stdout
    );
}

/// A paragraph of 1,400 characters on one line, as web articles come: the
/// finding shows a window of it around the label, cut with `…`, and the
/// whole output fits 100 columns when it is not a terminal.
#[test]
fn a_long_line_is_cut_to_a_window_that_fits_100_columns() {
    let run = claimcheck(
        repo(),
        &["check", "fixtures/layout/long-line.md", "--color", "never"],
        None,
    );
    let widest = run.stdout.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest <= 100, "{widest} columns:\n{}", run.stdout);
    assert!(
        run.stdout.contains("… said on Monday that Arthur Mensh,")
            || run
                .stdout
                .contains("…irman said on Monday that Arthur Mensh,"),
        "{}",
        run.stdout
    );
    // The column is the file's, not the window's.
    let column: usize = run
        .stdout
        .split("long-line.md:6:")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|c| c.parse().ok())
        .expect("a location");
    assert!(column > 600, "{}", run.stdout);
}

/// In Markdown, code, HTML tags and image alt text are not prose: nothing in
/// them is reported, and `--fix` leaves them as they are; an indented
/// paragraph of prose is still read.
#[test]
fn markdown_code_html_and_images_are_neither_checked_nor_fixed() {
    let fixture = std::fs::read_to_string(repo().join("fixtures/layout/markdown.md")).unwrap();
    let run = claimcheck(
        repo(),
        &["check", "fixtures/layout/markdown.md", "--format", "short"],
        None,
    );
    let lines: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| l.split(':').nth(1).unwrap())
        .collect();
    assert_eq!(lines, ["6", "18", "23", "25"], "{}", run.stdout);
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", fixture.as_bytes());
    let fixed = claimcheck(dir.path(), &["check", "a.md", "--fix"], None);
    assert_eq!(fixed.code, 0, "{}", fixed.stderr);
    let after = std::fs::read_to_string(dir.path().join("a.md")).unwrap();
    for untouched in [
        "Arthur Mensh raised €5 billion in this code sample.",
        "`grep \"Arthur Mensh\" notes.txt`",
        "<abbr title=\"Arthur Mensh's office\">",
        "![Arthur Mensh at a desk](mensh.jpg)",
        "report(\"Arthur Mensh\");",
    ] {
        assert!(
            after.contains(untouched),
            "{untouched} was rewritten:\n{after}"
        );
    }
    assert!(after.contains("where Arthur Mensch\n"), "{after}");
    // The same text as plain prose (.txt) is read whole.
    write(dir.path(), "b.txt", fixture.as_bytes());
    let plain = claimcheck(dir.path(), &["check", "b.txt", "--format", "short"], None);
    assert!(plain.stdout.lines().count() > 4, "{}", plain.stdout);
}

/// A suppression's scope is never a guess: after text on its line it covers
/// nothing (and says so) instead of hiding the next paragraph's finding;
/// `allow-file` covers the article and `off`/`on` a region.
#[test]
fn suppressions_cover_their_scope_and_no_more() {
    let run = claimcheck(
        repo(),
        &[
            "check",
            "fixtures/workflow/suppression-scopes.md",
            "--format",
            "short",
        ],
        None,
    );
    let found: Vec<String> = run
        .stdout
        .lines()
        .map(|l| {
            let mut parts = l.split(':');
            let line = parts.nth(1).unwrap();
            let code = l.split('[').nth(1).unwrap().split(']').next().unwrap();
            format!("{line}:{code}")
        })
        .collect();
    assert_eq!(
        found,
        ["9:M003", "9:S004", "11:M001", "11:M003", "19:N001"],
        "{}",
        run.stdout
    );
}

#[test]
fn per_file_ignores_leave_out_checks_in_the_files_they_match() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "letters/a.md", VARIANT.as_bytes());
    write(dir.path(), "news/b.md", VARIANT.as_bytes());
    write(
        dir.path(),
        "claimcheck.toml",
        b"[per-file-ignores]\n\"letters/**\" = [\"name-variant\"]\n",
    );
    let run = claimcheck(dir.path(), &["check", ".", "--format", "short"], None);
    assert!(!run.stdout.contains("letters/a.md"), "{}", run.stdout);
    assert!(run.stdout.contains("news/b.md"), "{}", run.stdout);
    // The same from another folder, naming the article by an absolute path.
    let elsewhere = tempfile::tempdir().unwrap();
    let a = dir.path().join("letters/a.md");
    let run = claimcheck(
        elsewhere.path(),
        &["check", a.to_str().unwrap(), "--format", "short"],
        None,
    );
    assert!(!run.stdout.contains("N001"), "{}", run.stdout);
    write(
        dir.path(),
        "claimcheck.toml",
        b"[per-file-ignores]\n\"letters/**\" = [\"name-varient\"]\n",
    );
    let typo = claimcheck(dir.path(), &["check", "."], None);
    assert_eq!(typo.code, 2);
    assert!(
        typo.stderr.contains("claimcheck.toml:2:17: unknown check `name-varient` in [per-file-ignores]; did you mean `name-variant`?"),
        "{}",
        typo.stderr
    );
}

#[test]
fn sarif_links_to_the_desk_s_pages_when_the_configuration_names_them() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.md", VARIANT.as_bytes());
    let plain = claimcheck(dir.path(), &["check", "a.md", "--format", "sarif"], None);
    let v: serde_json::Value = serde_json::from_str(&plain.stdout).unwrap();
    assert!(
        v["runs"][0]["tool"]["driver"]
            .get("informationUri")
            .is_none()
    );
    write(
        dir.path(),
        "claimcheck.toml",
        b"[sarif]\ninformation-uri = \"https://wiki.example.org/claimcheck\"\nhelp-uri = \"https://wiki.example.org/claimcheck/{name}\"\n",
    );
    let run = claimcheck(dir.path(), &["check", "a.md", "--format", "sarif"], None);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let driver = &v["runs"][0]["tool"]["driver"];
    assert_eq!(
        driver["informationUri"],
        "https://wiki.example.org/claimcheck"
    );
    let rule = driver["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "N001")
        .unwrap();
    assert_eq!(
        rule["helpUri"],
        "https://wiki.example.org/claimcheck/name-variant"
    );
}
