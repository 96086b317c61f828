//! Compiler-style output through codespan-reporting.

use std::collections::HashSet;

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::term::{self, Config, termcolor::Buffer};

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;

pub fn render(map: &SourceMap, diagnostics: &[Diagnostic], color: bool) -> String {
    let mut buffer = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let config = Config::default();
    let mut explained = HashSet::new();
    for diag in diagnostics {
        let first_of_its_kind = explained.insert(diag.code);
        let converted = convert(diag, first_of_its_kind);
        // The spans come from the same map, so rendering cannot miss a file.
        if term::emit_to_write_style(&mut buffer, &config, map, &converted).is_err() {
            continue;
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

fn convert(diag: &Diagnostic, first_of_its_kind: bool) -> CsDiagnostic<usize> {
    let severity = match diag.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
    };
    let mut labels = vec![
        CsLabel::primary(diag.primary.span.file, diag.primary.span.range())
            .with_message(&diag.primary.message),
    ];
    labels.extend(
        diag.secondary
            .iter()
            .map(|l| CsLabel::secondary(l.span.file, l.span.range()).with_message(&l.message)),
    );
    let mut notes: Vec<String> = diag.notes.iter().map(|n| format!("note: {n}")).collect();
    if let Some(help) = &diag.help {
        notes.push(format!("help: {help}"));
    }
    if first_of_its_kind {
        let default = crate::check::registry::find(diag.code).map_or(diag.severity, |c| c.severity);
        notes.push(format!(
            "note: `{}` is {} by default; `claimcheck explain {}` tells more",
            diag.name,
            match default {
                Severity::Error => "an error",
                Severity::Warning => "a warning",
                Severity::Note => "a note",
            },
            diag.name
        ));
    }
    CsDiagnostic::new(severity)
        .with_code(diag.code)
        .with_message(&diag.message)
        .with_labels(labels)
        .with_notes(notes)
}
