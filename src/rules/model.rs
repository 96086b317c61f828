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
    /// Where `of:` is written, for diagnostics about it.
    pub of_span: Option<Span>,
    /// ISO 3166 code, lower case.
    pub country: Option<String>,
}

#[derive(Debug, Default)]
pub struct FactBase {
    pub entities: Vec<Entity>,
    by_id: HashMap<String, EntityIdx>,
    pub attributes: Vec<Attribute>,
    /// Every fact (money, entity or date), in load order.
    pub facts: Vec<Fact>,
    pub fx: super::fx::Fx,
    /// The YAML files it was read from, in load order.
    pub files: Vec<FileId>,
    /// Facts by what they are about, built once the fact base
    /// is loaded: an article's claims look up only their own subject's facts,
    /// so checking one costs the same whatever else the fact base holds.
    topics: std::sync::OnceLock<Topics>,
}

/// Indexes into `facts`, in load order.
#[derive(Debug, Default)]
struct Topics {
    /// Facts by subject and attribute.
    about: HashMap<(EntityIdx, AttrIdx), Vec<usize>>,
    /// Facts whose value is an entity, by attribute and that entity.
    holders: HashMap<(AttrIdx, EntityIdx), Vec<usize>>,
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

    pub fn attribute_by_id(&self, id: &str) -> Option<AttrIdx> {
        self.attributes.iter().position(|a| a.id.text == id)
    }

    /// Builds the indexes of facts by topic, once every fact is in (the first
    /// lookup builds them otherwise): facts added later are not found.
    pub fn index_topics(&self) {
        self.topics();
    }

    fn topics(&self) -> &Topics {
        self.topics.get_or_init(|| {
            let mut topics = Topics::default();
            for (i, f) in self.facts.iter().enumerate() {
                topics
                    .about
                    .entry((f.subject, f.attribute))
                    .or_default()
                    .push(i);
                if let FactValue::Entity(value) = f.value {
                    topics
                        .holders
                        .entry((f.attribute, value))
                        .or_default()
                        .push(i);
                }
            }
            topics
        })
    }

    /// The facts under `attribute` whose value is the entity `value`
    /// (who holds a role), in load order.
    pub fn holders_of(
        &self,
        attribute: AttrIdx,
        value: EntityIdx,
    ) -> impl ExactSizeIterator<Item = &Fact> {
        let found = self.topics().holders.get(&(attribute, value));
        found
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| &self.facts[i])
    }

    /// Whether `entity` is `ancestor` or belongs to it through `of` links
    /// (Initech Labs belongs to Initech).
    pub fn is_within(&self, entity: EntityIdx, ancestor: EntityIdx) -> bool {
        let mut current = Some(entity);
        for _ in 0..=self.entities.len() {
            match current {
                Some(e) if e == ancestor => return true,
                Some(e) => current = self.entities[e].of,
                None => return false,
            }
        }
        false
    }

    /// The facts about one subject and attribute, in load order (an attribute
    /// takes one type of value: they are all money, all entities or all dates).
    pub fn facts_about(
        &self,
        subject: EntityIdx,
        attribute: AttrIdx,
    ) -> impl ExactSizeIterator<Item = &Fact> {
        let found = self.topics().about.get(&(subject, attribute));
        found
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| &self.facts[i])
    }
}

/// Whether an attribute holds one value at a time or records dated events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttrKind {
    /// One value at a time (a valuation): a claim is checked against the fact valid then.
    State,
    /// Many dated values (funding rounds): a claim matches any earlier one.
    Event,
}

/// A cue: token phrase, the last word possibly a prefix ("valoris*").
#[derive(Clone, Debug)]
pub struct Cue {
    /// Folded.
    pub words: Vec<String>,
    /// The same words as written, for a stemmer.
    pub written: Vec<String>,
    pub prefix: bool,
}

pub type AttrIdx = usize;

/// What a claim about an attribute states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueType {
    Money,
    /// Another entity: an employer, a company someone co-founded.
    Entity,
    Date,
    /// How many of a unit: a model's parameters, a company's employees.
    Count,
}

#[derive(Debug)]
pub struct Attribute {
    pub id: Written,
    pub value: ValueType,
    /// For entity values: the kinds the value may be.
    pub value_kinds: Vec<EntityKind>,
    /// For count values: the unit counted (a lexicon `count_units` id).
    pub unit: Option<String>,
    /// A birth date: age claims are checked against it.
    pub age: bool,
    /// One holder per value at a time.
    pub exclusive: bool,
    pub kind: AttrKind,
    pub subject_kinds: Vec<EntityKind>,
    pub has_object: bool,
    /// Cues by language code.
    pub cues: std::collections::BTreeMap<String, Vec<Cue>>,
    /// Folded words by language code that never match a cue by its stem.
    pub not_cues: std::collections::BTreeMap<String, Vec<String>>,
    pub priority: u8,
    /// A total of another attribute's events.
    pub sums: Option<AttrIdx>,
    /// The event attribute whose claims this one describes ("led by" a round).
    pub describes: Option<AttrIdx>,
    /// For a count attribute, the value its cues state by themselves.
    pub implied: Option<crate::values::Count>,
    /// For a total: which events a cue counts, by the cue's folded words.
    pub windows: Vec<(Vec<String>, Window)>,
}

/// Which events a total counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Window {
    /// Every event up to the claim's time.
    All,
    LastEvents(u32),
    LastMonths(u32),
}

