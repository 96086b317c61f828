//! `conversion-mismatch`: an amount's conversion into another currency that
//! the reference rate of the figure's day does not give.

use super::helpers::money::{Conversion, claim_interval, overlaps};
use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::extract::StatedConversion;
use crate::rules::FactBase;
use crate::span::{FileId, Span};
use crate::values::DateRange;
use crate::values::amount::describe;

pub struct ConversionMismatch;

pub const INFO: CheckInfo = CheckInfo {
    code: "M006",
    name: "conversion-mismatch",
    severity: Severity::Warning,
    summary: "An amount's conversion into another currency is off the reference rate.",
    explanation: "\
Reports an amount given with its conversion into another currency ('€80M (about
$87M)', '100 millions de dollars, soit 92 millions d'euros') when the rate the two
figures imply is not the ECB reference rate of the day the figure speaks of: the date
of its clause, else the article's (a quoted piece's dateline's). Any two currencies
the ECB publishes may meet (dollars and pounds go through the euro), and the amount
may be about anyone: no fact base is needed. The words that join an amount to its
conversion (a bracket needs none) are each language's `conversion_connectors`.

The one tolerance rule applies: each figure stands for the interval its rounding and
hedge give ('€2.4 million' is 2.35–2.45M, 'about $87 million' 78.3–95.7M), and the
converted one at least 3% either side of it, as outlets convert at different rates and
round what they get. The message gives the implied rate, the reference rate and its
day, and what the converted figure should have been.

A figure of an earlier day converted at the rate of the article's day (it fits the
publication day's rate, not its own day's) is a note, not a warning: the conversion
is right today, the reader may take it for the rate of the time.

Nothing is said when the amounts' currencies are the same or not both written, when
the figure has no date (an undated article, no date in the clause), or when the
table has no rate for the day.

Why it matters: a conversion is copied with the figure, and a wrong rate (or two
figures of different rounds put side by side) reads as a fact.

Example (an article of 15 March 2024):

    Acme Robotics raised €80 million (about $120 million) on Friday
                                      ^^^^^^^^^^^^^^^^^^ should be about USD 87.1M
    warning[M006]: EUR 80M given as USD 120M implies 1 EUR = 1.5000 USD; the
                   reference rate, 1 EUR = 1.0892 USD (2024-03-15), gives USD 87.1M

Fix safety: none offered; the converted figure the reference rate gives is in the
help, but the writer may have meant another day's rate.
",
};

impl Check for ConversionMismatch {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>) {
        for ex in ctx.extractions {
            let published = ex.article.date.as_ref().map(|d| d.range);
            for conversion in &ex.conversions {
                if let Some(diag) = judge(ctx.facts, conversion, published, ex.article.file) {
                    out.push(diag);
                }
            }
        }
    }
}

