//! A ranking: the person puts every option in their order.

use std::sync::Arc;

use leptos::prelude::*;
use suara_domain::answer::ranking;
use suara_domain::i18n::Msg;
use suara_domain::{AnswerValue, ChoiceOption, Question, QuestionKind};

use super::fieldset;
use crate::ui::{flag, ids, say, words, FormCtx, Items};

/// The order to show: the person's, once they have given one, else the survey's.
fn shown_order(options: &[ChoiceOption], answer: Option<AnswerValue>) -> Vec<usize> {
    match answer {
        Some(AnswerValue::Choices(order)) => ranking(options, &order),
        _ => None,
    }
    .unwrap_or_else(|| (0..options.len()).collect())
}

/// An ordered list with no dragging: each place shows its number, the item
/// there, and "Move … up" and "Move … down" buttons named with the item. The
/// places stay; the items move through them, so after a move focus goes to
/// the same button of the item's new place (the other one at either end),
/// and a polite live region says where the item is now. Until the person
/// moves an item or ticks "Keep this order", the question has no answer: the
/// survey's order is only what is shown first.
#[component]
pub fn RankingQuestion(
    /// A `ranking` question.
    question: Question,
) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let QuestionKind::Ranking { options } = question.kind.clone() else {
        unreachable!("RankingQuestion takes ranking questions")
    };
    let qid = question.id.clone();
    let count = options.len();
    let options = Arc::new(options);
    let base = ids::input(&qid);
    // What the live region says after a move. A `Msg`, not the option and
    // its place: the form's own message signal has this type, and a signal
    // of a new type brings its own copy of the signal code.
    let moved = RwSignal::new(None::<Msg>);
    let order = {
        let (qid, options) = (qid.clone(), options.clone());
        move || shown_order(&options, ctx.answer(&qid))
    };
    // Answers the question with `order`.
    let answer = {
        let (qid, options) = (qid.clone(), options.clone());
        move |order: &[usize]| {
            let values = order.iter().map(|&i| options[i].value.clone()).collect();
            ctx.set(&qid, Some(AnswerValue::Choices(values)));
        }
    };
    let current = {
        let (qid, options) = (qid.clone(), options.clone());
        move || shown_order(&options, ctx.answer_untracked(&qid))
    };
    let places = (0..count)
        .map(|at| {
            let label = {
                let (order, options) = (order.clone(), options.clone());
                move || options[order()[at]].label.clone()
            };
            let name = {
                let label = label.clone();
                move || ctx.tr(&label())
            };
            let lang = {
                let label = label.clone();
                words(move || ctx.text_lang(&label()))
            };
            let button = |up: bool| {
                let (current, answer, base) = (current.clone(), answer.clone(), base.clone());
                let options = options.clone();
                let name = name.clone();
                let to = if up { at.wrapping_sub(1) } else { at + 1 };
                let (id, glyph) = if up {
                    (format!("{base}-{at}-up"), "↑")
                } else {
                    (format!("{base}-{at}-down"), "↓")
                };
                let on_click = move |_: leptos::ev::MouseEvent| {
                    let mut order = current();
                    order.swap(at, to);
                    answer(&order);
                    let item = ctx.tr(&options[order[to]].label);
                    moved.set(Some(Msg::Ranked {
                        item,
                        at: to + 1,
                        of: count,
                    }));
                    // The same button of the item's new place, unless that
                    // place is at the end the item moved towards.
                    let same = if up { to > 0 } else { to + 1 < count };
                    let id = format!("{base}-{to}-{}", if same == up { "up" } else { "down" });
                    request_animation_frame(move || {
                        if let Some(el) = ctx.find(&id) {
                            let _ = el.focus();
                        }
                    });
                };
                let aria = words(move || {
                    let item = name();
                    ctx.msg(&if up {
                        Msg::MoveUp(item)
                    } else {
                        Msg::MoveDown(item)
                    })
                });
                view! {
                    <button
                        type="button"
                        class="suara-button suara-ranking__move"
                        id=id
                        aria-label=aria
                        disabled={to >= count}
                        on:click=on_click
                    >
                        {glyph}
                    </button>
                }
            };
            view! {
                <li class="suara-ranking__item">
                    <span class="suara-ranking__place">{(at + 1).to_string()}</span>
                    <span class="suara-ranking__label" lang=lang>{words(name.clone())}</span>
                    {button(true)}
                    {button(false)}
                </li>
            }
        })
        .map(IntoAny::into_any)
        .collect::<Items>();
    // Said only while answered: after "Start a new response" the next person
    // must not find the last one's move in the page.
    let said = {
        let qid = qid.clone();
        words(move || match (moved.get(), ctx.answer(&qid)) {
            (Some(m), Some(_)) => ctx.msg(&m),
            _ => String::new(),
        })
    };
    let kept = {
        let qid = qid.clone();
        flag(move || ctx.answer(&qid).is_some())
    };
    let keep = move |ev: leptos::ev::Event| {
        if event_target_checked(&ev) {
            answer(&current());
        } else {
            ctx.set(&qid, None);
        }
    };
    let body = view! {
        <ol class="suara-options suara-ranking" role="list">{places}</ol>
        <label class="suara-option suara-ranking__keep">
            <input type="checkbox" prop:checked=kept on:change=keep />
            <span class="suara-option__label">{say(ctx, Msg::KeepOrder)}</span>
        </label>
        <p class="suara-visually-hidden" role="status">{said}</p>
    }
    .into_any();
    fieldset(ctx, &question, &[], body)
}
