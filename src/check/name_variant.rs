//! `name-variant`: a mention that is a near miss of an entity's name or alias.

use super::{Check, CheckContext};
use crate::diagnostic::{Applicability, CheckInfo, Diagnostic, Edit, Fix, Label, Severity};
use crate::extract::Match;
use crate::extract::name_index::FormRole;
use crate::span::Span;
use crate::text::fold::surface;

pub struct NameVariant;

pub const INFO: CheckInfo = CheckInfo {
    code: "N001",
    name: "name-variant",
    severity: Severity::Warning,
    summary: "A name is spelt differently from the fact base's canonical name or aliases.",
    explanation: "\
Reports a mention that is a near miss of an entity's canonical name or of one of
its aliases: a missing or extra accent, a wrong, missing or extra letter, a
difference in case, spacing or hyphenation, two letters swapped. The fix replaces
the mention with the spelling from the fact base.

Names are compared after folding (Unicode normalisation, case, accents, spaces,
hyphens); near misses are found by edit distance scaled to the length of each word.
Never reported: exact names and declared aliases, phrases listed under `not:`, a
word in capitals (headline style), a name whose first letter is capitalised only
because it starts a sentence, a lower-case ordinary word that a one-word name
happens to share ('le acme', 'an apple'), and other people who share a surname
('Sophie Durand' is not a misspelt 'Dorothée Durand').

Shown as a note (which never fails a run) rather than a warning: a difference in
accents only where the article's lexicon says so (`name_style`: English copy drops
accents, French copy keeps them; a missing accent on a capital, 'Ecole', is not
reported by default), and a near miss that three or more of the articles checked
share (a spelling many outlets agree on is more likely a name of its own). A
spacing variant of a brand ('Open AI') stays a warning however common it is. When
several articles are checked, a note says in how many this spelling appears.

Why it matters: a misspelt name is the first thing a reader notices, and a fact
desk cannot match a misspelt name to what it knows.

Example:

    Acme AI a été fondée par Jean Martin, Paul Bernard et Dorothé Durand.
                                                                   ^^^^^^^^^^^^^^^^
    warning[N001]: `Dorothé Durand` looks like a misspelling of `Dorothée Durand`
      = help: replace with `Dorothée Durand`

To accept a spelling, add it to the entity's `aliases`; to stop a look-alike phrase
from ever matching, add it to the entity's `not` list.
",
};

/// From how many articles a spelling is shown as a note rather than a
/// warning: two may copy one wire, three rarely share a slip.
const SHARED_SPELLING: usize = 3;

/// How many of the articles checked write each near miss of a form.
struct SpellingCounts {
    /// (form, spelling as written) to the number of articles.
    articles: rustc_hash::FxHashMap<(usize, String), usize>,
    checked: usize,
}

impl SpellingCounts {
    fn new(ctx: &CheckContext) -> Self {
        let mut articles = rustc_hash::FxHashMap::default();
        for extraction in ctx.extractions {
            let text = &ctx.map.get(extraction.article.file).text;
            let mut seen = rustc_hash::FxHashSet::default();
            for m in &extraction.name_variants {
                let written = surface(&text[m.range.clone()]).into_owned();
                if seen.insert((m.form, written.clone())) {
                    *articles.entry((m.form, written)).or_default() += 1;
                }
            }
        }
        SpellingCounts {
            articles,
            checked: ctx.extractions.len(),
        }
    }

    /// In how many articles `written` stands for `form`, and of how many.
    fn count(&self, form: usize, written: &str) -> (usize, usize) {
        let n = self
            .articles
            .get(&(form, written.to_string()))
            .copied()
            .unwrap_or(0);
        (n, self.checked)
    }
}

impl Check for NameVariant {
    fn info(&self) -> &'static CheckInfo {
        &INFO
    }

    fn compares_articles(&self) -> bool {
        true
    }

    fn run(&self, ctx: &CheckContext, out: &mut Vec<Diagnostic>) {
        let archive = SpellingCounts::new(ctx);
        for extraction in ctx.extractions {
            let file = extraction.article.file;
            let text = &ctx.map.get(file).text;
            for mention in &extraction.name_variants {
                let form = &ctx.names.forms[mention.form];
                let entity = ctx.facts.entity(mention.entity);
                let written = surface(&text[mention.range.clone()]);
                let wanted = &form.written.text;
                let span = Span::new(file, mention.range.clone());
                let message = match &mention.matched {
                    Match::Variant(diff) => format!(
                        "`{written}` is written `{wanted}` in the fact base (differs in {})",
                        diff.describe()
                    ),
                    _ => format!("`{written}` looks like a misspelling of `{wanted}`"),
                };
                let mut diag = Diagnostic::new(
                    &INFO,
                    message,
                    Label::new(span.clone(), format!("did you mean `{wanted}`?")),
                )
                .with_secondary(Label::new(
                    form.written.span.clone(),
                    match form.role {
                        FormRole::Alias => {
                            format!("alias of `{}` ({})", entity.name.text, entity.id.text)
                        }
                        _ => format!(
                            "canonical name of `{}` ({})",
                            entity.id.text,
                            entity.kind.as_str()
                        ),
                    },
                ))
                .with_help(format!("replace with `{wanted}`"))
                .with_fix(Fix {
                    title: format!("Replace with `{wanted}`"),
                    applicability: Applicability::Safe,
                    edits: vec![Edit {
                        span,
                        replacement: wanted.clone(),
                    }],
                });
                if let Match::Misspelt { distance } = mention.matched {
                    diag = diag.with_note(format!(
                        "{distance} letter edit{} away from `{wanted}`; if this is another name, add it to the `not` list of `{}`",
                        if distance == 1 { "" } else { "s" },
                        entity.id.text
                    ));
                }
                if mention.note {
                    diag.severity = Severity::Note;
                    diag = diag.with_note(format!(
                        "house style of `{}` copy: a difference in accents only is a note (`name_style` in its lexicon)",
                        extraction.article.lang
                    ));
                }
                let (articles, checked) = archive.count(mention.form, &written);
                if checked > 1 {
                    diag = diag.with_note(format!(
                        "spelt this way in {articles} of {checked} articles checked"
                    ));
                }
                // Many articles agreeing on a spelling make it more likely a
                // name of its own than a slip; a brand's spacing is still the
                // fact base's to decide.
                let spacing = matches!(&mention.matched, Match::Variant(d) if d.separators);
                if articles >= SHARED_SPELLING && !spacing && diag.severity == Severity::Warning {
                    diag.severity = Severity::Note;
                    diag = diag.with_note(format!(
                        "a spelling shared by {articles} articles may be a name in its own right: add it to the `aliases` of `{}` if it is one of its names, to its `not` list if it names something else",
                        entity.id.text
                    ));
                }
                out.push(diag);
            }
        }
    }
}
