//! Valid survey files parse, and the parsed survey says what the file meant.
//!
//! The cases are `tests/surveys/valid/*.json` and the built-in survey
//! (`DEFAULT_SURVEY_JSON`, read through the constant so it cannot drift).

mod common;

use suara_domain::{Locale, QuestionKind, Survey, Text, DEFAULT_SURVEY_JSON};

/// Every valid case as (name, JSON).
fn cases() -> Vec<(String, String)> {
    common::valid_surveys()
}

fn parse(name: &str, json: &str) -> Survey {
    Survey::parse(json).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{name} should parse, but:\n{}", lines.join("\n"))
    })
}

fn survey(name: &str) -> Survey {
    parse(
        name,
        &common::read(&common::data(&format!("surveys/valid/{name}.json"))),
    )
}

fn locale(code: &str) -> Locale {
    Locale::parse(code).expect("a locale code")
}

fn codes(survey: &Survey) -> Vec<&str> {
    survey.locales.iter().map(Locale::as_str).collect()
}

/// The kind of question `id`.
fn kind<'a>(survey: &'a Survey, id: &str) -> &'a QuestionKind {
    &survey
        .question(id)
        .unwrap_or_else(|| panic!("no question `{id}`"))
        .kind
}

#[test]
fn every_valid_survey_parses() {
    let cases = cases();
    assert!(cases.len() >= 4, "only {} cases", cases.len());
    for (name, json) in cases {
        parse(&name, &json);
    }
}

#[test]
fn the_built_in_survey_offers_indonesian_first_then_english() {
    let s = parse("DEFAULT_SURVEY_JSON", DEFAULT_SURVEY_JSON);
    assert_eq!(s.id, "community-partnership-feedback");
    assert_eq!(codes(&s), ["id", "en"]);
    // Its own questions, then the optional "about you" section of the
    // question bank's Indonesian pack, after the consent question.
    let kinds: Vec<&str> = s
        .questions()
        .filter(|q| suara_domain::bank::item_of(&q.id).is_none())
        .map(|q| q.kind.name())
        .collect();
    assert_eq!(
        kinds,
        [
            "rating",
            "nps",
            "long_text",
            "long_text",
            "multi_choice",
            "consent"
        ]
    );
    let bank: Vec<&str> = s
        .questions()
        .filter(|q| suara_domain::bank::item_of(&q.id).is_some())
        .map(|q| q.id.as_str())
        .collect();
    let mut expected = vec!["inclusion_consent", "age_band"];
    expected.extend(suara_domain::bank::WG);
    expected.extend([
        "gender",
        "ethnicity",
        "education",
        "financial_situation",
        "area",
    ]);
    assert_eq!(bank, expected);
    assert_eq!(s.inclusion.as_ref().map(|i| i.pack.as_str()), Some("ID"));
    assert_eq!(
        *kind(&s, "satisfaction"),
        QuestionKind::Rating { min: 1, max: 5 }
    );
    let consent = s.question("consent").expect("a consent question");
    assert!(consent.required);
    assert!(
        matches!(&consent.kind, QuestionKind::Consent { text: Some(t) } if t.has(&locale("id")) && t.has(&locale("en")))
    );
    // Every text of the built-in survey is translated, not only its default.
    for q in s.questions() {
        assert!(q.label.has(&locale("en")), "{} has no English label", q.id);
    }
}

#[test]
fn a_version_given_as_a_number_is_kept_as_its_digits() {
    assert_eq!(survey("minimal").version, "3");
    assert_eq!(survey("every_kind").version, "2.1");
}

#[test]
fn a_survey_without_locales_offers_only_its_default() {
    let s = survey("minimal");
    assert_eq!(s.default_locale, locale("en"));
    assert_eq!(codes(&s), ["en"]);
    assert_eq!(s.pick_locale(Some("fr")), locale("en"));
}

#[test]
fn the_default_locale_is_listed_first_and_the_others_keep_their_order() {
    let s = survey("every_kind");
    assert_eq!(codes(&s), ["id", "en", "ar", "zh", "jv"]);
    assert_eq!(s.pick_locale(Some("en-GB")), locale("en"));
    assert_eq!(s.pick_locale(None), locale("id"));
    assert_eq!(s.tr(&s.title, &locale("jv")), "ꦱꦸꦮꦫ");
}

