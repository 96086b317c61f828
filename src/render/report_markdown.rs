//! `claimcheck report --format markdown`: the ledger's summary and its claims
//! in conflict or stale, as GitHub-flavoured Markdown for a pull-request
//! comment. GitHub takes at most 65,536 characters in a comment: past
//! [`LIMIT`] the rest is counted, not listed.

use std::fmt::Write;

use crate::check::verdict::Standing;
use crate::report::Ledger;

/// Characters written before the list of claims is cut.
pub const LIMIT: usize = 60_000;

/// "1 claim", "2 claims".
pub fn count(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// A table cell: pipes escaped, lines joined.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

pub fn render(ledger: &Ledger) -> String {
    let s = &ledger.summary;
    let mut out = String::from("## claimcheck report\n\n");
    let standings: Vec<String> = Standing::ALL
        .iter()
        .zip(s.standings)
        .map(|(st, n)| format!("{n} {}", st.name()))
        .collect();
    let _ = writeln!(
        out,
        "**{}, {}** ({}); **{}** ({} errors, {} warnings).\n",
        count(s.articles, "article"),
        count(s.claims, "claim"),
        standings.join(", "),
        count(s.findings.iter().map(|f| f.count).sum::<usize>(), "finding"),
        s.errors,
        s.warnings
    );
    if !s.findings.is_empty() {
        out.push_str("| code | check | findings |\n|---|---|---:|\n");
        for f in &s.findings {
            let _ = writeln!(out, "| {} | {} | {} |", f.code, f.name, f.count);
        }
        out.push('\n');
    }
    if !s.misspelt.is_empty() {
        let names: Vec<String> = s
            .misspelt
            .iter()
            .map(|(w, c, n)| format!("`{}` → `{}` ({n})", cell(w), cell(c)))
            .collect();
        let _ = writeln!(out, "Names most often misspelt: {}.\n", names.join(", "));
    }
    if !s.most_conflicts.is_empty() {
        let names: Vec<String> = s
            .most_conflicts
            .iter()
            .map(|(e, n)| format!("{} ({n})", cell(e)))
            .collect();
        let _ = writeln!(
            out,
            "Entities with the most conflicts: {}.\n",
            names.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "Fact base: {} ({} facts, FNV-1a `{}`); exchange rates until {}.\n",
        cell(&s.fact_base),
        s.facts,
        s.fact_base_hash,
        s.rates_until.format("%Y-%m-%d")
    );
    let mut left_out = 0;
    for series in &ledger.series {
        let bad: Vec<_> = series
            .rows
            .iter()
            .filter(|r| matches!(r.standing, Standing::Conflicts | Standing::Stale))
            .collect();
        if bad.is_empty() {
            continue;
        }
        if out.len() > LIMIT {
            left_out += bad.len();
            continue;
        }
        let _ = writeln!(
            out,
            "### {}\n\n| where | date | claim | verdict | compared with |\n|---|---|---|---|---|",
            cell(&series.title)
        );
        for r in bad {
            if out.len() > LIMIT {
                left_out += 1;
                continue;
            }
            let _ = writeln!(
                out,
                "| `{}:{}` | {} | {} | **{}** | {} |",
                cell(&r.file),
                r.line,
                cell(&r.date),
                cell(&r.sentence),
                r.standing.name(),
                cell(&r.against)
            );
        }
        out.push('\n');
    }
    if left_out > 0 {
        let _ = writeln!(
            out,
            "… and {left_out} more claims in conflict or stale: see the HTML report.\n"
        );
    }
    out
}
