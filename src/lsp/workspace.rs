//! The workspace's articles, read and extracted once and kept current, so
//! that an open document is checked against all the others: the findings
//! that compare articles (`cross-source-conflict` and its kin) appear in the
//! editor as they do on the command line over the folder. An edit re-reads
//! only the edited article; the checks then run over every article's
//! extraction, through the engine's own pipeline.
//!
//! The first reading of a large workspace takes a while, so it happens on a
//! thread ([`Indexer`]) while the server goes on with only the open
//! documents; for a client that cannot watch files, the same thread then
//! looks for articles changed on disk.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, SystemTime};

use crate::config::PathFilter;
use crate::diagnostic::Diagnostic;
use crate::engine::{CheckOptions, Engine};
use crate::extract::Extraction;
use crate::source::{FileKind, SourceMap, input, walk};
use crate::span::FileId;

/// Every article the server knows: the workspace's on disk, with the open
/// documents' text in place of their file's.
pub struct Workspace {
    engine: Arc<Engine>,
    options: CheckOptions,
    root: PathBuf,
    /// The fact base's files, then the articles (a changed article's text
    /// replaces its old one under the same id).
    map: SourceMap,
    extractions: Vec<Extraction>,
    /// Each extraction's front-matter problems, in the same order.
    problems: Vec<Vec<Diagnostic>>,
    /// Where each article's extraction is, by path (or URI, for a document
    /// that is not a file).
    slots: HashMap<PathBuf, usize>,
    /// The articles the walk found: on closing one, its disk text comes back.
    walked: HashSet<PathBuf>,
    /// Changes with every change, so that a check's result can be reused
    /// until the next; never the same in two workspaces (one replaces
    /// another when the fact base is reloaded or the workspace is read).
    revision: u64,
}

/// Where revisions come from.
static REVISIONS: AtomicU64 = AtomicU64::new(1);

fn next_revision() -> u64 {
    REVISIONS.fetch_add(1, Ordering::Relaxed)
}

