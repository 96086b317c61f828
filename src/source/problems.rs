//! What can be wrong with an article's own metadata.

use crate::diagnostic::{CheckInfo, Severity};

pub const FRONT_MATTER: CheckInfo = CheckInfo {
    code: "S001",
    name: "front-matter",
    severity: Severity::Error,
    summary: "An article's front matter is not closed, not valid YAML, or holds a value claimcheck cannot use.",
    explanation: "\
Reports YAML front matter (the `---` … `---` block at the top of an article) that
is never closed (the article is then read whole, as its body), that cannot be
read, that gives a list or a mapping where one value is expected (`date`,
`lang`, `title`, `url`), or whose `date` is not `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.

Why it matters: the date decides which facts were true when the article was
written, and relative dates ('en avril dernier') are read against it.

Example:

    ---
    date: 1st of March    # not a date claimcheck can read: write 2024-03-01
    title: [a, b]         # a list: `title` must be a single value
    ---
",
};

pub const UNKNOWN_LANGUAGE: CheckInfo = CheckInfo {
    code: "S002",
    name: "unknown-language",
    severity: Severity::Warning,
    summary: "An article declares a language that has no lexicon.",
    explanation: "\
Reports a `lang` in front matter for which the fact base has no lexicon
(`lexicon/<lang>.yaml`). claimcheck then detects the language from the text.

Why it matters: month names, number words and hedges are read with the
article's lexicon; with the wrong one, claims are missed.

Example:

    ---
    lang: de        # no lexicon for `de`; add rules/lexicon/de.yaml
    ---
",
};

pub const ALL: [&CheckInfo; 2] = [&FRONT_MATTER, &UNKNOWN_LANGUAGE];
