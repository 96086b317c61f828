//! Every word some reader looks for, with what it may begin, so that each
//! token of an article is looked up once rather than once per reader.

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
        if let Some(lexicon) = lexicon {
            for word in lexicon.stopwords.iter().chain(&lexicon.name_particles) {
                add(word, FUNCTION_WORD);
            }
            for word in &lexicon.description_first_words {
                add(word, DESCRIPTION_START);
            }
        }
        for word in cues.into_iter().flat_map(|c| c.by_first_word.keys()) {
            add(word, CUE_START);
        }
        Vocabulary(words)
    }

    /// The classes of each token, in order.
    pub fn classes(&self, tokens: &[Token]) -> Vec<u8> {
        tokens
            .iter()
            .map(|t| self.0.get(t.folded.as_str()).copied().unwrap_or(0))
            .collect()
    }
}
