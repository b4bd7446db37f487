//! `suara`, the organiser's command line: the widget's domain crate run
//! natively, so CSV columns, validation and merge rules are the same
//! everywhere.
//!
//! - [`commands`]: `validate`, `merge`, `csv`, `codebook`, `export`;
//! - [`collector`]: `collect`, the HTTP endpoint for the widget;
//! - [`store`]: the collector's database (SQLite or PostgreSQL).
//!
//! Exit codes, the same for every command: 0 done; 1 an error (the message
//! says what to do); 2 done, but conflicts need a person (the same response
//! id with different bodies, all kept).

pub mod collector;
pub mod commands;
pub mod store;

/// The time now, RFC 3339 in UTC with milliseconds, as the widget writes
/// it; `exported_at` in the files written. `SOURCE_DATE_EPOCH` (seconds, the
/// reproducible-builds convention) stands for now when set, so a file can
/// be written the same twice (the golden-file tests do).
pub fn now_rfc3339() -> String {
    use std::time::{Duration, SystemTime, UNIX_EPOCH};
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map(|secs| UNIX_EPOCH + Duration::from_secs(secs))
        .unwrap_or_else(SystemTime::now);
    humantime::format_rfc3339_millis(now).to_string()
}
