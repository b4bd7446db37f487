//! CSV and JSON export of stored responses.
//!
//! The CSV is RFC 4180 (CRLF records, quoted where needed), one column per
//! question in survey order, and safe to open in a spreadsheet: a text cell
//! that starts with `=`, `+`, `-`, `@`, TAB, CR or LF is prefixed with `'`
//! so it is never run as a formula, while numbers stay numbers. Its times
//! are UTC, as stored, or in a time zone the caller gives ([`UtcOffset`]).

use std::borrow::Cow;

use serde::Serialize;

use crate::answer::{other_text_key, AnswerValue};
use crate::bank;
use crate::i18n::{self, Msg};
use crate::response::Response;
use crate::survey::{Question, QuestionKind, Survey, OTHER_VALUE};
use crate::text::Locale;
use crate::zone::{self, UtcOffset};

/// The columns every CSV export starts with; the survey parser reserves
/// them, so they are defined with the survey.
pub use crate::survey::FIXED_COLUMNS;

/// How to write the CSV. The default is the widget's own CSV.
///
/// Labels instead of codes are asked for separately ([`csv_records`]), so
/// the widget, which writes codes only, carries none of their code.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// Start with a UTF-8 byte order mark so Excel reads non-Latin text right.
    pub bom: bool,
    /// How a multiple-choice question's answer is laid out.
    pub multi: MultiColumns,
    /// What separates the fields of a record.
    pub separator: Separator,
}

/// How a `multi_choice` answer fills the CSV.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum MultiColumns {
    /// One column `q.<value>` per option holding `1` or `0` (the widget's CSV).
    #[default]
    Columns,
    /// One column `q` with the chosen codes joined by `;`, in the survey's order.
    Joined,
    /// The joined column, then the 0/1 columns.
    Both,
}

/// The field separator: a comma (RFC 4180), or a semicolon for spreadsheets
/// in locales that write decimals with a comma.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Separator {
    #[default]
    Comma,
    Semicolon,
}

impl Separator {
    /// The separator character.
    pub fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Semicolon => ';',
        }
    }
}

