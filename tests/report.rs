//! `claimcheck report`: the page holds every claim of the fixtures once, each
//! chart with the fact base's line, the same counts as `check`, the same
//! bytes on every run, and no reference to anything outside itself.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::claimcheck;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The report of the fixtures, written into `dir`.
fn report(dir: &Path) -> String {
    let out = dir.join("r.html");
    let run = claimcheck(
        root(),
        &["report", "fixtures", "--output", out.to_str().unwrap()],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    std::fs::read_to_string(out).unwrap()
}

/// Every value of `attribute="…"` in the page, in order.
fn attributes<'a>(page: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!(" {attribute}=\"");
    page.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &page[i + needle.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn every_claim_of_the_fixtures_appears_once() {
    let dir = tempfile::tempdir().unwrap();
    let page = report(dir.path());
    let claims = claimcheck(root(), &["claims", "fixtures", "--format", "json"], None);
    let claims: serde_json::Value = serde_json::from_str(&claims.stdout).unwrap();
    let mut rows: BTreeMap<String, usize> = BTreeMap::new();
    for at in attributes(&page, "data-at") {
        *rows.entry(unescape(at)).or_default() += 1;
    }
    let listed = claims.as_array().unwrap();
    assert!(listed.len() > 100, "the fixtures hold many claims");
    for c in listed {
        let at = format!(
            "{}:{}:{}",
            c["file"].as_str().unwrap(),
            c["line"],
            c["column"]
        );
        assert_eq!(
            rows.get(&at),
            Some(&1),
            "{at} should be one row of the report"
        );
    }
    // Durations are rows of the report but not listed by `claims`.
    let total: usize = rows.values().sum();
    assert!(total >= listed.len());
    let card = page.split(r#"data-count="claims"><b>"#).nth(1).unwrap();
    let shown: usize = card[..card.find('<').unwrap()].parse().unwrap();
    assert_eq!(shown, total, "the summary counts every row");
}

#[test]
fn each_chart_of_a_topic_the_fact_base_knows_has_its_fact_line() {
    let dir = tempfile::tempdir().unwrap();
    let page = report(dir.path());
    let sections: Vec<&str> = page.split(r#"<section class="series""#).skip(1).collect();
    let mut with_facts = 0;
    for s in &sections {
        let facts: usize = s
            .split("data-facts=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        if facts > 0 && s.contains("<svg") {
            with_facts += 1;
            assert!(
                s.contains(r#"<g class="fact-line">"#),
                "no fact line in {}",
                &s[..200]
            );
            assert!(
                s.contains("<title>fact base: "),
                "the fact line says what it is"
            );
        }
        if facts == 0 {
            assert!(s.contains("The fact base has no value for it."));
        }
    }
    assert!(with_facts >= 3, "{with_facts} charts with facts");
}

#[test]
fn the_summary_counts_what_check_finds() {
    let dir = tempfile::tempdir().unwrap();
    let page = report(dir.path());
    let check = claimcheck(root(), &["check", "fixtures", "--format", "json"], None);
    let check: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    for d in check["diagnostics"].as_array().unwrap() {
        *expected
            .entry(d["code"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    let mut shown: BTreeMap<String, usize> = BTreeMap::new();
    for row in page.split(r#"<tr data-code=""#).skip(1) {
        let code = &row[..row.find('"').unwrap()];
        let n = row.split(r#"<td class="n">"#).nth(1).unwrap();
        shown.insert(code.to_string(), n[..n.find('<').unwrap()].parse().unwrap());
    }
    assert!(expected.len() > 5);
    assert_eq!(shown, expected);
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let first = report(dir.path());
    let second = report(dir.path());
    assert!(first == second, "two runs differ");
    let markdown = |_: ()| {
        claimcheck(
            root(),
            &["report", "fixtures", "--format", "markdown"],
            None,
        )
        .stdout
    };
    assert_eq!(markdown(()), markdown(()));
}

#[test]
fn nothing_outside_the_page_is_referenced() {
    let dir = tempfile::tempdir().unwrap();
    let page = report(dir.path());
    for forbidden in [
        "http:", "https:", "src=", "url(", "@import", "<link", "xlink:",
    ] {
        assert!(!page.contains(forbidden), "the page holds {forbidden}");
    }
    let hrefs = attributes(&page, "href");
    assert!(hrefs.len() > 100);
    for href in hrefs {
        if let Some(anchor) = href.strip_prefix('#') {
            assert!(
                page.contains(&format!(" id=\"{anchor}\"")),
                "no anchor {href}"
            );
            continue;
        }
        // A link to an article: a relative path to a file that exists.
        assert!(!href.starts_with('/') && !href.contains("//"), "{href}");
        let path = dir.path().join(unescape(href).replace("%20", " "));
        assert!(path.is_file(), "{href} is not an article");
    }
}

#[test]
fn markdown_gives_the_summary_and_the_conflicts() {
    let run = claimcheck(
        root(),
        &["report", "fixtures", "--format", "markdown"],
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with("## claimcheck report\n"));
    assert!(run.stdout.contains("| M001 | fact-conflict |"));
    assert!(run.stdout.contains("| **conflicts** |"));
    assert!(run.stdout.contains("| **stale** |"));
    assert!(run.stdout.len() < 65_536, "fits a GitHub comment");
}

#[test]
fn a_row_verdict_and_its_findings_tell_the_same_story() {
    let dir = tempfile::tempdir().unwrap();
    let page = report(dir.path());
    let (mut conflicts, mut stale) = (0, 0);
    for row in page.split("<tr id=\"c").skip(1) {
        let row = &row[..row.find("</tr>").unwrap()];
        let verdict = row
            .split("class=\"v-")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        if row.contains("M001 fact-conflict: ") || row.contains("M002 currency-mismatch: ") {
            assert_eq!(verdict, "conflicts", "{row}");
            conflicts += 1;
        }
        if row.contains("T001 stale-claim: ") {
            assert_eq!(verdict, "stale", "{row}");
            stale += 1;
        }
        if verdict == "agrees" {
            assert!(
                !row.contains("fact-conflict") && !row.contains("stale-claim"),
                "{row}"
            );
        }
    }
    assert!(
        conflicts > 20 && stale > 2,
        "{conflicts} conflicts, {stale} stale"
    );
}
