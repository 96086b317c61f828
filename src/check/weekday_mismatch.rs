//! `weekday-mismatch`: "mardi 11 juin" when 11 June is not a Tuesday.

use chrono::{Datelike, Weekday};

use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::span::Span;

pub struct WeekdayMismatch;

pub const INFO: CheckInfo = CheckInfo {
    code: "T002",
    name: "weekday-mismatch",
    severity: Severity::Warning,
    summary: "A weekday written beside a date that falls on another day.",
    explanation: "\
Reports a weekday written with a day and a month ('mardi 11 juin', 'Tuesday, June
11') when that date, in its year, is another day of the week. The year is the one
written, else the one the article's date implies. No fact is needed.

Why it matters: either the weekday or the date is wrong, and readers use both to
place events.

Example (an article of June 2024):

    annoncé ce mercredi 11 juin
               ^^^^^^^^ warning[T002]: 11 June 2024 is a Tuesday, not a Wednesday
",
};

fn name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

impl Check for WeekdayMismatch {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>) {
        for ex in ctx.extractions {
            let file = ex.article.file;
            for mention in &ex.dates {
                let Some(written) = &mention.weekday else {
                    continue;
                };
                let actual = mention.date.first.weekday();
                if actual == written.weekday {
                    continue;
                }
                let date = mention.date.first.format("%-d %B %Y");
                let mut diag = Diagnostic::new(
                    &INFO,
                    format!(
                        "{date} is a {}, not a {}",
                        name(actual),
                        name(written.weekday)
                    ),
                    Label::new(
                        Span::new(file, written.range.clone()),
                        format!("{date} is a {}", name(actual)),
                    ),
                )
                .with_secondary(Label::new(
                    Span::new(file, mention.range.clone()),
                    "this date",
                ));
                if !mention.explicit_year {
                    diag = diag.with_note(format!(
                        "the year, {}, is the one the article's date implies",
                        mention.date.first.year()
                    ));
                }
                out.push(diag);
            }
        }
    }
}
