//! Compiler-style output through codespan-reporting.

use std::collections::HashSet;

use codespan_reporting::diagnostic::{
    Diagnostic as CsDiagnostic, Label as CsLabel, Severity as CsSeverity,
};
use codespan_reporting::term::{self, Config, termcolor::Buffer};

use super::window::{Windowed, window_chars};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;

/// What the output is shown on: whether to colour it, and how many columns
/// it has (a terminal's width, else 100): long lines are cut to fit.
#[derive(Clone, Copy, Debug)]
pub struct Terminal {
    pub color: bool,
    pub width: usize,
}

impl Terminal {
    /// Output that is not a terminal: no colour, 100 columns.
    pub const PLAIN: Terminal = Terminal {
        color: false,
        width: 100,
    };
}

pub fn render(map: &SourceMap, diagnostics: &[Diagnostic], terminal: Terminal) -> String {
    let mut buffer = if terminal.color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    let config = Config::default();
    let mut explained = HashSet::new();
    for diag in diagnostics {
        let first_of_its_kind = explained.insert(diag.code);
        let ranges: Vec<(usize, std::ops::Range<usize>)> = labels_of(diag)
            .map(|l| (l.span.file, l.span.range()))
            .collect();
        let chars = window_chars(terminal.width);
        // The spans come from the same map, so rendering cannot miss a file.
        if Windowed::needed(map, &ranges, chars) {
            let view = Windowed::new(map, &ranges, chars);
            let at = |file, byte| view.position(map, file, byte);
            let converted = convert(diag, first_of_its_kind, &at, terminal.width);
            let _ = term::emit_to_write_style(&mut buffer, &config, &view, &converted);
        } else {
            let converted = convert(diag, first_of_its_kind, &|_, byte| byte, terminal.width);
            let _ = term::emit_to_write_style(&mut buffer, &config, map, &converted);
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

/// The primary label, then the secondary ones.
fn labels_of(diag: &Diagnostic) -> impl Iterator<Item = &crate::diagnostic::Label> {
    std::iter::once(&diag.primary).chain(&diag.secondary)
}

/// `diag` for codespan, its label bytes moved by `at` (into a cut view).
fn convert(
    diag: &Diagnostic,
    first_of_its_kind: bool,
    at: &dyn Fn(usize, usize) -> usize,
    width: usize,
) -> CsDiagnostic<usize> {
    let severity = match diag.severity {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Note => CsSeverity::Note,
    };
    let range =
        |l: &crate::diagnostic::Label| at(l.span.file, l.span.start)..at(l.span.file, l.span.end);
    let mut labels = vec![
        CsLabel::primary(diag.primary.span.file, range(&diag.primary))
            .with_message(&diag.primary.message),
    ];
    labels.extend(
        diag.secondary
            .iter()
            .map(|l| CsLabel::secondary(l.span.file, range(l)).with_message(&l.message)),
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
    let notes = notes.iter().map(|n| wrap(n, width)).collect::<Vec<_>>();
    CsDiagnostic::new(severity)
        .with_code(diag.code)
        .with_message(&diag.message)
        .with_labels(labels)
        .with_notes(notes)
}

/// Room before a note's text: codespan prints `   = ` before it, and as
/// many spaces before its next lines.
const NOTE_INDENT: usize = 5;

/// `note` cut into lines that fit `width` columns after codespan's indent,
/// at spaces (a word longer than a line stays whole).
fn wrap(note: &str, width: usize) -> String {
    let room = width.saturating_sub(NOTE_INDENT).max(20);
    let mut out = String::new();
    let mut line = 0;
    for word in note.split(' ') {
        let len = word.chars().count();
        if line > 0 && line + 1 + len > room {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += len;
    }
    out
}
