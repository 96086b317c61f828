//! Every word some reader looks for, with what it may begin, so that each
//! token of an article is looked up once rather than once per reader.
//! (A test checks each class against the list it stands for.)

use rustc_hash::FxHashMap as HashMap;

use super::claims::CueIndex;
use super::name_index::NameIndex;
use crate::lexicon::Lexicon;
use crate::text::tokens::Token;

/// The word begins (or is) the folded spelling of a name or alias.
pub const NAME_START: u8 = 1;
/// A stop word or a name particle ("de", "von").
pub const FUNCTION_WORD: u8 = 2;
/// The first word of a description ("startup", "la").
pub const DESCRIPTION_START: u8 = 4;
/// The first word of a cue of some attribute ("levé", "valorisée").
pub const CUE_START: u8 = 8;
/// A word that may begin a date (the lexicon's `date_first_words`).
pub const DATE_START: u8 = 16;
/// A word of a name of several words: a window of words can be a near miss
/// of such a name only if it holds one of them.
pub const NAME_WORD: u8 = 32;
/// A unit of duration ("ans", "mois"): "un an après" may date an event.
pub const DURATION_UNIT: u8 = 64;

#[derive(Debug, Default)]
pub struct Vocabulary(HashMap<String, u8>);

impl Vocabulary {
    /// The words of the fact base's names, and of one language's lexicon and
    /// cues when there is one.
    pub fn new(names: &NameIndex, lexicon: Option<&Lexicon>, cues: Option<&CueIndex>) -> Self {
        let mut words: HashMap<String, u8> = HashMap::default();
        let mut add = |word: &str, class: u8| {
            *words.entry(word.to_string()).or_default() |= class;
        };
        for prefix in names.prefixes() {
            add(prefix, NAME_START);
        }
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
        }
        for word in cues.into_iter().flat_map(|c| c.by_first_word.keys()) {
            add(word, CUE_START);
        }
        Vocabulary(words)
    }

    /// The classes of a folded word (0 for a word no reader looks for).
    pub fn class(&self, folded: &str) -> u8 {
        self.0.get(folded).copied().unwrap_or(0)
    }

    /// The classes of each token, in order.
    pub fn classes(&self, tokens: &[Token]) -> Vec<u8> {
        tokens.iter().map(|t| self.class(&t.folded)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::rules::RulesLocation;

    #[test]
    fn each_class_stands_for_its_list() {
        let engine = Engine::load(&RulesLocation::Embedded).unwrap();
        let names = &engine.indexes.names;
        for lexicon in engine.lexicons.iter() {
            let cues = &engine.indexes.cues[&lexicon.language];
            let vocabulary = &engine.indexes.vocabularies[&lexicon.language];
            let words = lexicon
                .stopwords
                .iter()
                .chain(&lexicon.date_first_words)
                .chain(lexicon.duration_units.keys())
                .chain(&lexicon.description_first_words)
                .chain(cues.by_first_word.keys())
                .map(String::as_str)
                .chain(names.prefixes())
                .chain(names.name_words())
                .chain(["chat", "paris", "xyzzy", ""]);
            for word in words {
                let class = vocabulary.class(word);
                let has = |bit: u8| class & bit != 0;
                assert_eq!(has(NAME_START), names.may_start(word), "{word}");
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
                assert_eq!(
                    has(DURATION_UNIT),
                    lexicon.duration_units.contains_key(word)
                );
            }
        }
    }
}
