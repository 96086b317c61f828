//! Sentence and paragraph boundaries: a claim's cue, subject and value are looked
//! for within one sentence; a currency is inherited only within one paragraph.

use std::ops::Range;

/// Sentences of `text[body]`: they end at `.`, `!`, `?` or `…` followed by white
/// space (not a decimal point), at a blank line, and at a line break after a line
/// that does not read as wrapped prose.
pub fn sentences(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    split(text, body, false)
}

/// Paragraphs: blocks between blank lines, or lines that end a sentence.
pub fn paragraphs(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    split(text, body, true)
}

fn split(text: &str, body: Range<usize>, paragraphs_only: bool) -> Vec<Range<usize>> {
    let slice = &text[body.clone()];
    let bytes = slice.as_bytes();
    // Room for a sentence every 64 bytes, rarely grown.
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let mut start = 0;
    let mut line_start = 0;
    let followed_by_space = |at: usize| slice[at..].chars().next().is_none_or(char::is_whitespace);
    // Every boundary character is ASCII except `…`, which starts with 0xE2.
    // Two vectorised searches find the next candidates (most bytes cannot end
    // anything); each is searched again only once passed.
    let stops = |from: usize| match paragraphs_only {
        true => None,
        false => memchr::memchr3(b'.', b'!', b'?', &bytes[from..]).map(|k| from + k),
    };
    let breaks = |from: usize| match paragraphs_only {
        true => memchr::memchr(b'\n', &bytes[from..]).map(|k| from + k),
        false => memchr::memchr2(b'\n', 0xE2, &bytes[from..]).map(|k| from + k),
    };
    let (mut next_stop, mut next_break) = (stops(0), breaks(0));
    loop {
        let i = match (next_stop, next_break) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) => a,
            (None, Some(b)) => b,
            (None, None) => break,
        };
        if next_stop == Some(i) {
            next_stop = stops(i + 1);
        }
        if next_break == Some(i) {
            next_break = breaks(i + 1);
        }
        let b = bytes[i];
        let len = match b {
            b'.' | b'!' | b'?' if !paragraphs_only => 1,
            0xE2 if !paragraphs_only && slice[i..].starts_with('…') => '…'.len_utf8(),
            b'\n' => 1,
            _ => continue,
        };
        let end_here = if b == b'\n' {
            let line = slice[line_start..i].trim_end();
            // The first line of a block (after a blank line or the start).
            let before = &slice[..line_start];
            let first_of_block = before.trim_start().is_empty()
                || before.trim_end_matches([' ', '\t', '\r']).ends_with("\n\n");
            line_start = i + 1;
            let blank_next = slice[i + 1..].starts_with('\n') || slice[i + 1..].starts_with("\r\n");
            let next_capitalised = slice[i + 1..].trim_start().starts_with(char::is_uppercase);
            // Hard-wrapped prose: a long line that stops mid-sentence. A short
            // line without a full stop is a title, and so is a block's first
            // line followed by a capitalised one (a headline over a paragraph).
            let wrapped = (line.ends_with(',')
                || line.ends_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
                    && !(first_of_block && next_capitalised))
                && at_least_chars(line, 50);
            line.is_empty() || blank_next || !wrapped
        } else {
            followed_by_space(i + len)
        };
        if end_here {
            let end = i + len;
            if has_text(&slice[start..end]) {
                out.push(body.start + start..body.start + end);
            }
            start = end;
        }
    }
    if has_text(&slice[start..]) {
        out.push(body.start + start..body.end);
    }
    out
}

/// Whether `s` holds anything but white space (`!s.trim().is_empty()`,
/// read from the start only).
fn has_text(s: &str) -> bool {
    s.chars().any(|c| !c.is_whitespace())
}

/// Whether `s` has at least `n` characters, without counting them when its
/// length in bytes tells (a character has one to four bytes).
fn at_least_chars(s: &str, n: usize) -> bool {
    s.len() >= n && (s.len() >= 4 * n || s.chars().count() >= n)
}

/// The index of the range in `ranges` (sorted, disjoint) that holds `at`.
pub fn containing(ranges: &[Range<usize>], at: usize) -> Option<usize> {
    let i = ranges.partition_point(|r| r.end <= at);
    (i < ranges.len() && ranges[i].start <= at).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str, f: fn(&str, Range<usize>) -> Vec<Range<usize>>) -> Vec<&str> {
        f(text, 0..text.len())
            .into_iter()
            .map(|r| text[r].trim())
            .collect()
    }

    #[test]
    fn splits_sentences_but_not_decimals() {
        assert_eq!(
            parts("Elle a levé 1.5 million. Puis 2 ! Enfin…  fin", sentences),
            ["Elle a levé 1.5 million.", "Puis 2 !", "Enfin…", "fin"]
        );
    }

    #[test]
    fn line_breaks_end_titles_but_not_wrapped_prose() {
        let text = "Un titre\nUne phrase assez longue pour être coupée qui continue,\nsur deux lignes et finit.\n\nAutre paragraphe";
        assert_eq!(
            parts(text, paragraphs),
            [
                "Un titre",
                "Une phrase assez longue pour être coupée qui continue,\nsur deux lignes et finit.",
                "Autre paragraphe"
            ]
        );
    }

    #[test]
    fn a_headline_over_a_paragraph_is_a_sentence_of_its_own() {
        let text = "\nLa jeune pousse Nova Labs lève plus de 220 millions de dollars\nDepuis le début de l'année, rien.";
        assert_eq!(
            parts(text, sentences),
            [
                "La jeune pousse Nova Labs lève plus de 220 millions de dollars",
                "Depuis le début de l'année, rien."
            ]
        );
    }

    #[test]
    fn finds_the_containing_range() {
        let ranges = vec![0..5, 5..9, 12..20];
        assert_eq!(containing(&ranges, 0), Some(0));
        assert_eq!(containing(&ranges, 5), Some(1));
        assert_eq!(containing(&ranges, 10), None);
        assert_eq!(containing(&ranges, 19), Some(2));
    }
}
