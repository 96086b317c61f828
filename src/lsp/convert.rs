//! claimcheck diagnostics as LSP diagnostics (`ls-types` structs).

use std::str::FromStr;

use ls_types::{
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position, Range,
    Uri,
};
use serde_json::json;

use super::position::{Encoding, to_position};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;
use crate::source::uri::from_path;
use crate::span::{FileId, Span};

pub fn range(map: &SourceMap, span: &Span, encoding: Encoding) -> Range {
    let file = map.get(span.file);
    let (l1, c1) = to_position(file, span.start, encoding);
    let (l2, c2) = to_position(file, span.end, encoding);
    Range::new(Position::new(l1, c1), Position::new(l2, c2))
}

/// A URI string as the protocol's type; `None` if it is not a valid URI.
pub fn parse_uri(uri: &str) -> Option<Uri> {
    Uri::from_str(uri).ok()
}

/// The URI of a file of the map: the open document's, or a file on disk (a
/// fact-base file, another article of the workspace). Built-in fact-base
/// files have none.
pub fn uri_of(map: &SourceMap, file: FileId, document: FileId, document_uri: &str) -> Option<Uri> {
    if file == document {
        return parse_uri(document_uri);
    }
    let f = map.get(file);
    if f.name.starts_with("builtin:") {
        return None;
    }
    let path = f
        .path
        .clone()
        .unwrap_or_else(|| std::path::PathBuf::from(&f.name));
    parse_uri(&from_path(&path))
}

pub fn diagnostic(
    map: &SourceMap,
    d: &Diagnostic,
    document: FileId,
    uri: &str,
    encoding: Encoding,
) -> ls_types::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .filter_map(|l| {
            Some(DiagnosticRelatedInformation {
                location: Location::new(
                    uri_of(map, l.span.file, document, uri)?,
                    range(map, &l.span, encoding),
                ),
                message: l.message.clone(),
            })
        })
        .collect();
    let mut message = d.message.clone();
    for note in &d.notes {
        message.push_str(&format!("\nnote: {note}"));
    }
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    ls_types::Diagnostic {
        range: range(map, &d.primary.span, encoding),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Note => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        source: Some("claimcheck".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        data: Some(json!({ "name": d.name })),
        ..Default::default()
    }
}
