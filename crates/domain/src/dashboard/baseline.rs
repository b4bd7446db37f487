//! A population baseline: the share of each group of the population a
//! survey means to reach, by inclusion item and code, with its source.
//!
//! ```json
//! "baseline": { "source": "BPS, Sensus Penduduk 2020, Kota Contoh",
//!               "shares": { "gender": { "woman": 0.502, "man": 0.498 } } }
//! ```
//!
//! It sits at the survey file's top level, or in a file of its own of the
//! same shape. The survey reader accepts the `baseline` field and does not
//! read it: only the organiser's page and `suara` read it, here, so the
//! respondent's download carries none of this.

use serde_json::{Map, Value};

use crate::i18n::words_language;
use crate::problem::{Found, JsonType};
use crate::survey::{QuestionKind, Survey, OTHER_VALUE};
use crate::text::Locale;

use super::PREFER_NOT_TO_SAY;

/// How far the shares of one item may add up from 1.
pub const SUM_TOLERANCE: f64 = 0.01;

/// A valid baseline for one survey: every item a choice question of it,
/// every code one of that question's options, each item's shares adding up
/// to 1 within [`SUM_TOLERANCE`].
#[derive(Debug, Clone, PartialEq)]
pub struct Baseline {
    /// Where the figures come from (a census, a register), shown with them.
    pub source: String,
    /// By question id, in the file's order: each code's share, in the file's order.
    pub shares: Vec<(String, Vec<(String, f64)>)>,
}

/// One problem in a baseline, at its JSON path (`$.baseline.shares.gender.woman`).
#[derive(Debug, Clone, PartialEq)]
pub struct BaselineError {
    pub path: String,
    pub problem: BaselineProblem,
}

/// What is wrong with a baseline.
#[derive(Debug, Clone, PartialEq)]
pub enum BaselineProblem {
    /// The baseline, `shares` or an item is not an object.
    NotObject { found: JsonType },
    /// `source` or `shares` is missing.
    MissingField { key: &'static str },
    /// A field the baseline does not have.
    UnknownField { key: String },
    /// `source` is not a text, or is empty.
    Source { found: Found },
    /// `shares` names no item, or an item no code.
    Empty,
    /// The survey has no question with this id.
    NoQuestion { id: String },
    /// The question is not a single or multiple choice or a drop-down.
    NotChoice { id: String, kind: &'static str },
    /// The code is not one of the question's options (`codes`).
    NotACode { code: String, codes: Vec<String> },
    /// `prefer_not_to_say` is left out of reach's shares: it has no baseline.
    PreferNotToSay,
    /// A share that is not a number from 0 to 1.
    NotAShare { found: Found },
    /// The shares of an item add up to `sum`, not to 1 within the tolerance.
    Sum { sum: f64 },
    /// A baseline file that is not JSON: the reader's words.
    NotJson(String),
}

fn path(parent: &str, key: &str) -> String {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        format!("{parent}.{key}")
    } else {
        format!(
            "{parent}[{}]",
            serde_json::to_string(key).unwrap_or_default()
        )
    }
}

fn found(v: &Value) -> Found {
    match v {
        Value::Null => Found::Written("null".to_owned()),
        Value::Bool(b) => Found::Written(b.to_string()),
        Value::Number(n) => Found::Written(n.to_string()),
        Value::String(s) if s.chars().count() <= 40 => {
            Found::Written(serde_json::to_string(s).unwrap_or_default())
        }
        _ => Found::Type(JsonType::of(v)),
    }
}

impl Baseline {
    /// The baseline in a survey file's parsed JSON (`$.baseline`), if it has one.
    pub fn of_survey(
        survey_json: &Value,
        survey: &Survey,
    ) -> Option<Result<Baseline, Vec<BaselineError>>> {
        let value = survey_json.get("baseline")?;
        Some(Baseline::from_value(value, survey, "$.baseline"))
    }

    /// A baseline file's text, read with serde_json (`suara`; the page
    /// parses with the browser's `JSON.parse` and calls [`Baseline::from_value`]).
    pub fn parse(json: &str, survey: &Survey) -> Result<Baseline, Vec<BaselineError>> {
        let value: Value = serde_json::from_str(json).map_err(|e| {
            vec![BaselineError {
                path: "$".to_owned(),
                problem: BaselineProblem::NotJson(e.to_string()),
            }]
        })?;
        Baseline::from_value(&value, survey, "$")
    }

