//! CSV and JSON export of stored responses.
//!
//! Each `tests/csv/NAME.json` holds stored responses to `tests/csv/survey.json`;
//! its CSV must equal `NAME.csv` byte for byte (`UPDATE_GOLDEN=1` rewrites
//! them), and must read back, with the `csv` crate, as the answers it holds.

mod common;

use serde_json::Value;
use suara_domain::answer::AnswerValue;
use suara_domain::export::{self, CsvOptions};
use suara_domain::{QuestionKind, Response, Survey};

/// Every case and whether its CSV starts with a byte order mark.
const CASES: &[(&str, bool)] = &[
    ("choices", false),
    ("empty", false),
    ("injection", false),
    ("non_latin", true),
    ("quoting", false),
];

fn survey() -> Survey {
    Survey::parse(&common::read(&common::data("csv/survey.json")))
        .expect("the export survey parses")
}

fn responses(name: &str) -> Vec<Response> {
    serde_json::from_str(&common::read(&common::data(&format!("csv/{name}.json"))))
        .expect("stored responses")
}

fn csv(name: &str, bom: bool) -> String {
    export::to_csv(
        &survey(),
        &responses(name),
        CsvOptions {
            bom,
            ..Default::default()
        },
    )
}

/// One golden case: the CSV of `NAME.json` is `NAME.csv`.
fn check_golden(name: &str, bom: bool) -> Result<(), String> {
    common::golden(
        &common::data(&format!("csv/{name}.csv")),
        csv(name, bom).as_bytes(),
    )
}

#[test]
fn every_export_equals_its_golden_csv_byte_for_byte() {
    let mut failures: Vec<String> = CASES
        .iter()
        .filter_map(|(name, bom)| check_golden(name, *bom).err())
        .collect();
    for (name, _) in common::files("csv", "json") {
        if name != "survey" && !CASES.iter().any(|(n, _)| *n == name) {
            failures.push(format!("csv/{name}.json is not listed in CASES"));
        }
    }
    common::assert_no_failures(failures);
}

#[test]
fn records_end_in_crlf_and_only_the_bom_option_adds_a_bom() {
    let plain = csv("choices", false);
    assert!(plain.starts_with("id,submitted_at,locale,"));
    assert!(plain.ends_with("\r\n"));
    assert_eq!(
        plain.matches("\r\n").count(),
        1 + responses("choices").len(),
        "one CRLF per record, none inside"
    );
    assert!(!plain.replace("\r\n", "").contains('\n'));
    let with_bom = csv("choices", true);
    assert_eq!(with_bom.strip_prefix('\u{feff}'), Some(plain.as_str()));
    assert!(with_bom.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
}

/// `text` as a spreadsheet must see it: `expected`.
fn check_neutralised(cases: &[(&str, &str)]) {
    for (text, expected) in cases {
        assert_eq!(export::neutralise(text), *expected, "{text:?}");
    }
}

#[test]
fn text_that_a_spreadsheet_would_run_is_prefixed_with_a_quote() {
    check_neutralised(&[
        ("=1+2", "'=1+2"),
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("@SUM(1,2)", "'@SUM(1,2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\n=1", "'\n=1"),
        (
            "=HYPERLINK(\"http://x\",\"y\")",
            "'=HYPERLINK(\"http://x\",\"y\")",
        ),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ]);
}

#[test]
fn text_that_only_looks_like_a_formula_is_left_alone() {
    check_neutralised(&[
        ("1+2", "1+2"),
        ("a=b", "a=b"),
        ("42", "42"),
        ("'quoted", "'quoted"),
        ("", ""),
        ("ꦱꦸꦮꦫ", "ꦱꦸꦮꦫ"),
    ]);
}

/// What a cell of `column` must read for `response`, worked out from the
/// answers without the exporter's code.
fn expected_cell(survey: &Survey, response: &Response, column: &str) -> String {
    let text = |t: &str| {
        if t.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
            format!("'{t}")
        } else {
            t.to_owned()
        }
    };
    let answer = |key: &str| response.answers.get(key);
    match column {
        "id" => return response.id.clone(),
        "submitted_at" => return response.submitted_at.clone(),
        "locale" => return response.locale.clone(),
        "survey_version" => return response.survey_version.clone(),
        "started_at" => return response.started_at.clone(),
        "partial" => return if response.partial { "1" } else { "0" }.to_owned(),
        _ => {}
    }
    let (qid, part) = column
        .split_once('.')
        .map_or((column, None), |(q, p)| (q, Some(p)));
    let question = survey
        .question(qid)
        .unwrap_or_else(|| panic!("column {column} names no question"));
    match (part, &question.kind) {
        (Some("other_text"), _) => match answer(column) {
            Some(AnswerValue::Text(t)) => text(t),
            _ => String::new(),
        },
        (Some(option), QuestionKind::MultiChoice { .. }) => match answer(qid) {
            Some(AnswerValue::Choices(chosen)) => if chosen.iter().any(|c| c == option) {
                "1"
            } else {
                "0"
            }
            .to_owned(),
            _ => String::new(),
        },
        (Some(row), QuestionKind::Matrix { .. }) => match answer(qid) {
            Some(AnswerValue::Rows(rows)) => rows
                .iter()
                .find(|(r, _)| r == row)
                .map(|(_, c)| text(c))
                .unwrap_or_default(),
            _ => String::new(),
        },
        (Some(option), QuestionKind::Ranking { .. }) => match answer(qid) {
            Some(AnswerValue::Choices(order)) => order
                .iter()
                .position(|c| c == option)
                .map(|i| (i + 1).to_string())
                .unwrap_or_default(),
            _ => String::new(),
        },
        (None, _) => match answer(qid) {
            None => String::new(),
            Some(AnswerValue::Text(t)) => text(t),
            Some(AnswerValue::Number(n)) => n.to_string(),
            Some(AnswerValue::Bool(b)) => if *b { "1" } else { "0" }.to_owned(),
            Some(AnswerValue::Choices(_)) => {
                panic!("a choice list outside a multi_choice question")
            }
            Some(AnswerValue::Rows(_)) => panic!("rows outside a matrix question"),
        },
        (Some(_), kind) => panic!("column {column} on a {} question", kind.name()),
    }
}

