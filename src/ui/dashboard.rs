//! The organiser's dashboard: the responses on this device and in any
//! number of the widget's JSON export files, merged and counted by the
//! domain (`suara_domain::dashboard`), drawn as bar charts (accessible SVG
//! with a title and a description) each beside a table of the same
//! figures. Hidden counts come from the domain; this only draws them.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use suara_domain::dashboard::{
    self, Baseline, BaselineError, Count, Dashboard, Dataset, Source, Table,
};
use suara_domain::i18n::{self, DashboardMsg as Msg};
use suara_domain::merge;
use suara_domain::{Response, Survey};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::organiser::Say;
use super::Items;
use crate::io::{self, download, json, store};

/// A file read from the picker: its name and its responses, or why not.
type Read = Result<Source, (String, String)>;

/// The text of every file in `files` (chosen in the picker, or dropped
/// on the dashboard), in order.
async fn read_files(files: web_sys::FileList) -> Vec<Read> {
    let mut out = Vec::new();
    for i in 0..files.length() {
        let Some(file) = files.get(i) else { continue };
        let name = file.name();
        let text = match JsFuture::from(file.text()).await {
            Ok(t) => t.as_string().unwrap_or_default(),
            Err(e) => {
                out.push(Err((name, io::js_message(&e))));
                continue;
            }
        };
        let read = json::parse(text.trim_start_matches('\u{feff}'))
            .and_then(merge::read_export_value)
            .map(|f| Source {
                name: name.clone(),
                responses: f.responses,
            })
            .map_err(|why| (name, why));
        out.push(read);
    }
    out
}

/// The words of a code: an option's label, or the dashboard's own words.
fn code_words(survey: &Survey, question: &str, code: &str, say: Say) -> String {
    let id = question.split('.').next().unwrap_or(question);
    let label = survey.question(id).and_then(|q| match &q.kind {
        suara_domain::QuestionKind::Matrix { columns, .. } => {
            columns.iter().find(|c| c.value == code).map(|c| &c.label)
        }
        // "Other, please describe": its label, else the widget's "Other".
        kind if code == suara_domain::survey::OTHER_VALUE => kind
            .choices()
            .and_then(|(_, other)| other)
            .and_then(|o| o.label.as_ref()),
        kind => kind
            .choices()
            .and_then(|(options, _)| options.iter().find(|o| o.value == code).map(|o| &o.label)),
    });
    match label {
        Some(l) => survey.tr(l, say.0).to_owned(),
        None => said(say, &Msg::Code(code.to_owned())),
    }
}

/// The dashboard's words in the page's language.
fn said(say: Say, msg: &Msg) -> String {
    i18n::dashboard_text(say.0, msg)
}

/// `s` as text in markup.
fn figure(v: f64) -> String {
    dashboard::decimal(v, 2, true)
}

