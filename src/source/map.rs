//! All files the engine has read — articles and fact-base YAML alike — so that
//! one diagnostic can point into an article and into the YAML that contradicts it.

use std::ops::Range;
use std::path::PathBuf;

use codespan_reporting::files::{Error as FilesError, Files};

use crate::span::FileId;

/// What a file is, so that renderers and checks can tell articles from rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Article,
    Rules,
}

#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The name shown to the user: a path as given (lossy where it is not
    /// UTF-8), or the stdin name. For display only: see [`path`](Self::path).
    pub name: String,
    /// The file's real path, byte for byte, when it was read from disk: the
    /// only thing a fix may write to (`None` for standard input and built-in rules).
    pub path: Option<PathBuf>,
    pub text: String,
    pub kind: FileKind,
    /// Where each line starts, computed when first asked for: most articles of
    /// an archive get no diagnostic and never need it.
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// Characters before every [`CHECKPOINT`]-th byte (on a character
    /// boundary), computed when a column is first asked for: a column is then
    /// counted from the nearest checkpoint, not from the start of its line,
    /// so that many findings on one very long line print in linear time.
    char_checkpoints: std::sync::OnceLock<Vec<(usize, usize)>>,
}

/// Bytes between two character-count checkpoints.
const CHECKPOINT: usize = 4096;

impl SourceFile {
    fn new(name: String, path: Option<PathBuf>, text: String, kind: FileKind) -> Self {
        SourceFile {
            name,
            path,
            text,
            kind,
            line_starts: std::sync::OnceLock::new(),
            char_checkpoints: std::sync::OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            // memchr's vectorised search: rendering the findings of 2,783
            // articles waited 2 ms on the standard library's.
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1))
                .collect()
        })
    }

    /// How many characters come before `byte` (a character boundary).
    fn chars_before(&self, byte: usize) -> usize {
        let checkpoints = self.char_checkpoints.get_or_init(|| {
            let mut out = vec![(0, 0)];
            let mut at = 0;
            let mut chars = 0;
            while at + CHECKPOINT < self.text.len() {
                let next = floor_char_boundary(&self.text, at + CHECKPOINT);
                chars += self.text[at..next].chars().count();
                at = next;
                out.push((at, chars));
            }
            out
        });
        let k = match checkpoints.binary_search_by_key(&byte, |c| c.0) {
            Ok(k) => k,
            Err(next) => next - 1,
        };
        let (at, chars) = checkpoints[k];
        chars + self.text[at..byte].chars().count()
    }

    /// Zero-based line index of a byte offset.
    pub fn line_index(&self, byte: usize) -> usize {
        match self.line_starts().binary_search(&byte) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte range of a zero-based line, its line break included.
    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let line_starts = self.line_starts();
        let start = *line_starts.get(line)?;
        let end = line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        Some(start..end)
    }

    /// One-based line and one-based column counted in Unicode scalar values.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let byte = floor_char_boundary(&self.text, byte.min(self.text.len()));
        let line = self.line_index(byte);
        let start = self.line_starts()[line];
        let column = if byte - start <= CHECKPOINT {
            self.text[start..byte].chars().count()
        } else {
            self.chars_before(byte) - self.chars_before(start)
        };
        (line + 1, column + 1)
    }

    /// Byte offset of a one-based line and column in Unicode scalar values.
    pub fn offset_of(&self, line: usize, column: usize) -> Option<usize> {
        let range = self.line_range(line.checked_sub(1)?)?;
        let text = &self.text[range.clone()];
        let skip = column.checked_sub(1)?;
        match text.char_indices().nth(skip) {
            Some((i, _)) => Some(range.start + i),
            None if text.chars().count() == skip => Some(range.end),
            None => None,
        }
    }
}

fn floor_char_boundary(text: &str, mut byte: usize) -> usize {
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

/// Cloning shares the files: an editor's check copies the map of a large
/// fact base for each keystroke, and must not copy its text.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    files: Vec<std::sync::Arc<SourceFile>>,
}

impl SourceMap {
    /// Adds a text that has no path on disk (standard input, an editor's buffer, built-in rules).
    pub fn add(&mut self, name: impl Into<String>, text: String, kind: FileKind) -> FileId {
        let file = SourceFile::new(name.into(), None, text, kind);
        self.files.push(std::sync::Arc::new(file));
        self.files.len() - 1
    }

    /// Adds a file read from `path`; its name is the path's display form.
    pub fn add_path(&mut self, path: PathBuf, text: String, kind: FileKind) -> FileId {
        let name = path.display().to_string();
        let file = SourceFile::new(name, Some(path), text, kind);
        self.files.push(std::sync::Arc::new(file));
        self.files.len() - 1
    }

    /// Adds a file with its own display name and, when it is on disk, its path
    /// (the language server names a workspace's files from its root).
    pub fn add_named(
        &mut self,
        name: String,
        path: Option<PathBuf>,
        text: String,
        kind: FileKind,
    ) -> FileId {
        self.files
            .push(std::sync::Arc::new(SourceFile::new(name, path, text, kind)));
        self.files.len() - 1
    }

    /// Puts a new text in place of file `id` (an editor's buffer that
    /// changed), so that a long session does not keep every version.
    pub fn replace(&mut self, id: FileId, name: String, path: Option<PathBuf>, text: String) {
        let kind = self.files[id].kind;
        self.files[id] = std::sync::Arc::new(SourceFile::new(name, path, text, kind));
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id]
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn ids(&self) -> impl Iterator<Item = FileId> {
        0..self.files.len()
    }
}

impl<'a> Files<'a> for SourceMap {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.files
            .get(id)
            .map(|f| f.name.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.files
            .get(id)
            .map(|f| f.text.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        Ok(self
            .files
            .get(id)
            .ok_or(FilesError::FileMissing)?
            .line_index(byte_index))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let file = self.files.get(id).ok_or(FilesError::FileMissing)?;
        file.line_range(line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: file.line_starts().len() - 1,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_lines_survive_crlf() {
        let mut map = SourceMap::default();
        let id = map.add("a.md", "é\r\nab Zoé\r\n".to_string(), FileKind::Article);
        let f = map.get(id);
        let z = f.text.find('Z').unwrap();
        assert_eq!(f.line_col(z), (2, 4));
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.offset_of(2, 4), Some(z));
        assert_eq!(f.line_col(f.text.len()), (3, 1));
    }

    /// Columns on a line longer than a checkpoint's stride agree with
    /// counting every character from the line's start.
    #[test]
    fn columns_on_a_very_long_line_agree_with_counting_from_its_start() {
        let mut map = SourceMap::default();
        let line = "é a€b ".repeat(5000);
        let text = format!("titre\n{line}\nfin");
        let id = map.add("a.md", text.clone(), FileKind::Article);
        let f = map.get(id);
        for byte in (6..text.len()).step_by(997) {
            let byte = floor_char_boundary(&text, byte);
            let line_start = text[..byte].rfind('\n').map_or(0, |i| i + 1);
            let expected = text[line_start..byte].chars().count() + 1;
            assert_eq!(f.line_col(byte).1, expected, "at byte {byte}");
        }
    }
}
