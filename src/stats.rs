//! `check --stats`: what a run read and what it cost, printed on standard
//! error so that benchmarks (and curious users) need no other tool.

use std::fmt;
use std::time::Duration;

use crate::engine::Report;
use crate::source::SourceMap;

#[derive(Debug)]
pub struct Stats {
    pub articles: usize,
    pub bytes: usize,
    pub elapsed: Duration,
    /// The process's peak resident memory, where the system tells it.
    pub peak_memory_kib: Option<u64>,
}

impl Stats {
    pub fn of(map: &SourceMap, report: &Report, elapsed: Duration) -> Stats {
        Stats {
            articles: report.extractions.len(),
            bytes: report
                .extractions
                .iter()
                .map(|e| map.get(e.article.file).text.len())
                .sum(),
            elapsed,
            peak_memory_kib: peak_memory_kib(),
        }
    }
}

/// `VmHWM` of /proc/self/status (Linux); `None` where there is no such file.
pub fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MIB: f64 = 1024.0 * 1024.0;
        let secs = self.elapsed.as_secs_f64();
        let mib = self.bytes as f64 / MIB;
        write!(
            f,
            "stats: {} article{}, {mib:.1} MiB in {secs:.3} s ({:.1} MiB/s)",
            self.articles,
            if self.articles == 1 { "" } else { "s" },
            if secs > 0.0 { mib / secs } else { 0.0 }
        )?;
        if let Some(kib) = self.peak_memory_kib {
            write!(f, ", peak memory {:.1} MiB", kib as f64 / 1024.0)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_throughput_and_memory() {
        let stats = Stats {
            articles: 2,
            bytes: 3 * 1024 * 1024,
            elapsed: Duration::from_millis(1500),
            peak_memory_kib: Some(20 * 1024),
        };
        assert_eq!(
            stats.to_string(),
            "stats: 2 articles, 3.0 MiB in 1.500 s (2.0 MiB/s), peak memory 20.0 MiB"
        );
        if cfg!(target_os = "linux") {
            assert!(peak_memory_kib().is_some_and(|k| k > 0));
        }
    }
}
