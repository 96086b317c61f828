//! The top of the report: what was read, what was found by which check, the
//! names most often misspelt, the entities with the most conflicts, and
//! which fact base and exchange rates the verdicts rest on.

use std::collections::BTreeMap;

use super::{Inputs, Series};
use crate::check::verdict::Standing;

/// Where articles come from: the site of their address (`url:` in the front
/// matter), else their folder. Numbered in order of first appearance, then
/// renumbered by how many claims they hold (most first), for the shapes.
#[derive(Default)]
pub(super) struct Sources {
    names: Vec<String>,
    index: BTreeMap<String, usize>,
}

impl Sources {
    pub fn of(&mut self, url: Option<&str>, file: &str) -> usize {
        let name = url
            .and_then(site)
            .unwrap_or_else(|| match file.rfind(['/', '\\']) {
                Some(i) => {
                    let folder = &file[..i];
                    folder
                        .rsplit(['/', '\\'])
                        .next()
                        .unwrap_or(folder)
                        .to_string()
                }
                None => ".".to_string(),
            });
        if let Some(&i) = self.index.get(&name) {
            return i;
        }
        self.names.push(name.clone());
        self.index.insert(name, self.names.len() - 1);
        self.names.len() - 1
    }

    pub fn names(self) -> Vec<String> {
        self.names
    }
}

/// "www.example.org" → "example.org"; a trailing dot dropped.
fn site(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.trim_end_matches('.');
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// How many findings one check made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: &'static str,
    pub count: usize,
}

#[derive(Debug)]
pub struct Summary {
    pub articles: usize,
    pub claims: usize,
    /// Claims standing each way, in [`Standing::ALL`] order.
    pub standings: [usize; 5],
    /// By check, most first (then by code), as `check --statistics` counts them.
    pub findings: Vec<Finding>,
    pub errors: usize,
    pub warnings: usize,
    /// Misspelt names, most often first: as written, the fact base's name,
    /// how many times.
    pub misspelt: Vec<(String, String, usize)>,
    /// Entities by claims in conflict or stale, most first.
    pub most_conflicts: Vec<(String, usize)>,
    pub fact_base: String,
    pub facts: usize,
    /// FNV-1a (64 bits) of the fact base's files, names and text, in load order.
    pub fact_base_hash: String,
    /// The last day of the exchange-rate table.
    pub rates_until: chrono::NaiveDate,
    /// Sources by index (see [`Sources`]).
    pub sources: Vec<String>,
    pub input_errors: Vec<(String, String)>,
}

/// How many entries the lists of the summary show.
const TOP: usize = 10;

fn fnv1a(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

pub(super) fn summarise(inputs: &Inputs, series: &[Series], sources: Vec<String>) -> Summary {
    let mut by_code: BTreeMap<&'static str, Finding> = BTreeMap::new();
    let mut misspelt: BTreeMap<(String, String), usize> = BTreeMap::new();
    let (mut errors, mut warnings) = (0, 0);
    for d in inputs.diagnostics {
        by_code
            .entry(d.code)
            .or_insert(Finding {
                code: d.code,
                name: d.name,
                severity: d.severity.as_str(),
                count: 0,
            })
            .count += 1;
        match d.severity {
            crate::diagnostic::Severity::Error => errors += 1,
            crate::diagnostic::Severity::Warning => warnings += 1,
            crate::diagnostic::Severity::Note => {}
        }
        if d.name == "name-variant" {
            let file = inputs.map.get(d.primary.span.file);
            let written = file.text[d.primary.span.start..d.primary.span.end].to_string();
            let canonical = d
                .fix
                .as_ref()
                .and_then(|f| f.edits.first())
                .map(|e| e.replacement.clone())
                .unwrap_or_default();
            *misspelt.entry((written, canonical)).or_default() += 1;
        }
    }
    let mut findings: Vec<Finding> = by_code.into_values().collect();
    findings.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    let mut misspelt: Vec<(String, String, usize)> =
        misspelt.into_iter().map(|((w, c), n)| (w, c, n)).collect();
    misspelt.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    misspelt.truncate(TOP);

    let mut conflicts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut standings = [0; 5];
    for s in series {
        for (total, n) in standings.iter_mut().zip(s.counts) {
            *total += n;
        }
        let bad = s.counts[1] + s.counts[2];
        if bad > 0 {
            *conflicts.entry(&s.subject).or_default() += bad;
        }
    }
    let mut most_conflicts: Vec<(String, usize)> = conflicts
        .into_iter()
        .map(|(e, n)| (e.to_string(), n))
        .collect();
    most_conflicts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    most_conflicts.truncate(TOP);

    let mut hash = 0xcbf2_9ce4_8422_2325;
    for &file in &inputs.facts.files {
        let file = inputs.map.get(file);
        fnv1a(&mut hash, file.name.as_bytes());
        fnv1a(&mut hash, &[0]);
        fnv1a(&mut hash, file.text.as_bytes());
        fnv1a(&mut hash, &[0]);
    }
    Summary {
        articles: inputs.extractions.len(),
        claims: standings.iter().sum(),
        standings,
        findings,
        errors,
        warnings,
        misspelt,
        most_conflicts,
        fact_base: inputs.fact_base.clone(),
        facts: inputs.facts.facts.len(),
        fact_base_hash: format!("{hash:016x}"),
        rates_until: inputs.facts.fx.table().last_day(),
        sources,
        input_errors: inputs.input_errors.to_vec(),
    }
}

/// The standing's index in [`Standing::ALL`].
pub fn slot(s: Standing) -> usize {
    Standing::ALL
        .iter()
        .position(|x| *x == s)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_sites_or_folders() {
        assert_eq!(
            site("https://www.example.org./a/b").as_deref(),
            Some("example.org")
        );
        let mut s = Sources::default();
        assert_eq!(s.of(None, "news/desk/a.md"), 0);
        assert_eq!(s.of(Some("https://example.org/x"), "b.md"), 1);
        assert_eq!(s.of(None, "other/desk/c.md"), 0);
        assert_eq!(
            s.names(),
            vec!["desk".to_string(), "example.org".to_string()]
        );
    }
}
