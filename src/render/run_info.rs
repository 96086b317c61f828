//! What a run was over, for every output to say: which fact base (a user who
//! runs from another folder must see that the built-in one was used), how
//! many facts it holds, how many files were checked, and every input or fact
//! base that could not be — so that a machine-readable report never looks
//! clean when something was not checked.

/// Something that stopped part of a run: an unreadable input, a broken fact
/// base. `file` is the input or fact-base file it is about, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunProblem {
    pub file: Option<String>,
    pub message: String,
}

#[derive(Clone, Debug, Default)]
pub struct RunInfo {
    /// The fact base as the user would name it: `'rules'`, `the built-in fact base`.
    pub fact_base: String,
    /// How many facts it holds.
    pub facts: usize,
    /// How many articles were read and checked.
    pub files_checked: usize,
    pub problems: Vec<RunProblem>,
    /// Where a desk documents the tool (SARIF `informationUri`), from
    /// claimcheck.toml.
    pub information_uri: Option<String>,
    /// Where a desk documents each check: `{code}` and `{name}` are replaced
    /// (SARIF rules' `helpUri`), from claimcheck.toml.
    pub help_uri: Option<String>,
}

impl RunInfo {
    /// "fact base 'rules', 37 facts"; "the built-in fact base, 37 facts".
    pub fn fact_base_phrase(&self) -> String {
        let name = if self.fact_base.starts_with('\'') {
            format!("fact base {}", self.fact_base)
        } else {
            self.fact_base.clone()
        };
        let facts = self.facts;
        format!("{name}, {facts} fact{}", if facts == 1 { "" } else { "s" })
    }

    /// Whether everything asked for was checked.
    pub fn succeeded(&self) -> bool {
        self.problems.is_empty()
    }
}
