//! How a clause states its claim: as a fact, or as a report, an intention, a
//! conditional or a denial. Read from the words of the clause the claim is in
//! (asides that do not hold the value left out: "Acme, qui pourrait entrer en
//! Bourse, a levé 5 millions" asserts the round), from the lexicon's phrases
//! and from the endings of its conditional mood.

use std::ops::Range;

use super::clause::{Sentence, in_aside, spells};
use crate::lexicon::clause_words::ClauseWords;
use crate::text::tokens::Token;
use crate::values::Modality;

/// How many words a denial may stand before the value it denies.
const NEGATION_REACH: usize = 4;

/// The modality of the claim whose value is written in tokens `value` of
/// `clause`: the first word outside the value and the asides within the
/// clause that makes it other than asserted. A talk, plan, conditional or
/// denial stands before the value, from token `since` on (past another value
/// of the clause joined by a conjunction: in "serait valorisée à 5 milliards et
/// a levé 600 millions" only the valuation is conditional); an attribution to
/// unnamed sources may stand anywhere in the clause ("…, according to people
/// familiar with the matter"). A
/// phrase put before the subject counts ("Selon des sources proches du
/// dossier, Acme a levé …"). A value in an aside is stated by the aside: "Acme,
/// valorisée à 40 millions, pourrait s'étendre" asserts the valuation.
pub(super) fn modality(
    text: &str,
    tokens: &[Token],
    clause: &Range<usize>,
    asides: &[Range<usize>],
    value: &Range<usize>,
    since: usize,
    words: &ClauseWords,
) -> Modality {
    // The asides within the clause: all but a fronted phrase (they are in
    // reading order).
    let within = &asides[asides.partition_point(|a| a.start <= clause.start)..];
    // The aside between commas that holds the value, if any (a parenthesis
    // holds a conversion of the amount before it, stated as that one is).
    let in_parentheses = |a: &Range<usize>| {
        a.start > 0
            && text[tokens[a.start - 1].range.end..tokens[a.start].range.start].contains('(')
    };
    let holder = within
        .iter()
        .filter(|a| a.start <= value.start && value.end <= a.end && !in_parentheses(a))
        .min_by_key(|a| a.len());
    let fronted = asides.iter().find(|a| a.start == clause.start);
    let in_fronted = |i: usize| fronted.is_some_and(|f| f.contains(&i));
    let counts = |i: usize| !value.contains(&i) && !in_aside(within, value, i);
    // Talks, plans, conditionals and denials: in the value's own aside, or
    // in the clause from `since` on, or in a fronted phrase.
    let states_value = |i: usize| {
        counts(i)
            && holder.is_none_or(|h| h.contains(&i) || in_fronted(i))
            && (i >= since || in_fronted(i))
    };
    for i in clause.clone() {
        if !counts(i) {
            continue;
        }
        let before = i < value.start && states_value(i);
        let starts_phrase = words.modality_first.contains(tokens[i].folded);
        let phrase = words
            .modality
            .iter()
            .filter(|_| starts_phrase)
            .find(|(p, m)| {
                // A denial is of the verb next to the value ("n'a pas levé 5
                // millions"), not of anything in its clause ("Acme n'a pas à
                // rougir de son bilan, avec une levée de 5 millions").
                let near = *m != Modality::Negated || value.start <= i + p.len() + NEGATION_REACH;
                near && (before || *m == Modality::Reported)
                    && spells(tokens, i, p, clause.end)
                    && (i..i + p.len()).all(counts)
            });
        if let Some((_, m)) = phrase {
            return *m;
        }
        if before && words.is_conditional(&text[tokens[i].range.clone()], tokens[i].folded) {
            return Modality::Conditional;
        }
    }
    Modality::Asserted
}

impl super::claims::ClaimFinder<'_> {
    /// The modality of a claim whose value is written at bytes `value_at`
    /// of `sentence`.
    pub(super) fn stated(&self, sentence: &Sentence, value_at: &Range<usize>) -> Modality {
        let value = self.tokens_within(value_at.start, value_at.end);
        if value.is_empty() {
            return Modality::Asserted;
        }
        let clause =
            super::clause::clause_of(self.text, self.tokens, &sentence.tokens, value.start);
        let asides = self.asides(&clause, &self.refs()[sentence.refs.clone()]);
        modality(
            self.text,
            self.tokens,
            &clause,
            &asides,
            &value,
            clause.start,
            &self.lexicon.clauses,
        )
    }
}
