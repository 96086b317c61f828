//! What `--fix` and `--write-baseline` may and may not do to the files around
//! them: write to the file that was read (even when its name is not UTF-8),
//! never replace a device, a FIFO or a symbolic link by a regular file, keep
//! the owner and group, leave read-only files alone, go on after a file that
//! cannot be written, never overwrite an edit made while they ran, and sweep
//! the temporary files an interrupted run left behind.

#![cfg(unix)]

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use claimcheck::engine::{CheckOptions, Engine, Input};
use claimcheck::rules::RulesLocation;

/// An article with one safe fix: `Timothee` → `Timothée`.
const FIXABLE: &str = "---\nlang: en\n---\nThe launch was led by Timothee Lacroix in Paris.\n";
const FIXED: &str = "---\nlang: en\n---\nThe launch was led by Timothée Lacroix in Paris.\n";

struct Run {
    code: i32,
    stderr: String,
}

fn claimcheck(cwd: &Path, args: &[&OsStr]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn args<'a>(list: &'a [&'a str]) -> Vec<&'a OsStr> {
    list.iter().map(OsStr::new).collect()
}

fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

#[test]
fn a_file_whose_name_is_not_utf8_is_fixed_in_place_and_its_lossy_twin_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let real = OsStr::from_bytes(b"note\xe9.md");
    let twin = OsStr::from_bytes("note\u{FFFD}.md".as_bytes());
    std::fs::write(dir.path().join(real), FIXABLE).unwrap();
    std::fs::write(dir.path().join(twin), "unrelated\n").unwrap();
    let run = claimcheck(
        dir.path(),
        &[OsStr::new("check"), real, OsStr::new("--fix")],
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join(twin)).unwrap(),
        "unrelated\n",
        "the file with the lossy name was overwritten: {}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join(real)).unwrap(),
        FIXED,
        "{}",
        run.stderr
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("fixed 1 finding in note"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_folder_walk_fixes_a_non_utf8_name_too() {
    let dir = tempfile::tempdir().unwrap();
    let real = OsStr::from_bytes(b"caf\xe9.md");
    std::fs::create_dir(dir.path().join("news")).unwrap();
    std::fs::write(dir.path().join("news").join(real), FIXABLE).unwrap();
    let run = claimcheck(dir.path(), &args(&["check", "news", "--fix"]));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("news").join(real)).unwrap(),
        FIXED
    );
    let names: Vec<_> = std::fs::read_dir(dir.path().join("news"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        [real.to_os_string()],
        "nothing else is left in the folder"
    );
}

#[test]
fn a_baseline_written_through_a_symlink_keeps_the_link_and_fills_its_target() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), FIXABLE).unwrap();
    std::fs::create_dir(dir.path().join("shared")).unwrap();
    std::os::unix::fs::symlink("shared/baseline.json", dir.path().join("baseline.json")).unwrap();
    // The target does not exist yet: it is created where the link points.
    let run = claimcheck(
        dir.path(),
        &args(&["check", "a.md", "--write-baseline", "baseline.json"]),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let link = std::fs::symlink_metadata(dir.path().join("baseline.json")).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    let target = std::fs::read_to_string(dir.path().join("shared/baseline.json")).unwrap();
    assert!(target.contains("\"fingerprint\""), "{target}");
    // Written again over an existing target: still a link.
    let again = claimcheck(
        dir.path(),
        &args(&["check", "a.md", "--write-baseline", "baseline.json"]),
    );
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        std::fs::symlink_metadata(dir.path().join("baseline.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_baseline_to_a_fifo_is_written_through_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), FIXABLE).unwrap();
    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let run = claimcheck(
        dir.path(),
        &args(&["check", "a.md", "--write-baseline", "pipe"]),
    );
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    // Checked before joining: a FIFO replaced by a file never gets a writer.
    assert!(
        kind.is_fifo(),
        "the FIFO was replaced by a regular file: {}",
        run.stderr
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let read = reader.join().unwrap();
    assert!(read.contains("\"fingerprint\""), "{read}");
}

#[test]
fn a_baseline_to_a_link_to_a_character_device_writes_to_the_device() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), FIXABLE).unwrap();
    std::os::unix::fs::symlink("/dev/null", dir.path().join("null.json")).unwrap();
    let run = claimcheck(
        dir.path(),
        &args(&["check", "a.md", "--write-baseline", "null.json"]),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let link = std::fs::symlink_metadata(dir.path().join("null.json")).unwrap();
    assert!(link.file_type().is_symlink(), "the link was replaced");
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );

    // A device that refuses the bytes is an error, and stays a device.
    if std::fs::metadata("/dev/full").is_err() {
        eprintln!("skipped the /dev/full half: no /dev/full");
        return;
    }
    std::os::unix::fs::symlink("/dev/full", dir.path().join("full.json")).unwrap();
    let full = claimcheck(
        dir.path(),
        &args(&["check", "a.md", "--write-baseline", "full.json"]),
    );
    assert_eq!(full.code, 2, "{}", full.stderr);
    assert!(
        full.stderr
            .contains("error: cannot write the baseline 'full.json'"),
        "{}",
        full.stderr
    );
    assert!(
        std::fs::symlink_metadata(dir.path().join("full.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn fix_through_a_named_symlink_rewrites_the_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("2024")).unwrap();
    std::fs::write(dir.path().join("2024/article.md"), FIXABLE).unwrap();
    std::os::unix::fs::symlink("2024/article.md", dir.path().join("latest.md")).unwrap();
    let run = claimcheck(dir.path(), &args(&["check", "latest.md", "--fix"]));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        std::fs::symlink_metadata(dir.path().join("latest.md"))
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was turned into a file"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("2024/article.md")).unwrap(),
        FIXED
    );
}

#[test]
fn fix_refuses_a_symlink_that_leads_out_of_the_checked_folders() {
    let outside = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("theirs.md"), FIXABLE).unwrap();
    std::os::unix::fs::symlink(outside.path().join("theirs.md"), dir.path().join("link.md"))
        .unwrap();
    std::fs::write(dir.path().join("mine.md"), FIXABLE).unwrap();
    let run = claimcheck(dir.path(), &args(&["check", "link.md", "mine.md", "--fix"]));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("error: not fixed 'link.md'") && run.stderr.contains("symbolic link"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(outside.path().join("theirs.md")).unwrap(),
        FIXABLE
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mine.md")).unwrap(),
        FIXED,
        "the other file is still fixed"
    );
}

#[test]
fn fix_leaves_a_read_only_file_alone_and_fixes_the_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("locked.md"), FIXABLE).unwrap();
    std::fs::write(dir.path().join("open.md"), FIXABLE).unwrap();
    std::fs::set_permissions(
        dir.path().join("locked.md"),
        std::fs::Permissions::from_mode(0o444),
    )
    .unwrap();
    let run = claimcheck(
        dir.path(),
        &args(&["check", "locked.md", "open.md", "--fix"]),
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("locked.md")).unwrap(),
        FIXABLE,
        "a read-only file was rewritten"
    );
    assert!(
        run.stderr
            .contains("error: not fixed 'locked.md': the file is read-only"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("open.md")).unwrap(),
        FIXED
    );
    assert_eq!(run.code, 2);
}

