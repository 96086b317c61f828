//! Splitting a fact's value that is a range ("105–113 million EUR", "between
//! 105 and 113 million EUR") into its two ends, each written as a figure the
//! article readers can read: where sources disagree within a window, the fact
//! base says so rather than picking one.

/// The two ends of a range as figures of their own, the first completed with
/// the second's scale and unit when it is a bare number ("105" of "105–113
/// million EUR" is "105 million EUR"); `None` when `text` is no range.
pub fn range_ends(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    let (low, high) = split(text)?;
    let (low, high) = (low.trim(), high.trim());
    if low.is_empty() || high.is_empty() {
        return None;
    }
    let mut high_words = high.splitn(2, char::is_whitespace);
    let high_figure = high_words.next().unwrap_or_default();
    let high_rest = high_words.next().unwrap_or_default().trim();
    let low = if is_bare_figure(low) && is_bare_figure(high_figure) && !high_rest.is_empty() {
        format!("{low} {high_rest}")
    } else {
        low.to_string()
    };
    Some((low, high.to_string()))
}

/// Digits and separators only: a figure without its scale or unit.
fn is_bare_figure(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '\u{a0}' | '\u{202f}'))
}

/// The text either side of the range's separator: `between … and …`, `… to …`,
/// or a dash (en dash or hyphen) between two figures.
fn split(text: &str) -> Option<(&str, &str)> {
    let lower = text.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("between ") {
        let at = rest.find(" and ")?;
        let start = "between ".len();
        return Some((
            &text[start..start + at],
            &text[start + at + " and ".len()..],
        ));
    }
    if let Some(at) = lower.find(" to ") {
        return Some((&text[..at], &text[at + " to ".len()..]));
    }
    let (at, dash) = text.char_indices().find(|&(i, c)| {
        matches!(c, '–' | '-')
            && text[..i].trim_end().ends_with(|c: char| c.is_ascii_digit())
            && text[i + c.len_utf8()..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
    })?;
    Some((&text[..at], &text[at + dash.len_utf8()..]))
}

#[cfg(test)]
mod tests {
    use super::range_ends;

    fn ends(text: &str) -> Option<(String, String)> {
        range_ends(text)
    }

    #[test]
    fn every_written_form_gives_both_ends_with_the_scale_and_unit() {
        let expected = Some(("105 million EUR".to_string(), "113 million EUR".to_string()));
        assert_eq!(ends("105–113 million EUR"), expected);
        assert_eq!(ends("105-113 million EUR"), expected);
        assert_eq!(ends("105 – 113 million EUR"), expected);
        assert_eq!(ends("105 to 113 million EUR"), expected);
        assert_eq!(ends("between 105 and 113 million EUR"), expected);
        assert_eq!(ends("Between 105 and 113 million EUR"), expected);
        assert_eq!(
            ends("105 million to 113 million EUR"),
            Some(("105 million".to_string(), "113 million EUR".to_string()))
        );
        assert_eq!(
            ends("7-8 billion parameters"),
            Some((
                "7 billion parameters".to_string(),
                "8 billion parameters".to_string()
            ))
        );
    }

    #[test]
    fn a_single_figure_is_no_range() {
        assert_eq!(ends("113 million EUR"), None);
        assert_eq!(ends("about 2 billion USD"), None);
        assert_eq!(ends("1.5 billion EUR"), None);
    }
}
