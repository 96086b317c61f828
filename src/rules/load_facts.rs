//! Turning parsed attributes, facts and exchange rates into the fact base,
//! reporting what is invalid. Entities are loaded first (see `load.rs`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde_saphyr::Spanned;

use super::load::Loader;
use super::model::Window;
use super::model::{
    AttrKind, Attribute, Cue, EntityKind, Fact, FactBase, FactValue, Money, ValueType, Written,
};
use super::schema::{AttributeDef, FactDef};
use super::validate;
use super::value_range::range_ends;
use crate::diagnostic::{Diagnostic, Label};
use crate::lexicon::{Lexicon, Lexicons};
use crate::readers::amounts::AmountReader;
use crate::readers::counts::CountReader;
use crate::span::FileId;
use crate::text::fold::fold;
use crate::text::lexemes::lex;
use crate::text::tokens::{folded_words, written_words};
use crate::values::amount::{compact, describe};
use crate::values::date_range::{DateRange, WindowError, parse_iso, parse_iso_window};
use crate::values::{Amount, Count};
use crate::yaml::Scalar;

impl Loader<'_> {
    pub(super) fn attribute(
        &mut self,
        file: FileId,
        def: &AttributeDef,
        facts: &FactBase,
        lexicons: &Lexicons,
    ) -> Option<Attribute> {
        let id = self.written(file, &def.id);
        let mut ok = true;
        if facts.attribute_by_id(&id.text).is_some() {
            self.push(Diagnostic::new(
                &validate::DUPLICATE_ID,
                format!("duplicate attribute id `{}`", id.text),
                Label::new(id.span.clone(), "this id is already used"),
            ));
            ok = false;
        }
        let value_written = self.written(file, &def.value);
        let value = match value_written.text.as_str() {
            "money" => ValueType::Money,
            "entity" => ValueType::Entity,
            "date" => ValueType::Date,
            "count" => ValueType::Count,
            other => {
                self.invalid(
                    &value_written,
                    format!("unsupported value type `{other}`"),
                    "supported: money, entity, date, count",
                );
                ok = false;
                ValueType::Money
            }
        };
        let value_kinds = self.entity_kinds(file, &def.values, &mut ok);
        let unit = def.unit.as_ref().map(|u| self.written(file, u));
        if value == ValueType::Count && unit.is_none() {
            self.invalid(
                &value_written,
                "a count attribute needs a `unit`".to_string(),
                "add `unit:` with a `count_units` id of the lexicons (`employees`)",
            );
            ok = false;
        }
        if let Some(u) = &unit
            && !lexicons
                .iter()
                .any(|l| l.count_units.iter().any(|(_, id)| *id == u.text))
        {
            self.invalid(
                u,
                format!("no lexicon counts `{}`", u.text),
                "a unit must be an id of a lexicon's `count_units`",
            );
            ok = false;
        }
        let kind_text = self.written(file, &def.kind);
        let kind = match kind_text.text.as_str() {
            "state" => AttrKind::State,
            "event" => AttrKind::Event,
            _ => {
                self.invalid(
                    &kind_text,
                    format!("unknown attribute kind `{}`", kind_text.text),
                    "expected `state` or `event`",
                );
                ok = false;
                AttrKind::Event
            }
        };
        let subject_kinds = self.entity_kinds(file, &def.subject, &mut ok);
        let mut cues = BTreeMap::new();
        for (lang, words) in &def.cues {
            if lexicons.get(lang).is_none() {
                let at = words
                    .first()
                    .map(|w| self.written(file, w))
                    .unwrap_or_else(|| id.clone());
                self.invalid(
                    &at,
                    format!("no lexicon for language `{lang}`"),
                    "cues in a language claimcheck cannot read",
                );
                ok = false;
            }
            let mut list = Vec::new();
            for w in words {
                let written = self.written(file, w);
                let (text, prefix) = match written.text.strip_suffix('*') {
                    Some(stem) => (stem, true),
                    None => (written.text.as_str(), false),
                };
                let (as_written, words): (Vec<String>, Vec<String>) =
                    written_words(text).into_iter().unzip();
                if words.is_empty() {
                    self.invalid(
                        &written,
                        "empty cue".to_string(),
                        "a cue needs at least one word",
                    );
                    ok = false;
                    continue;
                }
                list.push(Cue {
                    words,
                    written: as_written,
                    prefix,
                });
            }
            cues.insert(lang.clone(), list);
        }
        let mut windows = Vec::new();
        for (phrase, window) in &def.windows {
            let w = &window.value;
            let parsed = match (w.events, w.months) {
                (Some(n), None) if n > 0 => Window::LastEvents(n),
                (None, Some(n)) if n > 0 => Window::LastMonths(n),
                (None, None) => Window::All,
                _ => {
                    let at = Written {
                        text: phrase.clone(),
                        span: crate::yaml::span_of(
                            &window.referenced,
                            file,
                            &self.map.get(file).text,
                            0,
                        ),
                    };
                    self.invalid(&at, format!("window `{phrase}` must give `events` or `months` (a positive number), not both"), "which events does this cue count?");
                    ok = false;
                    continue;
                }
            };
            let words = folded_words(phrase, 0..phrase.len());
            windows.push((words, parsed));
        }
        // A count its cues state by themselves (see the schema's `implied`).
        let implied = match &def.implied {
            Some(written) if value == ValueType::Count => {
                let written = self.written(file, written);
                let read = self.count(&written, unit.as_ref().map(|u| u.text.as_str()), lexicons);
                if read.is_none() {
                    self.invalid(
                        &written,
                        "cannot read this as a count of the attribute's unit".to_string(),
                        "write a figure or a range and the count unit the attribute names",
                    );
                    ok = false;
                }
                read
            }
            Some(written) => {
                let written = self.written(file, written);
                self.invalid(
                    &written,
                    "`implied` is for count attributes".to_string(),
                    "only a count attribute's cues can state its value",
                );
                ok = false;
                None
            }
            None => None,
        };
        ok.then_some(Attribute {
            id,
            value,
            value_kinds,
            implied,
            unit: unit.map(|u| u.text),
            age: def.age,
            exclusive: def.exclusive,
            sums: None,
            describes: None,
            windows,
            kind,
            subject_kinds,
            has_object: def.object,
            cues,
            not_cues: def
                .not_cues
                .iter()
                .map(|(lang, words)| (lang.clone(), words.iter().map(|w| fold(w)).collect()))
                .collect(),
            priority: def.priority,
        })
    }

    pub(super) fn money_fact(
        &mut self,
        file: FileId,
        def: &FactDef,
        facts: &FactBase,
        lexicons: &Lexicons,
    ) -> Option<Fact> {
        let mut ok = true;
        let subject = self.entity_ref(file, &def.subject, facts);
        let object = def.object.as_ref().map(|o| self.entity_ref(file, o, facts));
        let attr_written = self.written(file, &def.attribute);
        let attribute = facts.attribute_by_id(&attr_written.text);
        if attribute.is_none() {
            self.unknown_attribute(&attr_written, facts);
            ok = false;
        }
        let reader_lexicon = lexicons.get("en").or_else(|| lexicons.iter().next());
        let value = self.money(file, &def.value, reader_lexicon, lexicons);
        let equivalents: Vec<Option<Money>> = def
            .equivalents
            .iter()
            .map(|e| self.money(file, e, reader_lexicon, lexicons))
            .collect();
        let valid = self.validity(file, def);
        // Reports of money (talks, leaks) are not compared yet: say so.
        let reported = false;
        if let Some(r) = def.reported.as_ref().filter(|r| r.value) {
            let at = self.span(file, &r.referenced);
            self.push(Diagnostic::new(
                &validate::INVALID_VALUE,
                "`reported` facts are compared with entity, date and count claims only".to_string(),
                Label::new(at, "not supported on a money fact yet"),
            ));
            ok = false;
        }
        if def.source.is_none() {
            let at = self.written(file, &def.value);
            self.push(
                Diagnostic::new(
                    &validate::FACT_WITHOUT_SOURCE,
                    "fact without a source".to_string(),
                    Label::new(at.span, "where does this figure come from?"),
                )
                .with_help("add `source: <url>`"),
            );
        }
        let (Some(subject), Some(attribute), Some(value), Some((valid, when))) =
            (subject, attribute, value, valid)
        else {
            return None;
        };
        let object = match (def.object.is_some(), object.flatten()) {
            (true, None) => return None,
            (_, object) => object,
        };
        if !ok || equivalents.iter().any(Option::is_none) {
            return None;
        }
        Some(Fact {
            subject,
            attribute,
            object,
            written: value.written.clone(),
            value: FactValue::Money {
                value,
                equivalents: equivalents.into_iter().flatten().collect(),
            },
            valid,
            when,
            source: def.source.as_ref().map(|s| s.value.clone()),
            label: def.label.as_ref().map(|l| l.value.clone()),
            reported,
        })
    }

    /// A fact whose attribute takes an entity or a date: "value: google-labs",
    /// "value: 2023-04". Its period (`date`, `from`, `until`) is optional.
    pub(super) fn entity_or_date_fact(
        &mut self,
        file: FileId,
        def: &FactDef,
        facts: &FactBase,
        attribute: usize,
        lexicons: &Lexicons,
    ) -> Option<Fact> {
        let subject = self.entity_ref(file, &def.subject, facts);
        let reported = def.reported.as_ref().is_some_and(|r| r.value);
        // A date attribute may name a second entity (when one joined which company).
        let object = match def.object.as_ref().map(|o| self.entity_ref(file, o, facts)) {
            Some(None) => return None,
            Some(object) => object,
            None => None,
        };
        let written = self.written(file, &def.value);
        let value = match facts.attributes[attribute].value {
            ValueType::Entity => FactValue::Entity(self.entity_ref(file, &def.value, facts)?),
            ValueType::Count => {
                let unit = facts.attributes[attribute].unit.as_deref();
                FactValue::Count(self.count(&written, unit, lexicons)?)
            }
            _ => FactValue::Date(self.date_window(&written)?),
        };
        if def.source.is_none() {
            self.push(
                Diagnostic::new(
                    &validate::FACT_WITHOUT_SOURCE,
                    "fact without a source".to_string(),
                    Label::new(written.span.clone(), "where does this come from?"),
                )
                .with_help("add `source: <url>`"),
            );
        }
        let open = def.date.is_none() && def.from.is_none() && def.until.is_none();
        let (valid, when) = if open {
            (
                DateRange {
                    first: NaiveDate::MIN,
                    last: NaiveDate::MAX,
                },
                String::new(),
            )
        } else {
            self.validity(file, def)?
        };
        Some(Fact {
            subject: subject?,
            attribute,
            object,
            value,
            written,
            valid,
            when,
            source: def.source.as_ref().map(|s| s.value.clone()),
            label: def.label.as_ref().map(|l| l.value.clone()),
            reported,
        })
    }

    /// A list of entity kinds (org when empty); an unknown kind is reported
    /// and clears `ok`.
    fn entity_kinds(
        &mut self,
        file: FileId,
        written: &[Spanned<String>],
        ok: &mut bool,
    ) -> Vec<EntityKind> {
        let mut kinds = Vec::new();
        for k in written {
            let w = self.written(file, k);
            match EntityKind::parse(&w.text) {
                Some(kind) => kinds.push(kind),
                None => {
                    self.invalid(
                        &w,
                        format!("unknown entity kind `{}`", w.text),
                        "not a known kind",
                    );
                    *ok = false;
                }
            }
        }
        if kinds.is_empty() {
            kinds.push(EntityKind::Org);
        }
        kinds
    }

    /// An entity id; an unknown one is reported with a suggestion.
    fn entity_ref(
        &mut self,
        file: FileId,
        value: &Spanned<String>,
        facts: &FactBase,
    ) -> Option<usize> {
        let written = self.written(file, value);
        let found = facts.entity_by_id(&written.text);
        if found.is_none() {
            self.unknown_entity(facts, &written);
        }
        found
    }

    /// A count written like an article would: "7.3 billion parameters".
    fn count(
        &mut self,
        written: &Written,
        unit: Option<&str>,
        lexicons: &Lexicons,
    ) -> Option<Count> {
        let lexicon = lexicons.get("en").or_else(|| lexicons.iter().next())?;
        let text = &written.text;
        let read_one = |text: &str| {
            let counts =
                CountReader { lexicon }.read(text, &lex(text, 0..text.len(), &mut String::new()));
            match counts.as_slice() {
                [count]
                    if text[..count.range.start].trim().is_empty()
                        && text[count.range.end..].trim().is_empty()
                        && Some(count.unit.as_str()) == unit =>
                {
                    Some(count.clone())
                }
                _ => None,
            }
        };
        // A fact is exact: its interval is its figure, or a range's ends.
        if let Some(count) = read_one(text) {
            return Some(Count {
                low: count.value,
                high: count.value,
                ..count
            });
        }
        let ends = range_ends(text).map(|(low, high)| (read_one(&low), read_one(&high)));
        let Some((Some(low), Some(high))) = ends else {
            self.invalid(
                written,
                format!("`{text}` is not a count of {}", unit.unwrap_or("a unit")),
                "write it like `7.3 billion parameters`, `60 employees` or a range `50-60 employees`",
            );
            return None;
        };
        if low.value >= high.value {
            self.reversed_range(written, &compact(low.value), &compact(high.value));
            return None;
        }
        Some(Count {
            range: 0..text.len(),
            value: (low.value + high.value) / 2.0,
            low: low.value,
            high: high.value,
            hedge: None,
            ..high
        })
    }

    fn money(
        &mut self,
        file: FileId,
        value: &Spanned<String>,
        lexicon: Option<&Lexicon>,
        lexicons: &Lexicons,
    ) -> Option<Money> {
        let written = self.written(file, value);
        let lexicon = lexicon?;
        // Built once for every fact's value, not once a value.
        let currencies = self
            .currencies
            .get_or_insert_with(|| Lexicon::all_currencies(lexicons));
        let reader = AmountReader {
            lexicon,
            currencies,
        };
        let text = written.text.clone();
        let read_one = |text: &str| {
            let amounts = reader.read(text, &lex(text, 0..text.len(), &mut String::new()));
            match amounts.as_slice() {
                [amount]
                    if text[..amount.range.start].trim().is_empty()
                        && text[amount.range.end..].trim().is_empty() =>
                {
                    Some(amount.clone())
                }
                _ => None,
            }
        };
        if let Some(amount) = read_one(&text).filter(|a| a.currency.is_some()) {
            return Some(Money {
                written,
                amount,
                range: false,
            });
        }
        let ends = range_ends(&text).map(|(low, high)| (read_one(&low), read_one(&high)));
        let Some((Some(low), Some(high))) = ends else {
            self.invalid(
                &written,
                format!("`{text}` is not an amount with a currency"),
                "write it like `15 million EUR`, `about 113 million USD` or a range `105–113 million EUR`",
            );
            return None;
        };
        let currency = match (low.currency, high.currency) {
            (None, Some(c)) => c,
            (Some(a), Some(b)) if a == b => b,
            _ => {
                self.invalid(
                    &written,
                    format!("`{text}` is not a range in one currency"),
                    "write the currency once, after the second figure: `105–113 million EUR`",
                );
                return None;
            }
        };
        if low.value >= high.value {
            self.reversed_range(
                &written,
                &describe(low.value, low.value, None),
                &describe(high.value, high.value, None),
            );
            return None;
        }
        let amount = Amount {
            range: 0..text.len(),
            value: (low.value + high.value) / 2.0,
            low: low.value,
            high: high.value,
            currency: Some(currency),
            hedge: None,
        };
        Some(Money {
            written,
            amount,
            range: true,
        })
    }

    /// A range whose first end is not below its second ("113–105 million EUR").
    fn reversed_range(&mut self, written: &Written, low: &str, high: &str) {
        self.invalid(
            written,
            format!(
                "`{}` is a reversed range: {low} is not below {high}",
                written.text
            ),
            "write the lower figure first; a single figure needs no range",
        );
    }

    /// The period a fact covers, and how to say it.
    fn validity(&mut self, file: FileId, def: &FactDef) -> Option<(DateRange, String)> {
        let mut date = |v: &Option<Spanned<Scalar>>| -> Result<Option<DateRange>, ()> {
            let Some(v) = v else { return Ok(None) };
            let written = Written {
                text: v.value.0.clone(),
                span: crate::yaml::span_of(&v.referenced, file, &self.map.get(file).text, 0),
            };
            self.date_window(&written).map(Some).ok_or(())
        };
        let (day, from, until) = (date(&def.date), date(&def.from), date(&def.until));
        let (day, from, until) = (day.ok()?, from.ok()?, until.ok()?);
        let at = self.written(file, &def.value);
        match (day, from, until) {
            (Some(d), None, None) => Some((d, d.display_window())),
            (None, from, until) if from.is_some() || until.is_some() => {
                let first = from.map_or(NaiveDate::MIN, |f| f.first);
                let last = until.map_or(NaiveDate::MAX, |u| u.last);
                if first > last {
                    self.invalid(
                        &at,
                        "`from` is after `until`".to_string(),
                        "this fact would never hold",
                    );
                    return None;
                }
                let when = match (from, until) {
                    (Some(f), Some(u)) => format!("from {} until {}", f.display(), u.display()),
                    (Some(f), None) => format!("since {}", f.display()),
                    (None, Some(u)) => format!("until {}", u.display()),
                    (None, None) => unreachable!("guarded above"),
                };
                Some((DateRange { first, last }, when))
            }
            (None, None, None) => {
                self.invalid(
                    &at,
                    "a fact needs a `date`, or `from` and/or `until`".to_string(),
                    "when was this true?",
                );
                None
            }
            _ => {
                self.invalid(
                    &at,
                    "`date` and `from`/`until` exclude each other".to_string(),
                    "an event has a date; a state has a period",
                );
                None
            }
        }
    }

    pub(super) fn fx(
        &mut self,
        file: FileId,
        pair: &str,
        months: &Spanned<BTreeMap<String, Spanned<f64>>>,
        facts: &mut FactBase,
    ) {
        let at = Written {
            text: pair.to_string(),
            span: crate::yaml::span_of(&months.referenced, file, &self.map.get(file).text, 0),
        };
        let codes: Vec<&str> = pair.split('/').collect();
        let valid_code = |c: &str| c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase());
        let [base, quote] = codes.as_slice() else {
            self.invalid(
                &at,
                format!("`{pair}` is not a currency pair"),
                "write it like `EUR/USD`",
            );
            return;
        };
        if !valid_code(base) || !valid_code(quote) {
            self.invalid(
                &at,
                format!("`{pair}` is not a currency pair"),
                "write it like `EUR/USD` (ISO 4217 codes)",
            );
            return;
        }
        for (when, rate) in &months.value {
            let span = crate::yaml::span_of(&rate.referenced, file, &self.map.get(file).text, 0);
            let written = Written {
                text: when.clone(),
                span,
            };
            // A month (YYYY-MM) or a day (YYYY-MM-DD); not a year.
            let parsed = parse_iso(when).filter(|d| matches!(d.display().len(), 7 | 10));
            let Some(range) = parsed else {
                self.invalid(
                    &written,
                    format!("`{when}` is not a month or a day"),
                    "write a month as YYYY-MM, a day as YYYY-MM-DD",
                );
                continue;
            };
            if !(rate.value.is_finite() && rate.value > 0.0) {
                self.invalid(
                    &written,
                    format!("rate {} for {when} is not positive", rate.value),
                    "a rate is how many units of the second currency one unit of the first buys",
                );
                continue;
            }
            if range.first == range.last {
                facts.fx.insert_day(base, quote, range.first, rate.value);
            } else {
                use chrono::Datelike;
                let (year, month) = (range.first.year(), range.first.month());
                facts.fx.insert_month(base, quote, year, month, rate.value);
            }
        }
    }

    /// A date, or a window of dates where sources disagree within it
    /// (`2023-04..2023-05`); a reversed window is reported as such.
    fn date_window(&mut self, written: &Written) -> Option<DateRange> {
        match parse_iso_window(&written.text) {
            Ok(d) => Some(d),
            Err(WindowError::NotADate) => {
                self.invalid(
                    written,
                    format!("`{}` is not a date", written.text),
                    "expected YYYY-MM-DD, YYYY-MM, YYYY, or a window such as 2023-04..2023-05",
                );
                None
            }
            Err(WindowError::Reversed) => {
                self.invalid(
                    written,
                    format!("`{}` is a reversed window of dates", written.text),
                    "its first date comes after its second: write the earlier one first",
                );
                None
            }
        }
    }

    fn invalid(&mut self, at: &Written, message: String, label: &str) {
        self.push(Diagnostic::new(
            &validate::INVALID_VALUE,
            message,
            Label::new(at.span.clone(), label),
        ));
    }
}
