//! Reading one number, in digits ("1,5", "1 500 000") or in words, before any
//! scale or unit: what amounts and counts share.
//!
//! Number words are read as a small grammar whose words all come from the
//! lexicon ([`crate::lexicon::number_words`]): words that add up ("vingt",
//! "cinq"), multipliers ("hundred", "cents"), a joiner between parts
//! ("vingt et un"), a quantity noun ("a dozen", "une dizaine de"), and an
//! article that is a number only before a multiplier, a quantity noun or a
//! scale ("a million", but not "a further $250 million").

use compact_str::CompactString;

use crate::lexicon::number_words::parts;
use crate::lexicon::{Hedge, Lexicon};
use crate::text::lexemes::{LexKind, Lexeme, matches_at};

/// A number as read, before its scale.
#[derive(Debug)]
pub struct Number<'l> {
    pub value: f64,
    /// Half a unit of the last digit written.
    pub half_unit: f64,
    /// Index of the lexeme after the number.
    pub end: usize,
    pub in_words: bool,
    /// More digit groups or digits than a figure has: no number.
    pub too_long: bool,
    /// An article alone ("a", "un"): 1, but only before a scale.
    pub article_only: bool,
    /// An approximate quantity noun's hedge ("une dizaine de": about 10).
    pub hedge: Option<&'l Hedge>,
}

/// The most digit groups one figure may have: "1,000,000,000,000,000,000,000"
/// (a thousand billion billions) has eight. A longer run is no amount.
pub const MAX_DIGIT_GROUPS: usize = 8;

/// The most digits one figure may have, its decimals included.
pub const MAX_DIGITS: usize = 24;

/// The most word parts one number in words may have ("quatre-vingt-dix-sept
/// mille deux cent cinquante" has nine): a longer run is read no further, so
/// that reading from every word of a long run stays linear.
pub const MAX_WORD_PARTS: usize = 16;

/// The number that starts at `lexemes[i]`, if one does.
pub fn number_at<'l>(
    lexicon: &'l Lexicon,
    text: &str,
    lexemes: &[Lexeme],
    i: usize,
) -> Option<Number<'l>> {
    match lexemes.get(i)?.kind {
        LexKind::Number => Some(digits_at(lexicon, text, lexemes, i)),
        LexKind::Word => words_at(lexicon, text, lexemes, i),
        LexKind::Symbol => None,
    }
}

/// A fraction written at `lexemes[at]` ("and a half", "et demi"): its value
/// and length in lexemes.
pub fn fraction_at(lexicon: &Lexicon, lexemes: &[Lexeme], at: usize) -> Option<(f64, usize)> {
    lexicon
        .numbers
        .fractions
        .iter()
        .find(|(p, _)| matches_at(lexemes, at, p))
        .map(|(p, v)| (*v, p.len()))
}

/// Digits with the language's separators: "1,5", "16.3", "1 500 000", "1,500,000".
/// A separator followed by three digits groups thousands when the language
/// says so or when it repeats ("1,500,000" in any language); otherwise it is
/// the decimal point, whichever of `,` and `.` it is.
fn digits_at<'l>(lex: &Lexicon, text: &str, lexemes: &[Lexeme], i: usize) -> Number<'l> {
    let mut integer = CompactString::from(lexemes[i].folded);
    let mut fraction = String::new();
    let mut j = i + 1;
    let first_group_short = integer.len() <= 3;
    let mut grouped = false;
    let mut groups = 1;
    while fraction.is_empty() {
        let (Some(a), Some(b)) = (lexemes.get(j), lexemes.get(j + 1)) else {
            break;
        };
        let glued_separator = a.kind == LexKind::Symbol
            && !a.spaced
            && matches!(a.folded, "," | ".")
            && b.kind == LexKind::Number
            && !b.spaced;
        if glued_separator {
            let sep = a.folded.chars().next().unwrap_or('.');
            let repeats = grouped
                || lexemes
                    .get(j + 2)
                    .is_some_and(|c| c.folded == a.folded && !c.spaced);
            let grouping = b.folded.len() == 3
                && ((lex.thousands_separators.contains(&sep) && sep != lex.decimal_separator)
                    || repeats);
            if grouping {
                integer.push_str(b.folded);
                grouped = true;
            } else {
                fraction = b.folded.to_string();
            }
            groups += 1;
            j += 2;
            continue;
        }
        // "1 500 000": groups of three after one space-like separator.
        let gap = &text[lexemes[j - 1].range.end..a.range.start];
        let mut gap_chars = gap.chars();
        let one_separator = matches!((gap_chars.next(), gap_chars.next()), (Some(c), None) if lex.thousands_separators.contains(&c));
        if a.kind == LexKind::Number && a.folded.len() == 3 && first_group_short && one_separator {
            integer.push_str(a.folded);
            grouped = true;
            groups += 1;
            j += 1;
            continue;
        }
        break;
    }
    let too_long = groups > MAX_DIGIT_GROUPS || integer.len() + fraction.len() > MAX_DIGITS;
    let value = if too_long {
        0.0
    } else {
        format!(
            "{integer}.{}",
            if fraction.is_empty() { "0" } else { &fraction }
        )
        .parse()
        .unwrap_or(0.0)
    };
    Number {
        value,
        half_unit: if too_long {
            0.0
        } else {
            0.5 * 10f64.powi(-(fraction.len() as i32))
        },
        end: j,
        in_words: false,
        too_long,
        article_only: false,
        hedge: None,
    }
}

/// One part of a word: "quatre-vingt-dix" has three, "cinq" one.
struct Part {
    folded: String,
    /// The lexeme it is part of.
    lexeme: usize,
    /// It ends its lexeme.
    last: bool,
}

