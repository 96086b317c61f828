//! References to entities, in reading order: the mentions of the fact base's
//! names, and the descriptions ("la startup française", "the company") each
//! resolved to the entities it may stand for. Every claim reader looks for its
//! subject among them.

use std::ops::Range;

use super::claims::ClaimFinder;
use super::clause::spells;
use super::vocabulary::DESCRIPTION_START;
use crate::rules::{EntityIdx, EntityKind};

/// A reference to an entity: a mention, or a description resolved to one.
#[derive(Clone, Debug)]
pub(super) struct Ref {
    pub(super) token: usize,
    pub(super) range: Range<usize>,
    pub(super) entity: EntityIdx,
    pub(super) described: bool,
    /// For a description: every entity it may stand for, most recent first.
    pub(super) alternatives: Vec<EntityIdx>,
}

impl ClaimFinder<'_> {
    pub(super) fn references(&self) -> Vec<Ref> {
        // The mentions, and room for some descriptions.
        let mut refs: Vec<Ref> = Vec::with_capacity(self.mentions.len() + 8);
        // The distinct entities of `refs`, each with the place of its latest
        // reference in `refs`: put latest first only when a description asks
        // (a list kept in that order was moved on most mentions: 1 % of a check).
        let mut latest: Vec<(EntityIdx, usize)> = Vec::new();
        // Where each entity is in `latest` (plus one; 0: not there): found
        // without a search of the list on every reference.
        let mut place: Vec<u32> = vec![0; self.facts.entities.len()];
        fn push(
            refs: &mut Vec<Ref>,
            latest: &mut Vec<(EntityIdx, usize)>,
            place: &mut [u32],
            r: Ref,
        ) {
            match place.get_mut(r.entity) {
                Some(k) if *k == 0 => {
                    latest.push((r.entity, refs.len()));
                    *k = u32::try_from(latest.len()).expect("fewer than 2^32 entities");
                }
                Some(k) => latest[*k as usize - 1].1 = refs.len(),
                // Not an entity of the fact base: never so, but found anyway.
                None => match latest.iter_mut().find(|(e, _)| *e == r.entity) {
                    Some(entry) => entry.1 = refs.len(),
                    None => latest.push((r.entity, refs.len())),
                },
            }
            refs.push(r);
        }
        let mut m = 0;
        let mut i = 0;
        while i < self.tokens.len() {
            while m < self.mentions.len()
                && self.mentions[m].range.end <= self.tokens[i].range.start
            {
                m += 1;
            }
            if let Some(mention) = self
                .mentions
                .get(m)
                .filter(|x| x.range.start == self.tokens[i].range.start)
            {
                // The mention's few tokens are stepped over.
                let first = i;
                while i < self.tokens.len() && self.tokens[i].range.start < mention.range.end {
                    i += 1;
                }
                if self.likeness(first, i) {
                    continue;
                }
                push(
                    &mut refs,
                    &mut latest,
                    &mut place,
                    Ref {
                        token: first,
                        range: mention.range.clone(),
                        entity: mention.entity,
                        described: false,
                        alternatives: Vec::new(),
                    },
                );
                continue;
            }
            if let Some((len, kind)) = self.description_at(i) {
                let country = self.nationality_near(i, len);
                // Whether a description of this kind and country fits an entity:
                // "cet entrepreneur français" fits a person whose country the
                // fact base does not give only when none of those it gives fits.
                let fits_strictly = |entity: EntityIdx| {
                    let e = self.facts.entity(entity);
                    e.kind == kind
                        && country
                            .as_ref()
                            .is_none_or(|c| e.country.as_deref() == Some(c.as_str()))
                };
                let any_strict = latest.iter().any(|(e, _)| fits_strictly(*e));
                let fits = |entity: EntityIdx| {
                    fits_strictly(entity)
                        || (!any_strict && {
                            let e = self.facts.entity(entity);
                            e.kind == kind && e.country.is_none()
                        })
                };
                let start = self.tokens[i].range.start;
                // "la société Kumospace", "la société de capital-risque Globex":
                // the name that follows (after at most two lower-case words) is
                // what it describes.
                let end = self.country_end(i, len);
                let named_next = (end..end + 3).any(|at| {
                    let Some(next) = self.tokens.get(at) else {
                        return false;
                    };
                    let between_lower = self.tokens[end..at].iter().all(|t| t.all_lower);
                    let only_words = !self.text[self.tokens[end - 1].range.end..next.range.start]
                        .contains(|c: char| !c.is_alphanumeric() && !c.is_whitespace() && c != '-');
                    // Mentions are in reading order: those starting at `next`
                    // are found by binary search.
                    let from = self
                        .mentions
                        .partition_point(|m| m.range.start < next.range.start);
                    between_lower
                        && only_words
                        && self.mentions[from..]
                            .iter()
                            .take_while(|m| m.range.start == next.range.start)
                            .any(|m| self.facts.entity(m.entity).kind == kind)
                });
                if named_next {
                    i = end;
                    continue;
                }
                // "Acme AI, la startup française, …": an apposition names the same entity.
                let apposition = refs
                    .last()
                    .filter(|r| fits(r.entity))
                    .filter(|r| self.text[r.range.end..start].trim() == ",")
                    .map(|r| vec![r.entity]);
                // Else every fitting entity referred to so far, latest first.
                let alternatives = apposition.unwrap_or_else(|| {
                    let mut fitting: Vec<(EntityIdx, usize)> =
                        latest.iter().copied().filter(|(e, _)| fits(*e)).collect();
                    fitting.sort_unstable_by_key(|&(_, at)| std::cmp::Reverse(at));
                    fitting.into_iter().map(|(e, _)| e).collect()
                });
                if let Some(&entity) = alternatives.first() {
                    push(
                        &mut refs,
                        &mut latest,
                        &mut place,
                        Ref {
                            token: i,
                            range: self.tokens[i].range.start..self.tokens[end - 1].range.end,
                            entity,
                            described: true,
                            alternatives,
                        },
                    );
                }
                i += len;
                continue;
            }
            i += 1;
        }
        refs
    }

    /// Whether the mention on tokens `start..end` is a likeness ("the Globex
    /// of machine learning"): after a determiner, before a likeness word and a
    /// lower-case word. It names no one the article speaks about.
    fn likeness(&self, start: usize, end: usize) -> bool {
        let words = &self.lexicon.clauses;
        let folded = |i: usize| self.tokens.get(i).map(|t| t.folded);
        start > 0
            && folded(start - 1).is_some_and(|d| words.determiners.iter().any(|w| w == d))
            && folded(end).is_some_and(|o| words.likeness_of.iter().any(|w| w == o))
            && self.tokens.get(end + 1).is_some_and(|t| t.all_lower)
    }

    fn description_at(&self, i: usize) -> Option<(usize, EntityKind)> {
        if self.classes[i] & DESCRIPTION_START == 0 {
            return None;
        }
        let first = self.tokens[i].folded;
        let candidates = self.lexicon.description_index.get(first);
        candidates.iter().find_map(|&k| {
            let (words, kind) = &self.lexicon.descriptions[k];
            spells(self.tokens, i, words, usize::MAX)
                .then(|| EntityKind::parse(kind).map(|k| (words.len(), k)))
                .flatten()
        })
    }

    /// A nationality adjective just after a description ("la startup française")
    /// or just before it ("the French startup").
    fn nationality_near(&self, i: usize, len: usize) -> Option<String> {
        let code = |start| self.nationality_at(start).map(|(code, _)| code.clone());
        code(i + len).or_else(|| i.checked_sub(1).and_then(code))
    }

    /// The nationality adjective that starts at token `start`: its country
    /// code and how many words it has.
    fn nationality_at(&self, start: usize) -> Option<(&String, usize)> {
        let first = self.tokens.get(start)?.folded;
        let candidates = self.lexicon.nationality_index.get(first);
        candidates.iter().find_map(|&k| {
            let (words, code) = &self.lexicon.nationalities[k];
            spells(self.tokens, start, words, usize::MAX).then_some((code, words.len()))
        })
    }

    /// The end (exclusive token index) of a description of `len` words at
    /// token `i`, its nationality adjective included.
    fn country_end(&self, i: usize, len: usize) -> usize {
        let after = i + len;
        after + self.nationality_at(after).map_or(0, |(_, n)| n)
    }
}