/// What fills one column of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cell<'a> {
    /// The question's own answer.
    Value,
    /// 1 if this option was chosen, 0 if not (empty when the question was not answered).
    Chosen(&'a str),
    /// A multiple choice's chosen codes, joined by `;` in the survey's order.
    Joined,
    /// The "other, please describe" text.
    OtherText,
    /// The column value a matrix's answer gives this row.
    Row(&'a str),
    /// Where a ranking puts this option: 1 for the first.
    Rank(&'a str),
    /// The inclusion consent screen's choice: 1 to answer, 0 skipped (the
    /// response's `inclusion_consent`).
    Consent,
    /// The version of the consent screen's text (`consent_version`).
    ConsentVersion,
    /// The question bank's version, when an item was answered (`bank`).
    Bank,
    /// The Washington Group's disability indicator, derived from the six
    /// answers (see [`crate::bank::wg_disability`]).
    WgDisability,
}

/// One column of the CSV after the fixed ones: its name, its question and
/// what fills it. The codebook describes the same list.
pub(crate) struct Column<'a> {
    pub name: String,
    pub question: &'a Question,
    pub cell: Cell<'a>,
}

pub(crate) fn columns(survey: &Survey, multi: MultiColumns) -> Vec<Column<'_>> {
    let mut cols = Vec::new();
    // Plain loops, as in `answer::validate`.
    for page in &survey.pages {
        for q in &page.questions {
            match &q.kind {
                QuestionKind::MultiChoice { options, other } => {
                    if multi != MultiColumns::Columns {
                        cols.push(Column {
                            name: q.id.clone(),
                            question: q,
                            cell: Cell::Joined,
                        });
                    }
                    if multi == MultiColumns::Joined {
                        if other.is_some() {
                            cols.push(Column {
                                name: other_text_key(&q.id),
                                question: q,
                                cell: Cell::OtherText,
                            });
                        }
                        continue;
                    }
                    for o in options {
                        cols.push(Column {
                            name: format!("{}.{}", q.id, o.value),
                            question: q,
                            cell: Cell::Chosen(&o.value),
                        });
                    }
                    if other.is_some() {
                        cols.push(Column {
                            name: format!("{}.{OTHER_VALUE}", q.id),
                            question: q,
                            cell: Cell::Chosen(OTHER_VALUE),
                        });
                        cols.push(Column {
                            name: other_text_key(&q.id),
                            question: q,
                            cell: Cell::OtherText,
                        });
                    }
                }
                QuestionKind::SingleChoice { .. }
                    if q.id == bank::CONSENT_ID && survey.inclusion.is_some() =>
                {
                    for (name, cell) in [
                        (bank::CONSENT_ID, Cell::Consent),
                        ("consent_version", Cell::ConsentVersion),
                        ("bank", Cell::Bank),
                    ] {
                        cols.push(Column {
                            name: name.to_owned(),
                            question: q,
                            cell,
                        });
                    }
                }
                QuestionKind::SingleChoice { other, .. } => {
                    cols.push(Column {
                        name: q.id.clone(),
                        question: q,
                        cell: Cell::Value,
                    });
                    // After the last of the Washington Group's six, when the survey has them all.
                    if survey.inclusion.is_some()
                        && q.id == bank::WG[5]
                        && bank::WG.iter().all(|w| survey.question(w).is_some())
                    {
                        cols.push(Column {
                            name: "wg_disability".to_owned(),
                            question: q,
                            cell: Cell::WgDisability,
                        });
                    }
                    if other.is_some() {
                        cols.push(Column {
                            name: other_text_key(&q.id),
                            question: q,
                            cell: Cell::OtherText,
                        });
                    }
                }
                QuestionKind::Matrix { rows, .. } => {
                    for r in rows {
                        cols.push(Column {
                            name: format!("{}.{}", q.id, r.value),
                            question: q,
                            cell: Cell::Row(&r.value),
                        });
                    }
                }
                QuestionKind::Ranking { options } => {
                    for o in options {
                        cols.push(Column {
                            name: format!("{}.{}", q.id, o.value),
                            question: q,
                            cell: Cell::Rank(&o.value),
                        });
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
                | QuestionKind::Smiley { .. } => cols.push(Column {
                    name: q.id.clone(),
                    question: q,
                    cell: Cell::Value,
                }),
            }
        }
    }
    cols
}

/// The CSV header: the [`FIXED_COLUMNS`], a `hidden.<id>` column per hidden
/// field, then the questions' columns.
pub fn csv_header(survey: &Survey) -> Vec<String> {
    csv_header_with(survey, MultiColumns::default())
}

/// The CSV header for a layout of multiple-choice answers.
pub fn csv_header_with(survey: &Survey, multi: MultiColumns) -> Vec<String> {
    let mut header: Vec<String> = FIXED_COLUMNS.into_iter().map(String::from).collect();
    for f in &survey.hidden {
        header.push(hidden_column(&f.id));
    }
    header.extend(columns(survey, multi).into_iter().map(|c| c.name));
    header
}

/// The CSV column of the hidden field `id`.
pub fn hidden_column(id: &str) -> String {
    format!("hidden.{id}")
}

/// Neutralises a text cell against spreadsheet formula injection (OWASP).
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

fn push_field(out: &mut String, field: &str, sep: char) {
    if field.contains([sep, '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

pub(crate) fn push_record<'a>(
    out: &mut String,
    fields: impl IntoIterator<Item = Cow<'a, str>>,
    sep: char,
) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        push_field(out, &f, sep);
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

/// A timestamp's cell: as stored (UTC), or in `zone`; a text that is no
/// timestamp stays as it is.
fn time_cell<'a>(timestamp: &'a str, zone: Option<&dyn UtcOffset>) -> Cow<'a, str> {
    match zone.and_then(|z| zone::in_zone(timestamp, z)) {
        Some(local) => Cow::Owned(local),
        None => neutralise(timestamp),
    }
}

fn neutralise_owned(s: String) -> Cow<'static, str> {
    match neutralise(&s) {
        Cow::Borrowed(_) => Cow::Owned(s),
        Cow::Owned(o) => Cow::Owned(o),
    }
}

/// The words for a code of question `q` in `locale`: an option's label, the
/// "other" label, or the widget's words for a likert point, a face or
/// yes/no. `None` when the code has no words (a number, a text).
pub fn code_label(
    survey: &Survey,
    q: &Question,
    value: &AnswerValue,
    locale: &Locale,
) -> Option<String> {
    let option = |options: &[crate::ChoiceOption], code: &str| {
        options
            .iter()
            .find(|o| o.value == code)
            .map(|o| survey.tr(&o.label, locale).to_owned())
    };
    let small = |v: &AnswerValue| match v {
        AnswerValue::Number(n) => n.as_u64().and_then(|n| u8::try_from(n).ok()),
        _ => None,
    };
    let code = match value {
        AnswerValue::Text(code) => Some(code.as_str()),
        _ => None,
    };
    // Every kind listed: a new kind must say whether its codes have words.
    match &q.kind {
        QuestionKind::SingleChoice { options, other }
        | QuestionKind::MultiChoice { options, other } => {
            let code = code?;
            option(options, code).or_else(|| match other {
                Some(o) if code == OTHER_VALUE => Some(match &o.label {
                    Some(label) => survey.tr(label, locale).to_owned(),
                    None => i18n::text(locale, &Msg::Other),
                }),
                _ => None,
            })
        }
        QuestionKind::Dropdown { options, .. } => option(options, code?),
        QuestionKind::Matrix { columns, .. } => option(columns, code?),
        QuestionKind::Likert { points, labels } => {
            let n = small(value).filter(|n| (1..=*points).contains(n))?;
            Some(match labels {
                Some(labels) => survey.tr(&labels[usize::from(n) - 1], locale).to_owned(),
                None => i18n::text(locale, &Msg::likert(n, *points)),
            })
        }
        QuestionKind::Smiley { faces } => {
            let n = small(value).filter(|n| (1..=*faces).contains(n))?;
            Some(i18n::text(locale, &Msg::face(n, *faces)))
        }
        QuestionKind::YesNo => match value {
            AnswerValue::Bool(b) => Some(i18n::text(locale, if *b { &Msg::Yes } else { &Msg::No })),
            _ => None,
        },
        QuestionKind::ShortText { .. }
        | QuestionKind::LongText { .. }
        | QuestionKind::Rating { .. }
        | QuestionKind::Nps
        | QuestionKind::Consent { .. }
        | QuestionKind::Number { .. }
        | QuestionKind::Date { .. }
        | QuestionKind::Ranking { .. } => None,
    }
}

/// Finds a code's words, or none to keep the code: see [`code_label`].
trait Labels: Fn(&Question, &AnswerValue) -> Option<String> {}
impl<F: Fn(&Question, &AnswerValue) -> Option<String>> Labels for F {}

/// A code's cell: its words when labels are asked for and it has some,
/// else the code itself.
fn coded<'a>(q: &Question, value: &'a AnswerValue, labels: &impl Labels) -> Cow<'a, str> {
    match labels(q, value) {
        Some(words) => neutralise_owned(words),
        None => value_cell(value),
    }
}

