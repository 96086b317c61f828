//! What the money checks share: which facts a claim is checked against, a fact's
//! value in the claim's currency (stated, or converted at the rate of the claim's
//! day), and the verdict.

use chrono::NaiveDate;

use crate::extract::{Claim, MoneyClaim};
use crate::lexicon::event_words::label_key;
use crate::rules::{AttrKind, Fact, FactBase};
use crate::values::amount::describe;
use crate::values::{DateRange, EventPin};

/// The one tolerance rule: a stated figure stands for the interval its
/// rounding and hedge give ("15 millions" is 14.5–15.5M), and a fact's figure
/// is exact. When the two meet through an exchange rate (a conversion, or an
/// equivalent someone converted on some day), the stated figure's interval is
/// at least this far either side of it: outlets convert at different rates and
/// round what they get.
pub const TOLERANCE_FLOOR: f64 = 0.03;

/// How many days after a clause's date an event whose figure the claim gives
/// is taken for the one it meant, its date then reported as wrong ("en mai"
/// for a round of 11 June); a later event is another one.
const EVENT_DATE_SLACK_DAYS: u64 = 45;

/// The rates used to convert a value, for messages.
#[derive(Clone, Debug)]
pub struct Conversion {
    pub from: String,
    pub to: String,
    /// How many `to` one `from` buys: the lowest and the highest rate of the
    /// days converted at (the same for one day).
    pub low: f64,
    pub high: f64,
    /// The days whose rates were used: a day, or a month or a year when the
    /// date is known only to that.
    pub dates: DateRange,
    /// The day the rate of a single day was published, when it is an earlier
    /// one (a weekend takes Friday's rate).
    pub published: Option<NaiveDate>,
}

impl Conversion {
    /// At the rate of one day.
    pub fn on(from: &str, to: &str, rate: crate::rules::Rate, day: NaiveDate) -> Conversion {
        Conversion {
            from: from.to_string(),
            to: to.to_string(),
            low: rate.rate,
            high: rate.rate,
            dates: DateRange::day(day),
            published: (rate.day != day).then_some(rate.day),
        }
    }

    /// At the rates of the days `dates` (one, or a range), `None` when none has one.
    pub fn over(facts: &FactBase, from: &str, to: &str, dates: DateRange) -> Option<Conversion> {
        if dates.first == dates.last {
            let rate = facts.fx.rate(from, to, dates.first)?;
            return Some(Conversion::on(from, to, rate, dates.first));
        }
        let (low, high) = facts.fx.rate_range(from, to, dates)?;
        Some(Conversion {
            from: from.to_string(),
            to: to.to_string(),
            low,
            high,
            dates,
            published: None,
        })
    }

    /// One rate for a ratio: the middle of the range.
    pub fn mid(&self) -> f64 {
        (self.low + self.high) / 2.0
    }

    /// "1 EUR = 1.0872 USD (2024-03-15)", "1 EUR = 1.0712–1.0901 USD (2024-03)",
    /// "… (2024-03-16, rate of 2024-03-15)".
    pub fn describe(&self) -> String {
        let rate = if self.low == self.high {
            format!("{:.4}", self.low)
        } else {
            format!("{:.4}–{:.4}", self.low, self.high)
        };
        let published = self
            .published
            .map(|d| format!(", rate of {}", d.format("%Y-%m-%d")))
            .unwrap_or_default();
        let dates = if self.dates.last == NaiveDate::MAX {
            format!("since {}", self.dates.first.format("%Y-%m-%d"))
        } else {
            self.dates.display()
        };
        format!("1 {} = {rate} {} ({dates}{published})", self.from, self.to)
    }
}

/// A fact's value in one currency.
#[derive(Clone, Debug)]
pub struct FactFigure<'a> {
    pub fact: &'a Fact,
    pub low: f64,
    pub high: f64,
    pub currency: String,
    pub conversion: Option<Conversion>,
    /// The figure went through an exchange rate (converted, or a stated
    /// equivalent): the claim's interval gets [`TOLERANCE_FLOOR`].
    pub through_rate: bool,
}

/// The interval a claim's figure stands for against a fact's figure: its
/// rounding and hedge, and at least [`TOLERANCE_FLOOR`] either side when the
/// fact's figure went through an exchange rate.
pub fn claim_interval(amount: &crate::values::Amount, through_rate: bool) -> (f64, f64) {
    if !through_rate {
        return (amount.low, amount.high);
    }
    (
        amount.low.min(amount.value * (1.0 - TOLERANCE_FLOOR)),
        amount.high.max(amount.value * (1.0 + TOLERANCE_FLOOR)),
    )
}

