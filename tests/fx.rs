//! The built-in exchange rates: the ECB's daily reference rates embedded by
//! `scripts/update-fx`, compared with an excerpt of the ECB's own file
//! (`fixtures/fx/eurofxref-sample.csv`), and the rules a lookup follows:
//! weekends and holidays, cross rates through the euro, the table's end, and a
//! fact base's own rates.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use claimcheck::rules::Fx;
use claimcheck::rules::ecb_table::EcbTable;
use claimcheck::values::DateRange;

/// One day of the ECB excerpt: one cell per currency, `None` for N/A.
type Row = (NaiveDate, Vec<Option<f64>>);

/// The ECB excerpt: currency codes, then its rows.
fn sample() -> (Vec<String>, Vec<Row>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/fx/eurofxref-sample.csv");
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let header: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    let codes: Vec<String> = header[1..]
        .iter()
        .filter(|c| !c.is_empty())
        .cloned()
        .collect();
    let rows = lines
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            let day = NaiveDate::parse_from_str(cells[0], "%Y-%m-%d").unwrap();
            let rates = (1..=codes.len())
                .map(|i| cells[i].parse::<f64>().ok())
                .collect();
            (day, rates)
        })
        .collect();
    (codes, rows)
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// The sample's cell for a day and a currency.
fn cell(day_text: &str, code: &str) -> f64 {
    let (codes, rows) = sample();
    let column = codes.iter().position(|c| c == code).unwrap();
    let (_, rates) = rows.iter().find(|(d, _)| *d == day(day_text)).unwrap();
    rates[column].unwrap()
}

#[test]
fn the_embedded_table_gives_exactly_the_ecb_values_of_the_sample() {
    let (codes, rows) = sample();
    assert_eq!(rows.len(), 30);
    let table = EcbTable::embedded();
    let embedded: Vec<&str> = table.currencies().collect();
    assert_eq!(
        embedded, codes,
        "every currency of the ECB file, in its order"
    );
    assert_eq!(table.first_day(), day("1999-01-04"));
    assert_eq!(table.last_day(), day("2026-10-30"));
    let fx = Fx::default();
    let mut compared = 0;
    for (d, rates) in &rows {
        let row = table.row_on_or_before(*d).unwrap();
        assert_eq!(table.day(row), *d, "{d} is a published day");
        for (column, (code, expected)) in codes.iter().zip(rates).enumerate() {
            // Exactly the ECB's decimal, missing where it published none.
            assert_eq!(table.rate(row, column), *expected, "{code} on {d}");
            if let Some(expected) = expected {
                let rate = fx.rate("EUR", code, *d).unwrap();
                assert_eq!((rate.rate, rate.day), (*expected, *d), "{code} on {d}");
                compared += 1;
            }
        }
    }
    // Currencies that started late (RON, CNY…) or stopped (CYP, RUB…) have gaps.
    assert!(
        compared > 30 * 25 && compared < 30 * codes.len(),
        "{compared}"
    );
}

#[test]
fn a_weekend_or_a_holiday_takes_the_last_published_day() {
    let fx = Fx::default();
    // 2023-12-08 is a Friday.
    for weekend in ["2023-12-09", "2023-12-10"] {
        let rate = fx.rate("EUR", "USD", day(weekend)).unwrap();
        assert_eq!(
            (rate.rate, rate.day),
            (cell("2023-12-08", "USD"), day("2023-12-08"))
        );
    }
    // Friday 2022-12-23, then Christmas: no rate on the 24th, 25th or 26th.
    let boxing_day = fx.rate("EUR", "GBP", day("2022-12-26")).unwrap();
    assert_eq!(
        (boxing_day.rate, boxing_day.day),
        (cell("2022-12-23", "GBP"), day("2022-12-23"))
    );
    // Before the first published day there is none.
    assert_eq!(fx.rate("EUR", "USD", day("1999-01-03")), None);
}

