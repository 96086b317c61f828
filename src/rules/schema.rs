//! The YAML shape of a fact-base file, with the location of every node.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::yaml::Scalar;

/// One YAML file of the fact base. Every section is optional, so a fact base
/// may keep each section in its own file or everything in one.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFileDef {
    #[serde(default)]
    pub entities: Vec<Spanned<EntityDef>>,
    #[serde(default)]
    pub attributes: Vec<Spanned<AttributeDef>>,
    #[serde(default)]
    pub facts: Vec<Spanned<FactDef>>,
    /// Exchange rates: pair ("EUR/USD") → month ("2024-02") or day ("2024-02-26") → rate.
    #[serde(default)]
    pub fx: BTreeMap<String, Spanned<BTreeMap<String, Spanned<f64>>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityDef {
    pub id: Spanned<String>,
    pub kind: Spanned<String>,
    pub name: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    #[serde(default)]
    pub not: Vec<Spanned<String>>,
    #[serde(default)]
    pub of: Option<Spanned<String>>,
    /// ISO 3166 code, lower case: lets "la startup française" find this entity.
    #[serde(default)]
    pub country: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeDef {
    pub id: Spanned<String>,
    /// What the value is: `money`, `entity` (another entity: an employer),
    /// `date` or `count` (how many of a unit: parameters, employees).
    pub value: Spanned<String>,
    /// For `count` values: the unit counted, an id of the lexicons' `count_units`.
    #[serde(default)]
    pub unit: Option<Spanned<String>>,
    /// For `entity` values: the kinds the value may be (default: org).
    #[serde(default)]
    pub values: Vec<Spanned<String>>,
    /// For `date` values: the date is a birth date, and age claims
    /// ("PDG de 31 ans", "the 31-year-old") are checked against it.
    #[serde(default)]
    pub age: bool,
    /// For `entity` values: one holder per value at a time (a company has one
    /// CEO), so a claim naming another holder conflicts.
    #[serde(default)]
    pub exclusive: bool,
    /// `state` (one value at a time, like a valuation) or `event` (many dated values, like rounds).
    pub kind: Spanned<String>,
    /// Kinds of entity the claim can be about. Default: org.
    #[serde(default)]
    pub subject: Vec<Spanned<String>>,
    /// Whether claims name an object ("Globex invests in Acme AI").
    #[serde(default)]
    pub object: bool,
    /// Cue words by language code. Words match on their stem (see the
    /// lexicon's `stemmer`); a trailing `*` matches any ending ("valoris*").
    /// A count attribute needs none: its unit noun is its cue.
    #[serde(default)]
    pub cues: BTreeMap<String, Vec<Spanned<String>>>,
    /// Words by language code that share a cue word's stem without being a
    /// cue ("fonds" has the stem of "fondée"): they match only if listed.
    #[serde(default)]
    pub not_cues: BTreeMap<String, Vec<String>>,
    /// Cues that make this attribute win over others in the same clause ("en deux tours").
    #[serde(default)]
    pub priority: u8,
    #[serde(default)]
    pub description: Option<String>,
    /// A total: claims are checked against the sum of this (event) attribute's facts.
    #[serde(default)]
    pub sums: Option<Spanned<String>>,
    /// For a count attribute: the value its cues state by themselves
    /// ("actionnaire majoritaire": `50–100 percent`).
    #[serde(default)]
    pub implied: Option<Spanned<String>>,
    /// Claims that describe an event of this attribute ("led by …" of a round):
    /// they are about the subject of the event's claim just before them.
    #[serde(default)]
    pub describes: Option<Spanned<String>>,
    /// For a total: which events a cue counts ("en deux tours": the last two).
    /// Cues not listed count every event up to the claim's time.
    #[serde(default)]
    pub windows: BTreeMap<String, Spanned<WindowDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowDef {
    /// The last N events.
    #[serde(default)]
    pub events: Option<u32>,
    /// The events of the last N months.
    #[serde(default)]
    pub months: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactDef {
    pub subject: Spanned<String>,
    pub attribute: Spanned<String>,
    #[serde(default)]
    pub object: Option<Spanned<String>>,
    /// Written like an article would: "15 million EUR", "about 113 million USD".
    pub value: Spanned<String>,
    /// The same value as reported in other currencies.
    #[serde(default)]
    pub equivalents: Vec<Spanned<String>>,
    /// When an event happened.
    #[serde(default)]
    pub date: Option<Spanned<Scalar>>,
    /// When a state began to hold and stopped holding (both included).
    #[serde(default)]
    pub from: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub until: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub source: Option<Spanned<String>>,
    /// Tells an event apart from others of the same day ("Series B", "grant"):
    /// two events of one day with different values contradict unless their
    /// labels differ.
    #[serde(default)]
    pub label: Option<Spanned<String>>,
    /// What the press reported before it was announced: compared with claims
    /// stated as reports, plans or conditionals, never with claims of fact.
    #[serde(default)]
    pub reported: Option<Spanned<bool>>,
    #[serde(default)]
    pub note: Option<String>,
}
