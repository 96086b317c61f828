//! Problems only visible once the whole fact base is loaded: facts that cannot
//! all be true (R008) and `of:` links that loop (R009).

use std::collections::HashMap;

use super::model::{AttrKind, Attribute, EntityIdx, Fact, FactBase, FactValue};
use super::validate::{CONTRADICTORY_FACTS, OF_CYCLE};
use crate::diagnostic::{Diagnostic, Label};
use crate::values::DateRange;

/// Every fact that contradicts an earlier one, each reported once, against
/// the first earlier fact it contradicts.
pub fn contradictions(facts: &FactBase) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    money_contradictions(facts, &mut out);
    entity_and_date_contradictions(facts, &mut out);
    exclusive_holders(facts, &mut out);
    out
}

/// Each `of:` loop, once, starting from its entity defined first.
pub fn of_cycles(facts: &FactBase) -> Vec<Diagnostic> {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; facts.entities.len()];
    let mut out = Vec::new();
    for start in 0..facts.entities.len() {
        // Each entity has at most one `of`: follow it until a known entity.
        let mut path = Vec::new();
        let mut current = Some(start);
        while let Some(e) = current.filter(|e| state[*e] == NEW) {
            state[e] = ON_PATH;
            path.push(e);
            current = facts.entities[e].of;
        }
        if let Some(e) = current.filter(|e| state[*e] == ON_PATH) {
            let at = path.iter().position(|p| *p == e).expect("on the path");
            out.push(cycle_diagnostic(facts, &path[at..]));
        }
        for e in path {
            state[e] = DONE;
        }
    }
    out
}

fn cycle_diagnostic(facts: &FactBase, cycle: &[EntityIdx]) -> Diagnostic {
    // Start from the entity defined first, so the report does not depend on
    // where the walk entered the loop.
    let first = (0..cycle.len()).min_by_key(|i| cycle[*i]).unwrap_or(0);
    let ordered: Vec<EntityIdx> = cycle[first..]
        .iter()
        .chain(&cycle[..first])
        .copied()
        .collect();
    let id = |e: EntityIdx| facts.entity(e).id.text.as_str();
    let label = |e: EntityIdx| {
        let of = facts.entity(e).of.map_or("?", id);
        let span = facts.entity(e).of_span.clone();
        (span.unwrap_or_else(|| facts.entity(e).id.span.clone()), of)
    };
    let message = match ordered.as_slice() {
        [only] => format!("`{}` belongs to itself through `of:`", id(*only)),
        _ => {
            let mut chain: Vec<String> = ordered.iter().map(|e| format!("`{}`", id(*e))).collect();
            chain.push(format!("`{}`", id(ordered[0])));
            format!("`of:` links loop: {}", chain.join(" → "))
        }
    };
    let (span, of) = label(ordered[0]);
    let mut diagnostic = Diagnostic::new(
        &OF_CYCLE,
        message,
        Label::new(span, format!("`{}` is of `{of}`", id(ordered[0]))),
    )
    .with_help("remove one `of:` of the loop: `of:` names the entity this one belongs to");
    for e in &ordered[1..] {
        let (span, of) = label(*e);
        diagnostic
            .secondary
            .push(Label::new(span, format!("`{}` is of `{of}`", id(*e))));
    }
    diagnostic
}

/// Items grouped by key, groups in the order of their first item, items in
/// load order.
fn grouped<'a, T, K: std::hash::Hash + Eq>(
    items: impl Iterator<Item = (K, &'a T)>,
) -> Vec<Vec<&'a T>> {
    let mut index: HashMap<K, usize> = HashMap::new();
    let mut groups: Vec<Vec<&T>> = Vec::new();
    for (key, item) in items {
        let at = *index.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[at].push(item);
    }
    groups
}

/// Each fact of a group that clashes with an earlier one, with the first
/// earlier one it clashes with (the later fact is reported, the earlier cited).
fn clashes<'a, T>(
    group: &'a [&'a T],
    clash: impl Fn(&T, &T) -> bool + 'a,
) -> impl Iterator<Item = (&'a T, &'a T)> + 'a {
    group.iter().enumerate().filter_map(move |(j, later)| {
        group[..j]
            .iter()
            .find(|earlier| clash(later, earlier))
            .map(|earlier| (*later, *earlier))
    })
}

