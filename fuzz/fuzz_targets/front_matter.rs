//! A whole article (front matter first) through the whole pipeline with the
//! shipped fact base: no panic, every diagnostic span on character boundaries.
#![no_main]
use std::sync::LazyLock;

use claimcheck::engine::{CheckOptions, Engine};
use claimcheck::rules::RulesLocation;
use libfuzzer_sys::fuzz_target;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::load(&RulesLocation::Embedded).expect("built-in rules load"));

fuzz_target!(|text: &str| {
    let article = format!("---\n{text}");
    let (map, diagnostics) = ENGINE.check_text("a.md", article, &CheckOptions::default());
    for d in &diagnostics {
        for span in std::iter::once(&d.primary.span).chain(d.secondary.iter().map(|l| &l.span)) {
            let file = &map.get(span.file).text;
            assert!(span.end <= file.len() && file.is_char_boundary(span.start) && file.is_char_boundary(span.end));
        }
    }
});
