//! Where a file stands in its project: the project's root is the folder of the
//! nearest `claimcheck.toml` above the file, else the root of its git working
//! tree (the nearest folder holding `.git`), else the working folder. A path
//! from that root names a file the same way whatever the working folder and
//! however the path was typed (`a.md`, `./a.md`, `/home/me/news/a.md`), so
//! that a baseline written in one place still recognises its findings in
//! another.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use super::SourceFile;

/// The project configuration's file name.
pub const CONFIG_FILE: &str = "claimcheck.toml";

/// The project root of a folder (an absolute, canonical path): the nearest
/// folder above it with a `claimcheck.toml`, else with a `.git` (a folder, or
/// the file a linked worktree has).
pub fn root_of(folder: &Path) -> Option<PathBuf> {
    let with = |marker: &str| {
        folder
            .ancestors()
            .find(|dir| dir.join(marker).exists())
            .map(Path::to_path_buf)
    };
    with(CONFIG_FILE).or_else(|| with(".git"))
}

/// Project paths of files, with each folder's root looked up once (an
/// archive's thousands of articles share a few folders).
#[derive(Debug, Default)]
pub struct ProjectPaths {
    cwd: Option<PathBuf>,
    roots: HashMap<PathBuf, Option<PathBuf>>,
}

impl ProjectPaths {
    pub fn new() -> Self {
        ProjectPaths {
            cwd: std::env::current_dir()
                .ok()
                .and_then(|d| d.canonicalize().ok()),
            roots: HashMap::new(),
        }
    }

    /// The path of `file` from its project's root, `/`-separated. A text
    /// without a file (standard input) is placed by the name it was given
    /// (`--stdin-filename`), as if it were that file; a name in angle
    /// brackets (`<stdin>`) stands as it is. A file outside every project
    /// and outside the working folder keeps its absolute path.
    pub fn of(&mut self, file: &SourceFile) -> String {
        let path = match &file.path {
            Some(path) => path.as_path(),
            None if file.name.starts_with('<') => return file.name.clone(),
            None => Path::new(&file.name),
        };
        self.of_path(path)
            .unwrap_or_else(|| file.name.replace('\\', "/"))
    }

    fn of_path(&mut self, path: &Path) -> Option<String> {
        let cwd = self.cwd.clone()?;
        let absolute = lexical(&cwd.join(path));
        let name = absolute.file_name()?;
        // The folder's links are resolved, not the file's own: a link is
        // checked, fixed and named as itself.
        let folder = absolute.parent()?;
        let folder = folder
            .canonicalize()
            .unwrap_or_else(|_| folder.to_path_buf());
        let root = self
            .roots
            .entry(folder.clone())
            .or_insert_with(|| root_of(&folder))
            .clone()
            .unwrap_or(cwd);
        let full = folder.join(name);
        let shown = full.strip_prefix(&root).unwrap_or(&full);
        Some(slashed(shown))
    }
}

/// `path` without `.` and `..` components (a `..` removes the component
/// before it, as a shell's `cd -L` does).
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A path's components joined with `/` on every platform.
fn slashed(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let joined = parts.join("/");
    // An absolute path keeps its leading `/` (the root component is `/` itself).
    joined.replacen("//", "/", 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_configuration_outranks_git_and_paths_are_from_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(base.join("repo/.git")).unwrap();
        std::fs::create_dir_all(base.join("repo/site/news")).unwrap();
        assert_eq!(
            root_of(&base.join("repo/site/news")),
            Some(base.join("repo"))
        );
        std::fs::write(base.join("repo/site").join(CONFIG_FILE), "").unwrap();
        assert_eq!(
            root_of(&base.join("repo/site/news")),
            Some(base.join("repo/site"))
        );
        let mut paths = ProjectPaths::new();
        let typed = base.join("repo/site/./news/../news/a.md");
        assert_eq!(paths.of_path(&typed).as_deref(), Some("news/a.md"));
    }

    #[test]
    fn slashes_join_components() {
        assert_eq!(slashed(Path::new("a/b/c.md")), "a/b/c.md");
        assert_eq!(slashed(Path::new("/a/b.md")), "/a/b.md");
    }
}
