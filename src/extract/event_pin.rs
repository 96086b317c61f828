//! Which event of its subject a money claim speaks of, when the words around
//! its value say it: a label ("sa série B de 600 millions"), an ordinal
//! before an event noun ("its fourth round, of $50 million") or the latest
//! ("sa dernière levée, de 2 milliards"). Read between the amounts on either
//! side of the value, within its clause, so that "€5M in its seed round and
//! €20M in its Series A" pins each amount to its own event.

use std::ops::Range;

use crate::lexicon::event_words::EventWords;
use crate::text::tokens::Token;
use crate::values::EventPin;

/// How many words may stand between a pin and its value ("lors d'un tour de
/// financement de série D").
const PIN_REACH: usize = 8;

/// The pin written nearest the value in tokens `scope` (the value's tokens
/// left out), if any: within the value's own aside when it is in one, in no
/// other aside, within [`PIN_REACH`] words, and not past a word that puts
/// another event beside it ("ce second tour arrive après les 105 millions").
pub(super) fn pin_near(
    tokens: &[Token],
    scope: Range<usize>,
    value: &Range<usize>,
    asides: &[Range<usize>],
    words: &EventWords,
) -> Option<EventPin> {
    if words.is_empty() || scope.is_empty() {
        return None;
    }
    let mut scope = scope;
    if let Some(holder) = asides
        .iter()
        .filter(|a| a.start <= value.start && value.end <= a.end)
        .min_by_key(|a| a.len())
    {
        scope = scope.start.max(holder.start)..scope.end.min(holder.end);
    }
    let separates = |i: usize| words.separates(tokens[i].folded);
    if let Some(i) = (scope.start..value.start.max(scope.start))
        .rev()
        .find(|&i| separates(i))
    {
        scope.start = i + 1;
    }
    if let Some(i) = (value.end.min(scope.end)..scope.end).find(|&i| separates(i)) {
        scope.end = i;
    }
    scope = scope.start.max(value.start.saturating_sub(PIN_REACH))
        ..scope.end.min(value.end + PIN_REACH);
    if scope.is_empty()
        || !tokens[scope.clone()]
            .iter()
            .any(|t| words.may_start(t.folded))
    {
        return None;
    }
    let folded: Vec<&str> = tokens[scope.clone()].iter().map(|t| t.folded).collect();
    let distance = |from: usize, len: usize| {
        let (start, end) = (scope.start + from, scope.start + from + len);
        if end <= value.start {
            value.start - end
        } else {
            start.saturating_sub(value.end)
        }
    };
    let mut best: Option<(usize, EventPin)> = None;
    let mut i = 0;
    while i < folded.len() {
        if !words.may_start(folded[i]) {
            i += 1;
            continue;
        }
        let found = words
            .label_at(&folded, i)
            .map(|(label, len)| (EventPin::Label(label), len))
            .or_else(|| words.ordinal_at(&folded, i));
        let Some((pin, len)) = found else {
            i += 1;
            continue;
        };
        let overlaps_value = scope.start + i < value.end && value.start < scope.start + i + len;
        let elsewhere = (scope.start + i..scope.start + i + len)
            .any(|t| super::clause::in_aside(asides, value, t));
        if !overlaps_value && !elsewhere {
            let d = distance(i, len);
            if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                best = Some((d, pin));
            }
        }
        i += len;
    }
    best.map(|(_, pin)| pin)
}
