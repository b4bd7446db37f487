//! Helpers shared by the integration tests: test data files and golden files.
#![allow(dead_code)] // each test binary uses its own share of these

use std::fs;
use std::path::{Path, PathBuf};

/// `crates/domain/tests/<rel>`.
pub fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(rel)
}

/// The files in `tests/<dir>` whose name ends in `.<ext>`, as (name without
/// the extension, path), sorted by name.
pub fn files(dir: &str, ext: &str) -> Vec<(String, PathBuf)> {
    let suffix = format!(".{ext}");
    let mut out: Vec<(String, PathBuf)> = fs::read_dir(data(dir))
        .unwrap_or_else(|e| panic!("reading tests/{dir}: {e}"))
        .map(|entry| entry.expect("a directory entry").path())
        .filter_map(|path| {
            let name = path
                .file_name()?
                .to_str()?
                .strip_suffix(&suffix)?
                .to_owned();
            Some((name, path))
        })
        .collect();
    out.sort();
    out
}

/// Every valid survey the tests know, as (name, JSON): the built-in one, the
/// files in `surveys/valid` and the example survey in `examples/`.
pub fn valid_surveys() -> Vec<(String, String)> {
    let mut out = vec![(
        "DEFAULT_SURVEY_JSON".to_owned(),
        suara_domain::DEFAULT_SURVEY_JSON.to_owned(),
    )];
    out.extend(
        files("surveys/valid", "json")
            .into_iter()
            .map(|(name, path)| (name, read(&path))),
    );
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/every-kind.json");
    out.push(("examples/every-kind".to_owned(), read(&example)));
    out
}

pub fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// True when the expected files should be rewritten from the actual output
/// (`UPDATE_GOLDEN=1 cargo test -p suara-domain`); read every changed file
/// by eye before committing it.
pub fn updating() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Compares `actual` with the golden file at `path` byte for byte, or
/// rewrites the file when [`updating`]. Returns a description of the
/// difference, so a test can report every mismatching file at once.
pub fn golden(path: &Path, actual: &[u8]) -> Result<(), String> {
    if updating() {
        fs::write(path, actual).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        return Ok(());
    }
    let expected = fs::read(path).unwrap_or_default();
    if expected == actual {
        return Ok(());
    }
    Err(format!(
        "{} differs (run with UPDATE_GOLDEN=1 to rewrite it, then review the diff)\n--- expected\n{}\n--- actual\n{}",
        path.display(),
        show(&expected),
        show(actual),
    ))
}

/// Bytes shown so that CR, TAB and a BOM are visible.
fn show(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .replace('\u{feff}', "<BOM>")
        .replace('\r', "<CR>")
        .replace('\t', "<TAB>")
}

/// Panics with every failure, or does nothing when there is none.
pub fn assert_no_failures(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} failure(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// Answers from a JSON object, as the widget stores them.
pub fn answers(json: serde_json::Value) -> suara_domain::Answers {
    serde_json::from_value(json).expect("answers are an object of answer values")
}

/// Each case: a question of `survey`, the answers (its own and any others
/// it reads) and the error expected for that question. Reports every
/// failing case at once.
pub fn check_answers(
    survey: &suara_domain::Survey,
    cases: &[(&str, serde_json::Value, Option<suara_domain::AnswerError>)],
) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(id, given, expected)| {
            let question = survey
                .question(id)
                .unwrap_or_else(|| panic!("no question `{id}`"));
            let actual = suara_domain::answer::check(question, &answers(given.clone()));
            (actual != *expected)
                .then(|| format!("{id} with {given}: expected {expected:?}, got {actual:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