/// Whether a claim's figure agrees with a fact's, by the one tolerance rule.
pub fn agrees(claim: &MoneyClaim, figure: &FactFigure) -> bool {
    overlaps(
        claim_interval(claim.amount, figure.through_rate),
        (figure.low, figure.high),
    )
}

impl FactFigure<'_> {
    /// As the fact base writes it when stated ("Series B: 600 million EUR
    /// (2024-06-11)", the event's label first), else the converted interval
    /// and the rate.
    pub fn describe(&self) -> String {
        let event = self
            .fact
            .label
            .as_deref()
            .map(|l| format!("{l}: "))
            .unwrap_or_default();
        event + &self.describe_value()
    }

    fn describe_value(&self) -> String {
        match &self.conversion {
            None => {
                let written = self.fact.value_in(&self.currency).map_or_else(
                    || describe(self.low, self.high, Some(&self.currency)),
                    |m| m.written.text.clone(),
                );
                format!("{written} ({})", self.fact.when)
            }
            Some(c) => format!(
                "{} ({} converted at {}; {})",
                describe(self.low, self.high, Some(&self.currency)),
                self.fact.written.text,
                c.describe(),
                self.fact.when
            ),
        }
    }
}

impl FactFigure<'_> {
    /// The value alone: as written when stated, else the converted interval.
    pub fn figure(&self) -> String {
        match (&self.conversion, self.fact.value_in(&self.currency)) {
            (None, Some(m)) => m.written.text.clone(),
            _ => describe(self.low, self.high, Some(&self.currency)),
        }
    }
}

/// A claim's figure for messages: "EUR 20M (read as 19.5–20.5M)".
pub fn said(claim: &MoneyClaim) -> String {
    let a = &claim.amount;
    let nominal = describe(a.value, a.value, a.currency.as_deref());
    let hedge = a
        .hedge
        .as_deref()
        .map(|h| format!("{h} "))
        .unwrap_or_default();
    format!(
        "{hedge}{nominal} (read as {})",
        describe(a.low, a.high, None)
    )
}

/// Whether two intervals share more than an end: "approximately €1.5 billion"
/// (1.35–1.65) and "1.3 billion" (1.25–1.35) only touch, and disagree. An
/// interval of one point shares it.
pub fn overlaps(a: (f64, f64), b: (f64, f64)) -> bool {
    if a.0 == a.1 || b.0 == b.1 {
        return a.0 <= b.1 && b.0 <= a.1;
    }
    a.0 < b.1 && b.0 < a.1
}

#[cfg(test)]
mod tests {
    use super::overlaps;

    #[test]
    fn intervals_that_only_touch_do_not_overlap() {
        assert!(!overlaps((1.35, 1.65), (1.25, 1.35)));
        assert!(overlaps((1.3, 1.65), (1.25, 1.35)));
        assert!(overlaps((12.0, 12.0), (11.5, 12.5)));
        assert!(overlaps((12.0, 12.0), (12.0, 12.0)));
    }
}

/// The days whose rates convert a fact for a claim: the claim's date (a day,
/// or every day of a month or year it is known only to); for a claim without
/// a date, which may speak of any day the fact held, every such day (to the
/// table's end for a fact still valid). `None` for a fact without a start.
fn rate_dates(claim: Option<DateRange>, fact: &Fact) -> Option<DateRange> {
    match claim {
        Some(date) => Some(date),
        None => (fact.valid.first != NaiveDate::MIN).then_some(fact.valid),
    }
}

/// When a claim's figure was converted, for the rate to convert a fact at.
#[derive(Clone, Copy, Debug)]
pub struct RateTime {
    /// The claim's date: the rate of its day, or the range of its month's or
    /// year's days.
    pub date: Option<DateRange>,
    /// A writer's own conversion ("€50m ($54m)") in an undated article may
    /// have been made at the rate of any day the fact held.
    pub any_month: bool,
}

impl RateTime {
    pub fn of(claim: &MoneyClaim) -> RateTime {
        RateTime {
            date: claim.date,
            any_month: claim.date.is_none() && claim.conversion,
        }
    }
}

