//! Finding the entities an article names, exactly or with a variant spelling.
//!
//! Windows of consecutive words are compared with every name and alias of the
//! fact base: first for equality after folding (case, accents, spaces, hyphens),
//! longest window first; then, for capitalised words that matched nothing, for
//! a near miss by edit distance scaled to the length of each word.

use std::ops::Range;

use super::name_index::{FormRole, NameForm, NameIndex};
use super::vocabulary::{FUNCTION_WORD, NAME_START, NAME_WORD};
use crate::lexicon::Lexicon;
use crate::lexicon::name_style::StyleLevel;
use crate::rules::{EntityIdx, EntityKind, FactBase};
use crate::text::distance::{is_transposition, osa_distance};
use crate::text::fold::{consonants_of_folded, skeleton_of_folded, surface};
use crate::text::spelling::{Differences, accents_differ_on_capitals_only, differences};
use crate::text::tokens::Token;
use compact_str::CompactString;

/// How a mention relates to the form it matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Match {
    /// Written exactly like a name or alias (up to Unicode normalisation).
    Exact,
    /// Differs only as typography allows: all capitals, or a capital at the start
    /// of a sentence. Not reported.
    Styled,
    /// The same letters once case, accents and separators are folded.
    Variant(Differences),
    /// A near miss: `distance` letter edits away.
    Misspelt { distance: usize },
}

impl Match {
    /// Whether `name-variant` reports it.
    pub fn is_reported(&self) -> bool {
        matches!(self, Match::Variant(_) | Match::Misspelt { .. })
    }
}

#[derive(Clone, Debug)]
pub struct Mention {
    pub entity: EntityIdx,
    /// Index of the matched form in the [`NameIndex`].
    pub form: usize,
    /// Byte range in the article's text.
    pub range: Range<usize>,
    pub matched: Match,
    /// The language's house style makes the difference a note, not a finding
    /// (accents dropped in English copy).
    pub note: bool,
}

/// Whether the text between two tokens lets them belong to one name: spaces and
/// at most one line break, nothing else.
pub fn joins_name(text: &str, gap: Range<usize>) -> bool {
    let gap = &text[gap];
    if gap == " " {
        return true;
    }
    let mut breaks = 0;
    gap.chars().all(|c| {
        breaks += usize::from(c == '\n');
        c.is_whitespace() && breaks <= 1
    })
}

/// Whether the token starting at `start` begins a sentence, a line or a quotation.
pub fn starts_sentence(text: &str, prev_end: Option<usize>, start: usize) -> bool {
    match prev_end {
        None => true,
        Some(end) => text[end..start].chars().any(|c| {
            matches!(
                c,
                '.' | '!'
                    | '?'
                    | '…'
                    | ':'
                    | '\n'
                    | '«'
                    | '"'
                    | '“'
                    | '—'
                    | '–'
                    | '•'
                    | '*'
                    | '#'
                    | '>'
                    | '|'
            )
        }),
    }
}

/// What a window of words is a near miss of.
#[derive(Clone, Copy)]
enum Near {
    Nothing,
    /// Two entities' forms, equally near.
    Ambiguous,
    Form {
        distance: usize,
        form: usize,
    },
}

pub struct MentionFinder<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token<'a>],
    /// The [`vocabulary`](super::vocabulary) classes of the tokens.
    pub classes: &'a [u16],
    /// The name trie's state after each token alone (from the vocabulary).
    pub name_states: &'a [u32],
    pub index: &'a NameIndex,
    pub facts: &'a FactBase,
    pub lexicon: Option<&'a Lexicon>,
}

impl<'a> MentionFinder<'a> {
    pub fn find(&self) -> Vec<Mention> {
        // Room for a name every sixteen words, rarely grown.
        let mut mentions = Vec::with_capacity(self.tokens.len() / 16);
        // What each capitalised word alone is a near miss of: the same word
        // comes back often, the answer depends on its spelling only.
        let mut lone_words = rustc_hash::FxHashMap::default();
        let mut i = 0;
        while i < self.tokens.len() {
            if let Some((len, mention)) = self
                .fold_match(i)
                .or_else(|| self.near_miss(i, &mut lone_words))
            {
                if let Some(m) = mention.filter(|m| !self.is_other_person(i, len, m, &mentions)) {
                    mentions.push(m);
                }
                i += len;
            } else {
                i += 1;
            }
        }
        mentions
    }

    /// The longest window that can end at `i + len` without crossing punctuation.
    fn max_len(&self, i: usize, limit: usize) -> usize {
        let mut len = 1;
        while len < limit && i + len < self.tokens.len() && self.joins_previous(i + len) {
            len += 1;
        }
        len
    }

