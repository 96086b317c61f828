//! Claims whose value is an entity, a date or an age: "L'entrepreneur, passé par
//! Hooli" (a former employer), "fondée en avril 2023" (a founding date), "PDG de
//! 31 ans" (an age, checked against a birth date).

use std::ops::Range;

use super::claim::{Claim, ClaimValue};
use super::claims::{ClaimFinder, latest_first, may_be_subject};
use super::clause::{Sentence, containing, spells};
use super::references::Ref;
use super::vocabulary::DURATION_UNIT;
use super::windows::{CueWindows, Earlier};
use crate::readers::dates::DateMention;
use crate::rules::{AttrIdx, EntityIdx, ValueType};

/// How many words may separate a cue from its value.
const VALUE_REACH: usize = 4;

impl ClaimFinder<'_> {
    /// Claims whose value is an entity, a date or an age, in reading order.
    pub fn find_relations(&self) -> Vec<Claim> {
        let sentences = self.sentences();
        let refs = self.refs();
        let mut out = Vec::new();
        // Counts are read here only where a cue states one ("majority shareholder").
        let implied = self.facts.attributes.iter().any(|a| a.implied.is_some());
        for value_type in [ValueType::Entity, ValueType::Date, ValueType::Count] {
            if value_type == ValueType::Count && !implied {
                continue;
            }
            'cues: for cue in self.cues(value_type) {
                let Some(sentence) =
                    containing(sentences, self.tokens[cue.tokens.start].range.start)
                else {
                    continue;
                };
                let sentence = &sentences[sentence];
                let s = sentence.range.clone();
                let attribute = &self.facts.attributes[cue.attribute];
                // "led by" says who led a round only where the sentence speaks
                // of one before it ("raised …, led by", "its first round, led
                // by"): in "Acme AI, led by a former Hooli researcher" it does not.
                if let Some(event) = attribute.describes
                    && !self.has_cue_within(event, sentence.tokens.start..cue.tokens.start)
                {
                    continue;
                }
                let cue_range = self.tokens[cue.tokens.start].range.start
                    ..self.tokens[cue.tokens.end - 1].range.end;
                // "sa ville d'origine, Trévanne": after a possessive, the cue
                // is a noun, and its value may follow as an apposition.
                let possessive = self.after_possessive(cue.tokens.start);
                // "joined Hooli, the search firm, in 2018": an attribute with an
                // object names it right after the cue, and its date after it.
                let mut object = None;
                let values: Vec<(ClaimValue, Range<usize>)> = match value_type {
                    ValueType::Entity => {
                        self.entity_values(refs, cue.tokens.end, &s, cue.attribute, possessive)
                    }
                    // "l'actionnaire majoritaire de Hooli": the cue states the
                    // count; the object follows it.
                    ValueType::Count => {
                        let Some(implied) = &attribute.implied else {
                            continue;
                        };
                        if attribute.has_object {
                            let kinds = &attribute.value_kinds;
                            object = self
                                .object_after(refs, cue.tokens.end, &s, kinds)
                                .map(|r| r.entity);
                        }
                        let count = crate::values::Count {
                            range: cue_range.clone(),
                            ..implied.clone()
                        };
                        vec![(ClaimValue::Count(count), cue_range.clone())]
                    }
                    _ if attribute.has_object => {
                        let kinds = &attribute.value_kinds;
                        let Some(found) = self.object_then_date(refs, cue.tokens.end, &s, kinds)
                        else {
                            continue;
                        };
                        object = Some(found.0);
                        vec![found.1]
                    }
                    _ => self.date_value(cue.tokens.end, &s).into_iter().collect(),
                };
                if values.is_empty() {
                    continue;
                }
                let allowed = |r: &&Ref| may_be_subject(self.facts, attribute, r);
                let before: Vec<&Ref> = refs_in(refs, sentence)
                    .inspect(|_| self.count(1))
                    .filter(|r| r.range.end <= cue_range.start)
                    .filter(allowed)
                    .collect();
                let value_end = values.last().map_or(cue_range.end, |(_, at)| at.end);
                // "founded by former Hooli researcher Jean Martin", "avec
                // l'ancien de Hooli Paul Bernard": a cue after a preposition
                // opens a noun phrase whose person is named after it.
                // "Its Series B, led by Hooli": with no name before or after the
                // cue, the round's claim gives the subject (described_events),
                // which the value stands in for until then.
                let placeholder = match (attribute.describes, values.first()) {
                    (Some(_), Some((ClaimValue::Entity { entity, .. }, _))) => {
                        Some((vec![*entity], cue_range.clone(), true))
                    }
                    _ => None,
                };
                let (subjects, subject_at, inferred) = 'subject: {
                    if self.after_preposition(cue.tokens.start) {
                        let after: Vec<&Ref> = refs_in(refs, sentence)
                            .inspect(|_| self.count(1))
                            .filter(|r| r.range.start >= value_end)
                            .filter(allowed)
                            .collect();
                        let Some(first) = after.first().filter(|r| {
                            self.words_within(value_end, r.range.start) <= 2
                                && !self.text[value_end..r.range.start]
                                    .contains([';', ':', '.', '('])
                        }) else {
                            continue 'cues;
                        };
                        let n = (1..after.len())
                            .take_while(|&k| self.joined(after[k - 1], after[k]))
                            .count()
                            + 1;
                        let chain = &after[..n];
                        (
                            latest_first(chain),
                            first.range.start..chain[n - 1].range.end,
                            false,
                        )
                    } else if before.is_empty() {
                        // "Fondé en avril dernier, Acme AI …": the subject follows;
                        // "Fondée en 2023 par d'anciens de Hooli, Acme AI …": it is
                        // the first name that opens a clause after one of the
                        // phrase's commas ("Fondée en 2023 par Jean Martin, Paul
                        // Bernard et Marie Durand, tous trois anciens de Hooli,
                        // Acme AI …": not Hooli, which no comma opens).
                        let after_comma = self.text[value_end..s.end]
                            .match_indices(", ")
                            .map(|(c, _)| value_end + c + 2)
                            .find(|&at| {
                                refs_in(refs, sentence).any(|r| {
                                    r.range.start >= at
                                        && self.words_within(at, r.range.start) <= 2
                                        && allowed(&r)
                                })
                            });
                        // "Passés par Hooli et Initech, Jean Martin et Paul Bernard …":
                        // the names joined to the first are subjects too.
                        let after: Vec<&Ref> = refs_in(refs, sentence)
                            .inspect(|_| self.count(1))
                            .filter(|r| r.range.start >= after_comma.unwrap_or(value_end))
                            .filter(allowed)
                            .collect();
                        // With no comma that opens a clause, only a name right after
                        // the value can be its subject: in "l'idée est née à Trévanne
                        // lors d'un dîner avec Jean Martin" Jean Martin was not born.
                        let Some(first) = after.first().filter(|r| {
                            after_comma.is_some()
                                || self.words_within(value_end, r.range.start) <= 2
                        }) else {
                            match placeholder {
                                Some(p) => break 'subject p,
                                None => continue 'cues,
                            }
                        };
                        // A list ends with a conjunction: in "…, ancien de Hooli,
                        // Acme AI …" the name after the comma is the next one.
                        let joined = (1..after.len())
                            .take_while(|&k| self.joined(after[k - 1], after[k]))
                            .count();
                        let n = (1..=joined)
                            .rev()
                            .find(|&k| self.conjoined(after[k - 1], after[k]))
                            .map_or(1, |k| k + 1);
                        let chain = &after[..n];
                        (
                            latest_first(chain),
                            first.range.start..chain[n - 1].range.end,
                            first.described && n == 1,
                        )
                    } else if value_type == ValueType::Entity && self.list_before(&before) > 1 {
                        // "Jean Martin, Dorothée Durand et Paul Bernard, venus de …"
                        let n = self.list_before(&before);
                        let chain = &before[before.len() - n..];
                        (
                            latest_first(chain),
                            chain[0].range.start..chain[n - 1].range.end,
                            false,
                        )
                    } else if let Some(r) = possessive
                        .then(|| self.clause_subject(sentence, cue.tokens.start, refs, allowed))
                        .flatten()
                    {
                        // "Globex bâtit un campus près de Hooli, dans sa ville
                        // d'origine": the possessive is the clause's subject's.
                        (vec![r.entity], r.range.clone(), r.described)
                    } else if value_type == ValueType::Count && attribute.has_object {
                        // "Globex obtiendrait un siège au conseil de l'entreprise, en
                        // devenant actionnaire majoritaire": who holds a share is the
                        // sentence's first name; a later one may be the company held.
                        let r = before[0];
                        (vec![r.entity], r.range.clone(), r.described)
                    } else {
                        let r = before[before.len() - 1];
                        (vec![r.entity], r.range.clone(), r.described)
                    }
                };
                // "…de l'entreprise française, en devenant actionnaire
                // majoritaire": with no object after the cue, the company
                // named last before it (not the subject) is the object.
                if value_type == ValueType::Count && attribute.has_object {
                    if object.is_none() {
                        object = refs_in(refs, sentence)
                            .filter(|r| r.range.end <= cue_range.start && r.entity != subjects[0])
                            .filter(|r| {
                                attribute
                                    .value_kinds
                                    .contains(&self.facts.entity(r.entity).kind)
                            })
                            .last()
                            .map(|r| r.entity);
                    }
                    // "un nouvel actionnaire majoritaire pour Acme AI": who holds
                    // it is not named.
                    if object.is_none_or(|o| subjects.contains(&o)) {
                        continue;
                    }
                }
                for (value, value_at) in values {
                    let modality = self.stated(sentence, &value_at);
                    // "Jean, Paul et Marie, tous trois anciens de Hooli": the
                    // value holds for each, said between the names and it.
                    let each_subject = subjects.len() > 1 && {
                        let between = if subject_at.end <= value_at.start {
                            self.tokens_within(subject_at.end, value_at.start)
                        } else {
                            self.tokens_within(value_at.end, subject_at.start)
                        };
                        between.clone().any(|i| {
                            self.lexicon
                                .clauses
                                .each_of_them
                                .iter()
                                .any(|p| super::clause::spells(self.tokens, i, p, between.end))
                        })
                    };
                    out.push(Claim {
                        modality,
                        each_subject,
                        subject: subjects[0],
                        other_subjects: subjects[1..].to_vec(),
                        subject_at: subject_at.clone(),
                        subject_inferred: inferred,
                        attribute: cue.attribute,
                        object,
                        value,
                        value_at,
                        cue: cue_range.clone(),
                        date: self.date,
                        date_at: None,
                    });
                }
            }
        }
        out.extend(self.ages(refs, sentences));
        out.sort_by_key(|c| c.value_at.start);
        out
    }

    /// How many of the last `refs` form a list ("A, B et C"): only commas,
    /// conjunctions and dashes between them.
    fn list_before(&self, refs: &[&Ref]) -> usize {
        let mut n = 1;
        while n < refs.len() && self.joined(refs[refs.len() - n - 1], refs[refs.len() - n]) {
            n += 1;
        }
        n
    }

    /// Whether only commas, conjunctions and dashes stand between `a` and `b`.
    fn joined(&self, a: &Ref, b: &Ref) -> bool {
        let gap = self.text[a.range.end..b.range.start].to_lowercase();
        gap.split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '–' | '—' | '&'))
            .all(|w| w.is_empty() || self.lexicon.list_conjunctions.iter().any(|c| c == w))
    }

    /// Whether a conjunction ("et", "and") stands between `a` and `b`.
    fn conjoined(&self, a: &Ref, b: &Ref) -> bool {
        self.text[a.range.end..b.range.start]
            .to_lowercase()
            .split(|c: char| c.is_whitespace() || c == ',')
            .any(|w| self.lexicon.list_conjunctions.iter().any(|c| c == w))
    }

    /// Whether a preposition stands right before token `at`, possibly with a
    /// determiner between ("par l'ancien de …").
    fn after_preposition(&self, at: usize) -> bool {
        self.after_phrase(at, &self.lexicon.clauses.prepositions)
    }

    /// Whether a possessive determiner ("sa", "its") stands right before token `at`.
    fn after_possessive(&self, at: usize) -> bool {
        at > 0
            && self
                .lexicon
                .clauses
                .possessives
                .iter()
                .any(|p| *p == self.tokens[at - 1].folded)
    }

    /// The subject of the clause that holds token `at`: its first reference
    /// before `at` that may be the claim's subject, asides (a fronted phrase,
    /// an apposition) stepped over.
    fn clause_subject<'r>(
        &self,
        sentence: &Sentence,
        at: usize,
        refs: &'r [Ref],
        allowed: impl Fn(&&Ref) -> bool,
    ) -> Option<&'r Ref> {
        let clause = super::clause::clause_of(self.text, self.tokens, &sentence.tokens, at);
        let sentence_refs = &refs[sentence.refs.clone()];
        let asides = self.asides(&clause, sentence_refs);
        sentence_refs
            .iter()
            .filter(|r| clause.start <= r.token && r.token < at)
            .filter(|r| !super::clause::in_aside(&asides, &(at..at + 1), r.token))
            .find(|r| allowed(r))
    }

    /// The entities named right after a cue, as a list ("chez Hooli et Initech"):
    /// the list stops at punctuation other than a comma between two names.
    fn entity_values(
        &self,
        refs: &[Ref],
        after: usize,
        sentence: &Range<usize>,
        attribute: AttrIdx,
        apposition: bool,
    ) -> Vec<(ClaimValue, Range<usize>)> {
        let kinds = &self.facts.attributes[attribute].value_kinds;
        let mut out = Vec::new();
        let mut end = self
            .tokens
            .get(after.saturating_sub(1))
            .map_or(sentence.start, |t| t.range.end);
        let mut first = true;
        // How many of the last values were joined by a comma, not a conjunction.
        let mut comma_only = 0;
        // References are in reading order: those from token `after` on are a suffix.
        let from = refs.partition_point(|r| r.token < after);
        // Those starting past the sentence end past it: the search stops there.
        for r in refs[from..]
            .iter()
            .take_while(|r| r.range.start < sentence.end)
            .inspect(|_| self.count(1))
            .filter(|r| r.range.end <= sentence.end)
        {
            let gap = &self.text[end..r.range.start];
            let words = self.words_within(end, r.range.start);
            let joined = if first {
                (words <= VALUE_REACH && !gap.contains([',', ';', ':', '.', '(', ')']))
                    || (apposition && gap.trim() == ",")
            } else {
                words <= 2 && !gap.contains([';', ':', '.', '(', ')'])
            };
            if !joined {
                break;
            }
            // "led by Acme, the firm co-founded by …": a description after the
            // first value is an apposition, and the list ends with it.
            if r.described && !first {
                break;
            }
            if kinds.contains(&self.facts.entity(r.entity).kind) {
                if !first {
                    let conjunction = gap.to_lowercase().split_whitespace().any(|w| {
                        self.lexicon
                            .list_conjunctions
                            .iter()
                            .any(|c| c == w.trim_matches(','))
                    });
                    comma_only = if conjunction { 0 } else { comma_only + 1 };
                }
                out.push((
                    ClaimValue::Entity {
                        entity: r.entity,
                        alternatives: r.alternatives.clone(),
                    },
                    r.range.clone(),
                ));
                first = false;
            }
            end = r.range.end;
        }
        // "chez Hooli, Initech et Globex" is a list; in "chez Apple, Acme AI
        // s'est donné …" the name after the comma starts the next clause: items
        // after the last conjunction, joined by commas only, are dropped.
        out.truncate(out.len() - comma_only);
        out
    }

    /// The entity named right after a cue and the date that follows it, an
    /// apposition between commas stepped over: "rejoint Hooli, le moteur de
    /// recherche, en 2018".
    fn object_then_date(
        &self,
        refs: &[Ref],
        after: usize,
        sentence: &Range<usize>,
        kinds: &[crate::rules::EntityKind],
    ) -> Option<(EntityIdx, (ClaimValue, Range<usize>))> {
        let object = self.object_after(refs, after, sentence, kinds)?;
        let mut start = object.range.end;
        let rest = &self.text[start..sentence.end];
        if let Some(aside) = rest.strip_prefix(',') {
            // The apposition ends at the next comma; the date follows it.
            let close = aside.find(',')?;
            if aside[..close].contains([';', ':', '(', ')']) {
                return None;
            }
            start += close + 2;
        }
        let value = self.date_value_from(start, sentence)?;
        Some((object.entity, value))
    }

    /// The entity of one of `kinds` named right after token `after`, at most
    /// one word between ("rejoint Hooli", "majoritaire de Hooli").
    fn object_after<'r>(
        &self,
        refs: &'r [Ref],
        after: usize,
        sentence: &Range<usize>,
        kinds: &[crate::rules::EntityKind],
    ) -> Option<&'r Ref> {
        let cue_end = self.tokens.get(after.checked_sub(1)?)?.range.end;
        let from = refs.partition_point(|r| r.token < after);
        refs.get(from).filter(|r| {
            r.range.end <= sentence.end
                && kinds.contains(&self.facts.entity(r.entity).kind)
                && self.words_within(cue_end, r.range.start) <= 1
                && !self.text[cue_end..r.range.start].contains([',', ';', ':', '.', '('])
        })
    }

    /// The date written right after a cue: "fondée en avril 2023".
    fn date_value(
        &self,
        after: usize,
        sentence: &Range<usize>,
    ) -> Option<(ClaimValue, Range<usize>)> {
        let start = self.tokens.get(after.saturating_sub(1))?.range.end;
        self.date_value_from(start, sentence)
    }

    /// The date written within a few words after byte `start`.
    fn date_value_from(
        &self,
        start: usize,
        sentence: &Range<usize>,
    ) -> Option<(ClaimValue, Range<usize>)> {
        // Dates are in reading order: those starting from `start` are a suffix.
        let first_in = |dates: &[DateMention]| -> Option<usize> {
            let from = dates.partition_point(|d| d.range.start < start);
            dates[from..]
                .iter()
                .take_while(|d| d.range.start < sentence.end)
                .inspect(|_| self.count(1))
                .position(|d| d.range.end <= sentence.end)
                .map(|k| from + k)
        };
        let (dated, year_free) = (self.dates, self.year_free_dates);
        // A once-only event's date needs no year to be wrong: "lancé début
        // octobre" in an undated article is read without one.
        let d = match (
            first_in(dated).map(|k| &dated[k]),
            first_in(year_free).map(|k| &year_free[k]),
        ) {
            (Some(a), Some(b)) => Some(if b.range.start < a.range.start { b } else { a }),
            (a, b) => a.or(b),
        }?;
        let words = self.words_within(start, d.range.start);
        let value = if d.year_free {
            ClaimValue::YearlessDate(d.date)
        } else {
            ClaimValue::Date(d.date)
        };
        (words <= VALUE_REACH && !self.text[start..d.range.start].contains([',', ';', ':', '.']))
            .then(|| (value, d.range.clone()))
    }

    /// Ages: "PDG de 31 ans", "âgé de 31 ans", "the 31-year-old", "aged 31",
    /// about the nearest person named or described in the sentence.
    ///
    /// Every attribute marked `age` dates what an age counts from: a person's
    /// birth, a company's founding. The age is about the nearest entity of a
    /// kind one of them is about, under the first such attribute.
    fn ages(&self, refs: &[Ref], sentences: &[Sentence]) -> Vec<Claim> {
        let ages: Vec<AttrIdx> = (0..self.facts.attributes.len())
            .filter(|&a| self.facts.attributes[a].age)
            .collect();
        if ages.is_empty() {
            return Vec::new();
        }
        let mut subject_kinds: Vec<crate::rules::EntityKind> = Vec::new();
        for &a in &ages {
            for kind in &self.facts.attributes[a].subject_kinds {
                if !subject_kinds.contains(kind) {
                    subject_kinds.push(*kind);
                }
            }
        }
        let subject_kinds = &subject_kinds;
        let attribute_of = |e: EntityIdx| {
            let kind = self.facts.entity(e).kind;
            ages.iter()
                .copied()
                .find(|&a| self.facts.attributes[a].subject_kinds.contains(&kind))
        };
        let phrase_at = |i: usize, phrase: &[String]| spells(self.tokens, i, phrase, usize::MAX);
        let mut out = Vec::new();
        for (i, token) in self.tokens.iter().enumerate() {
            let before = |markers: &[Vec<String>]| {
                markers
                    .iter()
                    .any(|m| i >= m.len() && phrase_at(i - m.len(), m))
            };
            // The first byte tells (a digit is ASCII): no character decoded.
            let in_digits = token
                .folded
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_digit);
            // A number in words ("the three-year-old", "âgée de trois ans")
            // is looked for only glued to its unit or after a strong marker.
            let (years, head) = if in_digits {
                let digits = token.folded.bytes().take_while(u8::is_ascii_digit).count();
                let Ok(years) = token.folded[..digits].parse::<u32>() else {
                    continue;
                };
                (years, digits)
            } else {
                // A number in words is an age glued to its unit ("three-year-
                // old") or before a unit of duration ("âgée de trois ans"):
                // the token classes turn the other words away before any
                // marker is compared.
                let unit_next = self
                    .classes
                    .get(i + 1)
                    .is_some_and(|c| c & super::vocabulary::DURATION_UNIT != 0);
                if !(token.hyphenated || (unit_next && before(&self.lexicon.age_markers))) {
                    continue;
                }
                let Some((years, head)) = self.number_word(i) else {
                    continue;
                };
                (years, head)
            };
            if !(1..=120).contains(&years) {
                continue;
            }
            let rest = &token.folded[head..];
            let glued =
                !rest.is_empty() && self.lexicon.age_units.iter().any(|u| joins_to(u, rest));
            let unit = self
                .lexicon
                .age_units
                .iter()
                .filter(|u| rest.is_empty() && phrase_at(i + 1, u))
                .max_by_key(|u| u.len());
            let strong = before(&self.lexicon.age_markers);
            let weak = before(&self.lexicon.age_unit_markers);
            let unit_len = unit.map_or(0, Vec::len);
            if !(in_digits || glued || (strong && unit.is_some())) {
                continue;
            }
            let Some(sentence) = containing(sentences, token.range.start) else {
                continue;
            };
            let fronted = in_digits
                .then(|| {
                    self.fronted_age_person(i, unit_len, &sentences[sentence], refs, subject_kinds)
                })
                .flatten();
            if fronted.is_none() && !(glued || strong || (unit.is_some() && (weak || unit_len > 1)))
            {
                continue;
            }
            let person = fronted.or_else(|| {
                refs_in(refs, &sentences[sentence])
                    .inspect(|_| self.count(1))
                    .filter(|r| subject_kinds.contains(&self.facts.entity(r.entity).kind))
                    .min_by_key(|r| {
                        if r.range.end <= token.range.start {
                            token.range.start - r.range.end
                        } else {
                            r.range.start - token.range.end
                        }
                    })
            });
            let Some(person) = person else {
                continue;
            };
            // "plus de 10 ans" is a duration: a weak marker makes an age only right
            // after the person ("PDG de 31 ans", "Jean Martin, 31 ans").
            let words_between = self.words_within(person.range.end, token.range.start);
            if fronted.is_none()
                && !(glued || strong || unit_len > 1)
                && (person.range.end > token.range.start || words_between > 2)
            {
                continue;
            }
            let Some(attribute) = attribute_of(person.entity) else {
                continue;
            };
            let value_at = token.range.start..self.tokens[i + unit_len].range.end;
            out.push(Claim {
                modality: self.stated(&sentences[sentence], &value_at),
                subject: person.entity,
                other_subjects: Vec::new(),
                each_subject: false,
                subject_at: person.range.clone(),
                subject_inferred: person.described,
                attribute,
                object: None,
                value: ClaimValue::Age(years),
                value_at,
                cue: token.range.clone(),
                date: self.date,
                date_at: None,
            });
        }
        out
    }
}

