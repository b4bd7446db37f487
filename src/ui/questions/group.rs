//! Questions answered by picking one of a few answers that the widget words
//! itself (or the survey, for a Likert scale's own labels): yes or no, an
//! agree scale, and faces from unhappy to happy.

use std::sync::Arc;

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
    let picks: Vec<(AnswerValue, AnyView, Option<&'static str>)> = match &question.kind {
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
    let (texts, values): (Vec<_>, Vec<_>) = picks
        .into_iter()
        .map(|(value, text, glyph)| ((text, glyph), value))
        .unzip();
    let values = Arc::new(values);
    let checked = {
        let (qid, values) = (qid.clone(), values.clone());
        Arc::new(move |i: usize| ctx.answer(&qid).as_ref() == values.get(i))
    };
    let choose = {
        let qid = qid.clone();
        Arc::new(move |i: usize| ctx.set(&qid, values.get(i).cloned()))
    };
    let list_class = format!("suara-options suara-options--{}", question.kind.name());
    let list = radios(ids::input(&qid), list_class, texts, checked, choose);
    fieldset(ctx, &question, &[], list)
}

/// Whether a list's answer `i` is chosen (reactive).
pub(super) type Checked = Arc<dyn Fn(usize) -> bool + Send + Sync>;
/// Chooses a list's answer `i`.
pub(super) type Choose = Arc<dyn Fn(usize) + Send + Sync>;

/// A list of radios named `name`, one per answer in `texts`, each labelled
/// by its words; with a face, the face shows large above them, hidden from
/// screen readers, and the radio itself is out of sight: the whole tile is
/// the target. Shared by the groups here and a matrix's rows.
pub(super) fn radios(
    name: String,
    class: String,
    texts: Vec<(AnyView, Option<&'static str>)>,
    checked: Checked,
    choose: Choose,
) -> AnyView {
    let items = texts
        .into_iter()
        .enumerate()
        .map(|(i, (text, glyph))| {
            let (checked, choose) = (checked.clone(), choose.clone());
            view! {
                <li class="suara-options__item">
                    <label class=if glyph.is_some() { "suara-option suara-option--face" } else { "suara-option" }>
                        <input
                            type="radio"
                            class=glyph.map(|_| "suara-visually-hidden")
                            name=name.clone()
                            value=i.to_string()
                            prop:checked=flag(move || checked(i))
                            on:change=move |_| choose(i)
                        />
                        {glyph.map(|g| view! { <span class="suara-option__face" aria-hidden="true">{g}</span> })}
                        <span class="suara-option__label">{text}</span>
                    </label>
                </li>
            }
        })
        .map(IntoAny::into_any)
        .collect::<Items>();
    view! { <ul class=class role="list">{items}</ul> }.into_any()
}