    /// Whether token `k` may continue a name begun before it (see [`joins_name`]).
    fn joins_previous(&self, k: usize) -> bool {
        joins_name(
            self.text,
            self.tokens[k - 1].range.end..self.tokens[k].range.start,
        )
    }

    fn window_range(&self, i: usize, len: usize) -> Range<usize> {
        self.tokens[i].range.start..self.tokens[i + len - 1].range.end
    }

    fn prev_end(&self, i: usize) -> Option<usize> {
        i.checked_sub(1).map(|p| self.tokens[p].range.end)
    }

    /// A window fold-equal to a form. `Some((len, None))` consumes the window
    /// without a mention (a `not:` phrase, or an ordinary word).
    fn fold_match(&self, i: usize) -> Option<(usize, Option<Mention>)> {
        if self.classes[i] & NAME_START == 0 {
            return None;
        }
        // One more token than the longest form: "Hoo Li" is two tokens for "HooLi".
        // The windows' folded spellings are prefixes of one string, walked
        // through the index's trie while it still begins some form.
        let limit = self.index.max_tokens + 1;
        // The trie state after each window length; on the stack for names of
        // up to 15 words, the rule.
        let mut on_stack = [0u32; 16];
        let mut on_heap = Vec::new();
        let ends: &mut [u32] = match limit <= on_stack.len() {
            true => &mut on_stack[..limit],
            false => {
                on_heap.resize(limit, 0);
                &mut on_heap
            }
        };
        let mut longest = 1;
        let mut state = self.name_states[i];
        ends[0] = state;
        for k in i + 1..self.tokens.len().min(i + limit) {
            // A window ends at punctuation.
            if !self.joins_previous(k) {
                break;
            }
            match self.index.walk(state, self.tokens[k].folded) {
                Some(next) => state = next,
                None => break,
            }
            ends[longest] = state;
            longest += 1;
        }
        for len in (1..=longest).rev() {
            let forms = self.index.forms_at(ends[len - 1]);
            if forms.is_empty() {
                continue;
            }
            if forms
                .iter()
                .any(|f| self.index.forms[*f].role == FormRole::Not)
            {
                return Some((len, None));
            }
            let tokens = &self.tokens[i..i + len];
            // Words joined into one name must each look like part of a name:
            // "Hoo Li" is "HooLi", "met à" is not "Metà".
            let split = forms
                .iter()
                .all(|f| self.index.forms[*f].tokens.len() != len);
            if split && !tokens.iter().all(|t| self.is_name_like(t)) {
                continue;
            }
            let range = self.window_range(i, len);
            let written = surface(&self.text[range.clone()]);
            // Prefer a form written exactly so; else the one closest in spelling.
            let form = *forms
                .iter()
                .min_by_key(|f| {
                    let form = &self.index.forms[**f];
                    let exact = form.surface == written;
                    let distance = match exact || forms.len() == 1 {
                        true => 0,
                        false => osa_distance(&form.surface, &written),
                    };
                    (!exact, distance, form.role != FormRole::Name)
                })
                .expect("forms is not empty");
            let name = &self.index.forms[form];
            let matched = if name.surface == written {
                Match::Exact
            } else {
                let diff = differences(&written, &name.surface);
                let all_caps = tokens.iter().all(|t| t.all_caps || t.has_digit)
                    && tokens.iter().any(|t| t.all_caps);
                let sentence_start = starts_sentence(self.text, self.prev_end(i), range.start);
                // Headline capitals, or a capital that only starts a sentence;
                // house styles: "the Clarion" (an article lower-cased
                // mid-sentence), "Hooli Novamind" (inner capitals dropped),
                // "Acme-Large" (words of the name joined by a hyphen).
                let styled = (all_caps && !diff.separators)
                    || (diff.is_case_only()
                        && sentence_start
                        && only_first_letter_differs(&written, &name.surface))
                    || (diff.is_case_only()
                        && (only_inner_capitals_dropped(&written, &name.surface)
                            || (self.is_function_word(i)
                                && only_first_word_case_differs(&written, &name.surface))))
                    || (diff == Differences::separators_only()
                        && hyphens_for_spaces(&written, &name.surface))
                    || (diff.is_case_only() && self.surname_in_capitals(tokens, &name.surface));
                if styled {
                    Match::Styled
                } else if diff.is_case_only()
                    && (name.simple_word || name.acronym || self.is_function_word(i))
                    && tokens.iter().skip(1).all(|t| t.all_lower)
                    && (tokens[0].all_lower
                        || (sentence_start && len > 1 && self.is_function_word(i)))
                {
                    // "acme" the wind, "apple" the fruit, "eu" the verb, "le
                    // monde" the world, "the times": ordinary words.
                    return Some((len, None));
                } else {
                    Match::Variant(diff)
                }
            };
            let note = match &matched {
                Match::Variant(diff) if diff.is_accents_only() => {
                    let style = self.lexicon.map(|l| l.name_style).unwrap_or_default();
                    let on_capitals = accents_differ_on_capitals_only(&written, &name.surface);
                    match style.accent_level(on_capitals) {
                        StyleLevel::Ignore => return Some((len, None)),
                        StyleLevel::Note => true,
                        StyleLevel::Warning => false,
                    }
                }
                _ => false,
            };
            return Some((
                len,
                Some(Mention {
                    entity: name.entity,
                    form,
                    range,
                    matched,
                    note,
                }),
            ));
        }
        None
    }

