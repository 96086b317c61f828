//! Applying inline suppressions, and reporting the ones that are wrong or unused.

use crate::check::registry;
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::extract::Extraction;
use crate::extract::suppressions::Scope;
use crate::span::Span;

pub const INVALID_SUPPRESSION: CheckInfo = CheckInfo {
    code: "S004",
    name: "invalid-suppression",
    severity: Severity::Error,
    summary: "An inline suppression without a reason, or naming no known check.",
    explanation: "\
Reports a `<!-- claimcheck: allow CODE reason=\"…\" -->` comment that gives no reason,
names a check that does not exist, or follows text on its line (at the end of a
paragraph it could mean the paragraph before or the one after). Such a comment
suppresses nothing. Scopes: `allow` covers the block below it (to the next blank line),
`allow-file` the whole article, `off` … `on` a region (every check when it names none).

Why it matters: a suppression is a decision someone will have to understand later;
the reason is what makes it reviewable.

Example:

    <!-- claimcheck: allow name-variant -->      # add reason=\"…\"
",
};

pub const UNUSED_SUPPRESSION: CheckInfo = CheckInfo {
    code: "S005",
    name: "unused-suppression",
    severity: Severity::Warning,
    summary: "An inline suppression that suppresses nothing.",
    explanation: "\
Reports a `<!-- claimcheck: allow CODE reason=\"…\" -->` comment whose paragraph has no
finding of that check: the text was fixed, or the comment is in the wrong place.

Why it matters: stale suppressions hide the next real finding in that paragraph.

Example:

    <!-- claimcheck: allow missing-currency reason=\"quoted as said\" -->
    Globex a investi 15 millions d'euros.     # nothing to suppress here
",
};

pub const ALL: [&CheckInfo; 2] = [&INVALID_SUPPRESSION, &UNUSED_SUPPRESSION];

/// Removes the diagnostics that suppressions cover, and adds the diagnostics
/// about the suppressions themselves.
pub fn apply(extractions: &[Extraction], diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut kept = Vec::with_capacity(diagnostics.len());
    let mut used: Vec<Vec<bool>> = extractions
        .iter()
        .map(|e| vec![false; e.suppressions.len()])
        .collect();
    let mut problems = Vec::new();
    for ex in extractions {
        for s in &ex.suppressions {
            let span = Span::new(ex.article.file, s.comment.clone());
            if s.reason.is_none() {
                problems.push(
                    Diagnostic::new(&INVALID_SUPPRESSION, "suppression without a reason", Label::new(span.clone(), "add reason=\"…\""))
                        .with_help("write why the finding is accepted: <!-- claimcheck: allow CODE reason=\"…\" -->"),
                );
            }
            for code in s.codes.iter().filter(|c| registry::find(c).is_none()) {
                problems.push(Diagnostic::new(
                    &INVALID_SUPPRESSION,
                    format!("no check named `{code}`"),
                    Label::new(span.clone(), "unknown check"),
                ));
            }
            if s.unclear {
                problems.push(
                    Diagnostic::new(
                        &INVALID_SUPPRESSION,
                        "a suppression after text on its line: which paragraph it covers is unclear",
                        Label::new(span.clone(), "covers nothing"),
                    )
                    .with_help("put it on its own line before the paragraph it covers, or use `allow-file` or `off`/`on`"),
                );
            }
            if s.codes.is_empty() && s.scope != Scope::Region {
                problems.push(Diagnostic::new(
                    &INVALID_SUPPRESSION,
                    "suppression names no check",
                    Label::new(span.clone(), "which check?"),
                ));
            }
        }
    }
    // The articles that have suppressions, by file: a finding is compared
    // with its own article's only (comparing it with every article took
    // 1.6 ms of a 2,783-article check).
    let with_suppressions: rustc_hash::FxHashMap<_, usize> = extractions
        .iter()
        .enumerate()
        .filter(|(_, ex)| !ex.suppressions.is_empty())
        .map(|(e, ex)| (ex.article.file, e))
        .collect();
    for d in diagnostics {
        let mut suppressed = false;
        if let Some(&e) = with_suppressions.get(&d.primary.span.file) {
            let ex = &extractions[e];
            for (k, s) in ex.suppressions.iter().enumerate() {
                let covers =
                    s.covers.start <= d.primary.span.start && d.primary.span.start < s.covers.end;
                if covers && s.names(d.code, d.name) && s.reason.is_some() {
                    used[e][k] = true;
                    suppressed = true;
                }
            }
        }
        if !suppressed {
            kept.push(d);
        }
    }
    for (e, ex) in extractions.iter().enumerate() {
        for (k, s) in ex.suppressions.iter().enumerate() {
            let known = s.codes.iter().any(|c| registry::find(c).is_some())
                || (s.scope == Scope::Region && s.codes.is_empty());
            if !used[e][k] && s.reason.is_some() && known && !s.unclear {
                let (what, place) = match s.scope {
                    Scope::Block => (s.codes.join(", "), "no such finding in the paragraph below"),
                    Scope::File => (s.codes.join(", "), "no such finding in the article"),
                    Scope::Region if s.codes.is_empty() => {
                        ("every check".to_string(), "no finding in the region")
                    }
                    Scope::Region => (s.codes.join(", "), "no such finding in the region"),
                };
                problems.push(
                    Diagnostic::new(
                        &UNUSED_SUPPRESSION,
                        format!("this suppression of {what} suppresses nothing"),
                        Label::new(Span::new(ex.article.file, s.comment.clone()), place),
                    )
                    .with_help("remove the comment"),
                );
            }
        }
    }
    kept.extend(problems);
    kept.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    kept
}
