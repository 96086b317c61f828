//! Watching the fact base without the client's help: Neovim on Linux cannot
//! watch files for a server, so editing a fact took a restart. The server
//! compares a stamp of the rules folder and claimcheck.toml (every file's
//! path, size and modification time) whenever no message has come for
//! [`INTERVAL`], and reloads when it changed.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How long the server waits for a message before it looks at the files.
pub const INTERVAL: Duration = Duration::from_secs(1);

/// What the watched files looked like: sorted (path, size, modified).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Stamp(Vec<(PathBuf, u64, Option<SystemTime>)>);

impl Stamp {
    /// The stamp of `paths`: files as they are, folders with every file below.
    pub fn of(paths: &[PathBuf]) -> Stamp {
        let mut entries = Vec::new();
        for path in paths {
            collect(path, &mut entries, 0);
        }
        entries.sort();
        Stamp(entries)
    }
}

/// The deepest a fact base's folders are looked into.
const MAX_DEPTH: usize = 8;

fn collect(path: &Path, out: &mut Vec<(PathBuf, u64, Option<SystemTime>)>, depth: usize) {
    let Ok(meta) = std::fs::metadata(path) else {
        return;
    };
    if meta.is_dir() {
        if depth >= MAX_DEPTH {
            return;
        }
        if let Ok(entries) = std::fs::read_dir(path) {
            for entry in entries.flatten() {
                collect(&entry.path(), out, depth + 1);
            }
        }
    } else {
        out.push((path.to_path_buf(), meta.len(), meta.modified().ok()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_file_changes_the_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("facts.yaml");
        std::fs::write(&file, "facts: []\n").unwrap();
        let before = Stamp::of(&[dir.path().to_path_buf()]);
        assert_eq!(before, Stamp::of(&[dir.path().to_path_buf()]));
        std::fs::write(&file, "facts: []\n# a fact will go here\n").unwrap();
        assert_ne!(before, Stamp::of(&[dir.path().to_path_buf()]));
    }
}
