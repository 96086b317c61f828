//! Cue words: the words that tell a claim's attribute ("a levé" a round,
//! "valorisée" a valuation), found once per article by first word, and the
//! choice of an amount's cue — the nearest within reach, priority cues first —
//! against the words of amounts no attribute describes (a contract, revenue).

use std::ops::Range;

use super::claims::ClaimFinder;
use super::clause::spells;
use super::vocabulary::CUE_START;
use super::windows::CueWindows;
use crate::rules::{AttrIdx, FactBase, ValueType};

/// How far (in words) a cue may stand from its amount.
const CUE_REACH: usize = 15;

/// A cue word found in the article: its tokens and attribute.
#[derive(Clone, Debug)]
pub(super) struct CueHit {
    pub(super) tokens: Range<usize>,
    pub(super) attribute: AttrIdx,
    pub(super) priority: u8,
}

/// Cue words of one language, indexed so that each token is looked up once.
#[derive(Debug)]
pub struct CueIndex {
    /// First word → (attribute, cue).
    pub by_first_word: rustc_hash::FxHashMap<String, Vec<(AttrIdx, usize)>>,
    /// One-word cues with a trailing `*`: (attribute, cue, stem).
    pub prefixed: Vec<(AttrIdx, usize, String)>,
    /// The first bytes of those stems: a word starting otherwise begins none.
    prefixed_first: [bool; 256],
    /// The shortest of those stems: a shorter word begins none.
    prefixed_min_len: usize,
}

impl CueIndex {
    pub fn new(facts: &FactBase, lang: &str) -> CueIndex {
        let mut index = CueIndex {
            by_first_word: Default::default(),
            prefixed: Vec::new(),
            prefixed_first: [false; 256],
            prefixed_min_len: usize::MAX,
        };
        for (attr, attribute) in facts.attributes.iter().enumerate() {
            for (k, cue) in attribute.cues.get(lang).into_iter().flatten().enumerate() {
                if cue.prefix && cue.words.len() == 1 {
                    match cue.words[0].as_bytes().first() {
                        Some(&b) => index.prefixed_first[b as usize] = true,
                        // An empty stem begins every word.
                        None => index.prefixed_first = [true; 256],
                    }
                    index.prefixed_min_len = index.prefixed_min_len.min(cue.words[0].len());
                    index.prefixed.push((attr, k, cue.words[0].clone()));
                } else if let Some(first) = cue.words.first() {
                    index
                        .by_first_word
                        .entry(first.clone())
                        .or_default()
                        .push((attr, k));
                }
            }
        }
        index
    }
}

