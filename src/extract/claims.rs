//! From amounts to claims: a cue word, a subject, an optional object and a value
//! in one sentence. "Globex, qui a investi près de 15 millions d'euros dans
//! Acme AI" is an investment by Globex in Acme AI of [13.5, 15.5] M EUR.

use std::ops::Range;

use super::claim::{Claim, ClaimValue, ClaimedMoney};
use super::clause::{Sentence, clause_of, containing, in_aside, spells};
use super::clause_subject::Agent;
use super::cues::{CueHit, CueIndex};
use super::mentions::Mention;
use super::modality::modality;
use super::references::Ref;
use super::sentences::{paragraphs as paragraphs_of, sentences};
use super::windows::{CueWindows, Earlier, Forward, ParagraphCurrencies, cap_sentences};
use crate::lexicon::Lexicon;
use crate::readers::amounts::AmountReader;
use crate::readers::counts::CountReader;
use crate::readers::dates::DateMention;
use crate::rules::{Attribute, EntityIdx, FactBase, ValueType};
use crate::text::endings::Endings;
use crate::text::lexemes::{Lexeme, lex};
use crate::text::tokens::Token;
use crate::values::DateRange;
use crate::values::{Amount, Count};

pub struct ClaimFinder<'a> {
    pub text: &'a str,
    pub body: Range<usize>,
    pub tokens: &'a [Token<'a>],
    /// The [`vocabulary`](super::vocabulary) classes of the tokens.
    pub classes: &'a [u16],
    /// Parts of the text that are not prose (see [`super::mask`]).
    pub masks: &'a [Range<usize>],
    pub mentions: &'a [Mention],
    pub facts: &'a FactBase,
    pub lexicon: &'a Lexicon,
    pub lang: &'a str,
    pub reader: AmountReader<'a>,
    pub date: Option<DateRange>,
    pub dates: &'a [DateMention],
    /// Dates written without a year in an article without a date
    /// ([`DateMention::year_free`]): only an event's date value reads them.
    pub year_free_dates: &'a [DateMention],
    /// The cue words of the article's language, indexed by first word.
    pub cue_index: Option<&'a CueIndex>,
    /// What the claim readers share, computed once.
    pub cache: FinderCache,
}

/// References, sentences and cue words of one article, computed on first use.
#[derive(Default)]
pub struct FinderCache {
    refs: std::cell::OnceCell<Vec<Ref>>,
    sentences: std::cell::OnceCell<Vec<Sentence>>,
    /// The sentences as [`sentences`] cuts them (before long ones are
    /// capped): handed to the extraction, for the checks that need them.
    pub(super) written_sentences: std::cell::OnceCell<Vec<Range<usize>>>,
    pub(super) cues: std::cell::OnceCell<Vec<CueHit>>,
    /// The most words a date of the article spans.
    longest_date: std::cell::OnceCell<usize>,
    /// Candidates examined (see [`crate::text::work`]), added up once per article.
    examined: std::cell::Cell<u64>,
}

impl Drop for FinderCache {
    fn drop(&mut self) {
        crate::text::work::add(self.examined.get());
    }
}

