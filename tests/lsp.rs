//! The language server, driven like an editor would: in process over an
//! in-memory connection, and as the real binary over stdio.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{Value, json};

const ARTICLE: &str =
    "---\nlang: fr\ndate: 2024-03-01\n---\n« Son cofondateur Timothee Lacroix » parle.\n";

struct Client {
    conn: Connection,
    next: i32,
    /// The workspace the server was started in, kept while the client lives.
    _workspace: Option<tempfile::TempDir>,
}

impl Client {
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next += 1;
        let id = RequestId::from(self.next);
        self.conn
            .sender
            .send(Message::Request(Request::new(
                id.clone(),
                method.to_string(),
                params,
            )))
            .unwrap();
        loop {
            match self
                .conn
                .receiver
                .recv_timeout(Duration::from_secs(10))
                .expect("the server answers")
            {
                Message::Response(r) if r.id == id => {
                    return r.response_result.unwrap_or(Value::Null);
                }
                Message::Request(r) => {
                    // client/registerCapability: accept.
                    let _ = self
                        .conn
                        .sender
                        .send(Message::Response(lsp_server::Response::new_ok(
                            r.id,
                            Value::Null,
                        )));
                }
                _ => {}
            }
        }
    }

    fn notify(&self, method: &str, params: Value) {
        self.conn
            .sender
            .send(Message::Notification(Notification::new(
                method.to_string(),
                params,
            )))
            .unwrap();
    }

    fn diagnostics(&self) -> Value {
        loop {
            match self
                .conn
                .receiver
                .recv_timeout(Duration::from_secs(10))
                .expect("diagnostics arrive")
            {
                Message::Notification(n) if n.method == "textDocument/publishDiagnostics" => {
                    return n.params;
                }
                Message::Request(r) => {
                    let _ = self
                        .conn
                        .sender
                        .send(Message::Response(lsp_server::Response::new_ok(
                            r.id,
                            Value::Null,
                        )));
                }
                _ => {}
            }
        }
    }
}

/// A server on an empty workspace whose fact base is the repository's `rules/`.
fn start(encodings: &[&str]) -> (Client, std::thread::JoinHandle<Result<(), String>>, Value) {
    let (server, client) = Connection::memory();
    let handle = std::thread::spawn(move || claimcheck::lsp::serve(server));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        format!("rules = \"{}/rules\"\n", env!("CARGO_MANIFEST_DIR")),
    )
    .unwrap();
    let root = format!("file://{}", dir.path().display());
    let mut client = Client {
        conn: client,
        next: 0,
        _workspace: Some(dir),
    };
    let init = client.request(
        "initialize",
        json!({ "processId": null, "rootUri": root, "capabilities": { "general": { "positionEncodings": encodings } } }),
    );
    client.notify("initialized", json!({}));
    (client, handle, init)
}

fn apply(text: &str, edit: &Value, utf16: bool) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let offset = |pos: &Value| {
        let line = pos["line"].as_u64().unwrap() as usize;
        let character = pos["character"].as_u64().unwrap() as usize;
        let before: usize = lines[..line].iter().map(|l| l.len()).sum();
        let mut units = 0;
        for (i, c) in lines[line].char_indices() {
            if units == character {
                return before + i;
            }
            units += if utf16 { c.len_utf16() } else { c.len_utf8() };
        }
        before + lines[line].len()
    };
    let (a, b) = (
        offset(&edit["range"]["start"]),
        offset(&edit["range"]["end"]),
    );
    format!(
        "{}{}{}",
        &text[..a],
        edit["newText"].as_str().unwrap(),
        &text[b..]
    )
}

