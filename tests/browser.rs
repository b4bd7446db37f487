//! Question components mounted in a real browser (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use suara::ui::questions::QuestionView;
use suara::ui::FormCtx;
use suara_domain::journey::Journey;
use suara_domain::{AnswerValue, Locale, Survey};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const SURVEY: &str = r#"{
  "format": 1, "id": "t", "version": "1", "title": "T",
  "default_locale": "id", "locales": ["id", "en"],
  "pages": [{ "id": "p", "questions": [
    { "id": "programmes", "kind": "multi_choice", "label": { "id": "Program apa?", "en": "Which programmes?" },
      "options": [ { "value": "health", "label": { "id": "Kesehatan", "en": "Health" } },
                   { "value": "housing", "label": { "id": "Perumahan", "en": "Housing" } } ],
      "other": true },
    { "id": "satisfaction", "kind": "rating", "required": true, "label": { "id": "Puas?", "en": "Satisfied?" },
      "help": { "id": "1 sampai 5", "en": "1 to 5" } },
    { "id": "works_well", "kind": "long_text", "label": { "id": "Apa yang berhasil?", "en": "What works well?" }, "max_length": 10 },
    { "id": "again", "kind": "yes_no", "label": { "id": "Datang lagi?", "en": "Come again?" } }
  ]}]
}"#;

/// Lets the browser and the reactive system run pending work.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Mounts question `id` of the test survey in a fresh element, in `lang`.
fn mount(id: &str, lang: &str) -> (HtmlElement, FormCtx) {
    let survey = Arc::new(Survey::parse(SURVEY).expect("the test survey is valid"));
    let question = survey.question(id).expect("the question exists").clone();
    let journey = Journey::new("browser-test".into(), Locale::parse(lang).unwrap());
    let document = document();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let place = suara::ui::Host {
        element: host.clone(),
        root: document.clone().into(),
        key: String::new(),
        home: String::new(),
    };
    let ctx = FormCtx::new(survey, journey, place);
    leptos::mount::mount_to(host.clone(), move || {
        provide_context(ctx);
        view! { <QuestionView question /> }
    })
    .forget();
    (host, ctx)
}

fn find<T: JsCast>(root: &HtmlElement, selector: &str) -> T {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into()
}

#[wasm_bindgen_test]
fn a_choice_question_is_a_fieldset_named_by_its_label_in_the_current_language() {
    let (host, _) = mount("programmes", "en");
    let legend: HtmlElement = find(&host, "fieldset > legend");
    assert_eq!(legend.text_content().unwrap().trim(), "Which programmes?");
    let labels: Vec<String> = (0..3)
        .map(|i| {
            let label: HtmlElement = find(
                &host,
                &format!(".suara-options__item:nth-child({}) label", i + 1),
            );
            label.text_content().unwrap().trim().to_owned()
        })
        .collect();
    assert_eq!(labels, ["Health", "Housing", "Other"]);

    let (host, _) = mount("programmes", "id");
    let legend: HtmlElement = find(&host, "fieldset > legend");
    assert_eq!(legend.text_content().unwrap().trim(), "Program apa?");
}

#[wasm_bindgen_test]
async fn ticking_options_records_their_codes_and_other_asks_for_a_description() {
    let (host, ctx) = mount("programmes", "en");
    find::<HtmlInputElement>(&host, "input[value=health]").click();
    find::<HtmlInputElement>(&host, "input[value=other]").click();
    tick().await;
    assert_eq!(
        ctx.answer_untracked("programmes").as_ref(),
        Some(&AnswerValue::Choices(vec!["health".into(), "other".into()]))
    );
    // The description box appears only now, labelled and bound to its input.
    let describe: HtmlInputElement = find(&host, ".suara-option__other input");
    let label: HtmlElement = find(&host, ".suara-option__other label");
    assert_eq!(
        label.get_attribute("for").as_deref(),
        Some(describe.id().as_str())
    );
    assert_eq!(label.text_content().unwrap(), "Please describe");
    describe.set_value("Community garden");
    describe
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    assert_eq!(
        ctx.answer_untracked("programmes.other_text").as_ref(),
        Some(&AnswerValue::Text("Community garden".into()))
    );
    find::<HtmlInputElement>(&host, "input[value=health]").click();
    tick().await;
    assert_eq!(
        ctx.answer_untracked("programmes").as_ref(),
        Some(&AnswerValue::Choices(vec!["other".into()]))
    );
}

