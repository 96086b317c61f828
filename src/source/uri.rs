//! `file://` URIs and paths. Parsing, percent-decoding and percent-encoding
//! are `fluent-uri`'s; what is left here is the file scheme's own rules
//! (`localhost`, Windows drive letters and shares), written for both path
//! styles so that the Windows ones are tested on any machine.

use std::path::{Path, PathBuf};

use fluent_uri::Iri;
use fluent_uri::pct_enc::{EStr, EString, encoder};

/// How a platform writes paths.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// `/home/a/x.md`
    Unix,
    /// `C:\Users\a\x.md`, `\\server\share\x.md`
    Windows,
}

impl Style {
    /// This platform's.
    pub const NATIVE: Style = if cfg!(windows) {
        Style::Windows
    } else {
        Style::Unix
    };
}

/// The path of a `file:` URI, percent-decoded, as bytes in `style`; `None`
/// for another scheme or a URI that names no file in that style. IRIs
/// (non-ASCII characters left unencoded, as some clients send) are accepted.
pub fn path_of(uri: &str, style: Style) -> Option<Vec<u8>> {
    let iri = Iri::parse(uri).ok()?;
    if !iri.scheme().as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    let host = iri
        .authority()
        .map(|a| a.host())
        .filter(|h| !h.eq_ignore_ascii_case("localhost"))
        .unwrap_or("");
    let path = iri.path().decode().to_bytes().into_owned();
    if !path.starts_with(b"/") {
        return None;
    }
    match style {
        // A file on another host has no local Unix path.
        Style::Unix => host.is_empty().then_some(path),
        Style::Windows if !host.is_empty() => {
            // file://server/share/x → \\server\share\x
            let mut out = b"\\\\".to_vec();
            out.extend_from_slice(host.as_bytes());
            out.extend(path.iter().map(|&b| if b == b'/' { b'\\' } else { b }));
            Some(out)
        }
        Style::Windows => {
            // file:///C:/x (or the old file:///C%7C/x, a `|` for the colon) → C:\x
            let drive = path.get(1).filter(|b| b.is_ascii_alphabetic())?;
            if !matches!(path.get(2), Some(b':' | b'|'))
                || !matches!(path.get(3), None | Some(b'/'))
            {
                return None;
            }
            let mut out = vec![drive.to_ascii_uppercase(), b':'];
            out.extend(path[3..].iter().map(|&b| if b == b'/' { b'\\' } else { b }));
            if out.len() == 2 {
                out.push(b'\\');
            }
            Some(out)
        }
    }
}

/// A `file:` URI for an absolute path given as bytes in `style`; `None`
/// for a relative path.
pub fn uri_for(path: &[u8], style: Style) -> Option<String> {
    let (host, rest): (Vec<u8>, Vec<u8>) = match style {
        Style::Unix => (Vec::new(), path.to_vec()),
        Style::Windows => {
            let slashed: Vec<u8> = path
                .iter()
                .map(|&b| if b == b'\\' { b'/' } else { b })
                .collect();
            // \\?\C:\x (a verbatim path) is C:\x.
            let slashed = match slashed.strip_prefix(b"//?/") {
                Some(rest) if rest.get(1) == Some(&b':') => rest.to_vec(),
                _ => slashed,
            };
            if let Some(unc) = slashed.strip_prefix(b"//") {
                let end = unc.iter().position(|&b| b == b'/').unwrap_or(unc.len());
                (unc[..end].to_vec(), unc[end..].to_vec())
            } else if slashed.first().is_some_and(u8::is_ascii_alphabetic)
                && slashed.get(1) == Some(&b':')
            {
                let mut rest = vec![b'/'];
                rest.push(slashed[0].to_ascii_uppercase());
                rest.extend_from_slice(&slashed[1..]);
                (Vec::new(), rest)
            } else {
                return None;
            }
        }
    };
    if !rest.starts_with(b"/") {
        return None;
    }
    let mut uri = String::from("file://");
    let mut authority = EString::<encoder::RegName>::new();
    encode(&mut authority, &host);
    uri.push_str(authority.as_estr().as_str());
    let mut encoded = EString::<encoder::Path>::new();
    encode(&mut encoded, &rest);
    uri.push_str(encoded.as_estr().as_str());
    Some(uri)
}

/// Percent-encodes `bytes` for a URI component: what the component allows
/// stays, the rest (and bytes that are not UTF-8) is encoded.
fn encode<E: fluent_uri::pct_enc::Encoder>(out: &mut EString<E>, bytes: &[u8]) {
    for chunk in bytes.utf8_chunks() {
        out.encode_str::<E>(chunk.valid());
        for &b in chunk.invalid() {
            out.push_estr(EStr::<E>::encode_byte(b));
        }
    }
}

/// The local path of a `file://` URI.
pub fn to_path(uri: &str) -> Option<PathBuf> {
    let bytes = path_of(uri, Style::NATIVE)?;
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
    }
    #[cfg(not(unix))]
    {
        String::from_utf8(bytes).ok().map(PathBuf::from)
    }
}

/// A `file://` URI for an absolute local path (a relative one is taken from
/// the current folder).
pub fn from_path(path: &Path) -> String {
    let absolute;
    let path = if path.is_absolute() {
        path
    } else {
        absolute = std::env::current_dir().unwrap_or_default().join(path);
        &absolute
    };
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().into_owned().into_bytes();
    uri_for(&bytes, Style::NATIVE)
        .unwrap_or_else(|| format!("file://{}", path.to_string_lossy().replace('\\', "/")))
}

