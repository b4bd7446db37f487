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
use crate::bank;
use crate::export::{self, code_label, columns, hidden_column, Cell, CsvOptions, MultiColumns};
use crate::hidden::Allowed;
use crate::i18n::{self, Msg};
use crate::survey::{ChoiceOption, Question, QuestionKind, Survey, OTHER_VALUE};
use crate::text::Locale;

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
    /// What the column holds in each of the survey's languages, the default
    /// first (the question's wording as the person read it).
    pub labels: Words,
    /// The question bank's item the column comes from (`wg_ss`, `gender`),
    /// empty for a question of the survey's own.
    pub bank_item: String,
    /// The bank's version, with `bank_item`.
    pub bank_version: String,
    /// How a derived column is computed from others (`wg_disability`);
    /// empty for the others.
    pub derivation: String,
}

/// A value a column can hold, and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Code {
    pub code: String,
    /// In the survey's default language.
    pub label: String,
    /// In each of the survey's languages, the default first.
    pub labels: Words,
}

/// One text in several languages, written in JSON as an object of
/// language code to words, in the survey's order of languages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words(pub Vec<(String, String)>);

impl Serialize for Words {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl Words {
    /// The words in `locale`, empty without them.
    pub fn get(&self, locale: &str) -> &str {
        self.0
            .iter()
            .find(|(l, _)| l == locale)
            .map_or("", |(_, w)| w.as_str())
    }
}

fn code(code: impl Into<String>, label: impl Into<String>) -> Code {
    Code {
        code: code.into(),
        label: label.into(),
        labels: Words::default(),
    }
}

/// The codebook of the CSV written with `multi`, in column order.
pub fn codebook(survey: &Survey, multi: MultiColumns) -> Vec<CodebookRow> {
    // Described once per language, then put together: the rows and their
    // codes are the same in every language, only their words differ.
    let per_locale: Vec<(&Locale, Vec<CodebookRow>)> = survey
        .locales
        .iter()
        .map(|l| (l, rows_in(survey, multi, l)))
        .collect();
    let Some((_, first)) = per_locale.first() else {
        return Vec::new();
    };
    let mut rows = first.clone();
    for (i, row) in rows.iter_mut().enumerate() {
        for (l, other) in &per_locale {
            let theirs = &other[i];
            row.labels.0.push((l.to_string(), theirs.label.clone()));
            for (c, code) in row.codes.iter_mut().enumerate() {
                let words = theirs
                    .codes
                    .get(c)
                    .map(|t| t.label.clone())
                    .unwrap_or_default();
                code.labels.0.push((l.to_string(), words));
            }
        }
    }
    rows
}

/// The codebook's rows with their words in `locale`.
fn rows_in(survey: &Survey, multi: MultiColumns, locale: &Locale) -> Vec<CodebookRow> {
    let row = |column: String, question: String, kind: &str, label: String, codes: Vec<Code>| {
        CodebookRow {
            column,
            question,
            kind: kind.to_owned(),
            label,
            codes,
            labels: Words::default(),
            bank_item: String::new(),
            bank_version: String::new(),
            derivation: String::new(),
        }
    };
    let fixed = |column: &str, label: &str, codes: Vec<Code>| {
        row(
            column.to_owned(),
            String::new(),
            "response",
            label.to_owned(),
            codes,
        )
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
        rows.push(row(
            hidden_column(&f.id),
            String::new(),
            "hidden",
            format!("Hidden field `{}`, from the survey's link or element", f.id),
            codes,
        ));
    }
    let bank_version = survey.inclusion.as_ref().map(|i| i.bank.as_str());
    for col in columns(survey, multi) {
        let q = col.question;
        let label = survey.tr(&q.label, locale);
        let part = |words: &str| format!("{label}: {words}");
        let option_label = |options: &[ChoiceOption], value: &str| {
            options
                .iter()
                .find(|o| o.value == value)
                .map(|o| survey.tr(&o.label, locale).to_owned())
                .unwrap_or_else(|| other_label(survey, q, locale))
        };
        let mut derivation = "";
        let (label, codes) = match col.cell {
            Cell::Value => (label.to_owned(), value_codes(survey, q, locale)),
            Cell::Joined => (
                format!("{label} (chosen codes, separated by ;)"),
                choice_codes(survey, q, locale),
            ),
            Cell::Chosen(value) => {
                let options = q.kind.choices().map(|c| c.0).unwrap_or_default();
                (
                    part(&option_label(options, value)),
                    vec![code("1", "chosen"), code("0", "not chosen")],
                )
            }
            Cell::OtherText => (part(&other_label(survey, q, locale)), vec![]),
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
            Cell::Consent => {
                let options = q.kind.choices().map(|c| c.0).unwrap_or_default();
                derivation = "the person's choice on the consent screen before the inclusion questions (the response's inclusion_consent)";
                (
                    label.to_owned(),
                    vec![
                        code("1", option_label(options, "yes")),
                        code("0", option_label(options, "no")),
                    ],
                )
            }
            Cell::ConsentVersion => (
                "The version of the consent screen's text the person chose on".to_owned(),
                vec![],
            ),
            Cell::Bank => (
                "The question bank's version, when the person answered one of its questions"
                    .to_owned(),
                vec![],
            ),
            Cell::WgDisability => {
                derivation = bank::WG_DERIVATION;
                (
                    "Disability (Washington Group Short Set)".to_owned(),
                    vec![
                        code(
                            "1",
                            "at least one domain with a lot of difficulty or cannot do at all",
                        ),
                        code(
                            "0",
                            "all six answered, none with a lot of difficulty or cannot do at all",
                        ),
                    ],
                )
            }
        };
        let mut r = row(col.name, q.id.clone(), q.kind.name(), label, codes);
        if let (Some(version), Some(item)) = (bank_version, bank::item_of(&q.id)) {
            r.bank_item = item.to_owned();
            r.bank_version = version.to_owned();
        }
        r.derivation = derivation.to_owned();
        match col.cell {
            Cell::ConsentVersion | Cell::Bank => {
                r.question.clear();
                r.kind = "response".to_owned();
                r.bank_item.clear();
                r.bank_version.clear();
            }
            Cell::WgDisability => {
                r.question.clear();
                r.kind = "derived".to_owned();
            }
            _ => {}
        }
        rows.push(r);
    }
    rows
}

/// The label of a choice question's "other" option in `locale`.
fn other_label(survey: &Survey, q: &Question, locale: &Locale) -> String {
    match q
        .kind
        .choices()
        .and_then(|c| c.1)
        .and_then(|o| o.label.as_ref())
    {
        Some(label) => survey.tr(label, locale).to_owned(),
        None => i18n::text(locale, &Msg::Other),
    }
}

/// Options (and "other") of a choice question, with their labels.
fn choice_codes(survey: &Survey, q: &Question, locale: &Locale) -> Vec<Code> {
    let Some((options, other)) = q.kind.choices() else {
        return vec![];
    };
    let mut codes: Vec<Code> = options
        .iter()
        .map(|o| code(&o.value, survey.tr(&o.label, locale)))
        .collect();
    if other.is_some() {
        codes.push(code(OTHER_VALUE, other_label(survey, q, locale)));
    }
    codes
}

/// The codes of a question's own column, by kind.
fn value_codes(survey: &Survey, q: &Question, locale: &Locale) -> Vec<Code> {
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
            choice_codes(survey, q, locale)
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
/// `column,question,kind,label,codes`, then `label.<locale>` and
/// `codes.<locale>` for each of the survey's other languages, then
/// `bank_item,bank_version,derivation`; the codes written `code=label`,
/// separated by `; `.
pub fn to_csv(rows: &[CodebookRow], options: CsvOptions) -> String {
    let mut out = String::new();
    if options.bom {
        out.push('\u{feff}');
    }
    let sep = options.separator.char();
    let others: Vec<String> = rows
        .first()
        .map(|r| r.labels.0.iter().skip(1).map(|(l, _)| l.clone()).collect())
        .unwrap_or_default();
    let mut header: Vec<Cow<str>> = ["column", "question", "kind", "label", "codes"]
        .map(Cow::Borrowed)
        .into();
    for l in &others {
        header.push(Cow::Owned(format!("label.{l}")));
        header.push(Cow::Owned(format!("codes.{l}")));
    }
    header.extend(["bank_item", "bank_version", "derivation"].map(Cow::Borrowed));
    export::push_record(&mut out, header, sep);
    for row in rows {
        let codes = |locale: Option<&str>| {
            let joined = row
                .codes
                .iter()
                .map(|c| {
                    let words = locale.map_or(c.label.as_str(), |l| c.labels.get(l));
                    format!("{}={words}", c.code)
                })
                .collect::<Vec<_>>()
                .join("; ");
            Cow::Owned(export::neutralise(&joined).into_owned())
        };
        let mut fields = vec![
            export::neutralise(&row.column),
            export::neutralise(&row.question),
            Cow::Borrowed(row.kind.as_str()),
            export::neutralise(&row.label),
            codes(None),
        ];
        for l in &others {
            fields.push(export::neutralise(row.labels.get(l)));
            fields.push(codes(Some(l)));
        }
        fields.push(Cow::Borrowed(row.bank_item.as_str()));
        fields.push(Cow::Borrowed(row.bank_version.as_str()));
        fields.push(export::neutralise(&row.derivation));
        export::push_record(&mut out, fields, sep);
    }
    out
}

/// The codebook file as JSON: `{ "format": 1, "survey_id", "survey_version",
/// "columns": [ { "column", "question", "kind", "label", "codes": [ { "code",
/// "label", "labels" } ], "labels", "bank_item", "bank_version",
/// "derivation" } ] }`, pretty-printed; `labels` are objects of language
/// code to words.
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