impl ClaimFinder<'_> {
    /// The whole number that the word at token `i` (or its part before a
    /// hyphen: "three-year-old") is alone, from the lexicon's number words,
    /// with the length of its fold; `None` when a number word or joiner
    /// stands beside it ("trente et un"), as it is then part of a longer number.
    fn number_word(&self, i: usize) -> Option<(u32, usize)> {
        let words = &self.lexicon.numbers;
        let token = &self.tokens[i];
        let written = &self.text[token.range.clone()];
        let head = crate::text::fold::fold(written.split(['-', '‐', '‑']).next()?);
        if !token.folded.starts_with(head.as_str()) {
            return None;
        }
        let value = *words.values.get(head.as_str())?;
        let part_of_more = |t: &str| {
            words.values.contains_key(t)
                || words.joiners.contains(t)
                || words.multipliers.contains_key(t)
        };
        if i > 0 && part_of_more(self.tokens[i - 1].folded) {
            return None;
        }
        if !token.hyphenated
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|t| part_of_more(t.folded))
        {
            return None;
        }
        (value.fract() == 0.0 && value >= 1.0).then_some((value as u32, head.len()))
    }

    /// The person an age phrase at token `number` (its unit `unit_len`
    /// tokens after it) is about when the phrase is fronted: opened by a
    /// fronted marker at the start of the sentence or after a comma, closed by
    /// a comma, and followed within two words by a person ("À seulement 31
    /// ans, cet entrepreneur", "At 31, Jane Roe"). "un contrat à 5 ans" is no age.
    fn fronted_age_person<'r>(
        &self,
        number: usize,
        unit_len: usize,
        sentence: &Sentence,
        refs: &'r [Ref],
        kinds: &[crate::rules::EntityKind],
    ) -> Option<&'r Ref> {
        let opens = self.lexicon.age_fronted_markers.iter().find_map(|m| {
            let start = number.checked_sub(m.len())?;
            spells(self.tokens, start, m, number).then_some(start)
        })?;
        let opens_phrase = opens == sentence.tokens.start
            || (opens > sentence.tokens.start
                && super::clause::comma_before(self.text, self.tokens, opens));
        let after = number + unit_len + 1;
        if !opens_phrase
            || after >= sentence.tokens.end
            || !super::clause::comma_before(self.text, self.tokens, after)
        {
            return None;
        }
        let comma = self.tokens[after].range.start;
        refs_in(refs, sentence)
            .find(|r| r.range.start >= comma)
            .filter(|r| self.words_within(comma, r.range.start) <= 2)
            .filter(|r| kinds.contains(&self.facts.entity(r.entity).kind))
    }
}

