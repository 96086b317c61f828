//! Claims gathered by subject, attribute and object; each series' unit (one
//! currency, dates, ages, counts, entities, months), every claim's interval
//! in it, and the fact base's values as steps with their validity.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use super::row::{Key, Pending, fact_text};
use super::summary::slot;
use super::{Inputs, Series};
use crate::check::helpers::relations::possible_ages;
use crate::extract::ClaimValue;
use crate::rules::{AttrKind, Fact, FactBase, FactValue};
use crate::values::DateRange;
use crate::values::amount::describe;

/// What a chart's vertical axis measures.
#[derive(Clone, Debug, PartialEq)]
pub enum Axis {
    /// Amounts in one currency, each converted at the rate of its own day;
    /// `log` when they span more than a factor of ten.
    Money { currency: String, log: bool },
    /// Dates, as days since 1 January of year 1 (a founding date).
    Date,
    /// Ages in years.
    Age,
    /// How many of a unit.
    Count { unit: String },
    /// One lane per entity named (an employer): the value is the lane's index.
    Entity { lanes: Vec<String> },
    /// Months elapsed since the subject's dated event.
    Months,
}

/// One value of the fact base with the time it held: a state from its start
/// to its end, an event from its day until the next event. Open ends are
/// `None`. The value may change with time at `slope` per day (months since
/// an event).
#[derive(Clone, Debug)]
pub struct FactStep {
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub low: f64,
    pub high: f64,
    pub slope: f64,
    /// An event (a funding round) rather than a state.
    pub event: bool,
    /// As the fact base writes it, with its time and place:
    /// "600 million EUR (2024-06-11; rules/facts.yaml:12)".
    pub text: String,
}

/// Days since 1 January of year 1, the unit of a date axis.
pub fn day_number(d: NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce())
}

fn open(d: NaiveDate) -> Option<NaiveDate> {
    (d != NaiveDate::MIN && d != NaiveDate::MAX).then_some(d)
}

/// The middle day of a claim's time: the day whose rate converts it.
pub(super) fn middle(d: DateRange) -> NaiveDate {
    let days = (d.last - d.first).num_days() / 2;
    d.first + chrono::Days::new(days.max(0) as u64)
}

fn title(facts: &FactBase, key: &Key) -> String {
    let (subject, attribute, object, kind) = *key;
    let attribute = match kind {
        3 => "age".to_string(),
        5 => format!(
            "time since {}",
            facts.attributes[attribute].id.text.replace('-', " ")
        ),
        _ => facts.attributes[attribute].id.text.replace('-', " "),
    };
    let subject = &facts.entity(subject).name.text;
    match object {
        Some(o) => format!("{subject} → {} · {attribute}", facts.entity(o).name.text),
        None => format!("{subject} · {attribute}"),
    }
}

