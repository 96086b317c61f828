//! Each claim as a row: where it is, its sentence, its verdict and what it
//! was compared with, and the findings on it. Its place on a chart is set
//! later, once its series' unit is known (`series.rs`).

use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use super::summary::Sources;
use super::{Inputs, Row};
use crate::check::verdict::{Basis, ClaimVerdict};
use crate::diagnostic::Diagnostic;
use crate::extract::{Claim, ClaimValue};
use crate::rules::{AttrIdx, EntityIdx, Fact};

/// Which series a claim belongs to: subject, attribute, object, and the kind
/// of value (an age and a date of one attribute are drawn apart).
pub(super) type Key = (EntityIdx, AttrIdx, Option<EntityIdx>, u8);

/// A row whose place on its chart is not set yet.
pub(super) struct Pending<'a> {
    pub key: Key,
    pub claim: &'a Claim,
    /// The article's rank in the run (the walk's order), to sort by.
    pub article: usize,
    pub row: Row,
}

fn kind(value: &ClaimValue) -> u8 {
    match value {
        ClaimValue::Money(_) => 0,
        ClaimValue::Entity { .. } => 1,
        // A date without a year is listed with the dates, not drawn.
        ClaimValue::Date(_) | ClaimValue::YearlessDate(_) => 2,
        ClaimValue::Age(_) => 3,
        ClaimValue::Count(_) => 4,
        ClaimValue::Duration { .. } => 5,
    }
}

/// The longest sentence shown, in bytes either side of the value.
const CONTEXT: usize = 220;

/// The sentence around `at`: from the last sentence end before it to the
/// next one after it (a full stop, ! or ? before a space, or a line break),
/// at most [`CONTEXT`] bytes either side, with the value's place in it.
fn sentence(text: &str, body: Range<usize>, at: Range<usize>) -> (String, Range<usize>) {
    let bytes = text.as_bytes();
    let floor = body.start.max(at.start.saturating_sub(CONTEXT));
    let mut start = at.start;
    while start > floor {
        let c = bytes[start - 1];
        if c == b'\n' || (start >= 2 && matches!(bytes[start - 2], b'.' | b'!' | b'?') && c == b' ')
        {
            break;
        }
        start -= 1;
    }
    let ceiling = body.end.min(at.end + CONTEXT);
    let mut end = at.end;
    while end < ceiling {
        let c = bytes[end];
        end += 1;
        if c == b'\n' {
            end -= 1;
            break;
        }
        if matches!(c, b'.' | b'!' | b'?') && (end == bytes.len() || bytes[end] == b' ') {
            break;
        }
    }
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let start = start.min(at.start);
    let end = end.max(at.end);
    let piece = text[start..end].replace(['\n', '\r', '\t'], " ");
    (piece, at.start - start..at.end - start)
}

/// `path` as seen from the folder `from`, both made absolute against the
/// working folder without touching the disk.
fn relative(path: &Path, from: Option<&Path>) -> PathBuf {
    let parts = |p: &Path| {
        let absolute = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        let mut out: Vec<std::ffi::OsString> = Vec::new();
        for c in absolute.components() {
            match c {
                Component::ParentDir => {
                    out.pop();
                }
                Component::Normal(s) => out.push(s.to_os_string()),
                // Both are absolute: the root is common to them.
                Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
            }
        }
        out
    };
    let target = parts(path);
    let base = parts(from.unwrap_or(Path::new(".")));
    let common = target.iter().zip(&base).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..base.len() {
        out.push("..");
    }
    for c in &target[common..] {
        out.push(c);
    }
    out
}

/// A path as a link: `/` between folders, the characters a URL reserves
/// escaped.
fn href(path: &Path) -> String {
    let mut out = String::new();
    for (i, c) in path.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        for ch in c.as_os_str().to_string_lossy().chars() {
            match ch {
                ' ' => out.push_str("%20"),
                '%' => out.push_str("%25"),
                '#' => out.push_str("%23"),
                '?' => out.push_str("%3F"),
                '"' => out.push_str("%22"),
                '\'' => out.push_str("%27"),
                '<' => out.push_str("%3C"),
                '>' => out.push_str("%3E"),
                ':' if i == 0 => out.push_str("%3A"),
                other => out.push(other),
            }
        }
    }
    out
}

