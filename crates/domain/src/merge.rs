//! Merging responses from several places (export files from several
//! tablets, a collector's database) into one set, by the rules every tool
//! shares:
//!
//! - a response is identified by its `id`;
//! - the same id with the same body is one response (a copy: kept once);
//! - the same id with a different body is a conflict: every different body
//!   is kept, under `conflicts`, for a person to decide; none is dropped and
//!   none is picked.
//!
//! "The same body" is judged on the parsed response, so the order of keys in
//! JSON objects (a matrix answer's rows included) and white space mean
//! nothing.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use crate::answer::AnswerValue;
use crate::response::Response;
use crate::survey::Survey;

/// A response with the parts whose order carries no meaning put in order:
/// a matrix answer's rows, sorted by row. Compare these, or their JSON.
pub fn canonical(response: &Response) -> Response {
    let mut r = response.clone();
    for value in r.answers.values_mut() {
        if let AnswerValue::Rows(rows) = value {
            rows.sort();
        }
    }
    r
}

/// Whether two responses are the same response (see the module's rules).
pub fn same_body(a: &Response, b: &Response) -> bool {
    a == b || canonical(a) == canonical(b)
}

/// One id with more than one body: every body, in the order first seen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub id: String,
    pub responses: Vec<Response>,
}

/// The result of a merge.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Merged {
    /// One of each id that has one body, oldest first (by `submitted_at`,
    /// then `id`).
    pub responses: Vec<Response>,
    /// The ids with more than one body, by id.
    pub conflicts: Vec<Conflict>,
    /// How many copies of a response already held were left out.
    pub duplicates: usize,
}

/// Merges responses by the module's rules. Conflicts already recorded in an
/// input (a merged file read back) come in as their responses, one each, and
/// so conflict again.
pub fn merge(responses: impl IntoIterator<Item = Response>) -> Merged {
    let mut by_id: BTreeMap<String, Vec<Response>> = BTreeMap::new();
    let mut duplicates = 0;
    for r in responses {
        let bodies = by_id.entry(r.id.clone()).or_default();
        if bodies.iter().any(|b| same_body(b, &r)) {
            duplicates += 1;
        } else {
            bodies.push(r);
        }
    }
    let mut merged = Merged {
        duplicates,
        ..Merged::default()
    };
    for (id, mut bodies) in by_id {
        if bodies.len() == 1 {
            merged.responses.extend(bodies.pop());
        } else {
            merged.conflicts.push(Conflict {
                id,
                responses: bodies,
            });
        }
    }
    sort_oldest_first(&mut merged.responses);
    merged
}

/// Puts responses oldest first: by `submitted_at` (RFC 3339 in UTC sorts as
/// text), then by `id`.
pub fn sort_oldest_first(responses: &mut [Response]) {
    responses.sort_by(|a, b| (&a.submitted_at, &a.id).cmp(&(&b.submitted_at, &b.id)));
}

/// An export file read back: the widget's JSON export, or a merged file
/// (which may also hold `conflicts`).
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFile {
    pub survey_id: String,
    pub survey_version: String,
    pub exported_at: String,
    /// Its responses, then the responses of its conflicts.
    pub responses: Vec<Response>,
}

/// Reads an export file, or a JSON list of responses. The message names
/// what is wrong and where (`responses[3]: missing field `id``).
pub fn read_export(json: &str) -> Result<ExportFile, String> {
    let value: Value = serde_json::from_str(json).map_err(|e| format!("not JSON: {e}"))?;
    read_export_value(value)
}

/// Reads an export file already parsed (the organiser's page parses with
/// the browser's `JSON.parse`), as [`read_export`] does.
pub fn read_export_value(value: Value) -> Result<ExportFile, String> {
    let read_list = |list: Value, at: &str| -> Result<Vec<Response>, String> {
        let Value::Array(items) = list else {
            return Err(format!("`{at}` must be a list"));
        };
        items
            .into_iter()
            .enumerate()
            .map(|(i, v)| Response::from_value(v).map_err(|e| format!("{at}[{i}]: {e}")))
            .collect()
    };
    let mut map = match value {
        Value::Array(_) => {
            return Ok(ExportFile {
                survey_id: String::new(),
                survey_version: String::new(),
                exported_at: String::new(),
                responses: read_list(value, "responses")?,
            })
        }
        Value::Object(map) => map,
        _ => return Err("an export file must be a JSON object with `responses`".into()),
    };
    match map.get("format") {
        Some(Value::Number(n)) if n.as_u64() == Some(crate::FORMAT_VERSION) => {}
        Some(other) => return Err(format!("unknown export format {other}; expected 1")),
        None => return Err("missing field `format`: is this a Suara JSON export?".into()),
    }
    let mut text = |key: &str| match map.remove(key) {
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(format!("`{key}` must be a string")),
        None => Err(format!("missing field `{key}`")),
    };
    let (survey_id, survey_version) = (text("survey_id")?, text("survey_version")?);
    let exported_at = text("exported_at")?;
    let mut responses = read_list(
        map.remove("responses").ok_or("missing field `responses`")?,
        "responses",
    )?;
    if let Some(conflicts) = map.remove("conflicts") {
        let Value::Array(conflicts) = conflicts else {
            return Err("`conflicts` must be a list".into());
        };
        for (i, c) in conflicts.into_iter().enumerate() {
            let list = match c {
                Value::Object(mut c) => c.remove("responses").unwrap_or(Value::Null),
                _ => Value::Null,
            };
            responses.extend(read_list(list, &format!("conflicts[{i}].responses"))?);
        }
    }
    Ok(ExportFile {
        survey_id,
        survey_version,
        exported_at,
        responses,
    })
}

/// Writes a merge as the widget's JSON export, plus `conflicts` (each `{ "id",
/// "responses": [...] }`) when there are any: a merge without conflicts is
/// exactly an export file.
pub fn to_json(survey: &Survey, merged: &Merged, exported_at: &str) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        format: u64,
        survey_id: &'a str,
        survey_version: &'a str,
        exported_at: &'a str,
        responses: &'a [Response],
        #[serde(skip_serializing_if = "<[Conflict]>::is_empty")]
        conflicts: &'a [Conflict],
    }
    let doc = Doc {
        format: crate::FORMAT_VERSION,
        survey_id: &survey.id,
        survey_version: &survey.version,
        exported_at,
        responses: &merged.responses,
        conflicts: &merged.conflicts,
    };
    // Strings, numbers and string-keyed maps always serialise.
    serde_json::to_string(&doc).unwrap_or_default()
}
