//! Output formats: one file each. Renderers only format; they decide nothing.

pub mod claims;
pub mod github;
pub mod human;
pub mod json;
pub mod report_chart;
pub mod report_html;
pub mod report_markdown;
pub mod run_info;
pub mod sarif;
pub mod short;
pub mod summary;
pub mod window;

pub use human::Terminal;
pub use run_info::{RunInfo, RunProblem};

use crate::diagnostic::Diagnostic;
use crate::source::SourceMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Compiler-style, with the source lines and labels (codespan-reporting).
    Human,
    /// One line per finding: `path:line:col: severity[code]: message`.
    Short,
    /// SARIF 2.1.0, as GitHub code scanning accepts it.
    Sarif,
    /// One JSON object: the run (fact base, files checked, errors) and its diagnostics.
    Json,
    /// One JSON object per line.
    JsonLines,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// Renders `diagnostics` in `format`; `run` says what the run was over (the
/// summary line, SARIF's invocation, JSON's envelope, and the inputs that
/// could not be checked, in every format).
pub fn render(
    format: Format,
    map: &SourceMap,
    diagnostics: &[Diagnostic],
    run: &RunInfo,
    terminal: Terminal,
) -> String {
    match format {
        Format::Human => {
            let mut out = human::render(map, diagnostics, terminal);
            let fixable = crate::fix::fixable(map, diagnostics);
            out.push_str(&summary::line(diagnostics, run, fixable));
            out.push('\n');
            out
        }
        Format::Short => short::render(map, diagnostics, run),
        Format::Sarif => sarif::render(map, diagnostics, run),
        Format::Json => json::render(map, diagnostics, run),
        Format::JsonLines => json::render_lines(map, diagnostics, run),
        Format::Github => github::render(map, diagnostics, run),
    }
}
