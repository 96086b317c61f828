//! Reading a fact base and its lexicons from a folder or from the embedded copy.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Location, Spanned};

use super::consistency;
use super::model::{AttrIdx, Entity, EntityKind, FactBase, Written};
use super::schema::{EntityDef, RulesFileDef};
use super::validate::{self, did_you_mean, is_kebab_case};
use crate::diagnostic::{Diagnostic, Label};
use crate::embedded;
use crate::error::Error;
use crate::lexicon::{Lexicon, LexiconFile, Lexicons};
use crate::source::input;
use crate::source::map::{FileKind, SourceMap};
use crate::span::{FileId, Span};
use crate::text::fold::fold;
use crate::yaml::{plain_message, span_of};

/// Where the fact base comes from.
#[derive(Clone, Debug)]
pub enum RulesLocation {
    /// The copy of the repository's `rules/` built into the binary.
    Embedded,
    Dir(PathBuf),
    /// Files given in memory: (path inside the fact base, contents). For tests,
    /// fuzzing and editors holding unsaved rule files.
    Memory(Vec<(String, String)>),
}

impl RulesLocation {
    /// `./rules` when it exists, else the embedded fact base.
    pub fn default_for_cwd() -> RulesLocation {
        let local = PathBuf::from("rules");
        if local.is_dir() {
            RulesLocation::Dir(local)
        } else {
            RulesLocation::Embedded
        }
    }

    pub fn describe(&self) -> String {
        match self {
            RulesLocation::Embedded => "the built-in fact base".to_string(),
            RulesLocation::Dir(dir) => format!("'{}'", dir.display()),
            RulesLocation::Memory(_) => "the fact base in memory".to_string(),
        }
    }
}

/// A loaded fact base. `diagnostics` holds every problem found in it; the fact
/// base is usable only when none of them is an error.
#[derive(Debug)]
pub struct LoadedRules {
    pub facts: FactBase,
    pub lexicons: Lexicons,
    pub diagnostics: Vec<Diagnostic>,
}

/// The lexicon folder inside a fact base.
const LEXICON_DIR: &str = "lexicon";

/// The most YAML nodes (mappings, lists and scalars) one fact-base file may
/// hold: about 360,000 facts or 570,000 entities. serde-saphyr's default,
/// 250,000, refused a 50 MB file; a bound is kept because everything parsed is
/// held in memory (about 100 bytes a node) while the fact base is built.
pub const MAX_NODES_PER_FILE: usize = 4_000_000;
/// The largest fact-base file read, in bytes: a bigger one is refused before
/// it is read. It is also serde-saphyr's bound on a file's scalar text.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The prefix under which embedded files are shown.
const EMBEDDED_PREFIX: &str = "builtin:rules/";

pub fn load(location: &RulesLocation, map: &mut SourceMap) -> Result<LoadedRules, Error> {
    let mut loader = Loader {
        map,
        diagnostics: Vec::new(),
        max_nodes: MAX_NODES_PER_FILE,
        currencies: None,
    };
    let embedded: Vec<(String, String, bool)> = embedded::FILES
        .iter()
        .map(|(path, text)| {
            let is_lexicon = path.starts_with(&format!("{LEXICON_DIR}/"));
            (
                format!("{EMBEDDED_PREFIX}{path}"),
                text.to_string(),
                is_lexicon,
            )
        })
        .collect();
    let files = match location {
        RulesLocation::Embedded => embedded.clone(),
        RulesLocation::Dir(dir) => read_dir_files(dir)?,
        RulesLocation::Memory(files) => files
            .iter()
            .map(|(path, text)| {
                (
                    path.clone(),
                    text.clone(),
                    path.starts_with(&format!("{LEXICON_DIR}/")),
                )
            })
            .collect(),
    };
    let mut lexicons = Lexicons::default();
    // Shipped lexicons first, so that a fact base may replace them.
    for (name, text, _) in embedded.iter().filter(|f| f.2) {
        if !matches!(location, RulesLocation::Embedded) {
            loader.load_lexicon(name, text, &mut lexicons);
        }
    }
    let mut defs = Vec::new();
    let mut facts = FactBase::default();
    for (name, text, is_lexicon) in files {
        if is_lexicon {
            loader.load_lexicon(&name, &text, &mut lexicons);
        } else {
            let file = loader.map.add(name, text, FileKind::Rules);
            facts.files.push(file);
            if let Some(def) = loader.parse::<RulesFileDef>(file) {
                defs.push((file, def));
            }
        }
    }
    // A file that cannot be read would make every reference into it look
    // unknown: report the syntax errors alone until they are fixed.
    if !loader
        .diagnostics
        .iter()
        .any(|d| d.code == validate::RULES_SYNTAX.code)
    {
        loader.build(&mut facts, defs, &lexicons);
    }
    facts.index_topics();
    Ok(LoadedRules {
        facts,
        lexicons,
        diagnostics: loader.diagnostics,
    })
}

