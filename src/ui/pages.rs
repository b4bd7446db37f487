//! Moving through the survey one page at a time: which page shows, where
//! "Next" and "Back" go, the progress, and the review step.
//!
//! Every page stays in the document, hidden but for the current one, so
//! answers and each question's own state survive going back and forth.

use leptos::prelude::*;
use suara_domain::i18n::Msg;
use suara_domain::journey::{self, Forward};
use suara_domain::review::answer_words;

use super::{flag, focus_question, say, shown, words, FormCtx};

/// The element id of page `i`'s heading (the review's for the review step).
fn heading_id(i: usize) -> String {
    format!("suara-step-{i}")
}

/// Moves focus to the heading of step `to` (a page, or the review), which
/// says where the person now is: "Page 2 of 3, Your participation".
pub fn focus_step(ctx: FormCtx, to: usize) {
    request_animation_frame(move || {
        if let Some(h) = ctx.find(&heading_id(to)) {
            let _ = h.focus();
        }
    });
}

/// Moves focus where "Next" or submit left the person: the first problem,
/// or the heading of the page they moved to.
pub fn focus_after(ctx: FormCtx, forward: Forward) {
    match forward {
        Forward::Stay(first) => request_animation_frame(move || focus_question(ctx, &first)),
        Forward::Moved(to) => focus_step(ctx, to),
        Forward::Submit => {}
    }
}

/// Shows the page holding question `id` and moves focus to the question.
pub fn go_to_question(ctx: FormCtx, id: String) {
    ctx.act(|j, s| j.go_to_question(s, &id));
    request_animation_frame(move || focus_question(ctx, &id));
}

/// Whether the primary button submits from here (reactive).
pub fn submits_here(ctx: FormCtx) -> bool {
    ctx.hidden.with(|h| {
        ctx.journey
            .with(|j| ctx.survey.with_value(|s| j.submits_here(s, h)))
    })
}

/// The heading of page `i`: where the person is, when there is more than
/// one page, and the page's title. Focus moves here when the page shows.
pub fn page_heading(ctx: FormCtx, i: usize, title: Option<AnyView>) -> Option<AnyView> {
    let many = ctx.survey.with_value(|s| s.pages.len() > 1);
    if !many && title.is_none() {
        return None;
    }
    let progress = many.then(|| {
        let text = words(move || {
            let (n, of) = ctx
                .hidden
                .with(|h| ctx.survey.with_value(|s| journey::page_number(s, h, i)));
            ctx.msg(&Msg::PageOf { n, of })
        });
        view! { <span class="suara-page__progress">{text}</span> }.into_any()
    });
    Some(
        view! {
            <h2 class="suara-page__title" id=heading_id(i) tabindex="-1">{progress}" "{title}</h2>
        }
        .into_any(),
    )
}

/// A bar that fills as the person moves on; the page headings say the same
/// in words, so it is hidden from screen readers.
pub fn progress_bar(ctx: FormCtx) -> Option<AnyView> {
    ctx.survey.with_value(|s| s.pages.len() > 1).then(|| {
        let width = words(move || {
            let step = ctx.step();
            let percent = ctx
                .hidden
                .with(|h| ctx.survey.with_value(|s| journey::progress_percent(s, h, step)));
            format!("{percent}%")
        });
        view! {
            <div class="suara-progress" aria-hidden="true"><div class="suara-progress__bar" style:width=width></div></div>
        }
        .into_any()
    })
}

/// "Back", shown from the second page that shows on.
pub fn back_button(ctx: FormCtx) -> AnyView {
    let first = flag(move || {
        !ctx.hidden.with(|h| {
            ctx.journey
                .with(|j| ctx.survey.with_value(|s| j.can_go_back(s, h)))
        })
    });
    let back = move |_| {
        if let Some(to) = ctx.act(|j, s| j.back(s)) {
            focus_step(ctx, to);
        }
    };
    view! {
        <button type="button" class="suara-button" hidden=first on:click=back>
            {say(ctx, Msg::Back)}
        </button>
    }
    .into_any()
}

/// The review step: every question that shows, with its answer in words and
/// a button back to it.
pub fn review(ctx: FormCtx) -> AnyView {
    let step = ctx.survey.with_value(|s| journey::review_step(s));
    let items = shown(move || {
        if ctx.step() != step {
            return None;
        }
        let locale = ctx.locale.get();
        let items = ctx.hidden.with(|hidden| {
            ctx.journey.with(|j| {
                let answers = &j.answers;
                ctx.survey.with_value(|s| {
                    let mut items = Vec::new();
                    for q in s.questions().filter(|q| !hidden.contains(&q.id)) {
                        let label = ctx.tr(&q.label);
                        let lang = ctx.text_lang(&q.label);
                        let answer = answer_words(s, q, answers, &locale)
                            .unwrap_or_else(|| ctx.msg(&Msg::NotAnswered));
                        let id = q.id.clone();
                        items.push(
                            view! {
                                <div class="suara-review__item">
                                    <dt lang=lang.clone()>{label.clone()}</dt>
                                    <dd>{answer}</dd>
                                    <dd>
                                        <button type="button" class="suara-button suara-button--link" on:click=move |_| go_to_question(ctx, id.clone())>
                                            {ctx.msg(&Msg::Change)}
                                            <span class="suara-visually-hidden" lang=lang>" " {label}</span>
                                        </button>
                                    </dd>
                                </div>
                            }
                            .into_any(),
                        );
                    }
                    items
                })
            })
        });
        Some(view! { <dl class="suara-review__list">{items}</dl> }.into_any())
    });
    view! {
        <section class="suara-review" hidden=flag(move || ctx.step() != step)>
            <h2 class="suara-page__title" id=heading_id(step) tabindex="-1">{say(ctx, Msg::CheckAnswers)}</h2>
            {items}
        </section>
    }
    .into_any()
}