    /// Reads a baseline for `survey` from `value`, found at the JSON path
    /// `at`: every problem, in the file's order.
    pub fn from_value(
        value: &Value,
        survey: &Survey,
        at: &str,
    ) -> Result<Baseline, Vec<BaselineError>> {
        let mut errors = Vec::new();
        let mut err = |path: String, problem| errors.push(BaselineError { path, problem });
        let Some(obj) = object(value, at, &mut err) else {
            return Err(errors);
        };
        for key in obj.keys() {
            if key != "source" && key != "shares" {
                err(
                    path(at, key),
                    BaselineProblem::UnknownField { key: key.clone() },
                );
            }
        }
        let source = match obj.get("source") {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            Some(v) => {
                err(
                    path(at, "source"),
                    BaselineProblem::Source { found: found(v) },
                );
                None
            }
            None => {
                err(
                    at.to_owned(),
                    BaselineProblem::MissingField { key: "source" },
                );
                None
            }
        };
        let mut shares = Vec::new();
        match obj.get("shares") {
            None => err(
                at.to_owned(),
                BaselineProblem::MissingField { key: "shares" },
            ),
            Some(v) => {
                let at = path(at, "shares");
                if let Some(items) = object(v, &at, &mut err) {
                    if items.is_empty() {
                        err(at.clone(), BaselineProblem::Empty);
                    }
                    for (id, item) in items {
                        if let Some(s) = read_item(survey, id, item, &path(&at, id), &mut err) {
                            shares.push((id.clone(), s));
                        }
                    }
                }
            }
        }
        match source {
            Some(source) if errors.is_empty() => Ok(Baseline { source, shares }),
            _ => Err(errors),
        }
    }

    /// The shares of the item `id`.
    pub fn item(&self, id: &str) -> Option<&[(String, f64)]> {
        self.shares
            .iter()
            .find(|(i, _)| i == id)
            .map(|(_, s)| s.as_slice())
    }
}

fn object<'v>(
    value: &'v Value,
    at: &str,
    err: &mut impl FnMut(String, BaselineProblem),
) -> Option<&'v Map<String, Value>> {
    match value {
        Value::Object(m) => Some(m),
        other => {
            err(
                at.to_owned(),
                BaselineProblem::NotObject {
                    found: JsonType::of(other),
                },
            );
            None
        }
    }
}

/// The codes a baseline may give for `kind`: its options and `other`,
/// without `prefer_not_to_say`; None for a kind that is no choice.
fn codes(kind: &QuestionKind) -> Option<Vec<String>> {
    let (options, other) = match kind {
        QuestionKind::SingleChoice { options, other }
        | QuestionKind::MultiChoice { options, other } => (options, other.is_some()),
        QuestionKind::Dropdown { options, .. } => (options, false),
        QuestionKind::ShortText { .. }
        | QuestionKind::LongText { .. }
        | QuestionKind::Rating { .. }
        | QuestionKind::Nps
        | QuestionKind::Consent { .. }
        | QuestionKind::YesNo
        | QuestionKind::Number { .. }
        | QuestionKind::Date { .. }
        | QuestionKind::Likert { .. }
        | QuestionKind::Smiley { .. }
        | QuestionKind::Matrix { .. }
        | QuestionKind::Ranking { .. } => return None,
    };
    let mut out: Vec<String> = options
        .iter()
        .map(|o| o.value.clone())
        .filter(|v| v != PREFER_NOT_TO_SAY)
        .collect();
    if other {
        out.push(OTHER_VALUE.to_owned());
    }
    Some(out)
}

fn read_item(
    survey: &Survey,
    id: &str,
    item: &Value,
    at: &str,
    err: &mut impl FnMut(String, BaselineProblem),
) -> Option<Vec<(String, f64)>> {
    let Some(q) = survey.question(id) else {
        err(
            at.to_owned(),
            BaselineProblem::NoQuestion { id: id.to_owned() },
        );
        return None;
    };
    let Some(allowed) = codes(&q.kind) else {
        err(
            at.to_owned(),
            BaselineProblem::NotChoice {
                id: id.to_owned(),
                kind: q.kind.name(),
            },
        );
        return None;
    };
    let map = object(item, at, err)?;
    if map.is_empty() {
        err(at.to_owned(), BaselineProblem::Empty);
        return None;
    }
    let mut ok = true;
    let mut out = Vec::new();
    for (code, v) in map {
        let here = path(at, code);
        if code == PREFER_NOT_TO_SAY {
            err(here, BaselineProblem::PreferNotToSay);
            ok = false;
            continue;
        }
        if !allowed.contains(code) {
            err(
                here,
                BaselineProblem::NotACode {
                    code: code.clone(),
                    codes: allowed.clone(),
                },
            );
            ok = false;
            continue;
        }
        match v.as_f64().filter(|s| (0.0..=1.0).contains(s)) {
            Some(s) => out.push((code.clone(), s)),
            None => {
                err(here, BaselineProblem::NotAShare { found: found(v) });
                ok = false;
            }
        }
    }
    if !ok {
        return None;
    }
    let sum: f64 = out.iter().map(|(_, s)| s).sum();
    if (sum - 1.0).abs() > SUM_TOLERANCE + 1e-9 {
        err(at.to_owned(), BaselineProblem::Sum { sum });
        return None;
    }
    Some(out)
}