    /// "Jean DUPONT": some words of the name in capitals, the others written
    /// exactly as the fact base does. Capitals for a surname are a
    /// typographic convention, not a variant.
    fn surname_in_capitals(&self, tokens: &[Token], name: &str) -> bool {
        let words: Vec<&str> = name.split_whitespace().collect();
        words.len() == tokens.len()
            && tokens.len() > 1
            && tokens.iter().zip(&words).all(|(t, w)| {
                let written = &self.text[t.range.clone()];
                written == *w || (t.all_caps && written.chars().count() >= 2)
            })
    }

    fn is_name_like(&self, token: &Token) -> bool {
        token.capitalised || token.has_digit
    }

    fn is_function_word(&self, i: usize) -> bool {
        self.classes[i] & FUNCTION_WORD != 0
    }

    /// A capitalised window a few letters away from a form.
    fn near_miss(
        &self,
        i: usize,
        lone_words: &mut rustc_hash::FxHashMap<&'a str, Near>,
    ) -> Option<(usize, Option<Mention>)> {
        if !self.tokens[i].capitalised || self.is_function_word(i) {
            return None;
        }
        // Several words are a near miss only of a name sharing one of them:
        // without such a word in reach, only the lone word is looked at.
        let reach = self.tokens.len().min(i + self.index.max_tokens);
        let longest = match (i..reach).any(|k| self.classes[k] & NAME_WORD != 0) {
            true => self.max_len(i, self.index.max_tokens),
            false => 1,
        };
        for len in (1..=longest).rev() {
            if len > 1 && !(i..i + len).any(|k| self.classes[k] & NAME_WORD != 0) {
                continue;
            }
            let window = &self.tokens[i..i + len];
            let inner_ok = window.iter().enumerate().all(|(k, t)| {
                self.is_name_like(t) || (k > 0 && k + 1 < len && self.is_function_word(i + k))
            });
            if !inner_ok || !self.is_name_like(&window[len - 1]) {
                continue;
            }
            let near = match len {
                1 => *lone_words
                    .entry(window[0].folded)
                    .or_insert_with(|| self.nearest(i, window)),
                _ => self.nearest(i, window),
            };
            match near {
                Near::Ambiguous => return Some((len, None)),
                Near::Form { form: f, .. } if self.index.forms[f].role == FormRole::Not => {
                    return Some((len, None));
                }
                Near::Form { distance, form: f } => {
                    let mention = Mention {
                        entity: self.index.forms[f].entity,
                        form: f,
                        range: self.window_range(i, len),
                        matched: Match::Misspelt { distance },
                        note: false,
                    };
                    return Some((len, Some(mention)));
                }
                Near::Nothing => {}
            }
        }
        None
    }

    /// The form `window` (starting at token `i`) is a near miss of, if one is
    /// nearest.
    fn nearest(&self, i: usize, window: &[Token]) -> Near {
        let one = [window[0].folded];
        let several: Vec<&str>;
        let words: &[&str] = match window.len() {
            1 => &one,
            _ => {
                several = window.iter().map(|t| t.folded).collect();
                &several
            }
        };
        let candidates = self
            .index
            .near_candidates(words, || skeleton_of_folded(window[0].folded));
        // Skeletons are computed only for a window that has candidates.
        let skeletons: Vec<CompactString> = match candidates.is_empty() {
            true => Vec::new(),
            false => window
                .iter()
                .map(|t| skeleton_of_folded(t.folded))
                .collect(),
        };
        let mut best: Option<(usize, usize)> = None;
        let mut ambiguous = false;
        for f in candidates {
            let form = &self.index.forms[f];
            let Some(distance) = self.near_distance(i, window, &skeletons, form) else {
                continue;
            };
            match best {
                Some((d, other))
                    if d == distance && self.index.forms[other].entity != form.entity =>
                {
                    ambiguous = true
                }
                Some((d, _)) if d <= distance => {}
                _ => {
                    best = Some((distance, f));
                    ambiguous = false;
                }
            }
        }
        match best {
            Some(_) if ambiguous => Near::Ambiguous,
            Some((distance, form)) => Near::Form { distance, form },
            None => Near::Nothing,
        }
    }

