//! `name-inconsistent`: one proper name, unknown to the fact base, spelt two ways.

use std::collections::BTreeMap;

use super::{Check, CheckContext};
use crate::diagnostic::{CheckInfo, Diagnostic, Label, Severity};
use crate::span::Span;
use crate::text::fold::{fold_keep_separators, skeleton, surface};

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
reported. Spellings that differ only in accents or case ('Élodie Durand' and
'Elodie Durand', 'Jean DUPONT' and 'Jean Dupont', 'Ecole Normale' and 'École
Normale') are house style, not two names: they are not reported either.

One diagnostic per name, with a label on each spelling and a note that counts the
articles each spelling is in (the rarer spelling across an archive is the likely
mistake). There is no automatic fix: nothing says which spelling is right.

Why it matters: an archive that spells one person two ways cannot be searched,
and one of the spellings is wrong.

Example:

    Jean-Marc Roux a rejoint l'entreprise en 2023. [...] selon Jean Marc Roux,
    warning[N002]: `Jean Marc Roux` and `Jean-Marc Roux` look like one name spelt two ways

Add the person to the fact base (`entities:` with the right `name`) and
`name-variant` will offer to fix the other spellings.
",
};

/// One spelling of a name: where it first appears, how often, and in how
/// many articles.
struct Spelling {
    first: Span,
    count: usize,
    articles: std::collections::BTreeSet<crate::span::FileId>,
}

impl Check for NameInconsistent {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn compares_articles(&self) -> bool {
        true
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
                        articles: Default::default(),
                    });
                spelling.count += 1;
                spelling.articles.insert(file);
            }
        }
        // Spellings that agree once case and accents are set aside are one
        // spelling in two house styles: a name needs two that differ in letters,
        // spaces or hyphens.
        let differ_in_letters = |spellings: &BTreeMap<String, Spelling>| {
            let mut folded = spellings.keys().map(|w| fold_keep_hyphens(w));
            let first = folded.next();
            folded.any(|f| Some(&f) != first.as_ref())
        };
        for spellings in groups
            .values()
            .filter(|s| s.len() > 1 && differ_in_letters(s))
        {
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
            let articles: Vec<String> = ordered
                .iter()
                .map(|(w, at)| format!("`{w}` {}", at.articles.len()))
                .collect();
            out.push(
                diag.with_note(format!(
                    "articles with each spelling: {} (of {} checked)",
                    articles.join(", "),
                    ctx.extractions.len()
                ))
                .with_note("the fact base has no entity with this name")
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

/// Case and accents set aside, hyphens kept apart from spaces: "Jean-Marc"
/// and "Jean Marc" stay two spellings, "Élodie" and "ELODIE" are one.
fn fold_keep_hyphens(written: &str) -> String {
    written
        .split('-')
        .map(fold_keep_separators)
        .collect::<Vec<_>>()
        .join("-")
}
