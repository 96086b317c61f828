//! What keeps the claim finders' work per amount or cue bounded, so that an
//! article's check grows linearly with it: sentences of bounded length, cue
//! words found by position, and what earlier references and claims say kept
//! up to date as reading moves forward instead of searched again each time.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::claim::{Claim, ClaimValue};
use super::cues::CueHit;
use super::references::Ref;
use super::sentences::containing;
use crate::rules::{AttrIdx, EntityIdx};
use crate::text::tokens::Token;

/// The most words a sentence has for the claim finders: a longer one (a page
/// without a full stop) is cut every this many words. A reader looks for a
/// cue, subject or date within one sentence; without this bound a single line
/// of 5 MB was one sentence, and every amount in it looked at all of it. The
/// longest sentence of the test corpora has about 100 words.
pub const MAX_SENTENCE_WORDS: usize = 200;

/// `sentences` with every sentence of more than [`MAX_SENTENCE_WORDS`] tokens
/// cut before its 201st, 401st, … token.
pub(super) fn cap_sentences(sentences: Vec<Range<usize>>, tokens: &[Token]) -> Vec<Range<usize>> {
    // Tokens have a byte between them: a short sentence cannot be too long.
    if sentences.iter().all(|s| s.len() < 2 * MAX_SENTENCE_WORDS) {
        return sentences;
    }
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        if s.len() < 2 * MAX_SENTENCE_WORDS {
            out.push(s);
            continue;
        }
        let first = tokens.partition_point(|t| t.range.start < s.start);
        let end = tokens.partition_point(|t| t.range.end <= s.end);
        let mut start = s.start;
        let mut cut = first + MAX_SENTENCE_WORDS;
        while cut < end {
            let at = tokens[cut].range.start;
            out.push(start..at);
            start = at;
            cut += MAX_SENTENCE_WORDS;
        }
        out.push(start..s.end);
    }
    out
}

/// A place in a sorted slice that only moves forward: where
/// `partition_point` would be, for a predicate true on a prefix that only
/// grows from one call to the next, found by galloping on from the last
/// answer (a few steps when it is near, a binary search when it is far).
#[derive(Default)]
pub(super) struct Forward(usize);

impl Forward {
    pub(super) fn partition_point<T>(&mut self, items: &[T], pred: impl Fn(&T) -> bool) -> usize {
        let (mut low, mut step) = (self.0, 1);
        // `pred` holds before `low`; find a `high` where it does not.
        let mut high = low;
        while high < items.len() && pred(&items[high]) {
            low = high + 1;
            high = (low + step).min(items.len());
            step *= 2;
        }
        self.0 = low + items[low..high].partition_point(&pred);
        self.0
    }
}

/// Cue words by where they start, for the cues within reach of an amount.
pub(super) struct CueWindows<'c> {
    cues: &'c [CueHit],
    /// Indexes into `cues` by first token; cues that start at one token keep
    /// their order in `cues`, which decides ties.
    by_start: Vec<usize>,
    /// The most words a cue has.
    pub(super) longest: usize,
}

impl<'c> CueWindows<'c> {
    pub(super) fn new(cues: &'c [CueHit]) -> Self {
        let mut by_start: Vec<usize> = (0..cues.len()).collect();
        by_start.sort_unstable_by_key(|&k| (cues[k].tokens.start, k));
        CueWindows {
            cues,
            by_start,
            longest: cues.iter().map(|c| c.tokens.len()).max().unwrap_or(0),
        }
    }

    /// The cues whose first token is in `tokens`, with their index in `cues`,
    /// by position.
    pub(super) fn starting_in(
        &self,
        tokens: Range<usize>,
    ) -> impl Iterator<Item = (usize, &'c CueHit)> + '_ {
        let start = |k: &usize| self.cues[*k].tokens.start;
        let from = self.by_start.partition_point(|k| start(k) < tokens.start);
        let to = self.by_start.partition_point(|k| start(k) < tokens.end);
        self.by_start[from..to.max(from)]
            .iter()
            .map(|&k| (k, &self.cues[k]))
    }
}

/// The entities referred to before a point that only moves forward (amounts
/// and durations are read in order), each with its latest reference: the
/// subject of a sentence that names none is picked among them without going
/// over every earlier reference again.
#[derive(Default)]
pub(super) struct Earlier {
    /// References `..seen` are taken in, or waiting in `straddling`.
    seen: usize,
    /// References that started before the point but ended after it.
    straddling: Vec<usize>,
    /// Entity → its latest reference that ends by the point.
    latest: FxHashMap<EntityIdx, usize>,
}

impl Earlier {
    /// Takes in the references that end by byte `at` (no earlier than the last
    /// call's); returns how many it looked at.
    pub(super) fn advance(&mut self, refs: &[Ref], at: usize) -> usize {
        let mut looked = self.straddling.len();
        let latest = &mut self.latest;
        let mut take = |k: usize| {
            let entry = latest.entry(refs[k].entity).or_insert(k);
            *entry = (*entry).max(k);
        };
        self.straddling.retain(|&k| {
            let ended = refs[k].range.end <= at;
            if ended {
                take(k);
            }
            !ended
        });
        while self.seen < refs.len() && refs[self.seen].range.start < at {
            if refs[self.seen].range.end <= at {
                take(self.seen);
            } else {
                self.straddling.push(self.seen);
            }
            self.seen += 1;
            looked += 1;
        }
        looked
    }