#[wasm_bindgen_test]
async fn a_required_rating_left_blank_shows_its_error_and_is_described_by_it() {
    let (host, ctx) = mount("satisfaction", "en");
    assert!(
        host.query_selector(".suara-question__error")
            .unwrap()
            .is_none(),
        "no error before submit or leaving"
    );
    ctx.journey.update(|j| j.show_all = true);
    tick().await;
    let error: HtmlElement = find(&host, ".suara-question__error");
    assert!(error
        .text_content()
        .unwrap()
        .contains("This question needs an answer."));
    let fieldset: HtmlElement = find(&host, "fieldset");
    let described = fieldset.get_attribute("aria-describedby").unwrap();
    assert!(
        described.split(' ').any(|id| id == error.id()),
        "{described}"
    );
    assert!(
        described
            .split(' ')
            .any(|id| id == "suara-q-satisfaction-help"),
        "{described}"
    );
    // Each star is a radio named for screen readers, not by its glyph.
    let third: HtmlElement = find(&host, ".suara-scale__choice:nth-child(3)");
    assert_eq!(third.text_content().unwrap(), "★3 of 5 stars");
    find::<HtmlInputElement>(&host, "input[value='3']").click();
    tick().await;
    assert_eq!(
        ctx.answer_untracked("satisfaction").as_ref(),
        Some(&AnswerValue::Number(3.into()))
    );
    assert!(
        host.query_selector(".suara-question__error")
            .unwrap()
            .is_none(),
        "the error clears once answered"
    );
}

#[wasm_bindgen_test]
async fn a_text_answer_over_its_limit_is_kept_and_reported_not_cut() {
    let (host, ctx) = mount("works_well", "id");
    let label: HtmlElement = find(&host, "label.suara-question__label");
    let input: web_sys::HtmlTextAreaElement = find(&host, "textarea");
    assert_eq!(
        label.get_attribute("for").as_deref(),
        Some(input.id().as_str())
    );
    assert_eq!(label.text_content().unwrap().trim(), "Apa yang berhasil?");
    assert!(!input.has_attribute("maxlength"));
    input.set_value("dua belas huruf");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    ctx.touch("works_well");
    tick().await;
    assert_eq!(
        ctx.answer_untracked("works_well").as_ref(),
        Some(&AnswerValue::Text("dua belas huruf".into()))
    );
    let error: HtmlElement = find(&host, ".suara-question__error");
    assert!(
        error
            .text_content()
            .unwrap()
            .contains("paling banyak 10 karakter"),
        "{:?}",
        error.text_content()
    );
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn yes_no_is_a_group_of_two_radios_worded_by_the_widget_and_stores_a_boolean() {
    let (host, ctx) = mount("again", "id");
    let legend: HtmlElement = find(&host, "fieldset > legend");
    assert_eq!(legend.text_content().unwrap().trim(), "Datang lagi?");
    let labels: Vec<String> = (1..=2)
        .map(|i| {
            let label: HtmlElement =
                find(&host, &format!(".suara-options__item:nth-child({i}) label"));
            label.text_content().unwrap().trim().to_owned()
        })
        .collect();
    assert_eq!(labels, ["Ya", "Tidak"]);
    find::<HtmlInputElement>(&host, ".suara-options__item:nth-child(2) input").click();
    tick().await;
    assert_eq!(
        ctx.answer_untracked("again").as_ref(),
        Some(&AnswerValue::Bool(false))
    );
    assert!(find::<HtmlInputElement>(&host, ".suara-options__item:nth-child(2) input").checked());
}
