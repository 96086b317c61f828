//! `claimcheck lsp`: a language server over stdio. It checks each open
//! document with the same pipeline as the command line, against the other
//! articles of the workspace (indexed in the background), publishes the
//! diagnostics on open, change and save, offers the fixes and an "allow here"
//! suppression as code actions, and reloads the fact base when a rule file
//! changes.

pub mod convert;
pub mod position;
pub mod transport;
mod watch;
mod workspace;

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ls_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, DidChangeTextDocumentParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, FileSystemWatcher, GlobPattern, Hover,
    HoverContents, HoverParams, HoverProviderCapability, InitializeParams, InitializeResult,
    MarkupContent, MarkupKind, PositionEncodingKind, PublishDiagnosticsParams, Registration,
    RegistrationParams, SaveOptions, ServerCapabilities, ServerInfo, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextEdit, Uri, WorkspaceEdit,
};
use ls_types::{DidChangeWatchedFilesParams, FileChangeType};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use serde::Serialize;

use self::position::{Encoding, to_byte};
use self::workspace::{Indexer, Update, Workspace};
use crate::config::{self, Config};
use crate::diagnostic::{Applicability, Diagnostic};
use crate::engine::{CheckOptions, Engine};
use crate::source::SourceMap;
use crate::source::uri;
use crate::span::FileId;

/// How a session ended. The LSP asks for exit status 0 only when `shutdown`
/// came before `exit` (or before the client closed the stream), else 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    AfterShutdown,
    WithoutShutdown,
}

impl Ending {
    pub fn exit_status(self) -> u8 {
        match self {
            Ending::AfterShutdown => 0,
            Ending::WithoutShutdown => 1,
        }
    }
}

/// Runs the server on standard input and output until the client exits.
pub fn run_stdio() -> Result<Ending, String> {
    let input = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
    serve_on(Link::Stream(transport::Stream::spawn(
        input,
        std::io::stdout(),
    )))
}

/// Serves one client on an in-memory `connection` (tests, embedding);
/// an `exit` without `shutdown` first is an error, as it is a failure exit over stdio.
pub fn serve(connection: Connection) -> Result<(), String> {
    match serve_on(Link::Memory(connection))? {
        Ending::AfterShutdown => Ok(()),
        Ending::WithoutShutdown => Err("the client left without `shutdown`".to_string()),
    }
}

/// Where messages come from and go to.
enum Link {
    Memory(Connection),
    Stream(transport::Stream),
}

impl Link {
    /// The next message; `None` once the client has gone.
    fn recv(&self) -> Option<Message> {
        match self {
            Link::Memory(c) => c.receiver.recv().ok(),
            Link::Stream(s) => s.recv(),
        }
    }

    /// The next message within `wait`: `Err(true)` when none came in time,
    /// `Err(false)` once the client has gone.
    fn recv_timeout(&self, wait: std::time::Duration) -> Result<Message, bool> {
        match self {
            Link::Memory(c) => c.receiver.recv_timeout(wait).map_err(|e| e.is_timeout()),
            Link::Stream(s) => s.recv_timeout(wait),
        }
    }

    /// A message already waiting, without blocking.
    fn try_recv(&self) -> Option<Message> {
        match self {
            Link::Memory(c) => c.receiver.try_recv().ok(),
            Link::Stream(s) => s.try_recv(),
        }
    }

    fn send(&self, message: Message) {
        match self {
            Link::Memory(c) => {
                let _ = c.sender.send(message);
            }
            Link::Stream(s) => s.send(&message),
        }
    }

    /// Why the input broke off, if it did (rather than ending).
    fn failure(&self) -> Option<String> {
        match self {
            Link::Memory(_) => None,
            Link::Stream(s) => s.failure(),
        }
    }

    fn reply_error(&self, id: RequestId, code: ErrorCode, message: String) {
        self.send(Message::Response(Response::new_err(
            id,
            code as i32,
            message,
        )));
    }
}

/// How many waiting messages the server looks at to find a newer change.
const LOOK_AHEAD: usize = 4;

/// How often the server looks for the indexing thread's news while it runs.
const TICK: Duration = Duration::from_millis(100);

struct Document {
    version: i32,
    text: String,
    /// Whether the workspace holds this text (it is put there when the
    /// document is next checked, so that skipped versions cost nothing).
    synced: bool,
}