/// An amount written in the fact base.
#[derive(Clone, Debug)]
pub struct Money {
    pub written: Written,
    pub amount: crate::values::Amount,
    /// Written as a range ("105–113 million EUR"): `amount.low` and
    /// `amount.high` are its ends, exactly.
    pub range: bool,
}

impl Money {
    /// The figure as compared with claims: a point, or the interval its
    /// range or hedge gives; never widened by rounding (a fact is exact).
    pub fn exact(&self) -> (f64, f64) {
        if self.range || self.amount.hedge.is_some() {
            (self.amount.low, self.amount.high)
        } else {
            (self.amount.value, self.amount.value)
        }
    }

    pub fn currency(&self) -> &str {
        self.amount.currency.as_deref().unwrap_or("?")
    }
}

/// A dated value of one subject's attribute: "Acme AI was valued at 600
/// million EUR", "Jean Martin worked at Initech Labs", "Acme AI was founded in
/// April 2023".
#[derive(Debug)]
pub struct Fact {
    pub subject: EntityIdx,
    pub attribute: AttrIdx,
    /// What a money fact is about besides its subject (an investment's target).
    pub object: Option<EntityIdx>,
    pub value: FactValue,
    /// The value as written in the fact base (for money, the same as its
    /// value's `written`), for messages and labels.
    pub written: Written,
    /// When it held (a state) or happened (an event); open ends are the far past or future.
    pub valid: crate::values::DateRange,
    /// `valid` as the fact base wrote it, for messages.
    pub when: String,
    pub source: Option<String>,
    /// What tells this event apart from others of the same day.
    pub label: Option<String>,
    /// What the press reported before it was announced (see the schema).
    pub reported: bool,
}

/// What a fact states: its attribute's type of value decides which.
#[derive(Clone, Debug)]
pub enum FactValue {
    Money {
        value: Money,
        /// The same value as reported in other currencies.
        equivalents: Vec<Money>,
    },
    Entity(EntityIdx),
    Date(crate::values::DateRange),
    Count(crate::values::Count),
}

impl Fact {
    /// Whether a claim stated with `modality` is compared with this fact: a
    /// claim of fact with the facts, a report, a plan or a conditional only
    /// with what the press reported at the time (`reported`).
    pub fn answers(&self, modality: crate::values::Modality) -> bool {
        self.reported == (modality != crate::values::Modality::Asserted)
    }

    /// The money value, for a money fact.
    pub fn money(&self) -> Option<&Money> {
        match &self.value {
            FactValue::Money { value, .. } => Some(value),
            _ => None,
        }
    }

    /// Every amount a money fact states: its value, then its equivalents (none
    /// for another fact).
    pub fn amounts(&self) -> impl Iterator<Item = &Money> {
        let (value, equivalents) = match &self.value {
            FactValue::Money { value, equivalents } => (Some(value), equivalents.as_slice()),
            _ => (None, &[][..]),
        };
        value.into_iter().chain(equivalents)
    }

    /// The value in `currency`, if the fact states it (as its value or an equivalent).
    pub fn value_in(&self, currency: &str) -> Option<&Money> {
        self.amounts()
            .find(|m| m.amount.currency.as_deref() == Some(currency))
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::{self, FactBase, RulesLocation};
    use crate::source::SourceMap;

    /// A fact base of `n` companies, each with one round and one chief executive.
    fn many_companies(n: usize) -> FactBase {
        let mut yaml = String::from(
            "attributes:\n\
             - {id: funding-round, value: money, kind: event, cues: {en: [raised]}}\n\
             - {id: ceo-of, value: entity, kind: event, exclusive: true, subject: [person], cues: {en: [ceo of]}}\n\
             entities:\n",
        );
        for i in 0..n {
            yaml.push_str(&format!(
                "- {{id: c{i}, kind: org, name: Company {i}}}\n- {{id: p{i}, kind: person, name: Person {i}}}\n"
            ));
        }
        yaml.push_str("facts:\n");
        for i in 0..n {
            yaml.push_str(&format!(
                "- {{subject: c{i}, attribute: funding-round, value: {} million EUR, date: 2024-01-01, source: s}}\n\
                 - {{subject: p{i}, attribute: ceo-of, value: c{i}, source: s}}\n",
                i + 1
            ));
        }
        let location = RulesLocation::Memory(vec![("all.yaml".into(), yaml)]);
        let loaded = rules::load(&location, &mut SourceMap::default()).unwrap();
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        loaded.facts
    }

    /// What a claim is checked against is found without walking the other
    /// subjects' facts: the lookups visit only the subject's own.
    #[test]
    fn lookups_visit_only_the_facts_about_their_topic() {
        let facts = &many_companies(500);
        let company = facts.entity_by_id("c7").unwrap();
        let person = facts.entity_by_id("p7").unwrap();
        let round = facts.attribute_by_id("funding-round").unwrap();
        let ceo = facts.attribute_by_id("ceo-of").unwrap();
        // The upper bound of an iterator is how many items it may walk.
        assert_eq!(facts.facts_about(company, round).size_hint(), (1, Some(1)));
        assert_eq!(facts.facts_about(person, ceo).size_hint(), (1, Some(1)));
        assert_eq!(facts.holders_of(ceo, company).size_hint(), (1, Some(1)));
        assert_eq!(facts.facts_about(person, round).size_hint(), (0, Some(0)));
        let fact = facts.facts_about(company, round).next().unwrap();
        assert_eq!(fact.written.text, "8 million EUR");
        assert_eq!(fact.money().unwrap().written.text, "8 million EUR");
        let holder = facts.holders_of(ceo, company).next().unwrap();
        assert_eq!(holder.subject, person);
    }
}
