//! One line per finding, for vim's quickfix list and Emacs' compilation-mode:
//! `path:line:col: severity[code]: message`. Columns count characters, from 1.

use super::RunInfo;
use crate::diagnostic::Diagnostic;
use crate::source::SourceMap;

pub fn render(map: &SourceMap, diagnostics: &[Diagnostic], run: &RunInfo) -> String {
    let mut out = String::new();
    for diag in diagnostics {
        let file = map.get(diag.primary.span.file);
        let (line, col) = file.line_col(diag.primary.span.start);
        out.push_str(&format!(
            "{}:{line}:{col}: {}[{}]: {}\n",
            file.name,
            diag.severity.as_str(),
            diag.code,
            diag.message
        ));
    }
    // What could not be checked, so that a saved report is never clean by omission.
    for p in &run.problems {
        let file = p.file.as_deref().unwrap_or("claimcheck");
        out.push_str(&format!("{file}: error: {}\n", p.message));
    }
    out
}
