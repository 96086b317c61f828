//! One run of the pipeline: fact base → articles → extraction → checks.
//! The CLI, the tests and (later) the language server all go through here.

use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::check::verdict::ClaimVerdict;
use crate::check::{self, CheckContext};
use crate::diagnostic::{Diagnostic, Severity};
use crate::error::Error;
use crate::extract::{Extraction, Extractor, Indexes};
use crate::lexicon::Lexicons;
use crate::rules::{self, FactBase, RulesLocation};
use crate::source::{FileKind, SourceMap, article, input, walk};
use crate::text::tokens::tokenize;

/// An input named on the command line.
#[derive(Clone, Debug)]
pub enum Input {
    Path(PathBuf),
    /// Bytes already read (standard input), with the name to show for it.
    Bytes {
        name: String,
        bytes: Vec<u8>,
    },
}

/// How to read the inputs of a run.
#[derive(Debug, Default)]
pub struct CheckOptions {
    /// Publication date for articles that carry none.
    pub date: Option<NaiveDate>,
    /// Language of articles that declare none (else it is detected).
    pub language: Option<String>,
    /// Which files found by walking folders are kept.
    pub filter: crate::config::PathFilter,
    /// Judge every claim for [`Report::verdicts`] (what `claimcheck report`
    /// draws); the diagnostics need no verdict per claim, so other runs
    /// leave it empty.
    pub verdicts: bool,
}

/// A fact base loaded and validated, ready to check articles.
#[derive(Debug)]
pub struct Engine {
    pub map: SourceMap,
    pub facts: FactBase,
    pub lexicons: Lexicons,
    /// Problems found in the fact base, errors and warnings.
    pub rule_diagnostics: Vec<Diagnostic>,
    /// Name and currency indexes, built once.
    pub indexes: Indexes,
}

/// What a run found.
#[derive(Debug)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub extractions: Vec<Extraction>,
    /// Each claim's verdict: by extraction, then in the order of its
    /// `claims`; empty unless [`CheckOptions::verdicts`] asked for them.
    pub verdicts: Vec<Vec<ClaimVerdict>>,
    /// Inputs that could not be read, with the reason (exit status 2).
    pub input_errors: Vec<(String, String)>,
    /// Folders in which no article was found.
    pub empty_dirs: Vec<PathBuf>,
}

impl Engine {
    pub fn load(location: &RulesLocation) -> Result<Engine, Error> {
        let mut map = SourceMap::default();
        let loaded = rules::load(location, &mut map)?;
        let mut rule_diagnostics = loaded.diagnostics;
        rule_diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let indexes = Indexes::new(&loaded.facts, &loaded.lexicons);
        Ok(Engine {
            map,
            facts: loaded.facts,
            lexicons: loaded.lexicons,
            rule_diagnostics,
            indexes,
        })
    }

