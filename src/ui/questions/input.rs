//! Numbers: one labelled input whose value the browser keeps in a fixed form.

use leptos::html::Input;
use leptos::prelude::*;
use suara_domain::answer::number_from_f64;
use suara_domain::{AnswerValue, Question, QuestionKind};
use web_sys::HtmlInputElement;

use super::{classes, described_by, help_and_error, invalid, label_content, on_leave};
use crate::ui::{ids, FormCtx};

/// What the box holds now, as an answer. A box whose text the browser
/// cannot read as its type (`badInput`: "1e" in a number box) has an empty
/// value: it is kept as text that is not blank, so the domain reports it
/// rather than taking it for no answer.
fn read(input: &HtmlInputElement) -> Option<AnswerValue> {
    let raw = input.value();
    if raw.is_empty() {
        return input
            .validity()
            .bad_input()
            .then(|| AnswerValue::Text("?".into()));
    }
    // The browser reads the number: no float parser in the wasm.
    Some(match number_from_f64(input.value_as_number()) {
        Some(n) => AnswerValue::Number(n),
        None => AnswerValue::Text(raw),
    })
}

/// The text of the box for an answer set from elsewhere (a draft put back,
/// "Start over").
fn write(answer: Option<AnswerValue>) -> String {
    match answer {
        Some(AnswerValue::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// A labelled `<input type="number">`. The survey's bounds are the input's
/// `min` and `max` only as hints for its arrows: the answer is never clamped
/// or rounded, and the domain judges it.
#[component]
pub fn InputQuestion(
    /// A `number` question.
    question: Question,
) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let QuestionKind::Number { min, max, integer } = question.kind.clone() else {
        unreachable!("InputQuestion takes number questions")
    };
    let (min, max) = (min.map(|m| m.to_string()), max.map(|m| m.to_string()));
    let step = if integer { "1" } else { "any" };
    let mode = if integer { "numeric" } else { "decimal" };
    let qid = question.id.clone();
    let input_id = ids::input(&qid);
    let node = NodeRef::<Input>::new();
    // The box is written only when the answer differs from what it holds, so
    // typing "1.50" is never rewritten as "1.5" under the person's fingers.
    {
        let qid = qid.clone();
        Effect::new(move |_| {
            let answer = ctx.answer(&qid);
            if let Some(el) = node.get() {
                if read(&el) != answer {
                    el.set_value(&write(answer));
                }
            }
        });
    }
    let on_input = {
        let qid = qid.clone();
        move |_| {
            if let Some(el) = node.get_untracked() {
                ctx.set(&qid, read(&el));
            }
        }
    };
    view! {
        <div class=classes(ctx, &question) on:focusout=on_leave(ctx, qid.clone())>
            <label class="suara-question__label" for=input_id.clone()>{label_content(ctx, &question)}</label>
            {help_and_error(ctx, &question)}
            <input
                type="number"
                id=input_id
                class="suara-input suara-input--number"
                node_ref=node
                inputmode=mode
                step=step
                min=min
                max=max
                autocomplete="off"
                aria-describedby=described_by(ctx, &question, &[])
                aria-invalid=invalid(ctx, qid.clone())
                on:input=on_input
            />
        </div>
    }
}
