//! Inline suppressions, each with one clear scope:
//!
//! - `<!-- claimcheck: allow CODE reason="…" -->` on its own line (or
//!   before the text it starts) silences CODE (codes or names, separated by
//!   commas) in the block below it, up to the next blank line;
//! - `<!-- claimcheck: allow-file CODE reason="…" -->` anywhere silences CODE
//!   in the whole article;
//! - `<!-- claimcheck: off [CODE] reason="…" -->` … `<!-- claimcheck: on -->`
//!   silences CODE (every check when none is named) between the two, or to the
//!   end of the article when no `on` follows, as Vale's `vale off`/`vale on`.
//!
//! An `allow` after text on its line (at the end of a paragraph) could mean
//! the paragraph before or the one after: it silences nothing, and
//! `invalid-suppression` says so.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

static ALLOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"<!--\s*claimcheck:\s*(allow-file|allow|off|on)\b([A-Za-z0-9_,\s-]*?)\s*(?:reason\s*=\s*"([^"]*)")?\s*-->"#,
    )
    .expect("valid regex")
});

/// What a suppression covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The block below the comment.
    Block,
    /// The whole article.
    File,
    /// From `off` to `on` (or the end).
    Region,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// The comment itself.
    pub comment: Range<usize>,
    /// Codes or names, as written (for a region, none means every check).
    pub codes: Vec<String>,
    pub reason: Option<String>,
    pub scope: Scope,
    /// What it covers (empty when its scope is unclear).
    pub covers: Range<usize>,
    /// An `allow` after text on its line: which block it means is unclear.
    pub unclear: bool,
}

impl Suppression {
    /// Whether it silences the check `code` named `name`.
    pub fn names(&self, code: &str, name: &str) -> bool {
        (self.scope == Scope::Region && self.codes.is_empty())
            || self
                .codes
                .iter()
                .any(|c| c.eq_ignore_ascii_case(code) || c.eq_ignore_ascii_case(name))
    }
}

pub fn find(text: &str, body: Range<usize>) -> Vec<Suppression> {
    let slice = &text[body.clone()];
    // Comments are found in order: the next blank line after one is searched
    // again only once passed (searched from each comment, many comments in one
    // paragraph made this quadratic).
    let mut lf = NextMatch::new(slice, "\n\n");
    let mut crlf = NextMatch::new(slice, "\r\n\r\n");
    let mut out: Vec<Suppression> = Vec::new();
    for c in ALLOW.captures_iter(slice) {
        let whole = c.get(0).expect("group 0 always matches");
        let comment = body.start + whole.start()..body.start + whole.end();
        let kind = &c[1];
        if kind == "on" {
            // Closes the last region still open.
            if let Some(open) = out
                .iter_mut()
                .rev()
                .find(|s| s.scope == Scope::Region && s.covers.end == body.end)
            {
                open.covers.end = comment.start;
            }
            continue;
        }
        let codes = c[2]
            .split(|ch: char| ch == ',' || ch.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        let reason = c
            .get(3)
            .map(|r| r.as_str().trim().to_string())
            .filter(|r| !r.is_empty());
        let (scope, covers, unclear) = match kind {
            "allow-file" => (Scope::File, body.clone(), false),
            "off" => (Scope::Region, comment.end..body.end, false),
            _ => {
                // Text before the comment on its line (other comments aside).
                let line_start = slice[..whole.start()].rfind('\n').map_or(0, |i| i + 1);
                let before = slice[line_start..whole.start()].trim_end();
                let unclear = !before.is_empty() && !before.ends_with("-->");
                let after = &slice[whole.end()..];
                let text_start = whole.end() + after.len() - after.trim_start().len();
                let end = lf
                    .from(text_start)
                    .or_else(|| crlf.from(text_start))
                    .unwrap_or(slice.len());
                let covers = if unclear {
                    comment.end..comment.end
                } else {
                    body.start + whole.end()..body.start + end
                };
                (Scope::Block, covers, unclear)
            }
        };
        out.push(Suppression {
            comment,
            codes,
            reason,
            scope,
            covers,
            unclear,
        });
    }
    out
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
    fn each_scope_covers_what_it_says() {
        let text = "<!-- claimcheck: allow-file N001 reason=\"a\" -->\nOne.\n\nTwo. <!-- claimcheck: allow M003 reason=\"b\" -->\n\nThree.\n\n<!-- claimcheck: off reason=\"c\" -->\nFour.\n\nFive.\n<!-- claimcheck: on -->\nSix.";
        let found = find(text, 0..text.len());
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].scope, Scope::File);
        assert_eq!(found[0].covers, 0..text.len());
        // After text on its line: the paragraph it means is unclear.
        assert!(found[1].unclear && found[1].covers.is_empty());
        assert_eq!(found[2].scope, Scope::Region);
        assert_eq!(text[found[2].covers.clone()].trim(), "Four.\n\nFive.");
        assert!(
            found[2].names("M001", "fact-conflict"),
            "a region names every check"
        );
    }

    #[test]
    fn a_missing_reason_is_none() {
        let text = "<!-- claimcheck: allow N001 -->\ntext";
        assert_eq!(find(text, 0..text.len())[0].reason, None);
    }
}