/// The finding on one conversion, if it is off the rate of its day.
fn judge(
    facts: &FactBase,
    stated: &StatedConversion,
    published: Option<DateRange>,
    file: FileId,
) -> Option<Diagnostic> {
    let (original, converted) = (&stated.original, &stated.converted);
    let from = original.currency.as_deref()?;
    let to = converted.currency.as_deref()?;
    let day = stated.date?;
    if original.value <= 0.0 || converted.value <= 0.0 {
        return None;
    }
    let rate = Conversion::over(facts, from, to, day)?;
    if fits(stated, &rate) {
        return None;
    }
    let said = describe(original.value, original.value, Some(from));
    let given = describe(converted.value, converted.value, Some(to));
    let implied = converted.value / original.value;
    // Of an earlier day, converted at the publication day's rate.
    let today = published
        .filter(|p| stated.date_at.is_some() && *p != day)
        .and_then(|p| Conversion::over(facts, from, to, p))
        .filter(|r| fits(stated, r));
    let mut diag = match today {
        Some(today) => {
            let mut diag = Diagnostic::new(
                &INFO,
                format!(
                    "{said} given as {given} is at the rate of the article's day, \
                     1 {from} = {}, not of the day the figure speaks of, 1 {from} = {}",
                    rate_of(&today),
                    rate_of(&rate)
                ),
                Label::new(
                    Span::new(file, converted.range.clone()),
                    format!("at the rate of {}", today.dates.display()),
                ),
            )
            .with_note(format!(
                "at the rate of {}, {said} was {}",
                day.display(),
                expected(original.value, &rate, to)
            ))
            .with_help("say that the conversion is at today's rate, or convert at the rate of the figure's day");
            diag.severity = Severity::Note;
            diag
        }
        None => {
            let should = expected(original.value, &rate, to);
            Diagnostic::new(
                &INFO,
                format!(
                    "{said} given as {given} implies 1 {from} = {implied:.4} {to}; \
                     the reference rate, 1 {from} = {}, gives {should}",
                    rate_of(&rate)
                ),
                Label::new(
                    Span::new(file, converted.range.clone()),
                    format!("should be about {should}"),
                ),
            )
            .with_help(format!(
                "write {should}, or say which day's rate the conversion uses"
            ))
        }
    };
    diag = diag.with_secondary(Label::new(
        Span::new(file, original.range.clone()),
        "the amount converted",
    ));
    if let Some(at) = &stated.date_at {
        diag = diag.with_secondary(Label::new(
            Span::new(file, at.clone()),
            "the day the figure speaks of",
        ));
    }
    Some(diag)
}

/// "1.0892 USD (2024-03-15)": [`Conversion::describe`] without its "1 EUR = ".
fn rate_of(rate: &Conversion) -> String {
    let described = rate.describe();
    let prefix = format!("1 {} = ", rate.from);
    described
        .strip_prefix(&prefix)
        .map_or(described.clone(), str::to_string)
}

/// Whether the converted figure, by the one tolerance rule, overlaps the
/// original's interval at `rate`.
fn fits(stated: &StatedConversion, rate: &Conversion) -> bool {
    let original = &stated.original;
    overlaps(
        claim_interval(&stated.converted, true),
        (original.low * rate.low, original.high * rate.high),
    )
}

/// The original's figure at `rate`, to three significant digits: "USD 87.4M",
/// or a range over a month's or a year's rates.
fn expected(value: f64, rate: &Conversion, currency: &str) -> String {
    let round = |x: f64| {
        if x <= 0.0 {
            return x;
        }
        let unit = 10f64.powi(x.log10().floor() as i32 - 2);
        (x / unit).round() * unit
    };
    describe(
        round(value * rate.low),
        round(value * rate.high),
        Some(currency),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::Amount;
    use chrono::NaiveDate;

    fn amount(value: f64, half: f64, currency: &str) -> Amount {
        Amount {
            range: 0..1,
            value,
            low: value - half,
            high: value + half,
            currency: Some(currency.to_string()),
            hedge: None,
        }
    }

    fn at(day: &str, rate: f64) -> Conversion {
        let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
        Conversion {
            from: "EUR".into(),
            to: "USD".into(),
            low: rate,
            high: rate,
            dates: DateRange::day(day),
            published: None,
        }
    }

    fn stated(original: Amount, converted: Amount) -> StatedConversion {
        StatedConversion {
            original,
            converted,
            date: None,
            date_at: None,
        }
    }

    #[test]
    fn a_conversion_within_three_percent_fits() {
        let rate = at("2024-03-15", 1.09);
        // 80M EUR is 87.2M USD: 85M is 2.5% under, 84M 3.7% under.
        let ok = stated(amount(80e6, 0.5e6, "EUR"), amount(85e6, 0.5e6, "USD"));
        let off = stated(amount(80e6, 0.5e6, "EUR"), amount(83e6, 0.5e6, "USD"));
        assert!(fits(&ok, &rate));
        assert!(!fits(&off, &rate));
    }

    #[test]
    fn the_expected_figure_has_three_significant_digits() {
        assert_eq!(expected(80e6, &at("2024-03-15", 1.0872), "USD"), "USD 87M");
        assert_eq!(
            expected(1.5e9, &at("2024-03-15", 1.0872), "USD"),
            "USD 1.63B"
        );
    }
}
