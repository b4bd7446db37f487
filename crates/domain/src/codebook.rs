//! The codebook: what each column of the CSV export holds, for whoever
//! analyses it. One row per CSV column, in the CSV's order: the column's
//! name, its question, the question's kind, a label in the survey's default
//! language, and the codes the column can hold with their words.
//!
//! The rows are made from the same column list as the CSV itself
//! ([`crate::export`]), so the two never disagree.

use std::borrow::Cow;

use serde::Serialize;

use crate::answer::AnswerValue;
use crate::export::{self, code_label, columns, hidden_column, Cell, CsvOptions, MultiColumns};
use crate::hidden::Allowed;
use crate::i18n::{self, Msg};
use crate::survey::{ChoiceOption, Question, QuestionKind, Survey, OTHER_VALUE};

/// One CSV column described.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodebookRow {
    /// The column's name in the CSV header.
    pub column: String,
    /// The question it comes from (empty for the fixed columns and the
    /// hidden fields').
    pub question: String,
    /// The question's kind (`response` for the fixed columns, `hidden` for
    /// a hidden field's).
    pub kind: String,
    /// What the column holds, in the survey's default language.
    pub label: String,
    /// The codes the column can hold and their words, where codes have words.
    pub codes: Vec<Code>,
}

/// A value a column can hold, and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Code {
    pub code: String,
    pub label: String,
}

fn code(code: impl Into<String>, label: impl Into<String>) -> Code {
    Code {
        code: code.into(),
        label: label.into(),
    }
}

/// The codebook of the CSV written with `multi`, in column order.
pub fn codebook(survey: &Survey, multi: MultiColumns) -> Vec<CodebookRow> {
    let locale = &survey.default_locale;
    let fixed = |column: &str, label: &str, codes: Vec<Code>| CodebookRow {
        column: column.to_owned(),
        question: String::new(),
        kind: "response".to_owned(),
        label: label.to_owned(),
        codes,
    };
    let mut rows = vec![
        fixed("id", "Response id (a UUID made on the device)", vec![]),
        fixed(
            "submitted_at",
            "When the response was submitted (RFC 3339: UTC, or with the offset of the time zone the CSV was written in)",
            vec![],
        ),
        fixed(
            "locale",
            "The language the person answered in",
            survey
                .locales
                .iter()
                .map(|l| code(l.as_str(), i18n::language_name(l)))
                .collect(),
        ),
        fixed(
            "survey_version",
            "The version of the survey the person answered",
            vec![],
        ),
        fixed(
            "started_at",
            "When the person gave their first answer (RFC 3339: UTC, or with the offset of the time zone the CSV was written in)",
            vec![],
        ),
        fixed(
            "partial",
            "Whether a kiosk kept the answers of a person who left before submitting",
            vec![
                code("0", "finished and submitted"),
                code("1", "partial: unfinished, kept at a kiosk's reset"),
            ],
        ),
    ];
    for f in &survey.hidden {
        let codes = match &f.allowed {
            Allowed::Values(values) => values.iter().map(|v| code(v, v)).collect(),
            Allowed::Chars(_) => vec![],
        };
        rows.push(CodebookRow {
            column: hidden_column(&f.id),
            question: String::new(),
            kind: "hidden".to_owned(),
            label: format!("Hidden field `{}`, from the survey's link or element", f.id),
            codes,
        });
    }
    for col in columns(survey, multi) {
        let q = col.question;
        let label = survey.tr(&q.label, locale);
        let part = |words: &str| format!("{label}: {words}");
        let option_label = |options: &[ChoiceOption], value: &str| {
            options
                .iter()
                .find(|o| o.value == value)
                .map(|o| survey.tr(&o.label, locale).to_owned())
                .unwrap_or_else(|| other_label(survey, q))
        };
        let (label, codes) = match col.cell {
            Cell::Value => (label.to_owned(), value_codes(survey, q)),
            Cell::Joined => (
                format!("{label} (chosen codes, separated by ;)"),
                choice_codes(survey, q),
            ),
            Cell::Chosen(value) => {
                let options = q.kind.choices().map(|c| c.0).unwrap_or_default();
                (
                    part(&option_label(options, value)),
                    vec![code("1", "chosen"), code("0", "not chosen")],
                )
            }
            Cell::OtherText => (part(&other_label(survey, q)), vec![]),
            Cell::Row(row) => {
                let QuestionKind::Matrix { rows: all, columns } = &q.kind else {
                    unreachable!("only a matrix has row columns")
                };
                let codes = columns
                    .iter()
                    .map(|c| code(&c.value, survey.tr(&c.label, locale)))
                    .collect();
                (part(&option_label(all, row)), codes)
            }
            Cell::Rank(value) => {
                let options = q.kind.choices().map(|c| c.0).unwrap_or_default();
                let n = options.len();
                (
                    part(&option_label(options, value)),
                    vec![
                        code("1", "ranked first (most important)"),
                        code(n.to_string(), "ranked last"),
                    ],
                )
            }
        };
        rows.push(CodebookRow {
            column: col.name,
            question: q.id.clone(),
            kind: q.kind.name().to_owned(),
            label,
            codes,
        });
    }
    rows
}

