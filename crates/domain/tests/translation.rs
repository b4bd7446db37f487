//! Translation fallback: which texts a survey lacks in each of its languages
//! (what the author is warned of), and that the respondent then gets the
//! default language's text, never an empty one.

use suara_domain::translation::{missing_translations, Missing};
use suara_domain::{Locale, Survey};

const SURVEY: &str = r#"{
  "format": 1, "id": "t", "version": "1",
  "title": { "id": "Survei", "en": "Survey", "ar": "استبيان" },
  "description": { "id": "Tentang kami", "en": "About us" },
  "default_locale": "id", "locales": ["id", "en", "ar"],
  "pages": [
    { "id": "a", "title": { "id": "Satu", "en": "One", "ar": "واحد" }, "questions": [
      { "id": "pick", "kind": "single_choice", "label": { "id": "Pilih", "en": "Pick", "ar": "اختر" },
        "help": { "id": "Satu saja", "ar": "واحد فقط" },
        "options": [ { "value": "x", "label": { "id": "Ya", "en": "Yes", "ar": "نعم" } },
                     { "value": "y", "label": "Plain text is every language" } ],
        "other": { "id": "Lainnya", "en": "Other" } }
    ]},
    { "id": "b", "questions": [
      { "id": "ok", "kind": "consent", "label": { "id": "Setuju", "en": "Agree", "ar": "موافق" },
        "text": { "id": "Saya setuju", "en": "I agree" } }
    ]}
  ]
}"#;

fn locale(code: &str) -> Locale {
    Locale::parse(code).unwrap()
}

#[test]
fn every_untranslated_text_is_listed_by_locale_and_path() {
    let survey = Survey::parse(SURVEY).unwrap();
    assert_eq!(
        missing_translations(&survey),
        vec![
            Missing {
                locale: locale("en"),
                paths: vec!["$.pages[0].questions[0].help".into()],
            },
            Missing {
                locale: locale("ar"),
                paths: vec![
                    "$.description".into(),
                    "$.pages[0].questions[0].other".into(),
                    "$.pages[1].questions[0].text".into(),
                ],
            },
        ]
    );
}

#[test]
fn a_missing_text_shows_in_the_default_language() {
    let survey = Survey::parse(SURVEY).unwrap();
    let ar = locale("ar");
    assert_eq!(survey.tr(&survey.title, &ar), "استبيان");
    assert_eq!(
        survey.tr(survey.description.as_ref().unwrap(), &ar),
        "Tentang kami"
    );
    assert!(ar.is_rtl());
}

#[test]
fn a_fully_translated_survey_lacks_nothing() {
    let survey = Survey::parse(suara_domain::DEFAULT_SURVEY_JSON).unwrap();
    assert_eq!(missing_translations(&survey), vec![]);
}

/// Every example survey in the repository reads without error and is fully
/// translated into each of its languages.
#[test]
fn every_example_survey_reads_and_is_fully_translated() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            let survey =
                Survey::parse(&text).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
            assert_eq!(missing_translations(&survey), vec![], "{}", path.display());
            seen += 1;
        }
    }
    assert!(seen > 0, "no example surveys found in {}", dir.display());
}

#[test]
fn the_widget_words_are_in_the_persons_language_when_it_has_them_else_english() {
    use suara_domain::i18n::{self, Msg};
    let cases = [
        ("id", "id", "Kirim"),
        ("en-GB", "en", "Submit"),
        ("ar", "ar", "إرسال"),
        ("fr", "en", "Submit"),
        ("pt-BR", "en", "Submit"),
    ];
    for (code, language, submit) in cases {
        let locale = suara_domain::Locale::parse(code).unwrap();
        assert_eq!(i18n::words_language(&locale), language, "{code}");
        assert_eq!(i18n::text(&locale, &Msg::Submit), submit, "{code}");
    }
}

#[test]
fn a_drop_down_placeholder_without_a_translation_is_listed() {
    let survey = Survey::parse(
        r#"{
          "format": 1, "id": "t", "version": "1", "title": { "id": "Survei", "en": "Survey" },
          "default_locale": "id", "locales": ["id", "en"],
          "pages": [{ "id": "a", "questions": [
            { "id": "city", "kind": "dropdown", "label": { "id": "Kota", "en": "City" },
              "options": [{ "value": "x", "label": { "id": "X", "en": "X" } }],
              "placeholder": { "id": "Pilih kota" } }
          ]}]
        }"#,
    )
    .unwrap();
    assert_eq!(
        missing_translations(&survey),
        vec![Missing {
            locale: locale("en"),
            paths: vec!["$.pages[0].questions[0].placeholder".into()],
        }]
    );
}
