//! A count as read: how many of a unit ("1,000 employees", "7 milliards de
//! paramètres"), with the interval the figure stands for. Never money.

use std::ops::Range;

#[derive(Clone, Debug, PartialEq)]
pub struct Count {
    /// From the hedge to the unit noun, as written.
    pub range: Range<usize>,
    /// The figure as stated, scale applied.
    pub value: f64,
    pub low: f64,
    pub high: f64,
    /// The unit's id in the lexicon (`employees`, `parameters`), shared by
    /// every language.
    pub unit: String,
    /// The hedge as the lexicon writes it ("about").
    pub hedge: Option<String>,
}

impl Count {
    /// "7–7.5B parameters", "22 employees" for messages.
    pub fn describe(&self) -> String {
        format!(
            "{} {}",
            super::amount::describe(self.low, self.high, None),
            self.unit
        )
    }
}