impl ClaimFinder<'_> {
    /// The cue an amount belongs to: the nearest of its sentence within
    /// [`CUE_REACH`] words, priority cues first. Only the cues that start
    /// within reach are looked at.
    pub(super) fn best_cue<'c>(
        &self,
        cues: &CueWindows<'c>,
        first: usize,
        end: usize,
        sentence: &Range<usize>,
        fronted: Option<&Range<usize>>,
    ) -> Option<(&'c CueHit, i64)> {
        // A cue before the amount ends at most CUE_REACH words before it.
        let from = first
            .saturating_sub(CUE_REACH + cues.longest)
            .max(sentence.start);
        let to = (end + CUE_REACH + 1).min(sentence.end);
        cues.starting_in(from..to)
            .inspect(|_| self.count(1))
            .filter_map(|(_, c)| {
                let in_fronted = fronted.is_some_and(|f| f.contains(&c.tokens.start));
                let commas = if in_fronted {
                    0
                } else {
                    self.commas_between(first, end, &c.tokens)
                };
                cue_score(first, end, &c.tokens, c.priority, commas).map(|s| (s, c))
            })
            // Ties go to the cue first in the order of `cues` (the window
            // keeps it among cues that start at one word).
            .min_by_key(|(score, c)| (*score, c.tokens.start))
            .map(|(score, c)| (c, score))
    }

    /// Whether a word of an amount no attribute describes stands right before
    /// a cue that itself stands before the amount (at most two words between,
    /// no punctuation): "a contract worth €12 million", "un contrat d'une
    /// valeur de 12 millions" speak of the contract's worth.
    pub(super) fn non_claim_cue_governs(&self, cue: &Range<usize>, first: usize) -> bool {
        if cue.end > first || cue.start == 0 {
            return false;
        }
        let phrases = &self.lexicon.clauses.non_claim_cues;
        (cue.start.saturating_sub(3)..cue.start).any(|i| {
            phrases.iter().any(|p| {
                let end = i + p.len();
                spells(self.tokens, i, p, cue.start)
                    && cue.start - end <= 2
                    && !self.text
                        [self.tokens[end - 1].range.end..self.tokens[cue.start].range.start]
                        .contains([',', ';', ':', '.', '(', ')'])
            })
        })
    }

    /// How many commas stand between an amount at tokens `first..end` and a
    /// cue at tokens `cue` (outside both).
    fn commas_between(&self, first: usize, end: usize, cue: &Range<usize>) -> usize {
        let (a, b) = if cue.end <= first {
            (cue.end, first)
        } else {
            (end, cue.start)
        };
        match (a.checked_sub(1), self.tokens.get(b)) {
            (Some(last), Some(next)) if a <= b => self.text
                [self.tokens[last].range.end..next.range.start]
                .matches(", ")
                .count(),
            _ => 0,
        }
    }

    /// Whether a word of an amount no attribute describes ("contrat",
    /// "revenue") stands as near the amount at tokens `first..end` as a cue
    /// scoring `score` (by [`cue_score`]), or nearer.
    pub(super) fn non_claim_cue_nearer(
        &self,
        first: usize,
        end: usize,
        sentence: &Range<usize>,
        score: i64,
    ) -> bool {
        let phrases = &self.lexicon.clauses.non_claim_cues;
        let from = first.saturating_sub(CUE_REACH + 4).max(sentence.start);
        let to = (end + CUE_REACH + 1).min(sentence.end);
        let first_words = &self.lexicon.clauses.non_claim_first;
        (from..to).any(|i| {
            self.count(1);
            first_words.contains(self.tokens[i].folded)
                && phrases.iter().any(|p| {
                    spells(self.tokens, i, p, sentence.end)
                        && cue_score(
                            first,
                            end,
                            &(i..i + p.len()),
                            0,
                            self.commas_between(first, end, &(i..i + p.len())),
                        )
                        .is_some_and(|s| s <= score)
                })
        })
    }

    /// Cue words of the attributes whose value is of type `value`.
    pub(super) fn cues(&self, value: ValueType) -> Vec<CueHit> {
        let all = self.cache.cues.get_or_init(|| self.all_cues());
        all.iter()
            .filter(|hit| self.facts.attributes[hit.attribute].value == value)
            .cloned()
            .collect()
    }

    /// Every cue word of the article, in the order of a plain scan: attribute,
    /// position, cue.
    fn all_cues(&self) -> Vec<CueHit> {
        let Some(index) = self.cue_index else {
            return Vec::new();
        };
        let mut hits: Vec<(usize, usize, CueHit)> = Vec::new();
        // Each attribute's cues in this language, looked up once.
        let cues_of: Vec<&[_]> = self
            .facts
            .attributes
            .iter()
            .map(|a| a.cues.get(self.lang).map_or(&[][..], Vec::as_slice))
            .collect();
        for i in 0..self.tokens.len() {
            let word = self.tokens[i].folded;
            let starts_cue = self.classes[i] & CUE_START != 0;
            let may_be_prefixed = match word.as_bytes().first() {
                Some(&b) => {
                    word.len() >= index.prefixed_min_len && index.prefixed_first[b as usize]
                }
                None => index.prefixed.iter().any(|(_, _, stem)| stem.is_empty()),
            };
            // Most words begin no cue: skip them before building any iterator.
            if !starts_cue && !may_be_prefixed {
                continue;
            }
            let by_word = starts_cue
                .then(|| index.by_first_word.get(word))
                .flatten()
                .into_iter()
                .flatten()
                .copied();
            let by_prefix = index
                .prefixed
                .iter()
                .filter(|_| may_be_prefixed)
                .filter(|(_, _, stem)| word.starts_with(stem.as_str()))
                .map(|(a, k, _)| (*a, *k));
            for (attr, k) in by_word.chain(by_prefix) {
                let attribute = &self.facts.attributes[attr];
                let cue = &cues_of[attr][k];
                let n = cue.words.len();
                if i + n > self.tokens.len() {
                    continue;
                }
                let matched = self.tokens[i..i + n]
                    .iter()
                    .zip(&cue.words)
                    .enumerate()
                    .all(|(j, (t, w))| {
                        if cue.prefix && j == n - 1 {
                            t.folded.starts_with(w.as_str())
                        } else {
                            t.folded == w
                        }
                    });
                if matched {
                    hits.push((
                        attr,
                        k,
                        CueHit {
                            tokens: i..i + n,
                            attribute: attr,
                            priority: attribute.priority,
                        },
                    ));
                }
            }
        }
        // The order of a plain scan: attribute, position, cue.
        hits.sort_by_key(|(attr, k, hit)| (*attr, hit.tokens.start, *k));
        hits.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1 && a.2.tokens == b.2.tokens);
        hits.into_iter().map(|(_, _, hit)| hit).collect()
    }
}

/// How far a cue at tokens `cue` stands from an amount at tokens `first..end`
/// (lower is nearer): two points a word; a cue after the amount costs three
/// more; a priority cue gains eight ("a levé … en deux tours" is a total); each
/// comma between costs ten, more than a priority gains ("une levée de 1,7
/// milliard, valorisant …": the round's amount is not the valuation).
/// `None` for a cue out of reach or inside the amount.
fn cue_score(
    first: usize,
    end: usize,
    cue: &Range<usize>,
    priority: u8,
    commas: usize,
) -> Option<i64> {
    let distance = if cue.end <= first {
        first - cue.end
    } else if cue.start >= end {
        cue.start - end
    } else {
        return None;
    };
    let after = i64::from(cue.start >= end) * 3;
    (distance <= CUE_REACH)
        .then(|| 2 * distance as i64 + after - 8 * i64::from(priority) + 10 * commas as i64)
}
