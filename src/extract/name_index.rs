//! Every name, alias and `not:` phrase of the fact base, folded and indexed for
//! matching against article text.

use std::collections::HashMap;

use crate::rules::{EntityIdx, FactBase, Written};
use crate::text::fold::{fold, surface};
use crate::text::tokens::tokenize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormRole {
    Name,
    Alias,
    /// A phrase that merely looks like the name: never matched, never reported.
    Not,
}

#[derive(Debug)]
pub struct NameForm {
    pub entity: EntityIdx,
    pub role: FormRole,
    pub written: Written,
    /// NFC, single spaces.
    pub surface: String,
    /// Folded tokens, for per-word edit distance.
    pub tokens: Vec<String>,
    /// All tokens folded and concatenated: the key of fold-equality.
    pub folded: String,
    /// One ordinary-looking word ("Mistral", "Paris"): in lower case it is that
    /// ordinary word, not a misspelt name.
    pub simple_word: bool,
    /// One word in capitals ("EU", "IBM"): in lower case it is an ordinary word.
    pub acronym: bool,
}

#[derive(Debug, Default)]
pub struct NameIndex {
    pub forms: Vec<NameForm>,
    by_folded: HashMap<String, Vec<usize>>,
    by_token_count: HashMap<usize, Vec<usize>>,
    /// The most tokens any form has.
    pub max_tokens: usize,
}

impl NameIndex {
    pub fn new(facts: &FactBase) -> Self {
        let mut index = NameIndex::default();
        for (idx, entity) in facts.entities.iter().enumerate() {
            index.add(idx, FormRole::Name, &entity.name);
            for alias in &entity.aliases {
                index.add(idx, FormRole::Alias, alias);
            }
            for not in &entity.not {
                index.add(idx, FormRole::Not, not);
            }
        }
        index
    }

    fn add(&mut self, entity: EntityIdx, role: FormRole, written: &Written) {
        let text = &written.text;
        let tokens: Vec<String> = tokenize(text, 0..text.len())
            .into_iter()
            .map(|t| t.folded)
            .collect();
        if tokens.is_empty() {
            return;
        }
        let folded = fold(text);
        let mut chars = text.chars();
        let simple_word = tokens.len() == 1
            && chars.next().is_some_and(char::is_uppercase)
            && chars.all(|c| c.is_lowercase());
        let acronym =
            tokens.len() == 1 && text.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
        let id = self.forms.len();
        self.max_tokens = self.max_tokens.max(tokens.len());
        self.by_folded.entry(folded.clone()).or_default().push(id);
        self.by_token_count
            .entry(tokens.len())
            .or_default()
            .push(id);
        self.forms.push(NameForm {
            entity,
            role,
            written: written.clone(),
            surface: surface(text),
            tokens,
            folded,
            simple_word,
            acronym,
        });
    }

    /// Forms whose folded spelling is exactly `folded`.
    pub fn fold_equal(&self, folded: &str) -> &[usize] {
        self.by_folded.get(folded).map_or(&[], Vec::as_slice)
    }

    /// Forms made of `count` tokens.
    pub fn with_token_count(&self, count: usize) -> &[usize] {
        self.by_token_count.get(&count).map_or(&[], Vec::as_slice)
    }
}
