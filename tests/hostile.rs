//! Hostile input: each case must end with a clear message and exit status 2
//! (or a normal report), never a panic, a hang or a crash.

use std::path::Path;
use std::process::{Command, Output};

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
