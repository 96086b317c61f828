//! A language's house style for names: whether a spelling that differs from
//! the fact base's only in accents is a finding. English copy often drops
//! accents from foreign names ("Timothee"); French copy must keep them, except
//! perhaps on capitals ("Ecole" for "École"), which French typographers still
//! debate.

use serde::Deserialize;

/// How `name-variant` reports a kind of difference.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum StyleLevel {
    /// A finding at the check's severity.
    Warning,
    /// Shown as a note: never fails a run.
    Note,
    /// Not reported.
    Ignore,
}

/// `name_style:` in a lexicon file.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, default)]
pub struct NameStyle {
    /// Accents missing, added or changed, on any letter.
    pub accents: StyleLevel,
    /// Accents missing on capital letters only ("Ecole", "Etats-Unis").
    pub capital_accents: StyleLevel,
}

impl Default for NameStyle {
    /// A language that says nothing: every accent matters, except on capitals.
    fn default() -> Self {
        NameStyle {
            accents: StyleLevel::Warning,
            capital_accents: StyleLevel::Ignore,
        }
    }
}

impl NameStyle {
    /// The level of an accent-only difference, `on_capitals_only` when every
    /// differing accent sits on a capital letter.
    pub fn accent_level(&self, on_capitals_only: bool) -> StyleLevel {
        if on_capitals_only {
            self.capital_accents
        } else {
            self.accents
        }
    }
}
