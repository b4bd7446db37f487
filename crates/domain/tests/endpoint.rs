//! The endpoint settings: what is accepted, every problem (as data, worded
//! in English and Indonesian as the organiser's page says them), and the
//! exact headers and body each request carries.

use serde_json::{json, Value};
use suara_domain::answer::{AnswerValue, Answers};
use suara_domain::endpoint::{Endpoint, Settings, DEFAULT_TIMEOUT_SECS, MAX_TIMEOUT_SECS};
use suara_domain::i18n::problem_lines;
use suara_domain::problem::{Place, SettingProblem};
use suara_domain::{Locale, Response, SchemaError};

const URL: &str = "https://example.org/hook";
const ID: &str = "0b7e1c1e-8a0d-4f5e-9c4b-2f6f7e0e9a11";
const RESPONSE_JSON: &str = r#"{"id":"0b7e1c1e-8a0d-4f5e-9c4b-2f6f7e0e9a11","survey_id":"festival","survey_version":"3","locale":"en","started_at":"2026-11-28T09:15:02.114Z","submitted_at":"2026-11-28T09:17:45.870Z","answers":{"name":"Ana","stars":4}}"#;

fn response() -> Response {
    let mut answers = Answers::new();
    answers.insert("stars".into(), AnswerValue::Number(4.into()));
    answers.insert("name".into(), AnswerValue::Text("Ana".into()));
    Response {
        id: ID.into(),
        survey_id: "festival".into(),
        survey_version: "3".into(),
        locale: "en".into(),
        started_at: "2026-11-28T09:15:02.114Z".into(),
        submitted_at: "2026-11-28T09:17:45.870Z".into(),
        answers,
        hidden: Default::default(),
        partial: false,
        bank: None,
        inclusion_consent: None,
        consent_version: None,
    }
}

fn endpoint(settings: Settings) -> Result<Endpoint, Vec<String>> {
    worded(Endpoint::new(Ok(URL.into()), settings), "en")
}

/// The settings' problems as the organiser's page words them in `lang`.
fn worded(
    checked: Result<Endpoint, Vec<SchemaError>>,
    lang: &str,
) -> Result<Endpoint, Vec<String>> {
    checked.map_err(|errors| problem_lines(&Locale::parse(lang).unwrap(), &errors))
}

fn with_headers(headers: Value) -> Settings<'static> {
    Settings {
        headers: Some(Ok(headers)),
        ..Settings::default()
    }
}

/// The problems for `settings`, which must be refused.
fn problems(settings: Settings) -> Vec<String> {
    endpoint(settings).expect_err("the settings are refused")
}

#[test]
fn defaults_post_the_response_as_json_with_its_id_as_idempotency_key() {
    let e = endpoint(Settings::default()).expect("no settings is fine");
    assert_eq!(
        e,
        Endpoint {
            url: URL.into(),
            headers: vec![],
            timeout_secs: 20,
            wrap: None,
            simple: false,
        }
    );
    assert_eq!(DEFAULT_TIMEOUT_SECS, 20);
    assert_eq!(
        e.headers(ID),
        vec![
            ("Content-Type", "application/json"),
            ("Idempotency-Key", ID)
        ]
    );
    assert_eq!(e.body(&response()), RESPONSE_JSON);
}

#[test]
fn request_cors_is_the_default_mode() {
    let cors = endpoint(Settings {
        request: Some("cors"),
        ..Settings::default()
    });
    assert_eq!(cors, endpoint(Settings::default()));
}

#[test]
fn extra_headers_follow_the_fixed_ones_in_the_order_given() {
    let e = endpoint(with_headers(json!({
        "Authorization": "Bearer submit-only-token",
        "apikey": "anon",
        "Prefer": "resolution=ignore-duplicates,return=minimal",
        "X-Empty": "",
    })))
    .expect("valid headers");
    assert_eq!(
        e.headers(ID),
        vec![
            ("Content-Type", "application/json"),
            ("Idempotency-Key", ID),
            ("Authorization", "Bearer submit-only-token"),
            ("apikey", "anon"),
            ("Prefer", "resolution=ignore-duplicates,return=minimal"),
            ("X-Empty", ""),
        ]
    );
}

#[test]
fn an_empty_headers_object_adds_nothing() {
    let e = endpoint(with_headers(json!({}))).expect("an empty object is fine");
    assert!(e.headers.is_empty());
}

