//! Prefixes glued to a word with a hyphen that are words of their own
//! ("ex-Apple": "ex", then the name "Apple"), as the lexicon lists them: the
//! name readers see the name, the cue readers the prefix.

use crate::lexicon::Lexicon;
use crate::text::tokens::Token;

/// `tokens` with each hyphenated token that starts with such a prefix cut in
/// two; the others as they were.
pub fn split_word_prefixes<'t>(
    text: &str,
    tokens: Vec<Token<'t>>,
    lexicon: Option<&Lexicon>,
) -> Vec<Token<'t>> {
    let heads: Vec<&str> = lexicon
        .into_iter()
        .flat_map(|l| &l.glued_prefixes)
        .filter(|p| p.word)
        .map(|p| p.prefix.as_str())
        .collect();
    let split = |t: &Token<'t>| heads.iter().find_map(|head| t.split_at_hyphen(text, head));
    if heads.is_empty() || !tokens.iter().any(|t| t.hyphenated && split(t).is_some()) {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len() + 1);
    for token in tokens {
        match token.hyphenated.then(|| split(&token)).flatten() {
            Some((head, rest)) => out.extend([head, rest]),
            None => out.push(token),
        }
    }
    out
}