    /// The entities that `allowed` accepts, the most recently referred to
    /// first, each with the index of its latest reference.
    pub(super) fn latest_first(
        &self,
        allowed: impl Fn(EntityIdx) -> bool,
    ) -> Vec<(EntityIdx, usize)> {
        let mut out: Vec<(EntityIdx, usize)> = self
            .latest
            .iter()
            .map(|(e, k)| (*e, *k))
            .filter(|(e, _)| allowed(*e))
            .collect();
        out.sort_unstable_by_key(|&(_, k)| std::cmp::Reverse(k));
        out
    }
}

/// For the claims found so far in the current paragraph: by subject and
/// attribute, the latest claim with a currency, and whether all such claims
/// give the same one. A currency-less amount inherits from it.
#[derive(Default)]
pub(super) struct ParagraphCurrencies {
    /// Claims `..seen` are taken in.
    seen: usize,
    paragraph: Option<usize>,
    by_topic: FxHashMap<(EntityIdx, AttrIdx), (usize, bool)>,
}

impl ParagraphCurrencies {
    /// Takes in the claims not yet seen (in reading order); returns how many.
    pub(super) fn advance(&mut self, claims: &[Claim], paragraphs: &[Range<usize>]) -> usize {
        let from = self.seen;
        for (k, c) in claims.iter().enumerate().skip(from) {
            let Some(amount) = c.as_money().map(|m| m.amount) else {
                continue;
            };
            let Some(p) = containing(paragraphs, amount.range.start) else {
                continue;
            };
            if self.paragraph != Some(p) {
                self.paragraph = Some(p);
                self.by_topic.clear();
            }
            if amount.currency.is_none() {
                continue;
            }
            let (last, agree) = self
                .by_topic
                .entry((c.subject, c.attribute))
                .or_insert((k, true));
            *agree &=
                claims[*last].as_money().map(|m| &m.amount.currency) == Some(&amount.currency);
            *last = k;
        }
        self.seen = claims.len();
        self.seen - from
    }

    /// Gives `claim` the currency of the earlier claims of its paragraph
    /// about the same subject and attribute, when they all agree.
    pub(super) fn inherit(
        &self,
        claim: &mut Claim,
        earlier: &[Claim],
        paragraphs: &[Range<usize>],
    ) {
        let ClaimValue::Money(money) = &mut claim.value else {
            return;
        };
        let p = containing(paragraphs, money.amount.range.start);
        if p.is_none() || p != self.paragraph {
            return;
        }
        let Some(&(last, true)) = self.by_topic.get(&(claim.subject, claim.attribute)) else {
            return;
        };
        let Some(last) = earlier[last].as_money() else {
            return;
        };
        money.amount.currency = last.amount.currency.clone();
        money.currency_from = Some(
            last.currency_from
                .cloned()
                .unwrap_or_else(|| last.amount.range.clone()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    #[test]
    fn forward_finds_what_a_binary_search_finds() {
        let items: Vec<usize> = (0..1000).map(|k| k * 3 / 2).collect();
        let mut forward = Forward::default();
        for bound in [0, 1, 2, 5, 5, 6, 300, 301, 1200, 1498, 1499, 1500, 5000] {
            assert_eq!(
                forward.partition_point(&items, |&x| x < bound),
                items.partition_point(|&x| x < bound),
                "{bound}"
            );
        }
    }

    #[test]
    fn a_sentence_longer_than_the_cap_is_cut_every_max_words() {
        let text = format!("{}fin. Court.", "mot ".repeat(2 * MAX_SENTENCE_WORDS + 49));
        let mut folds = String::new();
        let tokens = tokenize(&text, 0..text.len(), &mut folds);
        let sentences = super::super::sentences::sentences(&text, 0..text.len());
        assert_eq!(sentences.len(), 2);
        let capped = cap_sentences(sentences, &tokens);
        let words: Vec<usize> = capped
            .iter()
            .map(|s| {
                tokens
                    .iter()
                    .filter(|t| s.start <= t.range.start && t.range.end <= s.end)
                    .count()
            })
            .collect();
        assert_eq!(words, [MAX_SENTENCE_WORDS, MAX_SENTENCE_WORDS, 50, 1]);
        // The pieces cover the text as the sentences did.
        assert_eq!(capped[0].start, 0);
        assert!(capped.windows(2).take(2).all(|w| w[0].end == w[1].start));
    }
}
