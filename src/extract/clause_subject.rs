//! Whom a clause is about, when the fact base does not know it. "Globex, sa
//! rivale canadienne, a levé 270 millions" is about Globex, a name the fact
//! base may not hold: the claim then has no subject it can check, and is
//! dropped rather than bound to the nearest entity the fact base knows. Same
//! for the agent of a passive after the amount ("les 60 milliards accumulés
//! par Globex") that is not the subject found otherwise.

use std::ops::Range;

use super::claims::ClaimFinder;
use super::clause::{comma_before, in_aside, spells};
use super::references::Ref;
use super::windows::CueWindows;
use crate::lexicon::clause_words::Anaphor;

/// Who a passive after an amount names as its agent, or whom a relative
/// clause holding it is about.
pub(super) enum Agent<'r> {
    /// An entity of the fact base (or a description of one).
    Known(&'r Ref),
    /// A proper name the fact base does not know.
    Unknown,
}

/// How many words before a claim's cue (or amount) a name is taken for its
/// subject: "Globex a aussi levé", "Globex has also raised".
const SUBJECT_REACH: usize = 3;

/// How many words may stand between an amount and the agent marker of its
/// passive ("60 milliards accumulés par").
const AGENT_REACH: usize = 3;

impl ClaimFinder<'_> {
    /// The asides of `clause` (see [`super::clause::asides`]), `refs` being
    /// the references of its sentence.
    pub(super) fn asides(&self, clause: &Range<usize>, refs: &[Ref]) -> Vec<Range<usize>> {
        // A run between two commas that starts with a name ("…, Globex, …")
        // is no aside; one that starts otherwise ("…, installé près de
        // Rennes, …") is. It never holds its sentence's first word.
        let names_one = |run: &Range<usize>| {
            let first = refs.partition_point(|r| r.token < run.start);
            refs.get(first).is_some_and(|r| r.token == run.start)
                || (run.start < run.end && self.is_unknown_name(run.start, usize::MAX))
        };
        super::clause::asides(
            self.text,
            self.tokens,
            clause,
            &self.lexicon.clauses,
            names_one,
        )
    }

    /// Whether token `i` is a proper name the fact base does not know: a
    /// capitalised word that is no function word, title, month or weekday,
    /// nationality or mention. The first word of a sentence is capitalised
    /// anyway: it counts only when written in capitals or followed by another
    /// capitalised word ("Nova Labs" at the start of a sentence).
    pub(super) fn is_unknown_name(&self, i: usize, sentence_start: usize) -> bool {
        let t = &self.tokens[i];
        if !t.capitalised || t.has_digit || t.folded.chars().count() < 2 {
            return false;
        }
        let lexicon = self.lexicon;
        if lexicon.stopwords.contains(t.folded)
            || lexicon.titles.contains(t.folded)
            || lexicon.date_first_words.contains(t.folded)
            || !lexicon.nationality_index.get(t.folded).is_empty()
            || lexicon.description_first_words.contains(t.folded)
        {
            return false;
        }
        // "its Series B round": an event's label is no name.
        if lexicon.clauses.events.may_start(t.folded) {
            let words: Vec<&str> = self.tokens[i..(i + 4).min(self.tokens.len())]
                .iter()
                .map(|t| t.folded)
                .collect();
            if lexicon.clauses.events.label_at(&words, 0).is_some() {
                return false;
            }
        }
        let at = t.range.start;
        let mention = self.mentions.partition_point(|m| m.range.end <= at);
        if self
            .mentions
            .get(mention)
            .is_some_and(|m| m.range.start <= at)
        {
            return false;
        }
        if i == sentence_start {
            let inner_capital = self.text[t.range.clone()]
                .chars()
                .skip(1)
                .any(char::is_uppercase);
            let next_capitalised = self
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.capitalised && !n.has_digit);
            // "Globex, its rival, raised …": a word set off by a comma.
            let comma_next = self.tokens.get(i + 1).is_some_and(|n| {
                self.text[t.range.end..n.range.start]
                    .trim_start()
                    .starts_with(',')
            });
            return t.all_caps || inner_capital || next_capitalised || comma_next;
        }
        true
    }

    /// Whether an unknown proper name stands in subject place before token
    /// `to` (down to `from`): among the last [`SUBJECT_REACH`] words before it,
    /// asides that do not hold `value` stepped over, and not right after a
    /// reference it qualifies ("la startup IA").
    #[allow(clippy::too_many_arguments)]
    pub(super) fn unknown_name_between(
        &self,
        from: usize,
        to: usize,
        asides: &[Range<usize>],
        value: &Range<usize>,
        sentence_start: usize,
        refs: &[Ref],
    ) -> bool {
        let qualifies_a_ref = |i: usize| {
            i > 0 && {
                let before = self.tokens[i - 1].range.end;
                self.text[before..self.tokens[i].range.start]
                    .chars()
                    .all(char::is_whitespace)
                    && refs.iter().any(|r| r.range.end == before)
            }
        };
        (from..to)
            .rev()
            .filter(|i| !value.contains(i) && !in_aside(asides, value, *i))
            .take(SUBJECT_REACH)
            .any(|i| {
                self.count(1);
                self.is_unknown_name(i, sentence_start) && !qualifies_a_ref(i)
            })
    }

    /// Whether a clause that names no entity the fact base knows before
    /// token `anchor` names someone else there (outside its asides): "in
    /// Germany only Globex has done as well, having raised 50 million" is about
    /// Globex, not about the company of the sentences before.
    pub(super) fn clause_names_someone_else(
        &self,
        clause: &Range<usize>,
        anchor: usize,
        asides: &[Range<usize>],
        value: &Range<usize>,
    ) -> bool {
        (clause.start..anchor).any(|i| {
            self.count(1);
            !in_aside(asides, value, i) && self.is_unknown_name(i, clause.start)
        })
    }

    /// What an anaphor before token `anchor` in `clause` (outside its asides)
    /// stands for among `before` (the references before the clause, in
    /// reading order, those `allowed` kept): "the latter", "le second" the
    /// last entity named, "the former", "le premier" the one named before it.
    pub(super) fn anaphor_antecedent<'r>(
        &self,
        clause: &Range<usize>,
        anchor: usize,
        asides: &[Range<usize>],
        value: &Range<usize>,
        before: &'r [Ref],
        allowed: impl Fn(&Ref) -> bool,
    ) -> Option<&'r Ref> {
        let words = &self.lexicon.clauses;
        let kind = (clause.start..anchor)
            .filter(|&i| !in_aside(asides, value, i))
            .find_map(|i| {
                self.count(1);
                words.anaphors.iter().find_map(|(phrase, (kind, comma))| {
                    let end = i + phrase.len();
                    (end < self.tokens.len()
                        && spells(self.tokens, i, phrase, anchor)
                        && (!comma
                            || self.text
                                [self.tokens[end - 1].range.end..self.tokens[end].range.start]
                                .trim_start()
                                .starts_with(',')))
                    .then_some(*kind)
                })
            })?;
        // The distinct entities named before, the latest last.
        let mut named: Vec<&Ref> = Vec::new();
        for r in before.iter().filter(|r| allowed(r)) {
            named.retain(|n| n.entity != r.entity);
            named.push(r);
        }
        match kind {
            Anaphor::Latter => named.last().copied(),
            Anaphor::Former => named.len().checked_sub(2).map(|k| named[k]),
        }
    }

    /// The antecedent of a relative clause that holds token `first`: in
    /// "le potentiel de Nova, qui a bouclé une levée de 220 millions", the name
    /// right before the comma that opens "qui …", with the token the run opens
    /// at. `None` when the value's run does not open with a relative pronoun
    /// or no name stands before it.
    pub(super) fn relative_antecedent<'r>(
        &self,
        first: usize,
        clause: &Range<usize>,
        refs: &'r [Ref],
    ) -> Option<(usize, Agent<'r>)> {
        let opens = (clause.start + 1..=first)
            .rev()
            .find(|&i| comma_before(self.text, self.tokens, i))?;
        let relative = self
            .lexicon
            .clauses
            .relative_pronouns
            .iter()
            .any(|p| spells(self.tokens, opens, p, first));
        if !relative {
            return None;
        }
        let before = self.tokens[opens - 1].range.end;
        match refs.iter().rev().find(|r| r.range.end == before) {
            Some(r) => Some((opens, Agent::Known(r))),
            None => self
                .is_unknown_name(opens - 1, usize::MAX)
                .then_some((opens, Agent::Unknown)),
        }
    }

    /// Whether a passive's agent marker ("by", "par"), possibly with a
    /// determiner after it, stands right before token `at`.
    pub(super) fn after_agent_marker(&self, at: usize) -> bool {
        self.after_phrase(at, &self.lexicon.clauses.agent_markers)
    }

    /// Whether one of `phrases` stands right before token `at`, possibly
    /// with a determiner between ("par l'ancien de …").
    pub(super) fn after_phrase(&self, at: usize, phrases: &[Vec<String>]) -> bool {
        let ends_at = |end: usize| {
            phrases
                .iter()
                .any(|p| end >= p.len() && spells(self.tokens, end - p.len(), p, end))
        };
        let determiner = |i: usize| {
            self.lexicon
                .clauses
                .determiners
                .iter()
                .any(|d| d == self.tokens[i].folded)
        };
        ends_at(at) || (at > 0 && determiner(at - 1) && ends_at(at - 1))
    }

    /// Whether `r` is the agent of a passive whose verb a conjunction joins
    /// to the one at token `anchor` ("backed by Globex and raised …"): the
    /// second verb's subject is the first's, not its agent. A relative
    /// pronoun between ("rejoints par Globex, qui a injecté …") makes the
    /// agent the relative clause's subject.
    pub(super) fn agent_of_earlier_verb(&self, r: &Ref, anchor: usize) -> bool {
        if !self.after_agent_marker(r.token) {
            return false;
        }
        let between = self.tokens_within(r.range.end, self.tokens[anchor].range.start);
        let words = &self.lexicon.clauses;
        let relative = between.clone().any(|i| {
            words
                .relative_pronouns
                .iter()
                .any(|p| spells(self.tokens, i, p, between.end))
        });
        let joined = between.clone().any(|i| {
            self.lexicon
                .list_conjunctions
                .iter()
                .any(|c| c == self.tokens[i].folded)
        });
        joined && !relative
    }

    /// The agent of a passive right after the amount that ends before token
    /// `end`: at most [`AGENT_REACH`] words, none of them a cue, then an agent
    /// marker ("par", "by") and a name.
    pub(super) fn passive_agent<'r>(
        &self,
        end: usize,
        clause: &Range<usize>,
        cues: &CueWindows,
        refs: &'r [Ref],
    ) -> Option<Agent<'r>> {
        let markers = &self.lexicon.clauses.agent_markers;
        (end..=end + AGENT_REACH).find_map(|at| {
            // The marker, then a name before the clause ends.
            let marker = markers
                .iter()
                .find(|m| spells(self.tokens, at, m, clause.end - 1))?;
            // Only words between: no punctuation, no cue ("round led by").
            let gap = &self.text[self.tokens[end - 1].range.end..self.tokens[at].range.start];
            // A cue right before the marker is the participle whose agent
            // follows ("levés par", "raised by"); one further off is a noun
            // with a participle of its own ("round led by").
            if gap.contains(|c: char| !c.is_alphanumeric() && !c.is_whitespace() && c != '-')
                || cues.starting_in(end..at).any(|(_, c)| c.tokens.end != at)
            {
                return None;
            }
            let name = at + marker.len();
            if name >= clause.end {
                return None;
            }
            // The agent is a reference ("levés par la startup"); anything else
            // ("par Globex", "par des investisseurs existants") is someone the
            // fact base does not know.
            let from = refs.partition_point(|r| r.token < name);
            match refs.get(from).filter(|r| r.token == name) {
                Some(r) => Some(Agent::Known(r)),
                None => Some(Agent::Unknown),
            }
        })
    }
}
