//! One series of the report as an inline SVG timeline: x the claim's date, y
//! its interval in the series' unit, one mark per claim (shape by source,
//! colour and outline by verdict, a <title> for hover and screen readers, a
//! link to its row), the fact base's values as a step line. Past
//! [`MARK_LIMIT`] marks, claims are drawn one mark per cell of a grid and
//! verdict, sized by how many it holds.

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::report_html::esc;
use crate::report::{Axis, FactStep, Row, Series};
use crate::values::amount::compact;

/// More drawable claims than this in one chart are aggregated.
pub const MARK_LIMIT: usize = 2000;
/// The grid cell aggregated marks are counted in, in pixels.
const CELL: f64 = 8.0;

const WIDTH: f64 = 1180.0;
const HEIGHT: f64 = 320.0;
const LEFT: f64 = 110.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 40.0;

/// How many shapes tell sources apart; later sources share the last one.
pub const SHAPES: usize = 6;

/// A shape centred on (x, y), of radius `r`, as an SVG element.
pub fn shape(kind: usize, x: f64, y: f64, r: f64) -> String {
    match kind.min(SHAPES - 1) {
        0 => format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}"/>"#),
        1 => format!(
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/>"#,
            x - r * 0.85,
            y - r * 0.85,
            r * 1.7,
            r * 1.7
        ),
        2 => format!(
            r#"<path d="M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z"/>"#,
            y - r * 1.1,
            x + r,
            y + r * 0.8,
            x - r,
            y + r * 0.8
        ),
        3 => format!(
            r#"<path d="M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z"/>"#,
            y - r * 1.2,
            x + r * 1.2,
            y + r * 1.2,
            x - r * 1.2
        ),
        4 => format!(
            r#"<path d="M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z"/>"#,
            y + r * 1.1,
            x + r,
            y - r * 0.8,
            x - r,
            y - r * 0.8
        ),
        _ => {
            // A plus sign, thick enough to fill.
            let (a, b) = (r * 0.4, r * 1.1);
            format!(
                r#"<path d="M{:.1} {:.1}h{:.1}v{:.1}h{:.1}v{:.1}h{:.1}v{:.1}h{:.1}v{:.1}h{:.1}v{:.1}z"/>"#,
                x - a,
                y - b,
                2.0 * a,
                b - a,
                b - a,
                2.0 * a,
                -(b - a),
                b - a,
                -2.0 * a,
                -(b - a),
                -(b - a),
                -2.0 * a
            )
        }
    }
}

fn day(d: NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce())
}

fn from_day(n: f64) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(n.round() as i32).unwrap_or_default()
}

/// A linear or logarithmic scale from a domain to pixels.
struct Scale {
    lo: f64,
    hi: f64,
    to_lo: f64,
    to_hi: f64,
    log: bool,
}

impl Scale {
    fn at(&self, v: f64) -> f64 {
        let (v, lo, hi) = if self.log {
            (v.max(1e-9).log10(), self.lo.log10(), self.hi.log10())
        } else {
            (v, self.lo, self.hi)
        };
        self.to_lo + (v - lo) / (hi - lo) * (self.to_hi - self.to_lo)
    }
}

/// Round steps for about `n` ticks over lo..hi.
fn ticks(lo: f64, hi: f64, n: f64) -> Vec<f64> {
    let raw = (hi - lo) / n;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let mut out = Vec::new();
    let mut v = (lo / step).ceil() * step;
    while v <= hi + step * 1e-9 {
        out.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
        v += step;
    }
    out
}

fn log_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let mut out = Vec::new();
    let mut p = 10f64.powf(lo.log10().floor());
    while p <= hi * 1.0001 {
        for m in [1.0, 2.0, 5.0] {
            let v = p * m;
            if v >= lo && v <= hi {
                out.push(v);
            }
        }
        p *= 10.0;
    }
    if out.len() > 9 {
        out.retain(|v| (v.log10().fract()).abs() < 1e-9 || (v.log10().fract() - 1.0).abs() < 1e-9);
    }
    out
}

/// First days of years, quarters or months over the span, at most about 12.
fn date_ticks(first: NaiveDate, last: NaiveDate) -> (Vec<NaiveDate>, &'static str) {
    let months = (last.year() - first.year()) * 12 + last.month() as i32 - first.month() as i32;
    let (step, format) = match months {
        m if m > 72 => (12 * ((m / 12) / 10 + 1), "%Y"),
        m if m > 30 => (12, "%Y"),
        m if m > 12 => (3, "%Y-%m"),
        m if m > 6 => (2, "%Y-%m"),
        _ => (1, "%Y-%m"),
    };
    let mut d = NaiveDate::from_ymd_opt(first.year(), 1, 1).unwrap_or(first);
    let mut out = Vec::new();
    while d <= last {
        if d >= first {
            out.push(d);
        }
        d = d + chrono::Months::new(step as u32);
    }
    (out, format)
}