    /// The edit distance between a window and a form of as many tokens, if it is
    /// small enough to be a misspelling rather than another name.
    fn near_distance(
        &self,
        start: usize,
        window: &[Token],
        skeletons: &[CompactString],
        form: &NameForm,
    ) -> Option<usize> {
        if window.len() == 1 {
            // A surname on its own is too short a context: "Macrun" is not
            // "Macrin". (The index offers no person's form for one word; this
            // keeps the rule where it is read.)
            if self.facts.entity(form.entity).kind == EntityKind::Person {
                return None;
            }
            let (a, b) = (&window[0].folded, &form.tokens[0]);
            // "le géant américain Globexx": a description of the entity's kind
            // and country right before the word is evidence for one edit more.
            let limit = super::name_index::edits_allowed(form.lengths[0])
                + usize::from(form.lengths[0] >= 6 && self.described_as(start, form.entity));
            let same_start = a.chars().next() == b.chars().next();
            let sounds_alike = form.lengths[0] >= 5 && skeletons[0] == form.skeletons[0];
            // Edit distance is at least the difference in length: skip it
            // when it cannot come within the limit.
            let may_be_close =
                limit > 0 && same_start && a.chars().count().abs_diff(form.lengths[0]) <= limit;
            if !sounds_alike && !may_be_close {
                return None;
            }
            let d = osa_distance(a, b);
            let close = (d <= limit && same_start) || sounds_alike;
            return (d > 0 && close).then_some(d);
        }
        let mut total = 0;
        let mut anchored = false;
        // A word of five letters or more written exactly ("Delorme") anchors
        // the name firmly: another of its words may then be two edits away if
        // it keeps its first three letters ("Antonio" for "Antoine").
        let firmly_anchored = window
            .iter()
            .zip(&form.tokens)
            .enumerate()
            .any(|(k, (t, w))| {
                t.folded == *w && w.chars().count() >= 5 && !self.is_function_word(start + k)
            });
        for (k, (token, wanted)) in window.iter().zip(&form.tokens).enumerate() {
            // More than two letters apart in length is never a near miss.
            if token.folded.len().abs_diff(wanted.len()) > 4 {
                return None;
            }
            if token.folded == *wanted {
                anchored |= !self.is_function_word(start + k) && form.lengths[k] >= 2;
                continue;
            }
            let d = osa_distance(token.folded, wanted);
            let sounds_alike = skeletons[k] == form.skeletons[k];
            let same_start = token.folded.chars().take(3).eq(wanted.chars().take(3));
            let firm_near_miss =
                firmly_anchored && d <= 2 && same_start && wanted.chars().count() >= 6;
            // Firmly anchored too, a word heard rather than read: the same
            // length, first letter and consonants, its vowels spelt otherwise
            // ("Vyle" for "Vail").
            let heard = firmly_anchored
                && token.folded.len() == wanted.len()
                && wanted.chars().count() >= 4
                && token.folded.chars().next() == wanted.chars().next()
                && consonants_of_folded(token.folded) == consonants_of_folded(wanted);
            if !(word_is_close(token.folded, wanted, d, sounds_alike) || firm_near_miss || heard) {
                return None;
            }
            total += d;
        }
        (anchored && total > 0 && total <= 3).then_some(total)
    }

    /// Whether the two words before token `i` describe `entity`: a one-word
    /// description of its kind and a nationality adjective of its country, in
    /// either order ("le géant américain", "the American giant").
    fn described_as(&self, i: usize, entity: EntityIdx) -> bool {
        let Some(lexicon) = self.lexicon else {
            return false;
        };
        let e = self.facts.entity(entity);
        let Some(country) = e.country.as_deref() else {
            return false;
        };
        // Whether token `k` is a one-word phrase of `phrases` (found through
        // `index`) whose value is `wanted`.
        let one_word = |k: usize,
                        index: &crate::lexicon::first_words::FirstWords,
                        phrases: &crate::lexicon::Phrases<String>,
                        wanted: &dyn Fn(&str) -> bool| {
            index.get(self.tokens[k].folded).iter().any(|&p| {
                let (words, value) = &phrases[p];
                words.len() == 1 && wanted(value)
            })
        };
        let of_kind = |k: usize| {
            one_word(
                k,
                &lexicon.description_index,
                &lexicon.descriptions,
                &|kind| EntityKind::parse(kind) == Some(e.kind),
            )
        };
        let of_country = |k: usize| {
            one_word(
                k,
                &lexicon.nationality_index,
                &lexicon.nationalities,
                &|code| code == country,
            )
        };
        i >= 2 && ((of_kind(i - 2) && of_country(i - 1)) || (of_country(i - 2) && of_kind(i - 1)))
    }