/// A document checked: the map its diagnostics point into, its file, the diagnostics.
struct Checked {
    map: SourceMap,
    file: FileId,
    diagnostics: Vec<Diagnostic>,
}

struct Server {
    link: Link,
    /// Messages taken off the link early (looking for a newer change), in order.
    pending: VecDeque<Message>,
    encoding: Encoding,
    root: PathBuf,
    config: Config,
    engine: Arc<Engine>,
    documents: HashMap<String, Document>,
    /// Every article known: the workspace's, with the open documents' text.
    workspace: Workspace,
    /// Whether the client named a workspace folder (else only the open
    /// documents are compared with each other).
    has_workspace: bool,
    /// Whether the client watches files for us (else the server looks itself).
    client_watches: bool,
    /// The indexing thread: reading the workspace, then (when the client
    /// cannot watch files) looking for articles changed on disk.
    indexer: Option<Indexer>,
    /// Whether the workspace is still being read; articles that changed on
    /// disk meanwhile are read again once it is.
    indexing: bool,
    changed_while_indexing: Vec<PathBuf>,
    /// The last check of each document, valid while the workspace's revision is the same.
    checked: HashMap<String, (u64, Rc<Checked>)>,
    /// What was last published for each document: a check that the
    /// workspace's news caused is published only when it differs.
    published: HashMap<String, (i32, Vec<ls_types::Diagnostic>)>,
    /// Why the fact base could not be loaded, shown on every document meanwhile.
    rules_error: Option<String>,
    /// The fact-base files whose errors were last published, so that a fix
    /// clears them.
    rule_uris: Vec<Uri>,
    /// When the client cannot watch files for us (Neovim on Linux), what the
    /// rules folder and claimcheck.toml looked like at the last load: looked
    /// at again whenever no message has come for a second.
    watched: Option<watch::Stamp>,
    /// When the rules were last looked at.
    looked: Instant,
}

/// Waits for `initialize` (answering other requests with an error), then serves until exit.
fn serve_on(link: Link) -> Result<Ending, String> {
    let (id, params) = loop {
        match link.recv() {
            None => return link.failure().map_or(Ok(Ending::WithoutShutdown), Err),
            Some(Message::Request(req)) if req.method == "initialize" => {
                match serde_json::from_value::<InitializeParams>(req.params) {
                    Ok(params) => break (req.id, params),
                    Err(e) => link.reply_error(req.id, ErrorCode::InvalidParams, e.to_string()),
                }
            }
            Some(Message::Request(req)) => link.reply_error(
                req.id,
                ErrorCode::ServerNotInitialized,
                format!("`{}` before `initialize`", req.method),
            ),
            Some(Message::Notification(n)) if n.method == "exit" => {
                return Ok(Ending::WithoutShutdown);
            }
            Some(_) => {}
        }
    };
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.clone())
        .unwrap_or_default();
    let encoding = if offered.contains(&PositionEncodingKind::UTF8) {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    };
    #[allow(deprecated)]
    let named_root = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| f.uri.as_str().to_string())
        .or_else(|| params.root_uri.as_ref().map(|u| u.as_str().to_string()))
        .and_then(|u| uri::to_path(&u));
    let has_workspace = named_root.is_some();
    let root = named_root.unwrap_or_else(|| std::env::current_dir().unwrap_or_default());
    let result = InitializeResult {
        capabilities: ServerCapabilities {
            position_encoding: Some(match encoding {
                Encoding::Utf8 => PositionEncodingKind::UTF8,
                Encoding::Utf16 => PositionEncodingKind::UTF16,
            }),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::FULL),
                    save: Some(
                        SaveOptions {
                            include_text: Some(false),
                        }
                        .into(),
                    ),
                    ..Default::default()
                },
            )),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                ..Default::default()
            })),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            ..Default::default()
        },
        server_info: Some(ServerInfo {
            name: "claimcheck".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
        offset_encoding: None,
    };
    link.send(Message::Response(Response::new_ok(id, result)));
    // Only a client that offered dynamic registration of file watchers is
    // asked for one; for any other, the server looks at the files itself.
    let client_watches = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|d| d.dynamic_registration)
        .unwrap_or(false);
    let (config, engine, rules_error) = load(&root);
    let engine = Arc::new(engine);
    let mut server = Server {
        link,
        pending: VecDeque::new(),
        encoding,
        workspace: Workspace::new(Arc::clone(&engine), &root, options_of(&config)),
        root,
        config,
        engine,
        documents: HashMap::new(),
        has_workspace,
        client_watches,
        indexer: None,
        indexing: false,
        changed_while_indexing: Vec::new(),
        checked: HashMap::new(),
        published: HashMap::new(),
        rules_error,
        rule_uris: Vec::new(),
        watched: None,
        looked: Instant::now(),
    };
    server.start_indexing();
    if client_watches {
        server.watch_rules();
    } else {
        server.watched = Some(watch::Stamp::of(&server.watched_paths()));
    }
    server.publish_rule_diagnostics();
    let ending = server.run();
    match server.link.failure() {
        Some(failure) => Err(failure),
        None => Ok(ending),
    }
}