fn session(encodings: &[&str], expected: &str, utf16: bool) {
    let (mut client, handle, init) = start(encodings);
    assert_eq!(init["capabilities"]["positionEncoding"], expected);
    let uri = "file:///tmp/claimcheck-lsp-test/article.md";
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": ARTICLE } }));
    let published = client.diagnostics();
    assert_eq!(published["version"], 1);
    let diagnostics = published["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert_eq!(d["code"], "N001");
    // « is one UTF-16 unit but two UTF-8 bytes: the column differs by encoding.
    let character = d["range"]["start"]["character"].as_u64().unwrap();
    assert_eq!(character, if utf16 { 18 } else { 19 });
    assert!(
        d["relatedInformation"][0]["location"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("rules/entities.yaml")
    );

    let actions = client.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": d["range"], "context": { "diagnostics": [d] } }),
    );
    let actions = actions.as_array().unwrap();
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Replace with `Timothée Lacroix`",
            "Allow name-variant here (with a reason)"
        ]
    );
    let edit = &actions[0]["edit"]["changes"][uri][0];
    let fixed = apply(ARTICLE, edit, utf16);
    assert!(
        fixed.contains("Son cofondateur Timothée Lacroix »"),
        "{fixed}"
    );

    client.notify("textDocument/didChange", json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": fixed }] }));
    let after = client.diagnostics();
    assert_eq!(after["version"], 2);
    assert_eq!(after["diagnostics"].as_array().unwrap().len(), 0, "{after}");

    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    handle.join().unwrap().unwrap();
}

#[test]
fn a_session_in_utf16_fixes_a_misspelt_name() {
    session(&["utf-16"], "utf-16", true);
}

#[test]
fn utf8_is_chosen_when_the_client_offers_it() {
    session(&["utf-8", "utf-16"], "utf-8", false);
}

/// Frames a JSON-RPC message as LSP does over stdio.
fn frame(value: &Value) -> Vec<u8> {
    let body = value.to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

fn read_message(reader: &mut impl BufRead) -> Value {
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    serde_json::from_slice(&body).unwrap()
}

#[test]
fn the_binary_speaks_lsp_over_stdio() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .arg("lsp")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdin.write_all(&frame(&json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "processId": null, "rootUri": null, "capabilities": {} } }))).unwrap();
    let init = read_message(&mut stdout);
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16");
    stdin
        .write_all(&frame(
            &json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
        ))
        .unwrap();
    stdin
        .write_all(&frame(&json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": { "uri": "file:///tmp/a.md", "languageId": "markdown", "version": 7, "text": ARTICLE } } })))
        .unwrap();
    let published = loop {
        let m = read_message(&mut stdout);
        if m["method"] == "textDocument/publishDiagnostics" {
            break m;
        }
    };
    assert_eq!(published["params"]["version"], 7);
    let diagnostic = published["params"]["diagnostics"][0].clone();
    assert_eq!(diagnostic["code"], "N001");
    // Ask for the quick fix, apply it, send the new text: the diagnostic is gone.
    let request = json!({ "jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction", "params": {
        "textDocument": { "uri": "file:///tmp/a.md" }, "range": diagnostic["range"], "context": { "diagnostics": [diagnostic] } } });
    stdin.write_all(&frame(&request)).unwrap();
    let actions = loop {
        let m = read_message(&mut stdout);
        if m["id"] == 3 {
            break m["result"].clone();
        }
    };
    let fixed = apply(
        ARTICLE,
        &actions[0]["edit"]["changes"]["file:///tmp/a.md"][0],
        true,
    );
    let change = json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": { "uri": "file:///tmp/a.md", "version": 8 }, "contentChanges": [{ "text": fixed }] } });
    stdin.write_all(&frame(&change)).unwrap();
    let republished = loop {
        let m = read_message(&mut stdout);
        if m["method"] == "textDocument/publishDiagnostics" {
            break m;
        }
    };
    assert_eq!(republished["params"]["version"], 8);
    assert_eq!(
        republished["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .len(),
        0,
        "{republished}"
    );
    stdin
        .write_all(&frame(
            &json!({ "jsonrpc": "2.0", "id": 2, "method": "shutdown" }),
        ))
        .unwrap();
    loop {
        let m = read_message(&mut stdout);
        if m["id"] == 2 {
            break;
        }
    }
    stdin
        .write_all(&frame(&json!({ "jsonrpc": "2.0", "method": "exit" })))
        .unwrap();
    drop(stdin);
    let status = child.wait().unwrap();
    assert!(status.success());
}

#[test]
fn the_fact_base_is_found_from_the_workspace_root_and_reloaded_when_it_changes() {
    let dir = workspace("entities:\n  - id: acme\n    kind: org\n    name: Acme Industries\n");
    let entities = dir.path().join("rules/entities.yaml");
    let (client, handle) = start_in(dir.path(), json!({}));
    let root = format!("file://{}", dir.path().display());
    let uri = format!("{root}/a.md");
    let text = "---\nlang: en\n---\nAcme Industries met Globex Corporaton.\n";
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }));
    assert_eq!(
        client.diagnostics()["diagnostics"]
            .as_array()
            .unwrap()
            .len(),
        0
    );

    std::fs::write(&entities, "entities:\n  - id: acme\n    kind: org\n    name: Acme Industries\n  - id: globex\n    kind: org\n    name: Globex Corporation\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": format!("{root}/rules/entities.yaml"), "type": 2 }] }),
    );
    let after = client.diagnostics();
    let diagnostics = after["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{after}");
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("Globex Corporation"),
        "{after}"
    );
    finish(client, handle);
}