/// Every `.yaml`/`.yml` file under `dir`, sorted, with whether it is a lexicon.
fn read_dir_files(dir: &Path) -> Result<Vec<(String, String, bool)>, Error> {
    let fail = |reason: String| Error::RulesDir {
        path: dir.to_path_buf(),
        reason,
    };
    if !dir.is_dir() {
        return Err(fail("not a folder".to_string()));
    }
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let entries = fs::read_dir(&folder).map_err(|e| fail(e.to_string()))?;
        for entry in entries {
            let path = entry.map_err(|e| fail(e.to_string()))?.path();
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml")
            ) {
                paths.push(path);
            }
        }
    }
    paths.sort();
    let lexicon_dir = dir.join(LEXICON_DIR);
    paths
        .into_iter()
        .map(|path| {
            let fail = |reason: String| Error::Input {
                path: path.clone(),
                reason,
            };
            let size = fs::metadata(&path).map_err(|e| fail(e.to_string()))?.len();
            if size > MAX_FILE_BYTES {
                return Err(fail(format!(
                    "too large: {:.1} MiB (a fact-base file may have up to {} MiB; split it into several files)",
                    size as f64 / 1024.0 / 1024.0,
                    MAX_FILE_BYTES / 1024 / 1024
                )));
            }
            let text = input::read_regular_file(&path).map_err(fail)?;
            let is_lexicon = path.parent() == Some(lexicon_dir.as_path());
            Ok((path.display().to_string(), text, is_lexicon))
        })
        .collect()
}

/// serde-saphyr's options with the node budget set to `max_nodes`.
fn parse_options(max_nodes: usize) -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    // Its defaults allow four events (a node's start, end, …) per node.
    let events_per_node = budget.max_events / budget.max_nodes;
    budget.max_nodes = max_nodes;
    budget.max_events = max_nodes * events_per_node;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    // No value keeps a comment: not emitting them as events saves about a
    // third of the parse of a commented file (the lexicons are). They are
    // still read and checked as YAML, and bounded by the file's size.
    options.emit_comments = false;
    options
}

fn too_many_nodes_message(max_nodes: usize) -> String {
    let n = thousands(max_nodes);
    format!(
        "too large: more than {n} YAML nodes in one file (a fact base may hold up to {n} nodes per file; split it into several files)"
    )
}

/// 4000000 as "4,000,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub(super) struct Loader<'m> {
    pub(super) map: &'m mut SourceMap,
    diagnostics: Vec<Diagnostic>,
    /// [`MAX_NODES_PER_FILE`], smaller in tests.
    max_nodes: usize,
    /// Every language's currency phrases, for reading the facts' amounts.
    pub(super) currencies: Option<crate::lexicon::currency_index::CurrencyIndex>,
}

