//! A finer cut than [`super::tokens`] for reading amounts: words, digit runs and
//! symbols (`€`, `$`, `~`, `,`), each with its byte range and whether white space
//! precedes it. Apostrophes only separate (`d'euros` is `d`, `euros`).
//! Invisible characters (a zero-width space, a soft hyphen) are not there: a
//! word or a run of digits goes on through them, and their folds drop them.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use super::fold::is_invisible;
use super::fold_buffer::FoldBuffer;
use super::tokens::{after_invisible, char_at, is_hyphen};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LexKind {
    Word,
    Number,
    Symbol,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lexeme<'t> {
    pub kind: LexKind,
    pub range: Range<usize>,
    /// Folded word, digits as written, or the symbol itself: borrowed from the
    /// text when folding changes nothing, else from the caller's fold buffer
    /// (as [tokens](super::tokens::Token) do).
    pub folded: &'t str,
    /// White space (or the start of the range) comes right before it.
    pub spaced: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    c.is_alphabetic() || is_combining_mark(c)
}

/// Lexes `text[range]`; ranges index `text`. Folds that differ from the text
/// are kept in `folds` (cleared first), which the lexemes borrow.
pub fn lex<'t>(text: &'t str, range: Range<usize>, folds: &'t mut String) -> Vec<Lexeme<'t>> {
    let mut folds = FoldBuffer::new(folds);
    let end = range.end;
    let bytes = text.as_bytes();
    // Words, digit runs and the symbols between: about one in four bytes
    // (room for one in six was grown once a sentence).
    let mut out = Vec::with_capacity(range.len() / 4 + 4);
    let mut i = range.start;
    let mut spaced = true;
    while let Some(c) = char_at(text, i, end) {
        if c.is_whitespace() || is_apostrophe(c) || is_invisible(c) {
            spaced |= c.is_whitespace();
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut j = i + c.len_utf8();
        let kind = if c.is_ascii_digit() {
            loop {
                while j < end && bytes[j].is_ascii_digit() {
                    j += 1;
                }
                // Invisible characters are not ASCII: most runs end here.
                if bytes.get(j).is_none_or(|b| b.is_ascii()) {
                    break;
                }
                let next = after_invisible(text, j, end);
                if next == j || !bytes.get(next).is_some_and(u8::is_ascii_digit) {
                    break;
                }
                j = next;
            }
            LexKind::Number
        } else if is_letter(c) {
            while let Some(d) = char_at(text, j, end) {
                if is_letter(d) {
                    j += d.len_utf8();
                    continue;
                }
                if is_invisible(d) {
                    let next = after_invisible(text, j, end);
                    if char_at(text, next, end).is_some_and(is_letter) {
                        j = next;
                        continue;
                    }
                    break;
                }
                let joined = is_hyphen(d)
                    .then(|| char_at(text, j + d.len_utf8(), end))
                    .flatten()
                    .filter(|n| is_letter(*n) || n.is_ascii_digit());
                match joined {
                    Some(n) => j += d.len_utf8() + n.len_utf8(),
                    None => break,
                }
            }
            LexKind::Word
        } else {
            LexKind::Symbol
        };
        let raw = &text[start..j];
        let folded = match kind {
            LexKind::Word => folds.fold(out.len(), raw),
            // Digits with an invisible character inside.
            LexKind::Number if !raw.is_ascii() => folds.fold(out.len(), raw),
            _ => raw,
        };
        out.push(Lexeme {
            kind,
            range: start..j,
            folded,
            spaced,
        });
        spaced = false;
        i = j;
    }
    folds.finish(|k, folded| out[k].folded = folded);
    out
}

/// Whether `phrase` is written at `lexemes[at..]`.
pub fn matches_at(lexemes: &[Lexeme], at: usize, phrase: &[String]) -> bool {
    !phrase.is_empty()
        && lexemes.len() >= at + phrase.len()
        && lexemes[at..at + phrase.len()]
            .iter()
            .zip(phrase)
            .all(|(l, p)| l.folded == p)
}

/// Where `phrase` starts if it is written just before `lexemes[end]`.
pub fn matches_before(lexemes: &[Lexeme], end: usize, phrase: &[String]) -> Option<usize> {
    let start = end.checked_sub(phrase.len())?;
    matches_at(lexemes, start, phrase).then_some(start)
}

/// The folded lexemes of a lexicon phrase, for matching: "d’euros" → ["d", "euros"].
pub fn phrase(text: &str) -> Vec<String> {
    lex(text, 0..text.len(), &mut String::new())
        .into_iter()
        .map(|l| l.folded.into())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> Vec<String> {
        phrase(text)
    }

    #[test]
    fn splits_numbers_words_and_symbols() {
        assert_eq!(
            folded("15 millions d’euros"),
            ["15", "millions", "d", "euros"]
        );
        assert_eq!(folded("€15M"), ["€", "15", "m"]);
        assert_eq!(
            folded("US$16.3 million"),
            ["us", "$", "16", ".", "3", "million"]
        );
        assert_eq!(folded("1 500 000"), ["1", "500", "000"]);
        assert_eq!(folded("vingt-cinq au-delà"), ["vingtcinq", "audela"]);
        assert_eq!(folded("BOT-4"), ["bot4"]);
    }

    #[test]
    fn reads_through_invisible_characters() {
        assert_eq!(
            folded("6\u{200b}00 mil\u{ad}lions d\u{2060}’euros\u{feff}"),
            ["600", "millions", "d", "euros"]
        );
        let text = "1\u{200b}500 €";
        let mut folds = String::new();
        let l = lex(text, 0..text.len(), &mut folds);
        assert_eq!(&text[l[0].range.clone()], "1\u{200b}500");
        assert!(l[1].spaced);
    }

    #[test]
    fn records_spacing_and_ranges() {
        let text = "a 15M€";
        let mut folds = String::new();
        let l = lex(text, 0..text.len(), &mut folds);
        assert!(l[1].spaced && !l[2].spaced && !l[3].spaced);
        assert_eq!(&text[l[3].range.clone()], "€");
    }
}
