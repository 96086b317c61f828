//! Every output format on one article with accents, typographic quotes and
//! several kinds of finding, compared with a snapshot beside it
//! (`fixtures/formats/accents.<format>`). `BLESS=1 cargo test --test formats`
//! accepts new output.

use std::path::Path;
use std::process::Command;

const FORMATS: [&str; 6] = ["human", "short", "json", "json-lines", "sarif", "github"];

fn run(format: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(root)
        .args([
            "check",
            "fixtures/formats/accents.md",
            "--color",
            "never",
            "--format",
            format,
        ])
        .output()
        .expect("the binary runs");
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

#[test]
fn every_format_matches_its_snapshot() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/formats");
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    for format in FORMATS {
        let seen = run(format);
        let path = root.join(format!("accents.{format}"));
        if bless {
            std::fs::write(&path, &seen).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        if expected != seen {
            failures.push(format!(
                "--format {format} differs from {}:\n{seen}",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn machine_formats_parse_and_agree_on_positions() {
    let json: serde_json::Value = serde_json::from_str(&run("json")).expect("json parses");
    let lines: Vec<serde_json::Value> = run("json-lines")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line parses"))
        .collect();
    assert_eq!(json["diagnostics"].as_array().unwrap(), &lines);
    // The envelope says what the run was over, and that it checked everything.
    assert_eq!(json["success"], true);
    assert_eq!(json["files_checked"], 1);
    assert_eq!(json["fact_base"]["location"], "'rules'");
    assert!(json["fact_base"]["facts"].as_u64().unwrap() > 0);
    let sarif: serde_json::Value = serde_json::from_str(&run("sarif")).expect("sarif parses");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    assert_eq!(sarif["runs"][0]["properties"]["factBase"], "'rules'");
    assert_eq!(results.len(), lines.len());
    for (r, j) in results.iter().zip(&lines) {
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], j["primary"]["start"]["line"]);
        assert_eq!(region["startColumn"], j["primary"]["start"]["column"]);
        assert_eq!(region["endColumn"], j["primary"]["end"]["column"]);
        assert_eq!(r["ruleId"], j["code"]);
    }
    // Columns count characters: « and é are one column each.
    let first = &lines[0]["primary"];
    assert_eq!(
        (
            first["start"]["line"].as_u64(),
            first["start"]["column"].as_u64()
        ),
        (Some(6), Some(3))
    );
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/formats/accents.md"),
    )
    .unwrap();
    let (start, end) = (
        first["start"]["byte"].as_u64().unwrap() as usize,
        first["end"]["byte"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "Thimothé Lacroix");
    // One workflow command a finding: newlines in messages are escaped.
    let github = run("github");
    assert_eq!(github.lines().count(), lines.len());
    assert!(
        github
            .lines()
            .all(|l| l.starts_with("::error ") || l.starts_with("::warning ")),
        "{github}"
    );
    assert!(github.contains("%0Ahelp:"), "{github}");
}
