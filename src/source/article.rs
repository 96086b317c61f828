//! An article ready for extraction: its body, language and publication date.

use std::ops::Range;

use chrono::NaiveDate;

use super::doc_date::{self, DateRange};
use super::front_matter::{self, FrontMatterDef};
use super::map::SourceMap;
use super::problems;
use crate::diagnostic::{Diagnostic, Label};
use crate::lexicon::Lexicons;
use crate::span::{FileId, Span};
use crate::text::tokens::tokenize;
use crate::yaml::{plain_message, span_of};

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

/// Reads an article's front matter, language and date. Problems with them are
/// returned as diagnostics; the article is always usable.
pub fn prepare(
    map: &SourceMap,
    file: FileId,
    lexicons: &Lexicons,
    cli_date: Option<NaiveDate>,
    default_lang: Option<&str>,
) -> (Article, Vec<Diagnostic>) {
    let text = &map.get(file).text;
    let mut problems = Vec::new();
    let block = front_matter::find(text);
    let body = match &block {
        Some(b) => b.whole.end..text.len(),
        None => usize::from(text.starts_with('\u{feff}')) * 3..text.len(),
    };
    let def = block
        .as_ref()
        .map(|b| parse_front_matter(text, file, b.yaml.clone(), &mut problems))
        .unwrap_or_default();
    let at = |loc: &serde_saphyr::Location, base: usize| span_of(loc, file, text, base);
    let yaml_start = block.as_ref().map_or(0, |b| b.yaml.start);

    let mut lang = None;
    let mut lang_origin = LangOrigin::Fallback;
    if let Some(declared) = &def.lang {
        let code = declared.value.0.trim().to_lowercase();
        if lexicons.get(&code).is_some() {
            lang = Some(code);
            lang_origin = LangOrigin::FrontMatter;
        } else {
            let known: Vec<&str> = lexicons.codes().collect();
            problems.push(
                Diagnostic::new(
                    &problems::UNKNOWN_LANGUAGE,
                    format!("no lexicon for language `{code}`"),
                    Label::new(at(&declared.referenced, yaml_start), "unknown language"),
                )
                .with_note(format!("known languages: {}", known.join(", ")))
                .with_help("add a lexicon file `lexicon/<lang>.yaml` to the fact base; the language is detected from the text meanwhile"),
            );
        }
    }
    if lang.is_none()
        && let Some(code) = default_lang.filter(|c| lexicons.get(c).is_some())
    {
        lang = Some(code.to_string());
        lang_origin = LangOrigin::Configured;
    }
    let lang = lang.unwrap_or_else(|| {
        let tokens = tokenize(text, body.clone());
        match lexicons.detect(tokens.iter().map(|t| t.folded.as_str())) {
            Some(code) => {
                lang_origin = LangOrigin::Detected;
                code.to_string()
            }
            None => lexicons.codes().next().unwrap_or("en").to_string(),
        }
    });

    let mut date = None;
    if let Some(written) = &def.date {
        let span = at(&written.referenced, yaml_start);
        match doc_date::parse_iso(&written.value.0) {
            Some(range) => {
                date = Some(DocDate {
                    range,
                    origin: DateOrigin::FrontMatter(span),
                })
            }
            None => problems.push(Diagnostic::new(
                &problems::FRONT_MATTER,
                format!("`{}` is not a date claimcheck can read", written.value.0),
                Label::new(span, "expected YYYY-MM-DD, YYYY-MM or YYYY"),
            )),
        }
    }
    if date.is_none() {
        date = cli_date.map(|d| DocDate {
            range: DateRange::day(d),
            origin: DateOrigin::CommandLine,
        });
    }
    if date.is_none() {
        let mut order: Vec<_> = lexicons.get(&lang).into_iter().collect();
        order.extend(lexicons.iter().filter(|l| l.language != lang));
        date = doc_date::find_in_text(text, body.clone(), &order).map(|(range, at)| DocDate {
            range,
            origin: DateOrigin::Text(Span::new(file, at)),
        });
    }
    if date.is_none()
        && let Some(lexicon) = lexicons.get(&lang)
    {
        let tokens = tokenize(text, body.clone());
        date =
            crate::lexicon::dates::infer_anchor(lexicon, text, &tokens).map(|(day, at)| DocDate {
                range: DateRange::day(day),
                origin: DateOrigin::Inferred(Span::new(file, at)),
            });
    }

    let article = Article {
        file,
        body,
        lang,
        lang_origin,
        date,
        title: def.title.map(|t| t.value.0),
        url: def.url.map(|u| u.value.0),
    };
    (article, problems)
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
