//! The organiser's figures, measured on this machine (run through
//! `bash scripts/bench-collector.sh`, which starts PostgreSQL):
//!
//! - responses per second `suara collect` stores, with 8 clients sending
//!   at once over loopback, on SQLite and on PostgreSQL;
//! - seconds for `suara merge` of 10 export files (100,000 responses in
//!   all), and for `suara csv` of those 100,000 responses.
//!
//! Prints the figures and writes them as JSON to `target/bench-collector.json`
//! (or `SUARA_BENCH_OUT`).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use serde_json::{json, Value};

const SUARA: &str = env!("CARGO_BIN_EXE_suara");
const CLIENTS: usize = 8;
const POSTS_PER_CLIENT: usize = 500;
const FILES: usize = 10;
const PER_FILE: usize = 10_000;

fn survey_path() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/festival.json")
        .display()
        .to_string()
}

fn response(n: usize) -> Value {
    let came_by = ["walk", "bus", "other"][n % 3];
    let mut r = json!({
        "id": format!("00000000-0000-4000-8000-{n:012}"),
        "survey_id": "festival",
        "survey_version": "1",
        "locale": if n.is_multiple_of(2) { "id" } else { "en" },
        "started_at": "2026-08-17T09:00:00.000Z",
        "submitted_at": format!("2026-08-17T{:02}:{:02}:{:02}.{:03}Z", 9 + n / 3_600_000 % 10, n / 60_000 % 60, n / 1000 % 60, n % 1000),
        "answers": {
            "came_by": came_by,
            "liked": ["food", "music"],
            "stars": 1 + n % 5,
            "again": n.is_multiple_of(2),
            "safe": 1 + n % 5,
            "team": { "kind": "yes", "quick": "no" },
            "wish": ["water", "shade"],
            "people": n % 7 + 1,
            "comment": "Lovely day, \"thank you\"",
        }
    });
    if came_by == "other" {
        r["answers"]["came_by.other_text"] = json!("Motor");
    }
    r
}

/// Starts the collector on `db`; returns the process and its URL.
fn spawn(db: &str) -> (std::process::Child, String) {
    let mut child = Command::new(SUARA)
        .args(["collect", "--survey", &survey_path(), "--db", db])
        .args(["--listen", "127.0.0.1:0", "--quiet"])
        .stderr(Stdio::piped())
        .spawn()
        .expect("suara collect starts");
    let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
    let url = loop {
        let line = lines.next().expect("a line").expect("text");
        if let Some(rest) = line.split("listening on ").nth(1) {
            break rest.split_whitespace().next().expect("a URL").to_owned();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    (child, url)
}

fn collector_rate(db: &str) -> f64 {
    let (mut child, url) = spawn(db);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    let started = Instant::now();
    rt.block_on(async {
        let mut tasks = Vec::new();
        for c in 0..CLIENTS {
            let url = url.clone();
            tasks.push(tokio::spawn(async move {
                let client = reqwest::Client::new();
                for k in 0..POSTS_PER_CLIENT {
                    let reply = client
                        .post(&url)
                        .json(&response(c * POSTS_PER_CLIENT + k))
                        .send()
                        .await
                        .expect("the collector answers");
                    assert_eq!(reply.status(), 201);
                }
            }));
        }
        for t in tasks {
            t.await.expect("a client");
        }
    });
    let secs = started.elapsed().as_secs_f64();
    child.kill().ok();
    child.wait().ok();
    (CLIENTS * POSTS_PER_CLIENT) as f64 / secs
}

fn timed(args: &[&str]) -> f64 {
    let started = Instant::now();
    let out = Command::new(SUARA).args(args).output().expect("suara runs");
    let secs = started.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "suara {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    secs
}

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut figures = serde_json::Map::new();

    let sqlite = format!("sqlite:{}", dir.path().join("bench.db").display());
    let rate = collector_rate(&sqlite);
    println!(
        "collector, SQLite: {rate:.0} responses/s ({CLIENTS} clients, {} responses)",
        CLIENTS * POSTS_PER_CLIENT
    );
    figures.insert(
        "collector_sqlite_responses_per_second".into(),
        json!(rate.round()),
    );

    match std::env::var("SUARA_BENCH_POSTGRES") {
        Ok(url) if !url.is_empty() => {
            let rate = collector_rate(&url);
            println!("collector, PostgreSQL: {rate:.0} responses/s ({CLIENTS} clients)");
            figures.insert("collector_postgres_responses_per_second".into(), json!(rate.round()));
        }
        _ => println!("collector, PostgreSQL: not measured (SUARA_BENCH_POSTGRES is not set; scripts/bench-collector.sh sets it)"),
    }

    let mut files = Vec::new();
    for f in 0..FILES {
        let responses: Vec<Value> = (0..PER_FILE).map(|k| response(f * PER_FILE + k)).collect();
        let doc = json!({ "format": 1, "survey_id": "festival", "survey_version": "1",
                          "exported_at": "2026-08-17T18:00:00.000Z", "responses": responses });
        let path = dir.path().join(format!("tablet-{f}.json"));
        std::fs::write(&path, doc.to_string()).expect("an export file");
        files.push(path.display().to_string());
    }
    let survey = survey_path();
    let merged = dir.path().join("merged.json").display().to_string();
    let mut args = vec!["merge", "--survey", &survey];
    args.extend(files.iter().map(String::as_str));
    args.extend(["-o", &merged]);
    let merge_secs = timed(&args);
    println!(
        "merge of {FILES} files ({} responses): {merge_secs:.2} s",
        FILES * PER_FILE
    );
    let csv = dir.path().join("out.csv").display().to_string();
    let csv_secs = timed(&["csv", "--survey", &survey, &merged, "-o", &csv]);
    println!("CSV of {} responses: {csv_secs:.2} s", FILES * PER_FILE);
    figures.insert(
        "merge_10_files_seconds".into(),
        json!((merge_secs * 100.0).round() / 100.0),
    );
    figures.insert(
        "csv_100000_responses_seconds".into(),
        json!((csv_secs * 100.0).round() / 100.0),
    );

    let out = std::env::var("SUARA_BENCH_OUT").unwrap_or_else(|_| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../target/bench-collector.json")
            .display()
            .to_string()
    });
    std::fs::write(
        &out,
        serde_json::to_string_pretty(&Value::Object(figures)).expect("JSON") + "\n",
    )
    .expect("writing the figures");
    println!("figures written to {out}");
}
