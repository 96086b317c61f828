//! The house's layering, checked: each module of `src/` (a folder or a file
//! at its top) may import only modules of lower layers or of its own. Data
//! flows one way — values and readers at the bottom, the language server at
//! the top — so that no change low in the house drags in one above it.
//! Imports are read as `crate::MODULE` paths in code (comments aside), tests
//! included: a test that needs a higher module belongs in `tests/`.

use std::collections::BTreeMap;
use std::path::Path;

/// Layers, bottom first. A module may import only modules of lower layers.
const LAYERS: &[&[&str]] = &[
    &[
        "text",
        "span",
        "values",
        "embedded",
        "error",
        "atomic_write",
    ],
    &["diagnostic", "yaml"],
    &["lexicon"],
    &["readers"],
    &["source"],
    &["rules"],
    &["extract"],
    &["check"],
    &["config", "fix", "baseline"],
    // The report's model reads the checks' verdicts; its renderers lay it out.
    &["report"],
    // Renderers show what fixes and baselines decide: the closing line counts
    // the fixable findings, SARIF carries the baseline's fingerprints.
    &["render"],
    &["init", "engine"],
    &["stats", "lsp", "policy"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|modules| modules.contains(&module))
}

/// Whether `from` may import `to`: only from a lower layer.
fn allowed(from: &str, to: &str) -> bool {
    matches!((layer(from), layer(to)), (Some(a), Some(b)) if b < a)
}

fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("under src/");
    let first = relative.components().next().expect("a component");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_string()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The `crate::MODULE` paths of a file's code, comments left out.
fn imports(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.push(name);
            }
        }
    }
    found
}

#[test]
fn no_module_imports_one_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut wrong: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut unknown = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        if module == "main" || module == "lib" {
            continue;
        }
        if layer(&module).is_none() {
            unknown.push(module.clone());
            continue;
        }
        let text = std::fs::read_to_string(file).expect("readable");
        for to in imports(&text) {
            if to != module && !allowed(&module, &to) {
                wrong
                    .entry(format!("{} ({module})", file.display()))
                    .or_default()
                    .push(to);
            }
        }
    }
    unknown.sort();
    unknown.dedup();
    assert!(
        unknown.is_empty(),
        "modules missing from LAYERS in tests/architecture.rs (and the README's code map): {unknown:?}"
    );
    assert!(
        wrong.is_empty(),
        "imports that go up the house:\n{}",
        wrong
            .iter()
            .map(|(file, to)| format!("  {file} imports {}", to.join(", ")))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_layering_rule_itself() {
    assert!(allowed("extract", "rules"));
    assert!(!allowed("rules", "extract"));
    assert!(!allowed("lexicon", "source"));
    assert!(allowed("render", "check"));
    assert!(!allowed("text", "values"));
}
