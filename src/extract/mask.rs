//! Parts of an article that are not prose: URLs, e-mail addresses, hashtags and
//! handles, HTML comments, inline code. Nothing in them is read as a claim or a name.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

static NOT_PROSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?s)<!--.*?-->",
        r"|(?i:\b(?:https?://|www\.)[^\s<>()\[\]]+)",
        r"|[\w.+-]+@[\w-]+\.[\w.-]+",
        r"|[#@][\p{L}\p{N}_]+",
        r"|`[^`\n]+`",
        r"|\]\([^)\n]*\)",
    ))
    .expect("valid regex")
});

/// Byte ranges of `text[body]` that are not prose, in order.
pub fn not_prose(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    NOT_PROSE
        .find_iter(&text[body.clone()])
        .map(|m| body.start + m.start()..body.start + m.end())
        .collect()
}

/// Whether `range` overlaps any of the sorted `masks`.
pub fn is_masked(masks: &[Range<usize>], range: &Range<usize>) -> bool {
    let i = masks.partition_point(|m| m.end <= range.start);
    masks.get(i).is_some_and(|m| m.start < range.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_urls_handles_hashtags_comments_and_code() {
        let text = "Voir https://x.org/Open-AI et #harrystebbings, @20vc_tok, a@b.fr <!-- Open AI --> `Open AI` [lien](http://y) fin";
        let masks = not_prose(text, 0..text.len());
        let masked: Vec<&str> = masks.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            masked,
            [
                "https://x.org/Open-AI",
                "#harrystebbings",
                "@20vc_tok",
                "a@b.fr",
                "<!-- Open AI -->",
                "`Open AI`",
                "](http://y)"
            ]
        );
        let fin = text.find("fin").unwrap();
        assert!(!is_masked(&masks, &(fin..fin + 3)));
        assert!(is_masked(&masks, &(5..10)));
    }
}
