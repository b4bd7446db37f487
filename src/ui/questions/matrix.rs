//! A matrix: several statements rated on one scale.

use std::sync::Arc;

use leptos::prelude::*;
use suara_domain::answer::with_row;
use suara_domain::{AnswerValue, Question, QuestionKind};

use super::fieldset;
use super::group::radios;
use crate::ui::{ids, show, words, FormCtx, Items};

/// The question's fieldset holds one fieldset per row: its legend is the
/// row's statement, its radios (the same list as a Likert question's) are
/// the columns, each labelled by its column's words, so Tab reaches a row
/// and the arrow keys choose. On a narrow screen the rows stack, each radio
/// beside its words; where the question is wide enough (a container query
/// in the CSS) the rows line up under one row of column headings. The
/// headings are hidden from screen readers, since each radio keeps its own
/// label, there out of sight.
#[component]
pub fn MatrixQuestion(
    /// A `matrix` question.
    question: Question,
) -> impl IntoView {
    let ctx = expect_context::<FormCtx>();
    let QuestionKind::Matrix { rows, columns } = question.kind.clone() else {
        unreachable!("MatrixQuestion takes matrix questions")
    };
    let qid = question.id.clone();
    let all_rows = Arc::new(rows.clone());
    let columns = Arc::new(columns);
    let headings = columns
        .iter()
        .map(|c| show(ctx, c.label.clone()))
        .collect::<Items>();
    let body = rows
        .into_iter()
        .map(|row| {
            let answered = {
                let (qid, row) = (qid.clone(), row.value.clone());
                move |column: Option<&str>| {
                    matches!(ctx.answer(&qid), Some(AnswerValue::Rows(r))
                        if r.iter().any(|(a, c)| *a == row && column.is_none_or(|v| v == c)))
                }
            };
            // While the question's error shows, the rows still to answer stand out.
            let class = {
                let (qid, answered) = (qid.clone(), answered.clone());
                words(move || {
                    if ctx.shown_error(&qid).is_some() && !answered(None) {
                        "suara-matrix__row suara-matrix__row--missing"
                    } else {
                        "suara-matrix__row"
                    }
                    .to_owned()
                })
            };
            let texts = columns
                .iter()
                .map(|c| (show(ctx, c.label.clone()), None))
                .collect();
            let checked = {
                let (answered, columns) = (answered.clone(), columns.clone());
                Arc::new(move |i: usize| answered(columns.get(i).map(|c| c.value.as_str())))
            };
            let choose = {
                let (qid, row, columns, all_rows) = (
                    qid.clone(),
                    row.value.clone(),
                    columns.clone(),
                    all_rows.clone(),
                );
                Arc::new(move |i: usize| {
                    let before = ctx.answer_untracked(&qid);
                    let column = columns.get(i).map_or("", |c| c.value.as_str());
                    ctx.set(
                        &qid,
                        Some(with_row(&all_rows, before.as_ref(), &row, column)),
                    );
                })
            };
            let name = format!("{}-{}", ids::input(&qid), row.value);
            let class_list = "suara-options suara-options--matrix".to_owned();
            let list = radios(name, class_list, texts, checked, choose);
            view! {
                <fieldset class=class>
                    <legend class="suara-matrix__statement">{show(ctx, row.label)}</legend>
                    {list}
                </fieldset>
            }
        })
        .map(IntoAny::into_any)
        .collect::<Items>();
    // Set through the CSSOM (`setProperty`), not a `style` attribute, which a
    // strict Content-Security-Policy (`style-src 'self'`) would block.
    let style = ("--suara-columns", columns.len().to_string());
    let grid = view! {
        <div class="suara-matrix" style=style>
            <div class="suara-matrix__head" aria-hidden="true">
                <span class="suara-matrix__headings">{headings}</span>
            </div>
            {body}
        </div>
    }
    .into_any();
    fieldset(ctx, &question, &[], grid)
}
