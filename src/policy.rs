//! What a run's outcome means for the user, decided here once so that the
//! command line only parses arguments and prints: the exit status, `--deny
//! warnings`, the baseline's filter, and the lines that say what `--fix`,
//! `--diff` and `--write-baseline` did. The library never prints; these
//! functions return the text.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::Report;
use crate::fix::{FileFix, FixOutcome};
use crate::render::{RunInfo, RunProblem};
use crate::rules::{FactBase, RulesLocation};
use crate::source::SourceMap;

/// No error-level finding (warnings allowed unless denied).
pub const CLEAN: u8 = 0;
/// At least one error-level finding.
pub const FINDINGS: u8 = 1;
/// A usage error, an input that cannot be read, a file `--fix` could not
/// rewrite, a report that cannot be written, or a broken fact base.
pub const TROUBLE: u8 = 2;
/// Interrupted (Ctrl-C, SIGTERM) while files were being written.
pub const INTERRUPTED: u8 = 130;

/// `1 finding`, `2 findings`.
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// The exit status of `check`: trouble (unreadable inputs, files not fixed)
/// outranks findings, which outrank a clean run.
pub fn exit_status(report: &Report, not_fixed: usize) -> u8 {
    if !report.input_errors.is_empty() || not_fixed > 0 {
        TROUBLE
    } else if report
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        FINDINGS
    } else {
        CLEAN
    }
}

/// What a run of `check` was over: the fact base, the files checked, and
/// each input that could not be read.
pub fn run_info(location: &RulesLocation, facts: &FactBase, report: &Report) -> RunInfo {
    RunInfo {
        fact_base: location.describe(),
        facts: facts.facts.len(),
        files_checked: report.extractions.len(),
        problems: report
            .input_errors
            .iter()
            .map(|(name, reason)| RunProblem {
                file: Some(name.clone()),
                message: format!("cannot read '{name}': {reason}"),
            })
            .collect(),
        ..RunInfo::default()
    }
}

/// A run that stopped before any article was checked: a fact base that
/// cannot be loaded or has errors, a configuration that cannot be read.
pub fn run_failed(location: &RulesLocation, message: String) -> RunInfo {
    RunInfo {
        fact_base: location.describe(),
        facts: 0,
        files_checked: 0,
        problems: vec![RunProblem {
            file: None,
            message,
        }],
        ..RunInfo::default()
    }
}

/// The warning for an empty fact base — no entity, no fact: every claim
/// would pass unchecked against it (a `rules/` folder that holds only a
/// README). One with entities and no facts is a choice (names are checked;
/// the checks that need no fact run), and gets no warning.
pub fn empty_fact_base_warning(location: &RulesLocation, facts: &FactBase) -> Option<String> {
    (facts.facts.is_empty() && facts.entities.is_empty()).then(|| {
        format!(
            "the fact base {} is empty (no entity, no fact): no name or claim is checked against it (give `--rules DIR`, or `rules = ...` in claimcheck.toml)",
            location.describe()
        )
    })
}

/// `claimcheck explain` without a name: every check in code order, its
/// columns aligned.
pub fn check_list() -> String {
    let mut all = crate::check::registry::all();
    all.sort_by_key(|c| c.code);
    let name_width = all.iter().map(|c| c.name.len()).max().unwrap_or(0);
    let mut out = String::from("Checks (claimcheck explain NAME for one):\n");
    for c in all {
        out.push_str(&format!(
            "  {}  {:<name_width$}  {:<7}  {}\n",
            c.code,
            c.name,
            c.severity.as_str(),
            c.summary
        ));
    }
    out
}

/// `--statistics`: how many findings each check made, most first, and how
/// many of them `--fix` can fix (`[*]`), as ruff prints them.
pub fn statistics(diagnostics: &[Diagnostic]) -> String {
    use std::collections::BTreeMap;
    let mut by_code: BTreeMap<&str, (&str, usize, usize)> = BTreeMap::new();
    for d in diagnostics {
        let entry = by_code.entry(d.code).or_insert((d.name, 0, 0));
        entry.1 += 1;
        if d.fix
            .as_ref()
            .is_some_and(|f| f.applicability == crate::diagnostic::Applicability::Safe)
        {
            entry.2 += 1;
        }
    }
    let mut rows: Vec<_> = by_code.into_iter().collect();
    rows.sort_by(|a, b| b.1.1.cmp(&a.1.1).then(a.0.cmp(b.0)));
    let width = rows
        .iter()
        .map(|r| r.1.1.to_string().len())
        .max()
        .unwrap_or(1);
    let name_width = rows.iter().map(|r| r.1.0.len()).max().unwrap_or(0);
    let mut out = String::new();
    for (code, (name, n, fixable)) in rows {
        let fix = if fixable > 0 {
            format!("  [*] {fixable} fixable with --fix")
        } else {
            String::new()
        };
        out.push_str(format!("{n:>width$}  {code}  {name:<name_width$}{fix}").trim_end());
        out.push('\n');
    }
    out
}

/// `--deny warnings`: every warning counts as an error; a note stays a note.
pub fn deny_warnings(diagnostics: &mut [Diagnostic]) {
    for d in diagnostics {
        if d.severity == Severity::Warning {
            d.severity = Severity::Error;
        }
    }
}

