//! What can be wrong with a fact base, each kind with its code and documentation.

use crate::diagnostic::{CheckInfo, Severity};

pub const RULES_SYNTAX: CheckInfo = CheckInfo {
    code: "R001",
    name: "rules-syntax",
    severity: Severity::Error,
    summary: "A fact-base or lexicon file is not valid YAML or not of the expected shape.",
    explanation: "\
Reports a YAML file in the fact base that cannot be read: a syntax error, a key
that claimcheck does not know (often a typo: `nam:` for `name:`), or a value of the
wrong type (a list where a name is expected).

Why it matters: a fact base that cannot be read checks nothing. `claimcheck check`
stops with exit status 2 until it is fixed.

Example:

    entities:
      - id: jean-martin
        nam: Jean Martin     # unknown field `nam`, expected one of id, kind, name, …
",
};

pub const DUPLICATE_ID: CheckInfo = CheckInfo {
    code: "R002",
    name: "duplicate-id",
    severity: Severity::Error,
    summary: "Two entities share one id.",
    explanation: "\
Reports an entity whose `id` is already used by another entity, in the same file or
another file of the fact base.

Why it matters: facts refer to entities by id; with two entities behind one id no
fact can say which one it means.

Example:

    - id: hooli
      name: HooLi
    - id: hooli           # duplicate id `hooli`
      name: HooLi Global
",
};

pub const ALIAS_CONFLICT: CheckInfo = CheckInfo {
    code: "R003",
    name: "alias-conflict",
    severity: Severity::Error,
    summary: "One name or alias is claimed by two entities.",
    explanation: "\
Reports a name or alias that two entities both claim, compared after folding case,
accents, spaces and hyphens.

Why it matters: a mention of that name in an article could be either entity, so
claimcheck could attribute a claim to the wrong one.

Example:

    - id: hooli
      name: Hooli
      aliases: [HooliChat]
    - id: hoolichat
      name: HooliChat     # `HooliChat` is already an alias of `hooli`
",
};

pub const UNKNOWN_ENTITY: CheckInfo = CheckInfo {
    code: "R004",
    name: "unknown-entity",
    severity: Severity::Error,
    summary: "A reference names an entity id that the fact base does not define.",
    explanation: "\
Reports a reference (such as `of:`) to an entity id that no entity defines, and
suggests the closest id.

Why it matters: a misspelt reference silently detaches a fact from its entity.

Example:

    - id: nova-large
      kind: product
      name: Nova Large
      of: nova-a        # unknown entity `nova-a`; did you mean `nova-ai`?
",
};

pub const INVALID_VALUE: CheckInfo = CheckInfo {
    code: "R005",
    name: "invalid-value",
    severity: Severity::Error,
    summary: "A value in the fact base is not allowed: an id that is not kebab-case, an unknown kind, an empty name.",
    explanation: "\
Reports a value that has the right type but is not allowed:
- an `id` that is not kebab-case (`a-z`, `0-9` and single hyphens);
- a `kind` other than person, org, product, place, law, event, media;
- an empty `name`, alias or `not` phrase;
- a fact value that cannot be read as an amount with a currency ('15 million EUR');
- a date that is not `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or `from` after `until`;
- an exchange rate that is not positive, or a pair or month written wrongly;
- an attribute whose `value`, `kind`, subject kinds or cue languages are unknown;
- a lexicon whose month list does not have twelve entries.

Example:

    - id: Jean_Martin       # ids are kebab-case: jean-martin
      kind: human           # unknown kind; did you mean `person`?
",
};

pub const UNKNOWN_ATTRIBUTE: CheckInfo = CheckInfo {
    code: "R006",
    name: "unknown-attribute",
    severity: Severity::Error,
    summary: "A fact names an attribute that the fact base does not define.",
    explanation: "\
Reports a fact whose `attribute` is not the id of an attribute under `attributes:`,
and suggests the closest id.

Why it matters: the attribute tells claimcheck which words in an article make a
claim about the fact (its cues); a fact under an unknown attribute is never checked.

Example:

    facts:
      - subject: nova-ai
        attribute: valuaton       # unknown attribute `valuaton`; did you mean `valuation`?
        value: 5.8 billion EUR
",
};

pub const FACT_WITHOUT_SOURCE: CheckInfo = CheckInfo {
    code: "R007",
    name: "fact-without-source",
    severity: Severity::Warning,
    summary: "A fact has no `source` URL.",
    explanation: "\
Reports a fact with no `source`. Every diagnostic that cites a fact shows its source,
so that an editor can see where the fact base's figure comes from.

Why it matters: a fact desk must be able to defend every figure it enforces.

Example:

    - subject: globex
      attribute: investment
      object: nova-ai
      value: 15 million EUR
      date: 2024-02-26          # add `source: https://…`
",
};

