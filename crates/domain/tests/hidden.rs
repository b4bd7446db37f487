//! Hidden fields: the matcher for `chars`, the format's checks of a
//! declaration, the values read for a response, and the CSV columns.

use serde_json::json;
use suara_domain::export::{self, CsvOptions};
use suara_domain::hidden::{self, Chars, CharsError, HiddenError};
use suara_domain::problem::Problem;
use suara_domain::{Response, Survey};

fn survey_with(hidden: serde_json::Value) -> Result<Survey, Vec<suara_domain::SchemaError>> {
    let doc = json!({
        "format": 1, "id": "s", "version": "2", "title": "T", "default_locale": "en",
        "hidden": hidden,
        "pages": [{ "id": "p", "questions": [{ "id": "q", "kind": "yes_no", "label": "Q" }] }]
    });
    Survey::parse(&doc.to_string())
}

fn problems(hidden: serde_json::Value) -> Vec<(String, Problem)> {
    survey_with(hidden)
        .expect_err("refused")
        .into_iter()
        .map(|e| (e.path, e.problem))
        .collect()
}

#[test]
fn chars_are_single_characters_and_ranges() {
    let c = Chars::parse("A-Z0-9_-", 1, 4).unwrap();
    for ok in ["P12", "A", "Z-9_", "0000"] {
        assert_eq!(c.check(ok), Ok(()), "{ok}");
    }
    assert!(matches!(
        c.check("p12"),
        Err(HiddenError::Char { ch: 'p', .. })
    ));
    assert!(matches!(
        c.check("<b>"),
        Err(HiddenError::Char { ch: '<', .. })
    ));
    assert!(matches!(c.check("ABCDE"), Err(HiddenError::Length { .. })));
    assert!(matches!(c.check(""), Err(HiddenError::Length { .. })));
    // A `-` first or last stands for itself.
    let dash = Chars::parse("-a", 1, 9).unwrap();
    assert_eq!(dash.check("-a-"), Ok(()));
    assert!(dash.check("b").is_err());
}

#[test]
fn a_chars_text_that_is_no_set_is_refused() {
    assert_eq!(Chars::parse("", 1, 2), Err(CharsError::Empty));
    assert_eq!(Chars::parse("a z", 1, 2), Err(CharsError::Blank(' ')));
    assert_eq!(
        Chars::parse("z-a", 1, 2),
        Err(CharsError::Backwards('z', 'a'))
    );
}

#[test]
fn every_value_of_a_range_is_allowed_and_no_other() {
    // A property over every character in and around a range.
    let c = Chars::parse("c-x", 1, 1).unwrap();
    for ch in '\u{20}'..='\u{7e}' {
        let s = ch.to_string();
        assert_eq!(c.check(&s).is_ok(), ('c'..='x').contains(&ch), "{ch}");
    }
}

#[test]
fn values_are_read_checked_and_recorded() {
    let s = survey_with(json!([
        { "id": "posyandu", "values": ["P12", "P13"], "required": true },
        { "id": "event", "chars": "a-z0-9-", "max_length": 12 }
    ]))
    .expect("valid");
    let given = |pairs: &'static [(&'static str, &'static str)]| {
        move |id: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == id)
                .map(|(_, v)| v.to_string())
        }
    };
    let values = hidden::read(&s.hidden, given(&[("posyandu", "P12")])).unwrap();
    assert_eq!(values.get("posyandu"), Some("P12"));
    assert_eq!(values.get("event"), None);
    let errors = hidden::read(&s.hidden, given(&[("event", "Bad!")])).unwrap_err();
    assert_eq!(errors[0], ("posyandu".to_owned(), HiddenError::Missing));
    assert_eq!(errors[1].0, "event");
    let m = worded("en", &errors[1].0, &errors[1].1);
    assert!(m.starts_with("event: `Bad!`"), "{m}");
    let e = hidden::read(&s.hidden, given(&[("posyandu", "P99")])).unwrap_err();
    assert_eq!(
        worded("en", &e[0].0, &e[0].1),
        "posyandu: `P99` is not one of the values this survey allows"
    );
}

/// A hidden value's problem as the organiser's page words it in `lang`.
fn worded(lang: &str, id: &str, e: &HiddenError) -> String {
    let lang = suara_domain::Locale::parse(lang).unwrap();
    suara_domain::i18n::problem_line(&lang, &suara_domain::SchemaError::hidden(id, e.clone()))
}

#[test]
fn a_refused_hidden_value_is_worded_in_english_and_indonesian_naming_the_field() {
    let cases = [
        (
            HiddenError::Missing,
            "posyandu: this survey needs a value for `posyandu` in its link or its element (data-posyandu)",
            "posyandu: survei ini memerlukan nilai `posyandu` di tautannya atau di elemennya (data-posyandu)",
        ),
        (
            HiddenError::NotListed { value: "P99".into() },
            "posyandu: `P99` is not one of the values this survey allows",
            "posyandu: `P99` bukan salah satu nilai yang diterima survei ini",
        ),
        (
            HiddenError::Char { value: "<b>".into(), ch: '<' },
            "posyandu: `<b>` has the character `<`, which this survey does not allow",
            "posyandu: `<b>` memuat karakter `<`, yang tidak diterima survei ini",
        ),
        (
            HiddenError::Length { value: "P".into(), min: 2, max: 8 },
            "posyandu: `P` must be 2 to 8 characters long",
            "posyandu: `P` harus sepanjang 2 sampai 8 karakter",
        ),
    ];
    for (e, en, id) in cases {
        assert_eq!(worded("en", "posyandu", &e), en);
        assert_eq!(worded("id", "posyandu", &e), id);
    }
}

