//! Folding: the forms under which two spellings of a name are compared.
//!
//! Every fold works on any normalisation form of its input (NFC or NFD), so an
//! article saved in NFD compares equal to a fact base written in NFC.

use compact_str::CompactString;
use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Characters that join or separate the parts of a name without being part of
/// its spelling: spaces of every width, hyphens and apostrophes.
pub fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '\u{2010}'
                | '\u{2011}'
                | '\u{2012}'
                | '\u{2013}'
                | '\''
                | '\u{2019}'
                | '\u{02BC}'
        )
}

/// Characters that show nothing and mean nothing inside a word: the soft
/// hyphen, zero-width space, non-joiner and joiner, the word joiner and a
/// byte order mark inside the text. Pasted text carries them; a name or a
/// number with one inside is read as if it were not there (their byte spans
/// stay as written).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Lower case, accents removed, ligatures expanded, separators dropped:
/// "Herblin-Stoop", "herblin stoop" and "Hérblin Stoop" all fold to "herblinstoop".
pub fn fold(text: &str) -> String {
    fold_compact(text).into()
}

/// What folding drops from ASCII text: white space, hyphens, apostrophes.
pub(super) fn is_ascii_separator(b: u8) -> bool {
    b.is_ascii_whitespace() || b == b'-' || b == b'\''
}

/// [`fold`] into an inline string: a word's fold is rarely longer than 24
/// bytes, so tokens get theirs without a heap allocation.
pub fn fold_compact(text: &str) -> CompactString {
    // Most words are plain ASCII: no normalisation needed.
    if text.is_ascii() {
        let mut out = CompactString::new(text);
        out.make_ascii_lowercase();
        if text.bytes().any(is_ascii_separator) {
            out.retain(|c| !is_ascii_separator(c as u8));
        }
        return out;
    }
    let mut out = String::with_capacity(text.len());
    fold_non_ascii(text, &mut out);
    CompactString::new(out)
}

/// [`fold`] appended to `out`: the tokenizer folds every word into one buffer.
pub fn fold_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        for b in text.bytes() {
            if !is_ascii_separator(b) {
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
    } else {
        fold_non_ascii(text, out);
    }
}

/// [`fold`] of a text with non-ASCII characters, appended to `out`.
fn fold_non_ascii(text: &str, out: &mut String) {
    // Precomposed Latin letters fold one by one, as normalisation would fold them.
    let table = &*LATIN_FOLDS;
    let start = out.len();
    for c in text.chars() {
        if c.is_ascii() {
            if !is_separator(c) {
                out.push(c.to_ascii_lowercase());
            }
        } else if let Some(folded) = table.get((c as usize).wrapping_sub(LATIN_FIRST)) {
            // Most accented letters fold to one ASCII letter: pushed as a
            // byte, not copied as a string (a call to memcpy each).
            match folded.as_bytes() {
                [b] => out.push(char::from(*b)),
                _ => out.push_str(folded),
            }
        } else if is_invisible(c) {
            continue;
        } else {
            out.truncate(start);
            out.push_str(&fold_unicode(text));
            return;
        }
    }
}

/// The folds of U+00C0..U+024F (Latin-1 letters and Latin Extended-A and -B),
/// computed once by the general path so that both paths agree.
const LATIN_FIRST: usize = 0xC0;
static LATIN_FOLDS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    (LATIN_FIRST as u32..0x250)
        .map(|code| {
            char::from_u32(code)
                .map_or_else(String::new, |c| fold_unicode(c.encode_utf8(&mut [0; 4])))
        })
        .collect()
});

fn fold_unicode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if is_combining_mark(c) || is_separator(c) || is_invisible(c) {
            continue;
        }
        push_lower_expanded(&mut out, c);
    }
    out
}

/// Lower case and accents removed, separators kept (collapsed to one space).
pub fn fold_keep_separators(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        if is_combining_mark(c) || is_invisible(c) {
            continue;
        }
        if is_separator(c) {
            if !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        push_lower_expanded(&mut out, c);
    }
    out.trim().to_string()
}

fn push_lower_expanded(out: &mut String, c: char) {
    match c {
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ß' => out.push_str("ss"),
        _ => out.extend(c.to_lowercase()),
    }
}

