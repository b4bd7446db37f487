//! The collector's database: an embedded SQLite file by default, or
//! PostgreSQL when one laptop is outgrown. The same SQL runs on both.
//!
//! Three tables:
//! - `responses`: one row per response id (the primary key), its body as
//!   canonical JSON ([`suara_domain::merge::canonical`]);
//! - `conflicts`: a body that came with an id already stored under a
//!   different body, kept for a person to review;
//! - `quarantine`: every request that was refused, with the reason and the
//!   bytes as sent.
//!
//! Nothing is ever deleted or updated. A response is stored with one
//! `INSERT ... ON CONFLICT (id) DO NOTHING`: the unique key, not a read
//! before the write, decides which of many concurrent copies is stored.
//! Each statement is its own transaction and is committed (on SQLite: WAL,
//! `synchronous = FULL`) before the call returns.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use suara_domain::merge::canonical;
use suara_domain::Response;

/// An open database.
#[derive(Clone, Debug)]
pub enum Store {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// What storing a response did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// A new id: stored now.
    New,
    /// The id was already stored with the same body (a copy sent again).
    Replay,
    /// The id was already stored with a different body; this body is kept
    /// in `conflicts`.
    Conflict,
}

/// How many rows each table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub responses: i64,
    pub conflicts: i64,
    pub quarantined: i64,
}

/// A request the collector refused, as kept in `quarantine`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    pub received_at: String,
    pub status: i32,
    pub reason: String,
    pub content_type: String,
    pub body: Vec<u8>,
}

/// Runs the same expression on whichever pool the store holds.
macro_rules! on_pool {
    ($store:expr, $pool:ident => $body:expr) => {
        match $store {
            Store::Sqlite($pool) => $body,
            Store::Postgres($pool) => $body,
        }
    };
}

