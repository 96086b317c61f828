//! Long lines cut to a window around their labels, as rustc does: a web
//! article holds a paragraph per line, and a finding must not print 1,600
//! characters and a caret line of 700 spaces. codespan-reporting renders the
//! lines its [`Files`] gives; [`Windowed`] gives it, for one diagnostic, only
//! the lines its labels touch, each long one cut to the window with `…` where
//! it is cut, and the labels moved into the cut text. Line numbers stay those
//! of the file.

use std::collections::BTreeMap;
use std::ops::Range;

use codespan_reporting::files::{Error as FilesError, Files};

use crate::source::SourceMap;
use crate::span::FileId;

/// What is shown in place of the text cut from a line.
const ELLIPSIS: &str = "…";

/// Room taken by the gutter (line number and bar) and the label messages
/// codespan prints after a caret: a line's window is this much narrower than
/// the output.
const GUTTER: usize = 8;

/// The fewest characters of text a window shows, however narrow the output.
const MIN_WINDOW: usize = 40;

/// The lines of one file that a diagnostic shows, possibly cut.
struct WindowedFile {
    name: String,
    /// The lines shown, one after the other, each with its line break.
    text: String,
    /// Zero-based line of the file → (its range in `text`, the byte of the
    /// file where its shown text starts, how many bytes the leading `…` takes).
    lines: BTreeMap<usize, (Range<usize>, usize, usize)>,
    /// Zero-based line → how many characters of it were cut before its window:
    /// columns are the file's, not the window's.
    cut_chars: BTreeMap<usize, usize>,
}

/// The files of one diagnostic, their long lines cut (see the module doc).
pub struct Windowed {
    files: BTreeMap<FileId, WindowedFile>,
}

/// Characters a window shows for an output `width` columns wide.
pub fn window_chars(width: usize) -> usize {
    width.saturating_sub(GUTTER).max(MIN_WINDOW)
}

impl Windowed {
    /// Whether any line a label of `ranges` touches is longer than `chars`:
    /// only then is a cut view built.
    pub fn needed(map: &SourceMap, ranges: &[(FileId, Range<usize>)], chars: usize) -> bool {
        ranges.iter().any(|(file, range)| {
            let f = map.get(*file);
            let (first, last) = (f.line_index(range.start), f.line_index(range.end));
            (first..=last).any(|line| {
                f.line_range(line)
                    .is_some_and(|r| r.len() > chars && f.text[r].chars().count() > chars)
            })
        })
    }

    /// The view of the lines `ranges` touch, each cut to `chars` characters
    /// around the labels on it.
    pub fn new(map: &SourceMap, ranges: &[(FileId, Range<usize>)], chars: usize) -> Windowed {
        // File → line → the part of the line the labels cover.
        let mut wanted: BTreeMap<FileId, BTreeMap<usize, Range<usize>>> = BTreeMap::new();
        for (file, range) in ranges {
            let f = map.get(*file);
            let (first, last) = (f.line_index(range.start), f.line_index(range.end));
            for line in first..=last {
                let Some(whole) = f.line_range(line) else {
                    continue;
                };
                let covered = range.start.max(whole.start)
                    ..range.end.min(whole.end).max(range.start.max(whole.start));
                wanted
                    .entry(*file)
                    .or_default()
                    .entry(line)
                    .and_modify(|r| *r = r.start.min(covered.start)..r.end.max(covered.end))
                    .or_insert(covered);
            }
        }
        let files = wanted
            .into_iter()
            .map(|(file, lines)| {
                let f = map.get(file);
                let mut shown = WindowedFile {
                    name: f.name.clone(),
                    text: String::new(),
                    lines: BTreeMap::new(),
                    cut_chars: BTreeMap::new(),
                };
                for (line, covered) in lines {
                    let Some(whole) = f.line_range(line) else {
                        continue;
                    };
                    let body_end = trim_line_break(&f.text, whole.clone());
                    let cut = cut(&f.text, whole.start..body_end, covered, chars);
                    let start = shown.text.len();
                    let lead = if cut.start > whole.start {
                        shown.text.push_str(ELLIPSIS);
                        ELLIPSIS.len()
                    } else {
                        0
                    };
                    shown.text.push_str(&f.text[cut.clone()]);
                    if cut.end < body_end {
                        shown.text.push_str(ELLIPSIS);
                    }
                    shown.text.push('\n');
                    shown
                        .lines
                        .insert(line, (start..shown.text.len(), cut.start, lead));
                    shown
                        .cut_chars
                        .insert(line, f.text[whole.start..cut.start].chars().count());
                }
                (file, shown)
            })
            .collect();
        Windowed { files }
    }