#[test]
fn a_currency_no_longer_published_has_no_rate_ten_days_on() {
    let fx = Fx::default();
    // The ECB last published a rouble rate on 2022-03-01.
    let rate = fx.rate("EUR", "RUB", day("2022-03-11")).unwrap();
    assert_eq!(rate.day, day("2022-03-01"));
    assert_eq!(fx.rate("EUR", "RUB", day("2022-03-12")), None);
    // Never published: no rate.
    assert_eq!(fx.rate("EUR", "XYZ", day("2024-01-02")), None);
}

#[test]
fn cross_rates_go_through_the_euro() {
    let fx = Fx::default();
    for d in ["2024-11-26", "2008-08-07", "1999-01-04"] {
        let expected = cell(d, "JPY") / cell(d, "GBP");
        let rate = fx.rate("GBP", "JPY", day(d)).unwrap();
        assert_eq!(rate.rate, expected, "GBP/JPY on {d}");
        let inverse = fx.rate("JPY", "GBP", day(d)).unwrap();
        assert_eq!(inverse.rate, cell(d, "GBP") / cell(d, "JPY"));
        assert_eq!(
            fx.rate("USD", "EUR", day(d)).unwrap().rate,
            1.0 / cell(d, "USD")
        );
    }
    assert_eq!(fx.rate("CHF", "CHF", day("2024-11-26")).unwrap().rate, 1.0);
}

#[test]
fn after_the_last_day_its_rates_hold_for_31_days_then_none() {
    let fx = Fx::default();
    let last = cell("2026-10-30", "USD");
    let rate = fx.rate("EUR", "USD", day("2026-11-30")).unwrap();
    assert_eq!((rate.rate, rate.day), (last, day("2026-10-30")));
    assert_eq!(fx.rate("EUR", "USD", day("2026-12-01")), None);
    assert_eq!(fx.rate("GBP", "USD", day("2027-06-01")), None);
}

#[test]
fn a_range_of_days_spans_the_rates_published_within_it() {
    let fx = Fx::default();
    let (codes, rows) = sample();
    let usd = codes.iter().position(|c| c == "USD").unwrap();
    let whole = DateRange {
        first: day("1999-01-01"),
        last: NaiveDate::MAX,
    };
    let (low, high) = fx.rate_range("EUR", "USD", whole).unwrap();
    for (d, rates) in &rows {
        let r = rates[usd].unwrap();
        assert!(low <= r && r <= high, "{r} on {d} outside {low}..{high}");
    }
    // The euro's lowest and highest against the dollar since 1999.
    assert_eq!((low, high), (0.8252, 1.599));
    // A weekend alone: Friday's rate.
    let weekend = DateRange {
        first: day("2023-12-09"),
        last: day("2023-12-10"),
    };
    let friday = cell("2023-12-08", "USD");
    assert_eq!(fx.rate_range("EUR", "USD", weekend), Some((friday, friday)));
}

#[test]
fn a_fact_base_rate_overrides_its_day_or_month_and_the_legs_through_the_euro() {
    let mut fx = Fx::default();
    fx.insert_month("EUR", "USD", 2024, 3, 2.0);
    fx.insert_day("EUR", "USD", day("2024-03-15"), 3.0);
    fx.insert_day("USD", "XYZ", day("2024-03-15"), 10.0);
    assert_eq!(fx.rate("EUR", "USD", day("2024-03-14")).unwrap().rate, 2.0);
    assert_eq!(fx.rate("EUR", "USD", day("2024-03-15")).unwrap().rate, 3.0);
    assert_eq!(
        fx.rate("USD", "EUR", day("2024-03-15")).unwrap().rate,
        1.0 / 3.0
    );
    // A pair the ECB does not have, and its inverse.
    assert_eq!(fx.rate("USD", "XYZ", day("2024-03-15")).unwrap().rate, 10.0);
    assert_eq!(fx.rate("XYZ", "USD", day("2024-03-15")).unwrap().rate, 0.1);
    assert_eq!(fx.rate("USD", "XYZ", day("2024-03-16")), None);
    // A cross rate takes the fact base's leg: GBP → USD on 2024-03-14 is
    // 2.0 dollars a euro over the ECB's pounds a euro.
    let gbp = fx.rate("EUR", "GBP", day("2024-03-14")).unwrap().rate;
    assert_eq!(
        fx.rate("GBP", "USD", day("2024-03-14")).unwrap().rate,
        2.0 / gbp
    );
    // Outside the month, the ECB's.
    assert_ne!(fx.rate("EUR", "USD", day("2024-04-02")).unwrap().rate, 2.0);
    let march = DateRange::month(2024, 3).unwrap();
    assert_eq!(fx.rate_range("EUR", "USD", march), Some((2.0, 3.0)));
}

