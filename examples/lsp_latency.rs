//! Measures the language server as an editor feels it: the time from an edit
//! to its diagnostics, in a workspace of many articles, while the workspace is
//! still being read and after. A benchmark, not a test: it asserts nothing.
//!
//! `cargo run --release --example lsp_latency -- --server target/release/claimcheck --workspace DIR [--edits 60]`
//! (scripts/lsp-latency.sh makes a workspace of 2,000 generated articles and runs it).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

fn frame(value: &Value) -> Vec<u8> {
    let body = value.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

struct Server {
    stdin: std::process::ChildStdin,
    messages: Receiver<(Instant, Value)>,
    /// Whether the server said it has read the workspace, and what it said.
    indexed: Option<String>,
}

impl Server {
    fn send(&mut self, value: Value) {
        self.stdin.write_all(&frame(&value)).unwrap();
        self.stdin.flush().unwrap();
    }

    /// Waits for the first message that `wanted` accepts; notes the end of indexing on the way.
    fn until(&mut self, wanted: impl Fn(&Value) -> bool) -> (Instant, Value) {
        loop {
            let (at, m) = self
                .messages
                .recv_timeout(Duration::from_secs(600))
                .expect("the server answers within 10 minutes");
            if m["method"] == "window/logMessage"
                && let Some(text) = m["params"]["message"].as_str()
                && text.contains("articles of the workspace read")
            {
                self.indexed = Some(text.to_string());
            }
            if wanted(&m) {
                return (at, m);
            }
        }
    }

    /// Sends version `version` of the document and returns the time until its diagnostics.
    fn edit(&mut self, uri: &str, version: i32, text: &str) -> Duration {
        let sent = Instant::now();
        self.send(json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] } }));
        let (at, _) = self.until(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        at - sent
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn summary(label: &str, mut times: Vec<Duration>) {
    if times.is_empty() {
        println!("{label}: no edit measured");
        return;
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{label}: {} edits, median {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        times.len(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.95)),
        ms(*times.last().unwrap())
    );
}

fn main() {
    let mut server_path = PathBuf::from("target/release/claimcheck");
    let mut workspace = None;
    let mut edits = 60;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--server" => server_path = args.next().expect("--server takes a path").into(),
            "--workspace" => workspace = Some(PathBuf::from(args.next().expect("a folder"))),
            "--edits" => edits = args.next().and_then(|n| n.parse().ok()).expect("a count"),
            other => panic!("unknown argument {other}"),
        }
    }
    let workspace = std::fs::canonicalize(workspace.expect("--workspace DIR")).unwrap();
    let mut articles: Vec<PathBuf> = std::fs::read_dir(&workspace)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    articles.sort();
    println!(
        "workspace: {} ({} articles at its top)",
        workspace.display(),
        articles.len()
    );
    let article: &Path = articles.first().expect("an article");
    let text = std::fs::read_to_string(article).unwrap();
    let uri = format!("file://{}", article.display());

    let mut child = Command::new(&server_path)
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the server starts");
    let stdout = child.stdout.take().unwrap();
    let (sender, messages) = channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        while let Some(m) = read_message(&mut reader) {
            if sender.send((Instant::now(), m)).is_err() {
                break;
            }
        }
    });
    let mut server = Server {
        stdin: child.stdin.take().unwrap(),
        messages,
        indexed: None,
    };
    let started = Instant::now();
    server.send(json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "processId": null, "rootUri": format!("file://{}", workspace.display()), "capabilities": {} } }));
    server.until(|m| m["id"] == 1);
    server.send(json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));
    server.send(
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } } }),
    );
    let (at, _) = server.until(|m| m["method"] == "textDocument/publishDiagnostics");
    println!(
        "first diagnostics {:.1} ms after initialize",
        (at - started).as_secs_f64() * 1000.0
    );

    // Each edit adds a sentence at the end (a new text, checked in full).
    let mut version = 1;
    let mut next = |server: &mut Server| {
        version += 1;
        let edited = format!("{text}\nEdit number {version} of this article.\n");
        server.edit(&uri, version, &edited)
    };
    let mut during = Vec::new();
    while server.indexed.is_none() && during.len() < edits {
        during.push(next(&mut server));
        std::thread::sleep(Duration::from_millis(100));
    }
    summary("while the workspace is read", during);
    if server.indexed.is_none() {
        server.until(|m| {
            m["method"] == "window/logMessage"
                && m["params"]["message"]
                    .as_str()
                    .is_some_and(|t| t.contains("articles of the workspace read"))
        });
    }
    let indexed = server.indexed.clone().unwrap_or_default();
    println!("{indexed}");
    let mut after = Vec::new();
    for _ in 0..edits {
        after.push(next(&mut server));
    }
    summary("after", after);
    server.send(json!({ "jsonrpc": "2.0", "id": 2, "method": "shutdown" }));
    server.until(|m| m["id"] == 2);
    server.send(json!({ "jsonrpc": "2.0", "method": "exit" }));
    let _ = child.wait();
}