/// How articles are read under `config`.
fn options_of(config: &Config) -> CheckOptions {
    CheckOptions {
        date: config.default_date().unwrap_or(None),
        language: config.language.clone(),
        filter: Default::default(),
        verdicts: false,
    }
}

/// What the server calls the article of a document: its path, or its URI
/// when it is not a file.
fn key_of(uri: &str) -> PathBuf {
    uri::to_path(uri).unwrap_or_else(|| PathBuf::from(uri))
}

/// The project's configuration and fact base, found from the workspace root.
fn load(root: &Path) -> (Config, Engine, Option<String>) {
    let mut error = None;
    let config = match config::find(root) {
        Some(path) => config::load(&path).unwrap_or_else(|e| {
            error = Some(e);
            Config::default()
        }),
        None => Config::default(),
    };
    let location = config.rules_location(None, root);
    // A broken fact base is kept (its errors are shown on its files) and
    // nothing is checked until it is fixed: checking against the built-in
    // demo facts would report findings about the wrong world.
    let engine = match Engine::load(&location) {
        Ok(engine) => {
            if engine.rules_are_broken() {
                error = Some(format!(
                    "the fact base {} has errors (shown in its files); nothing is checked until they are fixed",
                    location.describe()
                ));
            }
            engine
        }
        Err(e) => {
            error = Some(format!("{e}; nothing is checked until it can be read"));
            Engine::load(&crate::rules::RulesLocation::Embedded)
                .expect("the built-in fact base loads")
        }
    };
    (config, engine, error)
}

impl Server {
    /// Serves until `exit` or the end of input. After `shutdown` only `exit`
    /// is accepted: requests get InvalidRequest, notifications are dropped.
    fn run(&mut self) -> Ending {
        let mut shut_down = false;
        while let Some(message) = self.next_message() {
            match message {
                Message::Request(req) if shut_down => self.link.reply_error(
                    req.id,
                    ErrorCode::InvalidRequest,
                    format!("`{}` after `shutdown`", req.method),
                ),
                Message::Request(req) if req.method == "shutdown" => {
                    shut_down = true;
                    self.send(Message::Response(Response::new_ok(req.id, ())));
                }
                Message::Request(req) => self.request(req),
                Message::Notification(n) if n.method == "exit" => break,
                Message::Notification(_) if shut_down => {}
                Message::Notification(n) => self.notification(n),
                Message::Response(_) => {}
            }
        }
        if shut_down {
            Ending::AfterShutdown
        } else {
            Ending::WithoutShutdown
        }
    }

    fn next_message(&mut self) -> Option<Message> {
        loop {
            self.take_updates();
            if let Some(message) = self.pending.pop_front() {
                return Some(message);
            }
            let wait = if self.indexer.is_some() {
                TICK
            } else if self.watched.is_some() {
                watch::INTERVAL
            } else {
                return self.link.recv();
            };
            match self.link.recv_timeout(wait) {
                Ok(message) => return Some(message),
                Err(false) => return None,
                Err(true) => {
                    if self.watched.is_some() && self.looked.elapsed() >= watch::INTERVAL {
                        self.looked = Instant::now();
                        let now = watch::Stamp::of(&self.watched_paths());
                        if self.watched.as_ref() != Some(&now) {
                            self.reload();
                        }
                    }
                }
            }
        }
    }

