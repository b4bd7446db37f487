//! The JSON syntax scanner, tested as a library would be: golden cases for
//! every mistake it names, and fuzzing that it never panics and accepts
//! exactly the texts serde_json accepts.
//!
//! `syntax/cases.txt` holds the cases, each after a `=== name` line (the
//! newline before the next `===` is not part of the case);
//! `syntax/cases.golden` has each name with `ok` or the mistake, its line
//! and column and the author's message in English and Indonesian. `UPDATE_GOLDEN=1` rewrites it. Cases named `rounding_edge_*`
//! are numbers within a few units of f64's largest value, which serde_json
//! reads as finite or not depending on how many digits they have (it keeps
//! 19): the scanner's rule for them is its own, so they are left out of the
//! comparison with serde_json.

mod common;

use proptest::prelude::*;
use suara_domain::problem::Problem;
use suara_domain::syntax::{self, SyntaxError};
use suara_domain::{i18n, Locale, SchemaError};

/// The cases of `syntax/cases.txt`, as (name, text).
fn cases() -> Vec<(String, String)> {
    let all = common::read(&common::data("syntax/cases.txt"));
    all.split("=== ")
        .skip(1)
        .map(|case| {
            let (name, text) = case.split_once('\n').expect("a name line");
            let text = text.strip_suffix('\n').unwrap_or(text);
            (name.to_owned(), text.to_owned())
        })
        .collect()
}

/// `ok`, or the mistake with its line and column and what the author
/// reads about it in English and Indonesian.
fn outcome(r: &Result<(), SyntaxError>) -> String {
    match r {
        Ok(()) => "ok".to_owned(),
        Err(e) => {
            let problem = SchemaError::file(Problem::Syntax(e.clone()));
            let line = |lang: &str| i18n::problem_line(&Locale::parse(lang).unwrap(), &problem);
            format!(
                "{}:{} {:?}\n  en: {}\n  id: {}",
                e.line,
                e.column,
                e.kind,
                line("en"),
                line("id")
            )
        }
    }
}

#[test]
fn every_case_reads_as_its_golden_outcome() {
    let cases = cases();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    let actual: String = cases
        .iter()
        .map(|(name, text)| format!("{name}: {}\n", outcome(&syntax::check(text))))
        .collect();
    common::golden(&common::data("syntax/cases.golden"), actual.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn every_case_is_valid_exactly_when_serde_json_says_so() {
    for (name, text) in cases() {
        if name.starts_with("rounding_edge_") {
            continue;
        }
        let ours = syntax::check(&text).is_ok();
        let serde = serde_json::from_str::<serde_json::Value>(&text).is_ok();
        assert_eq!(ours, serde, "{name}: we say {ours}, serde_json {serde}");
    }
}

#[test]
fn every_valid_survey_file_is_valid_json() {
    for (name, text) in common::valid_surveys() {
        assert_eq!(syntax::check(&text), Ok(()), "{name}");
    }
}

/// Texts close to JSON: pieces of JSON and of its usual mistakes, joined.
fn near_json() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just(",".to_owned()),
        Just(":".to_owned()),
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just("\\".to_owned()),
        Just("//".to_owned()),
        Just("/*".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("<".to_owned()),
        Just("true".to_owned()),
        Just("nul".to_owned()),
        Just("\"key\"".to_owned()),
        Just("\"\\u00e9\"".to_owned()),
        Just("\"\\ud83d\\ude00\"".to_owned()),
        Just("\"\\ud83d\"".to_owned()),
        Just("\\udc00".to_owned()),
        Just("1e400".to_owned()),
        "-?[0-9]{0,3}(\\.[0-9]{0,2})?([eE][+-]?[0-9]{0,3})?",
        "[a-z]{1,4}",
        "\"[ -~]{0,4}\"",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|p| p.concat())
}

/// Valid JSON values, some deep.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(8, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn near_json_never_panics_and_agrees_with_serde_json(text in near_json()) {
        let ours = syntax::check(&text);
        let serde = serde_json::from_str::<serde_json::Value>(&text);
        prop_assert_eq!(ours.is_ok(), serde.is_ok(), "{:?}: ours {:?}, serde_json {:?}", text, ours, serde.err());
    }

    #[test]
    fn any_text_never_panics_and_agrees_with_serde_json(text in any::<String>()) {
        let ours = syntax::check(&text).is_ok();
        let serde = serde_json::from_str::<serde_json::Value>(&text).is_ok();
        prop_assert_eq!(ours, serde, "{:?}", text);
    }

    #[test]
    fn json_that_serde_json_writes_is_valid(v in json_value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.expect("serialises");
        prop_assert_eq!(syntax::check(&text), Ok(()), "{}", text);
    }

    #[test]
    fn one_deleted_or_doubled_character_agrees_with_serde_json(v in json_value(), at in any::<prop::sample::Index>(), double in any::<bool>()) {
        let text = serde_json::to_string_pretty(&v).expect("serialises");
        let chars: Vec<char> = text.chars().collect();
        let i = at.index(chars.len().max(1)).min(chars.len().saturating_sub(1));
        let mut broken: String = chars[..i].iter().collect();
        if double { broken.extend(chars.get(i)); }
        broken.extend(chars.iter().skip(i + 1));
        let ours = syntax::check(&broken);
        let serde = serde_json::from_str::<serde_json::Value>(&broken);
        prop_assert_eq!(ours.is_ok(), serde.is_ok(), "{:?}: ours {:?}, serde_json {:?}", broken, ours, serde.err());
    }
}