/// How long a spawned server may take for a whole test before it is killed:
/// a guard against a hung server hanging the test run, not a speed claim.
const DEADLINE: Duration = Duration::from_secs(120);

/// One message read from the server's output, `None` when the output closed
/// or broke (the test then fails with a message rather than a panic here).
fn try_read_message(reader: &mut impl BufRead) -> Option<Value> {
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
            length = Some(n.parse().ok()?);
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// The real binary, spoken to over pipes; every wait is bounded by [`DEADLINE`].
struct Spawned {
    child: std::process::Child,
    stdin: Option<std::process::ChildStdin>,
    messages: std::sync::mpsc::Receiver<Value>,
    deadline: std::time::Instant,
}

impl Spawned {
    fn start() -> Spawned {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .arg("lsp")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, messages) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            while let Some(m) = try_read_message(&mut stdout) {
                if sender.send(m).is_err() {
                    break;
                }
            }
        });
        Spawned {
            stdin: child.stdin.take(),
            child,
            messages,
            deadline: std::time::Instant::now() + DEADLINE,
        }
    }

    /// A started server, already initialized.
    fn initialized() -> Spawned {
        let mut server = Spawned::start();
        server.send(&json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": { "processId": null, "rootUri": null, "capabilities": {} } }));
        let init = server.until(|m| m["id"] == 1);
        assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16");
        server.send(&json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }));
        server
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        if let Err(e) = stdin.write_all(bytes).and_then(|()| stdin.flush()) {
            self.fail(&format!("the server stopped reading: {e}"));
        }
    }

    fn send(&mut self, value: &Value) {
        self.send_raw(&frame(value));
    }

    /// Kills the server and fails the test, with what it wrote on stderr.
    fn fail(&mut self, why: &str) -> ! {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let mut stderr = String::new();
        if let Some(mut e) = self.child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut e, &mut stderr);
        }
        panic!("{why}; stderr: {stderr}");
    }

    /// The first message from the server that satisfies `wanted`; others are skipped.
    fn until(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            let left = self
                .deadline
                .saturating_duration_since(std::time::Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(m) if wanted(&m) => return m,
                Ok(_) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    self.fail("the server did not answer before the deadline")
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                    self.fail("the server closed its output")
                }
            }
        }
    }

    /// The error response with this id (`Value::Null` for a parse error).
    fn error_for(&mut self, id: Value) -> Value {
        let m = self.until(|m| m.get("id") == Some(&id) && m.get("error").is_some());
        m["error"].clone()
    }

    /// Proves the server still serves: a document opened now gets its finding.
    fn still_checks(&mut self, uri: &str) {
        self.send(&json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": ARTICLE } } }));
        let published = self.until(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        assert_eq!(published["params"]["diagnostics"][0]["code"], "N001");
    }

    /// Closes stdin and waits for the exit status, killing the server at the deadline.
    fn wait(&mut self) -> std::process::ExitStatus {
        drop(self.stdin.take());
        loop {
            match self.child.try_wait().unwrap() {
                Some(status) => return status,
                None if std::time::Instant::now() >= self.deadline => {
                    self.fail("the server did not exit before the deadline")
                }
                None => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    }

    fn shutdown_and_exit(&mut self) -> std::process::ExitStatus {
        self.send(&json!({ "jsonrpc": "2.0", "id": 999, "method": "shutdown" }));
        self.until(|m| m["id"] == 999);
        self.send(&json!({ "jsonrpc": "2.0", "method": "exit" }));
        self.wait()
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn invalid_json_gets_a_parse_error_and_the_server_goes_on() {
    let mut server = Spawned::initialized();
    server.send_raw(b"Content-Length: 14\r\n\r\n{\"jsonrpc\": 2.");
    let error = server.error_for(Value::Null);
    assert_eq!(error["code"], -32700, "{error}");
    server.still_checks("file:///tmp/after-parse-error.md");
    assert!(server.shutdown_and_exit().success());
}

#[test]
fn a_message_without_method_is_an_invalid_request_and_the_server_goes_on() {
    let mut server = Spawned::initialized();
    server.send(&json!({ "jsonrpc": "2.0", "id": 7, "params": {} }));
    let error = server.error_for(json!(7));
    assert_eq!(error["code"], -32600, "{error}");
    server.send(&json!([1, 2]));
    let error = server.error_for(Value::Null);
    assert_eq!(error["code"], -32600, "{error}");
    server.still_checks("file:///tmp/after-invalid-request.md");
    assert!(server.shutdown_and_exit().success());
}

#[test]
fn an_absurd_content_length_is_refused_without_allocating_and_the_server_resynchronises() {
    let mut server = Spawned::initialized();
    server
        .send_raw(b"Content-Length: 99999999999999\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}");
    let error = server.error_for(Value::Null);
    assert_eq!(error["code"], -32600, "{error}");
    assert!(
        error["message"].as_str().unwrap().contains("64 MiB"),
        "{error}"
    );
    // The next real header ends the skip: the claim was a lie.
    server.still_checks("file:///tmp/after-huge-length.md");
    assert!(server.shutdown_and_exit().success());
}

#[test]
fn a_message_over_the_size_limit_is_read_and_discarded_and_the_server_goes_on() {
    let mut server = Spawned::initialized();
    let limit = 64 << 20;
    let prefix = br#"{"jsonrpc":"2.0","id":5,"method":"x","params":""#;
    let mut body = prefix.to_vec();
    body.resize(limit + 1 - 2, b'a');
    body.extend_from_slice(b"\"}");
    assert_eq!(body.len(), limit + 1);
    server.send_raw(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    let error = server.error_for(Value::Null);
    assert_eq!(error["code"], -32600, "{error}");
    server.send_raw(&body);
    drop(body);
    server.still_checks("file:///tmp/after-over-long.md");
    assert!(server.shutdown_and_exit().success());
}

#[test]
fn a_content_length_too_small_or_not_a_number_is_recovered_from_at_the_next_header() {
    let mut server = Spawned::initialized();
    // Too small: the body is cut, the rest misframes the stream until the next header.
    let request =
        json!({ "jsonrpc": "2.0", "id": 40, "method": "textDocument/codeAction", "params": {} })
            .to_string();
    server.send_raw(format!("Content-Length: 10\r\n\r\n{request}").as_bytes());
    assert_eq!(server.error_for(Value::Null)["code"], -32700);
    server.still_checks("file:///tmp/after-short-length.md");
    // Not a number: no way to know where the body ends.
    server.send_raw(format!("Content-Length: twelve\r\n\r\n{request}").as_bytes());
    assert_eq!(server.error_for(Value::Null)["code"], -32700);
    server.still_checks("file:///tmp/after-wordy-length.md");
    assert!(server.shutdown_and_exit().success());
}

#[test]
fn a_request_after_shutdown_is_an_invalid_request() {
    let mut server = Spawned::initialized();
    server.send(&json!({ "jsonrpc": "2.0", "id": 2, "method": "shutdown" }));
    server.until(|m| m["id"] == 2);
    server.send(
        &json!({ "jsonrpc": "2.0", "id": 3, "method": "textDocument/codeAction", "params": {} }),
    );
    assert_eq!(server.error_for(json!(3))["code"], -32600);
    server.send(&json!({ "jsonrpc": "2.0", "method": "exit" }));
    assert_eq!(server.wait().code(), Some(0));
}

#[test]
fn exit_without_shutdown_exits_with_status_1() {
    let mut server = Spawned::initialized();
    server.send(&json!({ "jsonrpc": "2.0", "method": "exit" }));
    assert_eq!(server.wait().code(), Some(1));
}

#[test]
fn only_the_latest_of_queued_changes_is_checked() {
    let (server, client) = Connection::memory();
    let uri = "file:///tmp/claimcheck-lsp-test/typed.md";
    let send = |m: Message| client.sender.send(m).unwrap();
    let notify = |method: &str, params: Value| {
        send(Message::Notification(Notification::new(
            method.to_string(),
            params,
        )))
    };
    // Everything is queued before the server starts, as when it is busy while the user types.
    send(Message::Request(Request::new(
        1.into(),
        "initialize".to_string(),
        json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    )));
    notify("initialized", json!({}));
    notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": ARTICLE } }),
    );
    for version in 2..=4 {
        notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": ARTICLE }] }),
        );
    }
    send(Message::Request(Request::new(
        2.into(),
        "shutdown".to_string(),
        Value::Null,
    )));
    notify("exit", Value::Null);
    claimcheck::lsp::serve(server).unwrap();
    let versions: Vec<Value> = client
        .receiver
        .try_iter()
        .filter_map(|m| match m {
            Message::Notification(n) if n.method == "textDocument/publishDiagnostics" => {
                Some(n.params["version"].clone())
            }
            _ => None,
        })
        .collect();
    assert_eq!(versions, [json!(4)]);
}

/// Starts a server on a workspace at `root` with the client capabilities
/// `capabilities`; returns the client and the server thread.
fn start_in(
    root: &std::path::Path,
    capabilities: Value,
) -> (Client, std::thread::JoinHandle<Result<(), String>>) {
    let (server, client) = Connection::memory();
    let handle = std::thread::spawn(move || claimcheck::lsp::serve(server));
    let mut client = Client {
        conn: client,
        next: 0,
        _workspace: None,
    };
    let root = format!("file://{}", root.display());
    client.request(
        "initialize",
        json!({ "processId": null, "rootUri": root, "capabilities": capabilities }),
    );
    client.notify("initialized", json!({}));
    (client, handle)
}

/// A workspace whose fact base is `rules/entities.yaml` holding `entities`.
fn workspace(entities: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(dir.path().join("rules/entities.yaml"), entities).unwrap();
    dir
}

/// Ends a session as an editor does, and checks the server ended cleanly.
fn finish(mut client: Client, handle: std::thread::JoinHandle<Result<(), String>>) {
    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    handle.join().unwrap().unwrap();
}

/// Every message the server sends within `wait`.
fn drain(client: &Client, wait: Duration) -> Vec<Message> {
    let mut out = Vec::new();
    while let Ok(m) = client.conn.receiver.recv_timeout(wait) {
        out.push(m);
    }
    out
}

#[test]
fn a_broken_workspace_fact_base_is_shown_in_its_file_and_nothing_is_checked_against_demo_facts() {
    let dir = workspace("entities:\n  - id: acme\n    kind: orgg\n    name: Acme Industries\n");
    let (client, handle) = start_in(dir.path(), json!({}));
    let root = format!("file://{}", dir.path().display());
    // The YAML file gets its error at its line.
    let messages = drain(&client, Duration::from_millis(500));
    let on_yaml = messages
        .iter()
        .find_map(|m| match m {
            Message::Notification(n)
                if n.method == "textDocument/publishDiagnostics"
                    && n.params["uri"]
                        .as_str()
                        .unwrap()
                        .ends_with("rules/entities.yaml") =>
            {
                Some(n.params.clone())
            }
            _ => None,
        })
        .expect("diagnostics on the broken YAML file");
    assert_eq!(
        on_yaml["diagnostics"][0]["range"]["start"]["line"], 2,
        "{on_yaml}"
    );
    // An article with a misspelt name of the demo facts: nothing but the
    // fact base's state is shown.
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": format!("{root}/a.md"), "languageId": "markdown", "version": 1, "text": ARTICLE } }));
    let published = client.diagnostics();
    let items = published["diagnostics"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{published}");
    assert!(
        items[0]["message"]
            .as_str()
            .unwrap()
            .contains("nothing is checked until they are fixed"),
        "{published}"
    );
    finish(client, handle);
}

#[test]
fn without_dynamic_registration_the_server_watches_the_rules_itself() {
    let dir = workspace("entities:\n  - id: acme\n    kind: org\n    name: Acme Industries\n");
    let entities = dir.path().join("rules/entities.yaml");
    let (client, handle) = start_in(dir.path(), json!({}));
    let root = format!("file://{}", dir.path().display());
    let startup = drain(&client, Duration::from_millis(300));
    assert!(
        !startup
            .iter()
            .any(|m| matches!(m, Message::Request(r) if r.method == "client/registerCapability")),
        "a client that offered no dynamic registration is asked for none: {startup:?}"
    );
    let uri = format!("{root}/a.md");
    let text = "---\nlang: en\n---\nAcme Industries met Globex Corporaton.\n";
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text } }));
    assert_eq!(
        client.diagnostics()["diagnostics"]
            .as_array()
            .unwrap()
            .len(),
        0
    );
    // A fact added on disk, and no notification from the client.
    std::fs::write(&entities, "entities:\n  - id: acme\n    kind: org\n    name: Acme Industries\n  - id: globex\n    kind: org\n    name: Globex Corporation\n").unwrap();
    let after = client.diagnostics();
    assert!(
        after["diagnostics"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("Globex Corporation"),
        "{after}"
    );
    finish(client, handle);

    // A client that offers dynamic registration is asked to watch.
    let (client, handle) = start_in(
        dir.path(),
        json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } }),
    );
    let _ = handle;
    let startup = drain(&client, Duration::from_millis(300));
    assert!(
        startup
            .iter()
            .any(|m| matches!(m, Message::Request(r) if r.method == "client/registerCapability")),
        "{startup:?}"
    );
}

