//! Numbers and dates: one labelled input whose value the browser keeps in a
//! fixed form (a number, `YYYY-MM-DD`).

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
fn read(input: &HtmlInputElement, date: bool) -> Option<AnswerValue> {
    let raw = input.value();
    if raw.is_empty() {
        return input
            .validity()
            .bad_input()
            .then(|| AnswerValue::Text("?".into()));
    }
    if date {
        return Some(AnswerValue::Text(raw));
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
        Some(AnswerValue::Text(t)) if t != "?" => t,
        _ => String::new(),
    }
}

/// A labelled `<input type="number">` or `<input type="date">`. The
/// survey's bounds are the input's `min` and `max` only as hints for its
/// arrows and calendar: the answer is never clamped or rounded, and the
/// domain judges it.
#[component]
pub fn InputQuestion(
    /// A `number` or `date` question.
    question: Question,
) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let (kind, min, max, step, mode) = match question.kind.clone() {
        QuestionKind::Number { min, max, integer } => (
            "number",
            min.map(|m| m.to_string()),
            max.map(|m| m.to_string()),
            Some(if integer { "1" } else { "any" }),
            Some(if integer { "numeric" } else { "decimal" }),
        ),
        QuestionKind::Date { min, max } => ("date", min, max, None, None),
        _ => unreachable!("InputQuestion takes number and date questions"),
    };
    let date = kind == "date";
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
                if read(&el, date) != answer {
                    el.set_value(&write(answer));
                }
            }
        });
    }
    let on_input = {
        let qid = qid.clone();
        move |_| {
            if let Some(el) = node.get_untracked() {
                ctx.set(&qid, read(&el, date));
            }
        }
    };
    view! {
        <div class=classes(ctx, &question) on:focusout=on_leave(ctx, qid.clone())>
            <label class="suara-question__label" for=input_id.clone()>{label_content(ctx, &question)}</label>
            {help_and_error(ctx, &question)}
            <input
                type=kind
                id=input_id
                class=format!("suara-input suara-input--{kind}")
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
