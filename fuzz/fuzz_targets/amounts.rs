//! The amount reader on any text: no panic, every amount inside the text on
//! character boundaries, low <= high.
#![no_main]
use claimcheck::readers::amounts::AmountReader;
use claimcheck::lexicon::{Lexicon, Lexicons};
use claimcheck::text::lexemes::lex;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static LEXICONS: LazyLock<Lexicons> = LazyLock::new(Lexicons::shipped);
static CURRENCIES: LazyLock<claimcheck::lexicon::currency_index::CurrencyIndex> = LazyLock::new(|| Lexicon::all_currencies(&LEXICONS));

fuzz_target!(|text: &str| {
    for lexicon in LEXICONS.iter() {
        let reader = AmountReader { lexicon, currencies: &CURRENCIES };
        for a in reader.read(text, &lex(text, 0..text.len(), &mut String::new())) {
            assert!(a.range.end <= text.len() && text.is_char_boundary(a.range.start) && text.is_char_boundary(a.range.end));
            assert!(a.low <= a.high || a.low.is_nan() || a.high.is_nan());
        }
    }
});
