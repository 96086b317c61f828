//! Writing a user's file without ever leaving it half-written, and without
//! replacing what is not a plain file.
//!
//! The guarantees, for a path to write:
//! - **A regular file, or a name not taken yet**, is replaced atomically: the
//!   new text goes to a temporary file in the same folder
//!   (`.NAME.claimcheck-PID.tmp`), is flushed to disk, takes the old file's
//!   permissions, owner and group, and is renamed over the old file. A reader
//!   sees the old text or the new one, never a mix; a crash leaves the old one.
//!   The owner and group are kept or nothing is written
//!   ([`WriteError::Owner`]). Hard links to the old file keep the old text:
//!   the new one is a new file.
//! - **A symbolic link** is followed (up to 40 links): its final target is
//!   replaced as above, and the link stays a link. A dangling link creates its
//!   target.
//! - **Anything else** — a character device (`/dev/null`, `/dev/full`), a FIFO,
//!   a socket, or any path that leads through `/dev` or `/proc` (`/dev/stdout`,
//!   whatever standard output is) — is written through: opened, truncated where
//!   that means something, and written, never replaced. A FIFO waits for its
//!   reader; a device that refuses the bytes is an error.
//! - A temporary file is removed when the write fails, and by
//!   [`abandon_temporary_files`] when the process is interrupted; one left by a
//!   process that was killed outright is removed by a later
//!   [`sweep_stale_temporary_files`] of its folder, once that process has ended.

use std::ffi::{OsStr, OsString};
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Why a file was not written. The text is shown after the file's name.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{0}")]
    Io(#[from] io::Error),
    /// The temporary file cannot be made (a read-only folder, a full disk).
    #[error("cannot create a temporary file beside it: {0}")]
    Temporary(io::Error),
    /// The file no longer holds the text it was read with.
    #[error("it changed after claimcheck read it; run again to fix the new text")]
    Changed,
    /// The new file could not be given the old one's owner and group.
    #[error("claimcheck may not give the rewritten file its owner and group ({uid}:{gid})")]
    Owner { uid: u32, gid: u32 },
    /// The process is being interrupted: no new temporary file is made.
    #[error("interrupted")]
    Interrupted,
}

/// How writing a path lands on disk; see the [module](self) documentation.
#[derive(Debug, PartialEq, Eq)]
pub enum Destination {
    /// A regular file, or a name not taken yet, after following links.
    Replace(PathBuf),
    /// Not a regular file: written in place (links followed by the system).
    WriteThrough(PathBuf),
}

/// Where writing `path` lands.
pub fn destination(path: &Path) -> io::Result<Destination> {
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return Ok(Destination::WriteThrough(path.to_path_buf()));
    }
    let mut current = path.to_path_buf();
    for _ in 0..=40 {
        // The kernel's own files: renaming there is never what was meant, and
        // /dev/stdout's link leads to whatever standard output is.
        if current.starts_with("/dev") || current.starts_with("/proc") {
            return Ok(Destination::WriteThrough(path.to_path_buf()));
        }
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(folder) => folder.join(target),
                    None => target,
                };
            }
            Ok(meta) if meta.is_file() => return Ok(Destination::Replace(current)),
            Ok(_) => return Ok(Destination::WriteThrough(current)),
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                return Ok(Destination::Replace(current));
            }
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Writes `contents` to `path` by the rules of the [module](self) documentation,
/// first sweeping the folder of the stale temporary files of ended runs.
pub fn write(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    match destination(path)? {
        Destination::Replace(target) => {
            sweep_stale_temporary_files(folder_of(&target));
            replace(&target, contents, None)
        }
        Destination::WriteThrough(target) => Ok(write_through(&target, contents)?),
    }
}

fn write_through(path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).truncate(true).open(path)?;
    file.write_all(contents)?;
    file.flush()
}

/// Atomically replaces the regular file `path` (or creates it) with `contents`.
/// With `expected`, the file must still hold exactly those bytes just before
/// the rename, else nothing is written ([`WriteError::Changed`]): an edit saved
/// meanwhile is not lost. (The comparison and the rename are two steps: an
/// edit saved between them, microseconds apart, is still overwritten.)
pub fn replace(path: &Path, contents: &[u8], expected: Option<&[u8]>) -> Result<(), WriteError> {
    let existing = match std::fs::metadata(path) {
        Ok(meta) => Some(meta),
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            if expected.is_some() {
                return Err(WriteError::Changed);
            }
            None
        }
        Err(err) => return Err(err.into()),
    };
    let (temp, file) = create_temporary(path, existing.is_some())?;
    let result = fill_and_rename(file, &temp, path, contents, existing.as_ref(), expected);
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    forget_temporary(&temp);
    result
}

fn fill_and_rename(
    mut file: File,
    temp: &Path,
    path: &Path,
    contents: &[u8],
    existing: Option<&Metadata>,
    expected: Option<&[u8]>,
) -> Result<(), WriteError> {
    file.write_all(contents)?;
    if let Some(old) = existing {
        keep_owner(&file, old)?;
        // After the owner: changing the owner clears set-user-id bits.
        file.set_permissions(old.permissions())?;
    }
    file.sync_all()?;
    drop(file);
    if let Some(expected) = expected {
        match std::fs::read(path) {
            Ok(now) if now == expected => {}
            Ok(_) => return Err(WriteError::Changed),
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Err(WriteError::Changed),
            Err(err) => return Err(err.into()),
        }
    }
    // The folder is not flushed after the rename: a crash may then bring back
    // the old text, still whole; flushing it doubled the time of a 3,000-file fix.
    std::fs::rename(temp, path)?;
    Ok(())
}