/// Whether `words` written one after the other are `text` ("a" + "ns" = "ans").
fn joins_to(words: &[String], text: &str) -> bool {
    let mut rest = text;
    for word in words {
        match rest.strip_prefix(word.as_str()) {
            Some(after) => rest = after,
            None => return false,
        }
    }
    rest.is_empty()
}

/// "moins d'un an après sa création": a duration between an entity's dated
/// event (its founding) and the event the sentence reports, read as a claim
/// under the date attribute of the reference event ("création" → founded).
impl ClaimFinder<'_> {
    pub fn find_elapsed(&self) -> Vec<Claim> {
        let sentences = self.sentences();
        let refs = self.refs();
        let date_cues = self.cues(ValueType::Date);
        // Built for the first duration word only: most articles have none.
        let windows = std::cell::OnceCell::new();
        let mut earlier = Earlier::default();
        let mut out = Vec::new();
        for (i, token) in self.tokens.iter().enumerate() {
            if self.classes[i] & DURATION_UNIT == 0 {
                continue;
            }
            let Some(unit) = self.lexicon.duration_units.get(token.folded) else {
                continue;
            };
            if !self
                .tokens
                .get(i + 1)
                .is_some_and(|t| self.lexicon.elapsed_after.iter().any(|w| t.folded == *w))
                || i == 0
            {
                continue;
            }
            let number = &self.tokens[i - 1];
            // "un an", "two years": a number word, or an article as one.
            let words = &self.lexicon.numbers;
            let value = number.folded.parse::<f64>().ok().or_else(|| {
                words
                    .values
                    .get(number.folded)
                    .copied()
                    .or_else(|| words.articles.contains(number.folded).then_some(1.0))
            });
            let Some(value) = value else {
                continue;
            };
            // "moins d'un an": the hedge stands before the number.
            let hedge = self.lexicon.hedges.iter().find(|h| {
                let n = h.phrase.len();
                i > n
                    && self.tokens[i - 1 - n..i - 1]
                        .iter()
                        .zip(&h.phrase)
                        .all(|(t, w)| t.folded == w)
            });
            let months = value * unit;
            let (mut low, high) = crate::readers::amounts::interval(months, unit / 2.0, hedge);
            if hedge.is_some_and(|h| h.strict && h.high <= 1.0) {
                low = 0.0; // "less than a year" is anything under a year
            }
            // The first in the cues' order of those starting 2 to 4 words on.
            let Some((_, cue)) = windows
                .get_or_init(|| CueWindows::new(&date_cues))
                .starting_in(i + 2..i + 5)
                .inspect(|_| self.count(1))
                .min_by_key(|(k, _)| *k)
            else {
                continue;
            };
            let Some(sentence) = containing(sentences, token.range.start) else {
                continue;
            };
            let sentence = &sentences[sentence];
            let s = &sentence.range;
            let attribute = &self.facts.attributes[cue.attribute];
            let allowed = |r: &&Ref| may_be_subject(self.facts, attribute, r);
            // The sentence's references that start before the duration, nearest first.
            let in_sentence = &refs[sentence.refs.clone()];
            let before = in_sentence.partition_point(|r| r.range.start < token.range.start);
            let in_sentence = in_sentence[..before]
                .iter()
                .rev()
                .inspect(|_| self.count(1))
                .filter(|r| r.range.end <= token.range.start)
                .find(allowed)
                .map(|r| (r.entity, r.range.clone(), false));
            let known = |e: EntityIdx| self.facts.facts_about(e, cue.attribute).next().is_some();
            let subject = in_sentence.or_else(|| {
                self.count(earlier.advance(refs, token.range.start));
                let allowed =
                    |e: EntityIdx| attribute.subject_kinds.contains(&self.facts.entity(e).kind);
                let latest = earlier.latest_first(allowed);
                self.count(latest.len());
                latest
                    .into_iter()
                    .find(|(e, _)| known(*e))
                    .map(|(e, at)| (e, refs[at].range.clone(), true))
            });
            let Some((subject, subject_at, subject_inferred)) = subject else {
                continue;
            };
            let start = hedge.map_or(i - 1, |h| i - 1 - h.phrase.len());
            let written = self.tokens[start].range.start..token.range.end;
            let event = self.dates[sentence.dates.clone()]
                .iter()
                .inspect(|_| self.count(1))
                .filter(|d| d.range.end <= s.end)
                .filter(|d| {
                    d.range.end <= written.start
                        || d.range.start >= self.tokens[cue.tokens.end - 1].range.end
                })
                .min_by_key(|d| d.range.start.abs_diff(written.start));
            let (event_date, event_at) = match (event, self.date) {
                (Some(d), _) => (d.date, Some(d.range.clone())),
                (None, Some(doc)) => (doc, None),
                (None, None) => continue,
            };
            out.push(Claim {
                modality: self.stated(sentence, &written),
                subject,
                other_subjects: Vec::new(),
                each_subject: false,
                subject_at,
                subject_inferred,
                attribute: cue.attribute,
                object: None,
                value: ClaimValue::Duration {
                    months: (low, high),
                },
                value_at: written,
                cue: self.tokens[cue.tokens.start].range.start
                    ..self.tokens[cue.tokens.end - 1].range.end,
                date: Some(event_date),
                date_at: event_at,
            });
        }
        out
    }
}

/// The references that lie wholly within `sentence`, in reading order.
fn refs_in<'r>(refs: &'r [Ref], sentence: &Sentence) -> impl Iterator<Item = &'r Ref> {
    let end = sentence.range.end;
    refs[sentence.refs.clone()]
        .iter()
        .filter(move |r| r.range.end <= end)
}