/// A URI reference for a file name as claimcheck shows it: relative paths stay
/// relative (forward slashes, percent-encoded), absolute ones (Unix or
/// Windows) become `file://` URIs, and names that already carry a scheme
/// (`builtin:`) stay as they are.
pub fn reference(name: &str) -> String {
    for style in [Style::Unix, Style::Windows] {
        if let Some(uri) = uri_for(name.as_bytes(), style) {
            return uri;
        }
    }
    let name = name.replace('\\', "/");
    if name.split_once(':').is_some_and(|(scheme, _)| {
        !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric())
    }) {
        return name;
    }
    let mut encoded = EString::<encoder::Path>::new();
    encode(&mut encoded, name.as_bytes());
    encoded.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn windows_path(uri: &str) -> Option<String> {
        path_of(uri, Style::Windows).map(|p| String::from_utf8(p).unwrap())
    }

    fn windows_uri(path: &str) -> Option<String> {
        uri_for(path.as_bytes(), Style::Windows)
    }

    #[test]
    fn round_trips_paths_with_spaces_and_accents() {
        let path = Path::new("/tmp/dossier été/a b.md");
        let uri = from_path(path);
        assert_eq!(uri, "file:///tmp/dossier%20%C3%A9t%C3%A9/a%20b.md");
        assert_eq!(to_path(&uri).as_deref(), Some(path));
        assert_eq!(to_path("untitled:1"), None);
        assert_eq!(
            path_of("file://localhost/tmp/a%23b.md", Style::Unix).as_deref(),
            Some(&b"/tmp/a#b.md"[..])
        );
        // Some clients send IRIs: accents left unencoded.
        assert_eq!(
            path_of("file:///tmp/été.md", Style::Unix).as_deref(),
            Some("/tmp/été.md".as_bytes())
        );
        // A file on another host has no Unix path.
        assert_eq!(path_of("file://server/share/a.md", Style::Unix), None);
        // Characters that mean something in a URI are encoded.
        assert_eq!(
            uri_for(b"/tmp/50% #1?.md", Style::Unix).as_deref(),
            Some("file:///tmp/50%25%20%231%3F.md")
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_unix_name_that_is_not_utf8_round_trips() {
        use std::os::unix::ffi::OsStrExt;
        let path = Path::new(std::ffi::OsStr::from_bytes(b"/tmp/caf\xe9.md"));
        let uri = from_path(path);
        assert_eq!(uri, "file:///tmp/caf%E9.md");
        assert_eq!(to_path(&uri).as_deref(), Some(path));
    }

    #[test]
    fn windows_drive_paths_and_shares() {
        assert_eq!(
            windows_path("file:///C:/Users/a%20b/x.md").as_deref(),
            Some(r"C:\Users\a b\x.md")
        );
        // VS Code writes the drive in lower case with its colon encoded.
        assert_eq!(
            windows_path("file:///c%3A/Users/a%20b/x.md").as_deref(),
            Some(r"C:\Users\a b\x.md")
        );
        assert_eq!(
            windows_path("file:///d%7C/notes").as_deref(),
            Some(r"D:\notes")
        );
        assert_eq!(windows_path("file:///C:").as_deref(), Some(r"C:\"));
        assert_eq!(
            windows_path("file://server/share/d%C3%A9p%C3%AAche.md").as_deref(),
            Some(r"\\server\share\dépêche.md")
        );
        // A path without a drive names no Windows file.
        assert_eq!(windows_path("file:///Users/x.md"), None);
        assert_eq!(windows_path("https://example.com/C:/x.md"), None);

        assert_eq!(
            windows_uri(r"C:\Users\a b\x.md").as_deref(),
            Some("file:///C:/Users/a%20b/x.md")
        );
        assert_eq!(
            windows_uri(r"c:\dépêches\x.md").as_deref(),
            Some("file:///C:/d%C3%A9p%C3%AAches/x.md")
        );
        assert_eq!(
            windows_uri(r"\\?\C:\Users\x.md").as_deref(),
            Some("file:///C:/Users/x.md")
        );
        assert_eq!(
            windows_uri(r"\\server\share\a b.md").as_deref(),
            Some("file://server/share/a%20b.md")
        );
        assert_eq!(windows_uri(r"notes\x.md"), None);
        // Both ways give back the path.
        for path in [r"C:\Users\a b\x.md", r"\\server\share\x #2.md"] {
            let uri = windows_uri(path).unwrap();
            assert_eq!(windows_path(&uri).as_deref(), Some(path), "{uri}");
        }
    }

    #[test]
    fn references_keep_relative_names_relative() {
        assert_eq!(reference("fixtures/a b.md"), "fixtures/a%20b.md");
        assert_eq!(reference("/tmp/a.md"), "file:///tmp/a.md");
        assert_eq!(reference(r"C:\news\a.md"), "file:///C:/news/a.md");
        assert_eq!(
            reference("builtin:rules/entities.yaml"),
            "builtin:rules/entities.yaml"
        );
        assert_eq!(reference("../shared/seeds/x.txt"), "../shared/seeds/x.txt");
        assert_eq!(reference(r"news\a b.md"), "news/a%20b.md");
    }
}
