//! The fact base: entities (and, as the project grows, attributes, facts and
//! exchange rates), loaded from YAML with the span of every node and validated.

pub mod embedded;
pub mod load;
pub mod model;
pub mod schema;
pub mod validate;

pub use load::{LoadedRules, RulesLocation, load};
pub use model::{Entity, EntityIdx, EntityKind, FactBase, Written};