#[test]
fn wrap_puts_the_response_in_a_named_field() {
    let e = endpoint(Settings {
        wrap: Some("data"),
        ..Settings::default()
    })
    .expect("a valid field name");
    assert_eq!(e.wrap.as_deref(), Some("data"));
    let body = e.body(&response());
    assert_eq!(body, format!(r#"{{"data":{RESPONSE_JSON}}}"#));
    let parsed: Value = serde_json::from_str(&body).expect("the body is JSON");
    assert_eq!(parsed["data"]["id"], ID);
    // Wrapping changes the body, not the headers.
    assert_eq!(
        e.headers(ID),
        vec![
            ("Content-Type", "application/json"),
            ("Idempotency-Key", ID)
        ]
    );
}

#[test]
fn wrap_accepts_letters_digits_underscore_and_dash_up_to_64() {
    for name in ["a", "response", "my_field-2", "X9", &"w".repeat(64)] {
        let e = endpoint(Settings {
            wrap: Some(name),
            ..Settings::default()
        });
        assert!(e.is_ok(), "wrap {name:?}: {e:?}");
    }
}

#[test]
fn wrap_refuses_other_names() {
    let message = "wrap: must be a field name of 1 to 64 ASCII letters, digits, _ or -";
    for name in ["", "a b", "a\"b", "a.b", "résumé", "{}", &"w".repeat(65)] {
        assert_eq!(
            problems(Settings {
                wrap: Some(name),
                ..Settings::default()
            }),
            vec![message],
            "wrap {name:?}"
        );
    }
}

#[test]
fn simple_mode_sends_text_plain_and_no_other_header() {
    let e = endpoint(Settings {
        request: Some("simple"),
        ..Settings::default()
    })
    .expect("simple mode");
    assert!(e.simple);
    assert_eq!(
        e.headers(ID),
        vec![("Content-Type", "text/plain;charset=UTF-8")]
    );
    // The id the Idempotency-Key would carry is in the body.
    assert_eq!(e.body(&response()), RESPONSE_JSON);
}

#[test]
fn simple_mode_can_wrap_and_the_id_stays_in_the_body() {
    let e = endpoint(Settings {
        request: Some("simple"),
        wrap: Some("response"),
        ..Settings::default()
    })
    .expect("simple mode with wrap");
    let parsed: Value = serde_json::from_str(&e.body(&response())).expect("JSON");
    assert_eq!(parsed["response"]["id"], ID);
    assert_eq!(
        e.headers(ID),
        vec![("Content-Type", "text/plain;charset=UTF-8")]
    );
}

#[test]
fn simple_mode_refuses_headers() {
    let message = "request: simple mode sends no custom headers: remove headers";
    for headers in [json!({ "Authorization": "Bearer t" }), json!({})] {
        assert_eq!(
            problems(Settings {
                request: Some("simple"),
                headers: Some(Ok(headers.clone())),
                ..Settings::default()
            }),
            vec![message],
            "headers {headers}"
        );
    }
}

#[test]
fn request_must_be_simple_or_cors() {
    for request in ["Simple", "no-cors", "plain", "1"] {
        assert_eq!(
            problems(Settings {
                request: Some(request),
                ..Settings::default()
            }),
            vec!["request: must be simple or cors"],
            "request {request:?}"
        );
    }
}

#[test]
fn timeout_accepts_whole_seconds_from_1_to_120() {
    for (text, secs) in [("1", 1), ("5", 5), ("020", 20), ("120", 120)] {
        let e = endpoint(Settings {
            timeout: Some(text),
            ..Settings::default()
        })
        .unwrap_or_else(|p| panic!("timeout {text:?}: {p:?}"));
        assert_eq!(e.timeout_secs, secs, "timeout {text:?}");
    }
    assert_eq!(MAX_TIMEOUT_SECS, 120);
}

#[test]
fn timeout_refuses_anything_else() {
    let message = "timeout: must be a whole number of seconds from 1 to 120";
    for text in ["0", "121", "-1", "1.5", "2s", "", "ten", "99999999999"] {
        assert_eq!(
            problems(Settings {
                timeout: Some(text),
                ..Settings::default()
            }),
            vec![message],
            "timeout {text:?}"
        );
    }
}

#[test]
fn headers_must_be_a_json_object() {
    for headers in [
        json!(["Authorization", "x"]),
        json!("x"),
        json!(null),
        json!(3),
    ] {
        assert_eq!(
            problems(with_headers(headers.clone())),
            vec!["headers: not a JSON object of strings"],
            "headers {headers}"
        );
    }
}

#[test]
fn headers_that_are_not_json_say_why() {
    assert_eq!(
        problems(Settings {
            headers: Some(Err("Unexpected token 'x'".into())),
            ..Settings::default()
        }),
        vec!["headers: not valid JSON: Unexpected token 'x'"]
    );
}

#[test]
fn header_values_must_be_strings() {
    assert_eq!(
        problems(with_headers(
            json!({ "X-Count": 3, "X-On": true, "X-Ok": "fine" })
        )),
        vec![
            "headers: \"X-Count\" must have a string value",
            "headers: \"X-On\" must have a string value",
        ]
    );
}

#[test]
fn header_names_must_be_http_tokens() {
    for name in ["", "X Token", "X:Token", "X-Tökén", "(x)", "a\nb", "a/b"] {
        assert_eq!(
            problems(with_headers(json!({ name: "v" }))),
            vec![format!("headers: \"{name}\" is not a valid header name")],
            "name {name:?}"
        );
    }
    let e = endpoint(with_headers(json!({ "!#$%&'*+-.^_`|~09azAZ": "v" })));
    assert!(e.is_ok(), "every token character is accepted: {e:?}");
}

#[test]
fn suara_s_own_headers_cannot_be_overridden() {
    for name in [
        "Content-Type",
        "content-type",
        "IDEMPOTENCY-KEY",
        "Idempotency-Key",
    ] {
        assert_eq!(
            problems(with_headers(json!({ name: "text/html" }))),
            vec![format!("headers: \"{name}\" is set by Suara")],
            "name {name:?}"
        );
    }
}

#[test]
fn header_values_are_ascii_text_on_one_line() {
    for value in [
        "a\r\nX-Evil: 1",
        "a\nb",
        "a\rb",
        "nul\0",
        "caf\u{e9}",
        "\u{1F600}",
        "del\u{7f}",
    ] {
        assert_eq!(
            problems(with_headers(json!({ "X-Note": value }))),
            vec!["headers: \"X-Note\" must have a value of ASCII text on one line"],
            "value {value:?}"
        );
    }
    let e = endpoint(with_headers(json!({ "X-Note": "tab\tand space ~!" })));
    assert!(
        e.is_ok(),
        "tab, space and printable ASCII are accepted: {e:?}"
    );
}

#[test]
fn a_bad_address_is_reported_with_the_other_problems() {
    assert_eq!(
        worded(
            Endpoint::new(
                Err(SettingProblem::Scheme {
                    url: "javascript:x".into(),
                    scheme: "javascript:".into()
                }),
                Settings::default(),
            ),
            "en"
        ),
        Err(vec![
            "endpoint: `javascript:x` uses `javascript:`; only http and https addresses are allowed".to_owned()
        ])
    );
}

fn every_problem(lang: &str) -> Result<Endpoint, Vec<String>> {
    worded(all_problems(), lang)
}

fn all_problems() -> Result<Endpoint, Vec<SchemaError>> {
    Endpoint::new(
        Err(SettingProblem::NotAnAddress { url: "x".into() }),
        Settings {
            headers: Some(Ok(
                json!({ "Content-Type": "a", "Bad Name": "b", "X-Ok": "c" }),
            )),
            timeout: Some("0"),
            wrap: Some("a b"),
            request: Some("simple"),
        },
    )
}

#[test]
fn every_problem_is_reported_at_once_naming_its_setting() {
    assert_eq!(
        every_problem("en"),
        Err(vec![
            "endpoint: `x` is not a valid address".to_owned(),
            "timeout: must be a whole number of seconds from 1 to 120".to_owned(),
            "wrap: must be a field name of 1 to 64 ASCII letters, digits, _ or -".to_owned(),
            "headers: \"Content-Type\" is set by Suara".to_owned(),
            "headers: \"Bad Name\" is not a valid header name".to_owned(),
            "request: simple mode sends no custom headers: remove headers".to_owned(),
        ])
    );
    // As data, each at its setting: code decides on these, never on words.
    let places: Vec<Place> = all_problems()
        .unwrap_err()
        .into_iter()
        .map(|e| e.place)
        .collect();
    assert_eq!(
        places,
        ["endpoint", "timeout", "wrap", "headers", "headers", "request"].map(Place::Setting)
    );
}

#[test]
fn every_settings_problem_is_worded_in_indonesian_too() {
    assert_eq!(
        every_problem("id"),
        Err(vec![
            "endpoint: `x` bukan alamat yang sah".to_owned(),
            "timeout: harus bilangan bulat detik dari 1 sampai 120".to_owned(),
            "wrap: harus nama kolom dari 1 sampai 64 huruf ASCII, angka, _ atau -".to_owned(),
            "headers: \"Content-Type\" diisi oleh Suara".to_owned(),
            "headers: \"Bad Name\" bukan nama header yang sah".to_owned(),
            "request: mode simple tidak mengirim header tambahan: hapus headers".to_owned(),
        ])
    );
    let more = [
        (
            Settings {
                request: Some("fast"),
                headers: Some(Err("Unexpected end of JSON input".into())),
                ..Settings::default()
            },
            vec![
                "request: harus simple atau cors",
                "headers: bukan JSON yang sah: Unexpected end of JSON input",
            ],
        ),
        (
            with_headers(json!({ "X-Note": "a\nb", "X-Count": 3 })),
            vec![
                "headers: \"X-Note\" harus bernilai teks ASCII dalam satu baris",
                "headers: \"X-Count\" harus bernilai teks",
            ],
        ),
        (
            with_headers(json!(["a"])),
            vec!["headers: bukan objek JSON berisi teks"],
        ),
    ];
    for (settings, lines) in more {
        assert_eq!(
            worded(Endpoint::new(Ok(URL.into()), settings), "id"),
            Err(lines.into_iter().map(String::from).collect())
        );
    }
    assert_eq!(
        worded(
            Endpoint::new(
                Err(SettingProblem::Scheme {
                    url: "data:x".into(),
                    scheme: "data:".into()
                }),
                Settings::default()
            ),
            "id"
        ),
        Err(vec![
            "endpoint: `data:x` memakai `data:`; hanya alamat http dan https yang diterima"
                .to_owned()
        ])
    );
}