/// NFC with every run of white space collapsed to one space: the form in which
/// a mention counts as written exactly like a name.
pub fn surface(text: &str) -> Cow<'_, str> {
    // Words of printable ASCII and Latin-1 letters (all in NFC, none white
    // space) with single spaces between, as most names are: no copy.
    if is_plain_surface(text) {
        return Cow::Borrowed(text);
    }
    // Text already in NFC with single spaces is its own surface: no copy.
    let mut after_space = false;
    let single_spaces = text.chars().all(|c| {
        let ok = match c {
            ' ' => !after_space,
            c => !c.is_whitespace(),
        };
        after_space = c == ' ';
        ok
    });
    if single_spaces && (text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes) {
        return Cow::Borrowed(text.trim());
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfc() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out.trim().to_string())
}

/// Whether `text` is words of printable ASCII and Latin-1 letters with
/// single spaces between, checked in one pass (searching for a double space
/// apart cost half of [`surface`]).
fn is_plain_surface(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    text.chars().all(|c| {
        let ok = match c {
            ' ' => !after_space,
            c => c.is_ascii_graphic() || ('\u{A1}'..='\u{FF}').contains(&c),
        };
        after_space = c == ' ';
        ok
    })
}

/// A rough phonetic skeleton of a name, for spotting two spellings of one name
/// that nothing in the fact base knows: folded, `ph` read as `f`, `y` as `i`,
/// silent `h` dropped and doubled letters collapsed. "Dorothé" and "Dorothée"
/// share the skeleton "dorote"; "Christian" and "Christine" do not.
pub fn skeleton(text: &str) -> String {
    skeleton_of_folded(&fold(text)).into()
}

/// [`skeleton`] of a word already folded, in one pass and without allocating.
pub fn skeleton_of_folded(folded: &str) -> CompactString {
    // A short ASCII word, the common case, is built in a buffer on the stack.
    let bytes = folded.as_bytes();
    if folded.is_ascii() && bytes.len() <= 24 {
        let mut out = [0u8; 24];
        let (mut n, mut k) = (0, 0);
        while k < bytes.len() {
            let c = match bytes[k] {
                b'p' if bytes.get(k + 1) == Some(&b'h') => {
                    k += 1;
                    b'f'
                }
                b'y' => b'i',
                b'h' => {
                    k += 1;
                    continue;
                }
                c => c,
            };
            k += 1;
            if n == 0 || out[n - 1] != c {
                out[n] = c;
                n += 1;
            }
        }
        return CompactString::from_utf8(&out[..n]).expect("ASCII");
    }
    skeleton_of_chars(folded)
}

/// The consonants of a word already folded, in order: vowels and `y`
/// dropped. Two words of one length and first letter with the same
/// consonants differ only in how their vowels are spelt, as a name heard and
/// not read is ("Vail" and "Vyle" share "vl").
pub fn consonants_of_folded(folded: &str) -> String {
    folded
        .chars()
        .filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
        .collect()
}

