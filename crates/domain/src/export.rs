//! CSV and JSON export of stored responses.
//!
//! The CSV is RFC 4180 (CRLF records, quoted where needed), one column per
//! question in survey order, and safe to open in a spreadsheet: a text cell
//! that starts with `=`, `+`, `-`, `@`, TAB, CR or LF is prefixed with `'`
//! so it is never run as a formula, while numbers stay numbers.

use std::borrow::Cow;

use serde::Serialize;

use crate::answer::{other_text_key, AnswerValue};
use crate::response::Response;
use crate::survey::{QuestionKind, Survey, OTHER_VALUE};

/// The columns every CSV export starts with; the survey parser reserves
/// them, so they are defined with the survey.
pub use crate::survey::FIXED_COLUMNS;

/// How to write the CSV.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// Start with a UTF-8 byte order mark so Excel reads non-Latin text right.
    pub bom: bool,
}

/// What fills one column of a question.
enum Cell<'a> {
    /// The question's own answer.
    Value,
    /// 1 if this option was chosen, 0 if not (empty when the question was not answered).
    Chosen(&'a str),
    /// The "other, please describe" text.
    OtherText,
    /// The column value a matrix's answer gives this row.
    Row(&'a str),
    /// Where a ranking puts this option: 1 for the first.
    Rank(&'a str),
}

fn columns(survey: &Survey) -> Vec<(String, &str, Cell<'_>)> {
    let mut cols = Vec::new();
    // Plain loops, as in `answer::validate`.
    for page in &survey.pages {
        for q in &page.questions {
            match &q.kind {
                QuestionKind::MultiChoice { options, other } => {
                    for o in options {
                        cols.push((
                            format!("{}.{}", q.id, o.value),
                            q.id.as_str(),
                            Cell::Chosen(&o.value),
                        ));
                    }
                    if other.is_some() {
                        cols.push((
                            format!("{}.{OTHER_VALUE}", q.id),
                            q.id.as_str(),
                            Cell::Chosen(OTHER_VALUE),
                        ));
                        cols.push((other_text_key(&q.id), q.id.as_str(), Cell::OtherText));
                    }
                }
                QuestionKind::SingleChoice { other, .. } => {
                    cols.push((q.id.clone(), q.id.as_str(), Cell::Value));
                    if other.is_some() {
                        cols.push((other_text_key(&q.id), q.id.as_str(), Cell::OtherText));
                    }
                }
                QuestionKind::Matrix { rows, .. } => {
                    for r in rows {
                        let name = format!("{}.{}", q.id, r.value);
                        cols.push((name, q.id.as_str(), Cell::Row(&r.value)));
                    }
                }
                QuestionKind::Ranking { options } => {
                    for o in options {
                        let name = format!("{}.{}", q.id, o.value);
                        cols.push((name, q.id.as_str(), Cell::Rank(&o.value)));
                    }
                }
                QuestionKind::ShortText { .. }
                | QuestionKind::LongText { .. }
                | QuestionKind::Rating { .. }
                | QuestionKind::Nps
                | QuestionKind::Consent { .. }
                | QuestionKind::YesNo
                | QuestionKind::Number { .. }
                | QuestionKind::Date { .. }
                | QuestionKind::Dropdown { .. }
                | QuestionKind::Likert { .. }
                | QuestionKind::Smiley { .. } => {
                    cols.push((q.id.clone(), q.id.as_str(), Cell::Value))
                }
            }
        }
    }
    cols
}

/// The CSV header: `id`, `submitted_at`, `locale`, then the survey's columns.
pub fn csv_header(survey: &Survey) -> Vec<String> {
    FIXED_COLUMNS
        .into_iter()
        .map(String::from)
        .chain(columns(survey).into_iter().map(|c| c.0))
        .collect()
}

/// Neutralises a text cell against spreadsheet formula injection (OWASP).
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

fn push_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

fn push_record<'a>(out: &mut String, fields: impl IntoIterator<Item = Cow<'a, str>>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, &f);
    }
    out.push_str("\r\n");
}

