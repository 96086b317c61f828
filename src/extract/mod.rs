//! From text to what it claims: tokens, entity mentions, unknown proper names.
//! Later stages add quantities, dates and claims.

pub mod claim;
pub mod claims;
mod clause;
mod clause_subject;
pub mod conversions;
pub mod cues;
mod datelines;
mod described_events;
mod event_pin;
mod glued;
pub mod markdown;
pub mod mask;
pub mod mentions;
mod modality;
pub mod name_index;
pub mod proper_names;
mod references;
pub mod relations;
pub mod sentences;
pub mod suppressions;
pub mod vocabulary;
pub mod windows;

use crate::lexicon::{Lexicon, Lexicons};
use crate::readers::amounts::AmountReader;
use crate::readers::dates::{DateMention, DateReader};
use crate::rules::FactBase;
use crate::source::{Article, SourceMap};
use crate::text::tokens::Token;

pub use claim::{Claim, ClaimValue, ClaimedMoney, MoneyClaim};
pub use conversions::StatedConversion;
pub use mentions::{Match, Mention};
pub use name_index::NameIndex;
pub use proper_names::ProperName;

/// Everything extracted from one article.
#[derive(Debug)]
pub struct Extraction {
    pub article: Article,
    /// The mentions spelt unlike the fact base (what `name-variant` reports).
    /// The others serve the claim finder and are dropped: kept, they were a
    /// quarter of the memory of a large archive and slowed it by 4 %.
    pub name_variants: Vec<Mention>,
    pub proper_names: Vec<ProperName>,
    /// Every claim: the money claims, then those whose value is an entity, a
    /// date or an age, then the durations since a dated event ("moins d'un an
    /// après sa création"); each kind in reading order.
    pub claims: Vec<Claim>,
    /// Amounts given with their conversion into another currency, in
    /// reading order, whoever they are about.
    pub conversions: Vec<StatedConversion>,
    /// Dates written in the article, resolved against its date.
    pub dates: Vec<DateMention>,
    /// `<!-- claimcheck: allow … -->` comments.
    pub suppressions: Vec<suppressions::Suppression>,
    /// The body's sentences ([`sentences::sentences`]), when the claim
    /// finder cut them: a check that needs them does not cut them again.
    pub sentences: Option<Vec<std::ops::Range<usize>>>,
}

/// Indexes built once from the fact base and lexicons, shared by every extraction.
#[derive(Debug)]
pub struct Indexes {
    pub names: NameIndex,
    /// Every language's currency words, symbols and codes.
    pub currencies: crate::lexicon::currency_index::CurrencyIndex,
    /// Cue words by language.
    pub cues: rustc_hash::FxHashMap<String, cues::CueIndex>,
    /// The words of names, lexicon and cues by language; `names_only` for a
    /// language without a lexicon.
    pub vocabularies: rustc_hash::FxHashMap<String, vocabulary::Vocabulary>,
    pub names_only: vocabulary::Vocabulary,
}

impl Indexes {
    pub fn new(facts: &FactBase, lexicons: &Lexicons) -> Self {
        let names = NameIndex::new(facts);
        let cues: rustc_hash::FxHashMap<String, cues::CueIndex> = lexicons
            .iter()
            .map(|l| (l.language.clone(), cues::CueIndex::new(facts, l)))
            .collect();
        let vocabularies = lexicons
            .iter()
            .map(|l| {
                let vocabulary =
                    vocabulary::Vocabulary::new(&names, Some(l), cues.get(&l.language));
                (l.language.clone(), vocabulary)
            })
            .collect();
        Indexes {
            names_only: vocabulary::Vocabulary::new(&names, None, None),
            names,
            currencies: Lexicon::all_currencies(lexicons),
            cues,
            vocabularies,
        }
    }
}

/// What extraction reads: the fact base, the lexicons and their indexes.
pub struct Extractor<'a> {
    pub facts: &'a FactBase,
    pub lexicons: &'a Lexicons,
    pub indexes: &'a Indexes,
}

impl<'a> Extractor<'a> {
    pub fn new(facts: &'a FactBase, lexicons: &'a Lexicons, indexes: &'a Indexes) -> Self {
        Extractor {
            facts,
            lexicons,
            indexes,
        }
    }