/// [`skeleton_of_folded`] for any word, char by char.
fn skeleton_of_chars(folded: &str) -> CompactString {
    let mut out = CompactString::const_new("");
    let mut last = None;
    let mut chars = folded.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            'p' if chars.peek() == Some(&'h') => {
                chars.next();
                'f'
            }
            'y' => 'i',
            'h' => continue,
            c => c,
        };
        if last != Some(c) {
            out.push(c);
            last = Some(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consonants_drop_every_vowel() {
        assert_eq!(consonants_of_folded("vail"), "vl");
        assert_eq!(consonants_of_folded("vyle"), "vl");
        assert_ne!(consonants_of_folded("wolf"), consonants_of_folded("walk"));
    }

    #[test]
    fn skeleton_reads_ph_as_f_and_drops_silent_h_and_doubles() {
        assert_eq!(skeleton("Dorothée"), "dorote");
        assert_eq!(skeleton("Philippe"), "filipe");
        assert_eq!(skeleton("Mathildhe"), skeleton("Matilde"));
        assert_eq!(skeleton("Sappho"), "sapfo");
        assert_eq!(skeleton("Yves Hay"), "ivesai");
    }

    #[test]
    fn the_latin_fast_path_folds_as_normalisation_does() {
        for word in [
            "Dorothée",
            "Œuvre Ça",
            "Łódź",
            "Straße",
            "naïve-Ève",
            "Ǆemal",
        ] {
            assert_eq!(fold(word), fold_unicode(word), "{word}");
        }
        for code in 0x20..0x250 {
            let c = char::from_u32(code).unwrap().to_string();
            assert_eq!(
                fold(&format!("x{c}")),
                fold_unicode(&format!("x{c}")),
                "U+{code:04X}"
            );
        }
    }

    #[test]
    fn fold_ignores_case_accents_and_separators() {
        assert_eq!(fold("Herblin-Stoop"), "herblinstoop");
        assert_eq!(fold("Hoo Li"), "hooli");
        assert_eq!(fold("Dorothée"), fold("Dorothe\u{301}e"));
        assert_eq!(fold("États-Unis"), "etatsunis");
        assert_eq!(fold("Œuvre"), "oeuvre");
    }

    #[test]
    fn fold_drops_invisible_characters() {
        assert_eq!(fold("Zéfi\u{200b}rine"), "zefirine");
        assert_eq!(fold("Zéfi\u{ad}rine Va\u{2060}lorde"), "zefirinevalorde");
        assert_eq!(fold("a\u{200c}b\u{200d}c\u{feff}d"), "abcd");
        assert_eq!(
            fold_keep_separators("Zéfi\u{200b}rine  Valorde"),
            "zefirine valorde"
        );
    }

    #[test]
    fn fold_keep_separators_collapses_them() {
        assert_eq!(fold_keep_separators("Jean -  Marc"), "jean marc");
    }

    #[test]
    fn folding_into_a_buffer_appends_the_same_fold() {
        for word in [
            "Nova",
            "Herblin-Stoop",
            "l'IA",
            "Éric",
            "Dorothe\u{301}e",
            "İstanbul",
            "Ωmega",
            "a b",
            "",
        ] {
            let mut out = String::from("before|");
            fold_into(word, &mut out);
            assert_eq!(out, format!("before|{}", fold_compact(word)), "{word}");
        }
    }

    #[test]
    fn surface_normalises_to_nfc_and_single_spaces() {
        assert_eq!(surface("Dorothe\u{301}e\u{a0}\n Durand"), "Dorothée Durand");
        assert!(matches!(surface("Nova Labs"), Cow::Borrowed("Nova Labs")));
        assert!(matches!(surface("Zoé Hoo"), Cow::Borrowed("Zoé Hoo")));
        assert_eq!(surface("Zoé\u{a0}Hoo"), "Zoé Hoo");
        assert_eq!(surface("Nova  Labs"), "Nova Labs");
        assert_eq!(surface(" Nova Labs\t"), "Nova Labs");
        assert_eq!(surface("Nova\tLabs"), "Nova Labs");
    }

    #[test]
    fn the_one_pass_plain_surface_test_agrees_with_its_definition() {
        let defined = |text: &str| {
            text.chars()
                .all(|c| c.is_ascii_graphic() || c == ' ' || ('\u{A1}'..='\u{FF}').contains(&c))
                && !text.starts_with(' ')
                && !text.ends_with(' ')
                && !text.contains("  ")
        };
        for text in [
            "",
            " ",
            "  ",
            "Nova",
            "Nova Labs",
            "Nova  Labs",
            " Nova",
            "Nova ",
            "Zoé Hoo",
            "Zoé\u{a0}Hoo",
            "Nova\tLabs",
            "a b c",
            "a b  c",
            "Œuvre",
            "\u{a1}",
            "x\u{200b}y",
        ] {
            assert_eq!(is_plain_surface(text), defined(text), "{text:?}");
        }
    }

    #[test]
    fn the_ascii_skeleton_path_agrees_with_the_general_one() {
        let letters = b"aphyhbcpp";
        // Every word of up to 5 letters from a set rich in p, h and y.
        let mut words = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| letters.iter().map(move |&c| format!("{w}{}", c as char)))
                .collect();
            words.extend(longer);
        }
        words.push("x".repeat(30));
        for word in &words {
            assert_eq!(skeleton_of_folded(word), skeleton_of_chars(word), "{word}");
        }
    }

    #[test]
    fn skeleton_joins_common_spelling_variants() {
        assert_eq!(skeleton("Dorothé Durand"), skeleton("Dorothée Durand"));
        assert_eq!(skeleton("Mathieu"), skeleton("Matthieu"));
        assert_eq!(skeleton("Stéphane"), skeleton("Stefane"));
        assert_ne!(skeleton("Christian"), skeleton("Christine"));
        assert_ne!(skeleton("Denis"), skeleton("Denise"));
        assert_ne!(skeleton("Jean"), skeleton("Joan"));
    }
}