/// Whether a diagnostic is about this claim: its main label is on the
/// claim's value or date, or on its subject with another label on the value
/// (a role the fact base gives to someone else).
fn is_about(d: &Diagnostic, claim: &Claim) -> bool {
    let meets = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let primary = d.primary.span.start..d.primary.span.end;
    meets(&primary, &claim.value_at)
        || claim.date_at.as_ref().is_some_and(|at| meets(&primary, at))
        || (meets(&primary, &claim.subject_at)
            && d.secondary.iter().any(|l| {
                l.span.file == d.primary.span.file
                    && meets(&(l.span.start..l.span.end), &claim.value_at)
            }))
}

/// A fact as the fact base words it, with its label, time and place there.
pub(super) fn fact_text(inputs: &Inputs, f: &Fact) -> String {
    let file = inputs.map.get(f.written.span.file);
    let (line, _) = file.line_col(f.written.span.start);
    let label = f
        .label
        .as_deref()
        .map(|l| format!("{l}: "))
        .unwrap_or_default();
    format!(
        "{label}{} ({}; {}:{line})",
        f.written.text, f.when, file.name
    )
}

/// What a claim was compared with, for people.
fn against(inputs: &Inputs, verdict: &ClaimVerdict) -> String {
    match &verdict.basis {
        Basis::Nothing => String::new(),
        Basis::Modality(how) => format!("not checked: {how}"),
        Basis::Facts(facts) => facts
            .iter()
            .map(|&i| fact_text(inputs, &inputs.facts.facts[i]))
            .collect::<Vec<_>>()
            .join(" → "),
        Basis::Article { file, at } => {
            let file = inputs.map.get(*file);
            let (line, _) = file.line_col(at.start);
            format!("{} in {}:{line}", &file.text[at.clone()], file.name)
        }
    }
}

pub(super) fn rows<'a>(inputs: &Inputs<'a>, sources: &mut Sources) -> Vec<Pending<'a>> {
    let mut by_file: Vec<Vec<&Diagnostic>> = vec![Vec::new(); inputs.map.len()];
    for d in inputs.diagnostics {
        if let Some(list) = by_file.get_mut(d.primary.span.file) {
            list.push(d);
        }
    }
    let mut out = Vec::new();
    for (article, (ex, verdicts)) in inputs.extractions.iter().zip(inputs.verdicts).enumerate() {
        let id = ex.article.file;
        let file = inputs.map.get(id);
        let source = sources.of(ex.article.url.as_deref(), &file.name);
        let link = file
            .path
            .as_deref()
            .map(|p| href(&relative(p, inputs.output_dir)))
            .unwrap_or_default();
        for (claim, verdict) in ex.claims.iter().zip(verdicts) {
            let (line, column) = file.line_col(claim.value_at.start);
            let (sentence, value_in_sentence) =
                sentence(&file.text, ex.article.body.clone(), claim.value_at.clone());
            let findings = by_file[id]
                .iter()
                .filter(|d| is_about(d, claim))
                .map(|d| format!("{} {}: {}", d.code, d.name, d.message))
                .collect();
            out.push(Pending {
                key: (
                    claim.subject,
                    claim.attribute,
                    claim.object,
                    kind(&claim.value),
                ),
                claim,
                article,
                row: Row {
                    id: String::new(),
                    file: file.name.clone(),
                    link: link.clone(),
                    line,
                    column,
                    source,
                    day: claim.date.map(super::series::middle),
                    date: claim.date.map(|d| d.display()).unwrap_or_default(),
                    sentence,
                    value_in_sentence,
                    text: file.text[claim.value_at.clone()].to_string(),
                    low: None,
                    high: None,
                    not_drawn: None,
                    interval: String::new(),
                    standing: verdict.standing,
                    against: against(inputs, verdict),
                    findings,
                },
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_is_cut_at_its_ends() {
        let text = "First one. Acme raised €5M in May. Last.";
        let at = text.find("€5M").unwrap();
        let (s, v) = sentence(text, 0..text.len(), at..at + "€5M".len());
        assert_eq!(s, "Acme raised €5M in May.");
        assert_eq!(&s[v], "€5M");
    }

    #[test]
    fn links_are_relative_to_the_report() {
        let link = relative(Path::new("news/a b.md"), Some(Path::new("out")));
        assert_eq!(href(&link), "../news/a%20b.md");
        let link = relative(Path::new("./news/a.md"), None);
        assert_eq!(href(&link), "news/a.md");
    }
}
