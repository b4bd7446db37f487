//! What the collector's tests share: a fresh database on each engine, a
//! collector on a loopback port, and responses to the test survey.
#![allow(dead_code)] // each test binary uses its own share

use std::path::Path;

use serde_json::{json, Value};
use suara_cli::collector::{self, Config, DEFAULT_MAX_BODY};
use suara_cli::store::Store;
use suara_domain::Survey;

/// The environment variable naming a PostgreSQL server for the tests:
/// `postgres://postgres@127.0.0.1:PORT/postgres` (scripts/postgres.sh starts one).
pub const POSTGRES_ENV: &str = "SUARA_TEST_POSTGRES";

pub fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .display()
        .to_string()
}

pub fn survey(name: &str) -> Survey {
    Survey::parse(&std::fs::read_to_string(data(name)).expect("a test survey")).expect("valid")
}

/// A fresh, empty database: its URL, and what keeps it alive.
pub struct Db {
    pub url: String,
    _dir: Option<tempfile::TempDir>,
}

/// Every engine the tests run on: SQLite always, PostgreSQL when
/// `SUARA_TEST_POSTGRES` names a server. Under CI (`CI=true`) a missing
/// server is a failure, not a skip.
pub fn engines() -> Vec<&'static str> {
    let mut engines = vec!["sqlite"];
    match std::env::var(POSTGRES_ENV) {
        Ok(url) if !url.is_empty() => engines.push("postgres"),
        _ if std::env::var("CI").is_ok_and(|v| v == "true") => panic!(
            "{POSTGRES_ENV} is not set under CI: the collector's tests must run on PostgreSQL too (scripts/test.sh starts one with scripts/postgres.sh)"
        ),
        _ => eprintln!(
            "note: {POSTGRES_ENV} is not set, so these tests run on SQLite only (bash scripts/postgres.sh start prints the URL)"
        ),
    }
    engines
}

/// A new database on `engine`: a file in a new folder, or a new PostgreSQL
/// database named after this process and a counter.
pub async fn fresh_db(engine: &str) -> Db {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    match engine {
        "sqlite" => {
            let dir = tempfile::tempdir().expect("a temporary folder");
            let url = format!("sqlite:{}", dir.path().join("responses.db").display());
            Db {
                url,
                _dir: Some(dir),
            }
        }
        _ => {
            let admin = std::env::var(POSTGRES_ENV).expect("a PostgreSQL URL");
            let name = format!(
                "suara_test_{}_{}",
                std::process::id(),
                N.fetch_add(1, Ordering::SeqCst)
            );
            let pool = sqlx::PgPool::connect(&admin)
                .await
                .expect("the test PostgreSQL server answers");
            sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                .execute(&pool)
                .await
                .expect("a test database");
            pool.close().await;
            let base = admin.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin);
            Db {
                url: format!("{base}/{name}"),
                _dir: None,
            }
        }
    }
}

pub fn config(origins: &[&str]) -> Config {
    Config {
        surveys: vec![survey("festival.json"), survey("festival-v2.json")],
        origins: origins.iter().map(|o| o.to_string()).collect(),
        wrap: Some("response".into()),
        max_body: DEFAULT_MAX_BODY,
        log: false,
    }
}

/// A collector in this process on a loopback port: its base URL and store.
pub async fn start(db: &Db, config: Config) -> (String, Store) {
    let store = Store::open(&db.url).await.expect("the store opens");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a loopback port");
    let base = format!("http://{}", listener.local_addr().expect("an address"));
    let app = collector::router(store.clone(), config);
    tokio::spawn(async move {
        axum::serve(listener, app)
            .await
            .expect("the collector serves");
    });
    (base, store)
}

/// A valid response to survey `festival` version 1 with id `id`.
pub fn response(id: &str, stars: u8) -> Value {
    json!({
        "id": id,
        "survey_id": "festival",
        "survey_version": "1",
        "locale": "en",
        "started_at": "2026-08-17T09:00:00.000Z",
        "submitted_at": "2026-08-17T09:01:00.000Z",
        "answers": { "came_by": "walk", "stars": stars, "team": { "kind": "yes", "quick": "no" } }
    })
}

/// The id of the `n`th test response.
pub fn id(n: usize) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}