fn y_label(axis: &Axis, v: f64) -> String {
    match axis {
        Axis::Money { currency, .. } => format!("{} {currency}", compact(v)),
        Axis::Date => from_day(v).format("%Y-%m").to_string(),
        Axis::Age => format!("{v:.0} y"),
        Axis::Count { .. } => compact(v),
        Axis::Entity { lanes } => {
            let name = lanes.get(v.round() as usize).map_or("", String::as_str);
            match name.char_indices().nth(40) {
                Some((cut, _)) => format!("{}…", &name[..cut]),
                None => name.to_string(),
            }
        }
        Axis::Months => format!("{v:.0} mo"),
    }
}

/// A step's value at a day (it may slope).
fn step_at(s: &FactStep, d: f64) -> (f64, f64) {
    let shift = s.from.map_or(0.0, |f| (d - day(f)) * s.slope);
    (s.low + shift, s.high + shift)
}

/// The chart of a series, or `None` when nothing in it can be drawn.
pub fn chart(series: &Series, sources: &[String]) -> Option<String> {
    let drawn: Vec<&Row> = series
        .rows
        .iter()
        .filter(|r| r.low.is_some() && r.day.is_some())
        .collect();
    if drawn.is_empty() {
        return None;
    }
    // The x domain: the claims' days, and the facts' bounded ends near them.
    let mut x_lo = drawn
        .iter()
        .filter_map(|r| r.day)
        .map(day)
        .fold(f64::MAX, f64::min);
    let mut x_hi = drawn
        .iter()
        .filter_map(|r| r.day)
        .map(day)
        .fold(f64::MIN, f64::max);
    for s in &series.facts {
        for d in [s.from, s.until].into_iter().flatten() {
            let d = day(d);
            // A fact far from every claim would squash them: keep within two years.
            if d > x_lo - 730.0 && d < x_hi + 730.0 {
                x_lo = x_lo.min(d);
                x_hi = x_hi.max(d);
            }
        }
    }
    if x_hi - x_lo < 60.0 {
        x_lo -= 30.0;
        x_hi += 30.0;
    }
    let pad = (x_hi - x_lo) * 0.03;
    let (x_lo, x_hi) = (x_lo - pad, x_hi + pad);
    // Room for the longest lane name (cut at 40 characters).
    let left = match &series.axis {
        Axis::Entity { lanes } => {
            lanes
                .iter()
                .map(|l| l.chars().count().min(40))
                .max()
                .unwrap_or(0) as f64
                * 7.0
                + 24.0
        }
        _ => 0.0,
    }
    .clamp(LEFT, 320.0);
    let x = Scale {
        lo: x_lo,
        hi: x_hi,
        to_lo: left,
        to_hi: WIDTH - RIGHT,
        log: false,
    };
    // The facts seen in that window.
    let visible: Vec<&FactStep> = series
        .facts
        .iter()
        .filter(|s| s.from.is_none_or(|f| day(f) <= x_hi) && s.until.is_none_or(|u| day(u) >= x_lo))
        .collect();
    let log = matches!(series.axis, Axis::Money { log: true, .. });
    let mut values: Vec<f64> = drawn
        .iter()
        .flat_map(|r| [r.low.unwrap_or(0.0), r.high.unwrap_or(0.0)])
        .collect();
    for s in &visible {
        for d in [x_lo, x_hi] {
            let (l, h) = step_at(s, d);
            values.extend([l, h]);
        }
    }
    if matches!(series.axis, Axis::Months) {
        values.retain(|v| *v >= 0.0);
        values.push(0.0);
    }
    let (mut y_lo, mut y_hi) = match &series.axis {
        Axis::Entity { lanes } => (-0.6, lanes.len() as f64 - 0.4),
        _ => {
            let vals = values
                .iter()
                .copied()
                .filter(|v| v.is_finite() && (!log || *v > 0.0));
            vals.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)))
        }
    };
    if !matches!(series.axis, Axis::Entity { .. }) {
        if log {
            y_lo /= 1.6;
            y_hi *= 1.6;
        } else {
            let span = if y_hi > y_lo {
                y_hi - y_lo
            } else {
                y_hi.abs().max(1.0)
            };
            y_lo -= span * 0.08;
            y_hi += span * 0.08;
            if y_lo < 0.0 && values.iter().all(|v| *v >= 0.0) {
                y_lo = 0.0;
            }
        }
    }
    let y = Scale {
        lo: y_lo,
        hi: y_hi,
        to_lo: HEIGHT - BOTTOM,
        to_hi: TOP,
        log,
    };
    let mut svg = String::with_capacity(4096 + drawn.len() * 300);
    let n = |s: usize| series.counts[s];
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{id}-t {id}-d"><title id="{id}-t">{title}</title><desc id="{id}-d">{total} claims: {} agree, {} conflict, {} stale, {} reported, {} unchecked; {} values in the fact base. The table below lists them.</desc>"#,
        n(0),
        n(1),
        n(2),
        n(3),
        n(4),
        series.facts.len(),
        id = series.id,
        title = esc(&series.title),
        total = series.rows.len(),
    );
    // Axes and grid.
    svg.push_str(r#"<g class="axis">"#);
    let y_ticks = match &series.axis {
        Axis::Entity { lanes } => (0..lanes.len()).map(|i| i as f64).collect(),
        Axis::Date => {
            let (t, _) = date_ticks(from_day(y_lo), from_day(y_hi));
            let mut t: Vec<f64> = t.into_iter().map(day).collect();
            if t.len() > 8 {
                let keep = t.len().div_ceil(8);
                t = t.into_iter().step_by(keep).collect();
            }
            t
        }
        _ if log => log_ticks(y_lo, y_hi),
        _ => ticks(y_lo, y_hi, 5.0),
    };
    for v in y_ticks {
        let py = y.at(v);
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{left}" x2="{:.0}" y1="{py:.1}" y2="{py:.1}"/><text x="{:.0}" y="{:.1}" text-anchor="end">{}</text>"#,
            WIDTH - RIGHT,
            left - 8.0,
            py + 4.0,
            esc(&y_label(&series.axis, v))
        );
    }
    let (x_ticks, format) = date_ticks(from_day(x_lo), from_day(x_hi));
    for d in x_ticks {
        let px = x.at(day(d));
        // A label would be cut at the right edge.
        if px > WIDTH - RIGHT - 24.0 {
            continue;
        }
        let _ = write!(
            svg,
            r#"<line class="grid" x1="{px:.1}" x2="{px:.1}" y1="{TOP}" y2="{:.0}"/><text x="{px:.1}" y="{:.0}" text-anchor="middle">{}</text>"#,
            HEIGHT - BOTTOM,
            HEIGHT - BOTTOM + 18.0,
            d.format(format)
        );
    }
    let _ = write!(
        svg,
        r#"<line class="frame" x1="{left}" x2="{left}" y1="{TOP}" y2="{b:.0}"/><line class="frame" x1="{left}" x2="{:.0}" y1="{b:.0}" y2="{b:.0}"/></g>"#,
        WIDTH - RIGHT,
        b = HEIGHT - BOTTOM
    );
    // The fact base's values.
    if !visible.is_empty() {
        svg.push_str(r#"<g class="fact-line">"#);
        for s in &visible {
            let d0 = s.from.map_or(x_lo, |f| day(f).max(x_lo));
            let d1 = s.until.map_or(x_hi, |u| day(u).min(x_hi));
            let (x0, x1) = (x.at(d0), x.at(d1));
            let (l0, h0) = step_at(s, d0);
            let (l1, h1) = step_at(s, d1);
            let _ = write!(
                svg,
                r#"<g class="fact"><title>fact base: {}</title>"#,
                esc(&s.text)
            );
            let clamp = |v: f64| v.clamp(TOP, HEIGHT - BOTTOM);
            let (yl0, yh0, yl1, yh1) = (
                clamp(y.at(l0)),
                clamp(y.at(h0)),
                clamp(y.at(l1)),
                clamp(y.at(h1)),
            );
            if (yl0 - yh0).abs() > 2.0 || (yl1 - yh1).abs() > 2.0 {
                let _ = write!(
                    svg,
                    r#"<path class="band" d="M{x0:.1} {yl0:.1}L{x1:.1} {yl1:.1}L{x1:.1} {yh1:.1}L{x0:.1} {yh0:.1}Z"/>"#
                );
            }
            let (m0, m1) = ((yl0 + yh0) / 2.0, (yl1 + yh1) / 2.0);
            let _ = write!(
                svg,
                r#"<path class="step" d="M{x0:.1} {m0:.1}L{x1:.1} {m1:.1}"/>"#
            );
            if s.event && s.from.is_some() {
                let _ = write!(
                    svg,
                    r#"<path class="event" d="M{x0:.1} {:.1}l6 6l-6 6l-6 -6z"/>"#,
                    m0 - 6.0
                );
            }
            svg.push_str("</g>");
        }
        svg.push_str("</g>");
    }
    // The claims.
    svg.push_str(r#"<g class="marks">"#);
    if drawn.len() > MARK_LIMIT {
        aggregated(&mut svg, series, &drawn, &x, &y);
    } else {
        for r in &drawn {
            let px = x.at(day(r.day.unwrap_or_default()));
            let (lo, hi) = (r.low.unwrap_or(0.0), r.high.unwrap_or(0.0));
            let mid = if log {
                (lo.max(1e-9) * hi.max(1e-9)).sqrt()
            } else {
                (lo + hi) / 2.0
            };
            let (py0, py1, pm) = (y.at(lo), y.at(hi), y.at(mid));
            let source = sources.get(r.source).map_or("", String::as_str);
            let mut tip = format!(
                "{} — {}:{} ({source}, {})\n{}\nread as {}; {}",
                r.standing.name(),
                r.file,
                r.line,
                r.date,
                r.sentence,
                r.interval,
                if r.against.is_empty() {
                    "compared with nothing".to_string()
                } else {
                    format!("compared with {}", r.against)
                }
            );
            for f in &r.findings {
                tip.push('\n');
                tip.push_str(f);
            }
            let _ = write!(
                svg,
                r##"<a href="#{}"><g class="m v-{}"><title>{}</title>"##,
                r.id,
                r.standing.name(),
                esc(&tip)
            );
            if (py0 - py1).abs() > 3.0 {
                let _ = write!(
                    svg,
                    r#"<line class="hedge" x1="{px:.1}" x2="{px:.1}" y1="{py0:.1}" y2="{py1:.1}"/>"#
                );
            }
            svg.push_str(&shape(r.source, px, pm, 5.5));
            svg.push_str("</g></a>");
        }
    }
    svg.push_str("</g></svg>");
    Some(svg)
}

/// An aggregated mark: how many claims, their first and last days, their
/// lowest and highest values.
type Cell = (usize, NaiveDate, NaiveDate, f64, f64);

/// One mark per grid cell and verdict, its area growing with its count.
fn aggregated(svg: &mut String, series: &Series, drawn: &[&Row], x: &Scale, y: &Scale) {
    use std::collections::BTreeMap;
    // (cell x, cell y, verdict) → (count, first day, last day, low, high)
    let mut cells: BTreeMap<(i64, i64, u8), Cell> = BTreeMap::new();
    for r in drawn {
        let d = r.day.unwrap_or_default();
        let (lo, hi) = (r.low.unwrap_or(0.0), r.high.unwrap_or(0.0));
        let mid = if y.log {
            (lo.max(1e-9) * hi.max(1e-9)).sqrt()
        } else {
            (lo + hi) / 2.0
        };
        let key = (
            (x.at(day(d)) / CELL).floor() as i64,
            (y.at(mid) / CELL).floor() as i64,
            r.standing as u8,
        );
        let e = cells.entry(key).or_insert((0, d, d, mid, mid));
        e.0 += 1;
        e.1 = e.1.min(d);
        e.2 = e.2.max(d);
        e.3 = e.3.min(mid);
        e.4 = e.4.max(mid);
    }
    let names = crate::check::verdict::Standing::ALL;
    // Conflicts drawn last, on top.
    let mut order: Vec<_> = cells.into_iter().collect();
    order.sort_by_key(|((cx, cy, v), _)| {
        (
            std::cmp::Reverse(if *v == 1 { 0 } else { 1 + *v }),
            *cx,
            *cy,
        )
    });
    for ((cx, cy, v), (count, first, last, lo, hi)) in order {
        let standing = names
            .iter()
            .find(|s| **s as u8 == v)
            .copied()
            .unwrap_or(names[4]);
        let r = (2.5 + (count as f64).ln() * 1.6).min(CELL * 1.4);
        let px = cx as f64 * CELL + CELL / 2.0;
        let py = cy as f64 * CELL + CELL / 2.0;
        let values = if (hi - lo).abs() < 1e-9 {
            y_label(&series.axis, lo)
        } else {
            format!(
                "{} to {}",
                y_label(&series.axis, lo),
                y_label(&series.axis, hi)
            )
        };
        let _ = write!(
            svg,
            r##"<a href="#{}-table"><g class="m v-{}"><title>{count} claim{} {}: {} to {}, {}</title><circle cx="{px:.1}" cy="{py:.1}" r="{r:.1}"/></g></a>"##,
            series.id,
            standing.name(),
            if count == 1 { "" } else { "s" },
            standing.name(),
            first.format("%Y-%m-%d"),
            last.format("%Y-%m-%d"),
            esc(&values)
        );
    }
}
