//! The date reader on any text, with and without an anchor: no panic, spans
//! inside the text, first <= last.
#![no_main]
use claimcheck::lexicon::Lexicons;
use claimcheck::readers::dates::{DateReader, infer_anchor};
use claimcheck::text::tokens::tokenize;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static LEXICONS: LazyLock<Lexicons> = LazyLock::new(Lexicons::shipped);

fuzz_target!(|text: &str| {
    let mut folds = String::new();
    let tokens = tokenize(text, 0..text.len(), &mut folds);
    for lexicon in LEXICONS.iter() {
        for anchor in [None, chrono::NaiveDate::from_ymd_opt(2024, 6, 11)] {
            for d in (DateReader { lexicon, anchor }).read(text, &tokens) {
                assert!(text.is_char_boundary(d.range.start) && text.is_char_boundary(d.range.end));
                assert!(d.date.first <= d.date.last);
            }
        }
        let _ = infer_anchor(lexicon, text, &tokens);
    }
});
