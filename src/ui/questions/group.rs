//! Questions answered by picking one of a few answers that the widget words
//! itself (or the survey, for a Likert scale's own labels): yes or no, an
//! agree scale, and faces from unhappy to happy.

use leptos::prelude::*;
use suara_domain::i18n::{face_glyph, Msg};
use suara_domain::{AnswerValue, Question, QuestionKind};

use super::fieldset;
use crate::ui::{flag, ids, say, show, FormCtx, Items};

/// A radio group in a fieldset whose legend is the question; each answer is
/// a radio named by its words, and the stored value is the answer's, never
/// its words. A face shows large above its words, hidden from screen
/// readers, with the radio itself out of sight: the whole tile is the target.
#[component]
pub fn GroupQuestion(
    /// A `yes_no`, `likert` or `smiley` question.
    question: Question,
) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let said = |msg| say(ctx, msg).into_any();
    // (stored value, words, face)
    let picks: Vec<(AnswerValue, AnyView, Option<&str>)> = match &question.kind {
        QuestionKind::YesNo => vec![
            (AnswerValue::Bool(true), said(Msg::Yes), None),
            (AnswerValue::Bool(false), said(Msg::No), None),
        ],
        // Every point named, not only the ends.
        QuestionKind::Likert { points, labels } => (1..=*points)
            .map(|n| {
                let text = match labels {
                    Some(labels) => show(ctx, labels[usize::from(n - 1)].clone()),
                    None => said(Msg::likert(n, *points)),
                };
                (AnswerValue::Number(n.into()), text, None)
            })
            .collect(),
        QuestionKind::Smiley { faces } => (1..=*faces)
            .map(|n| {
                let msg = Msg::face(n, *faces);
                let glyph = match msg {
                    Msg::Face(level) => face_glyph(level),
                    _ => "",
                };
                (AnswerValue::Number(n.into()), said(msg), Some(glyph))
            })
            .collect(),
        _ => unreachable!("GroupQuestion takes yes_no, likert and smiley questions"),
    };
    let qid = question.id.clone();
    let name = ids::input(&qid);
    let items = picks
        .into_iter()
        .enumerate()
        .map(|(i, (value, text, glyph))| {
            let qid = qid.clone();
            let read_qid = qid.clone();
            let chosen = value.clone();
            view! {
                <li class="suara-options__item">
                    <label class=if glyph.is_some() { "suara-option suara-option--face" } else { "suara-option" }>
                        <input
                            type="radio"
                            class=glyph.map(|_| "suara-visually-hidden")
                            name=name.clone()
                            value=i.to_string()
                            prop:checked=flag(move || ctx.answer(&read_qid).as_ref() == Some(&chosen))
                            on:change=move |_| ctx.set(&qid, Some(value.clone()))
                        />
                        {glyph.map(|g| view! { <span class="suara-option__face" aria-hidden="true">{g}</span> })}
                        <span class="suara-option__label">{text}</span>
                    </label>
                </li>
            }
        })
        .map(IntoAny::into_any)
        .collect::<Items>();
    let list_class = format!("suara-options suara-options--{}", question.kind.name());
    let list = view! { <ul class=list_class role="list">{items}</ul> }.into_any();
    fieldset(ctx, &question, &[], list)
}
