//! Suara's pure core.
//!
//! Everything that decides something lives here: the survey format and its
//! parser, answer validation, the response model, CSV and JSON export (with
//! the codebook of its columns), the rules for merging responses, how
//! responses are sent (the endpoint settings), the outbox's rules and the
//! widget's own words in every language. Nothing here touches a browser, a
//! clock or a random number generator: time, ids and input arrive as
//! arguments, so every rule is tested natively.
//!
//! The modules form layers, read from the leaves up, and no module uses one
//! that uses it back (`tests/module_graph.rs` checks it): `text`, `json` and
//! `syntax` (JSON's), `hidden` (the hidden fields' matcher), `zone` (the
//! calendar of times in a time zone), `kiosk` (kiosk mode's settings and
//! timers) and `bank` (the inclusion question bank's files and their
//! expansion into questions) use nothing of the crate, `expr` (the show-if syntax)
//! only `text`; `survey` is built
//! from them and `value` holds the answers; `logic` evaluates show-if over a
//! survey and its answers, `answer` validates them with it, `problem` says
//! what can be wrong with a survey file (as data) and `parse` reads one; `response`, `review`, `i18n`, `translation`, `export` and
//! `endpoint` build on those; `dashboard` (the organiser's counts, with
//! small groups protected) on `merge` and `export`; `outbox` (what happens to a stored response)
//! and `journey` (one person's pass through a survey) sit on top.

pub mod answer;
pub mod bank;
pub mod codebook;
pub mod dashboard;
pub mod endpoint;
pub mod export;
mod expr;
pub mod hidden;
pub mod i18n;
pub mod journey;
mod json;
pub mod kiosk;
pub mod logic;
pub mod merge;
pub mod outbox;
mod parse;
pub mod problem;
pub mod response;
pub mod review;
pub mod survey;
pub mod syntax;
pub mod text;
pub mod translation;
mod value;
pub mod zone;

pub use answer::AnswerError;
pub use endpoint::Endpoint;
pub use parse::{kind_fields, known_fields, Refused, Rejected};
pub use problem::SchemaError;
pub use response::Response;
pub use survey::{ChoiceOption, Inclusion, Other, Page, Question, QuestionKind, Survey};
pub use text::{Locale, Text};
pub use value::{AnswerValue, Answers};

/// The built-in community partnership survey, shown when no survey is configured.
pub const DEFAULT_SURVEY_JSON: &str = include_str!("../surveys/default.json");

/// The survey format version this crate reads and writes.
pub const FORMAT_VERSION: u64 = 1;
