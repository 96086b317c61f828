//! Reading money amounts: digits or number words, a scale, a currency before or
//! after, a hedge — all from the lexicon — turned into an interval.
//!
//! An unhedged figure carries the precision its digits imply ("15 millions" is
//! 14.5 to 15.5 million); a hedge widens or opens the interval as the lexicon says.

use super::counts::count_unit_at;
use super::numbers::{fraction_at, number_at};
use crate::lexicon::currency_index::CurrencyIndex;
use crate::lexicon::{Hedge, Lexicon};
use crate::text::distance::osa_distance;
use crate::text::lexemes::{LexKind, Lexeme, matches_at, matches_before};
use crate::values::Amount;

/// What the reader needs: the article's language and every language's currencies.
pub struct AmountReader<'a> {
    pub lexicon: &'a Lexicon,
    pub currencies: &'a CurrencyIndex,
}

pub use super::numbers::{MAX_DIGIT_GROUPS, MAX_DIGITS};

/// How far, in lexemes either side, the words that tell a shared currency
/// symbol apart are looked for (about ten words with their punctuation).
const CONTEXT_LEXEMES: usize = 12;

/// Whether a currency phrase of letters and a symbol ("US$", "A$", "CN¥",
/// "Fr.") is written as one unit, glued: "A$5m" is Australian dollars, "a $5m
/// round" is one of US dollars. Other phrases need no gluing.
fn written_as_one(lexemes: &[Lexeme], start: usize, phrase: &[String]) -> bool {
    let symbol = |p: &String| !p.chars().any(char::is_alphanumeric);
    phrase.len() < 2
        || !phrase.iter().any(symbol)
        || lexemes[start + 1..start + phrase.len()]
            .iter()
            .all(|l| !l.spaced)
}

