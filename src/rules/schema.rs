//! The YAML shape of a fact-base file, with the location of every node.

use serde::Deserialize;
use serde_saphyr::Spanned;

/// One YAML file of the fact base. Every section is optional, so a fact base
/// may keep each section in its own file or everything in one.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFileDef {
    #[serde(default)]
    pub entities: Vec<Spanned<EntityDef>>,
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
}