    /// Starts reading the workspace's articles on a thread (when the client
    /// named a workspace and the fact base can be used).
    fn start_indexing(&mut self) {
        self.indexer = None;
        self.indexing = false;
        if !self.has_workspace || self.rules_error.is_some() {
            return;
        }
        let Ok(filter) = self.config.filter() else {
            return;
        };
        self.indexing = true;
        self.indexer = Some(Indexer::spawn(
            Arc::clone(&self.engine),
            self.root.clone(),
            filter,
            options_of(&self.config),
            !self.client_watches,
        ));
    }

    /// Applies what the indexing thread sent: the workspace read, or
    /// articles changed on disk; then checks the open documents again.
    fn take_updates(&mut self) {
        let mut changed = false;
        while let Some(update) = self.indexer.as_ref().and_then(Indexer::try_recv) {
            changed = true;
            match update {
                Update::Indexed(workspace, read, took, left_out) => {
                    self.workspace = *workspace;
                    let mut message = format!(
                        "claimcheck: {read} articles of the workspace read in {:.1} s",
                        took.as_secs_f64()
                    );
                    if left_out > 0 {
                        message.push_str(&format!(
                            "; {left_out} more were left out (at most {} are compared: \
                             open the editor in the folder of the articles, or narrow \
                             claimcheck.toml's `include`)",
                            workspace::MAX_ARTICLES
                        ));
                    }
                    self.notify(
                        "window/logMessage",
                        ls_types::LogMessageParams {
                            typ: if left_out > 0 {
                                ls_types::MessageType::WARNING
                            } else {
                                ls_types::MessageType::INFO
                            },
                            message,
                        },
                    );
                    self.indexing = false;
                    for doc in self.documents.values_mut() {
                        doc.synced = false;
                    }
                    let stale = std::mem::take(&mut self.changed_while_indexing);
                    self.disk_changed(&stale);
                    if self.client_watches {
                        // Nothing more will come: the client tells of changes.
                        self.indexer = None;
                    }
                }
                Update::Changed(paths) | Update::Removed(paths) => self.disk_changed(&paths),
            }
        }
        if changed {
            self.publish_all(false);
        }
    }

    /// Articles created, changed or deleted on disk: read again, unless open
    /// in the editor (its text wins until it is closed).
    fn disk_changed(&mut self, paths: &[PathBuf]) {
        let filter = self.config.filter().unwrap_or_default();
        for path in paths {
            if self.indexing {
                self.changed_while_indexing.push(path.clone());
                continue;
            }
            let open = self.documents.keys().any(|uri| key_of(uri) == *path);
            if open {
                continue;
            }
            if path.is_file() && workspace::is_workspace_article(&self.root, &filter, path) {
                self.workspace.load(path);
            } else {
                self.workspace.remove(path);
            }
        }
    }

    /// Checks every open document again and publishes (when `force`, even
    /// what did not change).
    fn publish_all(&mut self, force: bool) {
        let mut uris: Vec<String> = self.documents.keys().cloned().collect();
        uris.sort();
        for uri in uris {
            self.publish(&uri, force);
        }
    }

    /// The files whose change reloads the fact base: the rules folder's and
    /// claimcheck.toml.
    fn watched_paths(&self) -> Vec<PathBuf> {
        let mut paths = vec![self.root.join(config::FILE_NAME)];
        if let crate::rules::RulesLocation::Dir(dir) = self.config.rules_location(None, &self.root)
        {
            paths.push(dir);
        }
        paths
    }

    /// The fact base's errors, on its files; files fixed since are cleared.
    fn publish_rule_diagnostics(&mut self) {
        let map = &self.engine.map;
        let mut by_uri: std::collections::BTreeMap<Uri, Vec<ls_types::Diagnostic>> =
            Default::default();
        for d in &self.engine.rule_diagnostics {
            let file = d.primary.span.file;
            let Some(uri) = convert::uri_of(map, file, usize::MAX, "") else {
                continue;
            };
            let item = convert::diagnostic(map, d, file, uri.as_str(), self.encoding);
            by_uri.entry(uri).or_default().push(item);
        }
        for stale in std::mem::take(&mut self.rule_uris) {
            if !by_uri.contains_key(&stale) {
                self.publish_diagnostics(stale, Vec::new(), None);
            }
        }
        for (uri, items) in by_uri {
            self.publish_diagnostics(uri.clone(), items, None);
            self.rule_uris.push(uri);
        }
    }

