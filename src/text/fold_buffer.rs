//! Folded spellings for a run of tokens or lexemes: most words fold to
//! themselves and borrow the text; the others are written to one buffer the
//! caller owns, and reach their words once the buffer is complete (nothing is
//! built or freed per word).

use std::ops::Range;

use super::fold::{fold_into, is_ascii_separator};

pub(super) struct FoldBuffer<'t> {
    buffer: &'t mut String,
    /// (item, range in `buffer`) for every fold written to the buffer.
    written: Vec<(usize, Range<usize>)>,
}

impl<'t> FoldBuffer<'t> {
    /// Starts on `buffer`, emptied first.
    pub(super) fn new(buffer: &'t mut String) -> Self {
        FoldBuffer::with_room(buffer, 0, 0)
    }

    /// [`new`](Self::new), with room for `bytes` of folds and `folds` of them.
    pub(super) fn with_room(buffer: &'t mut String, bytes: usize, folds: usize) -> Self {
        buffer.clear();
        buffer.reserve(bytes);
        FoldBuffer {
            buffer,
            written: Vec::with_capacity(folds),
        }
    }

    /// The fold of `word`, the text of item `item`: `word` itself when
    /// folding changes nothing, else "" until [`finish`](Self::finish) hands
    /// the fold to the item.
    pub(super) fn fold(&mut self, item: usize, word: &'t str) -> &'t str {
        // ASCII without a separator folds by lower-casing: most words a
        // lexer cuts (written out and compared byte by byte, they cost a
        // twentieth of a check's amount reading).
        let (mut plain, mut upper) = (true, false);
        for &b in word.as_bytes() {
            plain &= b.is_ascii() && !is_ascii_separator(b);
            upper |= b.is_ascii_uppercase();
        }
        if plain {
            return self.fold_ascii(item, word, upper);
        }
        let start = self.buffer.len();
        fold_into(word, self.buffer);
        if self.buffer[start..] == *word {
            self.buffer.truncate(start);
            return word;
        }
        self.written.push((item, start..self.buffer.len()));
        ""
    }

    /// [`fold`](Self::fold) for a word of ASCII letters and digits, which
    /// folds by lower-casing.
    #[inline(always)]
    pub(super) fn fold_ascii(&mut self, item: usize, word: &'t str, has_upper: bool) -> &'t str {
        if !has_upper {
            return word;
        }
        let start = self.buffer.len();
        self.buffer.push_str(word);
        self.buffer[start..].make_ascii_lowercase();
        self.written.push((item, start..self.buffer.len()));
        ""
    }

    /// Hands every fold written to the buffer to its item.
    pub(super) fn finish(self, mut set: impl FnMut(usize, &'t str)) {
        let FoldBuffer { buffer, written } = self;
        let buffer: &'t String = buffer;
        for (item, range) in written {
            set(item, &buffer[range]);
        }
    }
}