    /// A surname alias preceded by another first name is another person:
    /// "Sophie Durand" is not "Dorothée Durand".
    fn is_other_person(
        &self,
        i: usize,
        len: usize,
        mention: &Mention,
        earlier: &[Mention],
    ) -> bool {
        if len != 1
            || self.facts.entity(mention.entity).kind != EntityKind::Person
            || self.index.forms[mention.form].role != FormRole::Alias
            || i == 0
        {
            return false;
        }
        let prev = &self.tokens[i - 1];
        let adjacent = joins_name(self.text, prev.range.end..self.tokens[i].range.start);
        let in_mention = earlier
            .last()
            .is_some_and(|m| m.range.end >= prev.range.end);
        let is_title = self.lexicon.is_some_and(|l| l.titles.contains(prev.folded));
        adjacent
            && prev.capitalised
            && !prev.all_caps
            && !in_mention
            && !is_title
            && !self.is_function_word(i - 1)
    }
}

/// Whether one word of a longer name is a plausible misspelling of `wanted`,
/// `d` edits away. Short words must sound alike ("Artur"/"Arthur"), so that
/// "Brent Martin" is not taken for "Brett Martin".
fn word_is_close(written: &str, wanted: &str, d: usize, sounds_alike: bool) -> bool {
    match wanted.chars().count() {
        0..=3 => is_transposition(written, wanted),
        4..=5 => sounds_alike || is_transposition(written, wanted),
        6..=7 => sounds_alike || d <= 1,
        _ => sounds_alike || d <= 2,
    }
}

/// Whether `written` is `name` with the humps of its camel case made small
/// ("Novamind" for "NovaMind", "Novaai" for "NovaAI"): capitals right after
/// a small letter. Any other capital counts: "Acme 7b" is not "Acme 7B",
/// "Acme Ai" not "Acme AI".
fn only_inner_capitals_dropped(written: &str, name: &str) -> bool {
    let (w, n): (Vec<char>, Vec<char>) = (written.chars().collect(), name.chars().collect());
    let mut after_small = false;
    w.len() == n.len()
        && w.iter().zip(&n).all(|(a, b)| {
            let hump = after_small && b.is_uppercase();
            // A run of capitals ("AI" in "NovaAI") is one hump.
            after_small = b.is_lowercase() || (hump && after_small);
            a == b || (hump && a.to_uppercase().eq(b.to_uppercase()))
        })
}

/// Whether `written` and `name` differ only in the case of their first
/// word ("the Clarion" for "The Clarion").
fn only_first_word_case_differs(written: &str, name: &str) -> bool {
    let first_end = |t: &str| t.find(char::is_whitespace).unwrap_or(t.len());
    let (a, b) = (first_end(written), first_end(name));
    written[a..] == name[b..] && written[..a].to_lowercase() == name[..b].to_lowercase()
}

/// Whether `written` is `name` with hyphens where it has spaces.
fn hyphens_for_spaces(written: &str, name: &str) -> bool {
    written.len() == name.len()
        && written
            .chars()
            .zip(name.chars())
            .all(|(a, b)| a == b || (a == '-' && b == ' '))
}

fn only_first_letter_differs(a: &str, b: &str) -> bool {
    let mut x = a.chars();
    let mut y = b.chars();
    match (x.next(), y.next()) {
        (Some(p), Some(q)) => p.to_lowercase().eq(q.to_lowercase()) && x.eq(y),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_name_counts_line_breaks_in_the_same_pass() {
        let defined =
            |gap: &str| gap.chars().all(char::is_whitespace) && gap.matches('\n').count() <= 1;
        for gap in [
            "", " ", "  ", "\n", " \n ", "\n\n", "\n \n", "\t", ", ", "\u{a0}", " x ", "\r\n",
        ] {
            let text = format!("A{gap}B");
            assert_eq!(joins_name(&text, 1..1 + gap.len()), defined(gap), "{gap:?}");
        }
    }
}
