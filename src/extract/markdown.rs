//! What is not prose in a Markdown article, as pulldown-cmark parses it
//! (with byte offsets): code blocks, inline code, HTML tags and blocks, and
//! images (their alt text describes a picture, it states nothing). Nothing in
//! them is read as a claim or a name, and so `--fix` never rewrites them.
//! Headings, lists, tables and block quotes are prose and keep their spans.
//!
//! Scraped articles often indent whole paragraphs by four spaces, which
//! CommonMark reads as a code block: an indented block is prose unless it
//! looks like code (see [`looks_like_code`]). A fenced block is always code.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag};

/// Whether a file of this name is Markdown (a `.txt` file is plain prose).
pub fn is_markdown(name: &str) -> bool {
    std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Byte ranges of `text[body]` that Markdown marks as other than prose, in
/// order.
pub fn not_prose(text: &str, body: Range<usize>) -> Vec<Range<usize>> {
    let slice = &text[body.clone()];
    if !may_hold_markup(slice) {
        return Vec::new();
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(slice, options).into_offset_iter() {
        let masked = match &event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => true,
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => {
                // CommonMark joins indented chunks across blank lines into one
                // block: each chunk is judged on its own.
                for chunk in chunks(slice, range.clone()) {
                    if looks_like_code(&slice[chunk.clone()]) {
                        out.push(body.start + chunk.start..body.start + chunk.end);
                    }
                }
                false
            }
            Event::Start(Tag::HtmlBlock | Tag::Image { .. })
            | Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_) => true,
            _ => false,
        };
        if masked {
            let range = body.start + range.start..body.start + range.end;
            match out.last_mut() {
                // Events nest (an image's text inside it): keep the outer range.
                Some(last) if range.start < last.end => last.end = last.end.max(range.end),
                _ => out.push(range),
            }
        }
    }
    out
}

/// The runs of non-blank lines of `text[range]`.
fn chunks(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut at = range.start;
    let mut open: Option<usize> = None;
    for line in text[range.clone()].split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, open) {
            (false, None) => open = Some(at),
            (true, Some(start)) => {
                out.push(start..at);
                open = None;
            }
            _ => {}
        }
        at += line.len();
    }
    if let Some(start) = open {
        out.push(start..range.end);
    }
    out
}

/// Whether `text` may hold anything [`not_prose`] masks: most articles hold
/// none of these bytes, and are not parsed at all.
fn may_hold_markup(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3(b'`', b'<', b'~', bytes).is_some()
        || memchr::memmem::find(bytes, b"![").is_some()
        || memchr::memmem::find(bytes, b"\n    ").is_some()
        || memchr::memmem::find(bytes, b"\n\t").is_some()
        || text.starts_with("    ")
        || text.starts_with('\t')
}

/// The fewest letters and spaces, as a share of its characters, that a block
/// of prose has: code is dense with brackets, operators and digits.
const PROSE_LETTER_SHARE: f64 = 0.75;

/// Whether an indented block is code rather than an indented paragraph: a
/// line ends with `;`, `{` or `}`, or holds an operator of code (`==`, `=>`,
/// `->`, `::`, `();`), or letters and spaces are under three quarters of it.
pub fn looks_like_code(block: &str) -> bool {
    let code_line = |line: &str| {
        let line = line.trim();
        line.ends_with([';', '{', '}'])
            || ["==", "=>", "->", "::", "();", "&&", "||"]
                .iter()
                .any(|op| line.contains(op))
    };
    if block.lines().any(code_line) {
        return true;
    }
    let (mut all, mut prose) = (0usize, 0usize);
    for c in block.chars().filter(|c| !c.is_whitespace() || *c == ' ') {
        all += 1;
        if c.is_alphabetic() || c == ' ' {
            prose += 1;
        }
    }
    all > 0 && (prose as f64) < PROSE_LETTER_SHARE * all as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str) -> Vec<&str> {
        not_prose(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn code_html_and_images_are_not_prose() {
        let text = "Acme raised €5 million.\n\n```\nlet x = 1;\n```\n\nSee `acme` and <span title=\"Acme\">x</span> and ![Acme logo](a.png).\n";
        let m = masked(text);
        assert!(m.iter().any(|s| s.starts_with("```")), "{m:?}");
        assert!(m.contains(&"`acme`"), "{m:?}");
        assert!(m.contains(&"<span title=\"Acme\">"), "{m:?}");
        assert!(m.contains(&"![Acme logo](a.png)"), "{m:?}");
        assert!(!m.iter().any(|s| s.contains("raised")), "{m:?}");
    }

    #[test]
    fn an_indented_paragraph_is_prose_and_indented_code_is_not() {
        let prose = "Intro.\n\n    Acme raised five million euros, its chief said on Monday.\n";
        assert!(masked(prose).is_empty(), "{:?}", masked(prose));
        let code = "Intro.\n\n    fn main() {\n        run();\n    }\n";
        assert_eq!(masked(code).len(), 1);
        // One indented block of CommonMark, two chunks: only the code is masked.
        let both = "Intro.\n\n    Acme raised five million euros on Monday.\n\n    run();\n";
        assert_eq!(masked(both), vec!["    run();\n"]);
    }

    #[test]
    fn plain_articles_are_not_parsed() {
        assert!(!may_hold_markup(
            "Acme raised €5 million. Its rival did not.\n"
        ));
        assert!(is_markdown("a.MD") && is_markdown("b.markdown") && !is_markdown("c.txt"));
    }
}
