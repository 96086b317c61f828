//! Applying safe fixes: planning the edits of each file, showing them as a
//! unified diff, and writing them back — only to the file that was read, only
//! when it is still as it was read, never to a read-only file or through a
//! link that leads out of the checked folders (see [`apply`]).

use std::collections::{BTreeMap, BTreeSet};
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
    /// Which findings they fix: indexes into the planned diagnostics.
    pub findings: Vec<usize>,
}

/// The findings whose safe fixes `--fix` applies, file by file: their
/// indexes in `diagnostics` and their edits. Overlapping edits are left for a
/// later run: the first (in output order) wins.
fn chosen<'d>(
    map: &SourceMap,
    diagnostics: &'d [Diagnostic],
) -> BTreeMap<FileId, (Vec<usize>, Vec<&'d Edit>)> {
    let mut by_file: BTreeMap<FileId, (Vec<usize>, Vec<&Edit>)> = BTreeMap::new();
    for (index, d) in diagnostics.iter().enumerate() {
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
        let (findings, taken) = by_file.entry(d.primary.span.file).or_default();
        let overlaps = fix.edits.iter().any(|e| {
            taken
                .iter()
                .any(|t| e.span.start < t.span.end && t.span.start < e.span.end)
        });
        if !overlaps {
            taken.extend(fix.edits.iter());
            findings.push(index);
        }
    }
    by_file.retain(|_, (findings, _)| !findings.is_empty());
    by_file
}

/// How many findings of `diagnostics` `--fix` would fix in this run.
pub fn fixable(map: &SourceMap, diagnostics: &[Diagnostic]) -> usize {
    chosen(map, diagnostics)
        .values()
        .map(|(findings, _)| findings.len())
        .sum()
}

/// The safe fixes of `diagnostics`, file by file (see [`chosen`]).
pub fn plan(map: &SourceMap, diagnostics: &[Diagnostic]) -> Vec<FileFix> {
    chosen(map, diagnostics)
        .into_iter()
        .map(|(file, (findings, mut edits))| {
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
                applied: findings.len(),
                findings,
            }
        })
        .collect()
}

/// `--fix` on standard input, which has no file to write back to: the text
/// read with its safe fixes applied (as read when none applies), and the
/// findings the fixes leave, whose positions are those of the text as read.
/// `None` when no article came from standard input.
pub fn fix_standard_input(
    map: &SourceMap,
    diagnostics: Vec<Diagnostic>,
) -> Option<(String, Vec<Diagnostic>)> {
    let stdin = map
        .ids()
        .find(|&id| map.get(id).kind == FileKind::Article && map.get(id).path.is_none())?;
    let fix = plan(map, &diagnostics)
        .into_iter()
        .find(|f| f.file == stdin);
    let Some(fix) = fix else {
        return Some((map.get(stdin).text.clone(), diagnostics));
    };
    let left = diagnostics
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !fix.findings.contains(i))
        .map(|(_, d)| d)
        .collect();
    Some((fix.fixed, left))
}

/// Why the fixes of a file were not written. The text follows the file's name.
#[derive(Debug, thiserror::Error)]
pub enum NotFixed {
    #[error("standard input has no file to write to")]
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

/// A unified diff of two versions of a file, as `git diff` writes it: three
/// lines of context, `a/` and `b/` before a relative path (an absolute path
/// stands as it is), and the mark of a last line without a line break, so that
/// `git apply` and `patch -p1` accept it.
pub fn unified_diff(name: &str, old: &str, new: &str) -> String {
    let name = name.replace('\\', "/");
    let name = name.trim_start_matches("./");
    let (a, b) = if name.starts_with('/') {
        (name.to_string(), name.to_string())
    } else {
        (format!("a/{name}"), format!("b/{name}"))
    };
    similar::TextDiff::configure()
        .newline_terminated(true)
        .diff_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&a, &b)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diffs_have_three_lines_of_context() {
        let old = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        let new = old.replace("five", "FIVE");
        assert_eq!(
            unified_diff("./news/a.md", old, &new),
            "--- a/news/a.md\n+++ b/news/a.md\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-five\n+FIVE\n 6\n 7\n 8\n"
        );
    }

    #[test]
    fn a_last_line_without_a_break_is_marked() {
        let diff = unified_diff("a.md", "one", "ONE");
        assert_eq!(
            diff,
            "--- a/a.md\n+++ b/a.md\n@@ -1 +1 @@\n-one\n\\ No newline at end of file\n+ONE\n\\ No newline at end of file\n"
        );
    }
}
