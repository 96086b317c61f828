//! Properties over generated input: spans always lie on character boundaries
//! inside their file, rendering never panics, a fix applied twice changes
//! nothing the second time, and the byte-wise tokenizer and lexer cover every
//! word of any text (and any sub-range of it).

use std::sync::LazyLock;

use claimcheck::engine::{CheckOptions, Engine};
use claimcheck::render::{self, Format};
use claimcheck::rules::RulesLocation;
use claimcheck::text::lexemes::lex;
use claimcheck::text::tokens::tokenize;
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
            let run = render::RunInfo { files_checked: 1, ..render::RunInfo::default() };
            let _ = render::render(format, &map, &diagnostics, &run, render::Terminal::PLAIN);
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

    #[test]
    fn tokens_and_lexemes_cover_every_word_on_char_boundaries(
        text in prop_oneof![article(), any::<String>(), "[a-zé0-9 .,’'\\-€$\u{301}\u{2011}]{0,40}"],
        cut in 0usize..64,
    ) {
        let mut start = cut.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let range = start..text.len();
        let mut folds = String::new();
        let tokens = tokenize(&text, range.clone(), &mut folds);
        // Each token's fold, wherever it is kept, is its text folded.
        for t in &tokens {
            let folded = claimcheck::text::fold::fold_compact(&text[t.range.clone()]);
            prop_assert_eq!(t.folded, folded.as_str());
        }
        let mut lexeme_folds = String::new();
        let lexemes = lex(&text, range.clone(), &mut lexeme_folds);
        for l in &lexemes {
            let raw = &text[l.range.clone()];
            let folded = claimcheck::text::fold::fold_compact(raw);
            let expected = match l.kind {
                claimcheck::text::lexemes::LexKind::Word => folded.as_str(),
                _ => raw,
            };
            prop_assert_eq!(l.folded, expected);
        }
        let spans: [Vec<std::ops::Range<usize>>; 2] = [
            tokens.iter().map(|t| t.range.clone()).collect(),
            lexemes.iter().map(|l| l.range.clone()).collect(),
        ];
        for ranges in &spans {
            let mut end = range.start;
            for r in ranges {
                prop_assert!(end <= r.start && r.start < r.end && r.end <= range.end);
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                end = r.end;
            }
        }
        // Every letter or digit is inside a token; every character that is
        // neither white space nor an apostrophe is inside a lexeme.
        for (i, c) in text[range.clone()].char_indices() {
            let at = range.start + i;
            let inside = |ranges: &[std::ops::Range<usize>]| ranges.iter().any(|r| r.contains(&at));
            if c.is_alphanumeric() {
                prop_assert!(inside(&spans[0]), "{c:?} at {at} not in a token");
            }
            if !c.is_whitespace() && !matches!(c, '\'' | '\u{2019}' | '\u{02BC}') {
                prop_assert!(inside(&spans[1]), "{c:?} at {at} not in a lexeme");
            }
        }
    }
}
