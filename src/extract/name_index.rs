//! Every name, alias and `not:` phrase of the fact base, folded and indexed for
//! matching against article text.

use compact_str::CompactString;
use rustc_hash::FxHashMap as HashMap;

use crate::rules::{EntityIdx, EntityKind, FactBase, Written};
use crate::text::fold::{fold, skeleton, surface};
use crate::text::tokens::folded_words;

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
    /// The phonetic skeleton of each token, computed once.
    pub skeletons: Vec<String>,
    /// The length of each token in characters.
    pub lengths: Vec<usize>,
    /// All tokens folded and concatenated: the key of fold-equality.
    pub folded: String,
    /// One ordinary-looking word ("Acme", "Paris"): in lower case it is that
    /// ordinary word, not a misspelt name.
    pub simple_word: bool,
    /// One word in capitals ("EU", "IBM"): in lower case it is an ordinary word.
    pub acronym: bool,
}

#[derive(Debug, Default)]
pub struct NameIndex {
    pub forms: Vec<NameForm>,
    /// Forms of several words, by one of their folded words: a near miss must
    /// share one word exactly with the form.
    by_word: HashMap<String, Vec<usize>>,
    /// One-word forms by first letter, and by skeleton: where near misses are
    /// looked for. Only forms a lone word may be a near miss of are kept: not
    /// people's (a surname alone is too short a context), and long enough for a
    /// letter's difference (7 letters) or a shared skeleton (5).
    by_first: HashMap<char, Vec<usize>>,
    by_skeleton: HashMap<String, Vec<usize>>,
    /// For a first letter shared by more than [`FEW`] one-word forms: those
    /// forms by the hash of each spelling left after deleting up to as many
    /// letters as they may differ by ([`edits_allowed`]). Two words within
    /// that many edits (transpositions included) share such a spelling, so a
    /// lone word finds its candidates in a few lookups however large the fact
    /// base: without it, a base of 100,000 one-word company names made every
    /// capitalised word walk thousands of them.
    by_deletion: HashMap<u64, Vec<usize>>,
    /// Every form's folded spelling as a byte trie: a window whose words,
    /// joined, begin none cannot become fold-equal to any form. The words are
    /// walked through it one after the other without being joined into a string.
    trie: FoldTrie,
    /// The most tokens any form has.
    pub max_tokens: usize,
}

impl NameIndex {
    pub fn new(facts: &FactBase) -> Self {
        let mut index = NameIndex::default();
        for (idx, entity) in facts.entities.iter().enumerate() {
            let person = entity.kind == EntityKind::Person;
            index.add(idx, person, FormRole::Name, &entity.name);
            for alias in &entity.aliases {
                index.add(idx, person, FormRole::Alias, alias);
            }
            for not in &entity.not {
                index.add(idx, person, FormRole::Not, not);
            }
        }
        index.index_deletions();
        index
    }

    /// Fills [`by_deletion`](Self::by_deletion) for the crowded first letters.
    fn index_deletions(&mut self) {
        for list in self.by_first.values().filter(|l| l.len() > FEW) {
            for &id in list {
                let chars: Vec<char> = self.forms[id].tokens[0].chars().collect();
                let depth = edits_allowed(chars.len());
                for_each_deletion(&chars, depth, &mut |key| {
                    let ids = self.by_deletion.entry(key).or_default();
                    if ids.last() != Some(&id) {
                        ids.push(id);
                    }
                });
            }
        }
    }

    fn add(&mut self, entity: EntityIdx, person: bool, role: FormRole, written: &Written) {
        let text = &written.text;
        let tokens: Vec<String> = folded_words(text, 0..text.len());
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
        self.trie.insert(&folded, id);
        let length = tokens[0].chars().count();
        if tokens.len() == 1 {
            if let Some(c) = tokens[0].chars().next().filter(|_| !person && length >= 7) {
                self.by_first.entry(c).or_default().push(id);
            }
            if !person && length >= 5 {
                self.by_skeleton.entry(skeleton(text)).or_default().push(id);
            }
        } else {
            for word in &tokens {
                let list = self.by_word.entry(word.clone()).or_default();
                if list.last() != Some(&id) {
                    list.push(id);
                }
            }
        }
        self.forms.push(NameForm {
            entity,
            role,
            written: written.clone(),
            surface: surface(text).into_owned(),
            skeletons: tokens.iter().map(|t| skeleton(t)).collect(),
            lengths: tokens.iter().map(|t| t.chars().count()).collect(),
            tokens,
            folded,
            simple_word,
            acronym,
        });
    }

    /// Whether words folded and joined into `folded` may begin a form ("hoo"
    /// begins "hooli"; a short word may be completed by the next one, "Hoo Li").
    pub fn may_start(&self, folded: &str) -> bool {
        !folded.is_empty() && self.walk(FoldTrie::ROOT, folded).is_some()
    }

    /// Every (non-empty) prefix of every form's folded spelling, once.
    pub fn prefixes(&self) -> Vec<String> {
        self.trie.prefixes().into_iter().map(|(p, _)| p).collect()
    }

