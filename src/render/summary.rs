//! The closing line of human output: "2 errors, 1 warning in 5 files; [*] 1
//! fixable with --fix".

use crate::diagnostic::{Diagnostic, Severity};

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// "2 errors, 1 warning, 3 notes"; `None` when there is nothing.
pub fn counts(diagnostics: &[Diagnostic]) -> Option<String> {
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let parts: Vec<String> = [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Note, "note"),
    ]
    .into_iter()
    .filter_map(|(s, word)| Some(count(s)).filter(|&n| n > 0).map(|n| plural(n, word)))
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The closing line; `fixable` findings have a safe fix that `--fix` applies
/// ("[*] 2 fixable with --fix", as ruff says it).
pub fn line(diagnostics: &[Diagnostic], files_checked: usize, fixable: usize) -> String {
    let files = plural(files_checked, "file");
    let mut line = match counts(diagnostics) {
        None => format!("no problems found in {files}"),
        Some(counts) => format!("{counts} in {files}"),
    };
    if fixable > 0 {
        line.push_str(&format!("; [*] {fixable} fixable with --fix"));
    }
    line
}
