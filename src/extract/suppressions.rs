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
            let text_start = after.len() - after.trim_start().len();
            let end = after[text_start..]
                .find("\n\n")
                .or_else(|| after[text_start..].find("\r\n\r\n"))
                .map_or(slice.len(), |i| whole.end() + text_start + i);
            Suppression {
                comment,
                codes,
                reason,
                covers: body.start + whole.end()..body.start + end,
            }
        })
        .collect()
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
    fn a_missing_reason_is_none() {
        let text = "<!-- claimcheck: allow N001 -->\ntext";
        assert_eq!(find(text, 0..text.len())[0].reason, None);
    }
}
