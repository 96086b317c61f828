//! Words with exact byte spans.
//!
//! A token is a run of letters, digits and combining marks; a hyphen between two
//! such characters joins them ("Herblin-Stoop", "BOT-4") and so does a point
//! between two digits ("3.5"). Apostrophes split ("l'IA" is "l" and "IA").

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

use compact_str::CompactString;

use super::fold::fold_compact;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text that was tokenized.
    pub range: Range<usize>,
    /// The token folded for comparison (see [`fold`]).
    pub folded: CompactString,
    /// The first letter is upper case (or the token starts with a digit).
    pub capitalised: bool,
    /// Every letter is upper case and there are at least two of them.
    pub all_caps: bool,
    /// Every letter is lower case.
    pub all_lower: bool,
    pub has_digit: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Splits `text[range]` into tokens whose ranges index `text`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let slice = &text[range.clone()];
    let mut tokens = Vec::new();
    let mut chars = slice.char_indices().peekable();
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|(_, n)| *n);
        let joins = start.is_some()
            && prev.is_some_and(is_word_char)
            && next.is_some_and(is_word_char)
            && (is_hyphen(c)
                || (c == '.'
                    && prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit())));
        if is_word_char(c) || joins {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            tokens.push(make_token(text, range.start + s..range.start + i));
        }
        prev = Some(c);
    }
    if let Some(s) = start {
        tokens.push(make_token(text, range.start + s..range.end));
    }
    tokens
}

fn make_token(text: &str, range: Range<usize>) -> Token {
    let word = &text[range.clone()];
    let letters = word.chars().filter(|c| c.is_alphabetic());
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in letters {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    let first = word.chars().next().unwrap_or(' ');
    Token {
        folded: fold_compact(word),
        capitalised: first.is_uppercase() || first.is_ascii_digit(),
        all_caps: upper >= 2 && lower == 0,
        all_lower: upper == 0,
        has_digit: word.chars().any(|c| c.is_ascii_digit()),
        range,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len())
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
    fn keeps_combining_marks_inside_words_and_exact_spans() {
        let text = "\u{feff}Dorothe\u{301}e Durand";
        let tokens = tokenize(text, 0..text.len());
        assert_eq!(&text[tokens[0].range.clone()], "Dorothe\u{301}e");
        assert_eq!(tokens[0].folded, "dorothee");
        assert_eq!(&text[tokens[1].range.clone()], "Durand");
    }

    #[test]
    fn classifies_case() {
        let text = "IBM Vandelay labs";
        let t = tokenize(text, 0..text.len());
        assert!(t[0].all_caps && t[0].capitalised);
        assert!(!t[1].all_caps && t[1].capitalised);
        assert!(t[2].all_lower && !t[2].capitalised);
    }

    #[test]
    fn tokenizes_a_sub_range() {
        let text = "abc def ghi";
        let t = tokenize(text, 4..11);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].range, 4..7);
    }
}