impl ClaimFinder<'_> {
    /// The money claims, then the count claims, of the article.
    pub fn find(&self) -> Vec<Claim> {
        let cues = self.cues(ValueType::Money);
        let amounts = self.amounts_near(&cues);
        let mut claims = self.claims_of(&cues, amounts.into_iter().map(Reading::Money).collect());
        let counts = self.counts();
        if !counts.is_empty() {
            claims.extend(self.claims_of(&[], counts));
        }
        claims
    }

    /// The claims of values read in the text: an amount takes the nearest cue
    /// of `cues`; a count is its own cue, its unit telling the attribute.
    fn claims_of(&self, cues: &[CueHit], readings: Vec<Reading>) -> Vec<Claim> {
        let sentences = self.sentences();
        let refs = self.refs();
        let cue_windows = CueWindows::new(cues);
        let amounts: Vec<Range<usize>> = readings.iter().map(|r| r.range().clone()).collect();
        // Paragraphs matter only to an amount without a currency: cut on demand.
        let paragraphs = std::cell::OnceCell::new();
        let mut currencies = ParagraphCurrencies::default();
        let mut earlier = Earlier::default();
        let mut claims: Vec<Claim> = Vec::new();
        // Amounts are in reading order: their sentence (with its tokens and
        // references) is found by stepping on from the last amount's.
        let mut next_sentence = Forward::default();
        let mut last_clause: Option<(Range<usize>, Vec<Range<usize>>)> = None;
        for reading in readings {
            let amount = reading.range().clone();
            let at = amount.start;
            let sentence = next_sentence.partition_point(sentences, |s| s.range.end <= at);
            let Some(sentence) = sentences.get(sentence).filter(|s| s.range.start <= at) else {
                continue;
            };
            let sentence_range = &sentence.range;
            let sentence_tokens = sentence.tokens.clone();
            let Range { start: first, end } =
                self.tokens_between(&sentence_tokens, amount.start, amount.end);
            let in_sentence_refs = &refs[sentence.refs.clone()];
            // Amounts of one clause share its cut (most sentences hold a few).
            if !last_clause
                .as_ref()
                .is_some_and(|(c, _)| c.contains(&first) && end <= c.end)
            {
                let clause = clause_of(self.text, self.tokens, &sentence_tokens, first);
                let asides = self.asides(&clause, in_sentence_refs);
                last_clause = Some((clause, asides));
            }
            let (clause, asides) = last_clause.as_ref().expect("cut above");
            let clause = clause.clone();
            // "To date, Acme has raised …": a cue in a phrase put before the
            // subject belongs to the clause, its comma notwithstanding.
            let fronted = asides
                .first()
                .filter(|a| a.start == clause.start && a.end <= first);
            let cue = match &reading {
                Reading::Count(_, cue) => cue.clone(),
                Reading::Money(_) => {
                    let part = self.after_part_marker(first, &sentence_tokens);
                    let Some((cue, score)) =
                        self.best_cue(&cue_windows, first, end, &sentence_tokens, fronted, part)
                    else {
                        continue;
                    };
                    // "un contrat de 269 millions": the nearest cue is one no
                    // attribute has; "a contract worth €12 million": the cue
                    // describes one.
                    if self.non_claim_cue_nearer(first, end, &sentence_tokens, score)
                        || self.non_claim_cue_governs(&cue.tokens, first)
                    {
                        continue;
                    }
                    // "un montant cumulé de 1,4 milliard" after contracts: a
                    // total is of the events its sentence names ("a levé …
                    // au total"); a total of nothing it sums claims nothing.
                    if let Some(summed) = self.facts.attributes[cue.attribute].sums
                        && !cue_windows
                            .starting_in(sentence_tokens.clone())
                            .any(|(_, c)| c.attribute == summed)
                    {
                        continue;
                    }
                    cue.clone()
                }
            };
            let cue = &cue;
            let attribute = &self.facts.attributes[cue.attribute];
            let anchor = cue.tokens.start.min(first);
            let value_tokens = first..end;
            let fronted_holder = asides
                .first()
                .filter(|a| a.start == clause.start && a.start <= first && end <= a.end);
            let aside = |r: &Ref| in_aside(asides, &value_tokens, r.token);
            let allowed = |r: &&Ref| may_be_subject(self.facts, attribute, r);
            let marked = |r: &Ref| self.after_object_marker(r.token);
            // Among the entities a description (or, failing any, the context)
            // may stand for, prefer one the fact base knows this attribute of.
            let choose = |alternatives: &[EntityIdx]| {
                alternatives
                    .iter()
                    .copied()
                    .find(|e| self.facts.facts_about(*e, cue.attribute).next().is_some())
                    .or_else(|| alternatives.first().copied())
            };
            let pick = |r: &Ref| {
                let entity = if r.described {
                    choose(&r.alternatives)
                } else {
                    Some(r.entity)
                };
                entity.map(|entity| {
                    (
                        Ref {
                            entity,
                            ..r.clone()
                        },
                        r.described,
                    )
                })
            };
            // "les 60 milliards accumulés par Globex": the passive's agent.
            // "les 60 milliards accumulés par Globex", "105 millions apportés
            // par Initech": a passive's agent may be who raised or who gave;
            // unless it is the subject found otherwise, who the amount is
            // about is unsure.
            let agent = match self.passive_agent(end, &clause, &cue_windows, in_sentence_refs) {
                Some(Agent::Unknown) => continue,
                Some(Agent::Known(r)) => Some(r.entity),
                None => None,
            };
            // "…, Nova, qui a bouclé une levée de 220 millions": the antecedent,
            // unless the relative clause names the subject itself ("…,
            // qui investit dans la startup valorisée à 2 milliards").
            let relative = self.relative_antecedent(first, &clause, in_sentence_refs);
            // The nearest reference before the cue (or the amount) in the
            // clause, asides stepped over; else before the clause; else after
            // the amount. References are in reading order.
            let before_anchor = in_sentence_refs.partition_point(|r| r.token < anchor);
            let in_clause = in_sentence_refs[..before_anchor]
                .iter()
                .rev()
                .take_while(|r| r.token >= clause.start)
                .inspect(|_| self.count(1))
                .filter(|r| !aside(r))
                // "It is backed by Globex and raised …": a passive's agent is
                // not who the clause's next verb is about.
                .filter(|r| !self.agent_of_earlier_verb(r, anchor))
                .filter(allowed)
                .find(|r| !(attribute.has_object && marked(r)));
            let antecedent = match relative {
                Some((opens, _)) if in_clause.is_some_and(|r| r.token >= opens) => None,
                Some((_, Agent::Unknown)) => continue,
                Some((_, Agent::Known(r))) => Some(r).filter(allowed),
                None => None,
            };
            // "Globex et Initech entrent au capital ; le second apporte 40
            // millions": an anaphor in the clause stands for a name before it.
            let anaphor = in_clause
                .is_none()
                .then(|| {
                    let before_clause = &in_sentence_refs
                        [..in_sentence_refs.partition_point(|r| r.token < clause.start)];
                    self.anaphor_antecedent(
                        &clause,
                        anchor,
                        asides,
                        &value_tokens,
                        before_clause,
                        |r| allowed(&r),
                    )
                })
                .flatten();
            // A name the fact base does not know, nearer than any it knows: the
            // clause is about someone else ("Globex, sa rivale, a levé …").
            let known_end = in_clause.map_or(clause.start, |r| {
                self.tokens_between(&sentence_tokens, r.range.end, usize::MAX)
                    .start
            });
            if antecedent.is_none()
                && anaphor.is_none()
                && (self.unknown_name_between(
                    known_end,
                    anchor,
                    asides,
                    &value_tokens,
                    sentence_tokens.start,
                    in_sentence_refs,
                ) || in_clause.is_none()
                    && self.clause_names_someone_else(&clause, anchor, asides, &value_tokens))
            {
                continue;
            }
            // "a $60 million funding round in Acme AI": for an attribute
            // without an object, the company the cue goes into is the subject.
            // "led a $60 million investment into Acme AI": past the amount
            // when the cue stands before it.
            let into_from = cue.tokens.end.max(end);
            let cue_into = (!attribute.has_object)
                .then(|| {
                    let at = in_sentence_refs.partition_point(|r| r.token < into_from);
                    in_sentence_refs[at..]
                        .iter()
                        .take_while(|r| r.token <= into_from + 3)
                        .find(|r| {
                            self.after_object_marker(r.token)
                                && self.words_within(
                                    self.tokens[into_from - 1].range.end,
                                    r.range.start,
                                ) <= 2
                        })
                })
                .flatten()
                .filter(allowed);
            // "€1.5 billion from Globex, the largest investor": for an
            // attribute with an object, who gives comes after a giver marker.
            let giver = attribute
                .has_object
                .then(|| self.giver_after(end, in_sentence_refs))
                .flatten()
                .filter(allowed);
            let subject = antecedent
                .or(giver)
                .or(cue_into)
                .or(in_clause)
                .or(anaphor)
                .and_then(pick)
                .or_else(|| {
                    in_sentence_refs[..before_anchor]
                        .iter()
                        .rev()
                        .skip_while(|r| r.token >= clause.start)
                        .inspect(|_| self.count(1))
                        .filter(|r| !self.agent_of_earlier_verb(r, anchor))
                        .filter(allowed)
                        .find(|r| !(attribute.has_object && marked(r)))
                        .and_then(pick)
                })
                .or_else(|| {
                    // "Avec 12 millions levés, elle …": a value in a
                    // phrase put before the subject is about that subject,
                    // named right after the phrase or not at all.
                    let (from, to) = match fronted_holder {
                        Some(f) => (f.end, (f.end + 3).min(clause.end)),
                        None => (end, clause.end),
                    };
                    in_sentence_refs[in_sentence_refs.partition_point(|r| r.token < from)..]
                        .iter()
                        .take_while(|r| r.token < to)
                        .inspect(|_| self.count(1))
                        // "raised €60 million, led by Globex": the agent of
                        // another participle than the amount's own.
                        .filter(|r| !self.after_agent_marker(r.token) || agent == Some(r.entity))
                        .filter(allowed)
                        .find(|r| !(attribute.has_object && marked(r)))
                        .and_then(pick)
                })
                .or_else(|| {
                    // The entities referred to before the sentence, latest first.
                    self.count(earlier.advance(refs, sentence_range.start));
                    let latest = earlier.latest_first(|e| {
                        attribute.subject_kinds.contains(&self.facts.entity(e).kind)
                    });
                    self.count(latest.len());
                    let entities: Vec<EntityIdx> = latest.iter().map(|(e, _)| *e).collect();
                    let entity = choose(&entities)?;
                    let at = latest.iter().find(|(e, _)| *e == entity)?.1;
                    Some((
                        Ref {
                            entity,
                            ..refs[at].clone()
                        },
                        true,
                    ))
                });
            let Some((subject, inferred)) = subject else {
                continue;
            };
            // "…, and Orvel and Tansk. (They raised €16 million and €7 million,
            // respectively)": the amounts are of several holders the clause
            // does not name, not of the one entity found before it.
            if inferred
                && self.tokens[clause.clone()].iter().any(|t| {
                    self.lexicon
                        .clauses
                        .distributive
                        .iter()
                        .any(|w| w == t.folded)
                })
            {
                continue;
            }
            if agent.is_some_and(|a| a != subject.entity) {
                continue;
            }
            let object = attribute.has_object.then(|| {
                in_sentence_refs
                    .iter()
                    .filter(|r| r.entity != subject.entity && marked(r))
                    .map(|r| r.entity)
                    .next()
            });
            let cue_range = self.tokens[cue.tokens.start].range.start
                ..self.tokens[cue.tokens.end - 1].range.end;
            let clause_date = self.clause_date(sentence, &amount, &amounts);
            // The amounts of the sentence right before and right after this one.
            let previous = amounts[..amounts.partition_point(|a| a.start < at)]
                .last()
                .filter(|a| a.end <= at);
            let next = amounts[amounts.partition_point(|a| a.start < amount.end)..].first();
            // Words before the value count from the conjunction that joins
            // it to the clause's previous amount, if any, on.
            let since = previous
                .and_then(|a| {
                    let between = self.tokens_between(&sentence_tokens, a.end, at);
                    between.clone().rev().find(|&i| {
                        self.lexicon
                            .list_conjunctions
                            .iter()
                            .any(|c| c == self.tokens[i].folded)
                    })
                })
                .map_or(clause.start, |i| (i + 1).max(clause.start));
            // "€50m ($54m)", "€50m, soit 54 M$": the amount in parentheses
            // or after a connector word right after another.
            let conversion = previous.is_some_and(|p| self.joins_conversion(p.end, at));
            // The event named between the amounts on either side, in the
            // clause; only an event has several to choose from.
            let is_event =
                self.facts.attributes[cue.attribute].kind == crate::rules::AttrKind::Event;
            let pin = is_event
                .then(|| {
                    let before = previous.map_or(clause.start, |a| {
                        self.tokens_between(&sentence_tokens, a.start, a.end)
                            .end
                            .max(clause.start)
                    });
                    let after = next.map_or(clause.end, |a| {
                        self.tokens_between(&sentence_tokens, a.start, a.end)
                            .start
                            .min(clause.end)
                    });
                    super::event_pin::pin_near(
                        self.tokens,
                        before..after.max(before),
                        &value_tokens,
                        asides,
                        &self.lexicon.clauses.events,
                    )
                })
                .flatten();
            // "was valued at €240M at the time … today it is worth €2B": a
            // state whose clause says it is of another time.
            let spelled_in_clause = |phrases: &[Vec<String>]| {
                clause.clone().any(|i| {
                    phrases
                        .iter()
                        .any(|p| spells(self.tokens, i, p, clause.end))
                })
            };
            let words = &self.lexicon.clauses;
            let time_past = !is_event && spelled_in_clause(&words.time_past);
            let time_shift = time_past || (!is_event && spelled_in_clause(&words.time_shift));
            let without_currency = matches!(&reading, Reading::Money(a) if a.currency.is_none());
            let value = match reading {
                Reading::Money(amount) => ClaimValue::Money(ClaimedMoney {
                    amount,
                    currency_from: None,
                    conversion,
                    pin,
                    time_shift,
                    time_past,
                }),
                Reading::Count(count, _) => ClaimValue::Count(count),
            };
            let mut claim = Claim {
                subject: subject.entity,
                other_subjects: Vec::new(),
                each_subject: false,
                subject_at: subject.range.clone(),
                subject_inferred: inferred,
                attribute: cue.attribute,
                object: object.flatten(),
                value_at: amount.clone(),
                value,
                cue: cue_range,
                date: clause_date.map(|d| d.date).or(self.date),
                date_at: clause_date.map(|d| d.range.clone()),
                modality: modality(
                    self.text,
                    self.tokens,
                    &clause,
                    asides,
                    &value_tokens,
                    since,
                    &self.lexicon.clauses,
                ),
            };
            if without_currency {
                let paragraphs =
                    paragraphs.get_or_init(|| paragraphs_of(self.text, self.body.clone()));
                self.count(currencies.advance(&claims, paragraphs));
                currencies.inherit(&mut claim, &claims, paragraphs);
            }
            claims.push(claim);
        }
        claims
    }

    /// The counts of the sentences that name a unit counted by an attribute
    /// of the fact base ("60 salariés", "a 12-billion-parameter model"), each
    /// with its attribute as its cue; the rest of the text is not lexed.
    fn counts(&self) -> Vec<Reading> {
        let attribute_of = |unit: &str| {
            self.facts.attributes.iter().position(|a| {
                // A count its cues state ("actionnaire majoritaire") is read
                // from its cues, not from every figure of its unit.
                a.value == ValueType::Count
                    && a.unit.as_deref() == Some(unit)
                    && a.implied.is_none()
            })
        };
        // A unit's last word ends a token: "salariés", "12-billion-parameter".
        let units = Endings::new(
            self.lexicon
                .count_units
                .iter()
                .filter(|(_, unit)| attribute_of(unit).is_some())
                .filter_map(|(phrase, _)| phrase.last().map(String::as_str)),
        );
        if units.is_empty() {
            return Vec::new();
        }
        let sentences = self.sentences();
        let mut wanted: Vec<usize> = Vec::new();
        // Only the words that may end as a unit are compared (and counted).
        let mut compared = 0;
        for (k, sentence) in sentences.iter().enumerate() {
            if self.tokens[sentence.tokens.clone()].iter().any(|t| {
                units.may_end(t.folded) && {
                    compared += 1;
                    units.ends(t.folded)
                }
            }) {
                wanted.push(k);
            }
        }
        self.count(compared);
        let reader = CountReader {
            lexicon: self.lexicon,
        };
        let mut out = Vec::new();
        let mut folds = String::new();
        for s in wanted {
            let lexemes = self.lexemes_of(&sentences[s], &mut folds);
            for count in reader.read(self.text, &lexemes) {
                let Some(attribute) = attribute_of(&count.unit) else {
                    continue;
                };
                let tokens = self.tokens_within(count.range.start, count.range.end);
                if tokens.is_empty() {
                    continue;
                }
                let cue = CueHit {
                    tokens,
                    attribute,
                    priority: 0,
                };
                out.push(Reading::Count(count, cue));
            }
        }
        out
    }

    /// A sentence's lexemes, masked text (URLs, a chart's axis) left out.
    pub(super) fn lexemes_of<'f>(
        &'f self,
        sentence: &Sentence,
        folds: &'f mut String,
    ) -> Vec<Lexeme<'f>> {
        let mut lexemes = lex(self.text, sentence.range.clone(), folds);
        if !self.masks.is_empty() {
            lexemes.retain(|l| !super::mask::is_masked(self.masks, &l.range));
        }
        lexemes
    }

    /// The amounts of the sentences that hold a money cue: no other amount can
    /// make a claim, so the rest of the text is neither lexed nor read.
    fn amounts_near(&self, cues: &[CueHit]) -> Vec<Amount> {
        let sentences = self.sentences();
        let mut wanted: Vec<usize> = cues
            .iter()
            .filter_map(|c| containing(sentences, self.tokens[c.tokens.start].range.start))
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut amounts = Vec::new();
        let mut folds = String::new();
        for s in wanted {
            let lexemes = self.lexemes_of(&sentences[s], &mut folds);
            amounts.extend(self.reader.read(self.text, &lexemes));
        }
        amounts
    }

    /// The date written in the amount's clause: just after it ("385 millions en
    /// décembre 2023", no punctuation between) or before it in the same clause
    /// ("le premier en juin, où elle a récupéré 105 millions"; not across `:`, `;`
    /// or another amount).
    pub(super) fn clause_date(
        &self,
        sentence: &Sentence,
        amount: &Range<usize>,
        amounts: &[Range<usize>],
    ) -> Option<&DateMention> {
        let sentence_tokens = &sentence.tokens;
        let sentence = &sentence.range;
        const AFTER_REACH: usize = 6;
        const BEFORE_REACH: usize = 12;
        let dates = self.dates;
        let words_within = |a, b| self.tokens_between(sentence_tokens, a, b).len();
        // Dates are in reading order. Going away from the amount, the words
        // and punctuation between only grow: the first date too far or past
        // a comma ends the search.
        let mut after = None;
        for d in &dates[dates.partition_point(|d| d.range.start < amount.end)..] {
            self.count(1);
            if d.range.start >= sentence.end
                || words_within(amount.end, d.range.start) > AFTER_REACH
                || self.text[amount.end..d.range.start].contains([',', ';', ':'])
                // "valued at €150 million and raised €30 million in January":
                // the date is the second amount's (a conversion in
                // parentheses is the same amount).
                || self.other_amount_between(amounts, amount.end, d.range.start)
            {
                break;
            }
            if d.range.end <= sentence.end {
                after = Some(d);
                break;
            }
        }
        after.or_else(|| {
            // The words between a date's end and the amount are at least those
            // between its start and the amount less its own words; a date of
            // n bytes has at most (n + 1) / 2 words (a byte between two).
            let longest = *self.cache.longest_date.get_or_init(|| {
                dates
                    .iter()
                    .map(|d| d.range.len().div_ceil(2))
                    .max()
                    .unwrap_or(0)
            });
            dates[..dates.partition_point(|d| d.range.start < amount.start)]
                .iter()
                .rev()
                .inspect(|_| self.count(1))
                .take_while(|d| {
                    d.range.start >= sentence.start
                        && words_within(d.range.start, amount.start) <= BEFORE_REACH + longest
                })
                .find(|d| {
                    d.range.end <= amount.start
                        && words_within(d.range.end, amount.start) <= BEFORE_REACH
                        && !self.text[d.range.end..amount.start].contains([';', ':'])
                        // "En décembre, 385 M€ ; puis 105 M€": a date belongs to the amount after it.
                        && !amount_between(amounts, d.range.end, amount.start)
                        // "l'entreprise née en 2016 a levé 235 millions": the
                        // founding's date, not the round's.
                        && !self.dates_other_cue(self.tokens_within(d.range.start, d.range.end).start)
                })
        })
    }

    /// The reference named right after a giver marker ("from", "de la part
    /// de") that follows the amount ending before token `end`.
    fn giver_after<'r>(&self, end: usize, refs: &'r [Ref]) -> Option<&'r Ref> {
        let marker = self
            .lexicon
            .clauses
            .giver_markers
            .iter()
            .find(|m| spells(self.tokens, end, m, usize::MAX))?;
        let at = end + marker.len();
        let gap = &self.text[self.tokens[end - 1].range.end..self.tokens[end].range.start];
        if gap.contains([',', ';', ':', '.', '(', ')']) {
            return None;
        }
        refs.get(refs.partition_point(|r| r.token < at))
            .filter(|r| r.token == at)
    }

    /// Whether an object marker ("dans", "in") stands right before token `at`,
    /// possibly with one article between ("dans la startup").
    fn after_object_marker(&self, at: usize) -> bool {
        self.lexicon.object_markers.iter().any(|marker| {
            (0..=2).any(|gap| {
                at.checked_sub(marker.len() + gap)
                    .is_some_and(|start| spells(self.tokens, start, marker, usize::MAX))
            })
        })
    }

    /// Adds `n` candidates examined to the article's count.
    pub(super) fn count(&self, n: usize) {
        let examined = &self.cache.examined;
        examined.set(examined.get() + n as u64);
    }

    /// The tokens that lie wholly within bytes `a..b` (empty when none).
    pub(super) fn tokens_within(&self, a: usize, b: usize) -> Range<usize> {
        // Tokens are sorted and disjoint: those inside `a..b` are one run.
        let first = self.tokens.partition_point(|t| t.range.start < a);
        let end = self.tokens.partition_point(|t| t.range.end <= b);
        first..end
    }

    /// [`tokens_within`](Self::tokens_within) for bytes `a..b` inside the
    /// tokens `within` (a sentence's): searched among those only, which in a
    /// long article stay in the cache.
    fn tokens_between(&self, within: &Range<usize>, a: usize, b: usize) -> Range<usize> {
        let tokens = &self.tokens[within.clone()];
        let first = tokens.partition_point(|t| t.range.start < a);
        let end = tokens.partition_point(|t| t.range.end <= b);
        within.start + first..within.start + end
    }

    /// How many tokens lie wholly within bytes `a..b`.
    pub(super) fn words_within(&self, a: usize, b: usize) -> usize {
        self.tokens_within(a, b).len()
    }

    /// Mentions and descriptions in reading order. A description ("la startup
    /// française") stands for the last entity named of its kind and nationality.
    /// The article's references (computed once).
    pub(super) fn refs(&self) -> &[Ref] {
        self.cache.refs.get_or_init(|| self.references())
    }

    /// The article's sentences with their tokens, references and dates
    /// (computed once).
    pub(super) fn sentences(&self) -> &[Sentence] {
        self.cache.sentences.get_or_init(|| {
            let written = sentences(self.text, self.body.clone());
            let ranges = cap_sentences(written.clone(), self.tokens);
            let _ = self.cache.written_sentences.set(written);
            super::clause::sentences(&ranges, self.tokens, self.refs(), self.dates)
        })
    }
}

