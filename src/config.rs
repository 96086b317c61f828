//! `claimcheck.toml`: a project's defaults, found from the checked paths
//! upward (else from the working folder), or named with `--config`.
//! Command-line flags win over it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::check::registry;
use crate::diagnostic::CheckInfo;

pub const FILE_NAME: &str = crate::source::project::CONFIG_FILE;

/// `[sarif]`: where the desk documents the tool and each check.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SarifLinks {
    /// The tool's page (SARIF `informationUri`).
    pub information_uri: Option<String>,
    /// Each check's page; `{code}` and `{name}` are replaced (SARIF `helpUri`).
    pub help_uri: Option<String>,
}

/// What a check becomes in this project.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported as a warning.
    Warn,
    /// Reported as an error.
    Deny,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The fact-base folder, relative to the configuration file.
    pub rules: Option<PathBuf>,
    /// Globs (relative to the configuration file) of the articles to check when walking folders.
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files to leave out when walking folders.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// The language of articles that do not declare one.
    pub language: Option<String>,
    /// The publication date of articles that carry none (YYYY-MM-DD).
    pub date: Option<String>,
    /// Check name or code → allow, warn or deny.
    #[serde(default)]
    pub severity: BTreeMap<Spanned<String>, Level>,
    /// When given, only these checks (names, codes or code prefixes) are reported.
    pub select: Option<Vec<Spanned<String>>>,
    /// Glob (relative to the configuration file) → checks not reported in the
    /// files it matches, as ruff's `per-file-ignores`.
    #[serde(default, rename = "per-file-ignores")]
    pub per_file_ignores: BTreeMap<String, Vec<Spanned<String>>>,
    /// Links a desk gives its users in SARIF reports.
    #[serde(default)]
    pub sarif: SarifLinks,
    /// The codes `select` resolves to; `None` reports every check.
    #[serde(skip)]
    selected: Option<Vec<&'static str>>,
    /// The folder the file was found in; paths are relative to it.
    #[serde(skip)]
    pub root: PathBuf,
    /// Where it was found, for messages.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// The nearest `claimcheck.toml` from `start` upward, if any.
