//! Proper names the fact base does not know: runs of capitalised words such as
//! "Jean-Marc Dupond", kept so that two spellings of one name can be compared.

use std::ops::Range;

use super::mentions::{Mention, joins_name};
use crate::lexicon::Lexicon;
use crate::text::tokens::Token;

#[derive(Clone, Debug)]
pub struct ProperName {
    pub range: Range<usize>,
    /// How many words it has.
    pub words: usize,
}

/// Runs of two or more capitalised words (particles such as "von der" allowed
/// inside) that overlap no entity mention. Leading function words and titles
/// ("Selon", "Le", "Mme") are left out of the run.
pub fn find(
    text: &str,
    tokens: &[Token],
    mentions: &[Mention],
    lexicon: Option<&Lexicon>,
) -> Vec<ProperName> {
    let is_function = |t: &Token| {
        lexicon.is_some_and(|l| l.stopwords.contains(t.folded) || l.titles.contains(t.folded))
    };
    let is_particle = |t: &Token| lexicon.is_some_and(|l| l.name_particles.contains(t.folded));
    // Mentions are in reading order and do not overlap, and tokens are asked
    // about in reading order: the first mention not before a token is found
    // by moving on from the last one (by binary search if a token comes back).
    let next_mention = std::cell::Cell::new(0);
    let in_mention = |t: &Token| {
        let before = |m: &Mention| m.range.end <= t.range.start;
        let mut i = next_mention.get();
        if i > 0 && !before(&mentions[i - 1]) {
            i = mentions.partition_point(before);
        }
        while i < mentions.len() && before(&mentions[i]) {
            i += 1;
        }
        next_mention.set(i);
        mentions.get(i).is_some_and(|m| m.range.start < t.range.end)
    };
    let is_word = |t: &Token| t.capitalised && !t.has_digit && !in_mention(t);

    let mut names = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_word(&tokens[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < tokens.len()
            && joins_name(text, tokens[end - 1].range.end..tokens[end].range.start)
            && (is_word(&tokens[end]) || (is_particle(&tokens[end]) && !tokens[end].capitalised))
        {
            end += 1;
        }
        // A name has two capitalised words at least: most runs are one word.
        if tokens[i..end]
            .iter()
            .filter(|t| t.capitalised)
            .take(2)
            .count()
            < 2
        {
            i = end.max(i + 1);
            continue;
        }
        // A run ends on a capitalised word, never on a particle.
        let mut last = end;
        while last > i && !tokens[last - 1].capitalised {
            last -= 1;
        }
        let mut first = i;
        while first < last && is_function(&tokens[first]) {
            first += 1;
        }
        let run = &tokens[first..last];
        let words = run.iter().filter(|t| t.capitalised).count();
        if words >= 2 && !run.iter().all(|t| t.all_caps) {
            names.push(ProperName {
                range: run[0].range.start..run[run.len() - 1].range.end,
                words,
            });
        }
        i = end.max(i + 1);
    }
    names
}