/// The label of a choice question's "other" option in the default language.
fn other_label(survey: &Survey, q: &Question) -> String {
    match q
        .kind
        .choices()
        .and_then(|c| c.1)
        .and_then(|o| o.label.as_ref())
    {
        Some(label) => survey.tr(label, &survey.default_locale).to_owned(),
        None => i18n::text(&survey.default_locale, &Msg::Other),
    }
}

/// Options (and "other") of a choice question, with their labels.
fn choice_codes(survey: &Survey, q: &Question) -> Vec<Code> {
    let locale = &survey.default_locale;
    let Some((options, other)) = q.kind.choices() else {
        return vec![];
    };
    let mut codes: Vec<Code> = options
        .iter()
        .map(|o| code(&o.value, survey.tr(&o.label, locale)))
        .collect();
    if other.is_some() {
        codes.push(code(OTHER_VALUE, other_label(survey, q)));
    }
    codes
}

/// The codes of a question's own column, by kind.
fn value_codes(survey: &Survey, q: &Question) -> Vec<Code> {
    let locale = &survey.default_locale;
    // The same words `--labels` writes in the CSV.
    let numbered = |range: std::ops::RangeInclusive<u8>| -> Vec<Code> {
        range
            .map(|n| {
                let value = AnswerValue::Number(n.into());
                let words = code_label(survey, q, &value, locale).unwrap_or_default();
                code(n.to_string(), words)
            })
            .collect()
    };
    match &q.kind {
        QuestionKind::SingleChoice { .. } | QuestionKind::Dropdown { .. } => {
            choice_codes(survey, q)
        }
        // Only in `Cell::Joined` or `Cell::Chosen` columns.
        QuestionKind::MultiChoice { .. } | QuestionKind::Matrix { .. } => vec![],
        QuestionKind::Ranking { .. } => vec![],
        QuestionKind::Rating { min, max } => (*min..=*max)
            .map(|n| {
                let words = i18n::text(locale, &Msg::Stars { n, max: *max });
                code(n.to_string(), words)
            })
            .collect(),
        QuestionKind::Nps => vec![
            code("0", i18n::text(locale, &Msg::NpsLow)),
            code("10", i18n::text(locale, &Msg::NpsHigh)),
        ],
        QuestionKind::Likert { points, .. } => numbered(1..=*points),
        QuestionKind::Smiley { faces } => numbered(1..=*faces),
        QuestionKind::YesNo => vec![
            code("1", i18n::text(locale, &Msg::Yes)),
            code("0", i18n::text(locale, &Msg::No)),
        ],
        QuestionKind::Consent { .. } => vec![code("1", "agreed"), code("0", "not agreed")],
        QuestionKind::ShortText { .. }
        | QuestionKind::LongText { .. }
        | QuestionKind::Number { .. }
        | QuestionKind::Date { .. } => vec![],
    }
}

/// The codebook as CSV (the same quoting and options as the export):
/// `column,question,kind,label,codes`, the codes written `code=label`,
/// separated by `; `.
pub fn to_csv(rows: &[CodebookRow], options: CsvOptions) -> String {
    let mut out = String::new();
    if options.bom {
        out.push('\u{feff}');
    }
    let sep = options.separator.char();
    let header = ["column", "question", "kind", "label", "codes"].map(Cow::Borrowed);
    export::push_record(&mut out, header, sep);
    for row in rows {
        let codes = row
            .codes
            .iter()
            .map(|c| format!("{}={}", c.code, c.label))
            .collect::<Vec<_>>()
            .join("; ");
        let fields = [
            export::neutralise(&row.column),
            export::neutralise(&row.question),
            Cow::Borrowed(row.kind.as_str()),
            export::neutralise(&row.label),
            Cow::Owned(export::neutralise(&codes).into_owned()),
        ];
        export::push_record(&mut out, fields, sep);
    }
    out
}

/// The codebook file as JSON: `{ "format": 1, "survey_id", "survey_version",
/// "columns": [ { "column", "question", "kind", "label", "codes": [ { "code",
/// "label" } ] } ] }`, pretty-printed.
pub fn to_json(survey: &Survey, rows: &[CodebookRow]) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        format: u64,
        survey_id: &'a str,
        survey_version: &'a str,
        columns: &'a [CodebookRow],
    }
    let doc = Doc {
        format: crate::FORMAT_VERSION,
        survey_id: &survey.id,
        survey_version: &survey.version,
        columns: rows,
    };
    // Strings and lists of them always serialise.
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}
