//! JSON (one array) and JSON Lines (one object a line). Positions give the
//! line and column (Unicode code points, one-based, end exclusive) and the byte
//! offset, so that any consumer can convert to its own unit.

use serde_json::{Value, json};

use super::{RunInfo, RunProblem};
use crate::check::registry;
use crate::diagnostic::Diagnostic;
use crate::source::SourceMap;
use crate::span::Span;

fn position(map: &SourceMap, span: &Span, at: usize) -> Value {
    let (line, column) = map.get(span.file).line_col(at);
    json!({ "line": line, "column": column, "byte": at })
}

fn location(map: &SourceMap, span: &Span) -> Value {
    json!({
        "file": map.get(span.file).name,
        "start": position(map, span, span.start),
        "end": position(map, span, span.end),
    })
}

/// One diagnostic as a JSON object: the shape documented in the README.
pub fn diagnostic(map: &SourceMap, d: &Diagnostic) -> Value {
    let mut primary = location(map, &d.primary.span);
    primary["message"] = json!(d.primary.message);
    let secondary: Vec<Value> = d
        .secondary
        .iter()
        .map(|l| {
            let mut v = location(map, &l.span);
            v["message"] = json!(l.message);
            v
        })
        .collect();
    let fix = d.fix.as_ref().map(|f| {
        json!({
            "title": f.title,
            "applicability": f.applicability.as_str(),
            "edits": f.edits.iter().map(|e| {
                let mut v = location(map, &e.span);
                v["replacement"] = json!(e.replacement);
                v
            }).collect::<Vec<_>>(),
        })
    });
    let summary = registry::find(d.code).map(|c| c.summary);
    json!({
        "code": d.code,
        "name": d.name,
        "severity": d.severity.as_str(),
        "message": d.message,
        "primary": primary,
        "secondary": secondary,
        "notes": d.notes,
        "help": d.help,
        "fix": fix,
        "summary": summary,
        "explain": format!("claimcheck explain {}", d.name),
    })
}

/// One input or fact base that could not be checked.
fn problem(p: &RunProblem) -> Value {
    json!({ "file": p.file, "message": p.message })
}

/// The envelope: what the run was over, what could not be checked, then the
/// diagnostics. A consumer tests `success` before trusting an empty list.
pub fn render(map: &SourceMap, diagnostics: &[Diagnostic], run: &RunInfo) -> String {
    let all: Vec<Value> = diagnostics.iter().map(|d| diagnostic(map, d)).collect();
    let envelope = json!({
        "version": 1,
        "tool": { "name": "claimcheck", "version": env!("CARGO_PKG_VERSION") },
        "success": run.succeeded(),
        "fact_base": { "location": run.fact_base, "facts": run.facts },
        "files_checked": run.files_checked,
        "errors": run.problems.iter().map(problem).collect::<Vec<_>>(),
        "diagnostics": all,
    });
    let mut out = serde_json::to_string_pretty(&envelope).expect("JSON values serialise");
    out.push('\n');
    out
}

/// One diagnostic a line; then one `{"error": …}` line for each input or fact
/// base that could not be checked.
pub fn render_lines(map: &SourceMap, diagnostics: &[Diagnostic], run: &RunInfo) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&diagnostic(map, d).to_string());
        out.push('\n');
    }
    for p in &run.problems {
        out.push_str(&json!({ "error": problem(p) }).to_string());
        out.push('\n');
    }
    out
}
