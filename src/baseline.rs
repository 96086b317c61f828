//! Baselines: a file of the findings a project has accepted for now, so that
//! CI fails only on new ones. A finding is known by a fingerprint of its code,
//! its file, the words it points at and their rank among identical findings —
//! not by its line, so that edits elsewhere in the file do not disturb it.

use std::collections::HashMap;
use std::path::Path;

use serde_json::{Value, json};

use crate::atomic_write::{self, WriteError};
use crate::diagnostic::Diagnostic;
use crate::source::SourceMap;
use crate::text::fold::surface;

/// FNV-1a, 64 bits: stable across Rust versions and platforms, unlike `DefaultHasher`.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The fingerprints of `diagnostics`, in order.
pub fn fingerprints(map: &SourceMap, diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut seen: HashMap<(String, String, String), usize> = HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let file = map.get(d.primary.span.file);
            let words = surface(&file.text[d.primary.span.range()]).into_owned();
            let key = (d.code.to_string(), file.name.replace('\\', "/"), words);
            let rank = seen.entry(key.clone()).or_default();
            *rank += 1;
            let text = format!("{}\0{}\0{}\0{}", key.0, key.1, key.2, rank);
            format!("{:016x}", fnv1a(text.as_bytes()))
        })
        .collect()
}

/// Writes the baseline of `diagnostics` to `path` ([`atomic_write::write`]'s
/// rules: a regular file is replaced atomically, a link's target is written, a
/// device or a FIFO is written through).
pub fn write(path: &Path, map: &SourceMap, diagnostics: &[Diagnostic]) -> Result<(), WriteError> {
    let findings: Vec<Value> = diagnostics
        .iter()
        .zip(fingerprints(map, diagnostics))
        .map(|(d, fingerprint)| {
            let file = map.get(d.primary.span.file);
            json!({
                "fingerprint": fingerprint,
                "code": d.code,
                "name": d.name,
                "file": file.name,
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

/// Reads a baseline: fingerprint → how many findings it accepts.
pub fn read(path: &Path) -> Result<HashMap<String, usize>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let doc: Value =
        serde_json::from_str(&text).map_err(|e| format!("not a baseline file: {e}"))?;
    let findings = doc["findings"]
        .as_array()
        .ok_or("not a baseline file: no `findings` array")?;
    let mut accepted = HashMap::new();
    for f in findings {
        let fp = f["fingerprint"]
            .as_str()
            .ok_or("not a baseline file: a finding without `fingerprint`")?;
        *accepted.entry(fp.to_string()).or_default() += 1;
    }
    Ok(accepted)
}

/// Keeps the diagnostics that the baseline does not accept; returns how many it removed.
pub fn filter(
    map: &SourceMap,
    diagnostics: Vec<Diagnostic>,
    mut accepted: HashMap<String, usize>,
) -> (Vec<Diagnostic>, usize) {
    let prints = fingerprints(map, &diagnostics);
    let mut kept = Vec::new();
    let mut removed = 0;
    for (d, fp) in diagnostics.into_iter().zip(prints) {
        match accepted.get_mut(&fp) {
            Some(n) if *n > 0 => {
                *n -= 1;
                removed += 1;
            }
            _ => kept.push(d),
        }
    }
    (kept, removed)
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
