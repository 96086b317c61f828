//! `claimcheck init`: a starter configuration and fact base to edit.

use std::path::{Path, PathBuf};

const CONFIG: &str = r#"# claimcheck configuration; see README.md, "Configuration".
# Paths are relative to this file; command-line flags win.

# The fact base (entities, attributes, facts, exchange rates).
rules = "rules"

# Which articles to check when a folder is given (globs); hidden and git-ignored
# files are always skipped.
include = ["**/*.md", "**/*.markdown", "**/*.txt"]
exclude = ["drafts/**"]

# Language of articles that declare none (else it is detected): fr, en, …
# language = "fr"

# Publication date of articles that carry none.
# date = "2024-06-11"

# Per check, by name or code: allow (not reported), warn, deny (an error).
[severity]
# missing-currency = "deny"
# name-inconsistent = "allow"
"#;

const ENTITIES: &str = r#"# Entities: who and what your articles talk about. See README.md, "The fact base".
entities:
  - id: example-corp
    kind: org
    name: Example Corp
    aliases: [Example]
    country: fr
  - id: jane-doe
    kind: person
    name: Jane Doe
    aliases: [Doe]
"#;

const FACTS: &str = r#"# What is true, with a source for each fact. See README.md for every key.
attributes:
  - id: funding-round
    value: money
    kind: event
    cues:
      fr: [levée, lever, levé, lève, tour de table]
      en: [raised, raise, round, funding]
  - id: chief-executive-of
    value: entity
    values: [org]
    kind: event
    subject: [person]
    exclusive: true
    cues:
      fr: [pdg de, directeur général de, directrice générale de]
      en: [ceo of, chief executive of]

facts:
  - subject: example-corp
    attribute: funding-round
    value: 10 million EUR
    date: 2024-01-15
    source: https://example.org/press-release
  - subject: jane-doe
    attribute: chief-executive-of
    value: example-corp
    from: 2020-01
    source: https://example.org/team
"#;

/// Writes the starter files into `dir`; refuses to overwrite anything.
/// Returns the files written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let files = [
        (dir.join(crate::config::FILE_NAME), CONFIG),
        (dir.join("rules").join("entities.yaml"), ENTITIES),
        (dir.join("rules").join("facts.yaml"), FACTS),
    ];
    let existing: Vec<String> = files
        .iter()
        .filter(|(p, _)| p.exists())
        .map(|(p, _)| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(format!(
            "these files exist already and were left alone: {}",
            existing.join(", ")
        ));
    }
    std::fs::create_dir_all(dir.join("rules")).map_err(|e| e.to_string())?;
    for (path, text) in &files {
        crate::atomic_write::write(path, text.as_bytes())
            .map_err(|e| format!("cannot write '{}': {e}", path.display()))?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}
