//! The fact base as the checks see it: validated, indexed, every item with its span.

use std::collections::HashMap;

use crate::span::{FileId, Span};

/// What sort of thing an entity is; descriptions in articles ("the company",
/// "l'entrepreneur") resolve to the last entity of the right kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Person,
    Org,
    Product,
    Place,
    Law,
    Event,
    Media,
}

impl EntityKind {
    pub const ALL: [(&'static str, EntityKind); 7] = [
        ("person", EntityKind::Person),
        ("org", EntityKind::Org),
        ("product", EntityKind::Product),
        ("place", EntityKind::Place),
        ("law", EntityKind::Law),
        ("event", EntityKind::Event),
        ("media", EntityKind::Media),
    ];

    pub fn parse(text: &str) -> Option<EntityKind> {
        Self::ALL.iter().find(|(n, _)| *n == text).map(|(_, k)| *k)
    }

    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map(|(n, _)| *n)
            .unwrap_or("?")
    }
}

/// A piece of text written in the fact base, and where.
#[derive(Clone, Debug)]
pub struct Written {
    pub text: String,
    pub span: Span,
}

pub type EntityIdx = usize;

#[derive(Debug)]
pub struct Entity {
    pub id: Written,
    pub kind: EntityKind,
    pub name: Written,
    pub aliases: Vec<Written>,
    pub not: Vec<Written>,
    pub of: Option<EntityIdx>,
}

#[derive(Debug, Default)]
pub struct FactBase {
    pub entities: Vec<Entity>,
    by_id: HashMap<String, EntityIdx>,
    /// The YAML files it was read from, in load order.
    pub files: Vec<FileId>,
}

impl FactBase {
    pub fn add_entity(&mut self, entity: Entity) -> EntityIdx {
        let idx = self.entities.len();
        self.by_id.insert(entity.id.text.clone(), idx);
        self.entities.push(entity);
        idx
    }

    pub fn entity_by_id(&self, id: &str) -> Option<EntityIdx> {
        self.by_id.get(id).copied()
    }

    pub fn entity(&self, idx: EntityIdx) -> &Entity {
        &self.entities[idx]
    }
}
