//! Hostile input: each case must end with a clear message and exit status 2
//! (or a normal report), never a panic, a hang or a crash.

use std::io::{Read, Seek};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn claimcheck(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_one_gigabyte_file_is_refused_with_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let file = std::fs::File::create(dir.path().join("huge.md")).unwrap();
    file.set_len(1 << 30).unwrap(); // sparse: no gigabyte is written to disk
    let out = claimcheck(dir.path(), &["check", "huge.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is 1024.0 MiB, larger than the 32 MiB an article may have"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn invalid_utf8_in_the_middle_of_a_file_is_located() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = "Mistral AI a levé 600 millions d'euros.\n"
        .repeat(50)
        .into_bytes();
    bytes.extend_from_slice(b"caf\xc3 au lait\n");
    bytes.extend_from_slice("fin\n".as_bytes());
    std::fs::write(dir.path().join("a.md"), &bytes).unwrap();
    let out = claimcheck(dir.path(), &["check", "a.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid byte 0xC3 at offset 2053, line 51"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_binary_file_named_like_an_article_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("photo.md"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    let out = claimcheck(dir.path(), &["check", "photo.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("looks like a binary file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_file_that_vanishes_between_the_walk_and_the_read_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.md");
    std::fs::write(&path, "Mistral AI.\n").unwrap();
    let found = claimcheck::source::walk::discover(&[dir.path().to_path_buf()], &|_| true);
    assert_eq!(found.files.len(), 1);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(
        claimcheck::source::input::read_file(&found.files[0]).unwrap_err(),
        "no such file or folder"
    );
}

#[test]
fn a_symlink_loop_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    std::fs::write(
        dir.path().join("archive/a.md"),
        "---\nlang: en\n---\nMistral AI.\n",
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", dir.path().join("archive/loop")).unwrap();
    let out = claimcheck(dir.path(), &["check", "archive", "--format", "short"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_line_of_a_hundred_thousand_characters_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let mut line =
        "Mistral AI a levé 105 millions d'euros en juin 2023 et Timothee Lacroix parle. "
            .repeat(1300);
    line.push('\n');
    assert!(line.chars().count() >= 100_000);
    std::fs::write(
        dir.path().join("a.md"),
        format!("---\nlang: fr\ndate: 2024-01-10\n---\n{line}"),
    )
    .unwrap();
    let out = claimcheck(dir.path(), &["check", "a.md", "--format", "short"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1300, "one name variant a sentence");
}

#[test]
fn a_yaml_alias_bomb_in_the_fact_base_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut yaml = String::from("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let refs = vec![format!("*l{}", i - 1); 10].join(", ");
        yaml.push_str(&format!("l{i}: &l{i} [{refs}]\n"));
    }
    yaml.push_str("entities: *l9\n");
    std::fs::create_dir(dir.path().join("facts")).unwrap();
    std::fs::write(dir.path().join("facts/bomb.yaml"), yaml).unwrap();
    let out = claimcheck(
        dir.path(),
        &["rules", "check", "facts", "--format", "short"],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("error[R001]"));
}

#[test]
fn a_fact_base_file_over_64_mib_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("facts")).unwrap();
    // Sparse: the size is what is refused, nothing need be written.
    let file = std::fs::File::create(dir.path().join("facts/huge.yaml")).unwrap();
    file.set_len(65 * 1024 * 1024).unwrap();
    let out = claimcheck(dir.path(), &["rules", "check", "facts"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "huge.yaml': too large: 65.0 MiB (a fact-base file may have up to 64 MiB; split it into several files)"
        ),
        "{}",
        stderr(&out)
    );
}

#[test]
fn ten_thousand_levels_of_nesting_in_the_fact_base_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = format!("entities: {}x{}\n", "[".repeat(10_000), "]".repeat(10_000));
    std::fs::create_dir(dir.path().join("facts")).unwrap();
    std::fs::write(dir.path().join("facts/deep.yaml"), yaml).unwrap();
    let out = claimcheck(
        dir.path(),
        &["rules", "check", "facts", "--format", "short"],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        stderr(&out)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("error[R001]"));
}

#[test]
fn deep_nesting_in_front_matter_is_a_front_matter_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "---\ndate: {}x{}\n---\nMistral AI.\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    std::fs::write(dir.path().join("a.md"), text).unwrap();
    let out = claimcheck(dir.path(), &["check", "a.md", "--format", "short"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("error[S001]"));
}

/// Runs the binary with `stdout` as its standard output, killing it if it
/// has not ended after a minute: a hang then fails the test instead of
/// stalling the suite. The deadline only guards against a hang; the tests
/// assert the status and the messages.
fn claimcheck_to(cwd: &Path, args: &[&str], stdout: Stdio) -> Output {
    let mut stderr = tempfile::tempfile().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(cwd)
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr.try_clone().unwrap())
        .spawn()
        .expect("the binary starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!(
                "`claimcheck {}` hung; killed after a minute",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut err = Vec::new();
    stderr.rewind().unwrap();
    stderr.read_to_end(&mut err).unwrap();
    Output {
        status,
        stdout: Vec::new(),
        stderr: err,
    }
}

/// [`claimcheck_to`] with the standard output captured.
fn claimcheck_within_a_minute(cwd: &Path, args: &[&str]) -> Output {
    let mut stdout = tempfile::tempfile().unwrap();
    let mut out = claimcheck_to(cwd, args, Stdio::from(stdout.try_clone().unwrap()));
    stdout.rewind().unwrap();
    stdout.read_to_end(&mut out.stdout).unwrap();
    out
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

#[cfg(unix)]
#[test]
fn a_fifo_named_on_the_command_line_that_nobody_writes_to_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("pipe.md"));
    std::fs::write(dir.path().join("a.md"), "---\nlang: en\n---\nMistral AI.\n").unwrap();
    let out = claimcheck_within_a_minute(dir.path(), &["check", "pipe.md", "a.md"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(
            "cannot read 'pipe.md': not a regular file (a FIFO) and nothing is writing to it; \
             to read what a program writes, use - and redirect: claimcheck check - < pipe.md"
        ),
        "{}",
        stderr(&out)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("; 1 input could not be checked"),
        "the other article is still checked: {}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[cfg(unix)]
#[test]
fn a_socket_or_a_device_named_on_the_command_line_is_refused_unopened() {
    let dir = tempfile::tempdir().unwrap();
    let _listener = std::os::unix::net::UnixListener::bind(dir.path().join("sock.md")).unwrap();
    let out = claimcheck_within_a_minute(dir.path(), &["check", "sock.md", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cannot read 'sock.md': not a regular file (a socket)"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("cannot read '/dev/zero': not a regular file (a character device)"),
        "{}",
        stderr(&out)
    );
}

/// What `claimcheck check <(program)` passes: a pipe a program writes to.
#[cfg(unix)]
#[test]
fn a_pipe_with_a_writer_named_on_the_command_line_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let (reader, mut writer) = std::io::pipe().unwrap();
    std::io::Write::write_all(
        &mut writer,
        "---\nlang: en\n---\nMistral AI was founded by Guillaume Lampel.\n".as_bytes(),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir.path())
        .args(["check", "/dev/stdin", "--format", "short"])
        .stdin(reader)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(writer); // the end of the article
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout.contains("/dev/stdin:4:27: warning[N001]"),
        "{stdout}"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_fact_base_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("facts")).unwrap();
    std::fs::write(dir.path().join("facts/entities.yaml"), "entities: []\n").unwrap();
    mkfifo(&dir.path().join("facts/pipe.yaml"));
    std::fs::write(dir.path().join("a.md"), "Mistral AI.\n").unwrap();
    for args in [
        &["rules", "check", "facts"][..],
        &["check", "a.md", "--rules", "facts"][..],
    ] {
        let out = claimcheck_within_a_minute(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(
            stderr(&out).contains("cannot read 'facts/pipe.yaml': not a regular file (a FIFO)"),
            "{}",
            stderr(&out)
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_report_that_cannot_be_written_fails_every_command() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "---\nlang: en\n---\nMistral AI was founded by Guillaume Lampel.\n",
    )
    .unwrap();
    let commands: [&[&str]; 7] = [
        &["check", "a.md", "--format", "sarif"],
        &["check", "a.md", "--diff"],
        &["claims", "a.md"],
        &["rules", "check"],
        &["explain"],
        &["explain", "name-variant"],
        &["init", "new"],
    ];
    for args in commands {
        // Writing to /dev/full always fails with "no space left on device".
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = claimcheck_to(dir.path(), args, Stdio::from(full));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(
                "error: cannot write the report to standard output: No space left on device"
            ),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

/// `claimcheck check … | head`: the reader's leaving is not an error, and
/// the status still says what the articles hold.
#[test]
fn a_reader_that_stops_reading_changes_nothing_but_the_output() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "---\nlang: en\n---\nMistral AI was founded by Guillaume Lampel.\n".repeat(200),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir.path())
        .args(["check", "a.md", "--deny", "warnings"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // closed before anything is written
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn front_matter_that_is_never_closed_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "---\nlang: en\ndate: 2024-01-10\nMistral AI was founded in Paris.\n",
    )
    .unwrap();
    let out = claimcheck(dir.path(), &["check", "a.md", "--format", "short"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "a.md:1:1: error[S001]: front matter is not closed: no `---` line ends it\n"
    );
}

#[test]
fn a_list_or_mapping_in_front_matter_names_its_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "---\nlang: en\ndate: [2024, 2025]\ntitle: {a: b}\nurl:\n  - x\n---\nMistral AI.\n",
    )
    .unwrap();
    let out = claimcheck(dir.path(), &["check", "a.md", "--format", "short"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "a.md:3:7: error[S001]: front matter `date` must be a single value, not a list\n\
         a.md:4:8: error[S001]: front matter `title` must be a single value, not a mapping\n\
         a.md:6:3: error[S001]: front matter `url` must be a single value, not a list\n"
    );
}
