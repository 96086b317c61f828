//! Cue words: the words that tell a claim's attribute ("a levé" a round,
//! "valorisée" a valuation), found once per article by first word, and the
//! choice of an amount's cue — the nearest within reach, priority cues first —
//! against the words of amounts no attribute describes (a contract, revenue).

use std::ops::Range;
use std::rc::Rc;

use super::claims::ClaimFinder;
use super::clause::spells;
use super::vocabulary::{CUE_START, FUNCTION_WORD};
use super::windows::CueWindows;
use crate::lexicon::Lexicon;
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
    /// Stem of a first word → (attribute, cue).
    by_first_stem: rustc_hash::FxHashMap<String, Vec<(AttrIdx, usize)>>,
    /// What a word must start with to have one of those stems.
    stem_starts: StemStarts,
    /// The stems each word of each cue matches, by attribute and cue: none
    /// for a stop word ("de", "of"), which matches only as written.
    word_stems: Vec<Vec<Vec<Vec<String>>>>,
    /// By attribute: the words that never match its cues by stem.
    not_cues: Vec<rustc_hash::FxHashSet<String>>,
    /// Glued prefixes a word is also read without ("cofondatrice").
    strip: Vec<String>,
    /// The first bytes of those prefixes: a word starting otherwise has none.
    strip_first: [bool; 256],
    /// One-word cues with a trailing `*`: (attribute, cue, stem).
    pub prefixed: Vec<(AttrIdx, usize, String)>,
    /// The first bytes of those stems: a word starting otherwise begins none.
    prefixed_first: [bool; 256],
    /// The shortest of those stems: a shorter word begins none.
    prefixed_min_len: usize,
}

/// A set of folded stems, by their first three bytes: only a word whose
/// fold starts with one of them can have it (Snowball cuts a word's ending),
/// so only such a word is stemmed. A stem shorter than three bytes ("ex") is
/// left out: so short a cue word matches only as written.
#[derive(Debug, Default)]
struct StemStarts {
    /// The first three bytes, hashed to a bit each: most words are turned
    /// away by one look at this table, which stays in the processor's cache.
    bits: Vec<u64>,
    by_three: rustc_hash::FxHashMap<[u8; 3], Vec<String>>,
}

impl StemStarts {
    fn new() -> StemStarts {
        StemStarts {
            bits: vec![0; 1024],
            ..Default::default()
        }
    }

    fn bit(b: &[u8]) -> usize {
        ((usize::from(b[0]) << 10) ^ (usize::from(b[1]) << 5) ^ usize::from(b[2])) & 0xFFFF
    }

    /// Adds `stem`; false when it is too short to be matched by stem.
    fn add(&mut self, stem: &str) -> bool {
        let b = stem.as_bytes();
        if b.len() < 3 {
            return false;
        }
        let bit = Self::bit(b);
        self.bits[bit / 64] |= 1 << (bit % 64);
        let same = self.by_three.entry([b[0], b[1], b[2]]).or_default();
        if !same.iter().any(|s| s == stem) {
            same.push(stem.to_string());
        }
        true
    }

    /// Whether `word` starts as one of the stems do. The bit table's look
    /// is inlined into the caller's loop over every word; the few words it
    /// lets through are compared out of line.
    #[inline(always)]
    fn may_start(&self, word: &str) -> bool {
        let b = word.as_bytes();
        if b.len() < 3 {
            return false;
        }
        let bit = Self::bit(b);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0 && self.starts_a_stem(word)
    }

    #[inline(never)]
    fn starts_a_stem(&self, word: &str) -> bool {
        let b = word.as_bytes();
        self.by_three
            .get(&[b[0], b[1], b[2]])
            .is_some_and(|stems| stems.iter().any(|s| word.starts_with(s.as_str())))
    }
}

