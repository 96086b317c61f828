//! Output formats: one file each. Renderers only format; they decide nothing.

pub mod claims;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod short;
pub mod summary;

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
    /// One JSON array of diagnostics.
    Json,
    /// One JSON object per line.
    JsonLines,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// Renders `diagnostics` in `format`. `files_checked` feeds the summary line.
pub fn render(
    format: Format,
    map: &SourceMap,
    diagnostics: &[Diagnostic],
    files_checked: usize,
    color: bool,
) -> String {
    match format {
        Format::Human => {
            let mut out = human::render(map, diagnostics, color);
            let fixable = crate::fix::fixable(map, diagnostics);
            out.push_str(&summary::line(diagnostics, files_checked, fixable));
            out.push('\n');
            out
        }
        Format::Short => short::render(map, diagnostics),
        Format::Sarif => sarif::render(map, diagnostics),
        Format::Json => json::render(map, diagnostics),
        Format::JsonLines => json::render_lines(map, diagnostics),
        Format::Github => github::render(map, diagnostics),
    }
}
