//! LSP framing over a byte stream (`Content-Length` headers, JSON bodies),
//! built to survive a broken or hostile client: header lines and bodies are
//! bounded, nothing is allocated because a header claims a size, input that
//! is not a message gets a JSON-RPC error reply, and after a framing error
//! the reader resynchronises on the next `Content-Length` header instead of
//! giving up (the `lsp-server` crate's own reader ends the session).

use std::cell::RefCell;
use std::io::{self, BufRead, Write};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};

use lsp_server::{ErrorCode, Message};
use serde_json::{Value, json};

/// The largest message body read: twice the command line's 32 MiB article
/// limit, so that an article at that limit still fits when JSON escaping
/// doubles its quotes, backslashes and line breaks, with the envelope around it.
pub const MAX_MESSAGE_BYTES: usize = 64 << 20;

/// Header lines are a few dozen bytes; a longer one is not a header.
const MAX_HEADER_LINE: u64 = 1024;

/// Parsed messages the reader may hold ahead of the server: enough for the
/// server to see that a newer change is waiting, few enough to bound memory.
const QUEUE: usize = 4;

/// What the reader got from the stream.
#[derive(Debug)]
pub enum Received {
    Message(Message),
    /// Input that is not a message, and the error the client is told.
    Invalid(Rejection),
}

/// A JSON-RPC error reply to input that could not be taken as a message.
#[derive(Debug)]
pub struct Rejection {
    /// The request's id when it could be read, else `null` (as JSON-RPC asks).
    pub id: Value,
    pub code: i32,
    pub message: String,
}

impl Rejection {
    fn new(code: ErrorCode, message: String) -> Rejection {
        Rejection {
            id: Value::Null,
            code: code as i32,
            message,
        }
    }
}

/// Input to pass over before reading the next header.
#[derive(Debug, Clone, Copy)]
enum Skip {
    /// Everything up to the next `Content-Length` header.
    ToHeader,
    /// The body of a message too large to read: at most this many bytes,
    /// fewer if a header shows up in them (then the claimed size was a lie).
    Body(u64),
}

/// Reads messages from a byte stream, recovering from framing errors.
pub struct FrameReader<R> {
    input: R,
    skip: Option<Skip>,
    /// A `Content-Length` already found while scanning; its header block goes on.
    found_length: Option<u64>,
    scanner: HeaderScanner,
}

impl<R: BufRead> FrameReader<R> {
    pub fn new(input: R) -> FrameReader<R> {
        FrameReader {
            input,
            skip: None,
            found_length: None,
            scanner: HeaderScanner::default(),
        }
    }

    /// The next message or rejection; `None` at the end of the stream.
    pub fn read(&mut self) -> io::Result<Option<Received>> {
        loop {
            if let Some(skip) = self.skip.take() {
                let limit = match skip {
                    Skip::ToHeader => u64::MAX,
                    Skip::Body(n) => n,
                };
                match self.scan(limit, None)? {
                    Scanned::Header(length) => self.found_length = Some(length),
                    Scanned::Limit => {}
                    Scanned::End => return Ok(None),
                }
            }
            let length = match self.headers()? {
                Headers::Length(length) => length,
                Headers::Invalid(rejection) => return Ok(Some(Received::Invalid(rejection))),
                Headers::End => return Ok(None),
            };
            if length > MAX_MESSAGE_BYTES as u64 {
                self.skip = Some(Skip::Body(length));
                self.scanner = HeaderScanner::default();
                return Ok(Some(Received::Invalid(Rejection::new(
                    ErrorCode::InvalidRequest,
                    format!(
                        "a message of {length} bytes is over the {} MiB limit: skipped",
                        MAX_MESSAGE_BYTES >> 20
                    ),
                ))));
            }
            let mut body = Vec::new();
            self.scanner = HeaderScanner::default();
            match self.scan(length, Some(&mut body))? {
                Scanned::Limit => {}
                Scanned::Header(next) => {
                    self.found_length = Some(next);
                    return Ok(Some(Received::Invalid(Rejection::new(
                        ErrorCode::ParseError,
                        format!(
                            "a new header began inside a body announced as {length} bytes: \
                             the Content-Length was too large"
                        ),
                    ))));
                }
                Scanned::End => return Ok(None),
            }
            if let Some(received) = parse(&body) {
                return Ok(Some(received));
            }
        }
    }

