//! Single and multiple choice, each with an optional "other, please describe".

use leptos::prelude::*;
use suara_domain::answer::other_text_key;
use suara_domain::i18n::{self, Msg};
use suara_domain::survey::OTHER_VALUE;
use suara_domain::{AnswerValue, Question, QuestionKind, Text};

use super::fieldset;
use crate::ui::{flag, ids, say, shown, words, FormCtx};

/// Whether `value` is among the answer's choices.
fn is_chosen(answer: Option<AnswerValue>, value: &str) -> bool {
    match answer {
        Some(AnswerValue::Choices(v)) => v.iter().any(|c| c == value),
        Some(AnswerValue::Text(v)) => v == value,
        _ => false,
    }
}

/// A radio group (single choice) or a checkbox group (multiple choice) in a
/// fieldset whose legend is the question.
#[component]
pub fn ChoiceQuestion(
    /// A `single_choice` or `multi_choice` question.
    question: Question,
) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let multi = matches!(question.kind, QuestionKind::MultiChoice { .. });
    let (options, other) = question
        .kind
        .choices()
        .expect("a choice question has options");
    let qid = question.id.clone();
    let group_name = ids::input(&qid);
    let input_type = if multi { "checkbox" } else { "radio" };

    let choose = {
        let qid = qid.clone();
        move |value: String, on: bool| {
            if !multi {
                ctx.set(&qid, on.then_some(AnswerValue::Text(value)));
                return;
            }
            let mut chosen = match ctx.answer_untracked(&qid) {
                Some(AnswerValue::Choices(v)) => v,
                _ => Vec::new(),
            };
            chosen.retain(|c| *c != value);
            if on {
                chosen.push(value);
            }
            ctx.set(
                &qid,
                (!chosen.is_empty()).then_some(AnswerValue::Choices(chosen)),
            );
        }
    };

    let option_items: Vec<(String, Text)> = options
        .iter()
        .map(|o| (o.value.clone(), o.label.clone()))
        .chain(other.map(|o| {
            (
                OTHER_VALUE.to_owned(),
                o.label.clone().unwrap_or(Text::Plain(String::new())),
            )
        }))
        .collect();
    let items = option_items
        .into_iter()
        .map(|(value, label)| {
            let qid = qid.clone();
            let name = group_name.clone();
            let choose = choose.clone();
            let is_other = other.is_some() && value == OTHER_VALUE;
            let chosen = {
                let (qid, value) = (qid.clone(), value.clone());
                move || is_chosen(ctx.answer(&qid), &value)
            };
            // The widget's own "Other" is in the widget's words' language.
            let lang = {
                let label = label.clone();
                words(move || {
                    if label.is_blank() {
                        i18n::words_language(&ctx.locale.get()).to_owned()
                    } else {
                        ctx.text_lang(&label)
                    }
                })
            };
            let text = words(move || if label.is_blank() { ctx.msg(&Msg::Other) } else { ctx.tr(&label) });
            let describe = is_other.then(|| {
                let key = other_text_key(&qid);
                let input_id = format!("{}-other", ids::input(&qid));
                let chosen = chosen.clone();
                shown(move || {
                    let key = key.clone();
                    let read_key = key.clone();
                    chosen().then(|| {
                        view! {
                            <div class="suara-option__other">
                                <label for=input_id.clone()>{say(ctx, Msg::OtherDescribe)}</label>
                                <input
                                    type="text"
                                    id=input_id.clone()
                                    class="suara-input"
                                    autocomplete="off"
                                    prop:value=words(move || match ctx.answer(&read_key) {
                                        Some(AnswerValue::Text(t)) => t,
                                        _ => String::new(),
                                    })
                                    on:input=move |ev| {
                                        let v = event_target_value(&ev);
                                        ctx.set(&key, (!v.is_empty()).then_some(AnswerValue::Text(v)));
                                    }
                                />
                            </div>
                        }
                        .into_any()
                    })
                })
            });
            let on_value = value.clone();
            view! {
                <li class="suara-options__item">
                    <label class="suara-option">
                        <input
                            type=input_type
                            name=name
                            value=value
                            prop:checked=flag(chosen)
                            on:change=move |ev| choose(on_value.clone(), event_target_checked(&ev))
                        />
                        <span class="suara-option__label" lang=lang>{text}</span>
                    </label>
                    {describe}
                </li>
            }
        })
        .map(IntoAny::into_any).collect::<crate::ui::Items>();

    let list = view! { <ul class="suara-options" role="list">{items}</ul> }.into_any();
    fieldset(ctx, &question, &[], list)
}
