//! Reading one input — a file or standard input — and refusing what is not an article.

use std::io::Read;
use std::path::Path;

/// Articles larger than this are refused rather than read into memory.
pub const MAX_INPUT_BYTES: u64 = 32 * 1024 * 1024;

/// Why an input cannot be checked. The message is shown after the input's name.
pub fn read_file(path: &Path) -> Result<String, String> {
    // Opened first, then asked its size: one lookup of the path, not two.
    let file = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
    let meta = file.metadata().map_err(|e| io_reason(&e))?;
    if meta.is_dir() {
        return Err("is a folder".to_string());
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    decode(bytes)
}

pub fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    decode(bytes)
}

fn too_large(len: u64) -> String {
    format!(
        "is {:.1} MiB, larger than the {} MiB an article may have",
        len as f64 / 1024.0 / 1024.0,
        MAX_INPUT_BYTES / 1024 / 1024
    )
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Checks that `bytes` are a text article: not empty, not binary, valid UTF-8.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("is empty".to_string());
    }
    let head = &bytes[..bytes.len().min(8192)];
    // `contains` searches a word at a time; the offset is found only for the message.
    if head.contains(&0)
        && let Some(at) = head.iter().position(|b| *b == 0)
    {
        return Err(format!(
            "looks like a binary file (NUL byte at offset {at})"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        format!("is not valid UTF-8 (invalid byte 0x{:02X} at offset {at}, line {line}); convert it to UTF-8 first", bytes[at])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_binary_and_non_utf8_input() {
        assert_eq!(decode(b"".to_vec()).unwrap_err(), "is empty");
        assert_eq!(decode(b" \n\t".to_vec()).unwrap_err(), "is empty");
        assert!(decode(b"ab\0cd".to_vec()).unwrap_err().contains("binary"));
        let err = decode(b"caf\xe9\nx".to_vec()).unwrap_err();
        assert!(err.contains("offset 3, line 1"), "{err}");
        assert_eq!(decode("Zoé".as_bytes().to_vec()).unwrap(), "Zoé");
    }
}
