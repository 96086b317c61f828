//! `claimcheck claims`: every extracted claim, as a table or as JSON, so that a
//! user can see what claimcheck read before trusting what it checks.

use serde_json::{Value, json};

use crate::extract::ClaimValue;
use crate::extract::Extraction;
use crate::rules::FactBase;
use crate::source::SourceMap;
use crate::values::amount::describe;

fn rows(map: &SourceMap, facts: &FactBase, extractions: &[Extraction]) -> Vec<Value> {
    let mut out = Vec::new();
    for ex in extractions {
        let file = map.get(ex.article.file);
        for c in &ex.claims {
            let (line, column) = file.line_col(c.value_at.start);
            let (end_line, end_column) = file.line_col(c.value_at.end);
            // What every claim shows; each kind adds its value's fields.
            let mut row = json!({
                "file": file.name,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "text": &file.text[c.value_at.clone()],
                "subject_inferred": c.subject_inferred,
                "attribute": facts.attributes[c.attribute].id.text,
                "date": c.date.map(|d| d.display()),
                "cue": &file.text[c.cue.clone()],
                "modality": c.modality.name(),
            });
            let relation = |value: Value| {
                let subjects: Vec<&str> = c
                    .subjects()
                    .map(|s| facts.entity(s).id.text.as_str())
                    .collect();
                json!({
                    "kind": "relation",
                    "subject": subjects.join("+"),
                    "object": c.object.map(|o| facts.entity(o).id.text.clone()),
                    "value": value,
                })
            };
            let fields = match &c.value {
                ClaimValue::Money(money) => {
                    let inherited = money.currency_from.as_ref().map(|r| {
                        let (l, col) = file.line_col(r.start);
                        json!({ "line": l, "column": col })
                    });
                    let mut fields = json!({
                        "kind": "money",
                        "subject": facts.entity(c.subject).id.text,
                        "object": c.object.map(|o| facts.entity(o).id.text.clone()),
                        "value": money.amount.value,
                        "low": money.amount.low,
                        "high": money.amount.high,
                        "currency": money.amount.currency,
                        "currency_inherited_from": inherited,
                        "hedge": money.amount.hedge,
                    });
                    // The event the text names ("series b", "event #2", "latest"),
                    // which the claim is compared with alone.
                    if let (Some(pin), Value::Object(f)) = (&money.pin, &mut fields) {
                        f.insert("event_named".to_string(), json!(pin.describe()));
                    }
                    fields
                }
                ClaimValue::Entity { entity, .. } => relation(json!(facts.entity(*entity).id.text)),
                ClaimValue::Date(d) => relation(json!(d.display())),
                ClaimValue::YearlessDate(d) => relation(json!(d.display_yearless())),
                ClaimValue::Age(n) => relation(json!(n)),
                ClaimValue::Count(count) => json!({
                    "kind": "count",
                    "subject": facts.entity(c.subject).id.text,
                    "object": c.object.map(|o| facts.entity(o).id.text.clone()),
                    "value": count.value,
                    "low": count.low,
                    "high": count.high,
                    "unit": count.unit,
                    "hedge": count.hedge,
                }),
                // Durations are not listed (yet).
                ClaimValue::Duration { .. } => continue,
            };
            if let (Value::Object(row), Value::Object(fields)) = (&mut row, fields) {
                row.extend(fields);
            }
            out.push(row);
        }
    }
    out.sort_by(|a, b| {
        let key = |v: &Value| {
            (
                v["file"].as_str().map(str::to_string),
                v["line"].as_u64(),
                v["column"].as_u64(),
            )
        };
        key(a).cmp(&key(b))
    });
    out
}

pub fn json(map: &SourceMap, facts: &FactBase, extractions: &[Extraction]) -> String {
    let mut out = serde_json::to_string_pretty(&rows(map, facts, extractions))
        .expect("JSON values serialise");
    out.push('\n');
    out
}

pub fn table(map: &SourceMap, facts: &FactBase, extractions: &[Extraction]) -> String {
    let header = [
        "where",
        "subject",
        "attribute",
        "object",
        "interval",
        "currency",
        "date",
        "stated",
        "text",
    ];
    let mut lines: Vec<[String; 9]> = vec![header.map(str::to_string)];
    for r in rows(map, facts, extractions) {
        let s = |k: &str| r[k].as_str().unwrap_or("-").to_string();
        let currency = match (&r["kind"], &r["currency"], &r["currency_inherited_from"]) {
            (_, Value::String(c), Value::Object(from)) => {
                format!("{c} (from {}:{})", from["line"], from["column"])
            }
            (_, Value::String(c), _) => c.clone(),
            (Value::String(k), _, _) if k == "relation" || k == "count" => "-".to_string(),
            _ => "none".to_string(),
        };
        let interval = match (r["low"].as_f64(), r["high"].as_f64(), &r["value"]) {
            // A count shows its unit: "6.5–7.5B parameters".
            (Some(low), Some(high), _) if r["kind"] == "count" => {
                format!("{} {}", describe(low, high, None), s("unit"))
            }
            (Some(low), Some(high), _) => describe(low, high, None),
            (_, _, Value::String(v)) => v.clone(),
            (_, _, v) => format!("{v} years"),
        };
        let subject = if r["subject_inferred"].as_bool() == Some(true) {
            format!("{}*", s("subject"))
        } else {
            s("subject")
        };
        lines.push([
            format!("{}:{}:{}", s("file"), r["line"], r["column"]),
            subject,
            s("attribute"),
            s("object"),
            interval,
            currency,
            s("date"),
            s("modality"),
            s("text"),
        ]);
    }
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            lines
                .iter()
                .map(|l| l[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for l in &lines {
        let cells: Vec<String> = l
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    let count = lines.len() - 1;
    out.push_str(&format!(
        "{count} claim{} (* subject inferred from a description or an earlier sentence; only \
         asserted claims are checked)\n",
        if count == 1 { "" } else { "s" },
    ));
    out
}
