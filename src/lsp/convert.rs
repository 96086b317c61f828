//! claimcheck diagnostics as LSP diagnostics.

use serde_json::{Value, json};

use super::position::{Encoding, to_position};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;
use crate::source::uri::from_path;
use crate::span::{FileId, Span};

pub fn range(map: &SourceMap, span: &Span, encoding: Encoding) -> Value {
    let file = map.get(span.file);
    let (l1, c1) = to_position(file, span.start, encoding);
    let (l2, c2) = to_position(file, span.end, encoding);
    json!({ "start": { "line": l1, "character": c1 }, "end": { "line": l2, "character": c2 } })
}

/// The URI of a file of the map: the open document's, or a fact-base file on
/// disk. Built-in fact-base files have none.
pub fn uri_of(
    map: &SourceMap,
    file: FileId,
    document: FileId,
    document_uri: &str,
) -> Option<String> {
    if file == document {
        return Some(document_uri.to_string());
    }
    let name = &map.get(file).name;
    if name.starts_with("builtin:") {
        return None;
    }
    let path = std::path::Path::new(name);
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    Some(from_path(&absolute))
}

pub fn diagnostic(
    map: &SourceMap,
    d: &Diagnostic,
    document: FileId,
    uri: &str,
    encoding: Encoding,
) -> Value {
    let related: Vec<Value> = d
        .secondary
        .iter()
        .filter_map(|l| {
            let target = uri_of(map, l.span.file, document, uri)?;
            Some(json!({
                "location": { "uri": target, "range": range(map, &l.span, encoding) },
                "message": l.message,
            }))
        })
        .collect();
    let mut message = d.message.clone();
    for note in &d.notes {
        message.push_str(&format!("\nnote: {note}"));
    }
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    json!({
        "range": range(map, &d.primary.span, encoding),
        "severity": match d.severity { Severity::Error => 1, Severity::Warning => 2, Severity::Note => 3 },
        "code": d.code,
        "source": "claimcheck",
        "message": message,
        "relatedInformation": related,
        "data": { "name": d.name },
    })
}
