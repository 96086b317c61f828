//! What an article claims, whatever the kind of value: about whom (a subject,
//! and an object when the attribute takes one), which attribute, what value,
//! and where each part is written. The readers that find claims are in
//! `claims.rs` (money) and `relations.rs` (entities, dates, ages, durations).

use std::ops::{Deref, Range};

use crate::rules::{AttrIdx, EntityIdx};
use crate::values::{Amount, Count, DateRange, EventPin, Modality};

#[derive(Clone, Debug)]
pub struct Claim {
    /// Who or what the claim is about; for a group ("Jean Martin, Dorothée
    /// Durand et Paul Bernard, venus de …") the one named last.
    pub subject: EntityIdx,
    /// The rest of a group, from the last named to the first: each value must
    /// then hold for at least one of the subjects. Empty for one subject.
    pub other_subjects: Vec<EntityIdx>,
    /// The group's words say the value holds for each of them ("tous trois").
    pub each_subject: bool,
    /// Where the subject is named or described.
    pub subject_at: Range<usize>,
    /// The subject comes from a description ("la startup") or an earlier sentence.
    pub subject_inferred: bool,
    pub attribute: AttrIdx,
    /// What a money claim is about besides its subject ("investi … dans Acme AI").
    pub object: Option<EntityIdx>,
    pub value: ClaimValue,
    /// Where the value is written: the amount, the entity, the date, the age or
    /// the duration.
    pub value_at: Range<usize>,
    /// The cue word that tells the attribute.
    pub cue: Range<usize>,
    /// The time the claim speaks of: for money, a date written in its clause,
    /// else the article's date; for a duration, the date of the event reported;
    /// for an entity, a date or an age, the article's date.
    pub date: Option<DateRange>,
    /// Where that date is written, when it comes from the text.
    pub date_at: Option<Range<usize>>,
    /// Whether the clause states it as a fact; only an asserted claim is checked.
    pub modality: Modality,
}

/// What a claim states. An attribute's type of value decides which, except an
/// age (of an attribute marked `age`) and a duration (since a dated event).
#[derive(Clone, Debug)]
pub enum ClaimValue {
    Money(ClaimedMoney),
    Entity {
        entity: EntityIdx,
        /// When the value is a description ("l'entreprise"): the other
        /// entities it may stand for. The claim holds if any of them makes it true.
        alternatives: Vec<EntityIdx>,
    },
    Date(DateRange),
    /// A date written without a year in an article without a date: its
    /// months and days, in a placeholder year (see [`DateRange::yearless_meets`]).
    YearlessDate(DateRange),
    /// An age in years.
    Age(u32),
    /// How many of a unit: "7 milliards de paramètres", "60 employees".
    Count(Count),
    /// "moins d'un an après sa création": months claimed to have passed since
    /// the subject's event under `attribute` (an interval), until `date`.
    Duration {
        months: (f64, f64),
    },
}

/// An amount claimed, with the currency it may have taken from an earlier one.
#[derive(Clone, Debug)]
pub struct ClaimedMoney {
    pub amount: Amount,
    /// The amount gave no currency and took this earlier amount's.
    pub currency_from: Option<Range<usize>>,
    /// The amount converts the one before it: "€50m ($54m)".
    pub conversion: bool,
    /// The event the words around the amount name ("its Series B").
    pub pin: Option<EventPin>,
    /// Its clause places it at another time than the others' without a date
    /// ("at the time", "now", "désormais"): a state said so is not compared
    /// with the article's other values of that state.
    pub time_shift: bool,
    /// Its clause places it in the past without a date ("at the time", "à
    /// l'époque"): what an earlier fact said is right, not outdated.
    pub time_past: bool,
}

impl Claim {
    /// Every subject: the one named last first.
    pub fn subjects(&self) -> impl Iterator<Item = EntityIdx> + '_ {
        std::iter::once(self.subject).chain(self.other_subjects.iter().copied())
    }

    /// The claim with its amount at hand, for a money claim.
    pub fn as_money(&self) -> Option<MoneyClaim<'_>> {
        match &self.value {
            ClaimValue::Money(money) => Some(MoneyClaim {
                claim: self,
                amount: &money.amount,
                currency_from: money.currency_from.as_ref(),
                conversion: money.conversion,
                pin: money.pin.as_ref(),
                time_shift: money.time_shift,
                time_past: money.time_past,
            }),
            _ => None,
        }
    }

    /// Whether the value is an entity, a date, an age or a count: what is
    /// checked against the fact base's entity, date and count facts.
    pub fn is_relation(&self) -> bool {
        matches!(
            self.value,
            ClaimValue::Entity { .. }
                | ClaimValue::Date(_)
                | ClaimValue::YearlessDate(_)
                | ClaimValue::Age(_)
                | ClaimValue::Count(_)
        )
    }
}

/// A money claim seen with its amount: what the money checks read. It derefs
/// to the claim, so that its subject, date and cue read as on any claim.
#[derive(Clone, Copy, Debug)]
pub struct MoneyClaim<'a> {
    pub claim: &'a Claim,
    pub amount: &'a Amount,
    pub currency_from: Option<&'a Range<usize>>,
    /// The amount converts the one before it ("€50m ($54m)").
    pub conversion: bool,
    /// The event the words around the amount name.
    pub pin: Option<&'a EventPin>,
    /// See [`ClaimedMoney::time_shift`].
    pub time_shift: bool,
    /// See [`ClaimedMoney::time_past`].
    pub time_past: bool,
}

impl Deref for MoneyClaim<'_> {
    type Target = Claim;

    fn deref(&self) -> &Claim {
        self.claim
    }
}
