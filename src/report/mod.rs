//! `claimcheck report`: the fact desk's ledger of every claim across an
//! archive — per entity and attribute, each claim with its date, its figure
//! in one unit, its verdict and what it was compared with, the fact base's
//! values beside them, and a summary. Built from what `check` found (the
//! verdicts and the diagnostics), never judging a claim again; the renderers
//! (`render::report_html`, `render::report_markdown`) only lay it out.

mod row;
mod series;
mod summary;

use std::path::Path;

use crate::check::verdict::{ClaimVerdict, Standing};
use crate::diagnostic::Diagnostic;
use crate::extract::Extraction;
use crate::rules::FactBase;
use crate::source::SourceMap;

pub use series::{Axis, FactStep};
pub use summary::{Finding, Summary};

/// A table holding more claims than this lists them grouped: claims with the
/// same date, interval, verdict and comparison make one row.
pub const ROW_LIMIT: usize = 2000;
/// At most this many groups are listed in a grouped table, conflicts first.
pub const GROUP_LIMIT: usize = 400;

/// What a run found, as the report reads it.
pub struct Inputs<'a> {
    pub map: &'a SourceMap,
    pub facts: &'a FactBase,
    pub extractions: &'a [Extraction],
    pub verdicts: &'a [Vec<ClaimVerdict>],
    pub diagnostics: &'a [Diagnostic],
    /// The fact base as the user would name it.
    pub fact_base: String,
    /// The folder the report is written to: links to articles are made
    /// relative to it (the working folder when it goes to standard output).
    pub output_dir: Option<&'a Path>,
    /// Inputs that could not be read, with the reason.
    pub input_errors: &'a [(String, String)],
}

/// The whole report.
#[derive(Debug)]
pub struct Ledger {
    pub summary: Summary,
    pub series: Vec<Series>,
}

/// Every claim about one subject, attribute and (for money) object.
#[derive(Debug)]
pub struct Series {
    /// Unique in the report, for anchors: `s1`, `s2`…
    pub id: String,
    /// "Acme AI · valuation", "Globex → Acme AI · investment".
    pub title: String,
    pub subject: String,
    pub axis: Axis,
    /// The fact base's values, in date order.
    pub facts: Vec<FactStep>,
    /// Every claim, by date, then file and place.
    pub rows: Vec<Row>,
    /// When there are more than [`ROW_LIMIT`] rows: the table's groups.
    pub groups: Option<Groups>,
    /// How many claims stand each way, in [`Standing::ALL`] order.
    pub counts: [usize; 5],
}

/// One claim as the report shows it.
#[derive(Debug)]
pub struct Row {
    /// Unique in the report: `c1`, `c2`…
    pub id: String,
    /// The file as named in the run, its link from the report, and where.
    pub file: String,
    pub link: String,
    pub line: usize,
    pub column: usize,
    /// Index into [`Summary::sources`]: the site or folder it comes from.
    pub source: usize,
    /// The claim's time (the middle of its days: a month's claim sits mid-month),
    /// and as written for people.
    pub day: Option<chrono::NaiveDate>,
    pub date: String,
    /// The sentence around the claim, and the value's place in it (bytes).
    pub sentence: String,
    pub value_in_sentence: std::ops::Range<usize>,
    /// The value as written.
    pub text: String,
    /// The value's interval in the series' unit (hedges and rounding
    /// included); `None` when it cannot be drawn (`not_drawn` says why).
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub not_drawn: Option<&'static str>,
    /// The normalised interval for people: "EUR 1.95–2.05B", "2023-05".
    pub interval: String,
    pub standing: Standing,
    /// What it was compared with: a fact (as written, and where) or another
    /// article's claim, or how the clause states it.
    pub against: String,
    /// "M001 fact-conflict: …" for each finding on the claim.
    pub findings: Vec<String>,
}

/// A large series' table: claims grouped, most telling first.
#[derive(Debug)]
pub struct Groups {
    pub listed: Vec<Group>,
    /// Groups (and their claims) left out after [`GROUP_LIMIT`].
    pub more_groups: usize,
    pub more_claims: usize,
}

/// Claims of one series with the same date, interval, verdict and comparison.
#[derive(Debug)]
pub struct Group {
    /// Index into the series' rows of the first claim, shown as the example.
    pub example: usize,
    pub claims: usize,
    pub articles: usize,
}

/// Builds the report.
pub fn build(inputs: &Inputs) -> Ledger {
    let mut sources = summary::Sources::default();
    let mut rows = row::rows(inputs, &mut sources);
    // Sources by how many claims they hold, most first: the first ones get
    // the distinct shapes.
    let names = sources.names();
    let mut held = vec![0usize; names.len()];
    for p in &rows {
        held[p.row.source] += 1;
    }
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|&a, &b| held[b].cmp(&held[a]).then_with(|| names[a].cmp(&names[b])));
    let mut rank = vec![0; names.len()];
    for (new, &old) in order.iter().enumerate() {
        rank[old] = new;
    }
    for p in &mut rows {
        p.row.source = rank[p.row.source];
    }
    let names = order.into_iter().map(|i| names[i].clone()).collect();
    let mut series = series::group(inputs, rows);
    let summary = summary::summarise(inputs, &series, names);
    for s in &mut series {
        s.groups = (s.rows.len() > ROW_LIMIT).then(|| groups(&s.rows));
    }
    Ledger { summary, series }
}

/// Groups a large series' rows: conflicts and stale claims first, then the
/// largest groups.
fn groups(rows: &[Row]) -> Groups {
    // (verdict, date, interval, comparison) → (first row, claims, files)
    type Key<'r> = (Standing, &'r str, &'r str, &'r str);
    let mut by_key: rustc_hash::FxHashMap<Key, (usize, usize, Vec<&str>)> = Default::default();
    for (i, r) in rows.iter().enumerate() {
        let entry = by_key
            .entry((r.standing, &r.date, &r.interval, &r.against))
            .or_insert((i, 0, Vec::new()));
        entry.1 += 1;
        entry.2.push(&r.file);
    }
    let mut all: Vec<Group> = by_key
        .into_values()
        .map(|(example, claims, mut files)| {
            files.sort_unstable();
            files.dedup();
            Group {
                example,
                claims,
                articles: files.len(),
            }
        })
        .collect();
    let rank = |s: Standing| match s {
        Standing::Conflicts => 0,
        Standing::Stale => 1,
        _ => 2,
    };
    all.sort_by(|a, b| {
        rank(rows[a.example].standing)
            .cmp(&rank(rows[b.example].standing))
            .then(b.claims.cmp(&a.claims))
            .then(a.example.cmp(&b.example))
    });
    let rest = all.split_off(all.len().min(GROUP_LIMIT));
    Groups {
        listed: all,
        more_groups: rest.len(),
        more_claims: rest.iter().map(|g| g.claims).sum(),
    }
}