pub fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// The `claimcheck.toml` of the checked paths: the nearest from each path
/// upward (as ruff finds a project's settings from the file, not from where
/// the command runs), else the nearest above `cwd` (standard input, or
/// articles outside any project). Paths of two different projects are an
/// error: each project's settings apply to its own articles only.
pub fn discover(paths: &[PathBuf], cwd: &Path) -> Result<Option<PathBuf>, String> {
    let mut found: Vec<PathBuf> = Vec::new();
    for path in paths.iter().filter(|p| p.as_os_str() != "-") {
        let absolute = cwd.join(path);
        let start = if absolute.is_dir() {
            absolute.as_path()
        } else {
            absolute.parent().unwrap_or(&absolute)
        };
        if let Some(config) = find(start) {
            let config = config.canonicalize().unwrap_or(config);
            if !found.contains(&config) {
                found.push(config);
            }
        }
    }
    match found.len() {
        0 => Ok(find(cwd)),
        1 => Ok(found.pop()),
        _ => Err(format!(
            "the paths belong to projects with different settings ({}); check each project on its own, or give `--config FILE`",
            found
                .iter()
                .map(|p| format!("'{}'", p.display()))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Reads a configuration file; the error says where it is wrong.
pub fn load(path: &Path) -> Result<Config, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read '{}': {e}", path.display()))?;
    let at = |span: Option<std::ops::Range<usize>>| {
        let place = span.map(|s| {
            let before = &text[..s.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!(":{line}:{col}")
        });
        format!("{}{}", path.display(), place.unwrap_or_default())
    };
    let mut config: Config =
        toml::from_str(&text).map_err(|e| format!("{}: {}", at(e.span()), e.message()))?;
    // Check names are known before anything runs, so a typo points at its place.
    for key in config.severity.keys() {
        if registry::find(key.get_ref()).is_none() {
            return Err(format!(
                "{}: {}",
                at(Some(key.span())),
                unknown_check(key.get_ref(), "[severity]")
            ));
        }
    }
    if let Some(select) = &config.select {
        let keys: Vec<&str> = select.iter().map(|k| k.get_ref().as_str()).collect();
        config.selected = Some(selection(&keys).map_err(|bad| {
            let key = &select[bad];
            format!(
                "{}: {}",
                at(Some(key.span())),
                unknown_selector(key.get_ref(), "`select`")
            )
        })?);
    }
    for (glob, keys) in &config.per_file_ignores {
        globset::Glob::new(glob).map_err(|e| {
            format!(
                "{}: invalid glob `{glob}` in [per-file-ignores]: {e}",
                path.display()
            )
        })?;
        for key in keys {
            if selected_by(key.get_ref()).is_empty() {
                return Err(format!(
                    "{}: {}",
                    at(Some(key.span())),
                    unknown_selector(key.get_ref(), "[per-file-ignores]")
                ));
            }
        }
    }
    config.root = path.parent().map(Path::to_path_buf).unwrap_or_default();
    // Globs match paths from the file's folder, however the file was named.
    if config.root.is_relative() {
        let absolute = std::env::current_dir()
            .unwrap_or_default()
            .join(&config.root);
        config.root = absolute.canonicalize().unwrap_or(absolute);
    }
    config.path = Some(path.to_path_buf());
    Ok(config)
}

/// The message for a check name that no check has: the nearest name when
/// one is close, else every name.
fn unknown_check(key: &str, place: &str) -> String {
    match registry::nearest_name(key) {
        Some(name) => format!("unknown check `{key}` in {place}; did you mean `{name}`?"),
        None => format!(
            "unknown check `{key}` in {place}; known: {}",
            registry::names()
        ),
    }
}

/// The message for a `select` entry that selects nothing.
fn unknown_selector(key: &str, place: &str) -> String {
    let message = unknown_check(key, place);
    if message.ends_with('?') {
        message
    } else {
        format!("{message}; or a code prefix such as `M` for a group")
    }
}

/// The checks one `select` entry names: a check's name or code (any case), or
/// the start of codes (`M`, `T00`) for a group, as ruff's selectors do.
fn selected_by(key: &str) -> Vec<&'static CheckInfo> {
    if let Some(info) = registry::find(key) {
        return vec![info];
    }
    if key.is_empty() {
        return Vec::new();
    }
    registry::all()
        .into_iter()
        .filter(|c| {
            c.code
                .get(..key.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(key))
        })
        .collect()
}

/// The codes that `keys` select; `Err` holds the index of the first key that
/// selects nothing.
fn selection(keys: &[&str]) -> Result<Vec<&'static str>, usize> {
    let mut codes = Vec::new();
    for (i, key) in keys.iter().enumerate() {
        let found = selected_by(key.trim());
        if found.is_empty() {
            return Err(i);
        }
        codes.extend(found.into_iter().map(|c| c.code));
    }
    Ok(codes)
}

impl Config {
    /// Drops the findings `per-file-ignores` ignores in their file. `path_of`
    /// gives a finding's file path as read (None for standard input, which
    /// no glob matches).
    pub fn apply_per_file_ignores(
        &self,
        diagnostics: &mut Vec<crate::diagnostic::Diagnostic>,
        path_of: impl Fn(&crate::diagnostic::Diagnostic) -> Option<PathBuf>,
    ) {
        if self.per_file_ignores.is_empty() {
            return;
        }
        let rules: Vec<(globset::GlobMatcher, Vec<&'static str>)> = self
            .per_file_ignores
            .iter()
            .filter_map(|(glob, keys)| {
                let matcher = globset::Glob::new(glob).ok()?.compile_matcher();
                let codes = keys
                    .iter()
                    .flat_map(|k| selected_by(k.get_ref()))
                    .map(|c| c.code)
                    .collect();
                Some((matcher, codes))
            })
            .collect();
        let cwd = std::env::current_dir().unwrap_or_default();
        diagnostics.retain(|d| {
            let Some(path) = path_of(d) else {
                return true;
            };
            let absolute = cwd.join(&path);
            let relative = absolute
                .strip_prefix(&self.root)
                .or_else(|_| path.strip_prefix("."))
                .unwrap_or(&path);
            !rules
                .iter()
                .any(|(m, codes)| codes.contains(&d.code) && m.is_match(relative))
        });
    }

    /// A path from the file, resolved against its folder.
    pub fn resolve(&self, path: &Path) -> PathBuf {
        if path.is_absolute() || self.root.as_os_str().is_empty() {
            path.to_path_buf()
        } else {
            self.root.join(path)
        }
    }

    /// Include and exclude globs compiled; an invalid glob is an error.
    pub fn filter(&self) -> Result<PathFilter, String> {
        let build = |globs: &[String]| -> Result<Option<globset::GlobSet>, String> {
            if globs.is_empty() {
                return Ok(None);
            }
            let mut set = globset::GlobSetBuilder::new();
            for g in globs {
                set.add(
                    globset::Glob::new(g)
                        .map_err(|e| format!("invalid glob `{g}` in {FILE_NAME}: {e}"))?,
                );
            }
            set.build().map(Some).map_err(|e| e.to_string())
        };
        Ok(PathFilter {
            root: self.root.clone(),
            include: build(&self.include)?,
            exclude: build(&self.exclude)?,
        })
    }
}

impl Config {
    /// The fact base: `flag`, else this file's `rules`, else `./rules` under
    /// `base` when it exists, else the built-in one.
    pub fn rules_location(
        &self,
        flag: Option<PathBuf>,
        base: &Path,
    ) -> crate::rules::RulesLocation {
        use crate::rules::RulesLocation;
        if let Some(dir) = flag.or_else(|| self.rules.as_ref().map(|r| self.resolve(r))) {
            return RulesLocation::Dir(dir);
        }
        let local = base.join("rules");
        if local.is_dir() {
            RulesLocation::Dir(if base == Path::new(".") {
                PathBuf::from("rules")
            } else {
                local
            })
        } else {
            RulesLocation::Embedded
        }
    }

    /// Replaces the file's `select` with the checks named on the command line
    /// (`--select`), which wins over the file as every flag does.
    pub fn select(&mut self, keys: &[String]) -> Result<(), String> {
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        self.selected =
            Some(selection(&keys).map_err(|bad| unknown_selector(keys[bad], "--select"))?);
        Ok(())
    }

    /// Whether findings of the check with this code are reported at all.
    pub fn is_selected(&self, code: &str) -> bool {
        self.selected
            .as_ref()
            .is_none_or(|codes| codes.contains(&code))
    }

    /// Whether findings of the check with this code are reported at all:
    /// selected, and not allowed by the `[severity]` table.
    pub fn reports(&self, code: &str) -> bool {
        self.is_selected(code)
            && !self.severity.iter().any(|(key, level)| {
                *level == Level::Allow
                    && registry::find(key.get_ref()).is_some_and(|c| c.code == code)
            })
    }

    /// Applies `select` and the `[severity]` table: a check not selected, or
    /// allowed, is dropped; warn and deny set the severity of its warnings
    /// and errors (notes stay notes).
    pub fn apply_levels(
        &self,
        diagnostics: &mut Vec<crate::diagnostic::Diagnostic>,
    ) -> Result<(), String> {
        use crate::diagnostic::Severity;
        let mut levels = Vec::new();
        for (key, level) in &self.severity {
            let info = registry::find(key.get_ref())
                .ok_or_else(|| unknown_check(key.get_ref(), "[severity]"))?;
            levels.push((info.code, *level));
        }
        diagnostics.retain_mut(|d| {
            if !self.is_selected(d.code) {
                return false;
            }
            match levels
                .iter()
                .find(|(code, _)| *code == d.code)
                .map(|(_, l)| *l)
            {
                Some(Level::Allow) => false,
                // A note (a house-style difference the lexicon marks so) keeps
                // its level: the level set here is for the check's findings.
                Some(_) if d.severity == Severity::Note => true,
                Some(Level::Warn) => {
                    d.severity = Severity::Warning;
                    true
                }
                Some(Level::Deny) => {
                    d.severity = Severity::Error;
                    true
                }
                None => true,
            }
        });
        Ok(())
    }

    /// The date default parsed, if any.
    pub fn default_date(&self) -> Result<Option<chrono::NaiveDate>, String> {
        self.date
            .as_deref()
            .map(|d| {
                chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| {
                    format!("`date` in {FILE_NAME}: `{d}` is not a date of the form YYYY-MM-DD")
                })
            })
            .transpose()
    }
}

/// Which walked files the configuration keeps.
#[derive(Debug, Default)]
pub struct PathFilter {
    root: PathBuf,
    include: Option<globset::GlobSet>,
    exclude: Option<globset::GlobSet>,
}

impl PathFilter {
    pub fn keeps(&self, path: &Path) -> bool {
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        let relative = relative.strip_prefix(".").unwrap_or(relative);
        self.include.as_ref().is_none_or(|s| s.is_match(relative))
            && !self.exclude.as_ref().is_some_and(|s| s.is_match(relative))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_config_and_reports_errors_with_their_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(
            &path,
            "rules = \"facts\"\nexclude = [\"drafts/**\"]\n[severity]\nname-variant = \"deny\"\n",
        )
        .unwrap();
        let config = load(&path).unwrap();
        assert_eq!(config.resolve(Path::new("facts")), dir.path().join("facts"));
        let level = |name: &str| {
            config
                .severity
                .iter()
                .find(|(k, _)| k.get_ref() == name)
                .map(|(_, l)| *l)
        };
        assert_eq!(level("name-variant"), Some(Level::Deny));
        let filter = config.filter().unwrap();
        assert!(!filter.keeps(&dir.path().join("drafts/a.md")));
        assert!(filter.keeps(&dir.path().join("news/a.md")));

        std::fs::write(&path, "rules = \"facts\"\nseverity = 3\nunknown = 1\n").unwrap();
        let err = load(&path).unwrap_err();
        assert!(err.contains(":2:"), "{err}");
    }

    #[test]
    fn select_takes_names_codes_and_code_prefixes() {
        assert_eq!(selection(&["fact-conflict"]), Ok(vec!["M001"]));
        assert_eq!(
            selection(&["t002", "Name-Variant"]),
            Ok(vec!["T002", "N001"])
        );
        let money = selection(&["M"]).unwrap();
        assert!(money.len() >= 5 && money.iter().all(|c| c.starts_with('M')));
        assert_eq!(selection(&["N00"]).map(|c| c.len()), Ok(2));
        // Nothing matches: the index of the culprit, for its place in the file.
        assert_eq!(selection(&["N001", "name"]), Err(1));
        assert_eq!(selection(&["", "N001"]), Err(0));
        assert_eq!(selection(&["M0011"]), Err(0));

        let mut config = Config::default();
        assert!(config.is_selected("N001"));
        config.select(&["M".to_string()]).unwrap();
        assert!(config.is_selected("M003") && !config.is_selected("N001"));
        let err = config.select(&["nope".to_string()]).unwrap_err();
        assert!(err.contains("unknown check `nope` in --select"), "{err}");
    }
}
