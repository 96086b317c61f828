//! Judging claims whose value is an entity, a date or an age against the
//! fact base's entity and date facts.

use chrono::{Datelike, NaiveDate};

use crate::extract::{Claim, ClaimValue};
use crate::rules::{Fact, FactBase, FactValue};
use crate::values::{Count, DateRange};

pub enum RelationVerdict<'a> {
    /// The fact base says nothing about it.
    Unknown,
    /// The facts the value fits.
    Consistent { with: Vec<&'a Fact> },
    /// What the fact base knows instead.
    Conflict { known: Vec<&'a Fact> },
    /// An exclusive role the fact base gives to someone else.
    HeldBy { holders: Vec<&'a Fact> },
}

/// Completed years between a birth date and a day.
fn age_on(birth: NaiveDate, day: NaiveDate) -> i32 {
    let mut years = day.year() - birth.year();
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

/// The ages a person born within `birth` can have during `when`.
pub fn possible_ages(birth: DateRange, when: DateRange) -> (i32, i32) {
    (
        age_on(birth.last, when.first),
        age_on(birth.first, when.last),
    )
}

pub fn judge<'a>(facts: &'a FactBase, claim: &Claim) -> RelationVerdict<'a> {
    let known: Vec<&Fact> = claim
        .subjects()
        .flat_map(|s| facts.facts_about(s, claim.attribute))
        // An age is read for any attribute marked `age`: a money one has no
        // birth date to check it against.
        .filter(|f| f.money().is_none())
        .filter(|f| f.answers(claim.modality))
        // "joined Hooli in 2018" is checked against when they joined Hooli.
        .filter(|f| claim.object.is_none() || f.object == claim.object)
        // "raised €60 million in June 2024, led by Globex": who led the
        // rounds of that date; the fact base may know none of them.
        .filter(|f| {
            facts.attributes[claim.attribute].describes.is_none()
                || claim.date_at.is_none()
                || claim
                    .date
                    .is_none_or(|d| f.valid.first <= d.last && d.first <= f.valid.last)
        })
        // A count (a headcount) is checked against the facts of its time.
        .filter(|f| {
            !matches!(f.value, FactValue::Count(_))
                || claim
                    .date
                    .is_none_or(|d| f.valid.first <= d.last && d.first <= f.valid.last)
        })
        .collect();
    if known.is_empty() {
        return held_by_others(facts, claim);
    }
    // A description may stand for several entities: any of them will do.
    let holds_for = |r: &Fact| match (&claim.value, &r.value) {
        (
            ClaimValue::Entity {
                entity,
                alternatives,
            },
            FactValue::Entity(e),
        ) => std::iter::once(entity)
            .chain(alternatives)
            .any(|v| facts.is_within(*e, *v) || facts.is_within(*v, *e)),
        (ClaimValue::Date(d), FactValue::Date(f)) => d.first <= f.last && f.first <= d.last,
        (ClaimValue::YearlessDate(d), FactValue::Date(f)) => d.yearless_meets(f),
        (ClaimValue::Count(c), FactValue::Count(f)) => count_holds(c, f),
        (ClaimValue::Age(n), FactValue::Date(birth)) => match claim.date {
            Some(when) => {
                let (low, high) = possible_ages(*birth, when);
                (low..=high).contains(&(*n as i32))
            }
            None => true,
        },
        _ => false,
    };
    if claim.each_subject {
        // "tous trois anciens de Hooli": each subject the fact base knows
        // facts of for this attribute must fit; the first that does not is
        // the conflict.
        for subject in claim.subjects() {
            let own: Vec<&Fact> = known
                .iter()
                .copied()
                .filter(|f| f.subject == subject)
                .collect();
            if !own.is_empty() && !own.iter().any(|r| holds_for(r)) {
                return RelationVerdict::Conflict { known: own };
            }
        }
        let with = known.into_iter().filter(|r| holds_for(r)).collect();
        return RelationVerdict::Consistent { with };
    }
    let with: Vec<&Fact> = known.iter().copied().filter(|r| holds_for(r)).collect();
    if with.is_empty() {
        RelationVerdict::Conflict { known }
    } else {
        RelationVerdict::Consistent { with }
    }
}

/// For an exclusive role the fact base knows nothing about for this subject:
/// whoever else holds it at the claim's time.
fn held_by_others<'a>(facts: &'a FactBase, claim: &Claim) -> RelationVerdict<'a> {
    let ClaimValue::Entity { entity: value, .. } = claim.value else {
        return RelationVerdict::Unknown;
    };
    if !facts.attributes[claim.attribute].exclusive {
        return RelationVerdict::Unknown;
    }
    let holders: Vec<&Fact> = facts
        .holders_of(claim.attribute, value)
        .filter(|r| r.answers(claim.modality))
        .filter(|r| !claim.subjects().any(|s| s == r.subject))
        .filter(|r| {
            claim
                .date
                .is_none_or(|d| r.valid.first <= d.last && d.first <= r.valid.last)
        })
        .collect();
    if holders.is_empty() {
        RelationVerdict::Unknown
    } else {
        RelationVerdict::HeldBy { holders }
    }
}