impl CueIndex {
    pub fn new(facts: &FactBase, lexicon: &Lexicon) -> CueIndex {
        let lang = lexicon.language.as_str();
        let mut index = CueIndex {
            by_first_word: Default::default(),
            by_first_stem: Default::default(),
            stem_starts: StemStarts::new(),
            word_stems: Vec::new(),
            not_cues: Vec::new(),
            strip: lexicon
                .glued_prefixes
                .iter()
                .filter(|p| !p.word)
                .map(|p| p.prefix.clone())
                .collect(),
            strip_first: [false; 256],
            prefixed: Vec::new(),
            prefixed_first: [false; 256],
            prefixed_min_len: usize::MAX,
        };
        for prefix in &index.strip {
            match prefix.as_bytes().first() {
                Some(&b) => index.strip_first[usize::from(b)] = true,
                // An empty prefix begins every word.
                None => index.strip_first = [true; 256],
            }
        }
        for (attr, attribute) in facts.attributes.iter().enumerate() {
            index.not_cues.push(
                attribute
                    .not_cues
                    .get(lang)
                    .into_iter()
                    .flatten()
                    .cloned()
                    .collect(),
            );
            let mut stems_of_cues = Vec::new();
            for (k, cue) in attribute.cues.get(lang).into_iter().flatten().enumerate() {
                let stems: Vec<Vec<String>> = match &lexicon.stemmer {
                    Some(stemmer) => cue
                        .words
                        .iter()
                        .enumerate()
                        .map(|(j, w)| {
                            let star = cue.prefix && j + 1 == cue.words.len();
                            if star || lexicon.stopwords.contains(w) {
                                Vec::new()
                            } else {
                                stemmer.cue_stems(&cue.written[j])
                            }
                        })
                        .collect(),
                    None => vec![Vec::new(); cue.words.len()],
                };
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
                    for stem in stems.first().into_iter().flatten() {
                        if index.stem_starts.add(stem) {
                            index
                                .by_first_stem
                                .entry(stem.clone())
                                .or_default()
                                .push((attr, k));
                        }
                    }
                }
                stems_of_cues.push(stems);
            }
            index.word_stems.push(stems_of_cues);
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
        part: bool,
    ) -> Option<(&'c CueHit, i64)> {
        // A cue before the amount ends at most CUE_REACH words before it.
        let from = first
            .saturating_sub(CUE_REACH + cues.longest)
            .max(sentence.start);
        let to = (end + CUE_REACH + 1).min(sentence.end);
        cues.starting_in(from..to)
            .inspect(|_| self.count(1))
            // A part of a total is one of the events the total sums.
            .filter(|(_, c)| !(part && self.facts.attributes[c.attribute].sums.is_some()))
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

    /// Whether the amount at token `first` is announced as a part of the one
    /// before it: a part marker ends at most two words before it, nothing but
    /// spaces between ("dont 25 millions", "including nearly €25 million").
    pub(super) fn after_part_marker(&self, first: usize, sentence: &Range<usize>) -> bool {
        let markers = &self.lexicon.clauses.part_markers;
        (first.saturating_sub(4).max(sentence.start)..first).any(|i| {
            markers.iter().any(|p| {
                let end = i + p.len();
                end <= first
                    && first - end <= 2
                    && spells(self.tokens, i, p, first)
                    && !self.text[self.tokens[end - 1].range.end..self.tokens[first].range.start]
                        .contains([',', ';', ':', '.', '(', ')'])
            })
        })
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

    /// Whether a cue of `attribute` starts within tokens `within`.
    pub(super) fn has_cue_within(&self, attribute: AttrIdx, within: Range<usize>) -> bool {
        let all = self.cache.cues.get_or_init(|| self.all_cues());
        all.iter()
            .any(|hit| hit.attribute == attribute && within.contains(&hit.tokens.start))
    }

    /// Whether the date starting at token `at` is the value of a date
    /// attribute's cue right before it ("née en 2016", "founded in 2016"):
    /// it dates that, not the clause's other claims.
    pub(super) fn dates_other_cue(&self, at: usize) -> bool {
        let all = self.cache.cues.get_or_init(|| self.all_cues());
        all.iter().any(|hit| {
            hit.tokens.end <= at
                && at <= hit.tokens.end + 1
                && self.facts.attributes[hit.attribute].value == ValueType::Date
        })
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
        let mut stems = TokenStems::default();
        for i in 0..self.tokens.len() {
            let word = self.tokens[i].folded;
            let starts_cue = self.classes[i] & CUE_START != 0;
            let may_be_prefixed = match word.as_bytes().first() {
                Some(&b) => {
                    word.len() >= index.prefixed_min_len && index.prefixed_first[b as usize]
                }
                None => index.prefixed.iter().any(|(_, _, stem)| stem.is_empty()),
            };
            let may_be_stemmed = self.may_have_cue_stem(index, i);
            // Most words begin no cue: skip them before building any iterator.
            if !starts_cue && !may_be_prefixed && !may_be_stemmed {
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
            let by_stem = may_be_stemmed.then(|| stems.of(self, index, i));
            let by_stem = by_stem.iter().flat_map(|s| s.first_word_of.iter().copied());
            for (attr, k) in by_word.chain(by_prefix).chain(by_stem) {
                let attribute = &self.facts.attributes[attr];
                let cue = &cues_of[attr][k];
                let n = cue.words.len();
                if i + n > self.tokens.len() {
                    continue;
                }
                let matched = (0..n).all(|j| {
                    let t = &self.tokens[i + j];
                    let w = &cue.words[j];
                    if cue.prefix && j == n - 1 {
                        t.folded.starts_with(w.as_str())
                    } else {
                        t.folded == w || self.stem_matches(index, attr, k, j, i + j, &mut stems)
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
        // The order of a plain scan: attribute, position, cue; of the cues of
        // one attribute that start at one word, the longest ("formerly at"
        // rather than "former", whose stem "formerly" has too).
        hits.sort_by_key(|(attr, k, hit)| {
            (
                *attr,
                hit.tokens.start,
                std::cmp::Reverse(hit.tokens.len()),
                *k,
            )
        });
        hits.dedup_by(|a, b| a.0 == b.0 && a.2.tokens.start == b.2.tokens.start);
        hits.sort_by_key(|(attr, k, hit)| (*attr, hit.tokens.start, *k));
        hits.into_iter().map(|(_, _, hit)| hit).collect()
    }

    /// Whether token `i` may have the stem of a cue's first word: it is no
    /// stop word (those match as written), and it, or it read without a glued
    /// prefix, starts as one of those stems does. Only such words are stemmed.
    fn may_have_cue_stem(&self, index: &CueIndex, i: usize) -> bool {
        let word = self.tokens[i].folded;
        self.classes[i] & FUNCTION_WORD == 0
            && self.lexicon.stemmer.is_some()
            && (index.stem_starts.may_start(word)
                || word
                    .as_bytes()
                    .first()
                    .is_some_and(|&b| index.strip_first[usize::from(b)])
                    && index.strip.iter().any(|p| {
                        // The first byte first: comparing the prefix itself was
                        // a call to memcmp for every word of the article.
                        p.as_bytes().first() == word.as_bytes().first()
                            && word
                                .strip_prefix(p.as_str())
                                .is_some_and(|rest| index.stem_starts.may_start(rest))
                    }))
    }

    /// Whether token `t` has a stem of word `j` of cue `k` of attribute
    /// `attr` (a stop word of the cue matches only as written), and is not
    /// one of the words the attribute excepts.
    fn stem_matches(
        &self,
        index: &CueIndex,
        attr: AttrIdx,
        k: usize,
        j: usize,
        t: usize,
        stems: &mut TokenStems,
    ) -> bool {
        let wanted = &index.word_stems[attr][k][j];
        !wanted.is_empty()
            && !index.not_cues[attr].contains(self.tokens[t].folded)
            && self.lexicon.stemmer.is_some()
            && stems
                .of(self, index, t)
                .stems
                .iter()
                .any(|s| wanted.contains(s))
    }
}

/// What stemming a word gives: its stems (its own, then those of it read
/// without each glued prefix it starts with), and the cues whose first word
/// has one of them.
struct Stemmed {
    stems: Vec<String>,
    first_word_of: Vec<(AttrIdx, usize)>,
}

/// The tokens of an article stemmed so far, by token (the vector is made
/// on the first word stemmed: a map hashed the token's index on every ask).
#[derive(Default)]
struct TokenStems(Vec<Option<Rc<Stemmed>>>);

/// Most words that are stemmed come back in article after article: each
/// thread keeps what they gave, by cue index (one a language) and word as
/// written, up to [`STEM_CACHE_WORDS`] words an index (then starts again).
type StemCache = rustc_hash::FxHashMap<usize, rustc_hash::FxHashMap<String, Rc<Stemmed>>>;

const STEM_CACHE_WORDS: usize = 1 << 16;

thread_local! {
    static STEM_CACHE: std::cell::RefCell<StemCache> = Default::default();
}

impl TokenStems {
    fn of(&mut self, finder: &ClaimFinder<'_>, index: &CueIndex, t: usize) -> Rc<Stemmed> {
        if self.0.len() < finder.tokens.len() {
            self.0.resize(finder.tokens.len(), None);
        }
        self.0[t]
            .get_or_insert_with(|| {
                let token = &finder.tokens[t];
                let written = &finder.text[token.range.clone()];
                STEM_CACHE.with_borrow_mut(|caches| {
                    let cache = caches.entry(index as *const CueIndex as usize).or_default();
                    if let Some(stemmed) = cache.get(written) {
                        return stemmed.clone();
                    }
                    finder.count(1);
                    let stemmed = Rc::new(index.stem(finder.lexicon, token.folded, written));
                    if cache.len() >= STEM_CACHE_WORDS {
                        cache.clear();
                    }
                    cache.insert(written.to_string(), stemmed.clone());
                    stemmed
                })
            })
            .clone()
    }
}

impl CueIndex {
    /// What stemming a word (`folded`, and `written`) gives.
    fn stem(&self, lexicon: &Lexicon, folded: &str, written: &str) -> Stemmed {
        let Some(stemmer) = &lexicon.stemmer else {
            return Stemmed {
                stems: Vec::new(),
                first_word_of: Vec::new(),
            };
        };
        let own = stemmer.stem(written);
        let found = |stem: &str| self.by_first_stem.get(stem).into_iter().flatten().copied();
        let mut first_word_of: Vec<_> = found(&own).collect();
        let mut stems = vec![own];
        stems.extend(
            self.strip
                .iter()
                .filter(|p| folded.starts_with(p.as_str()))
                .filter_map(|p| stemmer.stem_without(written, p)),
        );
        // "cofondatrices" is read as "fondatrices" only when it is no cue
        // itself ("cofounded" is one).
        if first_word_of.is_empty() && !self.by_first_word.contains_key(folded) {
            first_word_of = stems[1..].iter().flat_map(|s| found(s)).collect();
        }
        Stemmed {
            stems,
            first_word_of,
        }
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
