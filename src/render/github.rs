//! GitHub Actions workflow commands: `::error file=…,line=…::message`, which the
//! runner turns into annotations on the pull request. Columns count code points.

use super::RunInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;

/// Escapes the message part of a workflow command.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (file, title): also `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(map: &SourceMap, diagnostics: &[Diagnostic], run: &RunInfo) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let file = map.get(d.primary.span.file);
        let (line, col) = file.line_col(d.primary.span.start);
        let (end_line, end_col) = file.line_col(d.primary.span.end);
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut props = vec![
            format!("file={}", escape_property(&file.name)),
            format!("line={line}"),
        ];
        // Columns only make sense when the span stays on one line.
        if end_line == line {
            props.push(format!("col={col}"));
            props.push(format!("endLine={end_line}"));
            props.push(format!("endColumn={end_col}"));
        } else {
            props.push(format!("endLine={end_line}"));
        }
        props.push(format!(
            "title={}",
            escape_property(&format!("claimcheck {} ({})", d.code, d.name))
        ));
        let mut message = d.message.clone();
        for note in &d.notes {
            message.push_str(&format!("\nnote: {note}"));
        }
        if let Some(help) = &d.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        for label in &d.secondary {
            let other = map.get(label.span.file);
            let (l, c) = other.line_col(label.span.start);
            message.push_str(&format!("\nsee {}:{l}:{c}: {}", other.name, label.message));
        }
        message.push_str(&format!("\n(claimcheck explain {})", d.name));
        out.push_str(&format!(
            "::{kind} {}::{}\n",
            props.join(","),
            escape_data(&message)
        ));
    }
    // An input that could not be checked fails the job visibly, not silently.
    for p in &run.problems {
        let file = p
            .file
            .as_ref()
            .map(|f| format!(" file={}", escape_property(f)))
            .unwrap_or_default();
        out.push_str(&format!(
            "::error{file},title=claimcheck::{}\n",
            escape_data(&p.message)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_github_expects() {
        assert_eq!(escape_data("50% off\nnext"), "50%25 off%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
