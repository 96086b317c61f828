//! What a check reports: the one type every renderer consumes.

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing, never wrong by itself: shown, counted apart, and never
    /// a reason for a non-zero exit, even under `--deny warnings`.
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The identity and documentation of one kind of finding, for `explain`,
/// SARIF rule metadata and the first-occurrence note in human output.
#[derive(Debug)]
pub struct CheckInfo {
    /// Stable short code, e.g. `N001`.
    pub code: &'static str,
    /// Kebab-case name, e.g. `name-variant`.
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what it finds.
    pub summary: &'static str,
    /// Markdown: what it finds, why it matters, an example.
    pub explanation: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

impl Label {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Label {
            span,
            message: message.into(),
        }
    }
}

/// How safely a fix may be applied without a human looking at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applicability {
    /// Meant to be applied by `--fix`.
    Safe,
    /// Probably right, but a human should confirm.
    Unsafe,
    /// Shown as a suggestion only.
    DisplayOnly,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable short code, e.g. `N001`.
    pub code: &'static str,
    /// Kebab-case name, e.g. `name-variant`.
    pub name: &'static str,
    pub severity: Severity,
    pub message: String,
    pub primary: Label,
    pub secondary: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(info: &CheckInfo, message: impl Into<String>, primary: Label) -> Self {
        Diagnostic {
            code: info.code,
            name: info.name,
            severity: info.severity,
            message: message.into(),
            primary,
            secondary: Vec::new(),
            notes: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn with_secondary(mut self, label: Label) -> Self {
        self.secondary.push(label);
        self
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// The order in which diagnostics are printed: by file, position, then code.
    pub fn sort_key(&self) -> (usize, usize, usize, &'static str) {
        (
            self.primary.span.file,
            self.primary.span.start,
            self.primary.span.end,
            self.code,
        )
    }
}
