//! The words that pin which event of its subject a claim speaks of: labels
//! ("Series B", "série B", "seed", "amorçage"), ordinals before an event noun
//! ("second tour", "fourth round") and words for the latest ("dernière levée").
//! Labels are given in a canonical form shared by every language, so that a
//! fact's `label: Series B` matches "série B" in a French article.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::token_phrase;
use crate::text::fold::fold;
use crate::values::EventPin;

/// Stands for one letter in a label phrase: `série {letter}`.
const LETTER: &str = "{letter}";

/// The YAML shape of `clauses: events:`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventWordsFile {
    /// Canonical label → the phrases that write it; `{letter}` stands for one
    /// letter, carried over: `series {letter}: [série {letter}]`.
    #[serde(default)]
    pub labels: BTreeMap<String, Vec<String>>,
    /// Ordinal word → its number ("deuxième": 2); it pins an event only
    /// right before one of `nouns`.
    #[serde(default)]
    pub ordinals: BTreeMap<String, u32>,
    /// Words for the latest event, before one of `nouns`.
    #[serde(default)]
    pub latest: Vec<String>,
    /// Nouns of an event ("round", "tour", "levée").
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Words that set another event beside the one named ("après", "after",
    /// "contre"): a pin is not read past them.
    #[serde(default)]
    pub separators: Vec<String>,
}

/// A label phrase: its words, the index of its `{letter}` slot if any, and
/// its canonical form (with the slot).
#[derive(Debug)]
struct LabelPhrase {
    words: Vec<String>,
    slot: Option<usize>,
    canonical: String,
}

/// A label as compared: its folded words joined by one space ("Série  B" →
/// "serie b"), for a fact's label and an article's alike. `{letter}` is kept.
pub fn label_key(label: &str) -> String {
    label_words(label).join(" ")
}

/// A label's folded words, `{letter}` kept as one word.
fn label_words(label: &str) -> Vec<String> {
    label
        .split_whitespace()
        .flat_map(|w| {
            if w == LETTER {
                vec![LETTER.to_string()]
            } else {
                token_phrase(w)
            }
        })
        .collect()
}

/// [`EventWordsFile`] folded into token phrases.
#[derive(Debug, Default)]
pub struct EventWords {
    labels: Vec<LabelPhrase>,
    ordinals: BTreeMap<String, u32>,
    latest: Vec<Vec<String>>,
    nouns: Vec<Vec<String>>,
    separators: Vec<String>,
    /// The first words of labels, ordinals and words for the latest: a token
    /// that is none of these starts no pin (the `{letter}` slot never comes first).
    starts: rustc_hash::FxHashSet<String>,
}

impl EventWords {
    pub fn from_file(file: &EventWordsFile) -> EventWords {
        let mut labels = Vec::new();
        for (canonical, phrases) in &file.labels {
            for phrase in phrases {
                let words = label_words(phrase);
                let slot = words.iter().position(|w| w == LETTER);
                if !words.is_empty() {
                    labels.push(LabelPhrase {
                        words,
                        slot,
                        canonical: label_key(canonical),
                    });
                }
            }
        }
        // Longest first: "tour d'amorçage" before "amorçage".
        labels.sort_by_key(|l| std::cmp::Reverse(l.words.len()));
        let starts = labels
            .iter()
            .filter_map(|l| l.words.first().cloned())
            .chain(file.ordinals.keys().map(|w| fold(w)))
            .chain(
                file.latest
                    .iter()
                    .filter_map(|w| token_phrase(w).into_iter().next()),
            )
            .collect();
        EventWords {
            starts,
            labels,
            ordinals: file.ordinals.iter().map(|(w, n)| (fold(w), *n)).collect(),
            latest: file.latest.iter().map(|w| token_phrase(w)).collect(),
            nouns: file.nouns.iter().map(|w| token_phrase(w)).collect(),
            separators: file.separators.iter().map(|w| fold(w)).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty() && self.ordinals.is_empty() && self.latest.is_empty()
    }

    /// Whether a pin may start at the folded word.
    pub fn may_start(&self, folded: &str) -> bool {
        self.starts.contains(folded)
    }

    /// Whether the folded word sets another event beside the one named.
    pub fn separates(&self, folded: &str) -> bool {
        self.separators.iter().any(|s| s == folded)
    }

    /// The label written by the folded words at `words[at..]`, and how many
    /// words it takes.
    pub fn label_at(&self, words: &[&str], at: usize) -> Option<(String, usize)> {
        self.labels.iter().find_map(|l| {
            let end = at + l.words.len();
            let written = words.get(at..end)?;
            let mut letter = None;
            for (i, (want, got)) in l.words.iter().zip(written).enumerate() {
                if Some(i) == l.slot {
                    let mut chars = got.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) if c.is_alphabetic() => letter = Some(c),
                        _ => return None,
                    }
                } else if want != got {
                    return None;
                }
            }
            let canonical = match letter {
                Some(c) => l.canonical.replace(LETTER, &c.to_string()),
                None => l.canonical.clone(),
            };
            Some((canonical, l.words.len()))
        })
    }

    /// An ordinal or a word for the latest at `words[at..]` followed by an
    /// event noun: the pin, and how many words it takes with its noun.
    pub fn ordinal_at(&self, words: &[&str], at: usize) -> Option<(EventPin, usize)> {
        let noun_after = |from: usize| {
            self.nouns
                .iter()
                .find(|n| {
                    words
                        .get(from..from + n.len())
                        .is_some_and(|w| w == n.as_slice())
                })
                .map(|n| n.len())
        };
        if let Some(n) = words.get(at).and_then(|w| self.ordinals.get(*w)) {
            return noun_after(at + 1).map(|len| (EventPin::Ordinal(*n), 1 + len));
        }
        self.latest.iter().find_map(|l| {
            let written = words.get(at..at + l.len())?;
            (written == l.as_slice())
                .then(|| noun_after(at + l.len()))
                .flatten()
                .map(|len| (EventPin::Latest, l.len() + len))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> EventWords {
        let yaml = "labels:\n  \"series {letter}\": [\"série {letter}\", \"serie {letter}\"]\n  seed: [amorçage, tour d'amorçage]\n\
                    ordinals: {deuxième: 2, second: 2}\nlatest: [dernier, dernière]\nnouns: [tour, levée]\n";
        let file: EventWordsFile = serde_saphyr::from_str(yaml).unwrap();
        EventWords::from_file(&file)
    }

    #[test]
    fn a_label_with_a_letter_reads_as_its_canonical_form() {
        let w = words();
        assert_eq!(
            w.label_at(&["serie", "b"], 0),
            Some(("series b".to_string(), 2))
        );
        assert_eq!(w.label_at(&["serie", "bb"], 0), None);
        assert_eq!(
            w.label_at(&["tour", "d", "amorcage"], 0),
            Some(("seed".to_string(), 3))
        );
    }

    #[test]
    fn an_ordinal_pins_only_before_an_event_noun() {
        let w = words();
        assert_eq!(
            w.ordinal_at(&["deuxieme", "tour"], 0),
            Some((EventPin::Ordinal(2), 2))
        );
        assert_eq!(w.ordinal_at(&["deuxieme", "trimestre"], 0), None);
        assert_eq!(
            w.ordinal_at(&["derniere", "levee"], 0),
            Some((EventPin::Latest, 2))
        );
        assert_eq!(w.ordinal_at(&["dernier", "trimestre"], 0), None);
    }
}