#[test]
fn omitted_settings_take_their_defaults() {
    let s = survey("every_kind");
    assert_eq!(
        *kind(&s, "name"),
        QuestionKind::ShortText { max_length: 200 }
    );
    assert_eq!(
        *kind(&s, "story"),
        QuestionKind::LongText { max_length: 2000 }
    );
    assert_eq!(*kind(&s, "stars"), QuestionKind::Rating { min: 1, max: 5 });
    assert_eq!(
        *kind(&s, "newsletter"),
        QuestionKind::Consent { text: None }
    );
    let name = s.question("name").expect("a name question");
    assert!(!name.required);
    assert_eq!(name.help, None);
    assert_eq!(s.pages[1].title, None);
}

#[test]
fn settings_that_are_given_are_kept() {
    let s = survey("every_kind");
    assert_eq!(
        *kind(&s, "town"),
        QuestionKind::ShortText { max_length: 40 }
    );
    assert_eq!(
        *kind(&s, "note"),
        QuestionKind::LongText { max_length: 10_000 }
    );
    assert_eq!(*kind(&s, "scale"), QuestionKind::Rating { min: 0, max: 10 });
    assert_eq!(*kind(&s, "recommend"), QuestionKind::Nps);
    assert!(s.question("recommend").is_some_and(|q| q.required));
    assert!(s
        .description
        .as_ref()
        .is_some_and(|d| s.tr(d, &locale("en")) == "A complete example."));
}

#[test]
fn every_kind_and_every_option_field_is_read() {
    let s = survey("every_kind");
    let mut names: Vec<&str> = s.questions().map(|q| q.kind.name()).collect();
    names.sort_unstable();
    names.dedup();
    let mut all = QuestionKind::NAMES.to_vec();
    all.sort_unstable();
    assert_eq!(names, all, "every_kind.json should use every kind");

    let (options, other) = kind(&s, "channel").choices().expect("a choice question");
    let values: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
    assert_eq!(values, ["radio", "friend", "Poster-2024"]);
    assert_eq!(
        other.map(|o| o.label.is_none()),
        Some(true),
        "`other: true` has no label of its own"
    );
    assert_eq!(s.tr(&options[1].label, &locale("ar")), "صديق");
    assert_eq!(options[2].label, Text::Plain("Poster".into()));
    let channel = s.question("channel").expect("a channel question");
    assert!(channel.help.is_some());
    assert!(matches!(channel.kind, QuestionKind::SingleChoice { .. }));

    let (_, other) = kind(&s, "topics").choices().expect("a choice question");
    let label = other
        .and_then(|o| o.label.as_ref())
        .expect("a labelled other");
    assert_eq!(s.tr(label, &locale("en")), "Another topic");
    assert_eq!(
        s.tr(label, &locale("zh")),
        "Topik lain",
        "falls back to the default locale"
    );
    assert!(matches!(
        kind(&s, "topics"),
        QuestionKind::MultiChoice { .. }
    ));

    // Without `other`, "other" is an ordinary option value.
    let (options, other) = kind(&s, "size").choices().expect("a choice question");
    assert_eq!((options[0].value.as_str(), other), ("other", None));
}

#[test]
fn plain_strings_are_the_same_in_every_locale() {
    let s = survey("plain_strings");
    assert_eq!(s.id, "warung.feedback-2025");
    assert_eq!(s.version, "2025-06 rev. B");
    assert_eq!(s.title, Text::Plain("Warung Bu Sri".into()));
    for code in ["id", "en", "fr"] {
        assert_eq!(s.tr(&s.title, &locale(code)), "Warung Bu Sri");
    }
    let (options, other) = kind(&s, "dish").choices().expect("a choice question");
    assert_eq!(options[1].label, Text::Plain("Gado-gado".into()));
    assert_eq!(
        other.and_then(|o| o.label.clone()),
        Some(Text::Plain("Lainnya / Other".into()))
    );
    assert!(matches!(
        kind(&s, "ok"),
        QuestionKind::Consent {
            text: Some(Text::Plain(_))
        }
    ));
}