fn found_words(f: &Found) -> String {
    match f {
        Found::Written(w) => w.clone(),
        Found::Type(t) => match t {
            JsonType::Null => "null",
            JsonType::Bool => "true/false",
            JsonType::Number => "a number",
            JsonType::String => "a text",
            JsonType::Array => "a list",
            JsonType::Object => "an object",
        }
        .to_owned(),
    }
}

/// One problem of a baseline, with its JSON path, in `locale`'s language
/// (English where the widget does not speak it; Arabic words it in English
/// too, as the survey author's messages are). Here, not in [`crate::i18n`],
/// which the export below the dashboard uses.
pub fn line(locale: &Locale, e: &BaselineError) -> String {
    let indonesian = words_language(locale) == "id";
    let what = match (&e.problem, indonesian) {
        (BaselineProblem::NotObject { .. }, false) => "must be an object".to_owned(),
        (BaselineProblem::NotObject { .. }, true) => "harus berupa objek".to_owned(),
        (BaselineProblem::MissingField { key }, false) => format!("missing field `{key}`"),
        (BaselineProblem::MissingField { key }, true) => format!("bidang `{key}` belum ada"),
        (BaselineProblem::UnknownField { key }, false) => format!("unknown field `{key}`; a baseline has `source` and `shares`"),
        (BaselineProblem::UnknownField { key }, true) => format!("bidang `{key}` tidak dikenal; baseline berisi `source` dan `shares`"),
        (BaselineProblem::Source { found: f }, false) => format!("`source` must say where the figures come from, found {}", found_words(f)),
        (BaselineProblem::Source { found: f }, true) => format!("`source` harus menyebut asal angka-angkanya, ternyata {}", found_words(f)),
        (BaselineProblem::Empty, false) => "must not be empty".to_owned(),
        (BaselineProblem::Empty, true) => "tidak boleh kosong".to_owned(),
        (BaselineProblem::NoQuestion { id }, false) => format!("the survey has no question `{id}`"),
        (BaselineProblem::NoQuestion { id }, true) => format!("survei tidak memiliki pertanyaan `{id}`"),
        (BaselineProblem::NotChoice { id, kind }, false) => format!("`{id}` is a `{kind}` question: a baseline is for single or multiple choice and drop-down questions"),
        (BaselineProblem::NotChoice { id, kind }, true) => format!("`{id}` adalah pertanyaan `{kind}`: baseline hanya untuk pertanyaan pilihan tunggal, pilihan ganda dan drop-down"),
        (BaselineProblem::NotACode { code, codes }, false) => format!("`{code}` is not one of the question's codes ({})", codes.join(", ")),
        (BaselineProblem::NotACode { code, codes }, true) => format!("`{code}` bukan salah satu kode pertanyaan ini ({})", codes.join(", ")),
        (BaselineProblem::PreferNotToSay, false) => "`prefer_not_to_say` is left out of reach's shares: give it no share".to_owned(),
        (BaselineProblem::PreferNotToSay, true) => "`prefer_not_to_say` tidak ikut dalam bagian jangkauan: jangan beri bagian".to_owned(),
        (BaselineProblem::NotAShare { found: f }, false) => format!("a share must be a number from 0 to 1, found {}", found_words(f)),
        (BaselineProblem::NotAShare { found: f }, true) => format!("bagian harus bilangan dari 0 sampai 1, ternyata {}", found_words(f)),
        (BaselineProblem::Sum { sum }, false) => format!("the shares add up to {}, not 1 (within 0.01)", super::decimal(*sum, 4, true)),
        (BaselineProblem::Sum { sum }, true) => format!("jumlah bagiannya {}, bukan 1 (selisih paling banyak 0,01)", super::decimal(*sum, 4, true)),
        (BaselineProblem::NotJson(why), false) => format!("not JSON: {why}"),
        (BaselineProblem::NotJson(why), true) => format!("bukan JSON: {why}"),
    };
    format!("{what} ({})", e.path)
}