    /// Reads one header block, up to its blank line.
    fn headers(&mut self) -> io::Result<Headers> {
        let mut length = self.found_length.take();
        let mut in_block = length.is_some();
        loop {
            let mut line = Vec::new();
            io::Read::take(&mut self.input, MAX_HEADER_LINE).read_until(b'\n', &mut line)?;
            if line.is_empty() {
                return Ok(Headers::End);
            }
            let complete = line.ends_with(b"\n");
            let text = line.strip_suffix(b"\n").unwrap_or(&line);
            let text = text.strip_suffix(b"\r").unwrap_or(text);
            if complete && text.is_empty() {
                if !in_block {
                    continue; // a stray blank line between messages
                }
                return Ok(match length {
                    Some(length) => Headers::Length(length),
                    None => {
                        self.skip = Some(Skip::ToHeader);
                        self.scanner = HeaderScanner::default();
                        Headers::Invalid(Rejection::new(
                            ErrorCode::ParseError,
                            "a message without a Content-Length header: skipped to the next header"
                                .to_string(),
                        ))
                    }
                });
            }
            match header(text).filter(|_| complete) {
                Some((name, value)) => {
                    in_block = true;
                    if name.eq_ignore_ascii_case(b"content-length") {
                        match decimal(value) {
                            Some(n) => length = Some(n),
                            None => {
                                self.skip = Some(Skip::ToHeader);
                                self.scanner = HeaderScanner::default();
                                return Ok(Headers::Invalid(Rejection::new(
                                    ErrorCode::ParseError,
                                    format!(
                                        "the Content-Length `{}` is not a number: \
                                         skipped to the next header",
                                        String::from_utf8_lossy(value)
                                    ),
                                )));
                            }
                        }
                    }
                }
                None => {
                    // Not a header: the rest of a misframed message, or garbage.
                    self.scanner = HeaderScanner::default();
                    let found = self.scanner.feed(&line);
                    let message = match found {
                        Some((_, n)) => {
                            self.found_length = Some(n);
                            "input that is not a message was skipped up to the next header"
                        }
                        None => {
                            self.skip = Some(Skip::ToHeader);
                            "input that is not a message: skipped to the next header"
                        }
                    };
                    return Ok(Headers::Invalid(Rejection::new(
                        ErrorCode::ParseError,
                        message.to_string(),
                    )));
                }
            }
        }
    }

    /// Consumes up to `limit` bytes, keeping them in `keep` if given, and
    /// stops early right after a `Content-Length` header line.
    fn scan(&mut self, limit: u64, mut keep: Option<&mut Vec<u8>>) -> io::Result<Scanned> {
        let mut left = limit;
        while left > 0 {
            let buffer = self.input.fill_buf()?;
            if buffer.is_empty() {
                return Ok(Scanned::End);
            }
            let window = &buffer[..buffer
                .len()
                .min(usize::try_from(left).unwrap_or(usize::MAX))];
            let found = self.scanner.feed(window);
            let used = found.map_or(window.len(), |(end, _)| end);
            if let Some(keep) = keep.as_deref_mut() {
                keep.extend_from_slice(&window[..used]);
            }
            self.input.consume(used);
            left -= used as u64;
            if let Some((_, length)) = found {
                self.scanner = HeaderScanner::default();
                return Ok(Scanned::Header(length));
            }
        }
        Ok(Scanned::Limit)
    }
}

