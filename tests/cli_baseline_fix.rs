//! Baselines that do not depend on how paths are typed, and fixes a user can
//! take elsewhere: `--diff` output that `git apply` accepts, `--fix` on
//! standard input that prints the fixed text, and a closing line that says
//! how many findings `--fix` would fix.

use std::path::Path;
use std::process::Command;

mod common;
use common::claimcheck;

fn write(dir: &Path, name: &str, content: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

/// One misspelt name (a warning with a safe fix).
const VARIANT: &str =
    "---\nlang: en\n---\nMistral AI was founded by Arthur Mensch and Guillaume Lampel.\n";

/// Two misspelt names on one line (two safe fixes) and a wrong figure (an
/// error no fix mends), with lines around them for context.
const MIXED: &str = "---\nlang: fr\ndate: 2024-03-01\n---\nPremier paragraphe.\n\nDeuxième.\n\nPrésentés par Timothee Lacroix et Open AI, les chiffres : Microsoft a investi 20 millions d'euros dans Mistral AI.\n\nAvant-dernier.\n\nFin.\n";

/// A project marked by its claimcheck.toml, with an article in a subfolder.
fn project(article: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "claimcheck.toml", "");
    write(dir.path(), "news/a.md", article);
    dir
}

#[test]
fn a_baseline_accepts_its_findings_however_the_path_is_typed_and_from_any_folder() {
    let dir = project(VARIANT);
    let root = dir.path().canonicalize().unwrap();
    let wrote = claimcheck(
        &root,
        &["check", "news/a.md", "--write-baseline", "baseline.json"],
        None,
    );
    assert_eq!(wrote.code, 0, "{}", wrote.stderr);
    let baseline = std::fs::read_to_string(root.join("baseline.json")).unwrap();
    assert!(baseline.contains("\"file\": \"news/a.md\""), "{baseline}");

    let absolute_article = root.join("news/a.md");
    let absolute_baseline = root.join("baseline.json");
    let (article, base) = (
        absolute_article.to_str().unwrap(),
        absolute_baseline.to_str().unwrap(),
    );
    let elsewhere = tempfile::tempdir().unwrap();
    for (cwd, article, base) in [
        (root.clone(), "./news/a.md", "baseline.json"),
        (root.clone(), article, base),
        (root.join("news"), "a.md", "../baseline.json"),
        (elsewhere.path().to_path_buf(), article, base),
    ] {
        let run = claimcheck(
            &cwd,
            &[
                "check",
                article,
                "--baseline",
                base,
                "--deny",
                "warnings",
                "--format",
                "short",
            ],
            None,
        );
        assert_eq!(
            run.code,
            0,
            "{article} from {}: {}{}",
            cwd.display(),
            run.stdout,
            run.stderr
        );
        assert_eq!(run.stdout, "", "{article} from {}", cwd.display());
        assert!(
            run.stderr
                .contains(&format!("1 finding accepted by the baseline {base}")),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_git_working_tree_is_a_project_too() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    std::fs::create_dir(root.join(".git")).unwrap();
    write(&root, "news/a.md", VARIANT);
    let wrote = claimcheck(
        &root.join("news"),
        &["check", "a.md", "--write-baseline", "../baseline.json"],
        None,
    );
    assert_eq!(wrote.code, 0, "{}", wrote.stderr);
    let baseline = std::fs::read_to_string(root.join("baseline.json")).unwrap();
    assert!(baseline.contains("\"file\": \"news/a.md\""), "{baseline}");
    let run = claimcheck(
        &root,
        &["check", "news", "--baseline", "baseline.json"],
        None,
    );
    assert!(
        run.stderr
            .contains("1 finding accepted by the baseline baseline.json"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_baseline_says_when_it_matches_nothing() {
    let dir = project(VARIANT);
    let root = dir.path();
    // A baseline of another project: other files, other fingerprints.
    write(
        root,
        "foreign.json",
        r#"{"version": 1, "tool": "claimcheck", "findings": [
            {"fingerprint": "0123456789abcdef", "code": "N001", "file": "elsewhere/b.md"}]}"#,
    );
    let run = claimcheck(
        root,
        &["check", "news/a.md", "--baseline", "foreign.json"],
        None,
    );
    assert!(
        run.stderr.contains(
            "warning: the baseline foreign.json accepted none of the 1 current finding and names none of the checked files; is it for this project?"
        ),
        "{}",
        run.stderr
    );

    // Entries for a checked file that no finding matches any more: fixed.
    claimcheck(
        root,
        &["check", "news/a.md", "--write-baseline", "baseline.json"],
        None,
    );
    write(root, "news/a.md", &VARIANT.replace("Lampel", "Lample"));
    let fixed = claimcheck(
        root,
        &["check", "news/a.md", "--baseline", "baseline.json"],
        None,
    );
    assert_eq!(fixed.code, 0);
    assert!(
        fixed.stderr.contains(
            "1 entry of the baseline baseline.json matched no finding (fixed or moved); `--write-baseline` refreshes it"
        ),
        "{}",
        fixed.stderr
    );
    // A run that leaves the entry's check out cannot match it: not stale.
    let selected = claimcheck(
        root,
        &[
            "check",
            "news/a.md",
            "--baseline",
            "baseline.json",
            "--select",
            "M",
        ],
        None,
    );
    assert!(
        !selected.stderr.contains("matched no"),
        "{}",
        selected.stderr
    );
    // Nor does a run on other files.
    write(root, "news/b.md", VARIANT);
    let other = claimcheck(
        root,
        &["check", "news/b.md", "--baseline", "baseline.json"],
        None,
    );
    assert!(!other.stderr.contains("matched no"), "{}", other.stderr);
}

#[test]
fn sarif_carries_the_baseline_fingerprint() {
    let dir = project(VARIANT);
    let root = dir.path();
    claimcheck(
        root,
        &["check", "news/a.md", "--write-baseline", "baseline.json"],
        None,
    );
    let baseline: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("baseline.json")).unwrap())
            .unwrap();
    let sarif = claimcheck(root, &["check", "news/a.md", "--format", "sarif"], None);
    let sarif: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(
        result["partialFingerprints"]["claimcheck/v1"], baseline["findings"][0]["fingerprint"],
        "{result}"
    );
}

#[test]
fn diff_hunks_have_context_and_git_apply_accepts_them() {
    let dir = project(MIXED);
    let root = dir.path();
    let diff = claimcheck(root, &["check", "news/a.md", "--diff"], None);
    assert_eq!(diff.code, 1, "{}", diff.stderr);
    let fixed_line = "Présentés par Timothée Lacroix et OpenAI, les chiffres : Microsoft a investi 20 millions d'euros dans Mistral AI.";
    assert_eq!(
        diff.stdout,
        format!(
            "--- a/news/a.md\n+++ b/news/a.md\n@@ -6,7 +6,7 @@\n \n Deuxième.\n \n-{}\n+{fixed_line}\n \n Avant-dernier.\n \n",
            MIXED.lines().nth(8).unwrap()
        )
    );
    assert!(
        diff.stderr.contains("2 fixes available in 1 file"),
        "{}",
        diff.stderr
    );

    // git itself, when it is installed, takes the diff as it comes.
    let git = |args: &[&str]| {
        Command::new("git")
            .current_dir(root)
            .args(args)
            .output()
            .ok()
    };
    let Some(init) = git(&["init", "--quiet"]) else {
        return;
    };
    assert!(init.status.success());
    write(root, "fix.patch", &diff.stdout);
    let check = git(&["apply", "--check", "fix.patch"]).unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(git(&["apply", "fix.patch"]).unwrap().status.success());
    assert_eq!(
        std::fs::read_to_string(root.join("news/a.md")).unwrap(),
        MIXED
            .replace("Timothee Lacroix", "Timothée Lacroix")
            .replace("Open AI", "OpenAI")
    );
}

#[test]
fn fix_on_standard_input_prints_the_fixed_text_and_reports_on_standard_error() {
    let dir = tempfile::tempdir().unwrap();
    let run = claimcheck(
        dir.path(),
        &["check", "-", "--fix", "--color", "never"],
        Some(MIXED.as_bytes()),
    );
    assert_eq!(
        run.stdout,
        MIXED
            .replace("Timothee Lacroix", "Timothée Lacroix")
            .replace("Open AI", "OpenAI")
    );
    // What the fixes leave: the wrong figure, an error.
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("error[M001]"), "{}", run.stderr);
    assert!(!run.stderr.contains("N001"), "{}", run.stderr);
    assert!(
        run.stderr.contains("1 error in 1 file (") && !run.stderr.contains("fixable"),
        "{}",
        run.stderr
    );

    // A text with nothing to fix comes back as it went in.
    let clean = "---\nlang: en\n---\nA quiet day.\n";
    let untouched = claimcheck(dir.path(), &["check", "-", "--fix"], Some(clean.as_bytes()));
    assert_eq!(untouched.stdout, clean);
    assert_eq!(untouched.code, 0, "{}", untouched.stderr);

    // Standard input cannot be read twice: it is fixed alone.
    write(dir.path(), "a.md", VARIANT);
    let mixed = claimcheck(
        dir.path(),
        &["check", "-", "a.md", "--fix"],
        Some(MIXED.as_bytes()),
    );
    assert_eq!(mixed.code, 2);
    assert!(
        mixed.stderr.contains("`--fix` fixes standard input alone"),
        "{}",
        mixed.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        VARIANT
    );
}

#[test]
fn the_closing_line_counts_what_fix_would_fix() {
    let dir = project(MIXED);
    let root = dir.path();
    let before = claimcheck(root, &["check", "news/a.md", "--color", "never"], None);
    assert!(
        before.stdout.contains("1 error, 2 warnings in 1 file (")
            && before
                .stdout
                .ends_with(" facts); [*] 2 fixable with --fix\n"),
        "{}",
        before.stdout
    );
    let after = claimcheck(
        root,
        &["check", "news/a.md", "--fix", "--color", "never"],
        None,
    );
    assert!(
        after.stdout.contains("1 error in 1 file (") && !after.stdout.contains("fixable"),
        "{}",
        after.stdout
    );
}
