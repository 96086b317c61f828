//! An article ready for extraction: its body, language and publication date.

use std::ops::Range;

use chrono::NaiveDate;

use super::front_matter::{self, FrontMatterDef, Value};
use super::map::SourceMap;
use super::problems;
use crate::diagnostic::{Diagnostic, Label};
use crate::lexicon::Lexicons;
use crate::readers::publication_date;
use crate::span::{FileId, Span};
use crate::text::tokens::Token;
use crate::values::date_range::{DateRange, parse_iso};
use crate::yaml::{plain_message, span_of};
use serde_saphyr::Spanned;

/// How the publication date was learnt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateOrigin {
    FrontMatter(Span),
    CommandLine,
    /// Read from the text: a date line or a written date near the top.
    Text(Span),
    /// Inferred from dates in the text: the latest written in full, or a
    /// weekday that fixes the year ("ce mardi 11 juin").
    Inferred(Span),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocDate {
    pub range: DateRange,
    pub origin: DateOrigin,
}

/// How the language was learnt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LangOrigin {
    FrontMatter,
    /// The project's `language` in claimcheck.toml.
    Configured,
    Detected,
    /// Nothing recognisable: the first lexicon is used.
    Fallback,
}

#[derive(Clone, Debug)]
pub struct Article {
    pub file: FileId,
    /// The text after the front matter.
    pub body: Range<usize>,
    pub lang: String,
    pub lang_origin: LangOrigin,
    pub date: Option<DocDate>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// An article whose front matter is read: its language and date are known
/// if declared (or given), else they wait for the body's tokens, which the
/// caller makes once and hands to [`complete`](Self::complete) and then to
/// extraction.
#[derive(Clone, Debug)]
pub struct Draft {
    pub file: FileId,
    /// The text after the front matter: what to tokenize.
    pub body: Range<usize>,
    lang: Option<(String, LangOrigin)>,
    date: Option<DocDate>,
    title: Option<String>,
    url: Option<String>,
}

/// Reads an article's front matter and the language and date it declares (or
/// the run gives). Problems with them are returned as diagnostics; the
/// article is always usable.
pub fn read_front(
    map: &SourceMap,
    file: FileId,
    lexicons: &Lexicons,
    cli_date: Option<NaiveDate>,
    default_lang: Option<&str>,
) -> (Draft, Vec<Diagnostic>) {
    let text = &map.get(file).text;
    let mut problems = Vec::new();
    let block = front_matter::find(text);
    let body = match &block {
        Some(b) => b.whole.end..text.len(),
        None => usize::from(text.starts_with('\u{feff}')) * 3..text.len(),
    };
    let fields = block
        .as_ref()
        .map(|b| read_front_matter(text, file, b.yaml.clone(), lexicons, &mut problems))
        .unwrap_or_default();
    if block.is_none()
        && let Some(fence) = front_matter::opening_fence(text)
    {
        // Read as the body, its date and language would be ignored unsaid.
        problems.push(
            Diagnostic::new(
                &problems::FRONT_MATTER,
                "front matter is not closed: no `---` line ends it",
                Label::new(Span::new(file, fence), "front matter opened here"),
            )
            .with_help("end the front matter with a line `---`; if the article starts with a horizontal rule, put a blank line before it"),
        );
    }

    let mut lang = None;
    if let Some((declared, span)) = &fields.lang {
        let code = language_code(declared, lexicons);
        if lexicons.get(&code).is_some() {
            lang = Some((code, LangOrigin::FrontMatter));
        } else {
            let known: Vec<&str> = lexicons.codes().collect();
            problems.push(
                Diagnostic::new(
                    &problems::UNKNOWN_LANGUAGE,
                    format!("no lexicon for language `{code}`"),
                    Label::new(span.clone(), "unknown language"),
                )
                .with_note(format!("known languages: {}", known.join(", ")))
                .with_help("add a lexicon file `lexicon/<lang>.yaml` to the fact base; the language is detected from the text meanwhile"),
            );
        }
    }
    if lang.is_none()
        && let Some(code) = default_lang.filter(|c| lexicons.get(c).is_some())
    {
        lang = Some((code.to_string(), LangOrigin::Configured));
    }

    let mut date = None;
    if let Some((written, span)) = fields.date {
        match parse_iso(&written) {
            Some(range) => {
                date = Some(DocDate {
                    range,
                    origin: DateOrigin::FrontMatter(span),
                })
            }
            None => problems.push(match missing_day(&written) {
                Some(days) => Diagnostic::new(
                    &problems::FRONT_MATTER,
                    format!("`{written}` is not a day of the calendar"),
                    Label::new(span, format!("this month has {days} days")),
                ),
                None => Diagnostic::new(
                    &problems::FRONT_MATTER,
                    format!("`{written}` is not a date claimcheck can read"),
                    Label::new(span, "expected YYYY-MM-DD, YYYY-MM or YYYY"),
                ),
            }),
        }
    }
    if date.is_none() {
        date = cli_date.map(|d| DocDate {
            range: DateRange::day(d),
            origin: DateOrigin::CommandLine,
        });
    }
    // A news site's address often files the article under its date.
    if date.is_none()
        && let Some((url, span)) = &fields.url
        && let Some((range, at)) = crate::readers::url_date::date_in_url(url)
    {
        date = Some(DocDate {
            range,
            origin: DateOrigin::FrontMatter(Span::new(
                file,
                span.start + at.start..span.start + at.end,
            )),
        });
    }

    let draft = Draft {
        file,
        body,
        lang,
        date,
        title: fields.title,
        url: fields.url.map(|(u, _)| u),
    };
    (draft, problems)
}

impl Draft {
    /// The article, its language detected and its date found in `text` when
    /// the front matter gave none. `tokens` are the whole body's, unmasked.
    pub fn complete(self, text: &str, tokens: &[Token], lexicons: &Lexicons) -> Article {
        let Draft {
            file,
            body,
            lang,
            mut date,
            title,
            url,
        } = self;
        let (lang, lang_origin) =
            lang.unwrap_or_else(|| match lexicons.detect(tokens.iter().map(|t| t.folded)) {
                Some(code) => (code.to_string(), LangOrigin::Detected),
                None => (
                    lexicons.codes().next().unwrap_or("en").to_string(),
                    LangOrigin::Fallback,
                ),
            });
        if date.is_none() {
            let mut order: Vec<_> = lexicons.get(&lang).into_iter().collect();
            order.extend(lexicons.iter().filter(|l| l.language != lang));
            date = publication_date::find_in_text(text, body.clone(), &order).map(|(range, at)| {
                DocDate {
                    range,
                    origin: DateOrigin::Text(Span::new(file, at)),
                }
            });
        }
        if date.is_none()
            && let Some(lexicon) = lexicons.get(&lang)
        {
            date = crate::readers::dates::infer_anchor(lexicon, text, tokens).map(|(day, at)| {
                DocDate {
                    range: DateRange::day(day),
                    origin: DateOrigin::Inferred(Span::new(file, at)),
                }
            });
        }
        Article {
            file,
            body,
            lang,
            lang_origin,
            date,
            title,
            url,
        }
    }
}

/// The lexicon code a front matter's `lang` names: the tag itself in lower
/// case ("FR " is `fr`), else, for a tag with a region or script (BCP 47:
/// `en-GB`, `fr_CA`, `zh-Hant-TW`), its language when a lexicon has it.
fn language_code(declared: &str, lexicons: &Lexicons) -> String {
    let code = declared.trim().to_lowercase().replace('_', "-");
    if lexicons.get(&code).is_some() {
        return code;
    }
    match code.split_once('-') {
        Some((language, _)) if lexicons.get(language).is_some() => language.to_string(),
        _ => code,
    }
}

/// The front matter's values claimcheck reads, with where the date and the
/// language are written (for diagnostics).
#[derive(Default)]
struct Fields {
    date: Option<(String, Span)>,
    lang: Option<(String, Span)>,
    title: Option<String>,
    url: Option<(String, Span)>,
}

/// Reads the front matter in `text[yaml]`. Plain `key: value` lines whose date
/// and language are good need no YAML parser (the common case; 2 ms instead
/// of 22 ms on 20 MB of articles); anything else, or anything to report, goes
/// through it.
fn read_front_matter(
    text: &str,
    file: FileId,
    yaml: Range<usize>,
    lexicons: &Lexicons,
    problems: &mut Vec<Diagnostic>,
) -> Fields {
    let base = yaml.start;
    let value = |r: &Range<usize>| &text[base + r.start..base + r.end];
    let located = |r: &Range<usize>| {
        (
            value(r).to_string(),
            Span::new(file, base + r.start..base + r.end),
        )
    };
    let plain = front_matter::read_plain(&text[yaml.clone()]).filter(|p| {
        p.lang
            .as_ref()
            .is_none_or(|l| lexicons.get(&language_code(value(l), lexicons)).is_some())
            && p.date
                .as_ref()
                .is_none_or(|d| parse_iso(value(d)).is_some())
    });
    if let Some(plain) = plain {
        return Fields {
            date: plain.date.as_ref().map(located),
            lang: plain.lang.as_ref().map(located),
            title: plain.title.as_ref().map(|r| value(r).to_string()),
            url: plain.url.as_ref().map(located),
        };
    }
    let def = parse_front_matter(text, file, yaml, problems);
    let mut single = |key: &str, value: Option<Spanned<Value>>| {
        let value = value?;
        let span = span_of(&value.referenced, file, text, base);
        match value.value {
            Value::Single(written) => Some((written, span)),
            Value::Nested(what) => {
                problems.push(Diagnostic::new(
                    &problems::FRONT_MATTER,
                    format!("front matter `{key}` must be a single value, not {what}"),
                    Label::new(span, format!("{what} where one value is expected")),
                ));
                None
            }
        }
    };
    Fields {
        date: single("date", def.date),
        lang: single("lang", def.lang),
        title: single("title", def.title).map(|(t, _)| t),
        url: single("url", def.url),
    }
}

fn parse_front_matter(
    text: &str,
    file: FileId,
    yaml: Range<usize>,
    problems: &mut Vec<Diagnostic>,
) -> FrontMatterDef {
    let source = &text[yaml.clone()];
    if source.trim().is_empty() {
        return FrontMatterDef::default();
    }
    match serde_saphyr::from_str::<FrontMatterDef>(source) {
        Ok(def) => def,
        Err(err) => {
            let span = match err.location() {
                Some(loc) => span_of(&loc, file, text, yaml.start),
                None => Span::new(file, yaml.start..yaml.start),
            };
            problems.push(Diagnostic::new(
                &problems::FRONT_MATTER,
                "front matter is not valid YAML",
                Label::new(span, plain_message(&err)),
            ));
            FrontMatterDef::default()
        }
    }
}

/// For `YYYY-MM-DD` whose day the month does not have (`2024-02-30`): how
/// many days the month has.
fn missing_day(written: &str) -> Option<u32> {
    let mut parts = written.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let first = chrono::NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    let days = next.signed_duration_since(first).num_days() as u32;
    (d > days).then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_tag_with_a_region_or_script_takes_its_language_lexicon() {
        let lexicons = Lexicons::shipped();
        assert_eq!(language_code(" FR ", &lexicons), "fr");
        assert_eq!(language_code("en-GB", &lexicons), "en");
        assert_eq!(language_code("fr_CA", &lexicons), "fr");
        assert_eq!(language_code("en-Latn-US", &lexicons), "en");
        // No lexicon for the language itself: the tag is kept, for the warning.
        assert_eq!(language_code("de-AT", &lexicons), "de-at");
        assert_eq!(language_code("english", &lexicons), "english");
    }
}