fn value_cell(value: &AnswerValue) -> Cow<'_, str> {
    match value {
        AnswerValue::Text(t) => neutralise(t),
        AnswerValue::Number(n) => Cow::Owned(n.to_string()),
        AnswerValue::Bool(b) => Cow::Borrowed(if *b { "1" } else { "0" }),
        AnswerValue::Choices(vs) => neutralise_owned(vs.join(";")),
        // Only a matrix has rows, and it has a column per row (`Cell::Row`).
        AnswerValue::Rows(_) => Cow::Borrowed(""),
    }
}

fn neutralise_owned(s: String) -> Cow<'static, str> {
    match neutralise(&s) {
        Cow::Borrowed(_) => Cow::Owned(s),
        Cow::Owned(o) => Cow::Owned(o),
    }
}

/// Writes every response as CSV, in the order given.
pub fn to_csv(survey: &Survey, responses: &[Response], options: CsvOptions) -> String {
    let cols = columns(survey);
    let mut out = String::new();
    if options.bom {
        out.push('\u{feff}');
    }
    push_record(&mut out, csv_header(survey).into_iter().map(Cow::Owned));
    for r in responses {
        let fixed = [
            neutralise(&r.id),
            neutralise(&r.submitted_at),
            neutralise(&r.locale),
        ];
        let cells = cols.iter().map(|(_, qid, cell)| {
            let answer = r.answers.get(*qid);
            match cell {
                Cell::Value => answer.map(value_cell).unwrap_or_default(),
                Cell::Chosen(v) => match answer {
                    None => Cow::Borrowed(""),
                    Some(AnswerValue::Choices(vs)) => {
                        Cow::Borrowed(if vs.iter().any(|c| c == v) { "1" } else { "0" })
                    }
                    Some(AnswerValue::Text(t)) => Cow::Borrowed(if t == v { "1" } else { "0" }),
                    Some(_) => Cow::Borrowed(""),
                },
                Cell::OtherText => match r.answers.get(&other_text_key(qid)) {
                    Some(AnswerValue::Text(t)) => neutralise(t),
                    _ => Cow::Borrowed(""),
                },
                Cell::Row(row) => match answer {
                    Some(AnswerValue::Rows(rows)) => rows
                        .iter()
                        .find(|(r, _)| r == row)
                        .map(|(_, c)| neutralise(c))
                        .unwrap_or_default(),
                    _ => Cow::Borrowed(""),
                },
                Cell::Rank(v) => match answer {
                    Some(AnswerValue::Choices(order)) => order
                        .iter()
                        .position(|c| c == v)
                        .map(|i| Cow::Owned((i + 1).to_string()))
                        .unwrap_or_default(),
                    _ => Cow::Borrowed(""),
                },
            }
        });
        push_record(&mut out, fixed.into_iter().chain(cells));
    }
    out
}

/// The JSON export file: every response in full, with what survey they answer.
#[derive(Serialize)]
struct JsonExport<'a> {
    format: u64,
    survey_id: &'a str,
    survey_version: &'a str,
    exported_at: &'a str,
    responses: &'a [Response],
}

/// Writes every response as one compact JSON document (compact: the pretty
/// printer costs 0.8 KB gzip in the widget, and the CSV is the file people read).
pub fn to_json(survey: &Survey, responses: &[Response], exported_at: &str) -> String {
    let doc = JsonExport {
        format: crate::FORMAT_VERSION,
        survey_id: &survey.id,
        survey_version: &survey.version,
        exported_at,
        responses,
    };
    // Strings, numbers and maps with string keys always serialise; not
    // formatting an impossible error keeps its Debug code out of the widget.
    serde_json::to_string(&doc).unwrap_or_default()
}

/// A file name for an export: `suara-<survey id>-<date>.<ext>`, the date taken
/// from an RFC 3339 timestamp.
pub fn file_name(survey: &Survey, timestamp: &str, ext: &str) -> String {
    let date: String = timestamp
        .chars()
        .take(10)
        .filter(|c| c.is_ascii_digit() || *c == '-')
        .collect();
    format!("suara-{}-{date}.{ext}", survey.id)
}
