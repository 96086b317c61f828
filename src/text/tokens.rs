//! Words with exact byte spans.
//!
//! A token is a run of letters, digits and combining marks; a hyphen between two
//! such characters joins them ("Herblin-Stoop", "BOT-4") and so does a point
//! between two digits ("3.5"). Apostrophes split ("l'IA" is "l" and "IA").
//! Invisible characters (a zero-width space, a soft hyphen) between two word
//! characters are part of the word, and folded away.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use super::fold::{fold, is_invisible};
use super::fold_buffer::FoldBuffer;

/// A word of a text. It borrows its folded spelling from the text when folding
/// changes nothing (most words) and from the caller's fold buffer otherwise:
/// nothing is copied or freed per word (measured: a check of 20 MB 4 % faster
/// than with a small string owned by every token).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'t> {
    /// Byte range in the text that was tokenized.
    pub range: Range<usize>,
    /// The token folded for comparison (see [`fold`]).
    pub folded: &'t str,
    /// The first letter is upper case (or the token starts with a digit).
    pub capitalised: bool,
    /// Every letter is upper case and there are at least two of them.
    pub all_caps: bool,
    /// Every letter is lower case.
    pub all_lower: bool,
    pub has_digit: bool,
    /// Words joined by a hyphen ("mi-juin", "Herblin-Stoop"): readers that
    /// look inside such a token skip all others without scanning them.
    pub hyphenated: bool,
}

impl<'t> Token<'t> {
    /// The token cut at its first hyphen, when the word before it folds to
    /// `head`: "ex-Apple" read as "ex" and "Apple", so that the name is seen.
    pub fn split_at_hyphen(&self, text: &str, head: &str) -> Option<(Token<'t>, Token<'t>)> {
        if !self.hyphenated || !self.folded.starts_with(head) {
            return None;
        }
        let word = &text[self.range.clone()];
        let (at, hyphen) = word.char_indices().find(|(_, c)| is_hyphen(*c))?;
        let rest = self.range.start + at + hyphen.len_utf8()..self.range.end;
        if fold(&word[..at]) != head || rest.is_empty() {
            return None;
        }
        let (folded_head, folded_rest) = self.folded.split_at(head.len());
        let part = |range: Range<usize>, folded: &'t str| {
            let word = &text[range.clone()];
            let (upper, lower, has_digit) = case_counts(word);
            let first = word.chars().next().unwrap_or(' ');
            Token {
                folded,
                capitalised: case_of(first).0 || first.is_ascii_digit(),
                all_caps: upper >= 2 && lower == 0,
                all_lower: upper == 0,
                has_digit,
                hyphenated: word.chars().any(is_hyphen),
                range,
            }
        };
        Some((
            part(self.range.start..self.range.start + at, folded_head),
            part(rest, folded_rest),
        ))
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Accented Latin letters, the bulk of the rest, without a table search.
    if ('\u{C0}'..='\u{24F}').contains(&c) {
        return c != '×' && c != '÷';
    }
    is_word_char_slow(c)
}

