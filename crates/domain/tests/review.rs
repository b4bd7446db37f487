//! The review step: when a survey has one, and each kind's answer in words.

mod common;

use serde_json::json;
use suara_domain::problem::Problem;
use suara_domain::review::answer_words;
use suara_domain::{Locale, Survey};

fn every_kind() -> Survey {
    let path = common::data("../../../examples/every-kind.json");
    Survey::parse(&common::read(&path)).expect("examples/every-kind.json parses")
}

/// Each question's answer in words in `lang`, for the answers in `given`.
fn words(survey: &Survey, lang: &str, given: serde_json::Value) -> Vec<(String, Option<String>)> {
    let answers = common::answers(given);
    let locale = Locale::parse(lang).expect("a locale");
    survey
        .questions()
        .map(|q| (q.id.clone(), answer_words(survey, q, &answers, &locale)))
        .collect()
}

fn get<'a>(all: &'a [(String, Option<String>)], id: &str) -> Option<&'a str> {
    all.iter()
        .find(|(q, _)| q == id)
        .unwrap_or_else(|| panic!("no question {id}"))
        .1
        .as_deref()
}

#[test]
fn every_kind_reads_as_words_in_the_persons_language() {
    let survey = every_kind();
    let given = json!({
        "again": true, "people": 3, "visit": "2026-05-17", "district": "south",
        "staff": 4, "mood": 5, "channel": "other", "channel.other_text": " a poster ",
        "topics": ["health", "water"], "name": "  Ana ", "story": "Good.",
        "stars": 4, "recommend": 0, "contact": true
    });
    let en = words(&survey, "en", given.clone());
    let expect_en = [
        ("again", "Yes"),
        ("people", "3"),
        ("visit", "2026-05-17"),
        ("district", "South"),
        ("staff", "Agree"),
        ("mood", "Very happy"),
        ("channel", "Other: a poster"),
        ("name", "Ana"),
        ("stars", "4 of 5 stars"),
        ("recommend", "0"),
        ("contact", "Yes"),
    ];
    for (id, want) in expect_en {
        assert_eq!(get(&en, id), Some(want), "{id} in English");
    }
    assert!(
        get(&en, "topics").is_some_and(|t| t.contains(", ")),
        "{en:?}"
    );

    let id = words(&survey, "id", given);
    assert_eq!(get(&id, "again"), Some("Ya"));
    assert_eq!(get(&id, "stars"), Some("4 dari 5 bintang"));
    assert_ne!(
        get(&id, "district"),
        get(&en, "district"),
        "the survey's own words follow the language"
    );
}

#[test]
fn unanswered_and_blank_answers_have_no_words() {
    let survey = every_kind();
    let all = words(
        &survey,
        "en",
        json!({ "name": "   ", "topics": [], "again": false }),
    );
    assert_eq!(get(&all, "name"), None);
    assert_eq!(get(&all, "topics"), None);
    assert_eq!(get(&all, "story"), None);
    assert_eq!(get(&all, "again"), Some("No"), "no is an answer");
}

#[test]
fn codes_the_survey_does_not_know_show_as_they_are() {
    // Never an invented label: what was stored is what is shown.
    let survey = every_kind();
    let all = words(
        &survey,
        "en",
        json!({ "district": "atlantis", "staff": 9, "mood": 0 }),
    );
    assert_eq!(get(&all, "district"), Some("atlantis"));
    assert_eq!(get(&all, "staff"), Some("9"));
    assert_eq!(get(&all, "mood"), Some("0"));
}

fn with_pages(
    pages: usize,
    review: Option<bool>,
) -> Result<Survey, Vec<suara_domain::SchemaError>> {
    let pages: Vec<_> = (0..pages)
        .map(|i| {
            json!({ "id": format!("p{i}"), "questions": [
            { "id": format!("q{i}"), "kind": "short_text", "label": "Q" }
        ] })
        })
        .collect();
    let mut file = json!({
        "format": 1, "id": "s", "version": 1, "title": "T", "default_locale": "en", "pages": pages
    });
    if let Some(r) = review {
        file["review"] = json!(r);
    }
    Survey::parse(&file.to_string())
}