    /// Extracts from `article`, whose body's `tokens` (all of them, masks
    /// included) the caller made once for language detection and date
    /// inference as well.
    pub fn extract(&self, map: &SourceMap, article: Article, mut tokens: Vec<Token>) -> Extraction {
        let file = map.get(article.file);
        let text = &file.text;
        let mut masks = mask::not_prose(text, article.body.clone(), &tokens);
        if markdown::is_markdown(&file.name) {
            let markup = markdown::not_prose(text, article.body.clone());
            if !markup.is_empty() {
                masks = mask::union(masks, markup);
            }
        }
        if !masks.is_empty() {
            tokens.retain(|t| !mask::is_masked(&masks, &t.range));
        }
        let lexicon = self.lexicons.get(&article.lang);
        let tokens = glued::split_word_prefixes(text, tokens, lexicon);
        let vocabulary::Lookup {
            classes,
            name_states,
        } = self
            .indexes
            .vocabularies
            .get(&article.lang)
            .unwrap_or(&self.indexes.names_only)
            .look_up(&tokens);
        let mentions = mentions::MentionFinder {
            text,
            tokens: &tokens,
            classes: &classes,
            name_states: &name_states,
            index: &self.indexes.names,
            facts: self.facts,
            lexicon,
        }
        .find();
        let proper_names = proper_names::find(text, &tokens, &mentions, lexicon);
        let dates = match lexicon {
            Some(lexicon) => DateReader {
                lexicon,
                anchor: article.date.as_ref().map(|d| d.range.last),
            }
            .read_where(
                text,
                &tokens,
                |i| classes[i] & vocabulary::DATE_START != 0,
                crate::readers::dates::Kinds::Classes(&classes),
            ),
            None => Vec::new(),
        };
        let (dates, year_free_dates): (Vec<_>, Vec<_>) =
            dates.into_iter().partition(|d| !d.year_free);
        let (claims, conversions, sentences) = match lexicon {
            Some(lexicon) => {
                let mut finder = claims::ClaimFinder {
                    text,
                    body: article.body.clone(),
                    tokens: &tokens,
                    classes: &classes,
                    masks: &masks,
                    mentions: &mentions,
                    facts: self.facts,
                    lexicon,
                    lang: &article.lang,
                    reader: AmountReader {
                        lexicon,
                        currencies: &self.indexes.currencies,
                    },
                    date: article.date.as_ref().map(|d| d.range),
                    dates: &dates,
                    year_free_dates: &year_free_dates,
                    cue_index: self.indexes.cues.get(&article.lang),
                    cache: Default::default(),
                };
                let mut claims = finder.find();
                claims.extend(finder.find_relations());
                claims.extend(finder.find_elapsed());
                described_events::follow_events(text, self.facts, &dates, &mut claims);
                datelines::redate(text, &tokens, &dates, lexicon, &mut claims);
                let mut conversions = finder.find_conversions();
                datelines::redate_conversions(text, &tokens, &dates, lexicon, &mut conversions);
                let sentences = finder.cache.written_sentences.take();
                (claims, conversions, sentences)
            }
            None => (Vec::new(), Vec::new(), None),
        };
        let suppressions = suppressions::find(text, article.body.clone());
        // A fresh vector: filtering in place would keep the whole allocation.
        let mut name_variants = Vec::new();
        name_variants.extend(mentions.iter().filter(|m| m.matched.is_reported()).cloned());
        Extraction {
            article,
            name_variants,
            proper_names,
            claims,
            conversions,
            dates,
            suppressions,
            sentences,
        }
    }
}

impl Extraction {
    /// The claims stated as facts: the only ones checks look at (a report,
    /// an intention, a conditional or a denial is shown by `claims` only).
    pub fn asserted(&self) -> impl Iterator<Item = &Claim> {
        self.claims
            .iter()
            .filter(|c| c.modality == crate::values::Modality::Asserted)
    }

    /// The asserted money claims with their amounts, in reading order.
    pub fn money_claims(&self) -> impl Iterator<Item = MoneyClaim<'_>> {
        self.asserted().filter_map(Claim::as_money)
    }

    /// The asserted claims whose value is an entity, a date or an age, in
    /// reading order.
    pub fn relation_claims(&self) -> impl Iterator<Item = &Claim> {
        self.asserted().filter(|c| c.is_relation())
    }

    /// The claims whose value is an entity, a date, an age or a count that
    /// facts are compared with, in reading order: the asserted ones, and
    /// the reports, plans and conditionals (compared with facts the fact base
    /// marks `reported` only); not denials.
    pub fn judged_relation_claims(&self) -> impl Iterator<Item = &Claim> {
        self.claims
            .iter()
            .filter(|c| c.is_relation() && c.modality != crate::values::Modality::Negated)
    }
}
