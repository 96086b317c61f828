//! Reading counts: a number (digits or words, a scale) followed by a unit noun
//! of the lexicon's `count_units` — "1,000 employees", "10 million users",
//! "7 milliards de paramètres", "a 12-billion-parameter model", "7B
//! parameters". A count is never money: the amount reader leaves it alone.

use super::amounts::interval;
use super::numbers::{fraction_at, number_at};
use crate::lexicon::Lexicon;
use crate::lexicon::number_words::parts;
use crate::text::lexemes::{LexKind, Lexeme, matches_at, matches_before};
use crate::values::Count;

/// The count unit written at `lexemes[at]`, or after a connector there
/// ("milliards de paramètres"): its id and where it ends.
pub fn count_unit_at<'l>(
    lexicon: &'l Lexicon,
    lexemes: &[Lexeme],
    at: usize,
) -> Option<(&'l str, usize)> {
    let unit_at = |k: usize| {
        lexicon
            .count_units
            .iter()
            .find(|(p, _)| matches_at(lexemes, k, p))
            .map(|(p, unit)| (unit.as_str(), k + p.len()))
    };
    unit_at(at).or_else(|| {
        lexemes
            .get(at)
            .filter(|l| l.kind == LexKind::Word && lexicon.currency_connectors.contains(l.folded))
            .and_then(|_| unit_at(at + 1))
    })
}

/// The unit of a glued word after a figure: "-billion-parameter" is a
/// scale's factor and a unit.
fn glued_unit<'l>(lexicon: &'l Lexicon, word: &str) -> Option<(f64, &'l str)> {
    let parts: Vec<String> = parts(word).collect();
    let (unit, before) = parts.split_last()?;
    let factor = match before {
        [] => 1.0,
        [scale] => {
            lexicon
                .scales
                .iter()
                .find(|s| !s.short && s.phrase.len() == 1 && s.phrase[0] == *scale)?
                .factor
        }
        _ => return None,
    };
    let (_, id) = lexicon
        .count_units
        .iter()
        .find(|(p, _)| p.len() == 1 && p[0] == *unit)?;
    Some((factor, id.as_str()))
}

pub struct CountReader<'a> {
    pub lexicon: &'a Lexicon,
}

impl CountReader<'_> {
    pub fn read(&self, text: &str, lexemes: &[Lexeme]) -> Vec<Count> {
        let mut out = Vec::new();
        let mut i = 0;
        let mut work = 0;
        while i < lexemes.len() {
            match self.count_at(text, lexemes, i, &mut work) {
                Ok((count, next)) => {
                    out.push(count);
                    i = next;
                }
                Err(next) => i = next.max(i + 1),
            }
        }
        crate::text::work::add(work);
        out
    }

    /// The count that starts at `lexemes[i]` and the lexeme after it, or
    /// where to read on.
    fn count_at(
        &self,
        text: &str,
        lexemes: &[Lexeme],
        i: usize,
        work: &mut u64,
    ) -> Result<(Count, usize), usize> {
        let lexicon = self.lexicon;
        let Some(number) = number_at(lexicon, text, lexemes, i) else {
            return Err(i + 1);
        };
        *work += (number.end - i) as u64;
        if number.too_long {
            return Err(number.end);
        }
        let mut end = number.end;
        let mut value = number.value;
        let mut half_unit = number.half_unit;
        if let Some((fraction, len)) = fraction_at(lexicon, lexemes, end) {
            value += fraction;
            half_unit = half_unit.min(0.05);
            end += len;
        }
        let mut factor = 1.0;
        // "7B parameters": a short scale glued to its figure counts too.
        if let Some(scale) = lexicon
            .scales
            .iter()
            .find(|s| matches_at(lexemes, end, &s.phrase) && (!s.short || !lexemes[end].spaced))
        {
            factor = scale.factor;
            end += scale.phrase.len();
            if let Some((fraction, len)) = fraction_at(lexicon, lexemes, end) {
                value += fraction;
                half_unit = half_unit.min(0.05);
                end += len;
            }
        } else if number.article_only {
            return Err(i + 1);
        }
        let unit = match count_unit_at(lexicon, lexemes, end) {
            Some((unit, after)) => {
                end = after;
                unit
            }
            None => {
                // "a 12-billion-parameter model": figure, hyphen, scale and unit.
                let glued = (factor == 1.0 && !number.in_words)
                    .then(|| lexemes.get(end).zip(lexemes.get(end + 1)))
                    .flatten()
                    .filter(|(dash, word)| {
                        dash.folded == "-"
                            && !dash.spaced
                            && word.kind == LexKind::Word
                            && !word.spaced
                    })
                    .and_then(|(_, word)| glued_unit(lexicon, &text[word.range.clone()]));
                let Some((glued_factor, unit)) = glued else {
                    return Err(i + 1);
                };
                factor = glued_factor;
                end += 2;
                unit
            }
        };
        let hedge = lexicon
            .hedges
            .iter()
            .find_map(|h| matches_before(lexemes, i, &h.phrase).map(|start| (h, start)));
        let first = hedge.map_or(i, |(_, start)| start);
        let hedge = hedge.map(|(h, _)| h).or(number.hedge);
        let value = value * factor;
        let (low, high) = interval(value, half_unit * factor, hedge);
        Ok((
            Count {
                range: lexemes[first].range.start..lexemes[end - 1].range.end,
                value,
                low,
                high,
                unit: unit.to_string(),
                hedge: hedge.map(|h| h.text.clone()),
            },
            end,
        ))
    }
}