    /// Where byte `at` of `file` stands in the cut view (a byte cut away
    /// stands at the nearest edge of its line's window).
    pub fn position(&self, map: &SourceMap, file: FileId, at: usize) -> usize {
        let f = map.get(file);
        let line = f.line_index(at);
        let Some(shown) = self.files.get(&file) else {
            return 0;
        };
        let Some((range, from, lead)) = shown.lines.get(&line) else {
            return 0;
        };
        let body = range.start + lead..range.end - 1;
        let offset = at.saturating_sub(*from);
        let mut byte = (body.start + offset).min(body.end);
        // A cut that ends with `…` leaves the window's bytes before it.
        let text = &shown.text[body.clone()];
        let kept = text.strip_suffix(ELLIPSIS).map_or(text.len(), str::len);
        byte = byte.min(body.start + kept);
        if at < *from {
            byte = body.start;
        }
        while !shown.text.is_char_boundary(byte) {
            byte -= 1;
        }
        byte
    }
}

/// `range` without its trailing line break (`\n` or `\r\n`).
fn trim_line_break(text: &str, range: Range<usize>) -> usize {
    let line = &text[range.clone()];
    let body = line.strip_suffix('\n').unwrap_or(line);
    let body = body.strip_suffix('\r').unwrap_or(body);
    range.start + body.len()
}

/// The part of the line `line` (bytes of `text`, no line break) to show:
/// at most `chars` characters, with `covered` inside when it fits (else its
/// start), and the rest of the room shared on either side of it.
fn cut(text: &str, line: Range<usize>, covered: Range<usize>, chars: usize) -> Range<usize> {
    let body = &text[line.clone()];
    let total = body.chars().count();
    if total <= chars {
        return line;
    }
    let char_at = |byte: usize| {
        text[line.start..byte.clamp(line.start, line.end)]
            .chars()
            .count()
    };
    let (from, to) = (char_at(covered.start), char_at(covered.end));
    let span = to.saturating_sub(from);
    let (start, end) = if span >= chars {
        (from, from + chars)
    } else {
        // A third of the spare room before the labels, the rest after, as
        // the words after a figure tell what it is.
        let spare = chars - span;
        let start = from.saturating_sub(spare / 3);
        let end = (start + chars).min(total);
        (end.saturating_sub(chars), end)
    };
    let byte_of = |c: usize| {
        body.char_indices()
            .nth(c)
            .map_or(line.end, |(b, _)| line.start + b)
    };
    byte_of(start)..byte_of(end)
}

impl<'a> Files<'a> for Windowed {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.files
            .get(&id)
            .map(|f| f.name.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.files
            .get(&id)
            .map(|f| f.text.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        let f = self.files.get(&id).ok_or(FilesError::FileMissing)?;
        f.lines
            .iter()
            .find(|(_, (range, _, _))| range.contains(&byte_index))
            .or_else(|| {
                f.lines
                    .iter()
                    .find(|(_, (range, _, _))| range.end == byte_index)
            })
            .map(|(line, _)| *line)
            .ok_or(FilesError::IndexTooLarge {
                given: byte_index,
                max: f.text.len(),
            })
    }

    /// The column in the file, not in the window: the characters cut before
    /// the window count, the `…` shown in their place does not.
    fn column_number(
        &'a self,
        id: FileId,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, FilesError> {
        let f = self.files.get(&id).ok_or(FilesError::FileMissing)?;
        let (range, _, lead) = f.lines.get(&line_index).ok_or(FilesError::LineTooLarge {
            given: line_index,
            max: f.lines.keys().next_back().copied().unwrap_or(0),
        })?;
        let body_start = range.start + lead;
        let shown = f
            .text
            .get(body_start..byte_index.max(body_start))
            .map_or(0, |t| t.chars().count());
        Ok(f.cut_chars.get(&line_index).copied().unwrap_or(0) + shown + 1)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let f = self.files.get(&id).ok_or(FilesError::FileMissing)?;
        f.lines
            .get(&line_index)
            .map(|(range, _, _)| range.clone())
            .ok_or(FilesError::LineTooLarge {
                given: line_index,
                max: f.lines.keys().next_back().copied().unwrap_or(0),
            })
    }
}
