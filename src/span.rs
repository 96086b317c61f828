//! Byte spans into the files of a [`crate::source::SourceMap`].

use std::ops::Range;

/// Index of a file in the [`crate::source::SourceMap`].
pub type FileId = usize;

/// A byte range in one file. Every output converts it to the column unit its
/// consumer expects; inside the engine it is always bytes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub file: FileId,
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        Span {
            file,
            start: range.start,
            end: range.end,
        }
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}