#[test]
fn fix_keeps_the_owner_and_group_of_the_file() {
    if !is_root() {
        eprintln!("skipped: only root can give a file to another owner to set this up");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    std::fs::write(&path, FIXABLE).unwrap();
    std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let run = claimcheck(dir.path(), &args(&["check", "a.md", "--fix"]));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), FIXED);
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (65534, 65534));
    assert_eq!(meta.mode() & 0o7777, 0o640);
}

/// The binary run as the unprivileged `nobody` user (root writes anywhere), or
/// `None` when that cannot be arranged.
fn claimcheck_as_nobody(cwd: &Path, args: &[&str]) -> Option<Run> {
    if !is_root() {
        return Some(claimcheck(
            cwd,
            &args.iter().map(OsStr::new).collect::<Vec<_>>(),
        ));
    }
    let out = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(cwd)
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if stderr.starts_with("setpriv:") {
        return None;
    }
    Some(Run {
        code: out.status.code().unwrap_or(-1),
        stderr,
    })
}

#[test]
fn fix_reports_a_file_in_a_read_only_folder_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["frozen", "open"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("a.md"), FIXABLE).unwrap();
    }
    // Everyone may read and write, except in `frozen`.
    for (path, mode) in [
        (dir.path().to_path_buf(), 0o777),
        (dir.path().join("open"), 0o777),
        (dir.path().join("open/a.md"), 0o666),
        (dir.path().join("frozen/a.md"), 0o666),
        (dir.path().join("frozen"), 0o555),
    ] {
        if is_root() {
            // Owned by the user who runs the fix, as a user's files are.
            std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
        }
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let Some(run) =
        claimcheck_as_nobody(dir.path(), &["check", "frozen/a.md", "open/a.md", "--fix"])
    else {
        eprintln!("skipped: cannot run as an unprivileged user");
        return;
    };
    assert!(
        run.stderr.contains(
            "error: not fixed 'frozen/a.md': cannot create a temporary file beside it: Permission denied"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("open/a.md")).unwrap(),
        FIXED,
        "the file after the one that failed is still fixed: {}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("frozen/a.md")).unwrap(),
        FIXABLE
    );
    assert_eq!(run.code, 2);
}

