//! Helpers around serde-saphyr shared by the fact base and front matter readers.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use serde_saphyr::Location;

use crate::span::{FileId, Span};

/// Any YAML scalar read as text: `date: 2024` and `date: "2024"` mean the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl Visitor<'_> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a single value (text, number or date)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// serde-saphyr's error message without its location prefix and snippet:
/// claimcheck shows the location itself, in the file the YAML came from.
pub fn plain_message(err: &serde_saphyr::Error) -> String {
    let text = err.without_snippet().to_string();
    let text = text.strip_prefix("error: ").unwrap_or(&text);
    let text = match text.split_once(": ") {
        Some((head, rest)) if head.starts_with("line ") && head.contains(" column ") => rest,
        _ => text,
    };
    let first = text.lines().next().unwrap_or("invalid YAML").trim();
    // Messages may end with the location again: "… at line 4, column 5".
    let first = match first.rfind(" at line ") {
        Some(at) if first[at..].contains(", column ") => &first[..at],
        _ => first,
    };
    first.to_string()
}

/// The span of a YAML node parsed from `text[base..]`, clamped to `text`.
pub fn span_of(loc: &Location, file: FileId, text: &str, base: usize) -> Span {
    let s = loc.span();
    let start = s
        .byte_offset()
        .map(|b| base + b as usize)
        .or_else(|| line_col_offset(text, base, loc.line() as usize, loc.column() as usize))
        .unwrap_or(base)
        .min(text.len());
    let end = (start + s.byte_len().unwrap_or(0) as usize).min(text.len());
    Span::new(file, start..end)
}

/// Byte offset of a one-based line and character column counted from `base`.
fn line_col_offset(text: &str, base: usize, line: usize, column: usize) -> Option<usize> {
    let rest = &text[base..];
    let line_start = rest
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum::<usize>();
    let line_text = rest[line_start..].split('\n').next()?;
    let col = line_text
        .char_indices()
        .nth(column.checked_sub(1)?)
        .map_or(line_text.len(), |(i, _)| i);
    Some(base + line_start + col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_has_no_location_prefix() {
        let err = serde_saphyr::from_str::<Vec<u32>>("a: [").unwrap_err();
        let message = plain_message(&err);
        assert!(!message.starts_with("error"), "{message}");
        assert!(!message.contains("line 1 column"), "{message}");
    }

    #[test]
    fn finds_offsets_from_lines_and_columns() {
        assert_eq!(line_col_offset("ab\ncé d", 0, 2, 3), Some(6));
        assert_eq!(line_col_offset("xx---\nab", 5, 2, 2), Some(7));
    }
}
