//! Native timings of the domain's heavy paths: reading the built-in survey,
//! exporting 10,000 responses as CSV and JSON, and the dashboard of
//! 100,000 (merged from two sources, every table, a breakdown and the
//! aggregate CSV).
//!
//! Run with `cargo bench -p suara-domain`. Prints the median of several
//! rounds; a benchmark, not a test, so nothing here fails on a slow machine.

use std::hint::black_box;
use std::time::{Duration, Instant};

use suara_domain::dashboard::{self, Dashboard, Dataset, Source};
use suara_domain::export::{self, CsvOptions};
use suara_domain::{AnswerValue, Answers, Response, Survey, DEFAULT_SURVEY_JSON};

/// Runs `f` `rounds` times and returns the median duration.
fn median(rounds: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[rounds / 2]
}

fn responses(n: usize) -> Vec<Response> {
    (0..n)
        .map(|i| {
            let mut answers = Answers::new();
            answers.insert(
                "satisfaction".into(),
                AnswerValue::Number((1 + i % 5).into()),
            );
            answers.insert("recommend".into(), AnswerValue::Number((i % 11).into()));
            answers.insert(
                "works_well".into(),
                AnswerValue::Text(format!("=SUM(A{i}) kebun warga, \"taman\" — شكرا {i}")),
            );
            answers.insert(
                "programmes".into(),
                AnswerValue::Choices(vec!["health".into(), "other".into()]),
            );
            answers.insert(
                "programmes.other_text".into(),
                AnswerValue::Text("garden".into()),
            );
            answers.insert("consent".into(), AnswerValue::Bool(true));
            Response {
                id: format!("00000000-0000-4000-8000-{i:012}"),
                survey_id: "community-partnership-feedback".into(),
                survey_version: "1".into(),
                locale: "id".into(),
                started_at: "2026-11-28T09:00:00.000Z".into(),
                submitted_at: "2026-11-28T09:03:00.000Z".into(),
                answers,
                hidden: Default::default(),
                partial: false,
                bank: None,
                inclusion_consent: None,
                consent_version: None,
            }
        })
        .collect()
}

fn main() {
    let parse = median(51, || {
        black_box(Survey::parse(black_box(DEFAULT_SURVEY_JSON)).expect("valid"));
    });
    println!("parse the built-in survey: {parse:?} (median of 51)");

    let survey = Survey::parse(DEFAULT_SURVEY_JSON).expect("valid");
    let rows = responses(10_000);
    let csv = median(11, || {
        black_box(export::to_csv(
            &survey,
            black_box(&rows),
            CsvOptions {
                bom: true,
                ..Default::default()
            },
        ));
    });
    let size = export::to_csv(
        &survey,
        &rows,
        CsvOptions {
            bom: true,
            ..Default::default()
        },
    )
    .len();
    println!("CSV of 10,000 responses ({size} bytes): {csv:?} (median of 11)");
    let json = median(11, || {
        black_box(export::to_json(
            &survey,
            black_box(&rows),
            "2026-11-28T10:00:00.000Z",
        ));
    });
    println!("JSON export of 10,000 responses: {json:?} (median of 11)");

    let many = responses(100_000);
    let gathered = median(5, || {
        black_box(Dataset::gather(
            &survey,
            vec![
                Source {
                    name: "a.json".into(),
                    responses: many[..60_000].to_vec(),
                },
                Source {
                    name: "b.json".into(),
                    responses: many[50_000..].to_vec(),
                },
            ],
        ));
    });
    println!("merge two files of 100,000 responses (10,000 in both): {gathered:?} (median of 5)");
    let data = Dataset::gather(
        &survey,
        vec![Source {
            name: "a.json".into(),
            responses: many,
        }],
    );
    let tables = median(5, || {
        let d = Dashboard::new(&survey, &data, survey.privacy_k, None);
        let mut t = d.overview();
        t.extend(d.questions());
        t.extend(d.breakdown("recommend", "programmes").expect("a breakdown"));
        black_box(dashboard::to_csv(&t));
    });
    println!("dashboard of 100,000 responses, every table and the aggregate CSV: {tables:?} (median of 5)");
}