impl AmountReader<'_> {
    pub fn read(&self, text: &str, lexemes: &[Lexeme]) -> Vec<Amount> {
        let mut out = Vec::new();
        let mut i = 0;
        let work = std::cell::Cell::new(0);
        // Past a run of digit groups too long to be a figure, skipped whole.
        let resume_at = std::cell::Cell::new(0);
        while i < lexemes.len() {
            match self.amount_at(text, lexemes, i, &work, &resume_at) {
                Some((amount, next)) => {
                    out.push(amount);
                    i = next;
                }
                None => i = resume_at.get().max(i + 1),
            }
        }
        crate::text::work::add(work.get());
        out
    }

    fn amount_at(
        &self,
        text: &str,
        lexemes: &[Lexeme],
        i: usize,
        work: &std::cell::Cell<u64>,
        resume_at: &std::cell::Cell<usize>,
    ) -> Option<(Amount, usize)> {
        let number = number_at(self.lexicon, text, lexemes, i)?;
        work.set(work.get() + (number.end - i) as u64);
        if number.too_long {
            // Read again from each of its groups, such a run made the reader
            // quadratic; none of its parts is a figure either.
            resume_at.set(number.end);
            return None;
        }
        let mut end = number.end;
        let mut value = number.value;
        let mut half_unit = number.half_unit;
        // "one and a half billion": the fraction before the scale.
        if let Some((fraction, len)) = fraction_at(self.lexicon, lexemes, end) {
            value += fraction;
            half_unit = half_unit.min(0.05);
            end += len;
        }
        let mut factor = 1.0;
        let mut short_scale = false;
        let mut long_scale = false;
        if let Some(scale) = self
            .lexicon
            .scales
            .iter()
            .find(|s| matches_at(lexemes, end, &s.phrase))
        {
            factor = scale.factor;
            short_scale = scale.short;
            long_scale = !scale.short;
            end += scale.phrase.len();
            // "cinq milliards huit cents millions": a smaller scale's number
            // after the scale is part of the figure.
            if let Some((more, half, after)) = self.lesser_scale_part(text, lexemes, end, factor) {
                value += more;
                half_unit = half;
                end = after;
            }
            // "un milliard et demi": the fraction after the scale.
            if let Some((fraction, len)) = fraction_at(self.lexicon, lexemes, end) {
                value += fraction;
                half_unit = half_unit.min(0.05);
                end += len;
            }
        } else if self.near_scale(lexemes, end) {
            // "$2 bilion": a slip of a scale word; read as 2 it would be a claim
            // a billion times too small. Unsure: say nothing.
            return None;
        }
        // "a further $250 million": an article is a number only before a scale.
        if number.article_only && !long_scale {
            return None;
        }
        // "10 million users", "1,000 employees": a count, never money.
        if count_unit_at(self.lexicon, lexemes, end).is_some() {
            return None;
        }
        // A currency after: "15 M€", "15 millions d'euros", "2 milliards de dollars".
        let mut currency = None;
        let mut last = end;
        let after_connector = lexemes
            .get(end)
            .filter(|l| {
                l.kind == LexKind::Word && self.lexicon.currency_connectors.contains(l.folded)
            })
            .map(|_| end + 1);
        if let Some((code, len)) = self.currency_at(lexemes, end) {
            // "¥" that its context leaves undecided: say nothing.
            let code = code?;
            // "a €600 million round", "in 2023 $40 million": a currency glued to
            // the figure after it opens that figure; this number is no quantity
            // of its own.
            if lexemes
                .get(end + len)
                .is_some_and(|l| l.kind == LexKind::Number && !l.spaced)
            {
                return None;
            }
            currency = Some(code);
            last = end + len;
        } else if let Some(at) = after_connector {
            match self.currency_at(lexemes, at) {
                Some((code, len)) => {
                    currency = Some(code?);
                    last = at + len;
                }
                // "7 milliards de paramètres": a count, not money.
                None if lexemes.get(at).is_some_and(|l| l.kind == LexKind::Word) => return None,
                None => {}
            }
        }
        // A currency before: "$16.3 million", "€15M", "US$ 16", "EUR 15 million".
        let mut first = i;
        if currency.is_none()
            && let Some((code, start)) = self.currency_before(lexemes, i)
        {
            // "135 millions d'euros deux mois plus tard": a currency word
            // before a number word is the end of another amount.
            if lexemes[i].kind == LexKind::Word {
                return None;
            }
            currency = Some(code?);
            first = start;
        }
        if lexemes.get(last).is_some_and(|l| l.folded == "%") {
            return None;
        }
        // "-5 millions", "−€5M": a negative figure is no sum raised or paid.
        // Read without its sign it would be a claim of the opposite; say nothing.
        if negative(lexemes, i) || negative(lexemes, first) {
            return None;
        }
        let is_money = currency.is_some() || long_scale;
        if !is_money
            || (short_scale && currency.is_none())
            || (number.in_words && !long_scale && !short_scale && currency.is_none())
        {
            return None;
        }
        let hedge = self.hedge_before(lexemes, first);
        if let Some((_, start)) = &hedge {
            first = *start;
        }
        // "une dizaine de millions": an approximate quantity noun is a hedge.
        let hedge = hedge.map(|(h, _)| h).or(number.hedge);
        let value = value * factor;
        let half = half_unit * factor;
        let (low, high) = interval(value, half, hedge);
        let range = lexemes[first].range.start..lexemes[last - 1].range.end;
        Some((
            Amount {
                range,
                value,
                low,
                high,
                currency,
                hedge: hedge.map(|h| h.text.clone()),
            },
            last,
        ))
    }

    /// A number and a scale smaller than `factor` at `lexemes[at]`
    /// ("huit cents millions" after "milliards"): its value and half unit in
    /// units of `factor`, and the lexeme after it.
    fn lesser_scale_part(
        &self,
        text: &str,
        lexemes: &[Lexeme],
        at: usize,
        factor: f64,
    ) -> Option<(f64, f64, usize)> {
        let number = number_at(self.lexicon, text, lexemes, at)
            .filter(|n| !n.too_long && !n.article_only && n.hedge.is_none())?;
        let scale = self.lexicon.scales.iter().find(|s| {
            !s.short && s.factor < factor && matches_at(lexemes, number.end, &s.phrase)
        })?;
        let ratio = scale.factor / factor;
        Some((
            number.value * ratio,
            number.half_unit * ratio,
            number.end + scale.phrase.len(),
        ))
    }

    /// Whether `lexemes[at]` is a word one edit away from a scale word that is
    /// no abbreviation ("bilion", "milions"). Abbreviations are left out: one
    /// edit from "m" or "bn" is half the short words of a language. One edit
    /// keeps the first or the last letter of a word of three letters or more,
    /// which rules out most words before the distance is computed.
    fn near_scale(&self, lexemes: &[Lexeme], at: usize) -> bool {
        let Some(word) = lexemes.get(at).filter(|l| l.kind == LexKind::Word) else {
            return false;
        };
        let length = word.folded.chars().count();
        self.lexicon.scales.iter().any(|s| {
            let [scale] = s.phrase.as_slice() else {
                return false;
            };
            let ends = |w: &str| (w.chars().next(), w.chars().next_back());
            let (first, last) = ends(word.folded);
            let (scale_first, scale_last) = ends(scale);
            !s.short
                && scale.chars().count().abs_diff(length) <= 1
                && (length < 3 || first == scale_first || last == scale_last)
                && osa_distance(word.folded, scale) == 1
        })
    }

    /// The currency written at `lexemes[at]` and its length in lexemes; its
    /// code is `None` when it is a shared symbol its context leaves undecided.
    fn currency_at(&self, lexemes: &[Lexeme], at: usize) -> Option<(Option<String>, usize)> {
        self.currencies
            .starting_with(lexemes.get(at)?.folded)
            .find(|(phrase, _)| {
                matches_at(lexemes, at, phrase) && written_as_one(lexemes, at, phrase)
            })
            .map(|(phrase, code)| (self.in_context(lexemes, at, phrase, code), phrase.len()))
    }

    /// The currency written just before `lexemes[at]` and where it starts.
    fn currency_before(&self, lexemes: &[Lexeme], at: usize) -> Option<(Option<String>, usize)> {
        let last = lexemes.get(at.checked_sub(1)?)?.folded;
        self.currencies
            .ending_with(last)
            .find_map(|(phrase, code)| {
                matches_before(lexemes, at, phrase)
                    .filter(|&start| written_as_one(lexemes, start, phrase))
                    .map(|start| (self.in_context(lexemes, start, phrase, code), start))
            })
    }

    /// Which currency a symbol several write bare means (`currency_contexts`
    /// of the article's lexicon: "¥" near "yuan" is CNY): the one whose words
    /// are within [`CONTEXT_LEXEMES`] when only one's are; none near, the
    /// currency `currencies` gives it; more than one, `None` (unknown).
    fn in_context(
        &self,
        lexemes: &[Lexeme],
        at: usize,
        phrase: &[String],
        code: &str,
    ) -> Option<String> {
        let Some((_, near)) = self
            .lexicon
            .currency_contexts
            .iter()
            .find(|(symbol, _)| symbol.as_slice() == phrase)
        else {
            return Some(code.to_string());
        };
        let from = at.saturating_sub(CONTEXT_LEXEMES);
        let to = (at + phrase.len() + CONTEXT_LEXEMES).min(lexemes.len());
        let mut found: Option<&str> = None;
        for i in from..to {
            for (words, currency) in near {
                if matches_at(lexemes, i, words) {
                    match found {
                        Some(other) if other != currency => return None,
                        _ => found = Some(currency),
                    }
                }
            }
        }
        Some(found.unwrap_or(code).to_string())
    }

    fn hedge_before<'h>(&'h self, lexemes: &[Lexeme], at: usize) -> Option<(&'h Hedge, usize)> {
        self.lexicon
            .hedges
            .iter()
            .find_map(|h| matches_before(lexemes, at, &h.phrase).map(|start| (h, start)))
    }
}

