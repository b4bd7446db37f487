//! Star ratings and the 0-10 Net Promoter Score.

use leptos::prelude::*;
use suara_domain::i18n::Msg;
use suara_domain::{AnswerValue, Question, QuestionKind};

use super::fieldset;
use crate::ui::{flag, ids, say, words, FormCtx};

/// A row of numbered choices in a fieldset: stars for `rating` (each named
/// "n of max stars"), 0 to 10 for `nps` with its end points explained.
#[component]
pub fn ScaleQuestion(
    /// A `rating` or `nps` question.
    question: Question,
) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let (min, max, stars) = match question.kind {
        QuestionKind::Rating { min, max } => (min, max, true),
        QuestionKind::Nps => (0, 10, false),
        _ => unreachable!("ScaleQuestion takes rating and nps questions"),
    };
    let qid = question.id.clone();
    let anchors_id = format!("{}-anchors", ids::input(&qid));
    let selected = {
        let qid = qid.clone();
        move || match ctx.answer(&qid) {
            Some(AnswerValue::Number(n)) => n.as_i64(),
            _ => None,
        }
    };
    let items = (min..=max)
        .map(|n| {
            let qid = qid.clone();
            let selected = selected.clone();
            let checked = selected.clone();
            let name = ids::input(&qid);
            let class = words(move || {
                let on = selected().is_some_and(|s| {
                    if stars {
                        i64::from(n) <= s
                    } else {
                        i64::from(n) == s
                    }
                });
                if on {
                    "suara-scale__choice suara-scale__choice--on"
                } else {
                    "suara-scale__choice"
                }
                .to_owned()
            });
            let face = if stars {
                view! {
                    <span class="suara-scale__star" aria-hidden="true">"★"</span>
                    <span class="suara-visually-hidden">{say(ctx, Msg::Stars { n, max })}</span>
                }
                .into_any()
            } else {
                view! { <span class="suara-scale__number">{n}</span> }.into_any()
            };
            view! {
                <label class=class>
                    <input
                        type="radio"
                        class="suara-visually-hidden"
                        name=name
                        value=n.to_string()
                        prop:checked=flag(move || checked() == Some(i64::from(n)))
                        on:change=move |_| ctx.set(&qid, Some(AnswerValue::Number(n.into())))
                    />
                    {face}
                </label>
            }
        })
        .map(IntoAny::into_any)
        .collect::<crate::ui::Items>();
    let anchors = (!stars).then(|| {
        view! {
            <p class="suara-scale__anchors" id=anchors_id.clone()>
                <span>{say(ctx, Msg::NpsLow)}</span>
                <span>{say(ctx, Msg::NpsHigh)}</span>
            </p>
        }
        .into_any()
    });
    let extra: Vec<String> = (!stars).then(|| anchors_id.clone()).into_iter().collect();
    let scale_class = if stars {
        "suara-scale suara-scale--stars"
    } else {
        "suara-scale suara-scale--nps"
    };
    let body = view! { <div class=scale_class>{items}</div> {anchors} }.into_any();
    fieldset(ctx, &question, &extra, body)
}
