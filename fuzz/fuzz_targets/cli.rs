//! The whole command-line path on arbitrary bytes: up to three articles
//! (split at NUL bytes) written to a temporary folder, walked and read from
//! disk, checked with the shipped fact base, rendered in every output format,
//! fixed in place with `--fix`'s code, then checked again. No panic; every
//! span on character boundaries; every fixed file holds the planned text.
#![no_main]
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use claimcheck::engine::{CheckOptions, Engine, Input};
use claimcheck::render::{self, Format};
use claimcheck::rules::RulesLocation;
use libfuzzer_sys::fuzz_target;

const FORMATS: [Format; 6] = [
    Format::Human,
    Format::Short,
    Format::Sarif,
    Format::Json,
    Format::JsonLines,
    Format::Github,
];

static RUN: AtomicUsize = AtomicUsize::new(0);

/// The engine keeps every article it checked: it is loaded again every
/// thousand runs, so memory stays bounded and loading does not dominate.
static ENGINE: Mutex<Option<Engine>> = Mutex::new(None);

fn with_engine<T>(run: usize, f: impl FnOnce(&mut Engine) -> T) -> T {
    let mut slot = ENGINE.lock().expect("one fuzzing thread");
    if slot.is_none() || run % 1000 == 0 {
        *slot = Some(Engine::load(&RulesLocation::Embedded).expect("built-in rules load"));
    }
    f(slot.as_mut().expect("loaded"))
}

fuzz_target!(|bytes: &[u8]| {
    let run = RUN.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("claimcheck-fuzz-cli-{}-{run}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    for (i, part) in bytes.split(|&b| b == 0).take(3).enumerate() {
        std::fs::write(dir.join(format!("a{i}.md")), part).expect("write article");
    }
    with_engine(run, |engine| whole_path(engine, &dir));
    let _ = std::fs::remove_dir_all(&dir);
});

fn whole_path(engine: &mut Engine, dir: &std::path::Path) {
    let report = engine.check(&[Input::Path(dir.to_path_buf())], &CheckOptions::default());
    for d in &report.diagnostics {
        for span in std::iter::once(&d.primary.span).chain(d.secondary.iter().map(|l| &l.span)) {
            let file = &engine.map.get(span.file).text;
            assert!(span.end <= file.len() && file.is_char_boundary(span.start) && file.is_char_boundary(span.end));
        }
    }
    for format in FORMATS {
        let _ = render::render(format, &engine.map, &report.diagnostics, report.extractions.len(), false);
    }
    let fixes = claimcheck::fix::plan(&engine.map, &report.diagnostics);
    let outcome = claimcheck::fix::apply(&engine.map, &fixes);
    if !fixes.is_empty() && outcome.not_fixed() == 0 {
        for f in &fixes {
            let path = f.path.as_deref().expect("an article read from disk");
            assert_eq!(std::fs::read_to_string(path).expect("fixed file reads"), f.fixed);
        }
        // The fixed folder is checked again, as `--fix` does before it reports.
        let report = engine.check(&[Input::Path(dir.to_path_buf())], &CheckOptions::default());
        let _ = claimcheck::fix::plan(&engine.map, &report.diagnostics);
    }
}
