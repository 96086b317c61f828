//! Stems: the form under which the inflections of a word compare equal
//! ("levait", "levée" and "lever" all give "lev"), by the Snowball stemmer a
//! lexicon names (`stemmer: french`), so that cue words need not list every
//! form and a new language needs no code.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

use super::fold::{fold, is_invisible, is_separator};

/// The Snowball algorithms, by the name a lexicon gives.
const ALGORITHMS: &[(&str, Algorithm)] = &[
    ("arabic", Algorithm::Arabic),
    ("danish", Algorithm::Danish),
    ("dutch", Algorithm::Dutch),
    ("english", Algorithm::English),
    ("finnish", Algorithm::Finnish),
    ("french", Algorithm::French),
    ("german", Algorithm::German),
    ("greek", Algorithm::Greek),
    ("hungarian", Algorithm::Hungarian),
    ("italian", Algorithm::Italian),
    ("norwegian", Algorithm::Norwegian),
    ("portuguese", Algorithm::Portuguese),
    ("romanian", Algorithm::Romanian),
    ("russian", Algorithm::Russian),
    ("spanish", Algorithm::Spanish),
    ("swedish", Algorithm::Swedish),
    ("tamil", Algorithm::Tamil),
    ("turkish", Algorithm::Turkish),
];

/// A Snowball stemmer whose stems are folded, to compare with folded words.
pub struct WordStemmer {
    name: &'static str,
    stemmer: Stemmer,
}

impl std::fmt::Debug for WordStemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "WordStemmer({})", self.name)
    }
}

impl WordStemmer {
    /// The stemmer of that name (`french`, `english`…), if Snowball has one.
    pub fn named(name: &str) -> Option<WordStemmer> {
        ALGORITHMS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(name, algorithm)| WordStemmer {
                name,
                stemmer: Stemmer::create(algorithm),
            })
    }

    /// The names a lexicon may give, for a message.
    pub fn names() -> impl Iterator<Item = &'static str> {
        ALGORITHMS.iter().map(|(n, _)| *n)
    }

    /// The folded stem of a word as written (any case, accents kept).
    /// Snowball reads accents ("levée" → "lev", while "levee" → "leve"), so a
    /// word is stemmed before it is folded, never after.
    pub fn stem(&self, word: &str) -> String {
        self.stem_lower(&lower(word))
    }

    /// The folded stem of `word` read without the glued `prefix` (folded) it
    /// starts with ("cofondatrices" → that of "fondatrices"), when at least
    /// three letters are left.
    pub fn stem_without(&self, word: &str, prefix: &str) -> Option<String> {
        let lower = lower(word);
        let cut = lower
            .char_indices()
            .map(|(i, _)| i)
            .skip(1)
            .find(|&i| fold(&lower[..i]) == prefix)?;
        let rest = &lower[cut..];
        (rest.chars().count() >= 3).then(|| self.stem_lower(rest))
    }

    fn stem_lower(&self, lower: &str) -> String {
        match self.stemmer.stem(lower) {
            Cow::Borrowed(s) if s.is_ascii() => s.to_string(),
            Cow::Owned(s) if s.is_ascii() => s,
            stem => fold(&stem),
        }
    }

    /// The stems a cue word matches: that of the word as written, and that of
    /// the word without its accents, which an article that drops them gives
    /// ("levee" → "leve").
    pub fn cue_stems(&self, word: &str) -> Vec<String> {
        let mut stems = vec![self.stem(word)];
        let plain = self.stem(&fold(word));
        if !stems.contains(&plain) {
            stems.push(plain);
        }
        stems
    }
}

/// A word in lower case, composed, without separators or invisible
/// characters: what a Snowball stemmer reads.
fn lower(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return Cow::Borrowed(word);
    }
    word.nfc()
        .filter(|c| !is_invisible(*c) && !is_separator(*c))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_stem_and_accents_are_read_before_folding() {
        let fr = WordStemmer::named("french").unwrap();
        for word in ["levée", "levait", "lever", "Lève", "LEVÉS"] {
            assert_eq!(fr.stem(word), "lev", "{word}");
        }
        assert_eq!(fr.stem("valorisait"), fr.stem("valorisée"));
        assert_eq!(fr.cue_stems("levée"), ["lev", "leve"]);
        let en = WordStemmer::named("english").unwrap();
        assert_eq!(en.stem("values"), en.stem("valued"));
        assert!(WordStemmer::named("klingon").is_none());
        assert_eq!(
            fr.stem_without("Co-fondatrices", "co").as_deref(),
            Some(fr.stem("fondatrice").as_str())
        );
        assert_eq!(fr.stem_without("cou", "co"), None);
    }
}