/// The currency a money series is drawn in: the fact base's for the topic,
/// else the one most of its claims use.
fn currency(facts: &[&Fact], pending: &[Pending]) -> String {
    if let Some(c) = facts
        .iter()
        .find_map(|f| f.money().and_then(|m| m.amount.currency.clone()))
    {
        return c;
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for p in pending {
        if let ClaimValue::Money(m) = &p.claim.value
            && let Some(c) = m.amount.currency.as_deref()
        {
            *counts.entry(c).or_default() += 1;
        }
    }
    let most = counts.values().copied().max().unwrap_or(0);
    counts
        .into_iter()
        .find(|(_, n)| *n == most)
        .map_or_else(|| "EUR".to_string(), |(c, _)| c.to_string())
}

/// Gathers the rows into series, sets each row's place in its series'
/// unit, and orders the series (most conflicts first) and their rows (by date).
pub(super) fn group(inputs: &Inputs, pending: Vec<Pending>) -> Vec<Series> {
    let mut by_key: BTreeMap<Key, Vec<Pending>> = BTreeMap::new();
    for p in pending {
        by_key.entry(p.key).or_default().push(p);
    }
    let mut out: Vec<Series> = by_key
        .into_iter()
        .map(|(key, pending)| one(inputs, key, pending))
        .collect();
    out.sort_by(|a, b| {
        let bad = |s: &Series| s.counts[1] + s.counts[2];
        bad(b)
            .cmp(&bad(a))
            .then(b.rows.len().cmp(&a.rows.len()))
            .then_with(|| a.title.cmp(&b.title))
    });
    let mut n = 0;
    for (i, s) in out.iter_mut().enumerate() {
        s.id = format!("s{}", i + 1);
        for r in &mut s.rows {
            n += 1;
            r.id = format!("c{n}");
        }
    }
    out
}

fn one(inputs: &Inputs, key: Key, mut pending: Vec<Pending>) -> Series {
    let facts = inputs.facts;
    let (subject, attribute, object, kind) = key;
    let about: Vec<&Fact> = facts
        .facts_about(subject, attribute)
        .filter(|f| object.is_none() || f.object == object)
        .collect();
    let axis = match kind {
        0 => Axis::Money {
            currency: currency(&about, &pending),
            log: false,
        },
        1 => {
            let mut lanes: Vec<String> = Vec::new();
            let mut add = |name: &str| {
                if !lanes.iter().any(|l| l == name) {
                    lanes.push(name.to_string());
                }
            };
            for f in &about {
                if let FactValue::Entity(e) = f.value {
                    add(&facts.entity(e).name.text);
                }
            }
            let mut claimed: Vec<&str> = pending
                .iter()
                .filter_map(|p| match p.claim.value {
                    ClaimValue::Entity { entity, .. } => {
                        Some(facts.entity(entity).name.text.as_str())
                    }
                    _ => None,
                })
                .collect();
            claimed.sort_unstable();
            for name in claimed {
                add(name);
            }
            Axis::Entity { lanes }
        }
        2 => Axis::Date,
        3 => Axis::Age,
        4 => Axis::Count {
            unit: pending
                .iter()
                .find_map(|p| match &p.claim.value {
                    ClaimValue::Count(c) => Some(c.unit.clone()),
                    _ => None,
                })
                .unwrap_or_default(),
        },
        _ => Axis::Months,
    };
    for p in &mut pending {
        place(inputs, &axis, p);
    }
    pending.sort_by_key(|p| {
        (
            p.row.day.is_none(),
            p.row.day,
            p.article,
            p.claim.value_at.start,
        )
    });
    let steps = fact_steps(inputs, &axis, &about, &pending);
    let mut rows: Vec<super::Row> = pending.into_iter().map(|p| p.row).collect();
    let axis = match axis {
        Axis::Money { currency, .. } => {
            let values = rows
                .iter()
                .filter_map(|r| r.low.zip(r.high))
                .flat_map(|(l, h)| [l, h])
                .chain(steps.iter().flat_map(|s| [s.low, s.high]))
                .filter(|v| *v > 0.0);
            let (min, max) = values.fold((f64::MAX, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
            Axis::Money {
                currency,
                log: max > 0.0 && max / min > 10.0,
            }
        }
        other => other,
    };
    // A chart has no y for a value its log axis cannot show.
    if let Axis::Money { log: true, .. } = axis {
        for r in &mut rows {
            if r.low.is_some_and(|l| l <= 0.0) {
                r.low = None;
                r.high = None;
                r.not_drawn = Some("zero on a log scale");
            }
        }
    }
    let mut counts = [0; 5];
    for r in &rows {
        counts[slot(r.standing)] += 1;
    }
    Series {
        id: String::new(),
        title: title(facts, &key),
        subject: facts.entity(subject).name.text.clone(),
        axis,
        facts: steps,
        rows,
        groups: None,
        counts,
    }
}

/// Sets a row's interval in the series' unit, or why it is not drawn.
fn place(inputs: &Inputs, axis: &Axis, p: &mut Pending) {
    let claim = p.claim;
    let row = &mut p.row;
    let mut set = |low: f64, high: f64| {
        row.low = Some(low);
        row.high = Some(high);
    };
    match (&claim.value, axis) {
        (ClaimValue::Money(m), Axis::Money { currency, .. }) => {
            let a = &m.amount;
            let written = describe(a.low, a.high, a.currency.as_deref());
            row.interval = written.clone();
            let Some(from) = a.currency.as_deref() else {
                row.not_drawn = Some("no currency");
                row.interval = format!("{written} (no currency)");
                return;
            };
            let Some(date) = claim.date else {
                row.not_drawn = Some("undated");
                return;
            };
            let day = middle(date);
            match inputs.facts.fx.rate(from, currency, day) {
                Some(rate) => {
                    set(a.low * rate.rate, a.high * rate.rate);
                    if from != currency {
                        row.interval = format!(
                            "{written} ≈ {} (1 {from} = {:.4} {currency}, {})",
                            describe(a.low * rate.rate, a.high * rate.rate, Some(currency)),
                            rate.rate,
                            rate.day.format("%Y-%m-%d")
                        );
                    }
                }
                None => row.not_drawn = Some("no exchange rate for its day"),
            }
        }
        (ClaimValue::Date(d), _) => {
            set(day_number(d.first), day_number(d.last));
            row.interval = d.display();
        }
        (ClaimValue::YearlessDate(d), _) => {
            row.interval = format!("{} (no year given)", d.display_yearless());
            row.not_drawn = Some("no year given");
        }
        (ClaimValue::Age(n), _) => {
            set(f64::from(*n), f64::from(*n));
            row.interval = format!("{n} years");
        }
        (ClaimValue::Count(c), _) => {
            set(c.low, c.high);
            row.interval = format!("{} {}", describe(c.low, c.high, None), c.unit);
        }
        (ClaimValue::Entity { entity, .. }, Axis::Entity { lanes }) => {
            let name = &inputs.facts.entity(*entity).name.text;
            if let Some(i) = lanes.iter().position(|l| l == name) {
                set(i as f64, i as f64);
            }
            row.interval = name.clone();
        }
        (ClaimValue::Duration { months }, _) => {
            set(months.0.max(0.0), months.1.min(months.0.max(0.0) + 1200.0));
            row.interval = if months.1.is_finite() {
                format!("{:.0}–{:.0} months", months.0.max(0.0), months.1)
            } else {
                format!("over {:.0} months", months.0)
            };
        }
        _ => {}
    }
    if row.low.is_some() && row.day.is_none() {
        row.low = None;
        row.high = None;
        row.not_drawn = Some("undated");
    }
}

/// The fact base's values in the series' unit.
fn fact_steps(inputs: &Inputs, axis: &Axis, about: &[&Fact], pending: &[Pending]) -> Vec<FactStep> {
    let facts = inputs.facts;
    let mut sorted: Vec<&Fact> = about.to_vec();
    sorted.sort_by_key(|f| f.valid.first);
    let first_claim = pending.iter().filter_map(|p| p.row.day).min();
    let last_claim = pending.iter().filter_map(|p| p.row.day).max();
    let mut steps = Vec::new();
    let step = |f: &Fact, low: f64, high: f64, event: bool, until: Option<NaiveDate>| FactStep {
        from: open(f.valid.first),
        until,
        low,
        high,
        slope: 0.0,
        event,
        text: fact_text(inputs, f),
    };
    match axis {
        Axis::Money { currency, .. } => {
            let event = facts
                .attributes
                .get(sorted.first().map_or(0, |f| f.attribute))
                .is_some_and(|a| a.kind == AttrKind::Event);
            for (i, f) in sorted.iter().enumerate() {
                let Some(m) = f.value_in(currency).or_else(|| f.money()) else {
                    continue;
                };
                let (low, high) = m.exact();
                let from = m.amount.currency.as_deref().unwrap_or(currency);
                let day = open(f.valid.first)
                    .or(first_claim)
                    .unwrap_or(facts.fx.table().last_day());
                let Some(rate) = facts.fx.rate(from, currency, day) else {
                    continue;
                };
                let until = if event {
                    sorted
                        .get(i + 1)
                        .and_then(|next| next.valid.first.pred_opt())
                } else {
                    open(f.valid.last)
                };
                steps.push(step(f, low * rate.rate, high * rate.rate, event, until));
            }
        }
        Axis::Date => {
            for f in &sorted {
                if let FactValue::Date(d) = f.value {
                    let until = open(f.valid.last);
                    steps.push(step(
                        f,
                        day_number(d.first),
                        day_number(d.last),
                        false,
                        until,
                    ));
                }
            }
        }
        Axis::Count { .. } => {
            for f in &sorted {
                if let FactValue::Count(c) = &f.value {
                    let (low, high) = if c.hedge.is_some() {
                        (c.low, c.high)
                    } else {
                        (c.value, c.value)
                    };
                    steps.push(step(f, low, high, false, open(f.valid.last)));
                }
            }
        }
        Axis::Entity { lanes } => {
            for f in &sorted {
                if let FactValue::Entity(e) = f.value
                    && let Some(i) = lanes.iter().position(|l| *l == facts.entity(e).name.text)
                {
                    steps.push(step(f, i as f64, i as f64, false, open(f.valid.last)));
                }
            }
        }
        Axis::Age => {
            // The ages a birth date allows, month by month over the claims' years.
            let (Some(first), Some(last)) = (first_claim, last_claim) else {
                return steps;
            };
            for f in &sorted {
                let FactValue::Date(birth) = f.value else {
                    continue;
                };
                let mut month = NaiveDate::from_ymd_opt(first.year(), 1, 1).unwrap_or(first);
                let end = NaiveDate::from_ymd_opt(last.year(), 12, 31).unwrap_or(last);
                let mut current: Option<FactStep> = None;
                while month <= end {
                    let next = month + chrono::Months::new(1);
                    let span = DateRange {
                        first: month,
                        last: next.pred_opt().unwrap_or(next),
                    };
                    let (low, high) = possible_ages(birth, span);
                    let (low, high) = (f64::from(low), f64::from(high));
                    match &mut current {
                        Some(s) if s.low == low && s.high == high => s.until = Some(span.last),
                        _ => {
                            if let Some(done) = current.take() {
                                steps.push(done);
                            }
                            current = Some(FactStep {
                                from: Some(month),
                                until: Some(span.last),
                                low,
                                high,
                                slope: 0.0,
                                event: false,
                                text: format!("born {}: {}", birth.display(), fact_text(inputs, f)),
                            });
                        }
                    }
                    month = next;
                }
                steps.extend(current);
            }
        }
        Axis::Months => {
            for f in &sorted {
                if let FactValue::Date(d) = f.value {
                    let span = (d.last - d.first).num_days() as f64 / 30.44;
                    steps.push(FactStep {
                        from: Some(d.first),
                        until: None,
                        low: -span,
                        high: 0.0,
                        slope: 1.0 / 30.44,
                        event: false,
                        text: format!("months since {}", fact_text(inputs, f)),
                    });
                }
            }
        }
    }
    steps
}