impl ClaimFinder<'_> {
    /// Whether an amount other than a conversion (in parentheses, after a
    /// connector word) of the one before it lies wholly within bytes `a..b`.
    fn other_amount_between(&self, amounts: &[Range<usize>], a: usize, b: usize) -> bool {
        let from = amounts.partition_point(|x| x.start < a);
        amounts[from..]
            .iter()
            .take_while(|x| x.end <= b)
            .enumerate()
            .any(|(k, x)| {
                let before = if k == 0 { a } else { amounts[from + k - 1].end };
                !self.joins_conversion(before, x.start)
            })
    }
}

/// Whether one of `amounts` (in reading order, none inside another) lies
/// wholly within bytes `a..b`: the first that starts from `a` ends first.
fn amount_between(amounts: &[Range<usize>], a: usize, b: usize) -> bool {
    amounts
        .get(amounts.partition_point(|x| x.start < a))
        .is_some_and(|x| x.end <= b)
}

/// A value read in the text that may make a claim.
enum Reading {
    Money(Amount),
    /// A count and its cue: the words of the count itself.
    Count(Count, CueHit),
}

impl Reading {
    fn range(&self) -> &Range<usize> {
        match self {
            Reading::Money(a) => &a.range,
            Reading::Count(c, _) => &c.range,
        }
    }
}

/// Whether `r` names an entity of a kind that may be the subject of `attribute`.
pub(super) fn may_be_subject(facts: &FactBase, attribute: &Attribute, r: &Ref) -> bool {
    attribute
        .subject_kinds
        .contains(&facts.entity(r.entity).kind)
}

/// The distinct entities of `refs`, the most recently named first.
pub(super) fn latest_first(refs: &[&Ref]) -> Vec<EntityIdx> {
    let mut out = Vec::new();
    for r in refs.iter().rev() {
        if !out.contains(&r.entity) {
            out.push(r.entity);
        }
    }
    out
}
