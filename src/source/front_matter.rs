//! YAML front matter at the top of an article: `---` … `---`.

use std::ops::Range;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

/// The keys claimcheck reads; others (author, tags…) are ignored.
#[derive(Debug, Default, Deserialize)]
pub struct FrontMatterDef {
    #[serde(default)]
    pub date: Option<Spanned<Value>>,
    #[serde(default)]
    pub lang: Option<Spanned<Value>>,
    #[serde(default)]
    pub title: Option<Spanned<Value>>,
    #[serde(default)]
    pub url: Option<Spanned<Value>>,
}

/// A value of the front matter as written. A list or a mapping where one
/// value is expected is kept, not refused while parsing, so that the
/// message can name its key and point at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Any scalar read as text: `date: 2024` and `date: "2024"` mean the same.
    Single(String),
    /// What was written instead of a single value: "a list" or "a mapping".
    Nested(&'static str),
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = Value;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
                Ok(Value::Single(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
                Ok(Value::Single(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
                Ok(Value::Single(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
                Ok(Value::Single(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
                Ok(Value::Single(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Value::Nested("a list"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Value::Nested("a mapping"))
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
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
    let start = opening_fence(text)?.start;
    let rest = &text[start..];
    let first_line_end = rest.find('\n')?;
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

/// The `---` that opens a front matter, when the first line (after a BOM)
/// is one, closed or not.
pub fn opening_fence(text: &str) -> Option<Range<usize>> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_line = rest.split('\n').next().unwrap_or(rest);
    (first_line.trim_end_matches('\r') == "---").then(|| start..start + 3)
}

/// The values of a front matter whose every line is a plain `key: value`
/// (most articles'), found without the YAML parser: byte ranges in the YAML.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PlainValues {
    pub date: Option<Range<usize>>,
    pub lang: Option<Range<usize>>,
    pub title: Option<Range<usize>>,
    pub url: Option<Range<usize>>,
}

/// Reads `yaml` when every line is blank or `key: value` with a value YAML
/// reads as exactly that text; `None` when any line needs the YAML parser
/// (quotes, comments, lists, a number, a repeated key…).
pub fn read_plain(yaml: &str) -> Option<PlainValues> {
    let mut values = PlainValues::default();
    let mut keys: Vec<&str> = Vec::new();
    let mut line_start = 0;
    for line in yaml.split_inclusive('\n') {
        let at = line_start;
        line_start += line.len();
        let content = line.strip_suffix('\n').unwrap_or(line);
        if content.is_empty() {
            continue;
        }
        let (key, value) = content.split_once(": ")?;
        let key_ok = !key.is_empty()
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !key_ok || !is_plain_text(value) || keys.contains(&key) {
            return None;
        }
        keys.push(key);
        let start = at + key.len() + 2;
        let range = Some(start..start + value.len());
        match key {
            "date" => values.date = range,
            "lang" => values.lang = range,
            "title" => values.title = range,
            "url" => values.url = range,
            _ => {}
        }
    }
    Some(values)
}

/// Whether YAML reads `value`, written after `key: `, as this very text: it
/// starts with a letter or digit (no indicator or quote), holds no comment,
/// tab or mapping, and is not a number, boolean or null. Digits are allowed
/// at the start only for a date (`2024-06-11`, `2024-06`).
fn is_plain_text(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    let date_like = |v: &str| {
        v.len() >= 7
            && v.bytes().all(|b| b.is_ascii_digit() || b == b'-')
            && v.as_bytes()[4] == b'-'
    };
    let keyword = ["true", "false", "null", "yes", "no", "on", "off", "y", "n"]
        .iter()
        .any(|k| value.eq_ignore_ascii_case(k));
    first.is_alphanumeric()
        && (!first.is_ascii_digit() || date_like(value))
        && value.trim_end() == value
        && !value.ends_with(':')
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.contains(['\t', '\r'])
        && value.parse::<f64>().is_err()
        && !keyword
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_values_are_what_the_yaml_parser_reads() {
        let cases = [
            "title: Article 0\nlang: fr\ndate: 2025-03-23\n",
            "title: Acme lève 385 millions d'euros, un record\nlang: FR\ndate: 2024-06\n",
            "url: https://example.com/a?b=c&d=e\nauthor: Zoé\n\ndate: 2024-06-11\n",
            "title: L’IA générative — état des lieux\n",
            "title: 1.50\n",
            "title: 0x1F\n",
            "title: true\n",
            "title: null\n",
            "title: 2024\n",
            "title: 12:30\n",
            "title: 'quoted'\n",
            "title: a # comment\n",
            "title: trailing \n",
            "title: a\ntitle: b\n",
            "tags:\n  - a\n",
            "title: [a, b]\n",
            "# comment\ntitle: a\n",
            "date: 2024-13-45\nlang: xx\n",
            "title:  two spaces\n",
            "title: a\r\n",
        ];
        let mut read = 0;
        for yaml in cases {
            let Some(plain) = read_plain(yaml) else {
                continue;
            };
            read += 1;
            let parsed: FrontMatterDef = serde_saphyr::from_str(yaml).unwrap();
            let text = |r: &Option<Range<usize>>| r.clone().map(|r| yaml[r].to_string());
            let value = |s: &Option<Spanned<Value>>| {
                s.as_ref().map(|s| match &s.value {
                    Value::Single(text) => text.clone(),
                    Value::Nested(what) => what.to_string(),
                })
            };
            assert_eq!(text(&plain.date), value(&parsed.date), "{yaml}");
            assert_eq!(text(&plain.lang), value(&parsed.lang), "{yaml}");
            assert_eq!(text(&plain.title), value(&parsed.title), "{yaml}");
            assert_eq!(text(&plain.url), value(&parsed.url), "{yaml}");
            // Where the date is written, as diagnostics would point at it.
            if let Some(date) = &parsed.date {
                let span = crate::yaml::span_of(&date.referenced, 0, yaml, 0);
                assert_eq!(Some(span.range()), plain.date.clone(), "{yaml}");
            }
        }
        assert_eq!(read, 5, "the first four cases and the bad date are plain");
    }

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

    #[test]
    fn an_opening_fence_is_found_closed_or_not() {
        assert_eq!(opening_fence("---\ndate: 2024\nno end"), Some(0..3));
        assert_eq!(opening_fence("\u{feff}---\r\nlang: fr"), Some(3..6));
        assert_eq!(opening_fence("---"), Some(0..3));
        assert_eq!(opening_fence("----\n"), None);
        assert_eq!(opening_fence("Title\n---\n"), None);
    }
}
