//! `file://` URIs and paths.

use std::path::{Path, PathBuf};

/// The path of a `file://` URI, percent-decoded.
pub fn to_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).ok()?, 16)
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().map(PathBuf::from)
}

/// A path percent-encoded for a URI, `/` kept.
fn encode(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A `file://` URI for an absolute path, percent-encoding what URIs do not allow.
pub fn from_path(path: &Path) -> String {
    format!("file://{}", encode(&path.to_string_lossy()))
}

/// A URI reference for a file name as claimcheck shows it: relative paths stay
/// relative (forward slashes, percent-encoded), absolute ones become `file://`
/// URIs, and names that already carry a scheme (`builtin:`) stay as they are.
pub fn reference(name: &str) -> String {
    let name = name.replace('\\', "/");
    if name.starts_with('/') {
        from_path(Path::new(&name))
    } else if name.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric())
    }) {
        name
    } else {
        encode(&name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_paths_with_spaces_and_accents() {
        let path = Path::new("/tmp/dossier été/a b.md");
        let uri = from_path(path);
        assert_eq!(uri, "file:///tmp/dossier%20%C3%A9t%C3%A9/a%20b.md");
        assert_eq!(to_path(&uri).as_deref(), Some(path));
        assert_eq!(to_path("untitled:1"), None);
        assert_eq!(reference("fixtures/a b.md"), "fixtures/a%20b.md");
        assert_eq!(reference("/tmp/a.md"), "file:///tmp/a.md");
        assert_eq!(
            reference("builtin:rules/entities.yaml"),
            "builtin:rules/entities.yaml"
        );
        assert_eq!(reference("../shared/seeds/x.txt"), "../shared/seeds/x.txt");
    }
}
