//! Whether a claim is stated as a fact. "Acme a levé 5 millions" asserts a
//! round; "Acme pourrait lever 5 millions", "Acme is reportedly seeking $5
//! million" and "Acme n'a pas levé 5 millions" do not: only an asserted claim
//! can contradict a fact.

/// How a claim is stated, from the words of its clause.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Modality {
    /// Stated as a fact.
    #[default]
    Asserted,
    /// Attributed to unnamed sources or hearsay ("reportedly", "selon des
    /// personnes proches du dossier").
    Reported,
    /// Talks, plans and aims ("in talks to raise", "vise une valorisation de").
    Intended,
    /// A conditional or modal verb ("pourrait lever", "serait valorisée", "could be worth").
    Conditional,
    /// Denied ("n'a pas levé", "did not raise").
    Negated,
}

impl Modality {
    /// Every modality but [`Modality::Asserted`], as a lexicon names them.
    pub const NOT_ASSERTED: [Modality; 4] = [
        Modality::Reported,
        Modality::Intended,
        Modality::Conditional,
        Modality::Negated,
    ];

    /// Its name in lexicons and in `claimcheck claims`.
    pub fn name(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Intended => "intended",
            Modality::Conditional => "conditional",
            Modality::Negated => "negated",
        }
    }

    /// The modality a lexicon names `name`, other than `asserted`.
    pub fn parse(name: &str) -> Option<Modality> {
        Self::NOT_ASSERTED.into_iter().find(|m| m.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for m in Modality::NOT_ASSERTED {
            assert_eq!(Modality::parse(m.name()), Some(m));
        }
        assert_eq!(Modality::parse("asserted"), None);
        assert_eq!(Modality::parse("rumoured"), None);
    }
}
