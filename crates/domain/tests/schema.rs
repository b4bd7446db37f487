//! The published JSON Schema (`schema/survey.schema.json` at the repository
//! root) says what the parser says: the same fields everywhere, the same
//! kinds, and the same verdict on the test surveys as far as a schema can tell.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;
use suara_domain::export::FIXED_COLUMNS;
use suara_domain::{kind_fields, known_fields, QuestionKind};

/// Invalid cases that break the format's structure: the schema rejects them too.
const SCHEMA_REJECTS: &[&str] = &[
    "close_to_a_known_name",
    "bad_ids",
    "bad_locales",
    "blank_texts",
    "date_bounds",
    "dropdown_without_options",
    "empty_options",
    "empty_pages",
    "empty_questions",
    "field_of_another_kind",
    "format_as_string",
    "format_not_1",
    "likert_settings",
    "many_problems",
    "matrix_settings",
    "missing_fields",
    "not_an_object",
    "number_bounds",
    "other_with_option_valued_other",
    "ranking_settings",
    "rating_out_of_range",
    "smiley_faces",
    "required_consent_without_text",
    "show_if_not_a_string",
    "unknown_field_option",
    "unknown_field_page",
    "unknown_field_question",
    "unknown_field_survey",
    "unknown_kind",
    "wrong_types",
    "yes_no_with_options",
];

/// Invalid cases a schema cannot see (uniqueness, and texts checked against
/// the survey's own locales): only the parser rejects them.
const PARSER_ONLY: &[&str] = &[
    "date_not_a_day",
    "duplicate_option_values",
    "duplicate_question_ids",
    "locales_without_default",
    "matrix_and_ranking_duplicates",
    "missing_default_locale_text",
    "number_min_above_max",
    "piping",
    "show_if_syntax",
    "show_if_types",
    "show_if_unknown_question",
    "text_in_unknown_locale",
];

/// Invalid cases that are not JSON at all.
const NOT_JSON: &[&str] = &[
    "invalid_json",
    "invalid_json_cut_short",
    "invalid_json_empty_file",
    "invalid_json_trailing_comma",
    "invalid_json_bom",
    "invalid_json_comment",
    "invalid_json_key_without_quotes",
    "invalid_json_missing_comma_in_a_list",
    "invalid_json_single_quotes",
    "invalid_json_unclosed_text",
    "invalid_json_web_page",
];

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/survey.schema.json");
    serde_json::from_str(&common::read(&path)).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema()).expect("the schema compiles")
}

/// The schema at a `$ref` such as `#/$defs/page`.
fn resolve<'a>(schema: &'a Value, reference: &str) -> &'a Value {
    let pointer = reference
        .strip_prefix('#')
        .unwrap_or_else(|| panic!("{reference} is not local"));
    schema
        .pointer(pointer)
        .unwrap_or_else(|| panic!("{reference} does not resolve"))
}

fn property_names(schema: &Value) -> BTreeSet<&str> {
    schema["properties"]
        .as_object()
        .expect("`properties`")
        .keys()
        .map(String::as_str)
        .collect()
}

fn set<'a>(names: impl IntoIterator<Item = &'a &'a str>) -> BTreeSet<&'a str> {
    names.into_iter().copied().collect()
}

/// Asserts the object schema `at` takes exactly `fields` and nothing else.
fn check_fields(schema: &Value, at: &str, fields: BTreeSet<&str>) {
    let object = resolve(schema, at);
    assert_eq!(property_names(object), fields, "the properties of {at}");
    assert_eq!(
        object["additionalProperties"],
        Value::Bool(false),
        "{at} must refuse unknown fields"
    );
}

fn fields_of(what: &str) -> &'static [&'static str] {
    known_fields()
        .into_iter()
        .find(|(name, _)| *name == what)
        .map(|(_, fields)| fields)
        .expect("a known object")
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::draft202012::meta::validate(&schema)
        .expect("valid against the 2020-12 meta-schema");
}