impl Workspace {
    /// A workspace with no article yet.
    pub fn new(engine: Arc<Engine>, root: &Path, options: CheckOptions) -> Workspace {
        Workspace {
            map: engine.map.clone(),
            engine,
            options,
            root: root.to_path_buf(),
            extractions: Vec::new(),
            problems: Vec::new(),
            slots: HashMap::new(),
            walked: HashSet::new(),
            revision: next_revision(),
        }
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    pub fn map(&self) -> &SourceMap {
        &self.map
    }

    /// Whether the walk found `key` (it is on disk, in the workspace).
    pub fn walked(&self, key: &Path) -> bool {
        self.walked.contains(key)
    }

    /// The name findings show for an article: its path from the workspace
    /// root when it is inside, else as given.
    fn name_of(&self, key: &Path) -> String {
        key.strip_prefix(&self.root)
            .unwrap_or(key)
            .display()
            .to_string()
    }

    /// Puts `text` as the article `key` (read from `path` when it is a file)
    /// and extracts it; returns its file id.
    pub fn set(&mut self, key: &Path, path: Option<PathBuf>, text: String) -> FileId {
        self.revision = next_revision();
        let name = self.name_of(key);
        let file = match self.slots.get(key) {
            Some(&slot) => {
                let file = self.extractions[slot].article.file;
                self.map.replace(file, name, path, text);
                file
            }
            None => self.map.add_named(name, path, text, FileKind::Article),
        };
        let (problems, extraction) = self.engine.extract(&self.map, file, &self.options);
        match self.slots.get(key) {
            Some(&slot) => {
                self.extractions[slot] = extraction;
                self.problems[slot] = problems;
            }
            None => {
                self.slots.insert(key.to_path_buf(), self.extractions.len());
                self.extractions.push(extraction);
                self.problems.push(problems);
            }
        }
        file
    }

    /// Reads the article `path` from disk into the workspace; a file that
    /// cannot be read is left out (the command line reports it; here it
    /// would only hide the others).
    pub fn load(&mut self, path: &Path) -> bool {
        match input::read_file(path) {
            Ok(text) => {
                self.set(path, Some(path.to_path_buf()), text);
                self.walked.insert(path.to_path_buf());
                true
            }
            Err(_) => {
                self.remove(path);
                false
            }
        }
    }

    /// Forgets the article `key`.
    pub fn remove(&mut self, key: &Path) {
        self.walked.remove(key);
        let Some(slot) = self.slots.remove(key) else {
            return;
        };
        self.revision = next_revision();
        let file = self.extractions[slot].article.file;
        // The id stays (nothing points at it any more); its text goes.
        self.map
            .replace(file, self.name_of(key), None, String::new());
        let last = self.extractions.len() - 1;
        self.extractions.swap_remove(slot);
        self.problems.swap_remove(slot);
        // The last article took the removed one's place.
        if slot != last
            && let Some(s) = self.slots.values_mut().find(|s| **s == last)
        {
            *s = slot;
        }
    }

    /// The findings on the article `key` with every other article in view:
    /// its file id and its diagnostics, `None` for an article not here.
    pub fn check(&self, key: &Path) -> Option<(FileId, Vec<Diagnostic>)> {
        let slot = *self.slots.get(key)?;
        let file = self.extractions[slot].article.file;
        let mut diagnostics = self.problems[slot].clone();
        diagnostics.extend(
            self.engine
                .run_checks_on(&self.map, &self.extractions, slot),
        );
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        Some((file, diagnostics))
    }
}

/// What a file looked like on disk: size and modification time.
type Stamp = (u64, Option<SystemTime>);

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

/// What the indexing thread tells the server.
pub enum Update {
    /// Every article of the workspace, read (how many, in how long, how
    /// many more were left out): replaces the server's workspace.
    Indexed(Box<Workspace>, usize, Duration, usize),
    /// Articles created or changed on disk since.
    Changed(Vec<PathBuf>),
    /// Articles gone from disk (or no longer kept by the walk).
    Removed(Vec<PathBuf>),
}

/// How often the thread walks the workspace for changes, when it polls (at
/// least; a walk that takes long is repeated less often, so that polling
/// never takes more than a tenth of a core).
pub const POLL: Duration = Duration::from_secs(1);

/// The most articles read: an editor started in a home folder would
/// otherwise read every text file in it. The first ones, in path order, are
/// compared; the server says so.
pub const MAX_ARTICLES: usize = 20_000;

/// The indexing thread; dropping it stops the thread.
pub struct Indexer {
    updates: Receiver<Update>,
    stop: Arc<AtomicBool>,
}

impl Indexer {
    /// Reads every article under `root` that the walk keeps (hidden and
    /// git-ignored files skipped, the configuration's include and exclude
    /// globs applied, as on the command line); then, when `poll`, looks for
    /// changes every [`POLL`].
    pub fn spawn(
        engine: Arc<Engine>,
        root: PathBuf,
        filter: PathFilter,
        options: CheckOptions,
        poll: bool,
    ) -> Indexer {
        let (sender, updates) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        std::thread::Builder::new()
            .name("claimcheck-index".to_string())
            .spawn(move || index(engine, root, filter, options, poll, &sender, &stopped))
            .expect("a thread can be started");
        Indexer { updates, stop }
    }