/// Whether a minus sign is glued before `lexemes[at]` ("-5", "−€5") and is no
/// dash between two figures ("3-5 millions").
fn negative(lexemes: &[Lexeme], at: usize) -> bool {
    let Some(sign) = at.checked_sub(1).map(|k| &lexemes[k]) else {
        return false;
    };
    let between_figures = at >= 2 && !sign.spaced && lexemes[at - 2].kind == LexKind::Number;
    matches!(sign.folded, "-" | "\u{2212}") && !lexemes[at].spaced && !between_figures
}

/// The interval a stated figure stands for: rounding, widened or opened by a hedge.
pub fn interval(value: f64, half_unit: f64, hedge: Option<&Hedge>) -> (f64, f64) {
    // An interval of a sum starts at 0 at the least: "0 million" is 0–0.5M.
    match hedge {
        None => ((value - half_unit).max(0.0), value + half_unit),
        Some(h) => {
            let low = if h.strict && h.low >= 1.0 {
                value * h.low
            } else {
                (value * h.low).min(value - half_unit)
            };
            let high = if h.strict && h.high <= 1.0 {
                value * h.high
            } else {
                (value * h.high).max(value + half_unit)
            };
            (low.max(0.0), high)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Lexicon, Lexicons};
    use crate::text::lexemes::lex;

    fn read(lang: &str, text: &str) -> Vec<Amount> {
        let lexicons = Lexicons::shipped();
        let currencies = Lexicon::all_currencies(&lexicons);
        let reader = AmountReader {
            lexicon: lexicons.get(lang).unwrap(),
            currencies: &currencies,
        };
        reader.read(text, &lex(text, 0..text.len(), &mut String::new()))
    }

    /// (language, text, value, low, high, currency, text of the amount)
    type Case = (
        &'static str,
        &'static str,
        f64,
        f64,
        f64,
        Option<&'static str>,
        &'static str,
    );
    const CASES: &[Case] = &[
        (
            "fr",
            "une levée de 105 millions d'euros",
            105e6,
            104.5e6,
            105.5e6,
            Some("EUR"),
            "105 millions d'euros",
        ),
        (
            "fr",
            "15 millions d’euros",
            15e6,
            14.5e6,
            15.5e6,
            Some("EUR"),
            "15 millions d’euros",
        ),
        (
            "fr",
            "près de 15 millions d'euros",
            15e6,
            13.5e6,
            15.5e6,
            Some("EUR"),
            "près de 15 millions d'euros",
        ),
        (
            "fr",
            "valorisée à plus de deux milliards de dollars",
            2e9,
            2e9,
            2.6e9,
            Some("USD"),
            "plus de deux milliards de dollars",
        ),
        (
            "fr",
            "environ 2 milliards de dollars",
            2e9,
            1.5e9,
            2.5e9,
            Some("USD"),
            "environ 2 milliards de dollars",
        ),
        (
            "fr",
            "1,5 milliard d'euros",
            1.5e9,
            1.45e9,
            1.55e9,
            Some("EUR"),
            "1,5 milliard d'euros",
        ),
        (
            "fr",
            "16.3 millions de dollars",
            16.3e6,
            16.25e6,
            16.35e6,
            Some("USD"),
            "16.3 millions de dollars",
        ),
        (
            "fr",
            "1 500 000 euros",
            1.5e6,
            1_499_999.5,
            1_500_000.5,
            Some("EUR"),
            "1 500 000 euros",
        ),
        (
            "fr",
            "1\u{a0}500\u{a0}000 €",
            1.5e6,
            1_499_999.5,
            1_500_000.5,
            Some("EUR"),
            "1\u{a0}500\u{a0}000 €",
        ),
        (
            "fr",
            "1\u{202f}500\u{202f}000 €",
            1.5e6,
            1_499_999.5,
            1_500_000.5,
            Some("EUR"),
            "1\u{202f}500\u{202f}000 €",
        ),
        ("fr", "15 M€", 15e6, 14.5e6, 15.5e6, Some("EUR"), "15 M€"),
        ("fr", "2 Mds$", 2e9, 1.5e9, 2.5e9, Some("USD"), "2 Mds$"),
        (
            "fr",
            "385 millions !",
            385e6,
            384.5e6,
            385.5e6,
            None,
            "385 millions",
        ),
        (
            "fr",
            "un milliard d’euro en 1 an",
            1e9,
            0.5e9,
            1.5e9,
            Some("EUR"),
            "un milliard d’euro",
        ),
        (
            "fr",
            "jusqu'à 20 millions d'euros",
            20e6,
            0.0,
            20.5e6,
            Some("EUR"),
            "jusqu'à 20 millions d'euros",
        ),
        (
            "fr",
            "moins de 20 millions d'euros",
            20e6,
            14e6,
            20e6,
            Some("EUR"),
            "moins de 20 millions d'euros",
        ),
        (
            "fr",
            "au moins 20 millions de livres sterling",
            20e6,
            19.5e6,
            26e6,
            Some("GBP"),
            "au moins 20 millions de livres sterling",
        ),
        (
            "fr",
            "vingt-cinq millions d'euros",
            25e6,
            24.5e6,
            25.5e6,
            Some("EUR"),
            "vingt-cinq millions d'euros",
        ),
        (
            "en",
            "$16.3 million",
            16.3e6,
            16.25e6,
            16.35e6,
            Some("USD"),
            "$16.3 million",
        ),
        ("en", "€15M", 15e6, 14.5e6, 15.5e6, Some("EUR"), "€15M"),
        (
            "en",
            "US$ 415 million",
            415e6,
            414.5e6,
            415.5e6,
            Some("USD"),
            "US$ 415 million",
        ),
        (
            "en",
            "USD 2 billion",
            2e9,
            1.5e9,
            2.5e9,
            Some("USD"),
            "USD 2 billion",
        ),
        (
            "en",
            "1,500,000 euros",
            1.5e6,
            1_499_999.5,
            1_500_000.5,
            Some("EUR"),
            "1,500,000 euros",
        ),
        ("en", "£1.5bn", 1.5e9, 1.45e9, 1.55e9, Some("GBP"), "£1.5bn"),
        (
            "en",
            "a billion dollars",
            1e9,
            0.5e9,
            1.5e9,
            Some("USD"),
            "a billion dollars",
        ),
        (
            "en",
            "half a billion euros",
            0.5e9,
            0.45e9,
            0.55e9,
            Some("EUR"),
            "half a billion euros",
        ),
        (
            "en",
            "a dozen million dollars",
            12e6,
            11.5e6,
            12.5e6,
            Some("USD"),
            "a dozen million dollars",
        ),
        (
            "en",
            "more than $2 billion",
            2e9,
            2e9,
            2.6e9,
            Some("USD"),
            "more than $2 billion",
        ),
        (
            "en",
            "nearly €600 million",
            600e6,
            540e6,
            600.5e6,
            Some("EUR"),
            "nearly €600 million",
        ),
        (
            "en",
            "~$6.2bn",
            6.2e9,
            5.58e9,
            6.82e9,
            Some("USD"),
            "~$6.2bn",
        ),
        (
            "en",
            "some 385 million euros",
            385e6,
            346.5e6,
            423.5e6,
            Some("EUR"),
            "some 385 million euros",
        ),
        (
            "en",
            "about 2 billion",
            2e9,
            1.5e9,
            2.5e9,
            None,
            "about 2 billion",
        ),
        ("en", "15 EUR", 15.0, 14.5, 15.5, Some("EUR"), "15 EUR"),
    ];

    #[test]
    fn reads_every_form_in_the_table() {
        for (lang, text, value, low, high, currency, written) in CASES {
            let found = read(lang, text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            let a = &found[0];
            let close = |x: f64, y: f64| (x - y).abs() <= 1e-6 * y.abs().max(1.0);
            assert!(
                close(a.value, *value),
                "{text}: value {} != {value}",
                a.value
            );
            assert!(
                close(a.low, *low) && close(a.high, *high),
                "{text}: [{}, {}] != [{low}, {high}]",
                a.low,
                a.high
            );
            assert_eq!(a.currency.as_deref(), *currency, "{text}");
            assert_eq!(&text[a.range.clone()], *written, "{text}");
        }
    }

    #[test]
    fn leaves_counts_years_and_percentages_alone() {
        for (lang, text) in [
            (
                "fr",
                "7 milliards de paramètres contre 175 milliards de variables",
            ),
            ("fr", "fondée en 2023 par 3 ingénieurs, PDG de 31 ans"),
            ("fr", "une hausse de 15 %"),
            ("fr", "plusieurs dizaines de millions par an"),
            ("en", "a 15 m long boat and 3 k runners"),
            ("en", "two engineers and a dozen people"),
        ] {
            assert!(
                read(lang, text).is_empty(),
                "{text}: {:?}",
                read(lang, text)
            );
        }
    }

    #[test]
    fn a_figure_has_at_most_eight_digit_groups_and_24_digits() {
        let eight = format!("1{} euros", ",000".repeat(MAX_DIGIT_GROUPS - 1));
        assert_eq!(read("en", &eight)[0].value, 1e21);
        // Nine groups: neither the run nor any part of it is a figure.
        let nine = format!("1{} euros", ",000".repeat(MAX_DIGIT_GROUPS));
        assert_eq!(read("en", &nine), []);
        assert_eq!(read("fr", &format!("{} euros", "9".repeat(25))), []);
        assert_eq!(read("fr", &format!("{} euros", "9".repeat(24))).len(), 1);
        // What follows the run is read as usual.
        let after = format!("1{} et 15 euros", ",000".repeat(40));
        assert_eq!(read("fr", &after)[0].value, 15.0);
    }

    #[test]
    fn a_negative_figure_is_no_amount_but_a_range_is() {
        assert_eq!(read("fr", "-5 millions d'euros"), []);
        assert_eq!(read("fr", "une perte de \u{2212}5 M€"), []);
        assert_eq!(read("en", "-€5M"), []);
        assert_eq!(read("en", "€-5 million"), []);
        assert_eq!(read("fr", "3-5 millions d'euros")[0].value, 5e6);
        assert_eq!(read("fr", "- 5 millions d'euros")[0].value, 5e6);
    }

    #[test]
    fn an_interval_never_goes_below_zero() {
        let zero = &read("fr", "0 million d'euros")[0];
        assert_eq!((zero.low, zero.high), (0.0, 0.5e6));
    }

    #[test]
    fn an_invisible_character_inside_a_figure_is_not_there() {
        let a = &read("fr", "6\u{200b}00 millions d'euros")[0];
        assert_eq!((a.value, a.currency.as_deref()), (600e6, Some("EUR")));
        assert_eq!(read("fr", "1\u{a0}5\u{ad}00\u{a0}000 €")[0].value, 1.5e6);
    }

    /// (language, text, the one amount read, its value)
    type Single = (&'static str, &'static str, &'static str, f64);

    #[test]
    fn a_number_before_a_currency_that_opens_the_next_figure_is_no_amount() {
        let cases: &[Single] = &[
            ("en", "led a €600 million round", "€600 million", 600e6),
            ("en", "at a $10 billion valuation", "$10 billion", 10e9),
            ("en", "a $112 million seed round", "$112 million", 112e6),
            ("en", "achieving a €5.8bn valuation", "€5.8bn", 5.8e9),
            ("en", "one $20 million tranche", "$20 million", 20e6),
            ("en", "in 2023 $40 million more", "$40 million", 40e6),
            ("fr", "un €600 millions", "€600 millions", 600e6),
            (
                "fr",
                "une levée de 600 millions d'euros",
                "600 millions d'euros",
                600e6,
            ),
            (
                "fr",
                "un tour de 2 milliards de dollars",
                "2 milliards de dollars",
                2e9,
            ),
            // A number word before a scale is still that number.
            ("en", "a million euros", "a million euros", 1e6),
            ("fr", "un milliard d'euros", "un milliard d'euros", 1e9),
        ];
        for (lang, text, written, value) in cases {
            let found = read(lang, text);
            let seen: Vec<_> = found
                .iter()
                .map(|a| (&text[a.range.clone()], a.value))
                .collect();
            assert_eq!(seen, [(*written, *value)], "{text}");
        }
        // A currency after its figure, then a spaced number: still its own.
        let first = &read("fr", "15 euros 20 fois")[0];
        assert_eq!((first.value, first.range.clone()), (15.0, 0..8));
    }

    #[test]
    fn a_currency_word_before_a_number_word_ends_the_amount_before() {
        let cases: &[Single] = &[
            (
                "fr",
                "135 millions d'euros deux mois plus tard",
                "135 millions d'euros",
                135e6,
            ),
            (
                "en",
                "20 million dollars two years ago",
                "20 million dollars",
                20e6,
            ),
        ];
        for (lang, text, written, value) in cases {
            let seen: Vec<_> = read(lang, text)
                .iter()
                .map(|a| (&text[a.range.clone()], a.value))
                .collect();
            assert_eq!(seen, [(*written, *value)], "{text}");
        }
    }

    #[test]
    fn a_misspelt_scale_word_makes_no_amount() {
        for (lang, text) in [
            ("en", "$2 bilion"),
            ("en", "€3 milions"),
            ("en", "a round of $4 billlion"),
            ("en", "£5 thousnd"),
            ("fr", "3 milions d'euros"),
            ("fr", "€3 milions"),
            ("fr", "2 miliards de dollars"),
            ("fr", "$2 milliars"),
        ] {
            assert_eq!(read(lang, text), [], "{text}");
        }
        // A word two edits or more from every scale is no scale: the figure stands.
        assert_eq!(read("en", "$2 bills")[0].value, 2.0);
        assert_eq!(read("fr", "3 € pièce")[0].value, 3.0);
        // Abbreviations are too short to tell a slip from another word.
        assert_eq!(read("en", "$5 in cash")[0].value, 5.0);
    }

    #[test]
    fn reads_separators_by_language() {
        assert_eq!(read("fr", "1,500 million d'euros")[0].value, 1.5e6);
        assert_eq!(read("en", "1,500 million euros")[0].value, 1.5e9);
        assert_eq!(read("fr", "1.500 millions d'euros")[0].value, 1.5e9);
    }

    /// The currencies each amount of `text` is read in, in order.
    fn currencies(lang: &str, text: &str) -> Vec<Option<String>> {
        read(lang, text).into_iter().map(|a| a.currency).collect()
    }

    #[test]
    fn reads_symbols_codes_and_words_of_twelve_currencies() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "en",
                "A$40 million, C$12m, CA$3m, S$7.5 million, HK$300 million, ₹2.1 billion",
                &["AUD", "CAD", "CAD", "SGD", "HKD", "INR"],
            ),
            (
                "en",
                "CHF 15 million, Fr. 4 million, 30 million Swiss francs, 80 million kronor, SEK 8m",
                &["CHF", "CHF", "CHF", "SEK", "SEK"],
            ),
            (
                "en",
                "7 million Canadian dollars, 8 million Australian dollars, 9 million Hong Kong dollars, 2 billion yen, 5 billion rupees",
                &["CAD", "AUD", "HKD", "JPY", "INR"],
            ),
            (
                "en",
                "50 million renminbi, RMB 40 million, CN¥9 million, 6 million yuan, £3m, €2m",
                &["CNY", "CNY", "CNY", "CNY", "GBP", "EUR"],
            ),
            (
                "fr",
                "15 millions de francs suisses, 80 millions de couronnes suédoises, 2 milliards de yens, 3 millions de dollars canadiens",
                &["CHF", "SEK", "JPY", "CAD"],
            ),
            (
                "fr",
                "4 millions de dollars australiens, 5 millions de dollars de Singapour, 6 millions de dollars de Hong Kong, 7 milliards de roupies, 8 millions de yuans",
                &["AUD", "SGD", "HKD", "INR", "CNY"],
            ),
        ];
        for (lang, text, expected) in cases {
            let expected: Vec<Option<String>> =
                expected.iter().map(|c| Some(c.to_string())).collect();
            assert_eq!(currencies(lang, text), expected, "{text}");
        }
    }

    #[test]
    fn a_symbol_with_letters_counts_only_glued() {
        // "a $5 million round": the article, then US dollars, not A$.
        assert_eq!(currencies("en", "a $5 million round"), [Some("USD".into())]);
        assert_eq!(currencies("en", "A$5 million"), [Some("AUD".into())]);
        assert_eq!(currencies("en", "US $ 5 million"), [Some("USD".into())]);
    }

    #[test]
    fn a_bare_dollar_is_american_and_a_bare_yen_sign_is_decided_by_its_context() {
        let usd = [Some("USD".to_string())];
        assert_eq!(
            currencies("en", "the Canadian startup raised $50 million"),
            usd
        );
        assert_eq!(
            currencies("en", "Sony booked ¥300 billion"),
            [Some("JPY".into())]
        );
        assert_eq!(
            currencies("en", "the Chinese maker booked ¥300 billion"),
            [Some("CNY".into())]
        );
        assert_eq!(
            currencies("fr", "le groupe chinois a levé ¥300 millions"),
            [Some("CNY".into())]
        );
        assert_eq!(
            currencies("fr", "le groupe japonais a levé ¥300 millions"),
            [Some("JPY".into())]
        );
        // Words of both: unknown, no amount.
        assert!(read("en", "a Japanese and Chinese venture worth ¥300 billion").is_empty());
        // Far away (more than about ten words): the default.
        assert_eq!(
            currencies(
                "en",
                "Chinese buyers came, and after many long months of talks and visits and meetings and more, it booked ¥300 billion"
            ),
            [Some("JPY".into())]
        );
    }
}
