//! `internal-contradiction`: an article that contradicts itself.
//!
//! The within-one-article counterpart of `cross-source-conflict`: claims are
//! the same topic when they share subject, attribute, object and time as
//! `helpers::consensus` reads them, and are compared by the one tolerance rule.
//! No fact is needed: the article is compared with itself.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use chrono::{Months, NaiveDate};

use super::helpers::consensus::{in_currency, period};
use super::helpers::money::{Conversion, claim_interval, overlaps, reading_labels, said, topic};
use super::helpers::relations::{self, possible_ages};
use super::sum_mismatch::window_of;
use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::extract::{Claim, ClaimValue, Extraction, MoneyClaim};
use crate::rules::model::Window;
use crate::rules::{AttrIdx, AttrKind, EntityIdx, FactBase};
use crate::span::{FileId, Span};
use crate::text::tokens::folded_words;
use crate::values::amount::describe;
use crate::values::{DateRange, EventPin};

pub struct InternalContradiction;

pub const INFO: CheckInfo = CheckInfo {
    code: "M007",
    name: "internal-contradiction",
    severity: Severity::Warning,
    summary: "An article gives two values of one thing that cannot both be true.",
    explanation: "\
Reports two claims of one article about the same subject, attribute and time that
cannot both be true, whether or not the fact base knows the truth:

- two figures for the same funding round ('raised €50M in its Series B' in the lead,
  'raised $80M in its Series B' in the body), or for the same state at the same time
  (two valuations of one month, two totals over the same window);
- a founding date and an age of the company that cannot both hold on the article's
  date ('founded in 2019' and 'the 3-year-old company' in a 2025 article), the same
  for a person's birth date and age, two ages of one person, or two founding dates;
- a total that disagrees with the rounds the same article lists: less than the
  rounds it names, or, for a total over a number of rounds ('in two rounds'), not
  their sum when the article names exactly that many and no other round.

Claims are the same topic as `cross-source-conflict` reads them: a state (a
valuation, a total raised) at the same time, an event with an object within two
months. A funding round is an event without an object: two figures are for the
same round only when the words around both name it alike (a label such as 'Series
B', an ordinal, or 'its latest round' on the same date); two different rounds are
not a contradiction, nor is a round that no words pin. Only claims stated as facts
are compared: 'could raise €60M' is not. A writer's conversion in brackets ('€50M
($54M)') is not compared with its own figure, and two values of one topic in one
sentence are a change ('passée de 120 à 200 millions'): neither is used. A total
whose sentence names a window other than its cue's ('so far, in three rounds') is
not used. Figures in two currencies are compared at the ECB rate of the claim's
date, with at least 3% either side; the same number in two currencies is a slip of
the currency, left to the currency checks. Ages count from the attributes marked
`age` (a birth date, a founding date); a claim about one of a group is not used, nor
a value of a state whose clause places it at another time without a date (lexicon
`time_shift`: 'today', 'désormais'; `time_past`: 'at the time', 'à l'époque').

The later claim is labelled, and the earlier one it contradicts 'first said here';
a later claim that agrees with any earlier one is not reported. A figure in the
headline (the body's first line, ending with no full stop) is the one labelled
when the body contradicts it: a headline is written from the copy.

Why it matters: an article that says two things is wrong at least once, and readers
see it.

Example (an article of March 2025):

    Quillon Labs has raised €50 million in its Series B …
                            ----------- first said here
    Quillon Labs raised €60 million in its Series B to build a plant …
                        ^^^^^^^^^^^ contradicts the figure said earlier
    warning[M007]: funding round of Quillon Labs (series b): EUR 60M here,
                   EUR 50M earlier in the article

Fix safety: no fix is offered; only the writer knows which value is right.
",
};

impl Check for InternalContradiction {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>) {
        // An article with fewer than two claims cannot contradict itself.
        for ex in ctx.extractions.iter().filter(|ex| ex.claims.len() > 1) {
            let article = Article {
                ctx,
                ex,
                file: ex.article.file,
                cut: std::cell::OnceCell::new(),
            };
            article.figures(out);
            article.totals(out);
            article.ages(out);
        }
    }
}

struct Article<'c, 'a> {
    ctx: &'c CheckContext<'a>,
    ex: &'a Extraction,
    file: FileId,
    /// The article's sentences and headline, cut on first use: most
    /// articles have no two claims that could contradict each other.
    cut: std::cell::OnceCell<Cut>,
}

/// An article's sentences, and its headline if it has one.
type Cut = (Vec<Range<usize>>, Option<Range<usize>>);

impl Article<'_, '_> {
    fn cut(&self) -> &Cut {
        self.cut.get_or_init(|| {
            let text = &self.ctx.map.get(self.file).text;
            // Those the extraction cut, when it did (cutting them again was
            // most of this check's time, which the other checks wait for).
            let sentences = match &self.ex.sentences {
                Some(sentences) => sentences.clone(),
                None => crate::extract::sentences::sentences(text, self.ex.article.body.clone()),
            };
            let headline = headline(text, &sentences);
            (sentences, headline)
        })
    }
}

/// The article's headline: the body's first sentence when it ends with no
/// full stop, a title line over the copy.
fn headline(text: &str, sentences: &[Range<usize>]) -> Option<Range<usize>> {
    let first = sentences.first()?;
    let ends = text[first.clone()]
        .trim_end()
        .ends_with(['.', '!', '?', '…', ':', ';', ',']);
    (!ends).then(|| first.clone())
}

/// How a diagnostic names its two claims: where each is (`here`, `there`),
/// the primary label and the secondary one. `later` labels a later claim
/// that contradicts an earlier one.
fn wording(
    headline: bool,
    later: &'static str,
) -> (&'static str, &'static str, &'static str, &'static str) {
    if headline {
        (
            "in the headline",
            "in the body",
            "the headline contradicts the body",
            "said in the body",
        )
    } else {
        ("here", "earlier in the article", later, "first said here")
    }
}

/// Which of two contradicting claims a diagnostic points at: the later one,
/// except that a headline, written from the copy, is the one that strays
/// from the body.
struct Roles<'r, T> {
    primary: &'r T,
    secondary: &'r T,
    /// The primary is in the headline.
    headline: bool,
}

/// When a money claim is: a period as `cross-source-conflict` reads it, or,
/// for an event without an object, the event its words name.
#[derive(Clone, PartialEq, Eq, Hash)]
enum When {
    Period((i32, u32)),
    /// A label or an ordinal ("series b", "event #2"): one event of the subject.
    Pinned(String),
    /// "its latest round" on a date.
    Latest(NaiveDate, NaiveDate),
}

fn when(facts: &FactBase, claim: &MoneyClaim) -> Option<When> {
    if let Some(p) = period(facts, claim) {
        return Some(When::Period(p));
    }
    if facts.attributes[claim.attribute].kind != AttrKind::Event {
        return None;
    }
    match claim.pin? {
        EventPin::Latest => claim.date.map(|d| When::Latest(d.first, d.last)),
        pin => Some(When::Pinned(pin.describe())),
    }
}

/// Subject, attribute, object, time, and for a total the window it counts
/// (a total since the founding and one over the last three rounds are two
/// different figures).
type Topic = (EntityIdx, AttrIdx, Option<EntityIdx>, When, Option<Window>);

/// Whether `b` can be the same figure as `a`: `b` in `a`'s currency (at the
/// rate of its date, with the slack of the tolerance rule) overlaps `a`'s
/// interval. `None` when they cannot be compared (no rate).
fn same_figure(
    facts: &FactBase,
    a: &MoneyClaim,
    b: &MoneyClaim,
) -> Option<(bool, Option<Conversion>)> {
    let currency = a.amount.currency.as_deref()?;
    let (b_interval, conversion) = in_currency(facts, b, currency)?;
    let a_interval = claim_interval(a.amount, conversion.is_some());
    Some((overlaps(a_interval, b_interval), conversion))
}

/// A figure for messages: the nominal value, with its hedge and the
/// interval read when it has one ("more than EUR 12B (read as 12–15.6B)").
fn nominal(c: &MoneyClaim) -> String {
    match c.amount.hedge {
        Some(_) => said(c),
        None => describe(c.amount.value, c.amount.value, c.amount.currency.as_deref()),
    }
}

impl Article<'_, '_> {
    fn facts(&self) -> &FactBase {
        self.ctx.facts
    }

    fn in_headline(&self, at: usize) -> bool {
        self.cut().1.as_ref().is_some_and(|h| h.contains(&at))
    }

    /// `earlier` and `later` as the diagnostic labels them.
    fn roles<'r, T>(&self, earlier: &'r T, later: &'r T, at: impl Fn(&T) -> usize) -> Roles<'r, T> {
        if self.in_headline(at(earlier)) && !self.in_headline(at(later)) {
            Roles {
                primary: earlier,
                secondary: later,
                headline: true,
            }
        } else {
            Roles {
                primary: later,
                secondary: earlier,
                headline: false,
            }
        }
    }

    /// Whether two places of the article are in one sentence.
    fn one_sentence(&self, a: usize, b: usize) -> bool {
        let sentences = &self.cut().0;
        let of = |at| crate::extract::sentences::containing(sentences, at);
        of(a).is_some() && of(a) == of(b)
    }

    /// The window a total counts, as its cue sets it; `None` when its
    /// sentence also names another window ("so far, in three rounds": the
    /// cue is "so far", the window may be the three rounds).
    fn total_window(&self, total: &MoneyClaim, text: &str) -> Option<Window> {
        let window = window_of(self.ctx, total, text);
        let sentences = &self.cut().0;
        let sentence = crate::extract::sentences::containing(sentences, total.amount.range.start)
            .map(|i| sentences[i].clone())?;
        let words = folded_words(text, sentence);
        let cue = folded_words(text, total.cue.clone());
        let other = self.facts().attributes[total.attribute]
            .windows
            .iter()
            .filter(|(phrase, w)| *phrase != cue && *w != window)
            .any(|(phrase, _)| {
                !phrase.is_empty() && words.windows(phrase.len()).any(|w| w == phrase.as_slice())
            });
        (!other).then_some(window)
    }

    /// The asserted money claims this check can place: with a currency, one
    /// subject, and not a writer's conversion of the figure before.
    fn money(&self) -> impl Iterator<Item = MoneyClaim<'_>> {
        self.ex
            .money_claims()
            .filter(|c| c.amount.currency.is_some() && !c.conversion && !c.time_shift)
            .filter(|c| c.other_subjects.is_empty())
    }

    /// Two figures for one round, or for one state at one time.
    fn figures(&self, out: &mut Vec<Diagnostic>) {
        let text = &self.ctx.map.get(self.file).text;
        let mut groups: HashMap<Topic, Vec<MoneyClaim>> = HashMap::default();
        let mut order: Vec<Topic> = Vec::new();
        for claim in self.money() {
            let Some(w) = when(self.facts(), &claim) else {
                continue;
            };
            let window = match self.facts().attributes[claim.attribute].sums {
                Some(_) => match self.total_window(&claim, text) {
                    Some(w) => Some(w),
                    None => continue,
                },
                None => None,
            };
            let key = (claim.subject, claim.attribute, claim.object, w, window);
            let group = groups.entry(key.clone()).or_default();
            if group.is_empty() {
                order.push(key);
            }
            group.push(claim);
        }
        for key in &order {
            // Two values of one topic in one sentence are a change ("passée
            // de 120 à 200 millions") or a conversion: neither is used.
            let all = &groups[key];
            let group: Vec<MoneyClaim> = all
                .iter()
                .filter(|c| {
                    !all.iter().any(|o| {
                        !std::ptr::eq(o.claim, c.claim)
                            && self.one_sentence(o.amount.range.start, c.amount.range.start)
                    })
                })
                .copied()
                .collect();
            for (j, b) in group.iter().enumerate().skip(1) {
                let earlier = &group[..j];
                let mut first = None;
                // Agrees with an earlier claim, or cannot be compared with one.
                let mut settled = false;
                for a in earlier {
                    // The same number in two currencies is a slip of the
                    // currency, not of the figure.
                    if a.amount.currency != b.amount.currency
                        && (a.amount.value - b.amount.value).abs()
                            <= 1e-9 * a.amount.value.abs().max(1.0)
                    {
                        settled = true;
                        break;
                    }
                    match same_figure(self.facts(), a, b) {
                        Some((true, _)) | None => {
                            settled = true;
                            break;
                        }
                        Some((false, conversion)) => {
                            first.get_or_insert((*a, conversion));
                        }
                    }
                }
                if settled {
                    continue;
                }
                if let Some((a, conversion)) = first {
                    out.push(self.figure_diagnostic(&a, b, &key.3, conversion));
                }
            }
        }
    }

    fn figure_diagnostic(
        &self,
        a: &MoneyClaim,
        b: &MoneyClaim,
        when: &When,
        conversion: Option<Conversion>,
    ) -> Diagnostic {
        let event = match when {
            When::Pinned(pin) => format!(" ({pin})"),
            When::Latest(..) => " (latest)".to_string(),
            When::Period(_) => String::new(),
        };
        let roles = self.roles(a, b, |c| c.amount.range.start);
        let (b, a) = (roles.primary, roles.secondary);
        let (here, there, label, first) =
            wording(roles.headline, "contradicts the figure said earlier");
        let mut diag = Diagnostic::new(
            &INFO,
            format!(
                "{}{event}: {} {here}, {} {there}",
                topic(self.facts(), b),
                nominal(b),
                nominal(a)
            ),
            Label::new(Span::new(self.file, b.amount.range.clone()), label),
        )
        .with_secondary(Label::new(
            Span::new(self.file, a.amount.range.clone()),
            first,
        ));
        for label in reading_labels(self.facts(), b, self.file)
            .into_iter()
            .chain(reading_labels(self.facts(), a, self.file))
        {
            diag = diag.with_secondary(label);
        }
        if let Some(c) = conversion {
            diag = diag.with_note(format!("compared at {}", c.describe()));
        }
        diag.with_help("one of the two figures is wrong: check both against a source")
    }

    /// A total that disagrees with the rounds the article lists.
    fn totals(&self, out: &mut Vec<Diagnostic>) {
        let text = &self.ctx.map.get(self.file).text;
        let claims: Vec<MoneyClaim> = self.money().collect();
        // The claims of each subject and attribute without an object: a
        // total is compared with its own subject's rounds only.
        let mut by_topic: HashMap<(EntityIdx, AttrIdx), Vec<&MoneyClaim>> = HashMap::default();
        for c in claims.iter().filter(|c| c.object.is_none()) {
            by_topic
                .entry((c.subject, c.attribute))
                .or_default()
                .push(c);
        }
        for total in &claims {
            let Some(events) = self.facts().attributes[total.attribute].sums else {
                continue;
            };
            let (Some(as_of), Some(currency)) = (total.date, total.amount.currency.as_deref())
            else {
                continue;
            };
            let Some(rounds) = by_topic.get(&(total.subject, events)) else {
                continue;
            };
            let Some(listed) = distinct_rounds(self.facts(), rounds, as_of) else {
                continue;
            };
            if listed.is_empty() {
                continue;
            }
            let Some(window) = self.total_window(total, text) else {
                continue;
            };
            // Every round's figure in the total's currency.
            let mut sum = (0.0, 0.0);
            let mut through_rate = false;
            let mut converted = true;
            for r in &listed {
                match in_currency(self.facts(), r, currency) {
                    Some(((low, high), conversion)) => {
                        sum = (sum.0 + low, sum.1 + high);
                        through_rate |= conversion.is_some();
                    }
                    None => converted = false,
                }
            }
            if !converted {
                continue;
            }
            let stated = claim_interval(total.amount, through_rate);
            let wrong = match window {
                // The article may not name every round: only a total below
                // the rounds it names is wrong.
                Window::All => stated.1 <= sum.0 && !overlaps(stated, sum),
                // "in two rounds" with two rounds named: they are those two,
                // when no other round of the subject is in the article.
                Window::LastEvents(n) => {
                    listed.len() == n as usize
                        && rounds
                            .iter()
                            .all(|r| listed.iter().any(|l| l.pin.is_some() && l.pin == r.pin))
                        && !overlaps(stated, sum)
                }
                Window::LastMonths(_) => false,
            };
            if wrong {
                out.push(self.total_diagnostic(total, &listed, sum, window, currency));
            }
        }
    }

    fn total_diagnostic(
        &self,
        total: &MoneyClaim,
        listed: &[&MoneyClaim],
        sum: (f64, f64),
        window: Window,
        currency: &str,
    ) -> Diagnostic {
        let mid = (sum.0 + sum.1) / 2.0;
        let added = describe(mid, mid, Some(currency));
        let parts: Vec<String> = listed
            .iter()
            .map(|r| {
                let pin = r.pin.map(EventPin::describe).unwrap_or_default();
                format!("{} ({pin})", nominal(r))
            })
            .collect();
        let scope = match window {
            Window::LastEvents(n) => format!(" in {n} rounds"),
            Window::All | Window::LastMonths(_) => String::new(),
        };
        let mut diag = Diagnostic::new(
            &INFO,
            format!(
                "{}{scope}: {} here, but the rounds the article lists add up to {added} ({})",
                topic(self.facts(), total),
                nominal(total),
                parts.join(" + ")
            ),
            Label::new(
                Span::new(self.file, total.amount.range.clone()),
                format!("the rounds listed add up to {added}"),
            ),
        );
        for r in listed {
            diag = diag.with_secondary(Label::new(
                Span::new(self.file, r.amount.range.clone()),
                "a round counted",
            ));
        }
        for label in reading_labels(self.facts(), total, self.file) {
            diag = diag.with_secondary(label);
        }
        diag.with_help("check the total and each round against a source")
    }

    /// Two ages, or an age and the date it counts from, that cannot both hold.
    fn ages(&self, out: &mut Vec<Diagnostic>) {
        let mut groups: HashMap<(EntityIdx, AttrIdx), Vec<&Claim>> = HashMap::default();
        let mut order = Vec::new();
        for claim in self.ex.relation_claims() {
            if !self.facts().attributes[claim.attribute].age || !claim.other_subjects.is_empty() {
                continue;
            }
            if !matches!(claim.value, ClaimValue::Age(_) | ClaimValue::Date(_)) {
                continue;
            }
            let key = (claim.subject, claim.attribute);
            let group = groups.entry(key).or_default();
            if group.is_empty() {
                order.push(key);
            }
            group.push(claim);
        }
        for key in &order {
            let mut group = groups[key].clone();
            group.sort_by_key(|c| c.value_at.start);
            for (j, b) in group.iter().enumerate().skip(1) {
                let earlier = &group[..j];
                let verdicts: Option<Vec<bool>> =
                    earlier.iter().map(|a| agree_in_time(a, b)).collect();
                let Some(verdicts) = verdicts else {
                    continue;
                };
                if verdicts.iter().any(|v| *v) {
                    continue;
                }
                out.push(self.age_diagnostic(earlier[0], b));
            }
        }
    }

    fn age_diagnostic(&self, a: &Claim, b: &Claim) -> Diagnostic {
        let facts = self.facts();
        let said = |c: &Claim| match c.value {
            ClaimValue::Date(d) => format!(
                "{} {}",
                facts.attributes[c.attribute].id.text.replace('-', " "),
                d.display()
            ),
            _ => relations::describe_value(facts, &c.value),
        };
        let on = [a, b]
            .iter()
            .find_map(|c| {
                matches!(c.value, ClaimValue::Age(_))
                    .then_some(c.date)
                    .flatten()
            })
            .map(|d| format!(" (on {})", d.display()))
            .unwrap_or_default();
        let roles = self.roles(a, b, |c| c.value_at.start);
        let (b, a) = (roles.primary, roles.secondary);
        let (here, there, label, first) =
            wording(roles.headline, "cannot hold with what was said earlier");
        let mut diag = Diagnostic::new(
            &INFO,
            format!(
                "{}: {} {here}, {} {there}{on}",
                relations::subjects(facts, b),
                said(b),
                said(a)
            ),
            Label::new(Span::new(self.file, b.value_at.clone()), label),
        )
        .with_secondary(Label::new(Span::new(self.file, a.value_at.clone()), first));
        for c in [b, a] {
            if c.subject_inferred {
                diag = diag.with_secondary(Label::new(
                    Span::new(self.file, c.subject_at.clone()),
                    format!("read as {}", relations::subjects(facts, c)),
                ));
            }
        }
        // A date and an age: the ages the date allows on the age's date.
        let dated = [a, b].into_iter().find_map(|c| match c.value {
            ClaimValue::Date(d) => Some((c, d)),
            _ => None,
        });
        let aged = [a, b].into_iter().find_map(|c| match c.value {
            ClaimValue::Age(_) => c.date,
            _ => None,
        });
        if let (Some((c, origin)), Some(when)) = (dated, aged) {
            let (low, high) = possible_ages(origin, when);
            let ages = if low == high {
                format!("{low}")
            } else {
                format!("{low} or {high}")
            };
            diag = diag.with_note(format!(
                "{} makes it {ages} years old on {}",
                said(c),
                when.display()
            ));
        }
        diag.with_help("one of the two is wrong: check both against a source")
    }
}

