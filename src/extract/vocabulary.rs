//! Every word some reader looks for, with what it may begin, so that each
//! token of an article is looked up once rather than once per reader.
//! (A test checks each class against the list it stands for.)

use rustc_hash::FxHashMap as HashMap;

use super::cues::CueIndex;
use super::name_index::NameIndex;
use crate::lexicon::Lexicon;
use crate::text::tokens::Token;

/// The word begins (or is) the folded spelling of a name or alias.
pub const NAME_START: u16 = 1;
/// A stop word or a name particle ("de", "von").
pub const FUNCTION_WORD: u16 = 2;
/// The first word of a description ("startup", "la").
pub const DESCRIPTION_START: u16 = 4;
/// The first word of a cue of some attribute ("levé", "valorisée").
pub const CUE_START: u16 = 8;
/// A word that may begin a date (the lexicon's `date_first_words`).
pub const DATE_START: u16 = 16;
/// A word of a name of several words: a window of words can be a near miss
/// of such a name only if it holds one of them.
pub const NAME_WORD: u16 = 32;
/// A unit of duration ("ans", "mois"): "un an après" may date an event.
pub const DURATION_UNIT: u16 = 64;
/// The first word of a conversion connector ("soit", "or"): a figure after
/// such a word may convert the one before.
pub const CONVERSION_START: u16 = 128;
/// The [`date_index`](crate::lexicon::date_index) kinds of a word ("juin" a
/// month, "hier" a relative date) sit above this bit.
const DATE_KINDS_SHIFT: u32 = crate::readers::dates::KINDS_SHIFT;

/// The date kinds within a word's classes.
#[inline]
pub fn date_kinds(class: u16) -> u8 {
    crate::readers::dates::kinds_of_class(class)
}

#[derive(Debug, Default)]
pub struct Vocabulary(HashMap<String, Word>);

/// What the vocabulary knows of a word.
#[derive(Clone, Copy, Debug, Default)]
struct Word {
    class: u16,
    /// The name trie's state after this word alone (0 when it begins no
    /// name): the name reader starts a window there instead of walking it.
    name_state: u32,
}

/// The vocabulary's answer for each token of an article, in order.
pub struct Lookup {
    pub classes: Vec<u16>,
    pub name_states: Vec<u32>,
}

impl Vocabulary {
    /// The words of the fact base's names, and of one language's lexicon and
    /// cues when there is one.
    pub fn new(names: &NameIndex, lexicon: Option<&Lexicon>, cues: Option<&CueIndex>) -> Self {
        let mut words: HashMap<String, Word> = HashMap::default();
        for (prefix, state) in names.prefix_states() {
            words.insert(
                prefix,
                Word {
                    class: NAME_START,
                    name_state: state,
                },
            );
        }
        let mut add = |word: &str, class: u16| {
            words.entry(word.to_string()).or_default().class |= class;
        };
        for word in names.name_words() {
            add(word, NAME_WORD);
        }
        if let Some(lexicon) = lexicon {
            for word in lexicon.stopwords.iter().chain(&lexicon.name_particles) {
                add(word, FUNCTION_WORD);
            }
            for word in &lexicon.description_first_words {
                add(word, DESCRIPTION_START);
            }
            for word in &lexicon.date_first_words {
                add(word, DATE_START);
            }
            for word in lexicon.duration_units.keys() {
                add(word, DURATION_UNIT);
            }
            for phrase in &lexicon.conversion_connectors {
                add(&phrase[0], CONVERSION_START);
            }
            for (word, kind) in lexicon.date_index.kinds() {
                add(word, u16::from(kind) << DATE_KINDS_SHIFT);
            }
        }
        for word in cues.into_iter().flat_map(|c| c.by_first_word.keys()) {
            add(word, CUE_START);
        }
        Vocabulary(words)
    }

    /// The classes of a folded word (0 for a word no reader looks for).
    pub fn class(&self, folded: &str) -> u16 {
        self.0.get(folded).map_or(0, |w| w.class)
    }

    /// The name trie's state after a folded word alone (0 if it begins no name).
    pub fn name_state(&self, folded: &str) -> u32 {
        self.0.get(folded).map_or(0, |w| w.name_state)
    }

    /// Each token looked up once.
    pub fn look_up(&self, tokens: &[Token]) -> Lookup {
        let mut classes = Vec::with_capacity(tokens.len());
        let mut name_states = Vec::with_capacity(tokens.len());
        for token in tokens {
            let word = self.0.get(token.folded).copied().unwrap_or_default();
            classes.push(word.class);
            name_states.push(word.name_state);
        }
        Lookup {
            classes,
            name_states,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Indexes;
    use crate::extract::name_index::FoldTrie;
    use crate::lexicon::date_index;
    use crate::rules::{self, RulesLocation};
    use crate::source::SourceMap;

    #[test]
    fn each_class_stands_for_its_list() {
        let loaded = rules::load(&RulesLocation::Embedded, &mut SourceMap::default()).unwrap();
        let indexes = Indexes::new(&loaded.facts, &loaded.lexicons);
        let names = &indexes.names;
        for lexicon in loaded.lexicons.iter() {
            let cues = &indexes.cues[&lexicon.language];
            let vocabulary = &indexes.vocabularies[&lexicon.language];
            let prefixes = names.prefixes();
            let words = lexicon
                .stopwords
                .iter()
                .chain(&lexicon.date_first_words)
                .chain(lexicon.duration_units.keys())
                .chain(&lexicon.description_first_words)
                .chain(cues.by_first_word.keys())
                .chain(lexicon.conversion_connectors.iter().map(|c| &c[0]))
                .map(String::as_str)
                .chain(lexicon.date_index.kinds().map(|(w, _)| w))
                .chain(prefixes.iter().map(String::as_str))
                .chain(names.name_words())
                .chain(["chat", "paris", "xyzzy", ""]);
            for word in words {
                let class = vocabulary.class(word);
                let has = |bit: u16| class & bit != 0;
                assert_eq!(has(NAME_START), names.may_start(word), "{word}");
                assert_eq!(
                    vocabulary.name_state(word),
                    names.walk(FoldTrie::ROOT, word).unwrap_or_default(),
                    "{word}"
                );
                assert_eq!(has(NAME_WORD), names.is_name_word(word), "{word}");
                assert_eq!(
                    has(FUNCTION_WORD),
                    lexicon.stopwords.contains(word) || lexicon.name_particles.contains(word),
                    "{word}"
                );
                assert_eq!(
                    has(DESCRIPTION_START),
                    lexicon.description_first_words.contains(word)
                );
                assert_eq!(has(CUE_START), cues.by_first_word.contains_key(word));
                assert_eq!(has(DATE_START), lexicon.date_first_words.contains(word));
                let index = &lexicon.date_index;
                let kinds = date_kinds(class);
                let kind = |k: u8| kinds & k != 0;
                assert_eq!(kind(date_index::MONTH), index.month(word).is_some());
                assert_eq!(kind(date_index::WEEKDAY), index.weekday(word).is_some());
                assert_eq!(
                    kind(date_index::RELATIVE),
                    !index.relative_dates.get(word).is_empty()
                );
                assert_eq!(
                    kind(date_index::PART),
                    !index.period_parts.get(word).is_empty()
                );
                assert_eq!(
                    kind(date_index::QUARTER),
                    !index.quarters.get(word).is_empty()
                );
                assert_eq!(
                    has(DURATION_UNIT),
                    lexicon.duration_units.contains_key(word)
                );
                assert_eq!(
                    has(CONVERSION_START),
                    lexicon.conversion_connectors.iter().any(|c| c[0] == word)
                );
            }
        }
    }
}
