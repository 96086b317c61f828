//! Properties over generated input: spans always lie on character boundaries
//! inside their file, rendering never panics, and a fix applied twice changes
//! nothing the second time.

use std::sync::LazyLock;

use claimcheck::engine::{CheckOptions, Engine};
use claimcheck::render::{self, Format};
use claimcheck::rules::RulesLocation;
use proptest::prelude::*;

static ENGINE: LazyLock<Engine> =
    LazyLock::new(|| Engine::load(&RulesLocation::Embedded).expect("built-in rules load"));

/// Words that make claims, names, near-miss names, dates and punctuation likely.
const WORDS: &[&str] = &[
    "Mistral",
    "AI",
    "Open",
    "OpenAI",
    "Thimothé",
    "Timothee",
    "Lacroix",
    "Arthur",
    "Mensch",
    "Deepmind",
    "Microsoft",
    "a",
    "investi",
    "levé",
    "valorisée",
    "à",
    "15",
    "2",
    "1,5",
    "millions",
    "milliards",
    "d'euros",
    "de",
    "dollars",
    "€",
    "$",
    "près",
    "plus",
    "en",
    "juin",
    "dernier",
    "2024",
    "mardi",
    "11",
    "fondée",
    "passé",
    "par",
    "Meta",
    "PDG",
    "31",
    "ans",
    ".",
    ",",
    "\n\n",
    "«",
    "»",
    "é",
    "𝄞",
    "\r\n",
    "<!--",
    "-->",
    "claimcheck:",
    "allow",
];

fn article() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 0..80),
        prop::bool::ANY,
    )
        .prop_map(|(words, front)| {
            let body = words.join(" ");
            if front {
                format!("---\nlang: fr\ndate: 2024-06-11\n---\n{body}")
            } else {
                body
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn spans_lie_on_char_boundaries_and_rendering_never_panics(text in prop_oneof![article(), any::<String>()]) {
        let (map, diagnostics) = ENGINE.check_text("a.md", text, &CheckOptions::default());
        for d in &diagnostics {
            let spans = std::iter::once(&d.primary.span)
                .chain(d.secondary.iter().map(|l| &l.span))
                .chain(d.fix.iter().flat_map(|f| f.edits.iter().map(|e| &e.span)));
            for span in spans {
                let file = &map.get(span.file).text;
                prop_assert!(span.start <= span.end && span.end <= file.len());
                prop_assert!(file.is_char_boundary(span.start) && file.is_char_boundary(span.end));
            }
        }
        for format in [Format::Human, Format::Short, Format::Json, Format::JsonLines, Format::Sarif, Format::Github] {
            let _ = render::render(format, &map, &diagnostics, 1, false);
        }
    }

    #[test]
    fn a_fix_applied_twice_changes_nothing_the_second_time(text in article()) {
        let (map, diagnostics) = ENGINE.check_text("a.md", text.clone(), &CheckOptions::default());
        let fixed = claimcheck::fix::plan(&map, &diagnostics).into_iter().next().map_or(text, |f| f.fixed);
        let (map, diagnostics) = ENGINE.check_text("a.md", fixed.clone(), &CheckOptions::default());
        let again = claimcheck::fix::plan(&map, &diagnostics).into_iter().next().map_or(fixed.clone(), |f| f.fixed);
        prop_assert_eq!(again, fixed);
    }
}