#[cfg(unix)]
fn keep_owner(file: &File, old: &Metadata) -> Result<(), WriteError> {
    use std::os::unix::fs::MetadataExt;
    let (uid, gid) = (old.uid(), old.gid());
    let new = file.metadata()?;
    if (new.uid(), new.gid()) == (uid, gid) {
        return Ok(());
    }
    match std::os::unix::fs::fchown(file, Some(uid), Some(gid)) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == io::ErrorKind::PermissionDenied => {
            Err(WriteError::Owner { uid, gid })
        }
        Err(err) => Err(err.into()),
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _old: &Metadata) -> Result<(), WriteError> {
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

const TEMP_MARK: &str = ".claimcheck-";
const TEMP_END: &str = ".tmp";

/// `.NAME.claimcheck-PID.tmp` beside `path`, built from the name's bytes.
fn temporary_path(path: &Path) -> PathBuf {
    let mut name = OsString::from(".");
    name.push(path.file_name().unwrap_or(OsStr::new("file")));
    name.push(format!("{TEMP_MARK}{}{TEMP_END}", std::process::id()));
    folder_of(path).join(name)
}

/// The temporary files this process has made and not yet renamed or removed.
struct Pending {
    paths: Vec<PathBuf>,
    abandoned: bool,
}

static PENDING: Mutex<Pending> = Mutex::new(Pending {
    paths: Vec::new(),
    abandoned: false,
});

fn pending() -> std::sync::MutexGuard<'static, Pending> {
    PENDING
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Creates the temporary file of `path` and records it, in one step under the
/// lock, so that an interruption either sees it recorded or prevents it.
fn create_temporary(path: &Path, private: bool) -> Result<(PathBuf, File), WriteError> {
    let temp = temporary_path(path);
    let mut pending = pending();
    if pending.abandoned {
        return Err(WriteError::Interrupted);
    }
    let open = || {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if private {
            // Readable by no one else until it takes the old file's permissions.
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        }
        #[cfg(not(unix))]
        let _ = private;
        options.open(&temp)
    };
    let file = match open() {
        // Left by an earlier process that had this process's number.
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(&temp).and_then(|()| open())
        }
        other => other,
    }
    .map_err(WriteError::Temporary)?;
    pending.paths.push(temp.clone());
    Ok((temp, file))
}

fn forget_temporary(temp: &Path) {
    pending().paths.retain(|p| p != temp);
}

/// Removes this process's temporary files and prevents new ones: for a signal
/// handler, right before the process exits. Returns how many were removed.
pub fn abandon_temporary_files() -> usize {
    let mut pending = pending();
    pending.abandoned = true;
    pending
        .paths
        .drain(..)
        .filter(|p| std::fs::remove_file(p).is_ok())
        .count()
}

/// The process number in a temporary file's name, `.NAME.claimcheck-PID.tmp`.
fn temporary_owner(name: &OsStr) -> Option<u32> {
    let name = name.to_string_lossy();
    let rest = name.strip_prefix('.')?.strip_suffix(TEMP_END)?;
    let (_, pid) = rest.rsplit_once(TEMP_MARK)?;
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

/// Whether process `pid` has ended. Only Linux's `/proc` tells; elsewhere (or
/// without `/proc`) every process is taken as alive, and nothing is removed.
fn has_ended(pid: u32) -> bool {
    cfg!(target_os = "linux")
        && pid != std::process::id()
        && Path::new("/proc/self").exists()
        && !Path::new(&format!("/proc/{pid}")).exists()
}

/// Removes from `folder` the temporary files (regular files named
/// `.NAME.claimcheck-PID.tmp`) of processes that have ended — runs killed
/// before they could clean up. Returns how many were removed.
pub fn sweep_stale_temporary_files(folder: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    entries
        .flatten()
        .filter(|entry| {
            temporary_owner(&entry.file_name()).is_some_and(has_ended)
                && entry.file_type().is_ok_and(|t| t.is_file())
        })
        .filter(|entry| std::fs::remove_file(entry.path()).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_a_file_and_keeps_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "old").unwrap();
        write(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn refuses_to_replace_a_file_that_changed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "edited").unwrap();
        let err = replace(&path, b"new", Some(b"old")).unwrap_err();
        assert!(matches!(err, WriteError::Changed), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn reads_the_process_number_of_a_temporary_name() {
        assert_eq!(
            temporary_owner(OsStr::new(".a.md.claimcheck-42.tmp")),
            Some(42)
        );
        assert_eq!(
            temporary_owner(OsStr::new(".a.claimcheck-1.md.claimcheck-7.tmp")),
            Some(7)
        );
        assert_eq!(temporary_owner(OsStr::new(".a.md.claimcheck-.tmp")), None);
        assert_eq!(temporary_owner(OsStr::new("a.md.claimcheck-4.tmp")), None);
        assert_eq!(temporary_owner(OsStr::new(".a.md.claimcheck-x4.tmp")), None);
    }

    #[test]
    fn the_kernel_files_and_devices_are_written_through() {
        assert_eq!(
            destination(Path::new("/dev/stdout")).unwrap(),
            Destination::WriteThrough(PathBuf::from("/dev/stdout"))
        );
        assert_eq!(
            destination(Path::new("/dev/null")).unwrap(),
            Destination::WriteThrough(PathBuf::from("/dev/null"))
        );
    }
}
