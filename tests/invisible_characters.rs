//! Characters that show nothing — a zero-width space, a soft hyphen, a word
//! joiner, zero-width (non-)joiners, a byte order mark inside the text — are
//! read as if they were not there, and a negative figure is no money claim:
//! what a user sees from `claimcheck check` and `claimcheck claims`.

use std::process::Command;

/// Runs claimcheck on `article` (written to a temporary folder) with the
/// shipped fact base; returns standard output.
fn run(args: &[&str], article: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), article).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir.path())
        .args(args)
        .arg("a.md")
        .output()
        .expect("the binary runs");
    assert!(out.status.code().is_some_and(|c| c <= 1), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn article(body: &str) -> String {
    format!("---\nlang: fr\ndate: 2024-06-20\n---\n{body}\n")
}

#[test]
fn an_invisible_character_does_not_hide_a_misspelt_name() {
    for hidden in [
        '\u{200b}', '\u{ad}', '\u{2060}', '\u{200c}', '\u{200d}', '\u{feff}',
    ] {
        let text = article(&format!(
            "La société a été cofondée par Thimo{hidden}thé Lacroix."
        ));
        let report = run(&["check", "--format", "short"], &text);
        assert!(
            report.contains("N001") && report.contains("Timothée Lacroix"),
            "U+{:04X}: {report}",
            hidden as u32
        );
    }
}

#[test]
fn an_invisible_character_in_a_correct_name_is_named_in_the_message() {
    let text = article("La société a été cofondée par Timo\u{200b}thée Lacroix.");
    let report = run(&["check", "--format", "short"], &text);
    assert!(
        report.contains("differs in invisible characters"),
        "{report}"
    );
}

#[test]
fn an_invisible_character_inside_a_figure_is_not_there() {
    // The fact base's round of June 2024 is 600 million euros.
    let text = article("Mistral AI a levé 6\u{200b}00 millions d'euros en juin 2024.");
    let report = run(&["check", "--format", "short"], &text);
    assert!(!report.contains("M001"), "{report}");
    let claims = run(&["claims", "--format", "json"], &text);
    let claims: serde_json::Value = serde_json::from_str(&claims).unwrap();
    assert_eq!(claims[0]["value"], 600e6, "{claims}");
}

#[test]
fn a_figure_of_zero_is_never_read_below_zero() {
    let text = article("Mistral AI a levé 0 million d'euros en juin 2024.");
    let report = run(&["check", "--format", "short"], &text);
    assert!(report.contains("(read as 0–500K)"), "{report}");
}

#[test]
fn a_negative_figure_is_no_money_claim() {
    let text = article("Mistral AI a levé -600 millions d'euros en juin 2024.");
    let claims = run(&["claims", "--format", "json"], &text);
    assert_eq!(claims.trim(), "[]", "{claims}");
}