/// A fact's value in `currency`: as the fact base states it, or converted.
pub fn fact_in<'a>(
    facts: &FactBase,
    fact: &'a Fact,
    currency: &str,
    when: RateTime,
) -> Option<FactFigure<'a>> {
    let any_month = when.any_month;
    let when = when.date;
    if let Some(stated) = fact.value_in(currency) {
        // An equivalent is a conversion someone made on some day: another
        // source's, on another day, differs by as much as a rate does.
        let primary = fact
            .money()
            .is_some_and(|m| m.amount.currency.as_deref() == Some(currency));
        let (mut low, mut high) = stated.exact();
        if !primary
            && any_month
            && let Some((lo, hi)) = converted_while_valid(facts, fact, currency)
        {
            (low, high) = (low.min(lo), high.max(hi));
        }
        return Some(FactFigure {
            fact,
            low,
            high,
            currency: currency.to_string(),
            conversion: None,
            through_rate: !primary,
        });
    }
    if any_month
        && let Some((low, high)) = converted_while_valid(facts, fact, currency)
        && let Some(mut figure) = converted(facts, fact, currency, None)
    {
        figure.low = figure.low.min(low);
        figure.high = figure.high.max(high);
        return Some(figure);
    }
    converted(facts, fact, currency, when)
}

/// A money fact's value converted into `currency` at the rates of the days
/// it held (from its start to its end, or to the last rate known). `None`
/// for a fact without a start.
fn converted_while_valid(facts: &FactBase, fact: &Fact, currency: &str) -> Option<(f64, f64)> {
    let money = fact.money()?;
    let from = money.amount.currency.as_deref()?;
    if fact.valid.first == NaiveDate::MIN {
        return None;
    }
    let (lo, hi) = facts.fx.rate_range(from, currency, fact.valid)?;
    let (low, high) = money.exact();
    Some((low * lo, high * hi))
}

/// A money fact's value converted into `currency` at the rate of the claim's
/// day (the range of its month's or year's days; else of the fact's days),
/// and an event's at the rate of its own day as well.
fn converted<'a>(
    facts: &FactBase,
    fact: &'a Fact,
    currency: &str,
    when: Option<DateRange>,
) -> Option<FactFigure<'a>> {
    let money = fact.money()?;
    let from = money.amount.currency.as_deref()?;
    let dates = rate_dates(when, fact)?;
    let conversion = Conversion::over(facts, from, currency, dates)?;
    // An event is converted at the rate of its day too: a writer may give
    // its figure as converted when it happened, or when writing.
    let (mut rate_low, mut rate_high) = (conversion.low, conversion.high);
    if facts.attributes[fact.attribute].kind == AttrKind::Event
        && fact.valid.first != NaiveDate::MIN
        && dates != fact.valid
        && let Some(then) = Conversion::over(facts, from, currency, fact.valid)
    {
        rate_low = rate_low.min(then.low);
        rate_high = rate_high.max(then.high);
    }
    let (low, high) = money.exact();
    Some(FactFigure {
        fact,
        low: low * rate_low,
        high: high * rate_high,
        currency: currency.to_string(),
        conversion: Some(conversion),
        through_rate: true,
    })
}

/// The facts about a claim's subject and attribute, and its object when it
/// names one.
fn facts_of<'a>(facts: &'a FactBase, claim: &Claim) -> impl Iterator<Item = &'a Fact> {
    facts
        .facts_about(claim.subject, claim.attribute)
        .filter(move |f| claim.object.is_none() || f.object == claim.object)
}

/// The facts a claim is checked against: same subject, attribute and (if the
/// claim names one) object; for a state, those valid at the claim's time; for an
/// event, those that had happened by then. Without a claim date, all of them.
pub fn candidates<'a>(facts: &'a FactBase, claim: &Claim) -> Vec<&'a Fact> {
    let kind = facts.attributes[claim.attribute].kind;
    let about: Vec<&Fact> = facts_of(facts, claim).collect();
    let Some(d) = claim.date else {
        return about;
    };
    let holds = |f: &&Fact| f.valid.first <= d.last && d.first <= f.valid.last;
    match kind {
        AttrKind::State => about.into_iter().filter(holds).collect(),
        AttrKind::Event => {
            // A date in the claim's own clause ("105 millions en juin 2023") picks
            // the event of that date when there is one.
            let dated: Vec<&Fact> = about.iter().copied().filter(holds).collect();
            if claim.date_at.is_some() && !dated.is_empty() {
                dated
            } else {
                about
                    .into_iter()
                    .filter(|f| f.valid.first <= d.last)
                    .collect()
            }
        }
    }
}