impl Loader<'_> {
    pub(super) fn span(&self, file: FileId, loc: &Location) -> Span {
        span_of(loc, file, &self.map.get(file).text, 0)
    }

    pub(super) fn written(&self, file: FileId, value: &Spanned<String>) -> Written {
        Written {
            text: value.value.clone(),
            span: self.span(file, &value.referenced),
        }
    }

    fn parse<T: for<'de> serde::Deserialize<'de>>(&mut self, file: FileId) -> Option<T> {
        let text = &self.map.get(file).text;
        match serde_saphyr::from_str_with_options::<T>(text, parse_options(self.max_nodes)) {
            Ok(value) => Some(value),
            Err(err) => {
                let too_many_nodes = matches!(
                    err.without_snippet(),
                    serde_saphyr::Error::Budget {
                        breach: BudgetBreach::Nodes { .. },
                        ..
                    }
                );
                let (span, message) = if too_many_nodes {
                    // The whole file is at fault, not the node where counting stopped.
                    (
                        Span::new(file, 0..0),
                        too_many_nodes_message(self.max_nodes),
                    )
                } else {
                    let span = match err.location() {
                        Some(loc) => self.span(file, &loc),
                        None => Span::new(file, 0..0),
                    };
                    (span, plain_message(&err))
                };
                self.diagnostics.push(Diagnostic::new(
                    &validate::RULES_SYNTAX,
                    message.clone(),
                    Label::new(span, message),
                ));
                None
            }
        }
    }

    fn load_lexicon(&mut self, name: &str, text: &str, lexicons: &mut Lexicons) {
        let file = self.map.add(name, text.to_string(), FileKind::Rules);
        let Some(def) = self.parse::<LexiconFile>(file) else {
            return;
        };
        match Lexicon::from_file(def) {
            Ok(lexicon) => lexicons.insert(lexicon),
            Err(reason) => self.diagnostics.push(Diagnostic::new(
                &validate::INVALID_VALUE,
                format!("invalid lexicon: {reason}"),
                Label::new(Span::new(file, 0..0), reason),
            )),
        }
    }

    pub(super) fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn error(
        &mut self,
        info: &'static crate::diagnostic::CheckInfo,
        message: String,
        label: Label,
    ) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic::new(info, message, label));
        self.diagnostics.last_mut().expect("just pushed")
    }

    /// Turns parsed files into entities, reporting what is invalid.
    fn build(
        &mut self,
        facts: &mut FactBase,
        defs: Vec<(FileId, RulesFileDef)>,
        lexicons: &Lexicons,
    ) {
        let mut pending_refs = Vec::new();
        for (file, def) in &defs {
            for spanned in &def.entities {
                if let Some(entity) = self.entity(*file, &spanned.value, facts) {
                    let idx = facts.add_entity(entity);
                    if let Some(of) = &spanned.value.of {
                        pending_refs.push((idx, self.written(*file, of)));
                    }
                }
            }
        }
        for (idx, reference) in pending_refs {
            match facts.entity_by_id(&reference.text) {
                Some(target) => {
                    facts.entities[idx].of = Some(target);
                    facts.entities[idx].of_span = Some(reference.span);
                }
                None => self.unknown_entity(facts, &reference),
            }
        }
        self.diagnostics.extend(consistency::of_cycles(facts));
        self.check_names(facts);
        for (file, def) in &defs {
            for a in &def.attributes {
                if let Some(attribute) = self.attribute(*file, &a.value, facts, lexicons) {
                    facts.attributes.push(attribute);
                }
            }
        }
        // `sums` and `describes` may name an attribute defined later: resolve
        // once all are loaded.
        for (file, def) in &defs {
            for a in &def.attributes {
                let me = facts.attribute_by_id(&a.value.id.value);
                if let Some(sums) = &a.value.sums {
                    let target = self.event_attribute(*file, sums, facts, "sums");
                    if let (Some(me), Some(t)) = (me, target) {
                        facts.attributes[me].sums = Some(t);
                    }
                }
                if let Some(describes) = &a.value.describes {
                    let target = self.event_attribute(*file, describes, facts, "describes");
                    if let (Some(me), Some(t)) = (me, target) {
                        facts.attributes[me].describes = Some(t);
                    }
                }
            }
        }
        for (file, def) in &defs {
            for f in &def.facts {
                let attribute = facts.attribute_by_id(&f.value.attribute.value);
                match attribute
                    .filter(|a| facts.attributes[*a].value != super::model::ValueType::Money)
                {
                    Some(a) => {
                        if let Some(fact) =
                            self.entity_or_date_fact(*file, &f.value, facts, a, lexicons)
                        {
                            facts.facts.push(fact);
                        }
                    }
                    None => {
                        if let Some(fact) = self.money_fact(*file, &f.value, facts, lexicons) {
                            facts.facts.push(fact);
                        }
                    }
                }
            }
            for (pair, months) in &def.fx {
                self.fx(*file, pair, months, facts);
            }
        }
        self.diagnostics.extend(consistency::contradictions(facts));
    }

    pub(super) fn unknown_entity(&mut self, facts: &FactBase, reference: &Written) {
        let ids = facts.entities.iter().map(|e| e.id.text.as_str());
        let suggestion = did_you_mean(&reference.text, ids);
        let diag = self.error(
            &validate::UNKNOWN_ENTITY,
            format!("unknown entity `{}`", reference.text),
            Label::new(reference.span.clone(), "no entity has this id"),
        );
        if let Some(s) = suggestion {
            diag.help = Some(format!("did you mean `{s}`?"));
            if let Some(target) = facts.entity_by_id(s) {
                diag.secondary.push(Label::new(
                    facts.entity(target).id.span.clone(),
                    format!("`{s}` is defined here"),
                ));
            }
        }
    }

    fn entity(&mut self, file: FileId, def: &EntityDef, facts: &FactBase) -> Option<Entity> {
        let id = self.written(file, &def.id);
        let mut ok = true;
        if !is_kebab_case(&id.text) {
            self.error(
                &validate::INVALID_VALUE,
                format!("entity id `{}` is not kebab-case", id.text),
                Label::new(
                    id.span.clone(),
                    "use lower-case letters, digits and single hyphens",
                ),
            );
            ok = false;
        }
        if let Some(first) = facts.entity_by_id(&id.text) {
            self.error(
                &validate::DUPLICATE_ID,
                format!("duplicate entity id `{}`", id.text),
                Label::new(id.span.clone(), "this id is already used"),
            )
            .secondary
            .push(Label::new(
                facts.entity(first).id.span.clone(),
                "first defined here",
            ));
            ok = false;
        }
        let kind_text = self.written(file, &def.kind);
        let kind = EntityKind::parse(&kind_text.text);
        if kind.is_none() {
            let names = EntityKind::ALL.iter().map(|(n, _)| *n);
            let suggestion = did_you_mean(&kind_text.text, names);
            let diag = self.error(
                &validate::INVALID_VALUE,
                format!("unknown entity kind `{}`", kind_text.text),
                Label::new(kind_text.span.clone(), "not a known kind"),
            );
            diag.notes.push(format!(
                "known kinds: {}",
                EntityKind::ALL.map(|(n, _)| n).join(", ")
            ));
            if let Some(s) = suggestion {
                diag.help = Some(format!("did you mean `{s}`?"));
            }
            ok = false;
        }
        let name = self.written(file, &def.name);
        let aliases: Vec<Written> = def.aliases.iter().map(|a| self.written(file, a)).collect();
        let not: Vec<Written> = def.not.iter().map(|a| self.written(file, a)).collect();
        for w in std::iter::once(&name).chain(&aliases).chain(&not) {
            if fold(&w.text).is_empty() {
                self.error(
                    &validate::INVALID_VALUE,
                    "empty name".to_string(),
                    Label::new(w.span.clone(), "a name needs at least one letter or digit"),
                );
                ok = false;
            }
        }
        let country = def.country.as_ref().map(|c| {
            let w = self.written(file, c);
            if !(w.text.len() == 2 && w.text.chars().all(|ch| ch.is_ascii_lowercase())) {
                self.error(
                    &validate::INVALID_VALUE,
                    format!("`{}` is not a country code", w.text),
                    Label::new(
                        w.span.clone(),
                        "use a lower-case ISO 3166 code such as `fr`",
                    ),
                );
            }
            w.text
        });
        Some(Entity {
            id,
            kind: kind?,
            name,
            aliases,
            not,
            of: None,
            of_span: None,
            country,
        })
        .filter(|_| ok)
    }

    /// The event attribute a key (`sums`, `describes`) names, or a diagnostic.
    fn event_attribute(
        &mut self,
        file: FileId,
        name: &Spanned<String>,
        facts: &FactBase,
        key: &str,
    ) -> Option<AttrIdx> {
        let target = self.written(file, name);
        match facts.attribute_by_id(&target.text) {
            Some(t) if facts.attributes[t].kind == super::model::AttrKind::Event => Some(t),
            Some(_) => {
                self.push(Diagnostic::new(
                    &validate::INVALID_VALUE,
                    format!("`{}` is not an event attribute", target.text),
                    Label::new(
                        target.span.clone(),
                        format!("{key} needs an attribute of kind `event`"),
                    ),
                ));
                None
            }
            None => {
                self.unknown_attribute(&target, facts);
                None
            }
        }
    }

    /// An attribute id no attribute has, with the nearest one as a suggestion.
    pub(super) fn unknown_attribute(&mut self, written: &Written, facts: &FactBase) {
        let suggestion = did_you_mean(
            &written.text,
            facts.attributes.iter().map(|x| x.id.text.as_str()),
        );
        let mut d = Diagnostic::new(
            &validate::UNKNOWN_ATTRIBUTE,
            format!("unknown attribute `{}`", written.text),
            Label::new(written.span.clone(), "no attribute has this id"),
        );
        if let Some(s) = suggestion {
            d = d.with_help(format!("did you mean `{s}`?"));
        }
        self.push(d);
    }

    /// Reports a name or alias claimed by two entities.
    fn check_names(&mut self, facts: &FactBase) {
        let mut owners: HashMap<String, (usize, &Written)> = HashMap::new();
        for (idx, entity) in facts.entities.iter().enumerate() {
            for written in std::iter::once(&entity.name).chain(&entity.aliases) {
                let key = fold(&written.text);
                match owners.get(&key) {
                    Some((owner, first)) if *owner != idx => {
                        let owner_id = &facts.entity(*owner).id.text;
                        self.error(
                            &validate::ALIAS_CONFLICT,
                            format!(
                                "`{}` is claimed by `{}` and `{}`",
                                written.text, owner_id, entity.id.text
                            ),
                            Label::new(
                                written.span.clone(),
                                format!("claimed here by `{}`", entity.id.text),
                            ),
                        )
                        .secondary
                        .push(Label::new(
                            first.span.clone(),
                            format!("already claimed by `{owner_id}`"),
                        ));
                    }
                    Some(_) => {}
                    None => {
                        owners.insert(key, (idx, written));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A loader whose node budget is `max_nodes`.
    fn loader(map: &mut SourceMap, max_nodes: usize) -> Loader<'_> {
        Loader {
            map,
            diagnostics: Vec::new(),
            max_nodes,
            currencies: None,
        }
    }

    /// A file over the node budget is reported as too large, at its start,
    /// with the limit in words (the real limit takes millions of nodes, too
    /// slow to parse in a debug build: the budget is lowered here).
    #[test]
    fn too_many_nodes_is_a_clear_error() {
        let mut map = SourceMap::default();
        let mut loader = loader(&mut map, 20);
        let entities: String = (0..5)
            .map(|i| format!("  - id: e{i}\n    kind: org\n    name: E{i}\n"))
            .collect();
        let file = loader.map.add(
            "rules/entities.yaml",
            format!("entities:\n{entities}"),
            FileKind::Rules,
        );
        assert!(loader.parse::<RulesFileDef>(file).is_none());
        let [diagnostic] = loader.diagnostics.as_slice() else {
            panic!("one diagnostic expected: {:?}", loader.diagnostics);
        };
        assert_eq!(diagnostic.code, "R001");
        assert_eq!(
            diagnostic.message,
            "too large: more than 20 YAML nodes in one file (a fact base may hold up to 20 nodes per file; split it into several files)"
        );
        assert_eq!(diagnostic.primary.span, Span::new(file, 0..0));
    }

    /// Comments are read past, not kept: however many there are, they
    /// count against no budget (a well-commented file is not refused).
    #[test]
    fn comments_count_against_no_budget() {
        let mut map = SourceMap::default();
        let mut loader = loader(&mut map, 20);
        let comments = "# why this entity is here\n".repeat(200);
        let file = loader.map.add(
            "rules/entities.yaml",
            format!("{comments}entities:\n{comments}  - id: e1 # the first\n    kind: org\n    name: E1\n"),
            FileKind::Rules,
        );
        let parsed = loader.parse::<RulesFileDef>(file);
        assert!(loader.diagnostics.is_empty(), "{:?}", loader.diagnostics);
        assert_eq!(parsed.expect("parsed").entities.len(), 1);
    }
}
