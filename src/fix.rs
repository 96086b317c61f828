//! Applying safe fixes: planning the edits of each file, showing them as a
//! unified diff, and writing files atomically (a temporary file renamed over
//! the original), so that an interrupted run never leaves half a file.

use std::io::Write;
use std::path::Path;

use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::source::{FileKind, SourceMap};
use crate::span::FileId;

/// The fixed text of one file.
#[derive(Debug)]
pub struct FileFix {
    pub file: FileId,
    pub name: String,
    pub original: String,
    pub fixed: String,
    /// How many findings the edits fix.
    pub applied: usize,
}

/// The safe fixes of `diagnostics`, file by file. Overlapping edits are left
/// for a later run: the first (in output order) wins.
pub fn plan(map: &SourceMap, diagnostics: &[Diagnostic]) -> Vec<FileFix> {
    let mut by_file: std::collections::BTreeMap<FileId, Vec<&Edit>> =
        std::collections::BTreeMap::new();
    let mut counts: std::collections::BTreeMap<FileId, usize> = std::collections::BTreeMap::new();
    for d in diagnostics {
        let Some(fix) = d
            .fix
            .as_ref()
            .filter(|f| f.applicability == Applicability::Safe)
        else {
            continue;
        };
        if fix
            .edits
            .iter()
            .any(|e| map.get(e.span.file).kind != FileKind::Article)
        {
            continue;
        }
        let file = d.primary.span.file;
        let taken = by_file.entry(file).or_default();
        let overlaps = fix.edits.iter().any(|e| {
            taken
                .iter()
                .any(|t| e.span.start < t.span.end && t.span.start < e.span.end)
        });
        if !overlaps {
            taken.extend(fix.edits.iter());
            *counts.entry(file).or_default() += 1;
        }
    }
    by_file
        .into_iter()
        .map(|(file, mut edits)| {
            let original = map.get(file).text.clone();
            edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
            let mut fixed = original.clone();
            for e in edits {
                fixed.replace_range(e.span.range(), &e.replacement);
            }
            FileFix {
                file,
                name: map.get(file).name.clone(),
                original,
                fixed,
                applied: counts[&file],
            }
        })
        .collect()
}

/// Writes `contents` to `path` through a temporary file in the same folder,
/// keeping the original's permissions.
pub fn write_atomically(path: &Path, contents: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("article");
    let temp = dir.join(format!(".{name}.claimcheck-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(contents.as_bytes())?;
        file.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            std::fs::set_permissions(&temp, meta.permissions())?;
        }
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// A unified diff of two versions of a file that have the same number of lines
/// (fixes replace words, never line breaks), with no context lines.
pub fn unified_diff(name: &str, old: &str, new: &str) -> String {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    // Relative paths get git's a/ and b/ prefixes; absolute ones stand as they are.
    let mut out = if name.starts_with('/') {
        format!("--- {name}\n+++ {name}\n")
    } else {
        format!("--- a/{name}\n+++ b/{name}\n")
    };
    let mut i = 0;
    while i < a.len().max(b.len()) {
        if a.get(i) == b.get(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < a.len().max(b.len()) && a.get(i) != b.get(i) {
            i += 1;
        }
        let (old_lines, new_lines) = (
            &a[start.min(a.len())..i.min(a.len())],
            &b[start.min(b.len())..i.min(b.len())],
        );
        out.push_str(&format!(
            "@@ -{},{} +{},{} @@\n",
            start + 1,
            old_lines.len(),
            start + 1,
            new_lines.len()
        ));
        for line in old_lines {
            out.push('-');
            out.push_str(line.trim_end_matches('\n'));
            out.push('\n');
        }
        for line in new_lines {
            out.push('+');
            out.push_str(line.trim_end_matches('\n'));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diffs_changed_lines_only() {
        let diff = unified_diff("a.md", "one\ntwo\nthree\n", "one\nTWO\nthree\n");
        assert_eq!(
            diff,
            "--- a/a.md\n+++ b/a.md\n@@ -2,1 +2,1 @@\n-two\n+TWO\n"
        );
    }

    #[test]
    fn writes_atomically_and_keeps_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