/// One table as a bar chart and a data table. `n` makes its ids unique.
fn chart(survey: &Survey, table: &Table, title: String, say: Say, n: usize) -> AnyView {
    let row = table.all();
    let cells: Vec<_> = row
        .cells
        .iter()
        .filter(|c| c.code != dashboard::TOTAL)
        .collect();
    let labels: Vec<String> = cells
        .iter()
        .map(|c| code_words(survey, &table.question, &c.code, say))
        .collect();
    let hidden = said(say, &Msg::Hidden);
    let count_text = |c: Count| match c {
        Count::Shown(v) => v.to_string(),
        Count::Hidden => hidden.clone(),
    };
    // The chart as SVG elements (never markup: every text is a text node).
    // Presentation attributes inline: the pages' stylesheets are the
    // respondent's too, and grow for no chart.
    let bar_h = 22;
    let height = cells.len() * bar_h + 4;
    let title_id = format!("suara-chart-{n}-title");
    let desc_id = format!("suara-chart-{n}-desc");
    let desc = said(say, &Msg::ChartDesc { bars: cells.len() });
    let bars = cells
        .iter()
        .zip(&labels)
        .enumerate()
        .map(|(i, (c, label))| {
            let y = i * bar_h;
            let width = c.share.map_or(0.0, |s| s * 300.0);
            let hidden_bar = c.count == Count::Hidden;
            // Reach: the population's share as a mark across the bar.
            let mark = c.baseline_share.map(|b| {
                let x = format!("{:.1}", 200.0 + b * 300.0);
                view! {
                    <line x1=x.clone() x2=x y1=(y + 1).to_string() y2=(y + 21).to_string()
                        stroke="currentColor" stroke-width="2"></line>
                }
            });
            view! {
                <g>
                    <text x="0" y=(y + 15).to_string() fill="currentColor" font-size="12">{label.clone()}</text>
                    <rect fill=if hidden_bar { "none" } else { "currentColor" }
                        stroke=hidden_bar.then_some("currentColor")
                        stroke-dasharray=hidden_bar.then_some("3 2")
                        x="200" y=(y + 3).to_string() width=format!("{width:.1}") height="16"></rect>
                    {mark}
                    <text x=format!("{:.1}", 204.0 + width) y=(y + 15).to_string()
                        fill="currentColor" font-size="12">{count_text(c.count)}</text>
                </g>
            }
            .into_any()
        })
        .collect::<Items>();
    let labelledby = format!("{title_id} {desc_id}");
    let svg = view! {
        <svg class="suara-chart__svg" role="img" aria-labelledby=labelledby
            viewBox=format!("0 0 560 {height}") width="560" height=height.to_string()>
            <title id=title_id>{title.clone()}</title>
            <desc id=desc_id>{desc}</desc>
            {bars}
        </svg>
    };
    let rows = row
        .cells
        .iter()
        .map(|c| {
            let label = code_words(survey, &table.question, &c.code, say);
            let share = c
                .share
                .map(|s| format!("{}%", figure(s * 100.0)))
                .unwrap_or_default();
            let count = count_text(c.count);
            let percent = |v: Option<f64>| {
                v.map(|s| format!("{}%", figure(s * 100.0)))
                    .unwrap_or_default()
            };
            let reach = (table.table == "reach").then(|| {
                let ratio = c.reach_ratio.map(figure).unwrap_or_default();
                view! { <td>{percent(c.baseline_share)}</td><td>{ratio}</td> }
            });
            view! { <tr><th scope="row">{label}</th><td>{count}</td><td>{share}</td>{reach}</tr> }
                .into_any()
        })
        .collect::<Items>();
    let stats = row
        .stats
        .iter()
        .map(|s| {
            let value = s.value.map(|v| {
                if s.table == "nps" {
                    figure(v * 100.0)
                } else {
                    figure(v)
                }
            });
            let of = code_words(survey, &table.question, &s.code, say);
            let text = said(
                say,
                &Msg::Figure {
                    table: s.table,
                    of,
                    value,
                },
            );
            view! { <p class="suara-chart__figure">{text}</p> }.into_any()
        })
        .collect::<Items>();
    let question = table.question.clone();
    view! {
        <figure class="suara-chart" data-table=table.table data-question=question>
            <figcaption class="suara-chart__title">{title.clone()}</figcaption>
            <div class="suara-chart__picture">{svg}</div>
            <table class="suara-chart__table">
                <caption>{title}</caption>
                <thead><tr>
                    <th scope="col">{said(say, &Msg::ColumnAnswer)}</th>
                    <th scope="col">{said(say, &Msg::ColumnCount)}</th>
                    <th scope="col">{said(say, &Msg::ColumnShare)}</th>
                    {(table.table == "reach").then(|| view! {
                        <th scope="col">{said(say, &Msg::ColumnBaseline)}</th>
                        <th scope="col">{said(say, &Msg::ColumnRatio)}</th>
                    })}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            {stats}
        </figure>
    }
    .into_any()
}

