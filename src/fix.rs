//! Applying safe fixes: planning the edits of each file, showing them as a
//! unified diff, and writing them back — only to the file that was read, only
//! when it is still as it was read, never to a read-only file or through a
//! link that leads out of the checked folders (see [`apply`]).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::atomic_write::{self, Destination, WriteError};
use crate::diagnostic::{Applicability, Diagnostic, Edit};
use crate::source::{FileKind, SourceMap};
use crate::span::FileId;

/// The fixed text of one file.
#[derive(Debug)]
pub struct FileFix {
    pub file: FileId,
    /// The name shown to the user.
    pub name: String,
    /// Where the file was read from (`None`: standard input).
    pub path: Option<PathBuf>,
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
                path: map.get(file).path.clone(),
                original,
                fixed,
                applied: counts[&file],
            }
        })
        .collect()
}

/// Why the fixes of a file were not written. The text follows the file's name.
#[derive(Debug, thiserror::Error)]
pub enum NotFixed {
    #[error("cannot fix standard input in place; use --diff")]
    NotOnDisk,
    #[error("the file is read-only; make it writable to fix it")]
    ReadOnly,
    #[error("it is not a regular file")]
    NotRegular,
    #[error(
        "it is a symbolic link to '{0}', outside the working folder and the link's own folder; fix the target itself"
    )]
    LinkLeadsOut(String),
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// What became of one file's fixes.
#[derive(Debug)]
pub struct FileOutcome {
    pub name: String,
    /// How many findings the fixes fix.
    pub applied: usize,
    pub result: Result<(), NotFixed>,
}

/// What [`apply`] did.
#[derive(Debug, Default)]
pub struct FixOutcome {
    /// One per planned file, in order.
    pub files: Vec<FileOutcome>,
    /// Temporary files of earlier, interrupted runs that were removed.
    pub swept: usize,
}

impl FixOutcome {
    /// The files whose fixes were not written.
    pub fn not_fixed(&self) -> usize {
        self.files.iter().filter(|f| f.result.is_err()).count()
    }
}

/// Writes the planned fixes, file by file, going on after a file that cannot
/// be written. A file is rewritten only when it was read from disk, is a
/// regular file with a write permission bit (or a symbolic link to one inside
/// the working folder or the link's own folder: the link stays a link), and
/// still holds the text it was read with; it is replaced atomically, keeping
/// its permissions, owner and group ([`atomic_write`]). First, the folders of
/// the checked articles are swept of the temporary files that killed runs left.
pub fn apply(map: &SourceMap, fixes: &[FileFix]) -> FixOutcome {
    let folders: BTreeSet<PathBuf> = map
        .ids()
        .map(|id| map.get(id))
        .filter(|f| f.kind == FileKind::Article)
        .filter_map(|f| f.path.as_deref())
        .chain(fixes.iter().filter_map(|f| f.path.as_deref()))
        .map(|p| folder_of(p).to_path_buf())
        .collect();
    let swept = folders
        .iter()
        .map(|f| atomic_write::sweep_stale_temporary_files(f))
        .sum();
    let files = fixes
        .iter()
        .map(|fix| FileOutcome {
            name: fix.name.clone(),
            applied: fix.applied,
            result: write_fix(fix),
        })
        .collect();
    FixOutcome { files, swept }
}

fn write_fix(fix: &FileFix) -> Result<(), NotFixed> {
    let path = fix.path.as_deref().ok_or(NotFixed::NotOnDisk)?;
    let target = match atomic_write::destination(path).map_err(WriteError::from)? {
        Destination::Replace(target) => target,
        Destination::WriteThrough(_) => return Err(NotFixed::NotRegular),
    };
    if target != path && !link_stays_inside(path, &target) {
        return Err(NotFixed::LinkLeadsOut(target.display().to_string()));
    }
    let meta = std::fs::metadata(&target).map_err(|err| {
        if err.kind() == std::io::ErrorKind::NotFound {
            WriteError::Changed
        } else {
            WriteError::Io(err)
        }
    })?;
    if meta.permissions().readonly() {
        return Err(NotFixed::ReadOnly);
    }
    atomic_write::replace(&target, fix.fixed.as_bytes(), Some(fix.original.as_bytes()))?;
    Ok(())
}

/// Whether the file a link named on the command line leads to lies inside the
/// working folder or the link's own folder (the walk never follows links, so
/// only a named link gets here).
fn link_stays_inside(link: &Path, target: &Path) -> bool {
    let Ok(real) = target.canonicalize() else {
        return false;
    };
    let roots = [
        std::env::current_dir().ok(),
        folder_of(link).canonicalize().ok(),
    ];
    roots
        .into_iter()
        .flatten()
        .any(|root| real.starts_with(root))
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
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
}