    /// Whether a later full-text change of `uri` is already waiting: then
    /// checking this version is wasted work, as only the latest is shown.
    fn newer_change_waiting(&mut self, uri: &str) -> bool {
        while self.pending.len() < LOOK_AHEAD {
            match self.link.try_recv() {
                Some(message) => self.pending.push_back(message),
                None => break,
            }
        }
        self.pending.iter().any(|m| {
            matches!(m, Message::Notification(n) if n.method == "textDocument/didChange"
                && n.params["textDocument"]["uri"].as_str() == Some(uri))
        })
    }

    fn send(&self, message: Message) {
        self.link.send(message);
    }

    fn notify(&self, method: &str, params: impl Serialize) {
        self.send(Message::Notification(Notification::new(
            method.to_string(),
            params,
        )));
    }

    fn publish_diagnostics(
        &self,
        uri: Uri,
        diagnostics: Vec<ls_types::Diagnostic>,
        version: Option<i32>,
    ) {
        self.notify(
            "textDocument/publishDiagnostics",
            PublishDiagnosticsParams::new(uri, diagnostics, version),
        );
    }

    /// Asks the client to tell us when a rule file changes (if it can).
    fn watch_rules(&self) {
        let watchers = [
            "**/*.{yaml,yml}",
            "**/claimcheck.toml",
            "**/*.{md,markdown,txt}",
        ]
        .into_iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob.to_string()),
            kind: None,
        })
        .collect();
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "claimcheck-rules".to_string(),
                method: "workspace/didChangeWatchedFiles".to_string(),
                register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                    watchers,
                })
                .ok(),
            }],
        };
        self.send(Message::Request(Request::new(
            "claimcheck/register".to_string().into(),
            "client/registerCapability".to_string(),
            params,
        )));
    }

    fn request(&mut self, req: Request) {
        let response = match req.method.as_str() {
            "textDocument/codeAction" => {
                match serde_json::from_value::<CodeActionParams>(req.params) {
                    Ok(params) => Response::new_ok(req.id, self.code_actions(&params)),
                    Err(e) => {
                        Response::new_err(req.id, ErrorCode::InvalidParams as i32, e.to_string())
                    }
                }
            }
            "textDocument/hover" => match serde_json::from_value::<HoverParams>(req.params) {
                Ok(params) => Response::new_ok(req.id, self.hover(&params)),
                Err(e) => Response::new_err(req.id, ErrorCode::InvalidParams as i32, e.to_string()),
            },
            _ => Response::new_err(
                req.id,
                ErrorCode::MethodNotFound as i32,
                format!("unsupported request {}", req.method),
            ),
        };
        self.send(Message::Response(response));
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri.as_str().to_string();
                    self.documents.insert(
                        uri.clone(),
                        Document {
                            version: p.text_document.version,
                            text: p.text_document.text,
                            synced: false,
                        },
                    );
                    if !self.newer_change_waiting(&uri) {
                        self.publish(&uri, true);
                    }
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri.as_str().to_string();
                    if let Some(change) = p.content_changes.into_iter().last() {
                        self.documents.insert(
                            uri.clone(),
                            Document {
                                version: p.text_document.version,
                                text: change.text,
                                synced: false,
                            },
                        );
                        if !self.newer_change_waiting(&uri) {
                            self.publish(&uri, true);
                        }
                    }
                }
            }
            "textDocument/didSave" => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri.as_str().to_string();
                    if is_rule_file(&uri) {
                        self.reload();
                    } else {
                        self.publish(&uri, true);
                        // Saved text may change what the other documents are told.
                        self.publish_all(false);
                    }
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri.as_str().to_string();
                    self.documents.remove(&uri);
                    self.checked.remove(&uri);
                    self.published.remove(&uri);
                    // The article goes back to what is on disk, or away.
                    let key = key_of(&uri);
                    if !(self.workspace.walked(&key) && self.workspace.load(&key)) {
                        self.workspace.remove(&key);
                    }
                    self.publish_diagnostics(p.text_document.uri, Vec::new(), None);
                    self.publish_all(false);
                }
            }
            "workspace/didChangeWatchedFiles" => {
                if let Ok(p) = serde_json::from_value::<DidChangeWatchedFilesParams>(n.params) {
                    if p.changes.iter().any(|c| is_rule_file(c.uri.as_str())) {
                        self.reload();
                    } else {
                        let paths: Vec<PathBuf> = p
                            .changes
                            .iter()
                            .filter(|c| {
                                c.typ == FileChangeType::CREATED
                                    || c.typ == FileChangeType::CHANGED
                                    || c.typ == FileChangeType::DELETED
                            })
                            .filter_map(|c| uri::to_path(c.uri.as_str()))
                            .collect();
                        self.disk_changed(&paths);
                        self.publish_all(false);
                    }
                }
            }
            _ => {}
        }
    }

    /// Reloads configuration and fact base, then checks every open document again.
    /// Reloads configuration and fact base, then checks every open document
    /// again; the workspace is read again in the background (what is
    /// extracted depends on the fact base).
    fn reload(&mut self) {
        let (config, engine, error) = load(&self.root);
        self.config = config;
        self.engine = Arc::new(engine);
        self.rules_error = error;
        self.workspace = Workspace::new(
            Arc::clone(&self.engine),
            &self.root,
            options_of(&self.config),
        );
        for doc in self.documents.values_mut() {
            doc.synced = false;
        }
        self.changed_while_indexing.clear();
        self.start_indexing();
        if self.watched.is_some() {
            self.watched = Some(watch::Stamp::of(&self.watched_paths()));
        }
        self.publish_rule_diagnostics();
        self.publish_all(true);
    }

    /// Checks a document against every article of the workspace; the result
    /// is kept until the workspace changes (a code action or a hover right
    /// after the diagnostics costs nothing).
    fn check(&mut self, uri: &str) -> Option<Rc<Checked>> {
        if self.rules_error.is_some() {
            return None;
        }
        let doc = self.documents.get_mut(uri)?;
        let key = key_of(uri);
        if !doc.synced {
            let path = uri::to_path(uri);
            self.workspace.set(&key, path, doc.text.clone());
            doc.synced = true;
        }
        let revision = self.workspace.revision();
        if let Some((seen, checked)) = self.checked.get(uri)
            && *seen == revision
        {
            return Some(Rc::clone(checked));
        }
        let (file, mut diagnostics) = self.workspace.check(&key)?;
        let _ = self.config.apply_levels(&mut diagnostics);
        let checked = Rc::new(Checked {
            map: self.workspace.map().clone(),
            file,
            diagnostics,
        });
        self.checked
            .insert(uri.to_string(), (revision, Rc::clone(&checked)));
        Some(checked)
    }

    fn publish(&mut self, uri: &str, force: bool) {
        if !self.documents.contains_key(uri) {
            return;
        }
        let Some(lsp_uri) = convert::parse_uri(uri) else {
            return;
        };
        let mut items: Vec<ls_types::Diagnostic> = match self.check(uri) {
            Some(c) => c
                .diagnostics
                .iter()
                .map(|d| convert::diagnostic(&c.map, d, c.file, uri, self.encoding))
                .collect(),
            None => Vec::new(),
        };
        if let Some(error) = &self.rules_error {
            items.push(ls_types::Diagnostic {
                severity: Some(ls_types::DiagnosticSeverity::ERROR),
                source: Some("claimcheck".to_string()),
                message: error.clone(),
                ..Default::default()
            });
        }
        let version = self.documents.get(uri).map_or(0, |d| d.version);
        let seen = (version, items);
        if !force && self.published.get(uri) == Some(&seen) {
            return;
        }
        self.publish_diagnostics(lsp_uri, seen.1.clone(), Some(version));
        self.published.insert(uri.to_string(), seen);
    }

    /// Over a finding: its message, its notes and help, and the fact or
    /// other article behind it with its place (what the secondary labels
    /// point at), as Markdown. `null` elsewhere.
    fn hover(&mut self, params: &HoverParams) -> Option<Hover> {
        let at = &params.text_document_position_params;
        let uri = at.text_document.uri.as_str().to_string();
        let checked = self.check(&uri)?;
        let (map, file, diagnostics) = (&checked.map, checked.file, &checked.diagnostics);
        let byte = to_byte(
            map.get(file),
            at.position.line,
            at.position.character,
            self.encoding,
        );
        let over: Vec<&Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.primary.span.start <= byte && byte <= d.primary.span.end)
            .collect();
        if over.is_empty() {
            return None;
        }
        let mut text = String::new();
        for d in over {
            text.push_str(&format!("**{}** `{}` ({})\n\n", d.message, d.code, d.name));
            for label in &d.secondary {
                let f = map.get(label.span.file);
                let (line, column) = f.line_col(label.span.start);
                let quoted = f.text[label.span.range()].replace('\n', " ");
                text.push_str(&format!(
                    "- {}: `{}` ({}:{line}:{column})\n",
                    label.message, quoted, f.name
                ));
            }
            for note in &d.notes {
                text.push_str(&format!("- note: {note}\n"));
            }
            if let Some(help) = &d.help {
                text.push_str(&format!("- help: {help}\n"));
            }
            text.push('\n');
        }
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text.trim_end().to_string(),
            }),
            range: None,
        })
    }

    fn code_actions(&mut self, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = params.text_document.uri.as_str().to_string();
        let Some(checked) = self.check(&uri) else {
            return Vec::new();
        };
        let (map, file, diagnostics) = (&checked.map, checked.file, &checked.diagnostics);
        let edit = |edits: Vec<TextEdit>| WorkspaceEdit {
            changes: Some(
                [(params.text_document.uri.clone(), edits)]
                    .into_iter()
                    .collect(),
            ),
            ..Default::default()
        };
        let f = map.get(file);
        let (start, end) = (
            to_byte(
                f,
                params.range.start.line,
                params.range.start.character,
                self.encoding,
            ),
            to_byte(
                f,
                params.range.end.line,
                params.range.end.character,
                self.encoding,
            ),
        );
        let mut actions = Vec::new();
        for d in diagnostics
            .iter()
            .filter(|d| d.primary.span.start <= end && start <= d.primary.span.end)
        {
            let lsp_diagnostic = convert::diagnostic(map, d, file, &uri, self.encoding);
            if let Some(fix) = &d.fix {
                let edits = fix
                    .edits
                    .iter()
                    .filter(|e| e.span.file == file)
                    .map(|e| TextEdit {
                        range: convert::range(map, &e.span, self.encoding),
                        new_text: e.replacement.clone(),
                    })
                    .collect();
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp_diagnostic.clone()]),
                    is_preferred: Some(fix.applicability == Applicability::Safe),
                    edit: Some(edit(edits)),
                    ..Default::default()
                }));
            }
            // "Allow here": a suppression before the paragraph, with a reason to write.
            let (paragraph, newline) = allow_insertion_point(&f.text, d.primary.span.start);
            let at = crate::span::Span::new(file, paragraph..paragraph);
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Allow {} here (with a reason)", d.name),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp_diagnostic]),
                edit: Some(edit(vec![TextEdit {
                    range: convert::range(map, &at, self.encoding),
                    new_text: format!(
                        "<!-- claimcheck: allow {} reason=\"why this is accepted\" -->{newline}",
                        d.name
                    ),
                }])),
                ..Default::default()
            }));
        }
        actions
    }
}