/// Keeps only the findings the baseline at `path` does not accept. Returns
/// the lines to show on standard error — how many findings it accepted, and
/// a warning when it accepted none of the current findings while naming none
/// of the checked files (a baseline of another project, or one written when
/// fingerprints followed the path as typed), or when some of its entries
/// matched nothing — or why the baseline cannot be read. `reported` tells
/// whether a check's findings are reported in this run (see
/// [`crate::baseline::filter`]).
pub fn apply_baseline(
    path: &Path,
    map: &SourceMap,
    report: &mut Report,
    reported: &dyn Fn(&str) -> bool,
) -> Result<Vec<String>, String> {
    let baseline = crate::baseline::read(path)
        .map_err(|err| format!("cannot read the baseline '{}': {err}", path.display()))?;
    let current = report.diagnostics.len();
    let filtered = crate::baseline::filter(
        map,
        std::mem::take(&mut report.diagnostics),
        &baseline,
        reported,
    );
    report.diagnostics = filtered.kept;
    let mut lines = Vec::new();
    if filtered.accepted > 0 {
        lines.push(format!(
            "{} accepted by the baseline {}",
            count(filtered.accepted, "finding", "findings"),
            path.display()
        ));
    } else if current > 0 && !baseline.entries.is_empty() && !filtered.names_a_checked_file {
        lines.push(format!(
            "warning: the baseline {} accepted none of the {} and names none of the checked files; is it for this project?",
            path.display(),
            count(current, "current finding", "current findings")
        ));
    }
    if filtered.stale > 0 {
        lines.push(format!(
            "{} of the baseline {} matched no finding (fixed or moved); `--write-baseline` refreshes it",
            count(filtered.stale, "entry", "entries"),
            path.display()
        ));
    }
    Ok(lines)
}

/// Writes every finding of `diagnostics` to the baseline at `path`; returns
/// the line that says so, or why it could not be written.
pub fn write_baseline(
    path: &Path,
    map: &SourceMap,
    diagnostics: &[Diagnostic],
) -> Result<String, String> {
    crate::baseline::write(path, map, diagnostics)
        .map_err(|err| format!("cannot write the baseline '{}': {err}", path.display()))?;
    Ok(format!(
        "wrote {} to the baseline {}",
        count(diagnostics.len(), "finding", "findings"),
        path.display()
    ))
}

/// The line after `--diff`'s diffs, and its exit status (1 when there is
/// something to fix, as a linter's check mode does).
pub fn diff_summary(fixes: &[FileFix]) -> (String, u8) {
    let applied: usize = fixes.iter().map(|f| f.applied).sum();
    let line = format!(
        "{} available in {}",
        count(applied, "fix", "fixes"),
        count(fixes.len(), "file", "files")
    );
    (line, if applied > 0 { FINDINGS } else { CLEAN })
}

/// What `--fix` did, one line each, in order; `true` marks an error line.
pub fn fix_lines(outcome: &FixOutcome) -> Vec<(bool, String)> {
    let mut lines = Vec::new();
    if outcome.swept > 0 {
        lines.push((
            false,
            format!(
                "removed {} left by interrupted runs",
                count(outcome.swept, "temporary file", "temporary files")
            ),
        ));
    }
    for f in &outcome.files {
        lines.push(match &f.result {
            Ok(()) => (
                false,
                format!(
                    "fixed {} in {}",
                    count(f.applied, "finding", "findings"),
                    f.name
                ),
            ),
            Err(reason) => (true, format!("not fixed '{}': {reason}", f.name)),
        });
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(severities: &[Severity], input_errors: usize) -> Report {
        let diagnostic = |severity: Severity| {
            let span = crate::span::Span::new(0, 0..0);
            let label = crate::diagnostic::Label::new(span, "here");
            let mut d = Diagnostic::new(crate::check::registry::all()[0], "x", label);
            d.severity = severity;
            d
        };
        Report {
            diagnostics: severities.iter().map(|s| diagnostic(*s)).collect(),
            extractions: Vec::new(),
            verdicts: Vec::new(),
            input_errors: (0..input_errors)
                .map(|i| (format!("f{i}"), "unreadable".to_string()))
                .collect(),
            empty_dirs: Vec::new(),
        }
    }

    #[test]
    fn trouble_outranks_findings_which_outrank_warnings() {
        assert_eq!(exit_status(&report(&[], 0), 0), CLEAN);
        assert_eq!(exit_status(&report(&[Severity::Warning], 0), 0), CLEAN);
        assert_eq!(exit_status(&report(&[Severity::Error], 0), 0), FINDINGS);
        assert_eq!(exit_status(&report(&[Severity::Error], 1), 0), TROUBLE);
        assert_eq!(exit_status(&report(&[], 0), 1), TROUBLE);
        let mut denied = report(&[Severity::Warning], 0);
        deny_warnings(&mut denied.diagnostics);
        assert_eq!(exit_status(&denied, 0), FINDINGS);
    }

    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!(count(1, "fix", "fixes"), "1 fix");
        assert_eq!(count(0, "fix", "fixes"), "0 fixes");
        assert_eq!(count(2, "file", "files"), "2 files");
    }
}