enum Headers {
    Length(u64),
    Invalid(Rejection),
    End,
}

enum Scanned {
    /// A `Content-Length` header with this value ended the scan.
    Header(u64),
    /// The limit was reached.
    Limit,
    /// The stream ended.
    End,
}

/// `Name: value` with a token for a name. A name that merely ends in
/// `Content-Length` is the tail of a misframed message glued to a header.
fn header(line: &[u8]) -> Option<(&[u8], &[u8])> {
    let colon = line.iter().position(|&b| b == b':')?;
    let name = &line[..colon];
    let token = !name.is_empty() && name.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-');
    let length = &NAME[..NAME.len() - 1];
    let glued =
        name.len() > length.len() && name[name.len() - length.len()..].eq_ignore_ascii_case(length);
    (token && !glued).then(|| (name, line[colon + 1..].trim_ascii()))
}

/// A decimal number; one too large for `u64` saturates (it is over the limit anyway).
fn decimal(text: &[u8]) -> Option<u64> {
    if text.is_empty() || !text.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(text.iter().fold(0u64, |n, d| {
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    }))
}

/// A body as a message; `None` for a malformed response, which gets no reply
/// (JSON-RPC never answers a response).
fn parse(body: &[u8]) -> Option<Received> {
    if let Ok(message) = serde_json::from_slice::<Message>(body) {
        return Some(Received::Message(message));
    }
    let value = match serde_json::from_slice::<Value>(body) {
        Ok(value) => value,
        Err(e) => {
            return Some(Received::Invalid(Rejection::new(
                ErrorCode::ParseError,
                format!("the message is not valid JSON: {e}"),
            )));
        }
    };
    let why = match &value {
        Value::Object(o) if !o.contains_key("method") => {
            if o.contains_key("result") || o.contains_key("error") {
                return None;
            }
            "it has no `method`"
        }
        Value::Object(o) if !o["method"].is_string() => "its `method` is not a string",
        Value::Object(_) => "its `id` or `params` has the wrong type",
        _ => "it is not a JSON object",
    };
    let id = value
        .get("id")
        .filter(|id| id.is_number() || id.is_string())
        .cloned()
        .unwrap_or(Value::Null);
    Some(Received::Invalid(Rejection {
        id,
        code: ErrorCode::InvalidRequest as i32,
        message: format!("the message is not a JSON-RPC request or notification: {why}"),
    }))
}

/// Finds `Content-Length: <digits>` followed by a line break, byte by byte
/// across buffer boundaries. That sequence cannot occur inside valid JSON (a
/// JSON string holds no raw line break, and outside strings the name is not a
/// token), so finding it inside a body proves the body's length was wrong.
#[derive(Debug, Default)]
struct HeaderScanner {
    state: ScanState,
}

#[derive(Debug, Default, Clone, Copy)]
enum ScanState {
    #[default]
    Start,
    /// This many bytes of `content-length:` matched.
    Name(usize),
    Space,
    Digits(u64),
    Return(u64),
}

const NAME: &[u8] = b"content-length:";

