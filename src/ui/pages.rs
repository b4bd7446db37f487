//! Moving through the survey one page at a time: which page shows, where
//! "Next" and "Back" go, the progress, and the review step.
//!
//! Every page stays in the document, hidden but for the current one, so
//! answers and each question's own state survive going back and forth.

use leptos::prelude::*;
use suara_domain::i18n::Msg;
use suara_domain::review::answer_words;

use super::{flag, focus_question, say, shown, words, FormCtx};

/// The step after the last page: the review, when the survey has one.
pub fn review_step(ctx: FormCtx) -> usize {
    ctx.survey.with_value(|s| s.pages.len())
}

/// The pages that show, by index: a page shows while any of its questions
/// does (reactive).
pub fn visible_pages(ctx: FormCtx) -> Vec<usize> {
    ctx.hidden.with(|hidden| {
        ctx.survey.with_value(|s| {
            let mut out = Vec::new();
            for (i, page) in s.pages.iter().enumerate() {
                if page.questions.iter().any(|q| !hidden.contains(&q.id)) {
                    out.push(i);
                }
            }
            out
        })
    })
}

/// The index of the page holding question `id`.
pub fn page_of(ctx: FormCtx, id: &str) -> usize {
    ctx.survey.with_value(|s| {
        s.pages
            .iter()
            .position(|p| p.questions.iter().any(|q| q.id == id))
            .unwrap_or(0)
    })
}

/// The element id of page `i`'s heading (the review's for the review step).
fn heading_id(i: usize) -> String {
    format!("suara-step-{i}")
}

/// Shows step `to` (a page, or the review) and moves focus to its heading,
/// which says where the person now is: "Page 2 of 3, Your participation".
pub fn go(ctx: FormCtx, to: usize) {
    ctx.step.set(to);
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(h) = document()
            .get_element_by_id(&heading_id(to))
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = h.focus();
        }
    });
}

/// Shows the page holding question `id` and moves focus to the question.
pub fn go_to_question(ctx: FormCtx, id: String) {
    ctx.step.set(page_of(ctx, &id));
    request_animation_frame(move || focus_question(&id));
}

/// What the primary button does from the current step.
pub enum Forward {
    /// The current page has problems: they show, and focus is on the first.
    Stay,
    /// Another page or the review was shown.
    Moved,
    /// Nothing is left to show: submit.
    Submit,
}

/// "Next": checks the current page, then shows the next page that shows,
/// or the review. Once the person has seen the review, it goes straight
/// back there unless a page in between needs an answer or is new to them
/// (a changed answer brought it in).
pub fn forward(ctx: FormCtx) -> Forward {
    let step = ctx.step.get_untracked();
    let review = review_step(ctx);
    if step >= review {
        return Forward::Submit;
    }
    // The page of each problem, in survey order.
    let errors = ctx.errors.get_untracked();
    let problems: Vec<usize> = errors.iter().map(|(q, _)| page_of(ctx, q)).collect();
    if let Some(i) = problems.iter().position(|&p| p == step) {
        ctx.show_all.set(true);
        let first = errors[i].0.clone();
        request_animation_frame(move || focus_question(&first));
        return Forward::Stay;
    }
    ctx.show_all.set(false);
    let visible = visible_pages(ctx);
    // Plain loops: iterator adaptors over these lists cost more wasm.
    let (next, has_review, ids) = ctx.reviewed.with_untracked(|seen| {
        ctx.survey.with_value(|s| {
            let mut next = None;
            let mut ids = Vec::new();
            for &p in &visible {
                let id = &s.pages[p].id;
                let stop = seen.is_empty() || problems.contains(&p) || !seen.contains(id);
                if next.is_none() && p > step && stop {
                    next = Some(p);
                }
                ids.push(id.clone());
            }
            (next, s.review, ids)
        })
    });
    match next {
        Some(p) => go(ctx, p),
        None if has_review => {
            ctx.reviewed.set(ids);
            go(ctx, review);
        }
        None => return Forward::Submit,
    }
    Forward::Moved
}

/// "Back": the page before, among those that show.
pub fn back(ctx: FormCtx) {
    let step = ctx.step.get_untracked();
    ctx.show_all.set(false);
    if let Some(p) = visible_pages(ctx).into_iter().rev().find(|&p| p < step) {
        go(ctx, p);
    }
}

/// Whether the primary button submits from here (reactive): on the review,
/// or on the last page that shows when there is no review.
pub fn submits_here(ctx: FormCtx) -> bool {
    let step = ctx.step.get();
    let review = review_step(ctx);
    step >= review
        || (!ctx.survey.with_value(|s| s.review)
            && visible_pages(ctx).last().is_none_or(|&last| step >= last))
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
            let pages = visible_pages(ctx);
            let n = pages.iter().position(|&p| p == i).unwrap_or(0) + 1;
            ctx.msg(&Msg::PageOf { n, of: pages.len() })
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
            let step = ctx.step.get();
            let pages = visible_pages(ctx);
            let done = pages.iter().filter(|&&p| p < step).count();
            format!("{}%", (done + 1) * 100 / (pages.len() + 1))
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
        let step = ctx.step.get();
        visible_pages(ctx).first().is_none_or(|&p| step <= p)
    });
    view! {
        <button type="button" class="suara-button" hidden=first on:click=move |_| back(ctx)>
            {say(ctx, Msg::Back)}
        </button>
    }
    .into_any()
}

/// The review step: every question that shows, with its answer in words and
/// a button back to it.
pub fn review(ctx: FormCtx) -> AnyView {
    let step = review_step(ctx);
    let items = shown(move || {
        if ctx.step.get() != step {
            return None;
        }
        let locale = ctx.locale.get();
        let items = ctx.hidden.with(|hidden| {
            ctx.answers.with(|answers| {
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
        <section class="suara-review" hidden=flag(move || ctx.step.get() != step)>
            <h2 class="suara-page__title" id=heading_id(step) tabindex="-1">{say(ctx, Msg::CheckAnswers)}</h2>
            {items}
        </section>
    }
    .into_any()
}
