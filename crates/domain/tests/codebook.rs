//! The codebook: one row per CSV column, in the CSV's order, with labels in
//! the survey's default language and the codes each column holds.

mod common;

use suara_domain::codebook;
use suara_domain::export::{self, CsvOptions, MultiColumns};
use suara_domain::Survey;

const LAYOUTS: [MultiColumns; 3] = [
    MultiColumns::Columns,
    MultiColumns::Joined,
    MultiColumns::Both,
];

#[test]
fn every_csv_column_of_every_valid_survey_has_one_codebook_row_in_order() {
    let mut failures = Vec::new();
    for (name, json) in common::valid_surveys() {
        let survey = Survey::parse(&json).expect("a valid survey");
        for multi in LAYOUTS {
            let columns: Vec<String> = codebook::codebook(&survey, multi)
                .into_iter()
                .map(|r| r.column)
                .collect();
            if columns != export::csv_header_with(&survey, multi) {
                failures.push(format!("{name} ({multi:?}): {columns:?}"));
            }
        }
    }
    common::assert_no_failures(failures);
}

fn kinds() -> Survey {
    Survey::parse(&common::read(&common::data("kinds/survey.json"))).expect("the kinds survey")
}

#[test]
fn the_codebook_of_the_kinds_survey_is_its_golden_file_as_csv_and_json() {
    let survey = kinds();
    let rows = codebook::codebook(&survey, MultiColumns::Columns);
    let failures: Vec<String> = [
        (
            "codebook/kinds.csv",
            codebook::to_csv(&rows, CsvOptions::default()),
        ),
        ("codebook/kinds.json", codebook::to_json(&survey, &rows)),
    ]
    .into_iter()
    .filter_map(|(path, actual)| common::golden(&common::data(path), actual.as_bytes()).err())
    .collect();
    common::assert_no_failures(failures);
}

#[test]
fn a_likert_column_lists_every_point_with_its_words() {
    let survey = kinds();
    let rows = codebook::codebook(&survey, MultiColumns::Columns);
    let staff = rows
        .iter()
        .find(|r| r.column == "staff")
        .expect("a likert column");
    assert_eq!(staff.kind, "likert");
    let expected: Vec<(String, String)> = [
        "Strongly disagree",
        "Disagree",
        "Neither agree nor disagree",
        "Agree",
        "Strongly agree",
    ]
    .iter()
    .enumerate()
    .map(|(i, words)| ((i + 1).to_string(), (*words).to_owned()))
    .collect();
    let codes: Vec<(String, String)> = staff
        .codes
        .iter()
        .map(|c| (c.code.clone(), c.label.clone()))
        .collect();
    assert_eq!(codes, expected);
}
