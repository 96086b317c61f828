//! What a language says about the shape of a clause and how it is stated:
//! words that open an aside between commas, words that make a claim something
//! other than a statement of fact, the endings of the conditional mood, and
//! the words of amounts that no attribute describes.

use rustc_hash::FxHashSet as HashSet;
use serde::Deserialize;

use super::{Phrases, longest_first, token_phrase};
use crate::text::fold::fold;
use crate::values::Modality;

/// The YAML shape of a lexicon's `clauses:` section.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseWordsFile {
    /// First words of an aside between commas: relative pronouns,
    /// determiners, possessives ("Acme, its rival, raised …").
    #[serde(default)]
    pub aside_openers: Vec<String>,
    /// First words of a fronted phrase ended by a comma ("According to
    /// the wire, …", "Selon la presse, …").
    #[serde(default)]
    pub adverbial_openers: Vec<String>,
    /// Words that put the agent of a passive after it ("accumulés par X").
    #[serde(default)]
    pub agent_markers: Vec<String>,
    /// Anaphors by what they stand for: `latter` (the last entity named: "the
    /// latter", "ce dernier") or `former` ("the former"). One written with a
    /// trailing comma ("le second,") stands only before a comma: "le second
    /// tour" is a round.
    #[serde(default)]
    pub anaphors: std::collections::BTreeMap<String, Vec<String>>,
    /// Words after an amount that put who gives it next ("€1.5 billion from
    /// Globex"): the subject of an attribute with an object (an investor).
    #[serde(default)]
    pub giver_markers: Vec<String>,
    /// Relative pronouns: a run after a comma that opens with one is about
    /// the name before the comma ("Nova, qui a levé …").
    #[serde(default)]
    pub relative_pronouns: Vec<String>,
    /// Prepositions before a noun phrase that names its person last ("founded
    /// by former Hooli researcher Jean Martin").
    #[serde(default)]
    pub prepositions: Vec<String>,
    /// Determiners that may stand between such a preposition and its noun.
    #[serde(default)]
    pub determiners: Vec<String>,
    /// Phrases by modality (`reported`, `intended`, `conditional`, `negated`).
    #[serde(default)]
    pub modality: std::collections::BTreeMap<String, Vec<String>>,
    /// Endings of verbs in the conditional mood, matched on the word as
    /// written (lower-cased, accents kept: "espérait" is not "-erait").
    #[serde(default)]
    pub conditional_endings: Vec<String>,
    /// Words with such an ending that are not conditionals.
    #[serde(default)]
    pub not_conditional: Vec<String>,
    /// Words of amounts no attribute describes (a contract, revenue, a fortune):
    /// an amount whose nearest cue is one of them makes no claim.
    #[serde(default)]
    pub non_claim_cues: Vec<String>,
    /// Words that pin which event a claim speaks of (see [`super::event_words`]).
    #[serde(default)]
    pub events: super::event_words::EventWordsFile,
    /// Words that share a clause's amounts among several holders
    /// ("respectively"): none of them is the one entity before the clause.
    #[serde(default)]
    pub distributive: Vec<String>,
    /// Words that make a value hold for each of a group of subjects ("tous
    /// trois anciens de Hooli", "all three former Hooli researchers"), where
    /// it otherwise holds for one of them.
    #[serde(default)]
    pub each_of_them: Vec<String>,
    /// Words that make a name after a determiner a likeness, not a mention:
    /// "the Globex of machine learning", "le Globex de la défense" speak of
    /// another company in Globex's terms.
    #[serde(default)]
    pub likeness_of: Vec<String>,
    /// Possessive determiners: "sa fondation", "its home town" speak of the
    /// subject of their clause, not of the nearest name.
    #[serde(default)]
    pub possessives: Vec<String>,
    /// Words that make the amount right after them a part of the one before
    /// ("€41 million in total, including €25 million in October"): a part of
    /// a total is not a total.
    #[serde(default)]
    pub part_markers: Vec<String>,
    /// Words that place a state at another time than the article's without a
    /// date ("now", "désormais"; and every [`time_past`](Self::time_past)
    /// phrase): such a value is not compared with the article's other values
    /// of that state.
    #[serde(default)]
    pub time_shift: Vec<String>,
    /// Words that place a state in the past without a date ("at the time",
    /// "à l'époque"): a figure an earlier fact gave is right, not outdated.
    #[serde(default)]
    pub time_past: Vec<String>,
}

/// What an anaphor stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anaphor {
    /// The last entity named.
    Latter,
    /// The one named before it.
    Former,
}