pub const CONTRADICTORY_FACTS: CheckInfo = CheckInfo {
    code: "R008",
    name: "contradictory-facts",
    severity: Severity::Error,
    summary: "Two facts of the fact base cannot both be true.",
    explanation: "\
Reports a fact that contradicts an earlier one (in the order the files are read):
- a `kind: state` attribute (one value at a time) with two values whose periods
  overlap and whose amounts or dates do not;
- a `kind: event` attribute with two values on the same day (or, for a date
  value, both undated) that do not overlap, unless their `label`s tell them apart;
- a person with two birth dates (an attribute with `age: true`);
- an `exclusive: true` attribute held by two subjects at the same time.
Amounts are compared in a currency both facts state (`value` or `equivalents`),
with the precision they are written with: `3 billion EUR` and `about 3 billion
EUR` agree. Facts stated in no common currency are not compared.

Why it matters: an article is checked against whichever fact applies, so a
contradictory fact base approves one figure and its opposite.

Example:

    - subject: org-a
      attribute: funding-round
      value: 450 million EUR
      date: 2024-03-01
    - subject: org-a
      attribute: funding-round
      value: 1 EUR                # contradicts the round above, same day
      date: 2024-03-01
      # two rounds of one day? tell them apart: `label: Series B`, `label: grant`
",
};

pub const OF_CYCLE: CheckInfo = CheckInfo {
    code: "R009",
    name: "of-cycle",
    severity: Severity::Error,
    summary: "`of:` links loop back to where they started.",
    explanation: "\
Reports entities whose `of:` links (the entity each one belongs to) form a loop:
`a` of `b` and `b` of `a`, or an entity of itself. Each loop is reported once,
with every `of:` on it.

Why it matters: a claim about a group fits one of its labs because the lab is
`of:` the group; with a loop, every entity on it would belong to every other.

Example:

    - id: org-a
      of: org-b           # org-a belongs to org-b…
    - id: org-b
      of: org-a           # …which belongs to org-a
",
};

/// Every fact-base check, for the registry.
pub const ALL: [&CheckInfo; 9] = [
    &RULES_SYNTAX,
    &DUPLICATE_ID,
    &ALIAS_CONFLICT,
    &UNKNOWN_ENTITY,
    &INVALID_VALUE,
    &UNKNOWN_ATTRIBUTE,
    &FACT_WITHOUT_SOURCE,
    &CONTRADICTORY_FACTS,
    &OF_CYCLE,
];

/// Ids are kebab-case so that they read the same in YAML, URLs and messages.
pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

pub use crate::text::distance::did_you_mean;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_ids() {
        assert!(is_kebab_case("nova-ai"));
        assert!(is_kebab_case("gpt-4"));
        assert!(!is_kebab_case("Nova"));
        assert!(!is_kebab_case("a--b"));
        assert!(!is_kebab_case("-a"));
        assert!(!is_kebab_case(""));
    }

    #[test]
    fn suggests_the_closest_candidate() {
        let ids = ["nova-ai", "globex", "orbis"];
        assert_eq!(did_you_mean("nova-a", ids.iter().copied()), Some("nova-ai"));
        assert_eq!(did_you_mean("globxe", ids.iter().copied()), Some("globex"));
        assert_eq!(did_you_mean("apple", ids.iter().copied()), None);
    }
}