/// The rounds of `rounds` the article tells apart, one claim each, on or
/// before `as_of`: those whose words name them by a label ("seed", "Series
/// A"), else by an ordinal (a label and an ordinal may name one round).
/// `None` when unsure: a round named twice with two figures.
fn distinct_rounds<'m, 'a>(
    facts: &FactBase,
    rounds: &[&'m MoneyClaim<'a>],
    as_of: DateRange,
) -> Option<Vec<&'m MoneyClaim<'a>>> {
    let pick = |labels: bool| -> Option<Vec<&'m MoneyClaim<'a>>> {
        let mut seen: Vec<&'m MoneyClaim<'a>> = Vec::new();
        for r in rounds {
            let named = match r.pin {
                Some(EventPin::Label(_)) => labels,
                Some(EventPin::Ordinal(_)) => !labels,
                _ => false,
            };
            if !named || r.date.is_none_or(|d| d.first > as_of.last) {
                continue;
            }
            match seen.iter().find(|s| s.pin == r.pin) {
                Some(s) => {
                    if !same_figure(facts, s, r).is_some_and(|(same, _)| same) {
                        return None;
                    }
                }
                None => seen.push(r),
            }
        }
        Some(seen)
    };
    let labelled = pick(true)?;
    if !labelled.is_empty() {
        return Some(labelled);
    }
    pick(false)
}

