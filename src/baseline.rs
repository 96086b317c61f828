//! Baselines: a file of the findings a project has accepted for now, so that
//! CI fails only on new ones. A finding is known by a fingerprint of its code,
//! its file's path from the project root ([`crate::source::project`]), the
//! words it points at and their rank among identical findings — not by its
//! line, so that edits elsewhere in the file do not disturb it, nor by the
//! path as typed, so that a run from another folder or with absolute paths
//! still recognises it. SARIF carries the same fingerprint.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde_json::{Value, json};

use crate::atomic_write::{self, WriteError};
use crate::diagnostic::Diagnostic;
use crate::source::project::ProjectPaths;
use crate::source::{FileKind, SourceMap};
use crate::span::FileId;
use crate::text::fold::surface;

/// The key of the fingerprint in SARIF's `partialFingerprints`; a new
/// fingerprint recipe gets a new version.
pub const SARIF_KEY: &str = "claimcheck/v1";

/// FNV-1a, 64 bits: stable across Rust versions and platforms, unlike `DefaultHasher`.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The project path of each file of `diagnostics`, looked up once per file.
fn project_paths(map: &SourceMap, diagnostics: &[Diagnostic]) -> HashMap<FileId, String> {
    let mut paths = ProjectPaths::new();
    let mut out = HashMap::new();
    for d in diagnostics {
        let file = d.primary.span.file;
        out.entry(file).or_insert_with(|| paths.of(map.get(file)));
    }
    out
}

/// The fingerprints of `diagnostics`, in order.
pub fn fingerprints(map: &SourceMap, diagnostics: &[Diagnostic]) -> Vec<String> {
    let paths = project_paths(map, diagnostics);
    let mut seen: HashMap<(String, String, String), usize> = HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let file = map.get(d.primary.span.file);
            let words = surface(&file.text[d.primary.span.range()]).into_owned();
            let key = (
                d.code.to_string(),
                paths[&d.primary.span.file].clone(),
                words,
            );
            let rank = seen.entry(key.clone()).or_default();
            *rank += 1;
            let text = format!("{}\0{}\0{}\0{}", key.0, key.1, key.2, rank);
            format!("{:016x}", fnv1a(text.as_bytes()))
        })
        .collect()
}

/// Writes the baseline of `diagnostics` to `path` ([`atomic_write::write`]'s
/// rules: a regular file is replaced atomically, a link's target is written, a
/// device or a FIFO is written through). Each finding's `file` is its path
/// from the project root, as in the fingerprint.
pub fn write(path: &Path, map: &SourceMap, diagnostics: &[Diagnostic]) -> Result<(), WriteError> {
    let paths = project_paths(map, diagnostics);
    let findings: Vec<Value> = diagnostics
        .iter()
        .zip(fingerprints(map, diagnostics))
        .map(|(d, fingerprint)| {
            let file = map.get(d.primary.span.file);
            json!({
                "fingerprint": fingerprint,
                "code": d.code,
                "name": d.name,
                "file": paths[&d.primary.span.file],
                "line": file.line_col(d.primary.span.start).0,
                "message": d.message,
            })
        })
        .collect();
    let doc = json!({ "version": 1, "tool": "claimcheck", "findings": findings });
    let mut text = serde_json::to_string_pretty(&doc).expect("JSON values serialise");
    text.push('\n');
    atomic_write::write(path, text.as_bytes())
}

/// One accepted finding of a baseline file.
#[derive(Clone, Debug)]
pub struct Entry {
    pub fingerprint: String,
    /// The check's code, when the file records it.
    pub code: Option<String>,
    /// The file's path from the project root, when the file records it.
    pub file: Option<String>,
}

/// A baseline as read: its entries, in order.
#[derive(Clone, Debug, Default)]
pub struct Baseline {
    pub entries: Vec<Entry>,
}

/// Reads a baseline.
pub fn read(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let doc: Value =
        serde_json::from_str(&text).map_err(|e| format!("not a baseline file: {e}"))?;
    let findings = doc["findings"]
        .as_array()
        .ok_or("not a baseline file: no `findings` array")?;
    let mut entries = Vec::new();
    for f in findings {
        let fp = f["fingerprint"]
            .as_str()
            .ok_or("not a baseline file: a finding without `fingerprint`")?;
        entries.push(Entry {
            fingerprint: fp.to_string(),
            code: f["code"].as_str().map(str::to_string),
            file: f["file"].as_str().map(str::to_string),
        });
    }
    Ok(Baseline { entries })
}

/// What a baseline did to a run's findings.
#[derive(Debug)]
pub struct Filtered {
    /// The findings the baseline does not accept.
    pub kept: Vec<Diagnostic>,
    /// How many findings it accepted.
    pub accepted: usize,
    /// Its entries that matched no finding although this run checked their
    /// file with their check: fixed, or moved out of reach of the fingerprint.
    pub stale: usize,
    /// Whether any entry names a file this run checked: a baseline that names
    /// none was likely written for other files or another project.
    pub names_a_checked_file: bool,
}

/// Keeps the diagnostics that the baseline does not accept, and counts its
/// entries that matched nothing. `reported` tells whether a check's findings
/// are reported in this run at all (`--select`, `allow`): the entries of the
/// other checks cannot match, and are not counted as stale.
pub fn filter(
    map: &SourceMap,
    diagnostics: Vec<Diagnostic>,
    baseline: &Baseline,
    reported: &dyn Fn(&str) -> bool,
) -> Filtered {
    let mut unmatched: HashMap<&str, usize> = HashMap::new();
    for e in &baseline.entries {
        *unmatched.entry(e.fingerprint.as_str()).or_default() += 1;
    }
    let prints = fingerprints(map, &diagnostics);
    let mut kept = Vec::new();
    let mut accepted = 0;
    for (d, fp) in diagnostics.into_iter().zip(prints) {
        match unmatched.get_mut(fp.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                accepted += 1;
            }
            _ => kept.push(d),
        }
    }
    let mut paths = ProjectPaths::new();
    let checked: HashSet<String> = map
        .ids()
        .map(|id| map.get(id))
        .filter(|f| f.kind == FileKind::Article)
        .map(|f| paths.of(f))
        .collect();
    let is_checked = |e: &Entry| e.file.as_ref().is_none_or(|f| checked.contains(f));
    // The first entries of a fingerprint are the matched ones, the rest stale.
    let mut matched: HashMap<&str, usize> = HashMap::new();
    for e in &baseline.entries {
        *matched.entry(e.fingerprint.as_str()).or_default() += 1;
    }
    for (fp, n) in &unmatched {
        *matched.get_mut(fp).expect("counted above") -= n;
    }
    let mut stale = 0;
    for e in &baseline.entries {
        let n = matched
            .get_mut(e.fingerprint.as_str())
            .expect("counted above");
        if *n > 0 {
            *n -= 1;
        } else if is_checked(e) && e.code.as_deref().is_none_or(reported) {
            stale += 1;
        }
    }
    let names_a_checked_file = baseline
        .entries
        .iter()
        .any(|e| e.file.as_ref().is_some_and(|f| checked.contains(f)));
    Filtered {
        kept,
        accepted,
        stale,
        names_a_checked_file,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