    /// [`prefixes`](Self::prefixes) with the trie state each ends at.
    pub fn prefix_states(&self) -> Vec<(String, u32)> {
        self.trie.prefixes()
    }

    /// The trie state after the folded words so far and then `word`, if some
    /// form's folded spelling begins so. Start from [`FoldTrie::ROOT`].
    pub fn walk(&self, state: u32, word: &str) -> Option<u32> {
        self.trie.walk(state, word)
    }

    /// Forms whose folded spelling ends at trie state `state` (in form order).
    pub fn forms_at(&self, state: u32) -> &[usize] {
        &self.trie.nodes[state as usize].forms
    }

    /// Whether `folded` is a word of some form of several words.
    pub fn is_name_word(&self, folded: &str) -> bool {
        self.by_word.contains_key(folded)
    }

    /// Every word of every form of several words.
    pub fn name_words(&self) -> impl Iterator<Item = &str> {
        self.by_word.keys().map(String::as_str)
    }

    /// The forms a window of folded words may be a near miss of, in form order:
    /// for several words, those of as many words sharing one with it; for one
    /// word (whose skeleton `skeleton` gives), those with its first letter or
    /// its skeleton.
    pub fn near_candidates(
        &self,
        words: &[&str],
        skeleton: impl FnOnce() -> CompactString,
    ) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        if let [word] = words {
            match word.chars().next().and_then(|c| self.by_first.get(&c)) {
                Some(list) if list.len() > FEW => {
                    let chars: Vec<char> = word.chars().collect();
                    for_each_deletion(&chars, MOST_EDITS, &mut |key| {
                        if let Some(ids) = self.by_deletion.get(&key) {
                            out.extend(ids);
                        }
                    });
                }
                Some(list) => out.extend(list),
                None => {}
            }
            if !self.by_skeleton.is_empty()
                && let Some(list) = self.by_skeleton.get(skeleton().as_str())
            {
                out.extend(list);
            }
        } else {
            for word in words {
                if let Some(list) = self.by_word.get(*word) {
                    out.extend(
                        list.iter()
                            .filter(|f| self.forms[**f].tokens.len() == words.len()),
                    );
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// How many one-word forms of one first letter are walked one by one; past
/// that, they are found through [`NameIndex::by_deletion`].
const FEW: usize = 64;

/// The most letters a lone word may differ by from a one-word form.
const MOST_EDITS: usize = 2;

/// How many edits a one-word form of `length` letters may be away from a
/// misspelling of it (the mention finder's rule: none under 7 letters, one up
/// to 10, two beyond).
pub fn edits_allowed(length: usize) -> usize {
    match length {
        0..=6 => 0,
        7..=10 => 1,
        _ => MOST_EDITS,
    }
}

/// Calls `found` with the hash of `chars` and of every spelling left after
/// deleting up to `depth` of its letters (duplicates may repeat).
fn for_each_deletion(chars: &[char], depth: usize, found: &mut impl FnMut(u64)) {
    debug_assert!(depth <= MOST_EDITS);
    use std::hash::{Hash, Hasher};
    let hash = |kept: &mut dyn Iterator<Item = &char>| {
        let mut hasher = rustc_hash::FxHasher::default();
        kept.for_each(|c| c.hash(&mut hasher));
        hasher.finish()
    };
    found(hash(&mut chars.iter()));
    if depth == 0 {
        return;
    }
    for i in 0..chars.len() {
        found(hash(
            &mut chars
                .iter()
                .enumerate()
                .filter(|(k, _)| *k != i)
                .map(|(_, c)| c),
        ));
        if depth >= 2 {
            for j in i + 1..chars.len() {
                found(hash(
                    &mut chars
                        .iter()
                        .enumerate()
                        .filter(|(k, _)| *k != i && *k != j)
                        .map(|(_, c)| c),
                ));
            }
        }
    }
}

/// A byte trie of folded spellings.
#[derive(Debug)]
pub struct FoldTrie {
    nodes: Vec<TrieNode>,
    /// The root's edges by byte (0: none): every word starts there.
    root: Box<[u32; 256]>,
}

#[derive(Debug, Default)]
struct TrieNode {
    /// (byte, node), sorted by byte.
    next: Vec<(u8, u32)>,
    /// Forms whose folded spelling ends here, in form order.
    forms: Vec<usize>,
}

impl Default for FoldTrie {
    fn default() -> Self {
        FoldTrie {
            nodes: vec![TrieNode::default()],
            root: Box::new([0; 256]),
        }
    }
}

impl FoldTrie {
    /// The state before any word.
    pub const ROOT: u32 = 0;

    fn insert(&mut self, folded: &str, form: usize) {
        let mut state = Self::ROOT as usize;
        for &b in folded.as_bytes() {
            let node = &self.nodes[state];
            state = match node.next.binary_search_by_key(&b, |e| e.0) {
                Ok(k) => node.next[k].1 as usize,
                Err(k) => {
                    let id = self.nodes.len();
                    self.nodes[state].next.insert(k, (b, id as u32));
                    self.nodes.push(TrieNode::default());
                    id
                }
            };
        }
        self.nodes[state].forms.push(form);
        for &(b, node) in &self.nodes[Self::ROOT as usize].next {
            self.root[b as usize] = node;
        }
    }

    /// Every path from the root that ends on a character boundary, with the
    /// state it ends at.
    fn prefixes(&self) -> Vec<(String, u32)> {
        let mut out = Vec::new();
        let mut stack: Vec<(u32, Vec<u8>)> = vec![(Self::ROOT, Vec::new())];
        while let Some((state, bytes)) = stack.pop() {
            for &(b, next) in &self.nodes[state as usize].next {
                let mut longer = bytes.clone();
                longer.push(b);
                if let Ok(prefix) = std::str::from_utf8(&longer) {
                    out.push((prefix.to_string(), next));
                }
                stack.push((next, longer));
            }
        }
        out
    }

    fn walk(&self, mut state: u32, word: &str) -> Option<u32> {
        let mut bytes = word.as_bytes();
        if state == Self::ROOT
            && let Some((&first, rest)) = bytes.split_first()
        {
            state = self.root[first as usize];
            if state == Self::ROOT {
                return None;
            }
            bytes = rest;
        }
        for &b in bytes {
            let next = &self.nodes[state as usize].next;
            state = next.iter().find(|e| e.0 == b)?.1;
        }
        Some(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Indexes;
    use crate::rules::{self, RulesLocation};
    use crate::source::SourceMap;

    #[test]
    fn the_trie_holds_every_form_and_only_prefixes_of_forms() {
        let loaded = rules::load(&RulesLocation::Embedded, &mut SourceMap::default()).unwrap();
        let indexes = Indexes::new(&loaded.facts, &loaded.lexicons);
        let index = &indexes.names;
        for (id, form) in index.forms.iter().enumerate() {
            assert!(
                index
                    .walk(FoldTrie::ROOT, &form.folded)
                    .is_some_and(|state| index.forms_at(state).contains(&id)),
                "{}",
                form.surface
            );
        }
        // The trie's prefixes are those of the forms' spellings, cut between characters.
        let mut wanted: Vec<String> = index
            .forms
            .iter()
            .flat_map(|f| {
                f.folded
                    .char_indices()
                    .map(|(i, c)| f.folded[..i + c.len_utf8()].to_string())
            })
            .collect();
        wanted.sort();
        wanted.dedup();
        let mut prefixes = index.prefixes();
        prefixes.sort();
        assert_eq!(prefixes, wanted);
        let past_a_form = format!("{}zz", index.forms[0].folded);
        for word in ["xyzzy", "q", past_a_form.as_str()] {
            assert_eq!(
                index.walk(FoldTrie::ROOT, word).is_some(),
                index.may_start(word),
                "{word}"
            );
        }
    }

    /// A fact base of `n` one-word companies, all starting with K.
    fn crowded(n: usize) -> FactBase {
        const SYLLABLES: [&str; 12] = [
            "ka", "lo", "mi", "ra", "ven", "tor", "bel", "sa", "dor", "fen", "gal", "nex",
        ];
        let mut yaml = String::from("entities:\n");
        for i in 0..n {
            let mut name = String::from("K");
            let mut rest = i;
            for _ in 0..4 {
                name.push_str(SYLLABLES[rest % 12]);
                rest /= 12;
            }
            yaml.push_str(&format!("- {{id: c{i}, kind: org, name: {name}}}\n"));
        }
        let location = RulesLocation::Memory(vec![("all.yaml".into(), yaml)]);
        rules::load(&location, &mut SourceMap::default())
            .unwrap()
            .facts
    }

    /// In a crowded first letter, a lone word's candidates come from the
    /// deletion index: few of them, and every form within its allowed edits
    /// among them (what walking the whole letter would have found).
    #[test]
    fn a_crowded_letter_is_searched_by_deletions_without_losing_a_near_miss() {
        let facts = crowded(2000);
        let index = NameIndex::new(&facts);
        let one_word: Vec<usize> = (0..index.forms.len())
            .filter(|&f| index.forms[f].tokens.len() == 1 && index.forms[f].lengths[0] >= 7)
            .collect();
        assert!(one_word.len() > FEW);
        let mut most = 0;
        for (n, &f) in one_word.iter().enumerate().step_by(37) {
            let name = index.forms[f].tokens[0].clone();
            // A letter dropped, one doubled, two swapped, one replaced.
            let mut chars: Vec<char> = name.chars().collect();
            match n % 4 {
                0 => {
                    chars.remove(3);
                }
                1 => chars.insert(3, chars[3]),
                2 => chars.swap(2, 3),
                _ => chars[4] = 'z',
            }
            let word: String = chars.into_iter().collect();
            let candidates = index.near_candidates(&[word.as_str()], || "".into());
            most = most.max(candidates.len());
            for &g in &one_word {
                let form = &index.forms[g].tokens[0];
                let d = crate::text::distance::osa_distance(&word, form);
                if d <= edits_allowed(index.forms[g].lengths[0]) {
                    assert!(candidates.contains(&g), "{word} misses {form} at {d}");
                }
            }
        }
        assert!(most < 50, "{most} candidates for one word");
    }
}