#[test]
fn an_edit_made_after_planning_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    std::fs::write(&path, FIXABLE).unwrap();
    let mut engine = Engine::load(&RulesLocation::Embedded).unwrap();
    let report = engine.check(&[Input::Path(path.clone())], &CheckOptions::default());
    let fixes = claimcheck::fix::plan(&engine.map, &report.diagnostics);
    assert_eq!(fixes.len(), 1);
    // The user saves an edit while the fix runs.
    let edited = format!("{FIXABLE}A paragraph written meanwhile.\n");
    std::fs::write(&path, &edited).unwrap();
    let outcome = claimcheck::fix::apply(&engine.map, &fixes);
    assert_eq!(outcome.files.len(), 1);
    let err = outcome.files[0].result.as_ref().unwrap_err().to_string();
    assert!(err.contains("changed"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn fix_sweeps_the_temporary_files_of_dead_runs_and_keeps_those_of_live_ones() {
    if !Path::new("/proc/self").exists() {
        eprintln!("skipped: no /proc to tell dead processes from live ones");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), FIXABLE).unwrap();
    // A process that has ended: its pid is free (and unlikely to be reused at once).
    let mut child = Command::new("true").spawn().unwrap();
    let dead = child.id();
    child.wait().unwrap();
    let stale = format!(".a.md.claimcheck-{dead}.tmp");
    let live = format!(".b.md.claimcheck-{}.tmp", std::process::id());
    let unrelated = ".a.md.claimcheck-notapid.tmp";
    for name in [&stale, &live, &unrelated.to_string()] {
        std::fs::write(dir.path().join(name), "half a file").unwrap();
    }
    let run = claimcheck(dir.path(), &args(&["check", "a.md", "--fix"]));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!dir.path().join(&stale).exists(), "{}", run.stderr);
    assert!(dir.path().join(&live).exists());
    assert!(dir.path().join(unrelated).exists());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.md")).unwrap(),
        FIXED
    );
    assert!(
        run.stderr
            .contains("removed 1 temporary file left by interrupted runs"),
        "{}",
        run.stderr
    );

    // Writing a baseline sweeps its folder too.
    std::fs::write(dir.path().join(&stale), "half a file").unwrap();
    let wrote = claimcheck(
        dir.path(),
        &args(&["check", "a.md", "--write-baseline", "baseline.json"]),
    );
    assert_eq!(wrote.code, 0, "{}", wrote.stderr);
    assert!(!dir.path().join(&stale).exists());
    assert!(dir.path().join(&live).exists());
}
