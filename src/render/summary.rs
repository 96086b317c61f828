//! The closing line of human output: "2 errors, 1 warning in 5 files".

use crate::diagnostic::{Diagnostic, Severity};

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// "2 errors, 1 warning"; `None` when there is nothing.
pub fn counts(diagnostics: &[Diagnostic]) -> Option<String> {
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    match (count(Severity::Error), count(Severity::Warning)) {
        (0, 0) => None,
        (e, 0) => Some(plural(e, "error")),
        (0, w) => Some(plural(w, "warning")),
        (e, w) => Some(format!("{}, {}", plural(e, "error"), plural(w, "warning"))),
    }
}

pub fn line(diagnostics: &[Diagnostic], files_checked: usize) -> String {
    let files = plural(files_checked, "file");
    match counts(diagnostics) {
        None => format!("no problems found in {files}"),
        Some(counts) => format!("{counts} in {files}"),
    }
}