/// Where "Allow … here" inserts its comment for a finding at byte `at`: the
/// start of its paragraph (after a blank line or an earlier suppression's
/// line, CRLF or LF), never above the front matter's closing `---`; and the
/// line break the file uses.
fn allow_insertion_point(text: &str, at: usize) -> (usize, &'static str) {
    let before = &text[..at];
    let body = crate::source::front_matter::find(text).map_or(0, |b| b.whole.end);
    let after = |needle: &str| before.rfind(needle).map_or(0, |i| i + needle.len());
    let paragraph = [
        body,
        after("\n\n"),
        after("\r\n\r\n"),
        after("-->\n"),
        after("-->\r\n"),
    ]
    .into_iter()
    .max()
    .unwrap_or(0);
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    (paragraph.min(at), newline)
}

fn is_rule_file(uri: &str) -> bool {
    uri.ends_with(".yaml") || uri.ends_with(".yml") || uri.ends_with(config::FILE_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_goes_after_the_front_matter_with_the_files_line_breaks() {
        // Before, the comment went above the first `---` (the front matter
        // became prose) and ended with LF in a CRLF file.
        let text = "---\r\ntitle: t\r\n---\r\nAcme raised 5 million.\r\n";
        let at = text.find("5 million").unwrap();
        let (point, newline) = allow_insertion_point(text, at);
        assert_eq!(&text[point..point + 4], "Acme");
        assert_eq!(newline, "\r\n");
        let plain = "One.\n\nTwo with 5 million.\n";
        let (point, newline) = allow_insertion_point(plain, plain.find('5').unwrap());
        assert_eq!((&plain[point..point + 3], newline), ("Two", "\n"));
    }
}