/// Whether two periods share a day.
fn share_a_day(a: &DateRange, b: &DateRange) -> bool {
    a.first <= b.last && b.first <= a.last
}

/// When two facts must agree: a state's while both hold, an event's when they
/// are of the same day and no label tells them apart, a birth date always.
fn at_the_same_time(
    attribute: &Attribute,
    (a_valid, a_label): (&DateRange, &Option<String>),
    (b_valid, b_label): (&DateRange, &Option<String>),
) -> bool {
    if attribute.age {
        return true;
    }
    match attribute.kind {
        AttrKind::State => share_a_day(a_valid, b_valid),
        AttrKind::Event => a_valid == b_valid && a_label == b_label,
    }
}

/// "on 2024-03-01", "since 2024-06-01", or nothing for an undated fact.
fn describe(value: &str, when: &str, kind: AttrKind) -> String {
    match (when.is_empty(), kind) {
        (true, _) => format!("`{value}`"),
        (false, AttrKind::Event) => format!("`{value}` on {when}"),
        (false, AttrKind::State) => format!("`{value}` {when}"),
    }
}

fn help_for(attribute: &Attribute) -> &'static str {
    if attribute.age {
        return "one of these birth dates is wrong: keep the right one";
    }
    match attribute.kind {
        AttrKind::State => {
            "correct one of the values, or give the facts periods that do not overlap (`from`, `until`)"
        }
        AttrKind::Event => {
            "correct one of the values; if these are two events of the same day, tell them apart with `label:`"
        }
    }
}

/// Whether two amounts disagree: they state some currency in common, and in
/// none of their common currencies do their intervals overlap. (Converting at
/// a rate would only guess: facts in no common currency are not compared.)
fn amounts_disagree(a: &Fact, b: &Fact) -> bool {
    let mut compared = false;
    for money in a.amounts() {
        let Some(other) = money.amount.currency.as_deref().and_then(|c| b.value_in(c)) else {
            continue;
        };
        let (x, y) = (&money.amount, &other.amount);
        if x.low <= y.high && y.low <= x.high {
            return false;
        }
        compared = true;
    }
    compared
}

fn money_contradictions(facts: &FactBase, out: &mut Vec<Diagnostic>) {
    let groups = grouped(
        facts
            .facts
            .iter()
            .filter(|f| f.money().is_some())
            .map(|f| ((f.subject, f.attribute, f.object), f)),
    );
    for group in groups {
        let attribute = &facts.attributes[group[0].attribute];
        let disagree = |later: &Fact, earlier: &Fact| {
            at_the_same_time(
                attribute,
                (&later.valid, &later.label),
                (&earlier.valid, &earlier.label),
            ) && amounts_disagree(later, earlier)
        };
        for (later, earlier) in clashes(&group, disagree) {
            let subject = &facts.entity(later.subject).id.text;
            let topic = match later.object {
                Some(o) => format!(
                    "the `{}` of `{subject}` in `{}`",
                    attribute.id.text,
                    facts.entity(o).id.text
                ),
                None => format!("the `{}` of `{subject}`", attribute.id.text),
            };
            out.push(contradiction(
                attribute,
                topic,
                (&later.written, &later.when),
                (&earlier.written, &earlier.when),
            ));
        }
    }
}

/// Two values of one subject's attribute that cannot both hold.
fn contradiction(
    attribute: &Attribute,
    topic: String,
    (later, later_when): (&super::model::Written, &str),
    (earlier, earlier_when): (&super::model::Written, &str),
) -> Diagnostic {
    let when = match (attribute.age, attribute.kind) {
        (true, _) => "",
        (false, AttrKind::State) => " at the same time",
        (false, AttrKind::Event) => " on the same day",
    };
    Diagnostic::new(
        &CONTRADICTORY_FACTS,
        format!(
            "contradictory facts: {topic} is both `{}` and `{}`{when}",
            earlier.text, later.text
        ),
        Label::new(
            later.span.clone(),
            describe(&later.text, later_when, attribute.kind),
        ),
    )
    .with_secondary(Label::new(
        earlier.span.clone(),
        format!(
            "contradicts this earlier fact: {}",
            describe(&earlier.text, earlier_when, attribute.kind)
        ),
    ))
    .with_help(help_for(attribute))
}