/// For a state: the facts that had stopped holding before the claim's time.
fn earlier_states<'a>(facts: &'a FactBase, claim: &Claim) -> Vec<&'a Fact> {
    let Some(d) = claim.date else {
        return Vec::new();
    };
    if facts.attributes[claim.attribute].kind != AttrKind::State {
        return Vec::new();
    }
    facts_of(facts, claim)
        .filter(|f| f.valid.last < d.first)
        .collect()
}

/// Every currency a fact states its value in.
pub fn stated_currencies(fact: &Fact) -> Vec<String> {
    fact.amounts()
        .filter_map(|m| m.amount.currency.clone())
        .collect()
}

#[derive(Debug)]
pub enum Verdict<'a> {
    /// No fact to check against.
    Unknown,
    /// The figure agrees with this fact.
    Consistent { with: &'a Fact },
    /// The figure is a fact's figure in another currency.
    CurrencyMismatch {
        stated: FactFigure<'a>,
        matching: FactFigure<'a>,
    },
    /// No currency reading agrees; the closest fact, in the claim's currency if it has one.
    Conflict {
        closest: FactFigure<'a>,
        /// Why that fact was the one compared, when the text chose it.
        note: Option<String>,
        /// The figure is the fact's: the date its clause gives is what is wrong.
        wrong_date: bool,
    },
    /// No currency given; the facts (in their own currencies) it would agree with.
    NoCurrency { agrees: Vec<FactFigure<'a>> },
    /// Wrong at the claim's time, but what an earlier fact said: outdated.
    Stale {
        then: FactFigure<'a>,
        now: FactFigure<'a>,
    },
}

pub fn judge<'a>(facts: &'a FactBase, claim: &MoneyClaim) -> Verdict<'a> {
    if let Some(pinned) = judge_pinned(facts, claim) {
        return pinned;
    }
    let verdict = judge_now(facts, claim);
    if matches!(verdict, Verdict::Conflict { .. }) && is_a_total(facts, claim) {
        return Verdict::Unknown;
    }
    let now = match &verdict {
        Verdict::Conflict { closest, .. } => closest.clone(),
        Verdict::CurrencyMismatch { stated, .. } => stated.clone(),
        _ => return verdict,
    };
    let currency = claim.amount.currency.clone();
    let then = earlier_states(facts, claim)
        .into_iter()
        .rev()
        .find_map(|f| {
            let wanted = currency
                .clone()
                .or_else(|| f.money()?.amount.currency.clone())?;
            fact_in(facts, f, &wanted, RateTime::of(claim)).filter(|v| agrees(claim, v))
        });
    match then {
        // "valued at €25M at the time": the earlier fact is the one meant.
        Some(then) if claim.time_past => Verdict::Consistent { with: then.fact },
        Some(then) => Verdict::Stale { then, now },
        None => verdict,
    }
}

/// The event a claim's words name ("its Series B", "le deuxième tour", "sa
/// dernière levée"), if the fact base can tell which it is: `None` when the
/// claim names none or its subject's events carry no labels to match a label
/// against (the claim is then compared with every event), `Some(None)` when
/// the fact base has no such event (nothing is said).
fn pinned_event<'a>(facts: &'a FactBase, claim: &MoneyClaim) -> Option<Option<&'a Fact>> {
    let pin = claim.pin?;
    if facts.attributes[claim.attribute].kind != AttrKind::Event {
        return None;
    }
    let mut events: Vec<&Fact> = facts_of(facts, claim).collect();
    events.sort_by_key(|f| f.valid.first);
    match pin {
        EventPin::Label(label) => {
            if events.iter().all(|f| f.label.is_none()) {
                return None;
            }
            Some(
                events
                    .into_iter()
                    .find(|f| f.label.as_deref().is_some_and(|l| label_key(l) == *label)),
            )
        }
        EventPin::Ordinal(n) => Some(events.get((*n as usize).checked_sub(1)?).copied()),
        EventPin::Latest => {
            let d = claim.date?;
            Some(events.into_iter().rfind(|f| f.valid.first <= d.last))
        }
    }
}