impl HeaderScanner {
    /// Feeds bytes; on a header, the offset just past its line break and its value.
    fn feed(&mut self, bytes: &[u8]) -> Option<(usize, u64)> {
        let mut i = 0;
        while i < bytes.len() {
            if let ScanState::Start = self.state {
                // Fast path: most bytes are body text with no `c` in sight.
                match memchr::memchr2(b'c', b'C', &bytes[i..]) {
                    Some(at) => {
                        i += at + 1;
                        self.state = ScanState::Name(1);
                        continue;
                    }
                    None => return None,
                }
            }
            let b = bytes[i];
            i += 1;
            self.state = match self.state {
                ScanState::Name(k) if b.to_ascii_lowercase() == NAME[k] => {
                    if k + 1 == NAME.len() {
                        ScanState::Space
                    } else {
                        ScanState::Name(k + 1)
                    }
                }
                ScanState::Space if b == b' ' || b == b'\t' => ScanState::Space,
                ScanState::Space if b.is_ascii_digit() => ScanState::Digits(u64::from(b - b'0')),
                ScanState::Digits(n) if b.is_ascii_digit() => {
                    ScanState::Digits(n.saturating_mul(10).saturating_add(u64::from(b - b'0')))
                }
                ScanState::Digits(n) if b == b'\r' => ScanState::Return(n),
                ScanState::Digits(n) | ScanState::Return(n) if b == b'\n' => {
                    self.state = ScanState::Start;
                    return Some((i, n));
                }
                // A mismatch; `content-length:` has no repeated prefix, so
                // only this byte can start a new match.
                _ if b == b'c' || b == b'C' => ScanState::Name(1),
                _ => ScanState::Start,
            };
        }
        None
    }
}

/// Writes one message with its header.
pub fn write_message(mut output: &mut dyn Write, message: &Message) -> io::Result<()> {
    message.write(&mut output)
}

