//! What the parser says about broken survey files.
//!
//! Each `tests/surveys/invalid/NAME.json` has its expected errors as the
//! author reads them (`i18n::problem_line`: the place, the message, the JSON
//! path), one a line, in English in `NAME.errors` and in Indonesian in
//! `NAME.id.errors`. `UPDATE_GOLDEN=1` rewrites them. The inline cases
//! below compare `SchemaError`'s `Display`: the path and the English message.

mod common;

use serde_json::{json, Value};
use suara_domain::problem::{Fetch, Place, Problem};
use suara_domain::syntax::{Syntax, SyntaxError};
use suara_domain::{i18n, Locale, SchemaError, Survey};

fn render(errors: &[SchemaError]) -> String {
    errors.iter().map(|e| format!("{e}\n")).collect()
}

/// The author's lines for `errors` in `lang`, one a line.
fn lines(errors: &[SchemaError], lang: &str) -> String {
    let locale = Locale::parse(lang).expect("a language code");
    i18n::problem_lines(&locale, errors)
        .iter()
        .map(|l| format!("{l}\n"))
        .collect()
}

/// One golden case: `NAME.json` must fail with exactly `NAME.errors` in
/// English and `NAME.id.errors` in Indonesian.
fn check_golden(name: &str) -> Result<(), String> {
    let json = common::read(&common::data(&format!("surveys/invalid/{name}.json")));
    let errors = Survey::parse(&json)
        .err()
        .ok_or_else(|| format!("surveys/invalid/{name}.json parsed without errors"))?;
    let en = common::data(&format!("surveys/invalid/{name}.errors"));
    let id = common::data(&format!("surveys/invalid/{name}.id.errors"));
    match (
        common::golden(&en, lines(&errors, "en").as_bytes()),
        common::golden(&id, lines(&errors, "id").as_bytes()),
    ) {
        (Ok(()), Ok(())) => Ok(()),
        (Err(a), Err(b)) => Err(format!("{a}\n\n{b}")),
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

/// One inline case: `survey` must fail with exactly `expected`, in that order.
/// (A `json!` value writes its keys sorted: order tests use a string.)
fn check(survey: impl std::fmt::Display, expected: &[&str]) {
    let errors = Survey::parse(&survey.to_string()).expect_err("the survey should not parse");
    let actual: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(actual, expected);
}

/// A valid survey with one question, to break in one place.
fn survey_with(question: Value) -> Value {
    json!({
        "format": 1, "id": "s", "version": "1", "title": "T", "default_locale": "en",
        "pages": [{ "id": "p", "questions": [question] }]
    })
}

#[test]
fn every_broken_survey_reports_exactly_its_golden_errors() {
    let cases = common::files("surveys/invalid", "json");
    assert!(cases.len() >= 25, "only {} cases found", cases.len());
    let mut failures: Vec<String> = cases
        .iter()
        .filter_map(|(name, _)| check_golden(name).err())
        .collect();
    for (name, _) in common::files("surveys/invalid", "errors") {
        let case = name.strip_suffix(".id").unwrap_or(&name);
        if !cases.iter().any(|(n, _)| n == case) {
            failures.push(format!("surveys/invalid/{name}.errors has no {name}.json"));
        }
    }
    common::assert_no_failures(failures);
}

#[test]
fn errors_come_in_document_order_not_in_the_order_they_are_checked() {
    // Locales are read before texts and the kind before a question's other
    // fields, yet the errors follow the file.
    check(
        r#"{
            "title": { "fr": "Titre" },
            "format": 2,
            "pages": [{ "id": "p", "questions": [{ "label": "", "id": "Q", "kind": "nps", "zzz": 1 }] }],
            "default_locale": "en",
            "version": "1",
            "id": "s"
        }"#,
        &[
            "$.title: missing text for the default locale `en`",
            "$.title.fr: `fr` is not one of the survey's locales (en)",
            "$.format: `format` must be 1, found 2; this version of Suara reads format 1",
            "$.pages[0].questions[0].label: text must not be empty",
            "$.pages[0].questions[0].id: question id `Q` must start with a lower-case letter and hold only a-z, 0-9 and `_` (at most 64)",
            "$.pages[0].questions[0].zzz: unknown field `zzz` in a question of kind `nps`; expected one of: id, kind, label, help, required, show_if",
        ],
    );
}

#[test]
fn a_missing_field_is_reported_at_its_object_before_the_errors_inside_it() {
    check(
        survey_with(json!({ "id": "q", "kind": "rating", "max": 99 })),
        &[
            "$.pages[0].questions[0]: missing field `label`",
            "$.pages[0].questions[0].max: `max` must be a whole number from 2 to 10, found 99",
        ],
    );
}

#[test]
fn a_key_that_is_not_a_plain_name_is_quoted_in_the_path() {
    let mut survey =
        survey_with(json!({ "id": "q", "kind": "nps", "label": "L", "a \"b\"": 1, "c.d": 2 }));
    survey["pages"][0]["x[0]"] = json!(true);
    check(
        survey,
        &[
            r#"$.pages[0].questions[0]["a \"b\""]: unknown field `a "b"` in a question of kind `nps`; expected one of: id, kind, label, help, required, show_if"#,
            r#"$.pages[0].questions[0]["c.d"]: unknown field `c.d` in a question of kind `nps`; expected one of: id, kind, label, help, required, show_if"#,
            r#"$.pages[0]["x[0]"]: unknown field `x[0]` in a page; expected one of: id, title, questions, show_if, inclusion"#,
        ],
    );
}

#[test]
fn without_a_usable_default_locale_texts_are_not_judged_again() {
    // One error for the bad code, not one more for every localized text.
    check(
        json!({
            "format": 1, "id": "s", "version": "1", "default_locale": "en_GB",
            "title": { "en_GB": "T" },
            "pages": [{ "id": "p", "questions": [{ "id": "q", "kind": "nps", "label": { "en": "L" } }] }]
        }),
        &["$.default_locale: `en_GB` is not a language code such as `id` or `en`"],
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_unread() {
    let big = format!("{{\"padding\": \"{}\"}}", " ".repeat(1024 * 1024));
    check_message(
        &big,
        "$: the file is 1048591 bytes; a survey may be at most 1048576 bytes",
    );
}

fn check_message(input: &str, expected: &str) {
    let errors = Survey::parse(input).expect_err("the survey should not parse");
    assert_eq!(render(&errors), format!("{expected}\n"));
}

#[test]
fn the_limits_on_pages_questions_options_and_text_are_enforced() {
    let page = |i: usize, questions: usize| json!({ "id": format!("p{i}"), "questions": (0..questions).map(|j| json!({ "id": format!("q{i}_{j}"), "kind": "nps", "label": "L" })).collect::<Vec<_>>() });
    let survey = |pages: Vec<Value>| json!({ "format": 1, "id": "s", "version": "1", "title": "T", "default_locale": "en", "pages": pages });

    check(
        survey((0..101).map(|i| page(i, 1)).collect()),
        &["$.pages: `pages` has 101 items; at most 100 are allowed"],
    );
    check(
        survey((0..3).map(|i| page(i, 200)).collect()),
        &["$.pages[2].questions[100]: a survey may have at most 500 questions"],
    );
    let options: Vec<Value> = (0..201)
        .map(|i| json!({ "value": format!("v{i}"), "label": "L" }))
        .collect();
    check(
        survey_with(
            json!({ "id": "q", "kind": "single_choice", "label": "L", "options": options }),
        ),
        &["$.pages[0].questions[0].options: `options` has 201 items; at most 200 are allowed"],
    );
    check(
        survey_with(json!({ "id": "q", "kind": "nps", "label": "é".repeat(10_001) })),
        &["$.pages[0].questions[0].label: text is longer than 10000 characters"],
    );
    let at_the_limits =
        survey_with(json!({ "id": "q", "kind": "nps", "label": "é".repeat(10_000) }));
    assert!(Survey::parse(&at_the_limits.to_string()).is_ok());
}

#[test]
fn from_value_reads_a_parsed_value_as_parse_reads_the_text() {
    // The widget parses with the browser's JSON.parse, checks the text with
    // `check_text` and reads the value with `from_value`.
    let text = r#"{ "pages": [{ "questions": [{ "kind": "nps", "id": "Q" }], "id": "p" }],
                    "title": "", "format": 1, "id": "s", "version": "1", "default_locale": "en" }"#;
    assert_eq!(Survey::check_text(text), Ok(()));
    let value: Value = serde_json::from_str(text).unwrap();
    let errors = Survey::from_value(&value).expect_err("broken");
    assert_eq!(errors, Survey::parse(text).expect_err("broken"));
    assert_eq!(
        render(&errors),
        "$.pages[0].questions[0]: missing field `label`\n\
         $.pages[0].questions[0].id: question id `Q` must start with a lower-case letter and hold only a-z, 0-9 and `_` (at most 64)\n\
         $.title: text must not be empty\n"
    );
    assert_eq!(
        Survey::check_text(" \n"),
        Err(vec![SchemaError {
            path: "$".into(),
            place: Place::File,
            problem: Problem::Syntax(SyntaxError {
                kind: Syntax::Empty,
                line: 1,
                column: 1
            }),
        }])
    );
}

#[test]
fn the_widget_and_the_command_line_read_a_survey_through_one_function() {
    // `suara` reads with serde_json (`Survey::parse`), the widget with the
    // browser's `JSON.parse`; both through `Survey::read_with`, so a survey
    // gives the same problems, worded by the same `i18n::problem_lines`.
    for (name, path) in common::files("surveys/invalid", "json") {
        let text = common::read(&path);
        let read = Survey::read_with(&text, |t| {
            serde_json::from_str(t).map_err(|e| e.to_string())
        })
        .expect_err("broken");
        assert_eq!(
            read.errors,
            Survey::parse(&text).expect_err("broken"),
            "{name}"
        );
    }
}

#[test]
fn the_respondents_page_counts_the_problems_the_organisers_page_explains() {
    // The respondent's page reads with `read_unexplained` (no scanner, no
    // places, no words) and says how many problems stop the survey; the
    // organiser's page lists them: every broken file must give one count.
    let serde = |t: &str| serde_json::from_str(t).map_err(|e: serde_json::Error| e.to_string());
    for (name, path) in common::files("surveys/invalid", "json") {
        let text = common::read(&path);
        let explained = Survey::read_with(&text, serde).expect_err("broken");
        let counted = Survey::read_unexplained(&text, serde).expect_err("broken");
        assert_eq!(counted.problems, explained.errors.len(), "{name}");
        assert_eq!(counted.locales, explained.locales, "{name}");
    }
    let big = format!("{{\"id\": \"{}\"}}", "x".repeat(1024 * 1024));
    assert_eq!(
        Survey::read_unexplained(&big, serde)
            .expect_err("too large")
            .problems,
        1
    );
}

#[test]
fn a_json_reader_that_refuses_what_the_scanner_accepts_is_quoted() {
    let text = r#"{"format": 1}"#;
    let rejected = Survey::read_with(text, |_| Err("too deep for me".into())).expect_err("refused");
    let en = Locale::parse("en").unwrap();
    assert_eq!(
        i18n::problem_lines(&en, &rejected.errors),
        ["The survey file: not valid JSON: too deep for me"]
    );
}

#[test]
fn a_rejected_survey_keeps_its_languages_to_word_its_problems_in() {
    let text = common::read(&common::data("surveys/invalid/close_to_a_known_name.json"));
    let rejected = Survey::read_with(&text, |t| {
        serde_json::from_str(t).map_err(|e| e.to_string())
    })
    .expect_err("broken");
    let codes: Vec<String> = rejected.locales.iter().map(ToString::to_string).collect();
    assert_eq!(codes, ["id", "id", "en"]);
}

#[test]
fn author_messages_are_in_the_page_language_the_survey_offers_else_the_surveys_else_the_pages() {
    let l = |s: &str| Locale::parse(s).unwrap();
    let cases: &[(&[&str], Option<&str>, &str)] = &[
        (&["id", "en"], Some("en"), "en"),
        (&["id", "en"], Some("en-GB"), "en-GB"),
        (&["id", "en"], Some("fr"), "id"),
        (&["id", "en"], None, "id"),
        (&[], Some("id"), "id"),
        (&[], Some("ar"), "ar"),
        (&[], None, "en"),
    ];
    for (survey, page, want) in cases {
        let survey: Vec<Locale> = survey.iter().map(|s| l(s)).collect();
        let got = i18n::author_locale(&survey, page.map(l).as_ref());
        assert_eq!(got.to_string(), *want, "{survey:?} {page:?}");
    }
    // Arabic has no author messages: they read English.
    let errors = Survey::parse("").expect_err("empty");
    assert_eq!(
        i18n::problem_lines(&l("ar"), &errors),
        ["The survey file: the file is empty; a survey is a JSON object"]
    );
}

#[test]
fn a_survey_address_that_answers_no_survey_file_says_what_it_answered() {
    let url = "https://example.org/festival.json";
    let cases = [
        (200, Some("application/json"), None),
        (200, None, None),
        (
            200,
            Some("text/html; charset=utf-8"),
            Some((
                "survey: https://example.org/festival.json answered a web page, not a survey file: check the survey's address",
                "survey: https://example.org/festival.json menjawab dengan halaman web, bukan berkas survei: periksa alamat survei",
            )),
        ),
        (
            404,
            Some("text/html"),
            Some((
                "survey: the survey file was not found at https://example.org/festival.json (HTTP 404): check the survey's address",
                "survey: berkas survei tidak ditemukan di https://example.org/festival.json (HTTP 404): periksa alamat survei",
            )),
        ),
        (
            503,
            None,
            Some((
                "survey: the survey file at https://example.org/festival.json could not be fetched (HTTP 503)",
                "survey: berkas survei di https://example.org/festival.json tidak dapat diambil (HTTP 503)",
            )),
        ),
    ];
    let en = Locale::parse("en").unwrap();
    let id = Locale::parse("id").unwrap();
    for (status, content_type, want) in cases {
        let got = Fetch::of_reply(url, status, content_type).map(|f| {
            let e = SchemaError::fetch(f);
            (i18n::problem_line(&en, &e), i18n::problem_line(&id, &e))
        });
        let want = want.map(|(a, b)| (a.to_owned(), b.to_owned()));
        assert_eq!(got, want, "{status} {content_type:?}");
    }
}
