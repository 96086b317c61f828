//! How two spellings of one name differ, once folding says they are the same name.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::fold::{is_invisible, is_separator};

/// The ways in which two fold-equal spellings differ.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Differences {
    pub case: bool,
    pub accents: bool,
    pub separators: bool,
    /// Characters that show nothing (a zero-width space, a soft hyphen).
    pub invisible: bool,
}

impl Differences {
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.case {
            parts.push("case");
        }
        if self.accents {
            parts.push("accents");
        }
        if self.separators {
            parts.push("spacing or hyphenation");
        }
        if self.invisible {
            parts.push("invisible characters");
        }
        parts.join(", ")
    }

    /// Differences in spaces or hyphens, nothing else.
    pub fn separators_only() -> Differences {
        Differences {
            separators: true,
            ..Differences::default()
        }
    }

    pub fn is_accents_only(&self) -> bool {
        self.accents && !self.case && !self.separators && !self.invisible
    }

    pub fn is_case_only(&self) -> bool {
        self.case && !self.accents && !self.separators && !self.invisible
    }
}

/// Lower-cased or not, accents kept or not, separators kept (typed) or dropped.
fn key(text: &str, keep_case: bool, keep_accents: bool, keep_separators: bool) -> String {
    let mut out = String::new();
    for c in text.nfd() {
        if is_invisible(c) {
            continue;
        }
        if is_combining_mark(c) {
            if keep_accents {
                out.push(c);
            }
        } else if is_separator(c) {
            if keep_separators {
                let typed = if c.is_whitespace() {
                    ' '
                } else if matches!(c, '\'' | '\u{2019}' | '\u{02BC}') {
                    '\''
                } else {
                    '-'
                };
                if !(typed == ' ' && out.ends_with(' ')) {
                    out.push(typed);
                }
            }
        } else if keep_case {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Compares each dimension with the other two folded away.
pub fn differences(a: &str, b: &str) -> Differences {
    Differences {
        case: key(a, true, false, false) != key(b, true, false, false),
        accents: key(a, false, true, false) != key(b, false, true, false),
        separators: key(a, false, false, true) != key(b, false, false, true),
        invisible: a.chars().any(is_invisible) != b.chars().any(is_invisible),
    }
}

/// Whether every accent `a` and `b` disagree on sits on a capital letter
/// ("Ecole" and "École"): the letters, once accents are dropped, must be the
/// same. False when they differ in anything but accents.
pub fn accents_differ_on_capitals_only(a: &str, b: &str) -> bool {
    // Each letter with the marks that follow it, in canonical order.
    fn letters(text: &str) -> Vec<(char, String)> {
        let mut out: Vec<(char, String)> = Vec::new();
        for c in text.nfd() {
            match out.last_mut() {
                Some((_, marks)) if is_combining_mark(c) => marks.push(c),
                _ => out.push((c, String::new())),
            }
        }
        out
    }
    let (a, b) = (letters(a), letters(b));
    a.len() == b.len()
        && a != b
        && a.iter()
            .zip(&b)
            .all(|((ca, ma), (cb, mb))| ca == cb && (ma == mb || ca.is_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_each_kind_of_difference_apart() {
        let d = differences("labs", "Labs");
        assert!(d.is_case_only());
        let d = differences("Hoo Li", "HooLi");
        assert_eq!((d.case, d.accents, d.separators), (false, false, true));
        let d = differences("BOT 4", "BOT-4");
        assert!(d.separators && !d.case);
        let d = differences("Etats-Unis", "États-Unis");
        assert_eq!((d.case, d.accents, d.separators), (false, true, false));
        let d = differences("Dorothe\u{301}e", "Dorothée");
        assert_eq!(d, Differences::default());
        assert_eq!(differences("états-unis", "États-Unis").describe(), "case");
        let d = differences("Zéfi\u{200b}rine", "Zéfirine");
        assert_eq!(d.describe(), "invisible characters");
    }

    #[test]
    fn tells_accents_on_capitals_from_accents_elsewhere() {
        assert!(accents_differ_on_capitals_only("Ecole", "École"));
        assert!(accents_differ_on_capitals_only("Etats-Unis", "États-Unis"));
        assert!(!accents_differ_on_capitals_only("Timothee", "Timothée"));
        assert!(!accents_differ_on_capitals_only(
            "Elodie Frere",
            "Élodie Frère"
        ));
        assert!(!accents_differ_on_capitals_only("École", "École"));
        assert!(!accents_differ_on_capitals_only("ecole", "École"));
    }
}