/// [`ClauseWordsFile`] folded into token phrases.
#[derive(Debug, Default)]
pub struct ClauseWords {
    pub aside_openers: Vec<Vec<String>>,
    pub adverbial_openers: Vec<Vec<String>>,
    pub agent_markers: Vec<Vec<String>>,
    pub relative_pronouns: Vec<Vec<String>>,
    /// Longest first, each with whether a comma must follow it.
    pub anaphors: Phrases<(Anaphor, bool)>,
    pub giver_markers: Vec<Vec<String>>,
    pub prepositions: Vec<Vec<String>>,
    /// Folded.
    pub determiners: Vec<String>,
    /// Longest first.
    pub modality: Phrases<Modality>,
    pub conditional_endings: Vec<String>,
    pub not_conditional: Vec<String>,
    pub non_claim_cues: Vec<Vec<String>>,
    pub events: super::event_words::EventWords,
    /// Folded.
    pub distributive: Vec<String>,
    pub each_of_them: Vec<Vec<String>>,
    /// Folded.
    pub likeness_of: Vec<String>,
    /// Folded.
    pub possessives: Vec<String>,
    pub part_markers: Vec<Vec<String>>,
    pub time_shift: Vec<Vec<String>>,
    pub time_past: Vec<Vec<String>>,
    /// The first words of the modality phrases and of the non-claim cues,
    /// and the folded last three letters of the conditional endings: a word
    /// that is none of these is skipped without comparing any phrase.
    pub modality_first: HashSet<String>,
    pub non_claim_first: HashSet<String>,
    pub ending_tails: Vec<String>,
}

impl ClauseWords {
    pub fn from_file(file: &ClauseWordsFile) -> Result<ClauseWords, String> {
        let phrases = |words: &[String]| -> Vec<Vec<String>> {
            words
                .iter()
                .map(|w| token_phrase(w))
                .filter(|p| !p.is_empty())
                .collect()
        };
        let mut modality = Vec::new();
        for (name, words) in &file.modality {
            let m = Modality::parse(name).ok_or_else(|| {
                format!(
                    "unknown modality `{name}` (expected {})",
                    Modality::NOT_ASSERTED.map(Modality::name).join(", ")
                )
            })?;
            modality.extend(words.iter().map(|w| (token_phrase(w), m)));
        }
        let first_words = |phrases: &[Vec<String>]| -> HashSet<String> {
            phrases.iter().filter_map(|p| p.first().cloned()).collect()
        };
        let non_claim_cues = phrases(&file.non_claim_cues);
        let modality_phrases: Vec<Vec<String>> = modality.iter().map(|(p, _)| p.clone()).collect();
        let mut ending_tails: Vec<String> = file
            .conditional_endings
            .iter()
            .map(|e| {
                let folded = fold(e);
                let chars: Vec<char> = folded.chars().collect();
                chars[chars.len().saturating_sub(3)..].iter().collect()
            })
            .collect();
        ending_tails.sort();
        ending_tails.dedup();
        let mut anaphors = Vec::new();
        for (name, words) in &file.anaphors {
            let kind = match name.as_str() {
                "latter" => Anaphor::Latter,
                "former" => Anaphor::Former,
                _ => {
                    return Err(format!(
                        "unknown anaphor `{name}` (expected latter, former)"
                    ));
                }
            };
            anaphors.extend(
                words
                    .iter()
                    .map(|w| (token_phrase(w), (kind, w.trim_end().ends_with(',')))),
            );
        }
        Ok(ClauseWords {
            anaphors: longest_first(anaphors),
            modality_first: first_words(&modality_phrases),
            non_claim_first: first_words(&non_claim_cues),
            ending_tails,
            aside_openers: phrases(&file.aside_openers),
            adverbial_openers: phrases(&file.adverbial_openers),
            agent_markers: phrases(&file.agent_markers),
            relative_pronouns: phrases(&file.relative_pronouns),
            giver_markers: phrases(&file.giver_markers),
            prepositions: phrases(&file.prepositions),
            determiners: file.determiners.iter().map(|w| fold(w)).collect(),
            modality: longest_first(modality),
            conditional_endings: file
                .conditional_endings
                .iter()
                .map(|e| e.to_lowercase())
                .collect(),
            not_conditional: file.not_conditional.iter().map(|w| fold(w)).collect(),
            non_claim_cues,
            events: super::event_words::EventWords::from_file(&file.events),
            distributive: file.distributive.iter().map(|w| fold(w)).collect(),
            each_of_them: phrases(&file.each_of_them),
            likeness_of: file.likeness_of.iter().map(|w| fold(w)).collect(),
            possessives: file.possessives.iter().map(|w| fold(w)).collect(),
            part_markers: phrases(&file.part_markers),
            time_shift: phrases(&file.time_shift),
            time_past: phrases(&file.time_past),
        })
    }

    /// Whether `word` (as written, `folded` once folded) is a verb in the
    /// conditional mood.
    pub fn is_conditional(&self, word: &str, folded: &str) -> bool {
        if !self
            .ending_tails
            .iter()
            .any(|t| folded.ends_with(t.as_str()))
        {
            return false;
        }
        let lower = word.to_lowercase();
        self.conditional_endings
            .iter()
            .any(|e| lower.len() >= e.len() && lower.ends_with(e.as_str()))
            && !self.not_conditional.contains(&fold(&lower))
    }
}