#[test]
fn hidden_values_go_to_the_response_json_and_the_csv() {
    let s = survey_with(json!([{ "id": "posyandu", "values": ["P12", "=P13"] }])).unwrap();
    let mut r = Response::from_value(json!({
        "id": "r1", "survey_id": "s", "survey_version": "2", "locale": "en",
        "started_at": "2026-01-01T00:00:00Z", "submitted_at": "2026-01-01T00:01:00Z",
        "answers": { "q": true }
    }))
    .unwrap();
    assert!(!r.to_json().contains("hidden"), "no values, no field");
    r.hidden.insert("posyandu".into(), "=P13".into());
    let back = Response::from_json(&r.to_json()).unwrap();
    assert_eq!(back, r);
    assert_eq!(
        export::to_csv(&s, &[r], CsvOptions::default()),
        "id,submitted_at,locale,survey_version,started_at,partial,hidden.posyandu,q\r\n\
         r1,2026-01-01T00:01:00Z,en,2,2026-01-01T00:00:00Z,0,'=P13,1\r\n"
    );
    assert!(Response::from_value(json!({
        "id": "r1", "survey_id": "s", "survey_version": "2", "locale": "en",
        "started_at": "", "submitted_at": "", "answers": {}, "hidden": { "a": 1 }
    }))
    .is_err());
}

#[test]
fn bad_declarations_are_reported_at_their_paths() {
    let found = problems(json!([
        { "id": "q", "values": ["a"] },
        { "id": "lang", "values": ["a"] },
        { "id": "x", "values": ["a", "a"], "colour": 1 },
        { "id": "x", "chars": "z-a" },
        { "id": "y" },
        { "id": "z", "values": ["a"], "chars": "a" },
        { "id": "w", "chars": "a", "min_length": 5, "max_length": 2 }
    ]));
    let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "$.hidden[0].id",
            "$.hidden[1].id",
            "$.hidden[2].values[1]",
            "$.hidden[2].colour",
            "$.hidden[3].id",
            "$.hidden[3].chars",
            "$.hidden[4]",
            "$.hidden[5].chars",
            "$.hidden[6].max_length",
        ]
    );
    assert!(
        matches!(&found[0].1, Problem::HiddenIdIsQuestion { id, question } if id == "q" && question == "$.pages[0].questions[0].id")
    );
    assert!(matches!(&found[1].1, Problem::HiddenIdSetting { .. }));
    assert!(matches!(&found[3].1, Problem::UnknownField { .. }));
    assert!(matches!(&found[4].1, Problem::HiddenIdTwice { .. }));
    assert!(matches!(&found[6].1, Problem::HiddenRule { both: false }));
    assert!(matches!(&found[7].1, Problem::HiddenRule { both: true }));
}

#[test]
fn thanks_and_start_again_are_read() {
    let doc = json!({
        "format": 1, "id": "s", "version": "1", "title": "T", "default_locale": "en",
        "thanks": { "en": "Terima kasih, see you" }, "start_again": false,
        "pages": [{ "id": "p", "questions": [{ "id": "q", "kind": "yes_no", "label": "Q" }] }]
    });
    let s = Survey::parse(&doc.to_string()).unwrap();
    assert!(s.thanks.is_some());
    assert!(!s.start_again);
    assert!(survey_with(json!([])).unwrap().start_again);
}

#[test]
fn recorded_values_are_checked_against_the_survey() {
    let s =
        survey_with(json!([{ "id": "posyandu", "values": ["P12"], "required": true }])).unwrap();
    let mut values = hidden::Hidden::new();
    assert_eq!(
        hidden::check_recorded(&s.hidden, &values),
        [("posyandu".to_owned(), Some(HiddenError::Missing))]
    );
    values.insert("posyandu".into(), "P12".into());
    assert!(hidden::check_recorded(&s.hidden, &values).is_empty());
    values.insert("other".into(), "x".into());
    assert_eq!(
        hidden::check_recorded(&s.hidden, &values),
        [("other".to_owned(), None)]
    );
}

#[test]
fn a_merge_carries_hidden_values_and_their_key_order_does_not_matter() {
    use suara_domain::merge;
    let one = |hidden: &str| {
        format!(
            r#"{{"id":"r1","survey_id":"s","survey_version":"2","locale":"en","started_at":"a","submitted_at":"b","answers":{{}},"hidden":{hidden}}}"#
        )
    };
    let a = Response::from_json(&one(r#"{"posyandu":"P12","event":"x"}"#)).unwrap();
    let b = Response::from_json(&one(r#"{"event":"x","posyandu":"P12"}"#)).unwrap();
    let merged = merge::merge([a, b]);
    assert_eq!((merged.responses.len(), merged.duplicates), (1, 1));
    assert!(merged.responses[0]
        .to_json()
        .ends_with(r#""hidden":{"event":"x","posyandu":"P12"}}"#));
}
