//! `claimcheck report` as one self-contained HTML page: inline CSS and SVG,
//! no file or script fetched from anywhere, readable without JavaScript (a
//! few lines of inline script add sorting to the tables). Colours are the
//! Okabe–Ito palette, safe for colour-blind readers, and never the only cue:
//! verdicts also differ in outline and are written out in every tooltip and
//! table row. The same ledger gives the same bytes.

use std::fmt::Write;

use super::report_chart::{self, SHAPES, shape};
use crate::check::verdict::Standing;
use crate::report::{Ledger, Row, Series};

/// Escapes text for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

const CSS: &str = r#"
:root{--agrees:#0072B2;--conflicts:#D55E00;--stale:#E69F00;--reported:#CC79A7;--unchecked:#8a8a8a;--ink:#1b1b1b;--muted:#5b5b5b;--line:#d8d8d8}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);margin:0;background:#fff}
main{max-width:1240px;margin:0 auto;padding:20px 28px 60px}
h1{font-size:26px;margin:8px 0 4px}h2{font-size:20px;margin:36px 0 4px}h3{font-size:15px;margin:18px 0 6px}
.lede{color:var(--muted);margin:0 0 16px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.card{border:1px solid var(--line);border-radius:8px;padding:8px 12px;min-width:104px}
.card b{display:block;font-size:24px}
.card span{color:var(--muted);font-size:13px}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(270px,1fr));gap:8px 28px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f4f4f4;position:sticky;top:0}
table.sortable th{cursor:pointer}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
tr:target{outline:3px solid var(--ink);background:#fff7d6}
mark{background:#fff0a8;padding:0 1px}
.badge{display:inline-block;padding:0 6px;border-radius:9px;color:#fff;font-weight:600;white-space:nowrap;border:2px solid transparent}
.badge.v-agrees{background:var(--agrees)}.badge.v-conflicts{background:var(--conflicts);border-color:#000}
.badge.v-stale{background:var(--stale);color:#000;border-style:dashed;border-color:#000}
.badge.v-reported{background:#fff;color:#7a2e5f;border-color:var(--reported)}.badge.v-unchecked{background:#fff;color:#444;border-color:var(--unchecked)}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center;font-size:13px;margin:6px 0}
.legend svg{vertical-align:middle}
svg.chart{width:100%;height:auto;display:block;margin:6px 0;font-size:12px}
svg text{fill:#333}
.grid{stroke:#ececec}.frame{stroke:#777}
.fact-line .step{stroke:#111;stroke-width:2.5;fill:none}
.fact-line .band{fill:#111;fill-opacity:.10;stroke:none}
.fact-line .event{fill:#fff;stroke:#111;stroke-width:2}
.m{stroke-width:1.6}
.m.v-agrees{fill:var(--agrees);stroke:#fff}
.m.v-conflicts{fill:var(--conflicts);stroke:#000}
.m.v-stale{fill:var(--stale);stroke:#000;stroke-dasharray:2 1.5}
.m.v-reported{fill:#fff;stroke:var(--reported);stroke-width:2.2}
.m.v-unchecked{fill:#fff;stroke:var(--unchecked);stroke-width:2}
.m .hedge{stroke-width:3;stroke-linecap:round}
.m.v-agrees .hedge{stroke:var(--agrees)}.m.v-conflicts .hedge{stroke:var(--conflicts)}.m.v-stale .hedge{stroke:var(--stale)}
.m.v-reported .hedge{stroke:var(--reported)}.m.v-unchecked .hedge{stroke:var(--unchecked)}
a:hover .m{stroke-width:3}
.note{color:var(--muted);font-size:13px}
nav ol{columns:2;font-size:14px}
.wrap{overflow-x:auto}
td.claim{min-width:260px}td.iv{min-width:100px}td.cmp{min-width:150px}td.find{min-width:220px;font-size:12px}td.where{min-width:140px;max-width:180px;overflow-wrap:anywhere;font-size:12px}
footer{color:var(--muted);font-size:12px;margin-top:40px}
"#;

/// Sorting by a header's column: numbers as numbers, else text; a cell's
/// `data-k` is its sort key when it has one.
const SCRIPT: &str = r#"document.querySelectorAll("table.sortable").forEach(function(t){t.querySelectorAll("th").forEach(function(th,i){th.tabIndex=0;th.title="sort";function go(){var b=t.tBodies[0],r=Array.prototype.slice.call(b.rows),d=th.dataset.dir==="asc"?-1:1;th.dataset.dir=d>0?"asc":"desc";function k(x){var c=x.cells[i];return c?(c.dataset.k||c.textContent):""}r.sort(function(x,y){var a=k(x),c=k(y),n=/^-?[0-9.]+$/;if(n.test(a)&&n.test(c))return(parseFloat(a)-parseFloat(c))*d;return a.localeCompare(c)*d});r.forEach(function(x){b.appendChild(x)})}th.addEventListener("click",go);th.addEventListener("keydown",function(e){if(e.key==="Enter")go()})})});"#;

fn swatch(standing: Standing) -> String {
    format!(
        r#"<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true"><g class="m v-{}">{}</g></svg>"#,
        standing.name(),
        shape(0, 9.0, 9.0, 6.0)
    )
}

fn describe_standing(s: Standing) -> &'static str {
    match s {
        Standing::Agrees => {
            "agrees with the fact base (or, where it knows nothing, with the other articles)"
        }
        Standing::Conflicts => "contradicts it (black outline)",
        Standing::Stale => "what an earlier fact said (dashed outline)",
        Standing::Reported => {
            "reported, a plan or a target, conditional or denied: not checked (hollow)"
        }
        Standing::Unchecked => "nothing to compare it with (hollow, grey)",
    }
}

fn legend(ledger: &Ledger) -> String {
    let mut out = String::from(r#"<div class="legend" role="list">"#);
    for s in Standing::ALL {
        let _ = write!(
            out,
            r#"<span role="listitem">{} <b>{}</b>: {}</span>"#,
            swatch(s),
            s.name(),
            describe_standing(s)
        );
    }
    out.push_str(r#"</div><div class="legend" role="list">"#);
    out.push_str(r#"<span role="listitem"><svg width="34" height="18" viewBox="0 0 34 18" aria-hidden="true"><g class="fact-line"><path class="band" d="M2 4H32V14H2Z"/><path class="step" d="M2 9H32"/></g></svg> the fact base's value while it held (band: its range)</span>"#);
    out.push_str(r#"<span role="listitem"><svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true"><g class="fact-line"><path class="event" d="M9 3l6 6l-6 6l-6 -6z"/></g></svg> an event of the fact base</span>"#);
    out.push_str(r#"<span role="listitem"><svg width="18" height="24" viewBox="0 0 18 24" aria-hidden="true"><g class="m v-agrees"><line class="hedge" x1="9" x2="9" y1="2" y2="22"/><circle cx="9" cy="12" r="4"/></g></svg> a claim's interval (rounding, hedge)</span>"#);
    out.push_str("</div><div class=\"legend\" role=\"list\">Shape by source:");
    let sources = &ledger.summary.sources;
    for (i, name) in sources.iter().enumerate().take(SHAPES) {
        let label = if i == SHAPES - 1 && sources.len() > SHAPES {
            format!("{} other sources", sources.len() - (SHAPES - 1))
        } else {
            esc(name)
        };
        let _ = write!(
            out,
            r#"<span role="listitem"><svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true"><g class="m v-unchecked">{}</g></svg> {label}</span>"#,
            shape(i, 9.0, 9.0, 5.5)
        );
    }
    out.push_str("</div>");
    out
}

fn summary(ledger: &Ledger) -> String {
    let s = &ledger.summary;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<section id="summary" aria-label="summary"><div class="cards"><div class="card" data-count="articles"><b>{}</b><span>articles</span></div><div class="card" data-count="claims"><b>{}</b><span>claims</span></div><div class="card" data-count="findings"><b>{}</b><span>findings ({} errors, {} warnings)</span></div>"#,
        s.articles,
        s.claims,
        s.findings.iter().map(|f| f.count).sum::<usize>(),
        s.errors,
        s.warnings
    );
    for (i, standing) in Standing::ALL.iter().enumerate() {
        let _ = write!(
            out,
            r#"<div class="card" data-standing="{0}"><b>{1}</b><span>{2} {0}</span></div>"#,
            standing.name(),
            s.standings[i],
            swatch(*standing)
        );
    }
    out.push_str(r#"</div><div class="cols"><div><h3>Findings by check</h3><table class="findings"><thead><tr><th>code</th><th>check</th><th class="n">findings</th></tr></thead><tbody>"#);
    for f in &s.findings {
        let _ = write!(
            out,
            r#"<tr data-code="{0}"><td>{0}</td><td>{1} <span class="note">({2})</span></td><td class="n">{3}</td></tr>"#,
            f.code, f.name, f.severity, f.count
        );
    }
    if s.findings.is_empty() {
        out.push_str(r#"<tr><td colspan="3">no findings</td></tr>"#);
    }
    out.push_str(r#"</tbody></table></div><div><h3>Names most often misspelt</h3><table><thead><tr><th>written</th><th>the fact base's name</th><th class="n">times</th></tr></thead><tbody>"#);
    for (written, canonical, n) in &s.misspelt {
        let _ = write!(
            out,
            r#"<tr><td>{}</td><td>{}</td><td class="n">{n}</td></tr>"#,
            esc(written),
            esc(canonical)
        );
    }
    if s.misspelt.is_empty() {
        out.push_str(r#"<tr><td colspan="3">none</td></tr>"#);
    }
    out.push_str(r#"</tbody></table></div><div><h3>Entities with the most conflicts</h3><table><thead><tr><th>entity</th><th class="n">claims in conflict or stale</th></tr></thead><tbody>"#);
    for (entity, n) in &s.most_conflicts {
        let _ = write!(
            out,
            r#"<tr><td>{}</td><td class="n">{n}</td></tr>"#,
            esc(entity)
        );
    }
    if s.most_conflicts.is_empty() {
        out.push_str(r#"<tr><td colspan="2">none</td></tr>"#);
    }
    let _ = write!(
        out,
        r#"</tbody></table></div></div><p class="note">Fact base: {} ({} facts; FNV-1a hash <code>{}</code>). Exchange rates: the ECB's reference rates until {}; each amount is converted at the rate of its own day.</p>"#,
        esc(&s.fact_base),
        s.facts,
        s.fact_base_hash,
        s.rates_until.format("%Y-%m-%d")
    );
    for (name, reason) in &s.input_errors {
        let _ = write!(
            out,
            r#"<p class="note"><b>Not read:</b> {} — {}</p>"#,
            esc(name),
            esc(reason)
        );
    }
    out.push_str("</section>");
    out
}

/// The claim's sentence, its value marked.
fn sentence(r: &Row) -> String {
    let v = &r.value_in_sentence;
    match (
        r.sentence.get(..v.start),
        r.sentence.get(v.clone()),
        r.sentence.get(v.end..),
    ) {
        (Some(a), Some(b), Some(c)) => format!("{}<mark>{}</mark>{}", esc(a), esc(b), esc(c)),
        _ => esc(&r.sentence),
    }
}

fn place(r: &Row) -> String {
    let text = format!("{}:{}:{}", esc(&r.file), r.line, r.column);
    if r.link.is_empty() {
        text
    } else {
        format!(r#"<a href="{}">{text}</a>"#, esc(&r.link))
    }
}

fn badge(s: Standing) -> String {
    format!(r#"<span class="badge v-{0}">{0}</span>"#, s.name())
}

fn findings(r: &Row) -> String {
    r.findings
        .iter()
        .map(|f| esc(f))
        .collect::<Vec<_>>()
        .join("<br>")
}

fn table(out: &mut String, series: &Series, sources: &[String]) {
    let source = |r: &Row| esc(sources.get(r.source).map_or("", String::as_str));
    if let Some(groups) = &series.groups {
        let _ = write!(
            out,
            r#"<p class="note">{} claims: one row per group of claims with the same verdict, date, interval and comparison; conflicts and stale claims first.</p><div class="wrap"><table class="claims grouped sortable" id="{}-table"><thead><tr><th>verdict</th><th>date</th><th class="n">claims</th><th class="n">articles</th><th>example</th><th>interval</th><th>compared with</th><th>findings</th></tr></thead><tbody>"#,
            series.rows.len(),
            series.id
        );
        for g in &groups.listed {
            let r = &series.rows[g.example];
            let _ = write!(
                out,
                r#"<tr id="{}" class="v-{}"><td>{}</td><td data-k="{}">{}</td><td class="n">{}</td><td class="n">{}</td><td class="claim">{}<br><span class="note">{} · {}</span></td><td class="iv">{}</td><td class="cmp">{}</td><td class="find">{}</td></tr>"#,
                r.id,
                r.standing.name(),
                badge(r.standing),
                esc(&r.date),
                esc(&r.date),
                g.claims,
                g.articles,
                sentence(r),
                place(r),
                source(r),
                esc(&r.interval),
                esc(&r.against),
                findings(r)
            );
        }
        out.push_str("</tbody></table></div>");
        if groups.more_groups > 0 {
            let _ = write!(
                out,
                r#"<p class="note">… and {} more groups ({} claims), none in conflict, not listed.</p>"#,
                groups.more_groups, groups.more_claims
            );
        }
        return;
    }
    let _ = write!(
        out,
        r#"<div class="wrap"><table class="claims sortable" id="{}-table"><thead><tr><th>verdict</th><th>date</th><th>source</th><th>claim</th><th>interval</th><th>compared with</th><th>findings</th><th>where</th></tr></thead><tbody>"#,
        series.id
    );
    for r in &series.rows {
        let drawn = match r.not_drawn {
            Some(why) => format!(r#"<br><span class="note">not drawn: {why}</span>"#),
            None => String::new(),
        };
        let _ = write!(
            out,
            r#"<tr id="{}" class="v-{}" data-at="{}:{}:{}"><td>{}</td><td data-k="{}">{}</td><td>{}</td><td class="claim">{}</td><td class="iv">{}{drawn}</td><td class="cmp">{}</td><td class="find">{}</td><td class="where">{}</td></tr>"#,
            r.id,
            r.standing.name(),
            esc(&r.file),
            r.line,
            r.column,
            badge(r.standing),
            esc(&r.date),
            if r.date.is_empty() {
                "undated"
            } else {
                &r.date
            },
            source(r),
            sentence(r),
            esc(&r.interval),
            esc(&r.against),
            findings(r),
            place(r)
        );
    }
    out.push_str("</tbody></table></div>");
}

/// The whole page.
pub fn render(ledger: &Ledger) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="claimcheck {}"><title>claimcheck report</title><style>{CSS}</style></head><body><main><h1>What the archive says</h1><p class="lede">Every claim claimcheck read, by entity and attribute: when it was made, what it said, and whether the fact base agrees. Hover or focus a mark for its sentence and finding; click it for its row.</p>"#,
        env!("CARGO_PKG_VERSION")
    );
    out.push_str(&summary(ledger));
    out.push_str(&legend(ledger));
    out.push_str(r#"<nav aria-label="contents"><h3>Charts</h3><ol>"#);
    for s in &ledger.series {
        let _ = write!(
            out,
            r##"<li><a href="#{}">{}</a> <span class="note">{}{}</span></li>"##,
            s.id,
            esc(&s.title),
            super::report_markdown::count(s.rows.len(), "claim"),
            match s.counts[1] + s.counts[2] {
                0 => String::new(),
                n => format!(", {n} in conflict or stale"),
            }
        );
    }
    out.push_str("</ol></nav>");
    let sources = &ledger.summary.sources;
    for s in &ledger.series {
        let _ = write!(
            out,
            r#"<section class="series" id="{}" data-facts="{}"><h2>{}</h2>"#,
            s.id,
            s.facts.len(),
            esc(&s.title)
        );
        let unit = match &s.axis {
            crate::report::Axis::Money { currency, log } => format!(
                "in {currency}, each amount at the rate of its day{}",
                if *log { "; logarithmic scale" } else { "" }
            ),
            crate::report::Axis::Date => "the date claimed".to_string(),
            crate::report::Axis::Age => "the age claimed, in years".to_string(),
            crate::report::Axis::Count { unit } => format!("how many {unit}"),
            crate::report::Axis::Entity { .. } => "the entity named".to_string(),
            crate::report::Axis::Months => "months claimed since the event".to_string(),
        };
        let not_drawn = s
            .rows
            .iter()
            .filter(|r| r.not_drawn.is_some() || r.low.is_none())
            .count();
        let _ = write!(
            out,
            r#"<p class="note">x: the claim's date; y: {unit}. {}{}</p>"#,
            if s.facts.is_empty() {
                "The fact base has no value for it. ".to_string()
            } else {
                "The black line is the fact base's value. ".to_string()
            },
            if not_drawn > 0 {
                format!("{not_drawn} claims are not drawn (see the table).")
            } else {
                String::new()
            }
        );
        if s.rows.iter().filter(|r| r.low.is_some()).count() > report_chart::MARK_LIMIT {
            let _ = write!(
                out,
                r#"<p class="note">More than {} claims: one mark per 8-pixel cell and verdict, its size growing with the number of claims; hover for the count.</p>"#,
                report_chart::MARK_LIMIT
            );
        }
        if let Some(svg) = report_chart::chart(s, sources) {
            out.push_str("<figure>");
            out.push_str(&svg);
            out.push_str("</figure>");
        }
        table(&mut out, s, sources);
        out.push_str("</section>");
    }
    let _ = writeln!(
        out,
        r#"<footer>claimcheck {} report. Same input, same bytes: no date or time is written here.</footer></main><script>{SCRIPT}</script></body></html>"#,
        env!("CARGO_PKG_VERSION")
    );
    out
}
