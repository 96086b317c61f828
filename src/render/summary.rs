//! The closing line of human output: "2 errors, 1 warning in 5 files".

use crate::diagnostic::{Diagnostic, Severity};

pub fn line(diagnostics: &[Diagnostic], files_checked: usize) -> String {
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let files = plural(files_checked, "file");
    match (errors, warnings) {
        (0, 0) => format!("no problems found in {files}"),
        (e, 0) => format!("{} in {files}", plural(e, "error")),
        (0, w) => format!("{} in {files}", plural(w, "warning")),
        (e, w) => format!(
            "{}, {} in {files}",
            plural(e, "error"),
            plural(w, "warning")
        ),
    }
}