fn claimcheck(cwd: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(cwd)
        .args(args)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

const FACTS: &str = "\
entities:
  - { id: orrin-labs, kind: org, name: Orrin Labs }
attributes:
  - id: valuation
    value: money
    kind: state
    cues: { en: [valued] }
facts:
  - subject: orrin-labs
    attribute: valuation
    value: 100 million EUR
    from: 2023-01-01
    source: https://example.org/orrin
";

/// An article dated `date` that gives Orrin Labs' valuation in dollars.
fn article(date: &str, figure: &str) -> String {
    format!(
        "---\nlang: en\ndate: {date}\n---\n\nOrrin Labs was valued at {figure} in a new round.\n"
    )
}

#[test]
fn the_check_converts_at_the_ecb_rate_of_the_article_s_day() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(dir.path().join("rules/facts.yaml"), FACTS).unwrap();
    // €100M at 1.0777 (the ECB's 2023-12-08, a Friday) is $104.5–111.0M
    // with the 3% slack; $150M is wrong.
    std::fs::write(
        dir.path().join("a.md"),
        article("2023-12-10", "$150 million"),
    )
    .unwrap();
    let (code, out) = claimcheck(dir.path(), &["check", "a.md", "--format", "short"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("converted at 1 EUR = 1.0777 USD (2023-12-10, rate of 2023-12-08)"),
        "{out}"
    );
    std::fs::write(
        dir.path().join("a.md"),
        article("2023-12-10", "$108 million"),
    )
    .unwrap();
    let (code, out) = claimcheck(dir.path(), &["check", "a.md", "--format", "short"]);
    assert_eq!(code, 0, "{out}");
    // Two months after the table's last day: no rate, nothing said.
    std::fs::write(
        dir.path().join("a.md"),
        article("2027-01-04", "$150 million"),
    )
    .unwrap();
    let (code, out) = claimcheck(dir.path(), &["check", "a.md", "--format", "short"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("M001"), "{out}");
}

#[test]
fn a_fact_base_day_or_month_rate_overrides_the_ecb() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(dir.path().join("rules/facts.yaml"), FACTS).unwrap();
    std::fs::write(
        dir.path().join("rules/fx.yaml"),
        "fx:\n  EUR/USD:\n    2023-12: 1.5\n    2023-12-10: 1.25\n",
    )
    .unwrap();
    // At the fact base's 1.25 for that day, $125M is right.
    std::fs::write(
        dir.path().join("a.md"),
        article("2023-12-10", "$125 million"),
    )
    .unwrap();
    let (code, out) = claimcheck(dir.path(), &["check", "a.md", "--format", "short"]);
    assert_eq!(code, 0, "{out}");
    // The next day takes the month's 1.5.
    std::fs::write(
        dir.path().join("a.md"),
        article("2023-12-11", "$125 million"),
    )
    .unwrap();
    let (code, out) = claimcheck(dir.path(), &["check", "a.md", "--format", "short"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("converted at 1 EUR = 1.5000 USD (2023-12-11)"),
        "{out}"
    );
    let (code, out) = claimcheck(dir.path(), &["rules", "check", "rules"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("2 exchange rates"), "{out}");
}