/// A claim pinned to one event is compared with that event alone: no other
/// event, no total of several, excuses its figure.
fn judge_pinned<'a>(facts: &'a FactBase, claim: &MoneyClaim) -> Option<Verdict<'a>> {
    let event = pinned_event(facts, claim)?;
    let Some(event) = event else {
        return Some(Verdict::Unknown);
    };
    let verdict = judge_against(facts, claim, vec![event]);
    Some(match verdict {
        Verdict::Conflict { closest, .. } => Verdict::Conflict {
            note: Some(format!(
                "compared with the event the article names ({}): {}",
                claim.pin.map(EventPin::describe).unwrap_or_default(),
                closest.fact.when
            )),
            closest,
            wrong_date: false,
        },
        // Its figure fits, but a date in its clause rules the event out
        // ("a €450M Series C in 2023" for a Series C of July 2024).
        Verdict::Consistent { .. }
            if claim.date_at.is_some()
                && claim
                    .date
                    .is_some_and(|d| d.last < event.valid.first || event.valid.last < d.first) =>
        {
            match claim
                .amount
                .currency
                .as_deref()
                .and_then(|c| fact_in(facts, event, c, RateTime::of(claim)))
            {
                Some(figure) => Verdict::Conflict {
                    note: Some(format!(
                        "the event the article names ({}) is of {}, which the clause dates {}",
                        claim.pin.map(EventPin::describe).unwrap_or_default(),
                        event.when,
                        claim.date.map(|d| d.display()).unwrap_or_default()
                    )),
                    closest: figure,
                    wrong_date: true,
                },
                None => Verdict::Consistent { with: event },
            }
        }
        other => other,
    })
}

/// Whether an event's figure that matches no event is what two or more events
/// had added up to by one of them on or before the claim's date ("Raising $94M"
/// read as a round, the rounds so far making $94M): a total read as an event
/// is no conflict. Sums are widened by [`TOLERANCE_FLOOR`], as a total is
/// often rounded.
fn is_a_total(facts: &FactBase, claim: &MoneyClaim) -> bool {
    let summed = facts
        .attributes
        .iter()
        .any(|a| a.sums == Some(claim.attribute));
    let Some(currency) = claim.amount.currency.as_deref() else {
        return false;
    };
    if !summed || facts.attributes[claim.attribute].kind != AttrKind::Event {
        return false;
    }
    let mut events: Vec<&Fact> = facts
        .facts_about(claim.subject, claim.attribute)
        .filter(|f| claim.date.is_none_or(|d| f.valid.first <= d.last))
        .collect();
    events.sort_by_key(|f| f.valid.first);
    let (mut low, mut high) = (0.0, 0.0);
    for (k, event) in events.into_iter().enumerate() {
        let Some(v) = fact_in(facts, event, currency, RateTime::of(claim)) else {
            return false;
        };
        low += v.low;
        high += v.high;
        let widened = (
            low * (1.0 - TOLERANCE_FLOOR),
            high * (1.0 + TOLERANCE_FLOOR),
        );
        // One event alone is no total: it agrees or it does not.
        if k > 0 && overlaps((claim.amount.low, claim.amount.high), widened) {
            return true;
        }
    }
    false
}

fn judge_now<'a>(facts: &'a FactBase, claim: &MoneyClaim) -> Verdict<'a> {
    let verdict = judge_against(facts, claim, candidates(facts, claim));
    // A date in the clause narrows an event to that date.
    let narrowed =
        claim.date_at.is_some() && facts.attributes[claim.attribute].kind == AttrKind::Event;
    if narrowed
        && matches!(
            verdict,
            Verdict::Conflict { .. } | Verdict::CurrencyMismatch { .. }
        )
    {
        // The event may be one dated a little after the clause's date ("en
        // mai" for a round announced on 11 June): its figure agreeing, the
        // figure is right and the date is what is wrong.
        let d = claim
            .date
            .map(|d| d.last + chrono::Days::new(EVENT_DATE_SLACK_DAYS));
        if let Some(currency) = claim.amount.currency.as_deref()
            && let Some(event) = facts_of(facts, claim)
                .filter(|f| d.is_none_or(|d| f.valid.first <= d))
                .filter_map(|f| fact_in(facts, f, currency, RateTime::of(claim)))
                .find(|v| agrees(claim, v))
        {
            let dated = claim.date.map(|d| d.display()).unwrap_or_default();
            return Verdict::Conflict {
                note: Some(format!(
                    "the figure is that of the event of {}, which the clause dates {dated}",
                    event.fact.when
                )),
                closest: event,
                wrong_date: true,
            };
        }
    }
    verdict
}

