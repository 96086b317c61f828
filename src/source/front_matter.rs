//! YAML front matter at the top of an article: `---` … `---`.

use std::ops::Range;

use serde::Deserialize;
use serde_saphyr::Spanned;

pub use crate::yaml::Scalar;

/// The keys claimcheck reads; others (author, tags…) are ignored.
#[derive(Debug, Default, Deserialize)]
pub struct FrontMatterDef {
    #[serde(default)]
    pub date: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub lang: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub title: Option<Spanned<Scalar>>,
    #[serde(default)]
    pub url: Option<Spanned<Scalar>>,
}

/// Where the front matter lies in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterBlock {
    /// The YAML between the fences.
    pub yaml: Range<usize>,
    /// Everything from the opening fence to the end of the closing fence's line.
    pub whole: Range<usize>,
}

/// Finds a front matter block at the very start of `text` (after a BOM, if any).
pub fn find(text: &str) -> Option<FrontMatterBlock> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_line_end = rest.find('\n')?;
    if rest[..first_line_end].trim_end_matches('\r') != "---" {
        return None;
    }
    let yaml_start = start + first_line_end + 1;
    let mut line_start = yaml_start;
    while line_start <= text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let line = text[line_start..line_end].trim_end_matches('\r');
        if line == "---" || line == "..." {
            let whole_end = (line_end + 1).min(text.len());
            return Some(FrontMatterBlock {
                yaml: yaml_start..line_start,
                whole: start..whole_end,
            });
        }
        if line_end == text.len() {
            break;
        }
        line_start = line_end + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_front_matter_with_lf_crlf_and_bom() {
        let text = "---\ndate: 2024-03-01\n---\nBody";
        let fm = find(text).unwrap();
        assert_eq!(&text[fm.yaml.clone()], "date: 2024-03-01\n");
        assert_eq!(&text[fm.whole.end..], "Body");

        let crlf = "\u{feff}---\r\nlang: fr\r\n---\r\nCorps";
        let fm = find(crlf).unwrap();
        assert_eq!(&crlf[fm.yaml.clone()], "lang: fr\r\n");
        assert_eq!(&crlf[fm.whole.end..], "Corps");
    }

    #[test]
    fn no_front_matter_without_an_opening_or_closing_fence() {
        assert_eq!(find("Title\n---\n"), None);
        assert_eq!(find("---\ndate: 2024\nno end"), None);
        assert_eq!(find(""), None);
    }
}
