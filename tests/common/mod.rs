//! What the CLI test files share: running the binary as a user would.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// What a run printed, and its exit status.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `claimcheck args` in `cwd`, with `stdin` as standard input.
pub fn claimcheck(cwd: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(cwd)
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    {
        let mut input = child.stdin.take().expect("piped");
        if let Some(bytes) = stdin {
            // A run that refuses standard input may exit before reading it.
            match input.write_all(bytes) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other.expect("stdin accepts input"),
            }
        }
    }
    let out = child.wait_with_output().expect("the binary finishes");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
