//! Finding the articles under the paths given on the command line.

use rustc_hash::FxHashSet;
use std::path::{Path, PathBuf};

use super::input;

/// Extensions checked when walking a folder; a file named explicitly is always checked.
pub const ARTICLE_EXTENSIONS: [&str; 3] = ["md", "markdown", "txt"];

#[derive(Debug, Default)]
pub struct Discovered {
    /// Articles to check, in a stable order.
    pub files: Vec<PathBuf>,
    /// Paths that could not be walked, with the reason.
    pub errors: Vec<(PathBuf, String)>,
    /// Folders in which no article was found.
    pub empty_dirs: Vec<PathBuf>,
}

/// Files under `paths`: folders are walked recursively, skipping hidden and
/// git-ignored files (`.gitignore`, `.ignore`), keeping [`ARTICLE_EXTENSIONS`].
/// `keep` filters the files found by walking (a configuration's include and
/// exclude globs); files named explicitly are always kept.
pub fn discover(paths: &[PathBuf], keep: &dyn Fn(&Path) -> bool) -> Discovered {
    let mut found = Discovered::default();
    // Hashed, not ordered: comparing paths component by component took a
    // third of a 2,783-file walk.
    let mut seen = FxHashSet::default();
    for path in paths {
        // One look at the path: a folder is walked, a socket or a device is
        // refused here, before anything opens it.
        let kind = std::fs::metadata(path).map(|m| m.file_type());
        match kind {
            Ok(kind) if kind.is_dir() => {
                let before = found.files.len();
                walk_dir(path, &mut found, &mut seen, keep);
                if found.files.len() == before {
                    found.empty_dirs.push(path.clone());
                }
            }
            Ok(kind) => match input::readable_kind(&kind) {
                Ok(()) => {
                    let path = clean(path);
                    if seen.insert(path.clone()) {
                        found.files.push(path);
                    }
                }
                Err(reason) => found.errors.push((path.clone(), reason)),
            },
            Err(_) => found
                .errors
                .push((path.clone(), "no such file or folder".to_string())),
        }
    }
    found
}

fn walk_dir(
    dir: &Path,
    found: &mut Discovered,
    seen: &mut FxHashSet<PathBuf>,
    keep: &dyn Fn(&Path) -> bool,
) {
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .ignore(true)
        .parents(true)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                let is_article = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
                if is_file && is_article && keep(path) {
                    let path = clean(path);
                    if seen.insert(path.clone()) {
                        found.files.push(path);
                    }
                }
            }
            Err(err) => {
                let path = match &err {
                    ignore::Error::WithPath { path, .. } => path.clone(),
                    _ => dir.to_path_buf(),
                };
                found.errors.push((path, err.to_string()));
            }
        }
    }
}

/// `./a/b.md` is shown as `a/b.md`.
fn clean(path: &Path) -> PathBuf {
    path.strip_prefix(".").unwrap_or(path).to_path_buf()
}