    /// An update already sent, without waiting.
    pub fn try_recv(&self) -> Option<Update> {
        self.updates.try_recv().ok()
    }
}

impl Drop for Indexer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The articles the walk keeps under `root` (at most [`MAX_ARTICLES`]),
/// with their stamps, and how many more there were.
fn walk(root: &Path, filter: &PathFilter) -> (HashMap<PathBuf, Stamp>, usize) {
    let mut files = walk::discover(&[root.to_path_buf()], &|p| filter.keeps(p)).files;
    files.sort();
    let left_out = files.len().saturating_sub(MAX_ARTICLES);
    files.truncate(MAX_ARTICLES);
    let stamped = files
        .into_iter()
        .filter_map(|p| Some((p.clone(), stamp(&p)?)))
        .collect();
    (stamped, left_out)
}

fn index(
    engine: Arc<Engine>,
    root: PathBuf,
    filter: PathFilter,
    options: CheckOptions,
    poll: bool,
    sender: &Sender<Update>,
    stop: &AtomicBool,
) {
    let started = std::time::Instant::now();
    let (mut known, left_out) = walk(&root, &filter);
    let mut workspace = Workspace::new(engine, &root, options);
    let mut paths: Vec<&PathBuf> = known.keys().collect();
    paths.sort();
    let mut read = 0;
    for path in paths {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        read += usize::from(workspace.load(path));
    }
    let update = Update::Indexed(Box::new(workspace), read, started.elapsed(), left_out);
    if sender.send(update).is_err() || !poll {
        return;
    }
    let mut pause = POLL;
    loop {
        let until = std::time::Instant::now() + pause;
        while std::time::Instant::now() < until {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let walked = std::time::Instant::now();
        let (now, _) = walk(&root, &filter);
        pause = POLL.max(walked.elapsed() * 10);
        let changed: Vec<PathBuf> = now
            .iter()
            .filter(|(p, s)| known.get(*p) != Some(s))
            .map(|(p, _)| p.clone())
            .collect();
        let removed: Vec<PathBuf> = known
            .keys()
            .filter(|p| !now.contains_key(*p))
            .cloned()
            .collect();
        known = now;
        if (!changed.is_empty() && sender.send(Update::Changed(changed)).is_err())
            || (!removed.is_empty() && sender.send(Update::Removed(removed)).is_err())
        {
            return;
        }
    }
}

/// Whether a file that changed on disk is one the walk would keep: an
/// article (by extension) inside the workspace, in no hidden folder, kept
/// by the configuration's globs.
pub fn is_workspace_article(root: &Path, filter: &PathFilter, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else {
        return false;
    };
    let hidden = relative
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    let article = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| walk::ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
    article && !hidden && filter.keeps(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removing_an_article_keeps_the_others_where_they_are() {
        let engine = Arc::new(Engine::load(&crate::rules::RulesLocation::Embedded).unwrap());
        let root = Path::new("/news");
        let mut workspace = Workspace::new(engine, root, CheckOptions::default());
        for name in ["a.md", "b.md", "c.md"] {
            workspace.set(
                &root.join(name),
                None,
                format!("An article named {name}.\n"),
            );
        }
        let before = workspace.revision();
        workspace.remove(&root.join("a.md"));
        assert_ne!(workspace.revision(), before);
        assert!(workspace.check(&root.join("a.md")).is_none());
        for name in ["b.md", "c.md"] {
            let (file, _) = workspace.check(&root.join(name)).unwrap();
            let f = workspace.map().get(file);
            // Named from the workspace root, with its own text.
            assert_eq!(f.name, name);
            assert!(f.text.contains(name));
        }
        // A new text replaces the old one under the same file.
        let (file, _) = workspace.check(&root.join("c.md")).unwrap();
        workspace.set(&root.join("c.md"), None, "Edited.\n".to_string());
        assert_eq!(workspace.check(&root.join("c.md")).unwrap().0, file);
        assert_eq!(workspace.map().get(file).text, "Edited.\n");
    }

    #[test]
    fn only_articles_inside_the_workspace_and_kept_by_the_configuration_count() {
        let filter = PathFilter::default();
        let root = Path::new("/news");
        assert!(is_workspace_article(
            root,
            &filter,
            Path::new("/news/2024/a.md")
        ));
        assert!(is_workspace_article(
            root,
            &filter,
            Path::new("/news/a.TXT")
        ));
        assert!(!is_workspace_article(
            root,
            &filter,
            Path::new("/news/rules/x.yaml")
        ));
        assert!(!is_workspace_article(
            root,
            &filter,
            Path::new("/news/.git/a.md")
        ));
        assert!(!is_workspace_article(
            root,
            &filter,
            Path::new("/elsewhere/a.md")
        ));
    }
}
