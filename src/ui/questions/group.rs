//! Questions answered by picking one of a few answers that the widget words
//! itself (or the survey, for a Likert scale's own labels): yes or no, and
//! an agree scale.

use leptos::prelude::*;
use suara_domain::i18n::Msg;
use suara_domain::{AnswerValue, Question, QuestionKind};

use super::{classes, described_by, help_and_error, label_content, on_leave};
use crate::ui::{flag, ids, say, show, FormCtx, Items};

/// A radio group in a fieldset whose legend is the question; each answer is
/// a radio named by its words, and the stored value is the answer's, never
/// its words.
#[component]
pub fn GroupQuestion(
    /// A `yes_no` or `likert` question.
    question: Question,
) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let said = |msg| say(ctx, msg).into_any();
    let picks: Vec<(AnswerValue, AnyView)> = match &question.kind {
        QuestionKind::YesNo => vec![
            (AnswerValue::Bool(true), said(Msg::Yes)),
            (AnswerValue::Bool(false), said(Msg::No)),
        ],
        // Every point named, not only the ends.
        QuestionKind::Likert { points, labels } => (1..=*points)
            .map(|n| {
                let text = match labels {
                    Some(labels) => show(ctx, labels[usize::from(n - 1)].clone()),
                    None => said(Msg::likert(n, *points)),
                };
                (AnswerValue::Number(n.into()), text)
            })
            .collect(),
        _ => unreachable!("GroupQuestion takes yes_no and likert questions"),
    };
    let qid = question.id.clone();
    let name = ids::input(&qid);
    let items = picks
        .into_iter()
        .enumerate()
        .map(|(i, (value, text))| {
            let qid = qid.clone();
            let read_qid = qid.clone();
            let chosen = value.clone();
            view! {
                <li class="suara-options__item">
                    <label class="suara-option">
                        <input
                            type="radio"
                            name=name.clone()
                            value=i.to_string()
                            prop:checked=flag(move || ctx.answer(&read_qid).as_ref() == Some(&chosen))
                            on:change=move |_| ctx.set(&qid, Some(value.clone()))
                        />
                        <span class="suara-option__label">{text}</span>
                    </label>
                </li>
            }
        })
        .map(IntoAny::into_any)
        .collect::<Items>();
    let list_class = format!("suara-options suara-options--{}", question.kind.name());
    view! {
        <fieldset
            class=classes(ctx, &question)
            id=ids::input(&qid)
            aria-describedby=described_by(ctx, &question, &[])
            on:focusout=on_leave(ctx, qid.clone())
        >
            <legend class="suara-question__label">{label_content(ctx, &question)}</legend>
            {help_and_error(ctx, &question)}
            <ul class=list_class role="list">{items}</ul>
        </fieldset>
    }
}
