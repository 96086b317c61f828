//! Cue words match on their stems, as a user sees it: `claimcheck claims` on
//! the articles of `fixtures/relations/*cue-forms*.md` (the shipped fact base)
//! reads inflected forms no cue lists ("levait", "valorisait", "values",
//! "ancienne salariée de", "cofondateurs", "ex-Meta"), and words that only share
//! a stem with a cue ("fonds", "found", "security") make no claim.

use std::path::Path;
use std::process::Command;

/// Runs the binary from the crate's folder; exit status, standard output and
/// standard error.
fn claimcheck(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        String::from_utf8(out.stderr).expect("UTF-8 output"),
    )
}

/// (line, attribute, subject, the value as written, the cue as written) of each
/// claim `claimcheck claims` lists for `files`.
fn claims(extra: &[&str], files: &[&str]) -> Vec<(u64, String, String, String, String)> {
    let mut args = vec!["claims", "--format", "json"];
    args.extend(extra);
    args.extend(files);
    let (status, out, err) = claimcheck(&args);
    assert_eq!(status, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let s = |k: &str| c[k].as_str().unwrap_or_default().to_string();
            (
                c["line"].as_u64().unwrap(),
                s("attribute"),
                s("subject"),
                s("text"),
                s("cue"),
            )
        })
        .collect()
}

fn has(
    found: &[(u64, String, String, String, String)],
    line: u64,
    attribute: &str,
    subject: &str,
    cue: &str,
) -> bool {
    found
        .iter()
        .any(|(l, a, s, _, c)| *l == line && a == attribute && s == subject && c == cue)
}

#[test]
fn french_inflections_and_glued_prefixes_are_cues() {
    for file in [
        "fixtures/relations/fr-cue-forms.md",
        "fixtures/relations/fr-cue-forms-clean.md",
    ] {
        let found = claims(&[], &[file]);
        assert!(
            has(&found, 6, "funding-round", "mistral-ai", "levait"),
            "{file}: {found:?}"
        );
        assert!(
            has(&found, 8, "valuation", "mistral-ai", "valorisait"),
            "{file}: {found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(l, a, _, _, c)| *l == 10 && a == "former-employer" && c == "ex"),
            "{file}: {found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(_, a, _, _, c)| a == "cofounder-of" && c == "cofondateurs"),
            "{file}: {found:?}"
        );
    }
    let clean = claims(&[], &["fixtures/relations/fr-cue-forms-clean.md"]);
    assert!(
        has(
            &clean,
            14,
            "former-employer",
            "audrey-herblin-stoop",
            "ancienne salariée de"
        ),
        "{clean:?}"
    );
    // "Le fonds a été créé …, son fond de commerce": the stem of "fondée",
    // but no founding.
    assert!(
        !clean.iter().any(|(l, ..)| *l == 18),
        "fonds and fond are no cue: {clean:?}"
    );
}

#[test]
fn english_inflections_and_glued_prefixes_are_cues() {
    for file in [
        "fixtures/relations/en-cue-forms.md",
        "fixtures/relations/en-cue-forms-clean.md",
    ] {
        let found = claims(&[], &[file]);
        assert!(
            has(&found, 6, "valuation", "mistral-ai", "values"),
            "{file}: {found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(l, a, _, _, c)| *l == 8 && a == "former-employer" && c == "ex"),
            "{file}: {found:?}"
        );
        assert!(
            found
                .iter()
                .any(|(l, a, _, _, c)| *l == 10 && a == "cofounder-of" && c == "cofounders"),
            "{file}: {found:?}"
        );
    }
    // "The study found that the security …": the stems of "founded" and
    // "secured", but no claim.
    let clean = claims(&[], &["fixtures/relations/en-cue-forms-clean.md"]);
    assert!(!clean.iter().any(|(l, ..)| *l == 12), "{clean:?}");
}

#[test]
fn amounts_shared_out_respectively_are_not_bound_to_the_entity_before() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.md");
    std::fs::write(
        &article,
        "---\nlang: en\ndate: 2024-03-10\n---\nMistral AI hired, and so did the drone makers Orvel \
         and Tansk. (In recent weeks, they raised €160 million and €70 million, respectively, in \
         a round.)\n",
    )
    .unwrap();
    let found = claims(&[], &[article.to_str().unwrap()]);
    assert!(
        !found
            .iter()
            .any(|(_, a, s, ..)| a == "funding-round" && s == "mistral-ai"),
        "{found:?}"
    );
}

#[test]
fn a_trailing_star_still_matches_any_ending_in_a_users_fact_base() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    for name in ["entities.yaml", "facts.yaml"] {
        std::fs::copy(shipped.join(name), rules.join(name)).unwrap();
    }
    let attributes = std::fs::read_to_string(shipped.join("attributes.yaml"))
        .unwrap()
        .replace("fr: [valorisée, vaut, valeur]", "fr: [valoriz*]");
    std::fs::write(rules.join("attributes.yaml"), attributes).unwrap();
    let article = dir.path().join("a.md");
    std::fs::write(
        &article,
        "---\nlang: fr\ndate: 2024-03-10\n---\nMistral AI, valorizée 2 milliards de dollars, recrute.\n",
    )
    .unwrap();
    let found = claims(
        &["--rules", rules.to_str().unwrap()],
        &[article.to_str().unwrap()],
    );
    assert!(
        has(&found, 5, "valuation", "mistral-ai", "valorizée"),
        "{found:?}"
    );
}

#[test]
fn an_unknown_stemmer_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules");
    std::fs::create_dir_all(rules.join("lexicon")).unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    for name in ["entities.yaml", "facts.yaml", "attributes.yaml"] {
        std::fs::copy(shipped.join(name), rules.join(name)).unwrap();
    }
    std::fs::copy(
        shipped.join("lexicon/en.yaml"),
        rules.join("lexicon/en.yaml"),
    )
    .unwrap();
    let fr = std::fs::read_to_string(shipped.join("lexicon/fr.yaml"))
        .unwrap()
        .replace("stemmer: french", "stemmer: frnech");
    std::fs::write(rules.join("lexicon/fr.yaml"), fr).unwrap();
    let (status, _, err) = claimcheck(&["rules", "check", rules.to_str().unwrap()]);
    assert_eq!(status, 1, "{err}");
    let (status, out, err) = claimcheck(&[
        "check",
        "--rules",
        rules.to_str().unwrap(),
        "fixtures/relations/fr-cue-forms.md",
    ]);
    assert_eq!(status, 2, "{out}{err}");
    assert!(
        (out.clone() + &err).contains("unknown stemmer `frnech` (one of: arabic,"),
        "{out}{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}
