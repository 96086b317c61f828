//! LSP positions: a zero-based line and a character offset counted in the
//! negotiated unit — UTF-8 bytes when the client offers it, else UTF-16 code units.

use crate::source::SourceFile;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// (line, character) of a byte offset.
pub fn to_position(file: &SourceFile, byte: usize, encoding: Encoding) -> (u32, u32) {
    let byte = byte.min(file.text.len());
    let line = file.line_index(byte);
    let start = file.line_range(line).map_or(0, |r| r.start);
    let character: usize = file.text[start..byte]
        .chars()
        .map(|c| encoding.width(c))
        .sum();
    (line as u32, character as u32)
}

/// The byte offset of (line, character); past the end of a line, its end.
pub fn to_byte(file: &SourceFile, line: u32, character: u32, encoding: Encoding) -> usize {
    let Some(range) = file.line_range(line as usize) else {
        return file.text.len();
    };
    let text = file.text[range.clone()].trim_end_matches(['\n', '\r']);
    let mut units = 0usize;
    for (i, c) in text.char_indices() {
        if units >= character as usize {
            return range.start + i;
        }
        units += encoding.width(c);
    }
    range.start + text.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileKind, SourceMap};

    #[test]
    fn counts_bytes_or_utf16_units() {
        let mut map = SourceMap::default();
        let id = map.add(
            "a.md",
            "x\n« Dorothé » 𝄞 Durand\n".to_string(),
            FileKind::Article,
        );
        let file = map.get(id);
        let at = file.text.find("Durand").unwrap();
        assert_eq!(to_position(file, at, Encoding::Utf8), (1, at as u32 - 2));
        // « and é are one UTF-16 unit each, 𝄞 is two.
        assert_eq!(to_position(file, at, Encoding::Utf16), (1, 15));
        assert_eq!(to_byte(file, 1, 15, Encoding::Utf16), at);
        assert_eq!(to_byte(file, 1, at as u32 - 2, Encoding::Utf8), at);
        assert_eq!(to_byte(file, 1, 999, Encoding::Utf16), file.text.len() - 1);
    }
}
