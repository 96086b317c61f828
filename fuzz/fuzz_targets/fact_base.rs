//! Any YAML as a fact-base file (beside the shipped lexicons): no panic, every
//! diagnostic inside the file.
#![no_main]
use claimcheck::engine::Engine;
use claimcheck::rules::RulesLocation;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let location = RulesLocation::Memory(vec![("facts.yaml".to_string(), text.to_string())]);
    if let Ok(engine) = Engine::load(&location) {
        for d in &engine.rule_diagnostics {
            let file = &engine.map.get(d.primary.span.file).text;
            assert!(d.primary.span.end <= file.len() && file.is_char_boundary(d.primary.span.start));
        }
    }
});