    /// Whether the fact base has errors (then no article can be checked).
    pub fn rules_are_broken(&self) -> bool {
        self.rule_diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    pub fn check(&mut self, inputs: &[Input], options: &CheckOptions) -> Report {
        let found = Engine::discover(inputs, &options.filter);
        self.check_discovered(found, inputs, options)
    }

    /// The articles under the inputs' paths (the walk needs no fact base: it
    /// may run while one loads).
    pub fn discover(inputs: &[Input], filter: &crate::config::PathFilter) -> walk::Discovered {
        let paths: Vec<PathBuf> = inputs
            .iter()
            .filter_map(|i| match i {
                Input::Path(p) => Some(p.clone()),
                Input::Bytes { .. } => None,
            })
            .collect();
        walk::discover(&paths, &|p| filter.keeps(p))
    }

    /// [`check`](Self::check) with the articles already [discovered](Self::discover).
    pub fn check_discovered(
        &mut self,
        found: walk::Discovered,
        inputs: &[Input],
        options: &CheckOptions,
    ) -> Report {
        let mut input_errors = Vec::new();
        let mut files = Vec::new();
        for (path, reason) in found.errors {
            input_errors.push((path.display().to_string(), reason));
        }
        // Files are read in parallel, then added in the walk's order.
        let texts: Vec<_> = found
            .files
            .par_iter()
            .map(|path| input::read_file(path))
            .collect();
        for (path, text) in found.files.into_iter().zip(texts) {
            match text {
                Ok(text) => files.push(self.map.add_path(path, text, FileKind::Article)),
                Err(reason) => input_errors.push((path.display().to_string(), reason)),
            }
        }
        for i in inputs {
            if let Input::Bytes { name, bytes } = i {
                match input::decode(bytes.clone()) {
                    Ok(text) => files.push(self.map.add(name.clone(), text, FileKind::Article)),
                    Err(reason) => input_errors.push((name.clone(), reason)),
                }
            }
        }

        let (diagnostics, extractions, verdicts) = self.analyse(&self.map, &files, options);
        Report {
            diagnostics,
            extractions,
            verdicts,
            input_errors,
            empty_dirs: found.empty_dirs,
        }
    }

    /// Checks one text that is not on disk (an editor's buffer), leaving the
    /// engine as it was. Returns the file map the diagnostics point into.
    pub fn check_text(
        &self,
        name: &str,
        text: String,
        options: &CheckOptions,
    ) -> (SourceMap, Vec<Diagnostic>) {
        let mut map = self.map.clone();
        let file = map.add(name.to_string(), text, FileKind::Article);
        let (diagnostics, _, _) = self.analyse(&map, &[file], options);
        (map, diagnostics)
    }

    /// Extraction and checks over files already in `map`.
    fn analyse(
        &self,
        map: &SourceMap,
        files: &[crate::span::FileId],
        options: &CheckOptions,
    ) -> (Vec<Diagnostic>, Vec<Extraction>, Vec<Vec<ClaimVerdict>>) {
        // Articles are read independently: in parallel, results in input order.
        let read: Vec<(Vec<Diagnostic>, Extraction)> = files
            .par_iter()
            .map(|&file| self.extract(map, file, options))
            .collect();
        let mut diagnostics = Vec::new();
        let mut extractions = Vec::with_capacity(read.len());
        for (problems, extraction) in read {
            diagnostics.extend(problems);
            extractions.push(extraction);
        }
        let ctx = CheckContext::new(map, &self.facts, &self.indexes.names, &extractions);
        diagnostics.extend(check::run_all(&ctx));
        let verdicts = match options.verdicts {
            true => check::verdict::all(&ctx),
            false => Vec::new(),
        };
        drop(ctx);
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        (diagnostics, extractions, verdicts)
    }

    /// Reads one article of `map` (its front matter's problems) and extracts
    /// its claims: the first half of a check, for a caller that keeps
    /// extractions between checks (the language server's workspace index).
    pub fn extract(
        &self,
        map: &SourceMap,
        file: crate::span::FileId,
        options: &CheckOptions,
    ) -> (Vec<Diagnostic>, Extraction) {
        let extractor = Extractor::new(&self.facts, &self.lexicons, &self.indexes);
        let (draft, problems) = article::read_front(
            map,
            file,
            &self.lexicons,
            options.date,
            options.language.as_deref(),
        );
        // The body is tokenized once: the same tokens give the
        // language, the date and the claims.
        let text = &map.get(file).text;
        let mut folds = String::new();
        let tokens = tokenize(text, draft.body.clone(), &mut folds);
        let article = draft.complete(text, &tokens, &self.lexicons);
        (problems, extractor.extract(map, article, tokens))
    }

    /// Every check over extractions already made (from files of `map`): the
    /// second half of a check, cross-article findings included.
    pub fn run_checks(&self, map: &SourceMap, extractions: &[Extraction]) -> Vec<Diagnostic> {
        let ctx = CheckContext::new(map, &self.facts, &self.indexes.names, extractions);
        check::run_all(&ctx)
    }

    /// [`run_checks`](Self::run_checks)' findings on `extractions[focus]`
    /// alone, without judging the other articles on their own: an editor's
    /// open document among the workspace's articles.
    pub fn run_checks_on(
        &self,
        map: &SourceMap,
        extractions: &[Extraction],
        focus: usize,
    ) -> Vec<Diagnostic> {
        let ctx = CheckContext::new(map, &self.facts, &self.indexes.names, extractions);
        check::run_focused(&ctx, focus)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An article's findings among others are the same whether every
    /// article is judged or only it (with the others in view where a check
    /// compares articles): on the fixtures, which hold both kinds.
    #[test]
    fn focused_checks_find_what_the_whole_run_finds() {
        let engine = Engine::load(&RulesLocation::Embedded).unwrap();
        let found = Engine::discover(
            &[Input::Path(PathBuf::from("fixtures"))],
            &crate::config::PathFilter::default(),
        );
        let mut map = engine.map.clone();
        let files: Vec<_> = found
            .files
            .iter()
            .map(|p| {
                let text = input::read_file(p).unwrap();
                map.add_path(p.clone(), text, FileKind::Article)
            })
            .collect();
        let options = CheckOptions::default();
        let extractions: Vec<Extraction> = files
            .iter()
            .map(|&f| engine.extract(&map, f, &options).1)
            .collect();
        let all = engine.run_checks(&map, &extractions);
        assert!(all.len() > 50, "{} findings", all.len());
        let mut compared = 0;
        for (focus, ex) in extractions.iter().enumerate() {
            let file = ex.article.file;
            let key = |d: &Diagnostic| (d.sort_key(), d.message.clone());
            let mut whole: Vec<_> = all
                .iter()
                .filter(|d| d.primary.span.file == file)
                .map(key)
                .collect();
            let mut focused: Vec<_> = engine
                .run_checks_on(&map, &extractions, focus)
                .iter()
                .map(key)
                .collect();
            whole.sort();
            focused.sort();
            compared += whole.len();
            assert_eq!(focused, whole, "{}", map.get(file).name);
        }
        assert_eq!(compared, all.len());
    }

    /// An editor's check copies the map of files for the article it adds:
    /// the fact base's text must be shared, not copied (its size would
    /// otherwise be paid on every keystroke).
    #[test]
    fn checking_a_text_does_not_copy_the_fact_base() {
        let engine = Engine::load(&RulesLocation::Embedded).unwrap();
        let (map, _) = engine.check_text(
            "a.md",
            "An article of one sentence.".to_string(),
            &CheckOptions::default(),
        );
        assert!(!engine.facts.files.is_empty());
        for &file in &engine.facts.files {
            let original = engine.map.get(file).text.as_ptr();
            assert!(
                std::ptr::eq(map.get(file).text.as_ptr(), original),
                "{} was copied",
                engine.map.get(file).name
            );
        }
    }
}