/// A breakdown as a table: a row per group (every response first), a
/// column per code, each count with its share of the group, and the
/// group's figures.
fn breakdown_table(survey: &Survey, table: &Table, title: String, say: Say) -> AnyView {
    let hidden = said(say, &Msg::Hidden);
    let codes: Vec<String> = table.all().cells.iter().map(|c| c.code.clone()).collect();
    let head = codes
        .iter()
        .map(|c| {
            let label = code_words(survey, &table.question, c, say);
            view! { <th scope="col">{label}</th> }.into_any()
        })
        .collect::<Items>();
    let by = table.group_by.clone().unwrap_or_default();
    let figures_head = table
        .all()
        .stats
        .iter()
        .map(|s| {
            let of = code_words(survey, &table.question, &s.code, say);
            let name = said(
                say,
                &Msg::Figure {
                    table: s.table,
                    of,
                    value: None,
                },
            );
            let name = name
                .rsplit_once(':')
                .map_or(name.clone(), |(n, _)| n.to_owned());
            view! { <th scope="col">{name}</th> }.into_any()
        })
        .collect::<Items>();
    let rows = table
        .rows
        .iter()
        .map(|r| {
            let group = match &r.group {
                None => said(say, &Msg::Code(dashboard::TOTAL.to_owned())),
                Some(g) => code_words(survey, &by, g, say),
            };
            let cells = r
                .cells
                .iter()
                .map(|c| {
                    let text = match (c.count, c.share) {
                        (Count::Shown(n), Some(s)) => format!("{n} ({}%)", figure(s * 100.0)),
                        (Count::Shown(n), None) => n.to_string(),
                        (Count::Hidden, _) => hidden.clone(),
                    };
                    view! { <td>{text}</td> }.into_any()
                })
                .collect::<Items>();
            let figures = r
                .stats
                .iter()
                .map(|s| {
                    let v = s.value.map_or(hidden.clone(), |v| {
                        figure(if s.table == "nps" { v * 100.0 } else { v })
                    });
                    view! { <td>{v}</td> }.into_any()
                })
                .collect::<Items>();
            view! { <tr><th scope="row">{group}</th>{cells}{figures}</tr> }.into_any()
        })
        .collect::<Items>();
    let question = table.question.clone();
    view! {
        <div class="suara-breakdown" data-question=question data-by=by.clone()>
            <table class="suara-chart__table">
                <caption>{title}</caption>
                <thead><tr><th scope="col">{said(say, &Msg::ColumnGroup)}</th>{head}{figures_head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The label of the question `id` in the page's language.
fn label_of(survey: &Survey, id: &str, say: Say) -> String {
    survey
        .question(id)
        .map(|q| survey.tr(&q.label, say.0).to_owned())
        .unwrap_or_default()
}

/// The dashboard: the file picker, what was counted, the overview and
/// every question, and the aggregate CSV's download.
#[component]
pub fn DashboardPanel(
    /// The survey whose responses are counted.
    survey: Arc<Survey>,
    /// The page's words.
    say: Say,
) -> impl IntoView {
    let device = RwSignal::new(Vec::<Response>::new());
    let files = RwSignal::new(Vec::<Source>::new());
    let refused = RwSignal::new(Vec::<(String, String)>::new());
    let id = survey.id.clone();
    spawn_local(async move {
        if let Ok((records, _)) = store::all().await {
            let mine = records
                .into_iter()
                .map(|r| r.response)
                .filter(|r| r.survey_id == id)
                .collect();
            device.set(mine);
        }
    });
    let add = move |list: web_sys::FileList| {
        spawn_local(async move {
            for read in read_files(list).await {
                match read {
                    Ok(source) => files.update(|f| f.push(source)),
                    Err(why) => refused.update(|r| r.push(why)),
                }
            }
        });
    };
    let on_files = move |ev: leptos::ev::Event| {
        let list = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files());
        if let Some(list) = list {
            add(list);
        }
    };
    // Files dropped anywhere on the dashboard are added as if chosen.
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if let Some(list) = ev.data_transfer().and_then(|d| d.files()) {
            add(list);
        }
    };
    // A population baseline from a file, or its problems.
    let baseline = RwSignal::new(None::<Result<Baseline, Vec<BaselineError>>>);
    let baseline_survey = survey.clone();
    let on_baseline = move |ev: leptos::ev::Event| {
        let Some(list) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
        else {
            return;
        };
        let survey = baseline_survey.clone();
        spawn_local(async move {
            let Some(file) = list.get(0) else { return };
            let text = JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            let read = match json::parse(text.trim_start_matches('\u{feff}')) {
                Ok(v) => Baseline::from_value(&v, &survey, "$"),
                Err(why) => Err(vec![BaselineError {
                    path: "$".to_owned(),
                    problem: dashboard::BaselineProblem::NotJson(why),
                }]),
            };
            baseline.set(Some(read));
        });
    };
    // The survey's `privacy.k`, which its inclusion consent screen states.
    let k = survey.privacy_k;
    let data = {
        let survey = survey.clone();
        Memo::new(move |_| {
            let mut sources = vec![Source {
                name: "this device".to_owned(),
                responses: device.get(),
            }];
            sources.extend(files.get());
            Arc::new(Dataset::gather(&survey, sources))
        })
    };
    let csv_survey = survey.clone();
    let download_csv = move |_| {
        let data = data.get_untracked();
        let d = Dashboard::new(&csv_survey, &data, k, None);
        let mut tables = d.overview();
        if let Some(Ok(b)) = baseline.get_untracked() {
            tables.extend(d.reach(&b));
        }
        tables.extend(d.questions());
        let now = io::now_rfc3339();
        let name = suara_domain::export::file_name(&csv_survey, &now, "csv")
            .replace(".csv", "-aggregate.csv");
        let _ = download::save(&name, "text/csv;charset=utf-8", &dashboard::to_csv(&tables));
    };
    let body_survey = survey.clone();
    let body = move || {
        let survey: &Survey = &body_survey;
        let data = data.get();
        let d = Dashboard::new(survey, &data, k, None);
        let counted = said(
            say,
            &Msg::Counted {
                responses: data.responses.len(),
                sources: data.sources.len(),
                duplicates: data.duplicates,
                conflicts: data.conflicts.len(),
            },
        );
        let mut n = 0;
        let mut charts = Vec::new();
        for t in d.overview() {
            n += 1;
            charts.push(chart(
                survey,
                &t,
                said(say, &Msg::OverviewTitle(t.table)),
                say,
                n,
            ));
        }
        let mut problems = Vec::new();
        match baseline.get() {
            Some(Ok(b)) => {
                for t in d.reach(&b) {
                    n += 1;
                    let of = survey
                        .question(&t.question)
                        .map(|q| survey.tr(&q.label, say.0).to_owned())
                        .unwrap_or_default();
                    let title = said(
                        say,
                        &Msg::ReachTitle {
                            of,
                            source: b.source.clone(),
                        },
                    );
                    charts.push(chart(survey, &t, title, say, n));
                }
            }
            Some(Err(errors)) => {
                problems = errors
                    .iter()
                    .map(|e| dashboard::baseline::line(say.0, e))
                    .collect();
            }
            None => {}
        }
        for t in d.questions() {
            n += 1;
            let id = t.question.split('.').next().unwrap_or_default();
            let mut title = survey
                .question(id)
                .map(|q| survey.tr(&q.label, say.0).to_owned())
                .unwrap_or_default();
            if let Some(row) = t.question.split_once('.').map(|(_, r)| r) {
                if let Some(suara_domain::QuestionKind::Matrix { rows, .. }) =
                    survey.question(id).map(|q| &q.kind)
                {
                    if let Some(r) = rows.iter().find(|x| x.value == row) {
                        title = format!("{title}: {}", survey.tr(&r.label, say.0));
                    }
                }
            }
            charts.push(chart(survey, &t, title, say, n));
        }
        view! {
            <p class="suara-dashboard__counted" role="status">{counted}</p>
            <ul class="suara-alert">{problems.into_iter().map(|p| view! { <li>{p}</li> }.into_any()).collect::<Items>()}</ul>
            <div class="suara-dashboard__charts">{charts}</div>
        }
    };
    // The breakdown asked for: a question, and the choice question it is by.
    let of = RwSignal::new(String::new());
    let by = RwSignal::new(String::new());
    let groups_by: Vec<(String, String)> = survey
        .questions()
        .filter(|q| {
            matches!(
                q.kind,
                suara_domain::QuestionKind::SingleChoice { .. }
                    | suara_domain::QuestionKind::MultiChoice { .. }
                    | suara_domain::QuestionKind::Dropdown { .. }
                    | suara_domain::QuestionKind::YesNo
            )
        })
        .map(|q| (q.id.clone(), survey.tr(&q.label, say.0).to_owned()))
        .collect();
    let every: Vec<(String, String)> = survey
        .questions()
        .map(|q| (q.id.clone(), survey.tr(&q.label, say.0).to_owned()))
        .collect();
    let options = |list: &[(String, String)]| {
        list.iter()
            .map(|(id, label)| {
                view! { <option value=id.clone()>{label.clone()}</option> }.into_any()
            })
            .collect::<Items>()
    };
    let (of_options, by_options) = (options(&every), options(&groups_by));
    let bd_survey = survey.clone();
    let breakdown = move || {
        let (q, g) = (of.get(), by.get());
        if q.is_empty() || g.is_empty() || q == g {
            return Vec::new();
        }
        let data = data.get();
        let d = Dashboard::new(&bd_survey, &data, k, None);
        let title = said(
            say,
            &Msg::BreakdownTitle {
                of: label_of(&bd_survey, &q, say),
                by: label_of(&bd_survey, &g, say),
            },
        );
        d.breakdown(&q, &g)
            .unwrap_or_default()
            .iter()
            .map(|t| breakdown_table(&bd_survey, t, title.clone(), say))
            .collect::<Items>()
    };
    view! {
        <section class="suara-dashboard" aria-labelledby="suara-dashboard-title"
            on:dragover=|ev: web_sys::DragEvent| ev.prevent_default() on:drop=on_drop>
            <h2 id="suara-dashboard-title">{said(say, &Msg::DashboardHeading)}</h2>
            <label class="suara-dashboard__files">
                {said(say, &Msg::OpenExports)}
                <input type="file" accept=".json,application/json" multiple=true on:change=on_files />
            </label>
            <label class="suara-dashboard__files">
                {said(say, &Msg::OpenBaseline)}
                <input type="file" accept=".json,application/json" on:change=on_baseline />
            </label>
            <ul class="suara-alert">{move || refused.get().into_iter().map(|(name, why)| {
                view! { <li>{said(say, &Msg::FileRefused { name, why })}</li> }.into_any()
            }).collect::<Items>()}</ul>
            <p class="suara-dashboard__legend">{said(say, &Msg::HiddenLegend { k })}</p>
            <button type="button" class="suara-button" on:click=download_csv>
                {said(say, &Msg::DownloadAggregate)}
            </button>
            <h3>{said(say, &Msg::BreakdownHeading)}</h3>
            <div class="suara-dashboard__breakdown">
                <label>{said(say, &Msg::BreakdownOf)}
                    <select on:change=move |ev| of.set(event_target_value(&ev))>
                        <option value="">"—"</option>{of_options}
                    </select>
                </label>
                <label>{said(say, &Msg::BreakdownBy)}
                    <select on:change=move |ev| by.set(event_target_value(&ev))>
                        <option value="">"—"</option>{by_options}
                    </select>
                </label>
            </div>
            {breakdown}
            {body}
        </section>
    }
    .into_any()
}