/// Whether two entity or date values can both hold: the same entity (or one
/// within the other), or overlapping dates.
fn compatible(facts: &FactBase, a: &FactValue, b: &FactValue) -> bool {
    match (a, b) {
        (FactValue::Entity(x), FactValue::Entity(y)) => {
            facts.is_within(*x, *y) || facts.is_within(*y, *x)
        }
        (FactValue::Date(x), FactValue::Date(y)) => share_a_day(x, y),
        (FactValue::Count(x), FactValue::Count(y)) => x.low <= y.high && y.low <= x.high,
        _ => true,
    }
}

/// A subject holding two entity or date values at once: a state's, a date
/// event's or a birth date. Entity events (former employers) may have many values.
fn entity_and_date_contradictions(facts: &FactBase, out: &mut Vec<Diagnostic>) {
    let single_valued = facts.facts.iter().filter(|r| match r.value {
        FactValue::Money { .. } => false,
        FactValue::Date(_) => true,
        FactValue::Entity(_) | FactValue::Count(_) => {
            facts.attributes[r.attribute].kind == AttrKind::State
        }
    });
    // Facts of different objects ("joined" two companies) or one of them
    // what the press reported before (`reported`) do not clash.
    let groups =
        grouped(single_valued.map(|r| ((r.subject, r.attribute, r.object, r.reported), r)));
    for group in groups {
        let attribute = &facts.attributes[group[0].attribute];
        let disagree = |later: &Fact, earlier: &Fact| {
            at_the_same_time(
                attribute,
                (&later.valid, &later.label),
                (&earlier.valid, &earlier.label),
            ) && !compatible(facts, &later.value, &earlier.value)
        };
        for (later, earlier) in clashes(&group, disagree) {
            let topic = format!(
                "the `{}` of `{}`",
                attribute.id.text,
                facts.entity(later.subject).id.text
            );
            out.push(contradiction(
                attribute,
                topic,
                (&later.written, &later.when),
                (&earlier.written, &earlier.when),
            ));
        }
    }
}

/// An `exclusive` value (a company's chief executive) held by two subjects
/// whose periods overlap.
fn exclusive_holders(facts: &FactBase, out: &mut Vec<Diagnostic>) {
    let held = facts.facts.iter().filter_map(|r| match r.value {
        FactValue::Entity(value) if facts.attributes[r.attribute].exclusive => {
            Some(((r.attribute, value, r.reported), r))
        }
        _ => None,
    });
    for group in grouped(held) {
        let both_hold = |later: &Fact, earlier: &Fact| {
            earlier.subject != later.subject && share_a_day(&earlier.valid, &later.valid)
        };
        for (later, earlier) in clashes(&group, both_hold) {
            let attribute = &facts.attributes[later.attribute].id.text;
            let id = |e: EntityIdx| facts.entity(e).id.text.as_str();
            let holder = |r: &Fact| match r.when.as_str() {
                "" => format!("`{}` holds it", id(r.subject)),
                when => format!("`{}` holds it {when}", id(r.subject)),
            };
            out.push(
                Diagnostic::new(
                    &CONTRADICTORY_FACTS,
                    format!(
                        "contradictory facts: `{}` and `{}` are both `{attribute}` `{}` at the same time, but it has one holder at a time",
                        id(earlier.subject),
                        id(later.subject),
                        later.written.text,
                    ),
                    Label::new(later.written.span.clone(), holder(later)),
                )
                .with_secondary(Label::new(
                    earlier.written.span.clone(),
                    format!("and this earlier fact says {}", holder(earlier)),
                ))
                .with_help(
                    "give the holders periods that do not overlap (`from`, `until`), or drop `exclusive: true` from the attribute",
                ),
            );
        }
    }
}