/// The days a person or company aged `age` throughout `when` may have been
/// born or founded on.
fn origin_window(age: u32, when: DateRange) -> Option<DateRange> {
    let first = when
        .first
        .checked_sub_months(Months::new(12 * (age + 1)))?
        .succ_opt()?;
    let last = when.last.checked_sub_months(Months::new(12 * age))?;
    Some(DateRange { first, last })
}

/// Whether two claims of an age attribute can both hold: two dates that
/// overlap, a date and an age it allows on the age's date (as `fact-conflict`
/// reads a birth date), two ages of one origin. `None` when a claim has no date.
fn agree_in_time(a: &Claim, b: &Claim) -> Option<bool> {
    let overlap = |x: DateRange, y: DateRange| x.first <= y.last && y.first <= x.last;
    match (&a.value, &b.value) {
        (ClaimValue::Date(x), ClaimValue::Date(y)) => Some(overlap(*x, *y)),
        (ClaimValue::Date(origin), ClaimValue::Age(n)) => {
            let (low, high) = possible_ages(*origin, b.date?);
            Some((low..=high).contains(&(*n as i32)))
        }
        (ClaimValue::Age(n), ClaimValue::Date(origin)) => {
            let (low, high) = possible_ages(*origin, a.date?);
            Some((low..=high).contains(&(*n as i32)))
        }
        (ClaimValue::Age(m), ClaimValue::Age(n)) => Some(overlap(
            origin_window(*m, a.date?)?,
            origin_window(*n, b.date?)?,
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> DateRange {
        DateRange::day(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn a_first_line_without_a_full_stop_is_the_headline() {
        let text = "Acme raises €5M\n\nAcme has raised €5 million. It hires.";
        let s = crate::extract::sentences::sentences(text, 0..text.len());
        assert_eq!(
            headline(text, &s).map(|h| text[h].trim().to_string()),
            Some("Acme raises €5M".into())
        );
        let text = "Acme has raised €5 million. It hires.";
        let s = crate::extract::sentences::sentences(text, 0..text.len());
        assert_eq!(headline(text, &s), None);
    }

    #[test]
    fn an_age_counts_back_to_a_window_of_one_year() {
        let w = origin_window(3, day(2025, 5, 6)).unwrap();
        assert_eq!(w.first, NaiveDate::from_ymd_opt(2021, 5, 7).unwrap());
        assert_eq!(w.last, NaiveDate::from_ymd_opt(2022, 5, 6).unwrap());
    }

    #[test]
    fn two_ages_agree_only_when_one_origin_allows_both() {
        let overlap = |x: DateRange, y: DateRange| x.first <= y.last && y.first <= x.last;
        let on = day(2025, 5, 6);
        let a = origin_window(41, on).unwrap();
        assert!(overlap(a, origin_window(41, on).unwrap()));
        assert!(!overlap(a, origin_window(42, on).unwrap()));
        // Over a whole year, a birthday may fall within it: 41 and 42 both hold.
        let year = DateRange::year(2025).unwrap();
        assert!(overlap(
            origin_window(41, year).unwrap(),
            origin_window(42, year).unwrap()
        ));
        assert!(!overlap(
            origin_window(41, year).unwrap(),
            origin_window(43, year).unwrap()
        ));
    }
}
