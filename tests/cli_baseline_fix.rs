//! Baselines that do not depend on how paths are typed.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn claimcheck(cwd: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(cwd)
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    {
        let mut input = child.stdin.take().expect("piped");
        if let Some(bytes) = stdin {
            match input.write_all(bytes) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other.expect("stdin accepts input"),
            }
        }
    }
    let out = child.wait_with_output().expect("the binary finishes");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn write(dir: &Path, name: &str, content: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

/// One misspelt name (a warning with a safe fix).
const VARIANT: &str =
    "---\nlang: en\n---\nMistral AI was founded by Arthur Mensch and Guillaume Lampel.\n";

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