#[test]
fn a_review_step_by_default_only_with_more_than_one_page() {
    assert!(!with_pages(1, None).unwrap().review);
    assert!(with_pages(2, None).unwrap().review);
    assert!(with_pages(1, Some(true)).unwrap().review);
    assert!(!with_pages(3, Some(false)).unwrap().review);
}

#[test]
fn review_must_be_true_or_false() {
    let mut file = json!({
        "format": 1, "id": "s", "version": 1, "title": "T", "default_locale": "en", "review": "yes",
        "pages": [{ "id": "p", "questions": [{ "id": "q", "kind": "nps", "label": "Q" }] }]
    });
    let errors = Survey::parse(&file.to_string()).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, "$.review");
    assert!(
        matches!(&errors[0].problem, Problem::NotBool { key, .. } if key == "review"),
        "{errors:?}"
    );
    file["review"] = json!(true);
    assert!(Survey::parse(&file.to_string()).is_ok());
}

#[test]
fn earlier_answers_are_piped_into_texts_in_words() {
    use suara_domain::review::{pipe, piped_ids};
    let survey = every_kind();
    let en = Locale::parse("en").unwrap();
    let answers = common::answers(json!({ "stars": 4, "district": "south", "name": " Ana " }));
    let none: Vec<String> = Vec::new();
    assert_eq!(
        pipe(
            &survey,
            "{name}, you gave {stars} in {district}.",
            &answers,
            &none,
            &en
        ),
        "Ana, you gave 4 of 5 stars in South."
    );
    // Unanswered or hidden: nothing. Not a question id: left as written.
    assert_eq!(pipe(&survey, "Hi {story}!", &answers, &none, &en), "Hi !");
    let hidden = vec!["name".to_owned()];
    assert_eq!(pipe(&survey, "Hi {name}!", &answers, &hidden, &en), "Hi !");
    assert_eq!(
        pipe(
            &survey,
            "{Name} {a b} {} {nosuch} {{name}}",
            &answers,
            &none,
            &en
        ),
        "{Name} {a b} {} {nosuch} {Ana}"
    );
    let ids: Vec<&str> = piped_ids("{a} {B} {c_1} {x y} {} {d").collect();
    assert_eq!(ids, ["a", "c_1"]);
}

#[test]
fn a_matrix_and_a_ranking_read_one_line_each() {
    let survey = every_kind();
    let all = words(
        &survey,
        "en",
        json!({
            "partnership": { "trust": "2", "goals": "4" },
            "priorities": ["water", "jobs", "health", "schools", "safety"]
        }),
    );
    assert_eq!(
        get(&all, "partnership"),
        Some("We share the same goals. — Agree\nWe trust each other. — Disagree"),
        "the survey's order, whatever the answer's"
    );
    assert_eq!(
        get(&all, "priorities"),
        Some("1. Clean water\n2. Jobs\n3. Health\n4. Schools\n5. Safety")
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 512, ..Default::default() })]

    /// Any text, with braces and question ids anywhere: no panic, and a text
    /// without a piped id comes back as it was.
    #[test]
    fn piping_any_text_never_panics(text in "(\\{|\\}|[a-z_]{1,6}|stars|name|[ -~]|[é—😀])*") {
        use suara_domain::review::{pipe, piped_ids};
        let survey = every_kind();
        let answers = common::answers(json!({ "stars": 4, "name": "{name}" }));
        let en = Locale::parse("en").unwrap();
        let out = pipe(&survey, &text, &answers, &[], &en);
        if piped_ids(&text).all(|id| survey.question(id).is_none()) {
            proptest::prop_assert_eq!(out, text);
        }
    }
}