/// Writes an error reply to input that was not a message (its id may be `null`,
/// which `lsp_server::Response` cannot hold).
pub fn write_rejection(output: &mut dyn Write, rejection: &Rejection) -> io::Result<()> {
    let body = json!({
        "jsonrpc": "2.0",
        "id": rejection.id,
        "error": { "code": rejection.code, "message": rejection.message },
    })
    .to_string();
    write!(output, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    output.flush()
}

/// The server's end of a byte-stream transport: a reader thread frames and
/// parses the input (answering what is not a message itself) and queues the
/// messages; replies are written, whole, under a lock shared with it.
pub struct Stream {
    incoming: Receiver<io::Result<Message>>,
    output: Arc<Mutex<dyn Write + Send>>,
    /// Why the input could not be read, once it could not.
    failure: RefCell<Option<String>>,
}

impl Stream {
    pub fn spawn(
        input: impl BufRead + Send + 'static,
        output: impl Write + Send + 'static,
    ) -> Stream {
        let output: Arc<Mutex<dyn Write + Send>> = Arc::new(Mutex::new(output));
        let (sender, incoming) = sync_channel(QUEUE);
        let replies = Arc::clone(&output);
        std::thread::spawn(move || forward(FrameReader::new(input), &sender, &replies));
        Stream {
            incoming,
            output,
            failure: RefCell::new(None),
        }
    }

    /// The next message; `None` once the input has ended or failed.
    pub fn recv(&self) -> Option<Message> {
        self.take(self.incoming.recv().ok()?)
    }

    /// The next message within `wait`: `Err(true)` when none came in time,
    /// `Err(false)` once the input has ended or failed.
    pub fn recv_timeout(&self, wait: std::time::Duration) -> Result<Message, bool> {
        match self.incoming.recv_timeout(wait) {
            Ok(received) => self.take(received).ok_or(false),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(true),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Err(false),
        }
    }

    /// A message already queued, without waiting.
    pub fn try_recv(&self) -> Option<Message> {
        self.take(self.incoming.try_recv().ok()?)
    }

    fn take(&self, received: io::Result<Message>) -> Option<Message> {
        received
            .map_err(|e| *self.failure.borrow_mut() = Some(format!("reading the input: {e}")))
            .ok()
    }

    /// Why the input ended, if it was not its regular end.
    pub fn failure(&self) -> Option<String> {
        self.failure.borrow().clone()
    }

    /// Sends a message; a client that stopped reading is not an error here:
    /// the session ends when its input does.
    pub fn send(&self, message: &Message) {
        let mut output = self.output.lock().unwrap_or_else(|e| e.into_inner());
        let _ = write_message(&mut *output, message);
    }
}

/// The reader thread: messages to the server, rejections straight to the client.
fn forward(
    mut reader: FrameReader<impl BufRead>,
    server: &SyncSender<io::Result<Message>>,
    output: &Mutex<dyn Write + Send>,
) {
    loop {
        let received = match reader.read() {
            Ok(Some(received)) => received,
            Ok(None) => return,
            Err(e) => {
                let _ = server.send(Err(e));
                return;
            }
        };
        match received {
            Received::Message(message) => {
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if server.send(Ok(message)).is_err() || exit {
                    return;
                }
            }
            Received::Invalid(rejection) => {
                let mut output = output.lock().unwrap_or_else(|e| e.into_inner());
                let _ = write_rejection(&mut *output, &rejection);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    fn read_all(input: &[u8]) -> Vec<Received> {
        let mut reader = FrameReader::new(input);
        std::iter::from_fn(|| reader.read().unwrap()).collect()
    }

    fn methods(received: &[Received]) -> Vec<String> {
        received
            .iter()
            .map(|r| match r {
                Received::Message(Message::Notification(n)) => n.method.clone(),
                Received::Message(m) => format!("{m:?}"),
                Received::Invalid(r) => format!("error {}", r.code),
            })
            .collect()
    }

    const PING: &str = r#"{"jsonrpc":"2.0","method":"ping"}"#;

    #[test]
    fn valid_messages_pass_through() {
        let input = format!("{}{}", frame(PING), frame(PING));
        assert_eq!(methods(&read_all(input.as_bytes())), ["ping", "ping"]);
    }

    #[test]
    fn a_header_is_found_across_buffer_boundaries() {
        let input = format!("garbage{}", frame(PING));
        for capacity in 1..8 {
            let reader = io::BufReader::with_capacity(capacity, input.as_bytes());
            let mut reader = FrameReader::new(reader);
            let got: Vec<Received> = std::iter::from_fn(|| reader.read().unwrap()).collect();
            assert_eq!(methods(&got), ["error -32700", "ping"], "{capacity}");
        }
    }

    #[test]
    fn a_header_inside_a_too_long_body_ends_it() {
        let input = format!("Content-Length: 500\r\n\r\n{PING}{}", frame(PING));
        assert_eq!(
            methods(&read_all(input.as_bytes())),
            ["error -32700", "ping"]
        );
    }

    #[test]
    fn a_valid_body_mentioning_a_header_is_not_cut() {
        let body = r#"{"jsonrpc":"2.0","method":"ping","params":"Content-Length: 5\r\n\r\n"}"#;
        assert_eq!(methods(&read_all(frame(body).as_bytes())), ["ping"]);
    }

    #[test]
    fn a_huge_length_is_skipped_up_to_its_claim_when_no_header_shows_up() {
        let filler = "x".repeat(100);
        let input = format!(
            "Content-Length: {}\r\n\r\n{filler}{}",
            MAX_MESSAGE_BYTES + 1,
            frame(PING)
        );
        // The next header is inside the claimed body: taken as the end of the lie.
        assert_eq!(
            methods(&read_all(input.as_bytes())),
            ["error -32600", "ping"]
        );
    }

    #[test]
    fn a_long_line_that_is_no_header_is_skipped_without_being_kept() {
        let input = format!("{}{}", "x".repeat(1 << 20), frame(PING));
        assert_eq!(
            methods(&read_all(input.as_bytes())),
            ["error -32700", "ping"]
        );
    }

    #[test]
    fn a_header_block_without_length_is_skipped_with_its_body() {
        let input = format!("Content-Type: x\r\n\r\n{PING}{}", frame(PING));
        assert_eq!(
            methods(&read_all(input.as_bytes())),
            ["error -32700", "ping"]
        );
    }

    #[test]
    fn a_malformed_response_gets_no_reply() {
        let input = frame(r#"{"jsonrpc":"2.0","id":null,"result":1}"#) + &frame(PING);
        assert_eq!(methods(&read_all(input.as_bytes())), ["ping"]);
    }
}
