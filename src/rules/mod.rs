//! The fact base: entities (and, as the project grows, attributes, facts and
//! exchange rates), loaded from YAML with the span of every node and validated.

mod consistency;
pub mod ecb_table;
pub mod fx;
pub mod load;
mod load_facts;
pub mod model;
pub mod schema;
pub mod validate;
mod value_range;

pub use fx::{Fx, Rate};
pub use load::{LoadedRules, RulesLocation, load};
pub use model::{
    AttrIdx, AttrKind, Attribute, Entity, EntityIdx, EntityKind, Fact, FactBase, FactValue, Money,
    ValueType, Written,
};