/// The parts of the words from `lexemes[i]` on, at most [`MAX_WORD_PARTS`].
fn word_parts(text: &str, lexemes: &[Lexeme], i: usize) -> Vec<Part> {
    let mut out = Vec::new();
    for (k, lexeme) in lexemes.iter().enumerate().skip(i) {
        if lexeme.kind != LexKind::Word || (k > i && !lexeme.spaced) {
            break;
        }
        let raw = &text[lexeme.range.clone()];
        let before = out.len();
        if raw.contains(['-', '\u{2010}', '\u{2011}']) {
            out.extend(parts(raw).map(|folded| Part {
                folded,
                lexeme: k,
                last: false,
            }));
        } else {
            out.push(Part {
                folded: lexeme.folded.to_string(),
                lexeme: k,
                last: false,
            });
        }
        if out.len() > before
            && let Some(p) = out.last_mut()
        {
            p.last = true;
        }
        if out.len() >= MAX_WORD_PARTS {
            out.truncate(MAX_WORD_PARTS);
            break;
        }
    }
    out
}

/// Number words: "deux cent cinquante", "six hundred", "quatre-vingt-dix",
/// "vingt et un", "a dozen", "une dizaine de", "a" before a scale.
fn words_at<'l>(
    lexicon: &'l Lexicon,
    text: &str,
    lexemes: &[Lexeme],
    i: usize,
) -> Option<Number<'l>> {
    let words = &lexicon.numbers;
    let first = lexemes[i].folded;
    let raw = &text[lexemes[i].range.clone()];
    let starts = words.first_words.contains(first)
        || (raw.contains(['-', '\u{2010}', '\u{2011}'])
            && parts(raw)
                .next()
                .is_some_and(|p| words.first_words.contains(&p)));
    if !starts {
        return None;
    }
    let atoms = word_parts(text, lexemes, i);
    // The longest run of parts from `k` that spells a word that adds up.
    let value_run = |k: usize| {
        (1..=words.longest.min(atoms.len().saturating_sub(k)))
            .rev()
            .find_map(|len| {
                let key: String = atoms[k..k + len]
                    .iter()
                    .map(|a| a.folded.as_str())
                    .collect();
                words.values.get(&key).map(|v| (len, *v))
            })
    };
    let mut total = 0.0;
    let mut current = 0.0;
    // The last part read: what comes next must be smaller ("vingt cinq", not
    // "cinq vingt"), except a multiplier.
    let mut last = f64::INFINITY;
    let mut seen = false;
    let mut article = false;
    let mut hedge = None;
    let mut quantity = false;
    // The number as read up to the end of a whole word: (value, lexeme after).
    let mut read: Option<(f64, usize)> = None;
    let mut k = 0;
    while k < atoms.len() {
        let atom = atoms[k].folded.as_str();
        let step = if let Some((len, v)) = value_run(k).filter(|_| !article) {
            // A part added to what is before: a unit after a ten or a
            // hundred, a teen after "soixante" or "cent"; never after a unit.
            let fits = !seen || (last >= 10.0 && v < last && (v < 10.0 || last >= 20.0));
            if !fits {
                break;
            }
            current += v;
            last = v;
            len
        } else if let Some(&m) = words.multipliers.get(atom) {
            let base = if current > 0.0 { current } else { 1.0 };
            if current >= m || (current == 0.0 && m >= last) {
                break;
            }
            if m >= 1000.0 {
                if total > 0.0 {
                    break;
                }
                total = base * m;
                current = 0.0;
            } else {
                current = base * m;
            }
            last = m;
            article = false;
            1
        } else if let Some(noun) = words.quantity_nouns.get(atom).filter(|_| seen || article) {
            current = if current > 0.0 { current } else { 1.0 } * noun.value;
            hedge = noun.hedge.as_ref();
            article = false;
            quantity = true;
            seen = true;
            k += 1;
            if atoms[k - 1].last {
                read = Some((total + current, atoms[k - 1].lexeme + 1));
            }
            break;
        } else if k == 0 && words.articles.contains(atom) {
            article = true;
            k += 1;
            continue;
        } else if seen && last >= 20.0 && words.joiners.contains(atom) {
            // "vingt et un", "one hundred and five": a smaller part after.
            let after = k + 1;
            let part = match atoms.get(after) {
                Some(a) if words.articles.contains(&a.folded) => Some((1, 1.0)),
                Some(_) => value_run(after),
                None => None,
            };
            match part.filter(|(_, v)| *v < last) {
                Some((len, v)) => {
                    current += v;
                    last = v;
                    len + 1
                }
                None => break,
            }
        } else {
            break;
        };
        seen = true;
        k += step;
        if atoms[k - 1].last {
            read = Some((total + current, atoms[k - 1].lexeme + 1));
        }
    }
    if !seen && article {
        return Some(Number {
            value: 1.0,
            half_unit: 0.5,
            end: i + 1,
            in_words: true,
            too_long: false,
            article_only: true,
            hedge: None,
        });
    }
    let (value, mut end) = read?;
    // "une dizaine de millions": the connector after a quantity noun.
    if quantity
        && lexemes.get(end).is_some_and(|l| {
            l.kind == LexKind::Word && lexicon.currency_connectors.contains(l.folded)
        })
    {
        end += 1;
    }
    Some(Number {
        value,
        half_unit: if value < 1.0 { 0.05 } else { 0.5 },
        end,
        in_words: true,
        too_long: false,
        article_only: false,
        hedge,
    })
}
