//! The closing line of human output: "2 errors, 1 warning in 5 files".

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

/// The closing line: what was found, in how many files, what could not be
/// checked, and against which fact base. It never says "no problems" when an
/// input or the fact base could not be read.
pub fn line(diagnostics: &[Diagnostic], run: &RunInfo) -> String {
    let files = plural(run.files_checked, "file");
    let found = match counts(diagnostics) {
        None if run.succeeded() => format!("no problems found in {files}"),
        None => format!("nothing found in {files}"),
        Some(counts) => format!("{counts} in {files}"),
    };
    let unchecked = match run.problems.len() {
        0 => String::new(),
        n => format!(
            "; {} could not be checked",
            if n == 1 {
                "1 input".to_string()
            } else {
                format!("{n} inputs")
            }
        ),
    };
    format!("{found}{unchecked} ({})", run.fact_base_phrase())
}