#[test]
fn every_csv_reads_back_as_the_answers_it_holds() {
    let survey = survey();
    let header = export::csv_header(&survey);
    for (name, bom) in CASES {
        let responses = responses(name);
        let text = csv(name, *bom);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(text.as_bytes());
        let read_header: Vec<String> = reader
            .headers()
            .expect("a header")
            .iter()
            .map(String::from)
            .collect();
        assert_eq!(read_header, header, "{name}: the header");
        let records: Vec<csv::StringRecord> = reader
            .records()
            .collect::<Result<_, _>>()
            .expect("well-formed CSV");
        assert_eq!(
            records.len(),
            responses.len(),
            "{name}: one record per response"
        );
        for (record, response) in records.iter().zip(&responses) {
            assert_eq!(
                record.len(),
                header.len(),
                "{name}: every record has every column"
            );
            for (column, cell) in header.iter().zip(record.iter()) {
                assert_eq!(
                    cell,
                    expected_cell(&survey, response, column),
                    "{name}: {} column {column}",
                    response.id
                );
            }
        }
    }
}

#[test]
fn the_header_has_a_column_per_option_of_a_multi_choice_and_one_per_other_text() {
    assert_eq!(
        export::csv_header(&survey()),
        [
            "id",
            "submitted_at",
            "locale",
            "survey_version",
            "started_at",
            "partial",
            "programmes.health",
            "programmes.water",
            "programmes.other",
            "programmes.other_text",
            "channel",
            "channel.other_text",
            "colour",
            "name",
            "story",
            "stars",
            "recommend",
            "agree",
        ]
    );
}

#[test]
fn the_json_export_reads_back_as_the_same_responses() {
    let survey = survey();
    for (name, _) in CASES {
        let responses = responses(name);
        let json = export::to_json(&survey, &responses, "2025-06-03T07:00:00Z");
        let doc: Value = serde_json::from_str(&json).expect("the export is JSON");
        assert_eq!(doc["format"], 1);
        assert_eq!(doc["survey_id"], "csv-export");
        assert_eq!(doc["survey_version"], "2");
        assert_eq!(doc["exported_at"], "2025-06-03T07:00:00Z");
        let back: Vec<Response> =
            serde_json::from_value(doc["responses"].clone()).expect("a list of responses");
        assert_eq!(back, responses, "{name}");
    }
}

#[test]
fn export_file_names_carry_the_survey_and_the_date() {
    let survey = survey();
    assert_eq!(
        export::file_name(&survey, "2025-06-03T07:00:00Z", "csv"),
        "suara-csv-export-2025-06-03.csv"
    );
    assert_eq!(
        export::file_name(&survey, "2025-06-03T07:00:00+07:00", "json"),
        "suara-csv-export-2025-06-03.json"
    );
}
