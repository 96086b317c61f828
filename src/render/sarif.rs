//! SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.
//! Columns are declared as `unicodeCodePoints`; regions are one-based, end exclusive.

use serde_json::{Value, json};

use super::RunInfo;
use crate::check::registry;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;
use crate::span::Span;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(map: &SourceMap, diagnostics: &[Diagnostic], run: &RunInfo) -> String {
    let all = registry::all();
    let rules: Vec<Value> = all
        .iter()
        .map(|c| {
            let mut rule = json!({
                "id": c.code,
                "name": c.name,
                "shortDescription": { "text": c.summary },
                "fullDescription": { "text": c.summary },
                "help": { "text": c.explanation, "markdown": c.explanation },
                "defaultConfiguration": { "level": level(c.severity) },
                "properties": { "tags": ["claimcheck"] },
            });
            if let Some(uri) = &run.help_uri {
                rule["helpUri"] = json!(uri.replace("{code}", c.code).replace("{name}", c.name));
            }
            rule
        })
        .collect();
    let results: Vec<Value> = diagnostics
        .iter()
        .zip(crate::baseline::fingerprints(map, diagnostics))
        .map(|(d, fingerprint)| {
            let mut result = result(map, d, all.iter().position(|c| c.code == d.code));
            // The baseline's fingerprint: code scanning tells a finding it
            // has seen from a new one by it.
            result["partialFingerprints"] = json!({ crate::baseline::SARIF_KEY: fingerprint });
            result
        })
        .collect();
    let mut sarif = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "claimcheck",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [invocation(run)],
            "properties": {
                "factBase": run.fact_base,
                "facts": run.facts,
                "filesChecked": run.files_checked,
            },
            "results": results,
        }],
    });
    if let Some(uri) = &run.information_uri {
        sarif["runs"][0]["tool"]["driver"]["informationUri"] = json!(uri);
    }
    let mut out = serde_json::to_string_pretty(&sarif).expect("JSON values always serialise");
    out.push('\n');
    out
}

/// Whether the run checked everything, and a notification for each input or
/// fact base it could not: a CI job that uploads the file sees the failure.
fn invocation(run: &RunInfo) -> Value {
    let notifications: Vec<Value> = run
        .problems
        .iter()
        .map(|p| {
            let mut n = json!({ "level": "error", "message": { "text": p.message } });
            if let Some(file) = &p.file {
                n["locations"] = json!([{ "physicalLocation": {
                    "artifactLocation": { "uri": crate::source::uri::reference(file) },
                }}]);
            }
            n
        })
        .collect();
    json!({
        "executionSuccessful": run.succeeded(),
        "toolExecutionNotifications": notifications,
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn uri(map: &SourceMap, span: &Span) -> String {
    crate::source::uri::reference(&map.get(span.file).name)
}

fn region(map: &SourceMap, span: &Span) -> Value {
    let file = map.get(span.file);
    let (start_line, start_column) = file.line_col(span.start);
    let (end_line, end_column) = file.line_col(span.end);
    json!({
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    })
}

fn physical(map: &SourceMap, span: &Span) -> Value {
    json!({
        "artifactLocation": { "uri": uri(map, span) },
        "region": region(map, span),
    })
}

fn result(map: &SourceMap, d: &Diagnostic, rule_index: Option<usize>) -> Value {
    let mut text = d.message.clone();
    for note in &d.notes {
        text.push_str(&format!("\nnote: {note}"));
    }
    if let Some(help) = &d.help {
        text.push_str(&format!("\nhelp: {help}"));
    }
    let mut result = json!({
        "ruleId": d.code,
        "level": level(d.severity),
        "message": { "text": text },
        "locations": [{
            "physicalLocation": physical(map, &d.primary.span),
            "message": { "text": d.primary.message },
        }],
        "properties": { "name": d.name },
    });
    if let Some(index) = rule_index {
        result["ruleIndex"] = json!(index);
    }
    if !d.secondary.is_empty() {
        result["relatedLocations"] = d
            .secondary
            .iter()
            .enumerate()
            .map(|(i, l)| {
                json!({
                    "id": i + 1,
                    "physicalLocation": physical(map, &l.span),
                    "message": { "text": l.message },
                })
            })
            .collect();
    }
    if let Some(fix) = &d.fix {
        let changes: Vec<Value> = fix
            .edits
            .iter()
            .map(|e| {
                json!({
                    "artifactLocation": { "uri": uri(map, &e.span) },
                    "replacements": [{
                        "deletedRegion": region(map, &e.span),
                        "insertedContent": { "text": e.replacement },
                    }],
                })
            })
            .collect();
        result["fixes"] = json!([{
            "description": { "text": fix.title },
            "artifactChanges": changes,
        }]);
    }
    result
}
