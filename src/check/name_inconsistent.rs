//! `name-inconsistent`: one proper name, unknown to the fact base, spelt two ways.

use std::collections::BTreeMap;

use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::span::Span;
use crate::text::fold::{skeleton, surface};

pub struct NameInconsistent;

pub const INFO: CheckInfo = CheckInfo {
    code: "N002",
    name: "name-inconsistent",
    severity: Severity::Warning,
    summary: "One proper name that the fact base does not know is spelt two ways.",
    explanation: "\
Reports a proper name of two or more words, unknown to the fact base, that the
articles spell in more than one way — within one article or across several. Two
spellings count as one name when they agree once case, accents, spaces, hyphens,
a silent `h`, doubled letters, `ph`/`f` and `y`/`i` are set aside: 'Thimothé Durand'
and 'Timothée Durand', 'Jean-Marc Roux' and 'Jean Marc Roux'. Names that merely
share a surname ('Jean Durand', 'Marie Durand') are different people and are not
reported.

One diagnostic per name, with a label on each spelling. There is no automatic fix:
nothing says which spelling is right.

Why it matters: an archive that spells one person two ways cannot be searched,
and one of the spellings is wrong.

Example:

    Jean-Marc Roux a rejoint l'entreprise en 2023. [...] selon Jean Marc Roux,
    warning[N002]: `Jean Marc Roux` and `Jean-Marc Roux` look like one name spelt two ways

Add the person to the fact base (`entities:` with the right `name`) and
`name-variant` will offer to fix the other spellings.
",
};

/// One spelling of a name: where it first appears and how often.
struct Spelling {
    first: Span,
    count: usize,
}

impl Check for NameInconsistent {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>) {
        // skeleton → spelling → occurrences, in reading order.
        let mut groups: BTreeMap<String, BTreeMap<String, Spelling>> = BTreeMap::new();
        for extraction in ctx.extractions {
            let file = extraction.article.file;
            let text = &ctx.map.get(file).text;
            for name in &extraction.proper_names {
                let written = surface(&text[name.range.clone()]).into_owned();
                let spelling = groups
                    .entry(skeleton(&written))
                    .or_default()
                    .entry(written)
                    .or_insert(Spelling {
                        first: Span::new(file, name.range.clone()),
                        count: 0,
                    });
                spelling.count += 1;
            }
        }
        for spellings in groups.values().filter(|s| s.len() > 1) {
            // The rarest spelling is the likely mistake; on a tie, the one read last.
            let mut ordered: Vec<(&String, &Spelling)> = spellings.iter().collect();
            ordered.sort_by(|a, b| a.1.count.cmp(&b.1.count).then(b.1.first.cmp(&a.1.first)));
            let (odd, odd_at) = ordered[0];
            let others: Vec<String> = ordered[1..].iter().map(|(w, _)| format!("`{w}`")).collect();
            let mut diag = Diagnostic::new(
                &INFO,
                format!(
                    "`{odd}` and {} look like one name spelt two ways",
                    others.join(" and ")
                ),
                Label::new(odd_at.first.clone(), times("spelt this way", odd_at.count)),
            );
            for (written, at) in &ordered[1..] {
                diag = diag.with_secondary(Label::new(
                    at.first.clone(),
                    times(&format!("spelt `{written}`"), at.count),
                ));
            }
            out.push(
                diag.with_note("the fact base has no entity with this name")
                    .with_help("choose one spelling; adding the person to the fact base lets `name-variant` fix the others"),
            );
        }
    }
}

fn times(what: &str, count: usize) -> String {
    match count {
        1 => format!("{what} here"),
        n => format!(
            "{what} here and {} more time{}",
            n - 1,
            if n == 2 { "" } else { "s" }
        ),
    }
}
