//! `undated-article`: time-dependent checks skipped for want of a date.

use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::span::Span;

pub struct UndatedArticle;

pub const INFO: CheckInfo = CheckInfo {
    code: "S003",
    name: "undated-article",
    severity: Severity::Warning,
    summary: "An article with claims has no date, so time-dependent checks were skipped.",
    explanation: "\
Reports an article that makes claims but whose publication date claimcheck could
not learn: no `date` in its front matter, no `--date`, no date line near the top,
and no date in the text to infer it from. Relative dates ('en avril dernier',
'yesterday') are then left unread, `stale-claim` is skipped, a total is compared with
the sums of every day (it is reported only when no day's sum fits), and money claims
are compared with every fact whatever its time, rather than guessing.

Example:

    (an article with no front matter)
    warning[S003]: no publication date: time-dependent checks were skipped
      = help: add `date: YYYY-MM-DD` to the front matter, or pass --date
",
};

impl Check for UndatedArticle {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>) {
        for ex in ctx
            .extractions
            .iter()
            .filter(|e| e.article.date.is_none() && e.money_claims().next().is_some())
        {
            let file = ex.article.file;
            let claims = ex.money_claims().count();
            // The front matter's opening `---` when there is one (where the
            // date goes), else the body's first character: a short label, not
            // a whole first line that may be a paragraph long.
            let text = &ctx.map.get(file).text;
            let (at, label) = if ex.article.body.start > 0 && text.starts_with("---") {
                (0..3, "the front matter gives no `date:`")
            } else {
                let body = &text[ex.article.body.clone()];
                let first = body
                    .char_indices()
                    .find(|(_, c)| !c.is_whitespace())
                    .map_or(0, |(i, _)| i);
                let start = ex.article.body.start + first;
                let len = body[first..].chars().next().map_or(0, char::len_utf8);
                (start..start + len, "the article carries no date")
            };
            out.push(
                Diagnostic::new(
                    &INFO,
                    format!(
                        "no publication date: {} claim{} checked without regard to time; relative dates and stale-claim skipped",
                        claims,
                        if claims == 1 { "" } else { "s" }
                    ),
                    Label::new(Span::new(file, at), label),
                )
                .with_help("add `date: YYYY-MM-DD` to the front matter, or pass --date"),
            );
        }
    }
}
