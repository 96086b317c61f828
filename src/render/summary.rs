//! The closing line of human output: "2 errors, 1 warning in 5 files; [*] 1
//! fixable with --fix".

use super::run_info::RunInfo;
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

/// The closing line: what was found, in how many files, against which fact
/// base, what could not be checked, and how many findings `fixable` have a
/// safe fix that `--fix` applies ("[*] 2 fixable with --fix", as ruff says
/// it). It never says "no problems" when an input could not be read.
pub fn line(diagnostics: &[Diagnostic], run: &RunInfo, fixable: usize) -> String {
    let files = plural(run.files_checked, "file");
    let mut line = match counts(diagnostics) {
        None if run.succeeded() => format!("no problems found in {files}"),
        None => format!("nothing found in {files}"),
        Some(counts) => format!("{counts} in {files}"),
    };
    line.push_str(&format!(" ({})", run.fact_base_phrase()));
    match run.problems.len() {
        0 => {}
        1 => line.push_str("; 1 input could not be checked"),
        n => line.push_str(&format!("; {n} inputs could not be checked")),
    }
    if fixable > 0 {
        line.push_str(&format!("; [*] {fixable} fixable with --fix"));
    }
    line
}
