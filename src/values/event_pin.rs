//! Which of its subject's events a claim speaks of, when its words say: a
//! label ("Series B", "son amorçage"), an ordinal ("second tour", "fourth
//! round") or the latest ("dernière levée", "latest round"). A claim pinned to
//! one event is compared with that event alone.

/// What the text names of the event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventPin {
    /// A label, canonical and folded ("series b", "seed"): compared with the
    /// fact's `label`, read the same way.
    Label(String),
    /// The n-th event of the subject, counted from 1 in the order of dates.
    Ordinal(u32),
    /// The subject's last event by the claim's date.
    Latest,
}

impl EventPin {
    /// How `claimcheck claims` and messages name it.
    pub fn describe(&self) -> String {
        match self {
            EventPin::Label(label) => label.clone(),
            EventPin::Ordinal(n) => format!("event #{n}"),
            EventPin::Latest => "latest".to_string(),
        }
    }
}
