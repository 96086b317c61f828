//! The date of a document: when it was published, which is what relative dates
//! and time-dependent facts are read against.

use chrono::NaiveDate;

use crate::lexicon::Lexicon;
use crate::text::tokens::{Token, tokenize};
use crate::values::date_range::{DateRange, parse_iso};

/// How many non-empty lines at the top of an article may carry its date.
const DATE_LINES: usize = 15;

/// A publication date found in the first lines of `text[range]`: an ISO date at
/// the start of a line (optionally after a word such as "date"), or a written
/// date such as "1 décembre 2023" or "December 1, 2023". Returns the date and
/// the byte range where it is written.
pub fn find_in_text(
    text: &str,
    range: std::ops::Range<usize>,
    lexicons: &[&Lexicon],
) -> Option<(DateRange, std::ops::Range<usize>)> {
    let mut offset = range.start;
    let mut seen = 0;
    for line in text[range.clone()].split_inclusive('\n') {
        let line_range = offset..offset + line.len();
        offset += line.len();
        if line.trim().is_empty() {
            continue;
        }
        seen += 1;
        if seen > DATE_LINES {
            break;
        }
        let mut folds = String::new();
        let tokens = tokenize(text, line_range, &mut folds);
        if let Some(found) = iso_at_line_start(text, &tokens, lexicons) {
            return Some(found);
        }
        for lexicon in lexicons {
            if let Some(found) = written_date(&tokens, lexicon) {
                return Some(found);
            }
        }
    }
    None
}

fn iso_at_line_start(
    text: &str,
    tokens: &[Token],
    lexicons: &[&Lexicon],
) -> Option<(DateRange, std::ops::Range<usize>)> {
    let is_intro = |t: &Token| {
        lexicons
            .iter()
            .any(|l| l.date_line_words.iter().any(|w| w == t.folded))
    };
    let candidate = match tokens {
        [first, ..] if parse_iso(&text[first.range.clone()]).is_some() => first,
        [first, second, ..] if is_intro(first) => second,
        _ => return None,
    };
    parse_iso(&text[candidate.range.clone()]).map(|d| (d, candidate.range.clone()))
}

fn written_date(
    tokens: &[Token],
    lexicon: &Lexicon,
) -> Option<(DateRange, std::ops::Range<usize>)> {
    let day = |t: &Token| -> Option<u32> {
        let mut word = t.folded;
        for suffix in &lexicon.day_suffixes {
            if let Some(stripped) = word.strip_suffix(suffix.as_str()) {
                word = stripped;
                break;
            }
        }
        (word.len() <= 2).then(|| word.parse().ok()).flatten()
    };
    let year = |t: &Token| -> Option<i32> {
        (t.folded.len() == 4)
            .then(|| t.folded.parse().ok())
            .flatten()
    };
    for (i, token) in tokens.iter().enumerate() {
        let Some(month) = lexicon.month(token.folded) else {
            continue;
        };
        // "1 décembre 2023", "1er décembre 2023", "11 June 2024"
        if i >= 1
            && let Some(next) = tokens.get(i + 1)
            && let (Some(d), Some(y)) = (day(&tokens[i - 1]), year(next))
            && let Some(date) = NaiveDate::from_ymd_opt(y, month, d)
        {
            return Some((
                DateRange::day(date),
                tokens[i - 1].range.start..next.range.end,
            ));
        }
        // "December 1, 2023"
        if let (Some(d_tok), Some(y_tok)) = (tokens.get(i + 1), tokens.get(i + 2))
            && let (Some(d), Some(y)) = (day(d_tok), year(y_tok))
            && let Some(date) = NaiveDate::from_ymd_opt(y, month, d)
        {
            return Some((DateRange::day(date), token.range.start..y_tok.range.end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Lexicon, LexiconFile};

    fn french() -> Lexicon {
        let mut file = LexiconFile::empty("fr");
        file.months = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ]
        .iter()
        .map(|m| vec![m.to_string()])
        .collect();
        file.day_suffixes = vec!["er".into()];
        file.date_line_words = vec!["date".into()];
        Lexicon::from_file(file).unwrap()
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_iso_dates_at_their_precision() {
        assert_eq!(
            parse_iso("2024-03-01"),
            Some(DateRange::day(ymd(2024, 3, 1)))
        );
        let dec = parse_iso("2023-12").unwrap();
        assert_eq!((dec.first, dec.last), (ymd(2023, 12, 1), ymd(2023, 12, 31)));
        assert_eq!(parse_iso("2024").unwrap().last, ymd(2024, 12, 31));
        assert_eq!(parse_iso("2024-02-30"), None);
        assert_eq!(parse_iso("24-02"), None);
        assert_eq!(parse_iso("March"), None);
        assert_eq!(dec.display(), "2023-12");
    }

    #[test]
    fn finds_a_date_line_and_a_written_date() {
        let fr = french();
        let text = " date 2023-12 En matière d’intelligence";
        let (date, range) = find_in_text(text, 0..text.len(), &[&fr]).unwrap();
        assert_eq!(date.display(), "2023-12");
        assert_eq!(&text[range], "2023-12");

        let text = "# Titre\n\n*Chapô*\n\n1er décembre 2023\n\nTexte.";
        let (date, range) = find_in_text(text, 0..text.len(), &[&fr]).unwrap();
        assert_eq!(date, DateRange::day(ymd(2023, 12, 1)));
        assert_eq!(&text[range], "1er décembre 2023");
    }

    #[test]
    fn ignores_dates_far_down_the_article() {
        let fr = french();
        let mut text = "ligne\n".repeat(20);
        text.push_str("1 décembre 2023\n");
        assert_eq!(find_in_text(&text, 0..text.len(), &[&fr]), None);
    }
}