fn is_word_char_slow(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

pub(super) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Where a run of invisible characters starting at byte `at` ends (`at` when
/// there is none).
pub(super) fn after_invisible(text: &str, mut at: usize, end: usize) -> usize {
    while let Some(c) = char_at(text, at, end).filter(|c| is_invisible(*c)) {
        at += c.len_utf8();
    }
    at
}

/// The character at byte `at` of `text[..end]`, if any.
#[inline]
pub(super) fn char_at(text: &str, at: usize, end: usize) -> Option<char> {
    match text.as_bytes()[..end].get(at) {
        Some(b) if b.is_ascii() => Some(*b as char),
        Some(_) => text[at..end].chars().next(),
        None => None,
    }
}

const LOWER: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;

/// What each byte is among ASCII letters and digits (0: anything else).
static ASCII_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_lowercase() {
            LOWER
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Tokens being read, with their folds.
struct Reader<'t> {
    text: &'t str,
    tokens: Vec<Token<'t>>,
    folds: FoldBuffer<'t>,
}

impl<'t> Reader<'t> {
    /// Adds a token, folding its text.
    fn push_folded(&mut self, mut token: Token<'t>) {
        token.folded = self
            .folds
            .fold(self.tokens.len(), &self.text[token.range.clone()]);
        self.tokens.push(token);
    }

    /// Adds a token of ASCII letters and digits, folded by lower-casing.
    /// Inlined: a token passed through the stack is read back before its
    /// bytes have reached memory (measured: 3 % of a whole check).
    #[inline(always)]
    fn push_ascii(&mut self, token: Token<'t>, has_upper: bool) {
        let word = &self.text[token.range.clone()];
        let folded = self.folds.fold_ascii(self.tokens.len(), word, has_upper);
        self.tokens.push(Token { folded, ..token });
    }

    fn finish(self) -> Vec<Token<'t>> {
        let Reader {
            mut tokens, folds, ..
        } = self;
        folds.finish(|k, folded| tokens[k].folded = folded);
        tokens
    }
}

/// Splits `text[range]` into tokens whose ranges index `text`. Folds that
/// differ from the text are kept in `folds` (cleared first), which the tokens
/// borrow.
pub fn tokenize<'t>(text: &'t str, range: Range<usize>, folds: &'t mut String) -> Vec<Token<'t>> {
    let bytes = text.as_bytes();
    let end = range.end;
    let mut reader = Reader {
        text,
        // A token and what separates it take 5.5 to 6 bytes in French and
        // English news: with room for 5, the vector is rarely grown (growing
        // it copied a long article's tokens and doubled their memory).
        tokens: Vec::with_capacity(range.len() / 5),
        // Room for the folds that differ (capitalised and accented words)
        // of a quarter of the text, rarely grown.
        folds: FoldBuffer::with_room(folds, range.len() / 4, range.len() / 32),
    };
    let mut i = range.start;
    while i < end {
        let b = bytes[i];
        let class = ASCII_CLASS[b as usize];
        if class == 0 {
            match b.is_ascii() {
                true => i += 1,
                false => i = word_at(&mut reader, i, end),
            }
            continue;
        }
        // A run of ASCII letters and digits, the bulk of any text, ended by
        // ASCII that can neither join nor continue it, is a plain token: its
        // case is read in the same pass.
        // Only which classes the run holds is gathered byte by byte; capitals
        // are counted only in a run without lower case (an acronym, a year).
        let (mut j, mut seen) = (i + 1, class);
        while j < end {
            let next = ASCII_CLASS[bytes[j] as usize];
            if next == 0 {
                break;
            }
            seen |= next;
            j += 1;
        }
        if j < end && (!bytes[j].is_ascii() || matches!(bytes[j], b'-' | b'.')) {
            i = word_at(&mut reader, i, end);
            continue;
        }
        let has_upper = seen & UPPER != 0;
        let all_caps = has_upper
            && seen & LOWER == 0
            && bytes[i..j]
                .iter()
                .filter(|b| b.is_ascii_uppercase())
                .count()
                >= 2;
        reader.push_ascii(
            Token {
                folded: "",
                capitalised: class != LOWER,
                all_caps,
                all_lower: !has_upper,
                has_digit: seen & DIGIT != 0,
                hyphenated: false,
                range: i..j,
            },
            has_upper,
        );
        i = j;
    }
    reader.finish()
}

/// The token starting at byte `i`, if a word character is there, added to
/// `reader`; returns where reading goes on.
#[inline(never)]
fn word_at(reader: &mut Reader, mut i: usize, end: usize) -> usize {
    let text = reader.text;
    let bytes = text.as_bytes();
    let c = char_at(text, i, end).expect("i < end");
    if !is_word_char(c) {
        return i + c.len_utf8();
    }
    let start = i;
    let mut prev_digit = c.is_ascii_digit();
    // Only ASCII letters and digits so far: the token folds by lower-casing.
    let mut plain = c.is_ascii();
    let mut hyphenated = false;
    // The word's case, counted as it is read (what `case_counts` would give:
    // the hyphens, points and invisible characters between have none).
    let mut case = CaseCounts::default();
    case.add(c);
    i += c.len_utf8();
    while i < end {
        let b = bytes[i];
        // ASCII letters and digits by the byte table: one look for what
        // three comparisons told.
        let class = ASCII_CLASS[b as usize];
        if class != 0 {
            prev_digit = class == DIGIT;
            case.upper += usize::from(class == UPPER);
            case.lower += usize::from(class == LOWER);
            case.has_digit |= class == DIGIT;
            i += 1;
            continue;
        }
        let next = char_at(text, i, end).expect("i < end");
        if is_word_char(next) {
            prev_digit = false;
            plain = false;
            case.add(next);
            i += next.len_utf8();
        } else if is_invisible(next)
            && char_at(text, after_invisible(text, i, end), end).is_some_and(is_word_char)
        {
            // "Zéfi\u{200b}rine", "1\u{200b}500": one word, as it shows.
            plain = false;
            i = after_invisible(text, i, end);
        } else if (is_hyphen(next) || (next == '.' && prev_digit))
            && char_at(text, i + next.len_utf8(), end)
                .is_some_and(|after| is_word_char(after) && (next != '.' || after.is_ascii_digit()))
        {
            // A hyphen between word characters, or a decimal point.
            plain = false;
            hyphenated |= next != '.';
            i += next.len_utf8();
        } else {
            break;
        }
    }
    let CaseCounts {
        upper,
        lower,
        has_digit,
    } = case;
    let token = Token {
        folded: "",
        capitalised: case_of(c).0 || c.is_ascii_digit(),
        all_caps: upper >= 2 && lower == 0,
        all_lower: upper == 0,
        has_digit,
        hyphenated,
        range: start..i,
    };
    match plain {
        true => reader.push_ascii(token, upper > 0),
        false => reader.push_folded(token),
    }
    i
}

/// The folded words of `text[range]`, owned: for indexes built once.
pub fn folded_words(text: &str, range: Range<usize>) -> Vec<String> {
    let mut folds = String::new();
    tokenize(text, range, &mut folds)
        .into_iter()
        .map(|t| t.folded.to_string())
        .collect()
}

/// The words of `text` as written, each with its fold: for indexes built once
/// that compare both (a stemmer reads accents).
pub fn written_words(text: &str) -> Vec<(String, String)> {
    let mut folds = String::new();
    tokenize(text, 0..text.len(), &mut folds)
        .into_iter()
        .map(|t| (text[t.range].to_string(), t.folded.to_string()))
        .collect()
}

/// Upper-case letters, lower-case letters, and whether there is a digit,
/// added up character by character.
#[derive(Default)]
struct CaseCounts {
    upper: usize,
    lower: usize,
    has_digit: bool,
}

impl CaseCounts {
    #[inline(always)]
    fn add_ascii(&mut self, b: u8) {
        self.upper += usize::from(b.is_ascii_uppercase());
        self.lower += usize::from(b.is_ascii_lowercase());
        self.has_digit |= b.is_ascii_digit();
    }

    #[inline(always)]
    fn add(&mut self, c: char) {
        if c.is_ascii() {
            return self.add_ascii(c as u8);
        }
        let (is_upper, is_lower) = case_of(c);
        self.upper += usize::from(is_upper);
        self.lower += usize::from(is_lower && !is_upper);
    }
}

/// Upper-case letters, lower-case letters, and whether there is a digit.
fn case_counts(word: &str) -> (usize, usize, bool) {
    let (mut upper, mut lower, mut has_digit) = (0usize, 0usize, false);
    if word.is_ascii() {
        for b in word.bytes() {
            upper += usize::from(b.is_ascii_uppercase());
            lower += usize::from(b.is_ascii_lowercase());
            has_digit |= b.is_ascii_digit();
        }
    } else {
        for c in word.chars() {
            let (is_upper, is_lower) = case_of(c);
            upper += usize::from(is_upper);
            lower += usize::from(is_lower && !is_upper);
            has_digit |= c.is_ascii_digit();
        }
    }
    (upper, lower, has_digit)
}

/// Whether a character is upper case, and whether it is lower case: Latin-1
/// letters, most of a French or English text's accented ones, without a
/// search of the Unicode tables (0.7 % of the samples of a check).
fn case_of(c: char) -> (bool, bool) {
    match c {
        'A'..='Z' | '\u{C0}'..='\u{DE}' if c != '\u{D7}' => (true, false),
        'a'..='z' | '\u{DF}'..='\u{FF}' if c != '\u{F7}' => (false, true),
        _ if c.is_ascii() => (false, false),
        _ => (c.is_uppercase(), c.is_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len(), &mut String::new())
            .into_iter()
            .map(|t| &text[t.range])
            .collect()
    }

    #[test]
    fn splits_on_spaces_and_apostrophes_and_joins_hyphens() {
        assert_eq!(
            words("l’IA d'Audrey Herblin-Stoop, BOT-4 et ChatBot 3.5."),
            [
                "l",
                "IA",
                "d",
                "Audrey",
                "Herblin-Stoop",
                "BOT-4",
                "et",
                "ChatBot",
                "3.5"
            ]
        );
    }

    #[test]
    fn marks_words_joined_by_a_hyphen() {
        let text = "mi-juin, mi\u{2010}mai, 3.5, BOT-4 et juin";
        let joined: Vec<(&str, bool)> = tokenize(text, 0..text.len(), &mut String::new())
            .into_iter()
            .map(|t| (&text[t.range], t.hyphenated))
            .collect();
        assert_eq!(
            joined,
            [
                ("mi-juin", true),
                ("mi\u{2010}mai", true),
                ("3.5", false),
                ("BOT-4", true),
                ("et", false),
                ("juin", false)
            ]
        );
    }

    #[test]
    fn keeps_combining_marks_inside_words_and_exact_spans() {
        let text = "\u{feff}Dorothe\u{301}e Durand";
        let mut folds = String::new();
        let tokens = tokenize(text, 0..text.len(), &mut folds);
        assert_eq!(&text[tokens[0].range.clone()], "Dorothe\u{301}e");
        assert_eq!(tokens[0].folded, "dorothee");
        assert_eq!(&text[tokens[1].range.clone()], "Durand");
    }

    #[test]
    fn invisible_characters_inside_a_word_join_it() {
        let text = "Zéfi\u{200b}rin Zéfi\u{ad}\u{2060}rine \u{200b}Valorde\u{feff} 1\u{200c}500";
        let mut folds = String::new();
        let t = tokenize(text, 0..text.len(), &mut folds);
        let words: Vec<(&str, &str)> = t
            .iter()
            .map(|t| (&text[t.range.clone()], t.folded))
            .collect();
        assert_eq!(
            words,
            [
                ("Zéfi\u{200b}rin", "zefirin"),
                ("Zéfi\u{ad}\u{2060}rine", "zefirine"),
                ("Valorde", "valorde"),
                ("1\u{200c}500", "1500")
            ]
        );
    }

    #[test]
    fn classifies_case() {
        let text = "IBM Vandelay labs";
        let mut folds = String::new();
        let t = tokenize(text, 0..text.len(), &mut folds);
        assert!(t[0].all_caps && t[0].capitalised);
        assert!(!t[1].all_caps && t[1].capitalised);
        assert!(t[2].all_lower && !t[2].capitalised);
    }

    #[test]
    fn the_latin_shortcut_agrees_with_unicode() {
        for c in '\u{80}'..='\u{2FF}' {
            assert_eq!(is_word_char(c), is_word_char_slow(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn the_latin_case_shortcut_agrees_with_unicode() {
        for c in '\0'..='\u{2FF}' {
            assert_eq!(
                case_of(c),
                (c.is_uppercase(), c.is_lowercase()),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn case_read_while_scanning_agrees_with_counting_the_word() {
        let text = "Zéfi\u{200b}RINE ÉTATS-UNIS États-Unis 3.5 BOT-4 Dorothe\u{301}e \
                    ÇA ça Ωmega ΩMEGA İstanbul ǅemal x\u{ad}Y a1é 12-billion-parameter \
                    XQZ Ab AB aB ab A1 1A 1AB A 12 x9 NovaAI ZXQ4o";
        for t in tokenize(text, 0..text.len(), &mut String::new()) {
            let word = &text[t.range.clone()];
            let (upper, lower, has_digit) = case_counts(word);
            let first = word.chars().next().unwrap();
            assert_eq!(
                (t.capitalised, t.all_caps, t.all_lower, t.has_digit),
                (
                    case_of(first).0 || first.is_ascii_digit(),
                    upper >= 2 && lower == 0,
                    upper == 0,
                    has_digit
                ),
                "{word}"
            );
        }
    }

    #[test]
    fn tokenizes_a_sub_range() {
        let text = "abc def ghi";
        let mut folds = String::new();
        let t = tokenize(text, 4..11, &mut folds);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].range, 4..7);
    }
}
