//! Peak memory of a whole check, as the kernel accounts it for the child
//! process (its resident set at its largest): measured, not timed.
#![cfg(target_os = "linux")]

use std::process::{Command, Stdio};

/// The largest resident set, in KiB, of the children waited for so far.
fn children_peak_kib() -> i64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let status = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(status, 0, "getrusage failed");
    usage.ru_maxrss
}

/// One small article is checked in less than 30 MiB. With transparent huge
/// pages (mimalloc asks for them unless built with `no_thp`), each arena the
/// allocator touched took a 2 MiB page: 48 MiB for this check (debug build;
/// 34 MiB in release), against 25 MiB (14 MiB) without.
#[test]
fn checking_one_small_article_stays_small() {
    let thp =
        std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled").unwrap_or_default();
    if thp.contains("[always]") {
        // The kernel then gives huge pages unasked: not the program's doing.
        eprintln!("skipped: transparent huge pages are always on");
        return;
    }
    let status = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args([
            "check",
            "fixtures/money/en-consistent.md",
            "--format",
            "short",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("claimcheck runs");
    assert!(status.code().is_some(), "claimcheck was killed: {status}");
    let peak = children_peak_kib();
    assert!(
        peak < 30 * 1024,
        "checking one small article took {peak} KiB at its peak"
    );
}