#[test]
fn the_schema_takes_exactly_the_fields_the_parser_takes() {
    let schema = schema();
    check_fields(&schema, "#", set(fields_of("survey")));
    check_fields(&schema, "#/$defs/page", set(fields_of("page")));
    check_fields(&schema, "#/$defs/option", set(fields_of("option")));
    check_fields(&schema, "#/$defs/hidden", set(fields_of("hidden")));
    let question = resolve(&schema, "#/$defs/question");
    assert_eq!(
        property_names(question),
        set(fields_of("question")),
        "the common question fields"
    );
    let required: Vec<&str> = question["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(required, ["id", "kind", "label"]);
}

#[test]
fn the_schema_has_the_parsers_kinds_each_with_its_own_fields() {
    let schema = schema();
    let question = resolve(&schema, "#/$defs/question");
    let kinds: Vec<&str> = question["properties"]["kind"]["enum"]
        .as_array()
        .expect("a kind enum")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(kinds, QuestionKind::NAMES);

    let branches = question["allOf"].as_array().expect("one if/then per kind");
    let dispatched: Vec<&str> = branches
        .iter()
        .filter_map(|b| b["if"]["properties"]["kind"]["const"].as_str())
        .collect();
    assert_eq!(
        dispatched,
        QuestionKind::NAMES,
        "one if/then per kind, in the same order"
    );
    for branch in branches {
        let kind = branch["if"]["properties"]["kind"]["const"]
            .as_str()
            .expect("a kind");
        let reference = branch["then"]["$ref"]
            .as_str()
            .unwrap_or_else(|| panic!("the `then` of {kind} is a $ref"));
        let fields = set(fields_of("question"))
            .into_iter()
            .chain(kind_fields(kind).iter().copied())
            .collect();
        check_fields(&schema, reference, fields);
    }
}

#[test]
fn the_schema_reserves_the_csv_exports_own_columns() {
    let schema = schema();
    let reserved = &resolve(&schema, "#/$defs/question_id")["allOf"][1]["not"]["enum"];
    let reserved: Vec<&str> = reserved
        .as_array()
        .expect("a list of reserved ids")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(reserved, FIXED_COLUMNS);
}

#[test]
fn every_valid_survey_is_valid_under_the_schema() {
    let validator = validator();
    let cases = common::valid_surveys();
    let mut failures = Vec::new();
    for (name, json) in &cases {
        let survey: Value = serde_json::from_str(json).expect("a valid survey is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&survey)
            .map(|e| format!("  {}: {e}", e.instance_path()))
            .collect();
        if !errors.is_empty() {
            failures.push(format!(
                "{name} is refused by the schema:\n{}",
                errors.join("\n")
            ));
        }
    }
    common::assert_no_failures(failures);
}

#[test]
fn structural_mistakes_are_refused_by_the_schema_too() {
    let validator = validator();
    let mut failures = Vec::new();
    for (name, path) in common::files("surveys/invalid", "json") {
        let listed = [SCHEMA_REJECTS, PARSER_ONLY, NOT_JSON]
            .iter()
            .filter(|list| list.contains(&name.as_str()))
            .count();
        if listed != 1 {
            failures.push(format!(
                "{name}: list it in exactly one of SCHEMA_REJECTS, PARSER_ONLY and NOT_JSON"
            ));
            continue;
        }
        let parsed = serde_json::from_str::<Value>(&common::read(&path));
        match parsed {
            Err(_) if NOT_JSON.contains(&name.as_str()) => {}
            Err(e) => failures.push(format!(
                "{name} is not JSON ({e}), but is not listed in NOT_JSON"
            )),
            Ok(_) if NOT_JSON.contains(&name.as_str()) => {
                failures.push(format!("{name} is JSON, but is listed in NOT_JSON"))
            }
            Ok(survey) => {
                let valid = validator.is_valid(&survey);
                if SCHEMA_REJECTS.contains(&name.as_str()) && valid {
                    failures.push(format!(
                        "{name} should be refused by the schema, but is valid"
                    ));
                }
                if PARSER_ONLY.contains(&name.as_str()) && !valid {
                    let errors: Vec<String> = validator
                        .iter_errors(&survey)
                        .map(|e| format!("  {}: {e}", e.instance_path()))
                        .collect();
                    failures.push(format!(
                        "{name} is listed as a mistake the schema cannot see, but the schema refuses it (move it to SCHEMA_REJECTS, or keep the case to its one mistake):\n{}",
                        errors.join("\n")
                    ));
                }
            }
        }
    }
    for name in SCHEMA_REJECTS.iter().chain(PARSER_ONLY).chain(NOT_JSON) {
        if !common::data(&format!("surveys/invalid/{name}.json")).exists() {
            failures.push(format!(
                "{name} is listed but surveys/invalid/{name}.json does not exist"
            ));
        }
    }
    common::assert_no_failures(failures);
}
