//! A set of word endings, asked of every token of an article: a bit table of
//! the endings' last two bytes turns most words away with one look, so that
//! only the few that end alike are compared byte by byte (comparing each
//! token with every ending was 5 % of a whole check).

/// Endings that a word may end with.
#[derive(Debug, Default)]
pub struct Endings<'e> {
    endings: Vec<&'e str>,
    /// One bit for each pair of last two bytes some ending has.
    last_two: Vec<u64>,
    /// An ending of fewer than two bytes: every word must be compared.
    has_short: bool,
}

impl<'e> Endings<'e> {
    pub fn new(endings: impl IntoIterator<Item = &'e str>) -> Self {
        let mut set = Endings {
            endings: Vec::new(),
            last_two: vec![0; 1024],
            has_short: false,
        };
        for ending in endings {
            match last_two(ending) {
                Some(bit) => set.last_two[bit / 64] |= 1 << (bit % 64),
                None => set.has_short = true,
            }
            set.endings.push(ending);
        }
        set
    }

    pub fn is_empty(&self) -> bool {
        self.endings.is_empty()
    }

    /// Whether `word` may end with one of the endings: false for most words,
    /// which then need no comparison.
    pub fn may_end(&self, word: &str) -> bool {
        self.has_short
            || last_two(word).is_some_and(|bit| self.last_two[bit / 64] & (1 << (bit % 64)) != 0)
    }

    /// Whether `word` ends with one of the endings.
    pub fn ends(&self, word: &str) -> bool {
        self.may_end(word) && self.endings.iter().any(|e| word.ends_with(e))
    }
}

/// The bit of a word's last two bytes; `None` for a word shorter than two.
fn last_two(word: &str) -> Option<usize> {
    match word.as_bytes() {
        [.., a, b] => Some((usize::from(*a) << 8) | usize::from(*b)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_comparing_every_ending() {
        let endings = ["salariés", "parameter", "gpu", "x"];
        let words = [
            "salariés",
            "salarié",
            "12-billion-parameter",
            "parameters",
            "gpu",
            "gpus",
            "",
            "s",
            "é",
            "box",
            "a",
        ];
        for n in 0..=endings.len() {
            let set = Endings::new(endings[..n].iter().copied());
            for word in words {
                assert_eq!(
                    set.ends(word),
                    endings[..n].iter().any(|e| word.ends_with(e)),
                    "{word} with {:?}",
                    &endings[..n]
                );
            }
        }
    }

    #[test]
    fn an_empty_ending_ends_every_word() {
        let set = Endings::new([""]);
        assert!(set.ends("mot") && set.ends(""));
    }
}