#[test]
fn hovering_a_finding_shows_the_fact_behind_it() {
    let (mut client, handle, init) = start(&["utf-8"]);
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    let uri = "file:///tmp/claimcheck-lsp-test/hover.md";
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": ARTICLE } }));
    let published = client.diagnostics();
    let start = &published["diagnostics"][0]["range"]["start"];
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": start["line"], "character": start["character"].as_u64().unwrap() + 3 } }),
    );
    let text = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(text.contains("`N001`"), "{hover}");
    assert!(text.contains("`Timothée Lacroix`"), "{hover}");
    assert!(text.contains("entities.yaml:"), "{hover}");
    // Nowhere near a finding: nothing.
    let nothing = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(nothing, Value::Null);
    finish(client, handle);
}

/// A workspace that knows Norvalis and what a valuation is, with one article
/// on disk (`news/a.md`, 3 September: valued at €40 million).
fn news_workspace() -> tempfile::TempDir {
    let dir = workspace("entities:\n  - id: norvalis\n    kind: org\n    name: Norvalis\n");
    std::fs::write(
        dir.path().join("rules/attributes.yaml"),
        "attributes:\n  - id: valuation\n    value: money\n    kind: state\n    description: What a company is worth.\n    cues:\n      en: [valued, valuation]\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("news")).unwrap();
    std::fs::write(dir.path().join("news/a.md"), valued("2024-09-03", 40)).unwrap();
    dir
}

/// An article of `date` that values Norvalis at `millions` of euros.
fn valued(date: &str, millions: u32) -> String {
    format!(
        "---\nlang: en\ndate: {date}\n---\nThe drone maker Norvalis is valued at €{millions} million, its founder said.\n"
    )
}

/// Reads published diagnostics of `uri` until `wanted` holds (the workspace
/// is read in the background, so a first publication may come before it);
/// fails after 20 s with the last ones seen.
fn diagnostics_until(client: &Client, uri: &str, wanted: impl Fn(&[Value]) -> bool) -> Value {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let mut last = Value::Null;
    while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
        match client.conn.receiver.recv_timeout(left) {
            Ok(Message::Notification(n))
                if n.method == "textDocument/publishDiagnostics" && n.params["uri"] == uri =>
            {
                if wanted(n.params["diagnostics"].as_array().unwrap()) {
                    return n.params;
                }
                last = n.params;
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    panic!("the diagnostics wanted never came; the last: {last}");
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default())
        .collect()
}

#[test]
fn an_open_article_is_compared_with_the_workspace_articles_on_disk() {
    let dir = news_workspace();
    let (client, handle) = start_in(dir.path(), json!({}));
    let root = format!("file://{}", dir.path().display());
    let uri = format!("{root}/news/b.md");
    // Only b.md is open; a.md, on disk, says €40 million two weeks earlier.
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": valued("2024-09-18", 55) } }));
    let published = diagnostics_until(&client, &uri, |d| codes(d).contains(&"M004"));
    let finding = &published["diagnostics"][0];
    assert_eq!(finding["code"], "M004", "{published}");
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .starts_with("valuation of Norvalis: EUR 55M here, EUR 40M in news/a.md"),
        "{published}"
    );
    let related = &finding["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], format!("{root}/news/a.md"));
    assert_eq!(related["location"]["range"]["start"]["line"], 4);
    assert_eq!(related["message"], "what the other articles say");

    // Edited to agree: the finding goes.
    client.notify("textDocument/didChange", json!({ "textDocument": { "uri": uri, "version": 2 }, "contentChanges": [{ "text": valued("2024-09-18", 40) }] }));
    let agreed = client.diagnostics();
    assert_eq!(agreed["version"], 2);
    assert_eq!(agreed["diagnostics"], json!([]), "{agreed}");

    // a.md changed on disk, and no word from the client (it watches
    // nothing): the server sees it, and the open article disagrees again.
    std::fs::write(dir.path().join("news/a.md"), valued("2024-09-03", 25)).unwrap();
    let again = diagnostics_until(&client, &uri, |d| codes(d).contains(&"M004"));
    assert!(
        again["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("EUR 40M here, EUR 25M in news/a.md"),
        "{again}"
    );

    // A new article on disk sides with the open one: a.md is now the odd
    // one out (reported on a.md, which is not open), the open one is clean.
    std::fs::write(dir.path().join("news/c.md"), valued("2024-09-10", 40)).unwrap();
    diagnostics_until(&client, &uri, |d| d.is_empty());
    finish(client, handle);
}

#[test]
fn a_client_that_watches_files_tells_the_server_of_a_changed_article() {
    let dir = news_workspace();
    let (client, handle) = start_in(
        dir.path(),
        json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } }),
    );
    let root = format!("file://{}", dir.path().display());
    let uri = format!("{root}/news/b.md");
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": valued("2024-09-18", 40) } }));
    // Agreeing with a.md: nothing, before and after the workspace is read.
    let first = client.diagnostics();
    assert_eq!(first["diagnostics"], json!([]), "{first}");
    std::fs::write(dir.path().join("news/a.md"), valued("2024-09-03", 25)).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": format!("{root}/news/a.md"), "type": 2 }] }),
    );
    let after = diagnostics_until(&client, &uri, |d| codes(d).contains(&"M004"));
    assert!(
        after["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("EUR 25M in news/a.md"),
        "{after}"
    );
    // Deleted: the finding goes with it.
    std::fs::remove_file(dir.path().join("news/a.md")).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": format!("{root}/news/a.md"), "type": 3 }] }),
    );
    diagnostics_until(&client, &uri, |d| d.is_empty());
    finish(client, handle);
}

#[test]
fn closing_an_edited_article_puts_its_disk_text_back_for_the_others() {
    let dir = news_workspace();
    let (client, handle) = start_in(dir.path(), json!({}));
    let root = format!("file://{}", dir.path().display());
    let (a, b) = (format!("{root}/news/a.md"), format!("{root}/news/b.md"));
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": b, "languageId": "markdown", "version": 1, "text": valued("2024-09-18", 40) } }));
    diagnostics_until(&client, &b, |d| d.is_empty());
    // a.md opened and edited (unsaved) to €25 million: b.md, the later, is told.
    client.notify("textDocument/didOpen", json!({ "textDocument": { "uri": a, "languageId": "markdown", "version": 1, "text": valued("2024-09-03", 25) } }));
    client.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": a } }),
    );
    diagnostics_until(&client, &b, |d| codes(d).contains(&"M004"));
    // Closed without saving: a.md says €40 million again.
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": a } }),
    );
    diagnostics_until(&client, &b, |d| d.is_empty());
    finish(client, handle);
}