const SQLITE_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS responses (
  id TEXT PRIMARY KEY NOT NULL,
  survey_id TEXT NOT NULL,
  survey_version TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  body TEXT NOT NULL,
  received_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS conflicts (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL,
  body TEXT NOT NULL,
  received_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS quarantine (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  received_at TEXT NOT NULL,
  status INTEGER NOT NULL,
  reason TEXT NOT NULL,
  content_type TEXT NOT NULL,
  body BLOB NOT NULL
);
";

const POSTGRES_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS responses (
  id TEXT PRIMARY KEY NOT NULL,
  survey_id TEXT NOT NULL,
  survey_version TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  body TEXT NOT NULL,
  received_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS conflicts (
  seq BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL,
  body TEXT NOT NULL,
  received_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS quarantine (
  seq BIGSERIAL PRIMARY KEY,
  received_at TEXT NOT NULL,
  status INTEGER NOT NULL,
  reason TEXT NOT NULL,
  content_type TEXT NOT NULL,
  body BYTEA NOT NULL
);
";

/// Why a database could not be opened, in words that say what to do.
#[derive(Debug)]
pub struct OpenError(pub String);

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether `input` names a database rather than a file.
pub fn is_database_url(input: &str) -> bool {
    input.starts_with("sqlite:")
        || input.starts_with("postgres://")
        || input.starts_with("postgresql://")
}

impl Store {
    /// Opens (and on first use creates) the database at `url`:
    /// `sqlite:FILE` or `postgres://USER@HOST:PORT/DB`.
    pub async fn open(url: &str) -> Result<Store, OpenError> {
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)
                .map_err(|e| OpenError(format!("{url}: {e}; write it as sqlite:FILE")))?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
                .busy_timeout(Duration::from_secs(30));
            let pool = SqlitePoolOptions::new()
                .max_connections(4)
                .connect_with(options)
                .await
                .map_err(|e| {
                    OpenError(format!(
                        "cannot open {url}: {e}; check that the folder exists and is writable"
                    ))
                })?;
            sqlx::raw_sql(SQLITE_SCHEMA)
                .execute(&pool)
                .await
                .map_err(|e| OpenError(format!("cannot set up {url}: {e}")))?;
            Ok(Store::Sqlite(pool))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let options = PgConnectOptions::from_str(url).map_err(|e| {
                OpenError(format!(
                    "{url}: {e}; write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE"
                ))
            })?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(30))
                .connect_with(options)
                .await
                .map_err(|e| {
                    OpenError(format!(
                        "cannot connect to {url}: {e}; check that PostgreSQL is running there and the user may log in"
                    ))
                })?;
            // Several collectors may start at once on one database: one at a
            // time creates the tables (CREATE TABLE IF NOT EXISTS alone races).
            let mut tx = pool
                .begin()
                .await
                .map_err(|e| OpenError(format!("{url}: {e}")))?;
            sqlx::query("SELECT pg_advisory_xact_lock(8787)")
                .execute(&mut *tx)
                .await
                .map_err(|e| OpenError(format!("{url}: {e}")))?;
            sqlx::raw_sql(POSTGRES_SCHEMA)
                .execute(&mut *tx)
                .await
                .map_err(|e| OpenError(format!("cannot set up {url}: {e}")))?;
            tx.commit()
                .await
                .map_err(|e| OpenError(format!("{url}: {e}")))?;
            Ok(Store::Postgres(pool))
        } else {
            Err(OpenError(format!(
                "unknown database `{url}`: use sqlite:FILE (for example sqlite:responses.db) or postgres://USER@HOST:PORT/DATABASE"
            )))
        }
    }

    /// `sqlite` or `postgres`.
    pub fn engine(&self) -> &'static str {
        match self {
            Store::Sqlite(_) => "sqlite",
            Store::Postgres(_) => "postgres",
        }
    }

    /// Stores a response once per id (see the module's rules); returns only
    /// once what it wrote is committed.
    pub async fn put(&self, response: &Response, received_at: &str) -> Result<Stored, sqlx::Error> {
        let body = canonical(response).to_json();
        let inserted = on_pool!(self, pool => sqlx::query(
            "INSERT INTO responses (id, survey_id, survey_version, submitted_at, body, received_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&response.id)
        .bind(&response.survey_id)
        .bind(&response.survey_version)
        .bind(&response.submitted_at)
        .bind(&body)
        .bind(received_at)
        .execute(pool)
        .await?
        .rows_affected());
        if inserted == 1 {
            return Ok(Stored::New);
        }
        let (stored,): (String,) = on_pool!(self, pool => sqlx::query_as("SELECT body FROM responses WHERE id = $1")
            .bind(&response.id)
            .fetch_one(pool)
            .await?);
        if stored == body {
            return Ok(Stored::Replay);
        }
        // The same different body sent again is kept once.
        on_pool!(self, pool => sqlx::query(
            "INSERT INTO conflicts (id, body, received_at) SELECT $1, $2, $3 \
             WHERE NOT EXISTS (SELECT 1 FROM conflicts WHERE id = $1 AND body = $2)",
        )
        .bind(&response.id)
        .bind(&body)
        .bind(received_at)
        .execute(pool)
        .await?
        .rows_affected());
        Ok(Stored::Conflict)
    }

    /// Keeps a refused request with the reason it was refused.
    pub async fn quarantine(&self, q: &Quarantined) -> Result<(), sqlx::Error> {
        on_pool!(self, pool => sqlx::query(
            "INSERT INTO quarantine (received_at, status, reason, content_type, body) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&q.received_at)
        .bind(q.status)
        .bind(&q.reason)
        .bind(&q.content_type)
        .bind(&q.body)
        .execute(pool)
        .await?
        .rows_affected());
        Ok(())
    }

    /// How many rows each table holds.
    pub async fn counts(&self) -> Result<Counts, sqlx::Error> {
        let count = |table: &'static str| async move {
            let sql = match table {
                "responses" => "SELECT COUNT(*) FROM responses",
                "conflicts" => "SELECT COUNT(*) FROM conflicts",
                _ => "SELECT COUNT(*) FROM quarantine",
            };
            let (n,): (i64,) = on_pool!(self, pool => sqlx::query_as(sql).fetch_one(pool).await?);
            Ok::<i64, sqlx::Error>(n)
        };
        Ok(Counts {
            responses: count("responses").await?,
            conflicts: count("conflicts").await?,
            quarantined: count("quarantine").await?,
        })
    }

    /// Every stored response, then every conflicting body, as responses
    /// (feed them to [`suara_domain::merge::merge`] to see the conflicts).
    pub async fn all(&self) -> Result<Vec<Response>, String> {
        let rows: Vec<(String,)> = on_pool!(self, pool => sqlx::query_as(
            "SELECT body FROM responses ORDER BY submitted_at, id",
        )
        .fetch_all(pool)
        .await
        .map_err(|e| e.to_string())?);
        let conflicts: Vec<(String,)> = on_pool!(self, pool => sqlx::query_as(
            "SELECT body FROM conflicts ORDER BY seq",
        )
        .fetch_all(pool)
        .await
        .map_err(|e| e.to_string())?);
        rows.into_iter()
            .chain(conflicts)
            .map(|(body,)| {
                Response::from_json(&body).map_err(|e| format!("a stored response is damaged: {e}"))
            })
            .collect()
    }

    /// Every quarantined request, oldest first.
    pub async fn quarantined(&self) -> Result<Vec<Quarantined>, sqlx::Error> {
        type Row = (String, i32, String, String, Vec<u8>);
        let rows: Vec<Row> = on_pool!(self, pool => sqlx::query_as(
            "SELECT received_at, status, reason, content_type, body FROM quarantine ORDER BY seq",
        )
        .fetch_all(pool)
        .await?);
        Ok(rows
            .into_iter()
            .map(
                |(received_at, status, reason, content_type, body)| Quarantined {
                    received_at,
                    status,
                    reason,
                    content_type,
                    body,
                },
            )
            .collect())
    }

    /// Closes every connection (and, on SQLite, checkpoints the WAL).
    pub async fn close(&self) {
        on_pool!(self, pool => pool.close().await)
    }
}
