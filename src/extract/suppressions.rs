//! Inline suppressions: `<!-- claimcheck: allow CODE reason="…" -->` before a
//! paragraph silences CODE (a code or a name; several separated by commas) in it.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

static ALLOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"<!--\s*claimcheck:\s*allow\s+([A-Za-z0-9_,\s-]*?)\s*(?:reason\s*=\s*"([^"]*)")?\s*-->"#,
    )
    .expect("valid regex")
});

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// The comment itself.
    pub comment: Range<usize>,
    /// Codes or names, as written.
    pub codes: Vec<String>,
    pub reason: Option<String>,
    /// The paragraph it covers: from the comment to the next blank line after some text.
    pub covers: Range<usize>,
}

pub fn find(text: &str, body: Range<usize>) -> Vec<Suppression> {
    let slice = &text[body.clone()];
    // Comments are found in order: the next blank line after one is searched
    // again only once passed (searched from each comment, many comments in one
    // paragraph made this quadratic).
    let mut lf = NextMatch::new(slice, "\n\n");
    let mut crlf = NextMatch::new(slice, "\r\n\r\n");
    ALLOW
        .captures_iter(slice)
        .map(|c| {
            let whole = c.get(0).expect("group 0 always matches");
            let comment = body.start + whole.start()..body.start + whole.end();
            let codes = c[1]
                .split(|ch: char| ch == ',' || ch.is_whitespace())
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
            let reason = c
                .get(2)
                .map(|r| r.as_str().trim().to_string())
                .filter(|r| !r.is_empty());
            let after = &slice[whole.end()..];
            let text_start = whole.end() + after.len() - after.trim_start().len();
            let end = lf
                .from(text_start)
                .or_else(|| crlf.from(text_start))
                .unwrap_or(slice.len());
            Suppression {
                comment,
                codes,
                reason,
                covers: body.start + whole.end()..body.start + end,
            }
        })
        .collect()
}

/// The first place of `needle` in `haystack` from a byte that only grows
/// from one call to the next: searched again only once the last one is passed.
struct NextMatch<'h> {
    haystack: &'h str,
    needle: &'static str,
    /// The last search: from where, and what it found.
    last: Option<(usize, Option<usize>)>,
}

impl<'h> NextMatch<'h> {
    fn new(haystack: &'h str, needle: &'static str) -> Self {
        NextMatch {
            haystack,
            needle,
            last: None,
        }
    }

    fn from(&mut self, at: usize) -> Option<usize> {
        match self.last {
            // Found at or after `at`: still the first from `at`. Not found from
            // an earlier byte: not found from this one either.
            Some((from, found)) if from <= at && found.is_none_or(|f| f >= at) => found,
            _ => {
                let found =
                    memchr::memmem::find(&self.haystack.as_bytes()[at..], self.needle.as_bytes())
                        .map(|i| at + i);
                // The bytes searched, for the tests of linear work.
                crate::text::work::add((found.unwrap_or(self.haystack.len()) - at) as u64);
                self.last = Some((at, found));
                found
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_codes_reason_and_the_paragraph_covered() {
        let text = "Intro.\n\n<!-- claimcheck: allow N001, missing-currency reason=\"house style\" -->\nCovered line.\nStill covered.\n\nNot covered.";
        let found = find(text, 0..text.len());
        assert_eq!(found.len(), 1);
        let s = &found[0];
        assert_eq!(s.codes, ["N001", "missing-currency"]);
        assert_eq!(s.reason.as_deref(), Some("house style"));
        assert_eq!(
            text[s.covers.clone()].trim(),
            "Covered line.\nStill covered."
        );
    }

    #[test]
    fn many_comments_in_one_paragraph_cover_it_to_its_blank_line() {
        let comment = "<!-- claimcheck: allow N001 reason=\"x\" -->";
        let text = format!(
            "{}\nTexte.\n\nFin.\r\n\r\n{comment}\r\nAutre.",
            format!("{comment} ").repeat(3)
        );
        let found = find(&text, 0..text.len());
        assert_eq!(found.len(), 4);
        for s in &found[..3] {
            assert!(
                text[s.covers.clone()].ends_with("Texte."),
                "{:?}",
                &text[s.covers.clone()]
            );
        }
        assert_eq!(text[found[3].covers.clone()].trim(), "Autre.");
    }

    #[test]
    fn a_missing_reason_is_none() {
        let text = "<!-- claimcheck: allow N001 -->\ntext";
        assert_eq!(find(text, 0..text.len())[0].reason, None);
    }
}