/// The chosen codes of a multiple choice in the survey's order ("other" last;
/// codes the survey does not know after that, as given).
fn joined(q: &Question, chosen: &[String], labels: &impl Labels) -> String {
    let mut order: Vec<&str> = Vec::new();
    if let Some((options, other)) = q.kind.choices() {
        order.extend(options.iter().map(|o| o.value.as_str()));
        if other.is_some() {
            order.push(OTHER_VALUE);
        }
    }
    let known = order
        .iter()
        .filter(|c| chosen.iter().any(|v| v == *c))
        .copied();
    let unknown = chosen
        .iter()
        .map(String::as_str)
        .filter(|v| !order.contains(v));
    known
        .chain(unknown)
        .map(|code| {
            labels(q, &AnswerValue::Text(code.to_owned())).unwrap_or_else(|| code.to_owned())
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// Writes every response as CSV, in the order given, its times in UTC.
pub fn to_csv(survey: &Survey, responses: &[Response], options: CsvOptions) -> String {
    to_csv_in(survey, responses, options, None)
}

/// Writes every response as CSV, in the order given, with `submitted_at`
/// and `started_at` in the time zone `zone` (with its offset:
/// `2026-08-17T09:30:00.114+07:00`), or as stored in UTC when `None`.
pub fn to_csv_in(
    survey: &Survey,
    responses: &[Response],
    options: CsvOptions,
    zone: Option<&dyn UtcOffset>,
) -> String {
    let mut out = String::new();
    if options.bom {
        out.push('\u{feff}');
    }
    records(
        &mut out,
        survey,
        responses,
        options,
        true,
        &|_: &Question, _: &AnswerValue| None,
        zone,
    );
    out
}

/// The CSV's records for `responses`, its header first when `header`, with
/// the options' labels in `labels` instead of their codes when given (see
/// [`code_label`]), and its times in `zone` when given (see [`to_csv_in`]);
/// never a byte order mark. For writing a long CSV in parts.
pub fn csv_records(
    survey: &Survey,
    responses: &[Response],
    options: CsvOptions,
    header: bool,
    labels: Option<&Locale>,
    zone: Option<&dyn UtcOffset>,
) -> String {
    let mut out = String::new();
    match labels {
        Some(locale) => records(
            &mut out,
            survey,
            responses,
            options,
            header,
            &|q: &Question, v: &AnswerValue| code_label(survey, q, v, locale),
            zone,
        ),
        None => records(
            &mut out,
            survey,
            responses,
            options,
            header,
            &|_: &Question, _: &AnswerValue| None,
            zone,
        ),
    }
    out
}

fn records(
    out: &mut String,
    survey: &Survey,
    responses: &[Response],
    options: CsvOptions,
    header: bool,
    labels: &impl Labels,
    zone: Option<&dyn UtcOffset>,
) {
    let cols = columns(survey, options.multi);
    let sep = options.separator.char();
    if header {
        push_record(
            out,
            csv_header_with(survey, options.multi)
                .into_iter()
                .map(Cow::Owned),
            sep,
        );
    }
    for r in responses {
        let fixed = [
            neutralise(&r.id),
            time_cell(&r.submitted_at, zone),
            neutralise(&r.locale),
            neutralise(&r.survey_version),
            time_cell(&r.started_at, zone),
            Cow::Borrowed(if r.partial { "1" } else { "0" }),
        ];
        let hidden = survey.hidden.iter().map(|f| match r.hidden.get(&f.id) {
            Some(v) => neutralise(v),
            None => Cow::Borrowed(""),
        });
        let cells = cols.iter().map(|col| {
            let qid = col.question.id.as_str();
            let answer = r.answers.get(qid);
            match col.cell {
                Cell::Value => answer
                    .map(|a| coded(col.question, a, labels))
                    .unwrap_or_default(),
                Cell::Chosen(v) => match answer {
                    None => Cow::Borrowed(""),
                    Some(AnswerValue::Choices(vs)) => {
                        Cow::Borrowed(if vs.iter().any(|c| c == v) { "1" } else { "0" })
                    }
                    Some(AnswerValue::Text(t)) => Cow::Borrowed(if t == v { "1" } else { "0" }),
                    Some(_) => Cow::Borrowed(""),
                },
                Cell::Joined => match answer {
                    Some(AnswerValue::Choices(vs)) => {
                        neutralise_owned(joined(col.question, vs, labels))
                    }
                    Some(AnswerValue::Text(t)) => {
                        neutralise_owned(joined(col.question, std::slice::from_ref(t), labels))
                    }
                    _ => Cow::Borrowed(""),
                },
                Cell::OtherText => match r.answers.get(&other_text_key(qid)) {
                    Some(AnswerValue::Text(t)) => neutralise(t),
                    _ => Cow::Borrowed(""),
                },
                Cell::Row(row) => match answer {
                    Some(AnswerValue::Rows(rows)) => rows
                        .iter()
                        .find(|(r, _)| r == row)
                        .map(
                            |(_, c)| match labels(col.question, &AnswerValue::Text(c.clone())) {
                                Some(words) => neutralise_owned(words),
                                None => neutralise(c),
                            },
                        )
                        .unwrap_or_default(),
                    _ => Cow::Borrowed(""),
                },
                Cell::Consent => Cow::Borrowed(match r.inclusion_consent {
                    Some(true) => "1",
                    Some(false) => "0",
                    None => "",
                }),
                Cell::ConsentVersion => r
                    .consent_version
                    .as_deref()
                    .map(neutralise)
                    .unwrap_or_default(),
                Cell::Bank => r.bank.as_deref().map(neutralise).unwrap_or_default(),
                Cell::WgDisability => {
                    let code = |id: &str| match r.answers.get(id) {
                        Some(AnswerValue::Text(t)) => Some(t.as_str()),
                        _ => None,
                    };
                    Cow::Borrowed(match bank::wg_disability(bank::WG.map(code)) {
                        Some(true) => "1",
                        Some(false) => "0",
                        None => "",
                    })
                }
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
        push_record(out, fixed.into_iter().chain(hidden).chain(cells), sep);
    }
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