fn judge_against<'a>(
    facts: &'a FactBase,
    claim: &MoneyClaim,
    candidates: Vec<&'a Fact>,
) -> Verdict<'a> {
    if candidates.is_empty() {
        return Verdict::Unknown;
    }
    let Some(currency) = claim.amount.currency.as_deref() else {
        let agrees: Vec<FactFigure> = candidates
            .iter()
            .flat_map(|f| {
                stated_currencies(f)
                    .into_iter()
                    .filter_map(|c| fact_in(facts, f, &c, RateTime::of(claim)))
            })
            .filter(|v| agrees(claim, v))
            .collect();
        if agrees.is_empty() {
            let closest = closest(facts, &candidates, claim, None);
            return closest.map_or(Verdict::Unknown, |closest| Verdict::Conflict {
                closest,
                note: None,
                wrong_date: false,
            });
        }
        return Verdict::NoCurrency { agrees };
    };
    let in_currency: Vec<FactFigure> = candidates
        .iter()
        .filter_map(|f| fact_in(facts, f, currency, RateTime::of(claim)))
        .collect();
    if let Some(v) = in_currency.iter().find(|v| agrees(claim, v)) {
        return Verdict::Consistent { with: v.fact };
    }
    for fact in &candidates {
        for other in stated_currencies(fact)
            .into_iter()
            .filter(|c| c != currency)
        {
            if let Some(matching) =
                fact_in(facts, fact, &other, RateTime::of(claim)).filter(|v| agrees(claim, v))
                && let Some(stated) = fact_in(facts, fact, currency, RateTime::of(claim))
            {
                return Verdict::CurrencyMismatch { stated, matching };
            }
        }
    }
    match closest(facts, &candidates, claim, Some(currency)) {
        Some(closest) => Verdict::Conflict {
            closest,
            note: None,
            wrong_date: false,
        },
        None => Verdict::Unknown,
    }
}

/// The candidate whose value is nearest the claim's, in `currency` or its own.
fn closest<'a>(
    facts: &FactBase,
    candidates: &[&'a Fact],
    claim: &MoneyClaim,
    currency: Option<&str>,
) -> Option<FactFigure<'a>> {
    let mid = (claim.amount.low + claim.amount.high) / 2.0;
    candidates
        .iter()
        .filter_map(|f| {
            let own = f
                .money()
                .and_then(|m| m.amount.currency.clone())
                .unwrap_or_default();
            fact_in(facts, f, currency.unwrap_or(&own), RateTime::of(claim))
        })
        .min_by(|a, b| {
            let d = |v: &FactFigure| {
                (((v.low + v.high) / 2.0).max(1.0) / mid.max(1.0))
                    .ln()
                    .abs()
            };
            d(a).total_cmp(&d(b))
        })
}

/// "valuation of Acme AI", "investment of Globex in Acme AI".
pub fn topic(facts: &FactBase, claim: &Claim) -> String {
    let attribute = facts.attributes[claim.attribute].id.text.replace('-', " ");
    let subject = &facts.entity(claim.subject).name.text;
    match claim.object {
        Some(o) => format!("{attribute} of {subject} in {}", facts.entity(o).name.text),
        None => format!("{attribute} of {subject}"),
    }
}

/// Labels that show how a claim was read: where its subject was found when it
/// was inferred, and where an inherited currency came from.
pub fn reading_labels(
    facts: &FactBase,
    claim: &MoneyClaim,
    file: crate::span::FileId,
) -> Vec<crate::diagnostic::Label> {
    use crate::diagnostic::Label;
    use crate::span::Span;
    let mut labels = Vec::new();
    if claim.subject_inferred {
        labels.push(Label::new(
            Span::new(file, claim.subject_at.clone()),
            format!("read as {}", facts.entity(claim.subject).name.text),
        ));
    }
    if let Some(from) = claim.currency_from {
        labels.push(Label::new(
            Span::new(file, from.clone()),
            "currency taken from this amount",
        ));
    }
    labels
}

/// A label on the fact's figure in its YAML file, and the note giving its source.
pub fn fact_evidence(value: &FactFigure) -> (crate::diagnostic::Label, String) {
    let fact = value.fact;
    let written = fact
        .value_in(&value.currency)
        .map_or(&fact.written, |m| &m.written);
    let label = crate::diagnostic::Label::new(
        written.span.clone(),
        format!("the fact base: {} ({})", written.text, fact.when),
    );
    let source = match &fact.source {
        Some(url) => format!("source of the fact: {url}"),
        None => "the fact has no source".to_string(),
    };
    (label, source)
}