/// The share of a stated count it may be off by whatever its rounding: "12
/// billion" of a model of 12.2 billion parameters is the same claim.
pub const COUNT_SLACK: f64 = 0.03;

/// Whether a count as stated (its rounding, its hedge, at least
/// [`COUNT_SLACK`] either side) meets the fact's figure, taken as exact (a
/// point, or a range's ends: sources that disagree within a window).
pub fn count_holds(claimed: &Count, fact: &Count) -> bool {
    let slack = claimed.value * COUNT_SLACK;
    let low = claimed.low.min(claimed.value - slack);
    let high = claimed.high.max(claimed.value + slack);
    low <= fact.high && fact.low <= high
}

/// "Jean Martin", "Jean Martin, Dorothée Durand and Paul Bernard".
pub fn subjects(facts: &FactBase, claim: &Claim) -> String {
    let names: Vec<&str> = claim
        .subjects()
        .map(|s| facts.entity(s).name.text.as_str())
        .collect();
    match names.as_slice() {
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => String::new(),
    }
}

/// A claimed value for messages (the checks ask it of entities, dates and ages).
pub fn describe_value(facts: &FactBase, value: &ClaimValue) -> String {
    match value {
        ClaimValue::Entity { entity, .. } => facts.entity(*entity).name.text.clone(),
        ClaimValue::Date(d) => d.display(),
        ClaimValue::YearlessDate(d) => format!("{} (no year given)", d.display_yearless()),
        ClaimValue::Age(n) => format!("{n} years old"),
        // A count its cue states ("majority shareholder") is a wide range.
        ClaimValue::Count(c) if c.high - c.low > c.value / 2.0 => c.describe(),
        ClaimValue::Count(c) => format!("{} {}", crate::values::amount::compact(c.value), c.unit),
        ClaimValue::Money(m) => {
            let a = &m.amount;
            crate::values::amount::describe(a.value, a.value, a.currency.as_deref())
        }
        ClaimValue::Duration { months } => format!("{:.0} to {:.0} months", months.0, months.1),
    }
}

/// A known value for messages.
pub fn describe_known(facts: &FactBase, claim: &Claim, known: &Fact) -> String {
    match (&known.value, &claim.value, claim.date) {
        (FactValue::Date(birth), ClaimValue::Age(_), Some(when)) => {
            let (low, high) = possible_ages(*birth, when);
            let ages = if low == high {
                format!("{low}")
            } else {
                format!("{low} or {high}")
            };
            format!("born {}, so {ages} on {}", birth.display(), when.display())
        }
        (FactValue::Entity(e), _, _) => facts.entity(*e).name.text.clone(),
        (FactValue::Date(d), _, _) => d.display_window(),
        (FactValue::Money { .. } | FactValue::Count(_), _, _) => known.written.text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_follow_birthdays() {
        let birth = DateRange::year(1992).unwrap();
        let day = DateRange::day(NaiveDate::from_ymd_opt(2024, 6, 11).unwrap());
        assert_eq!(possible_ages(birth, day), (31, 32));
        let exact = DateRange::day(NaiveDate::from_ymd_opt(1992, 7, 17).unwrap());
        assert_eq!(possible_ages(exact, day), (31, 31));
    }
}
