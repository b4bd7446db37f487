//! The rules that make answers valid: one question's ([`check`]), a whole
//! survey's with its show-if logic ([`validate`]), and what is kept of them
//! ([`clean`]). The answers themselves are [`AnswerValue`]s in [`Answers`].

use crate::logic::hidden_questions;
use crate::survey::{is_date, ChoiceOption, Question, QuestionKind, Survey, OTHER_VALUE};

pub use crate::value::{AnswerValue, Answers};

/// The answer key holding the description of question `id`'s "other" choice.
pub fn other_text_key(id: &str) -> String {
    format!("{id}.other_text")
}

/// Longest "other, please describe" text, in characters.
pub const MAX_OTHER_TEXT: usize = 200;

/// Why an answer is not accepted. The widget words it in the person's
/// language (see [`crate::i18n`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    /// A required question has no answer.
    Required,
    /// Text longer than the question allows.
    TooLong { max: u32, len: usize },
    /// A number outside the question's range.
    OutOfRange { min: i64, max: i64 },
    /// A value that is not one of the question's options.
    NotAnOption,
    /// "Other" is chosen but not described.
    OtherTextMissing,
    /// The "other" description is too long.
    OtherTextTooLong { max: usize },
    /// A required consent was not given.
    ConsentRequired,
    /// The value has the wrong shape for the question (a number for a text question).
    WrongType,
    /// What was typed into a number question is not a number.
    NotANumber,
    /// A number with a fraction where the question asks for a whole number.
    NotWhole,
    /// A number below the question's `min` (as the survey writes it).
    TooSmall { min: String },
    /// A number above the question's `max`.
    TooBig { max: String },
    /// A date question's answer is not a whole calendar date (`YYYY-MM-DD`).
    NotADate,
    /// A date before the question's `min` (`YYYY-MM-DD`).
    TooEarly { min: String },
    /// A date after the question's `max`.
    TooLate { max: String },
    /// A required matrix with some of its rows (`left` of them) unanswered.
    RowsUnanswered { left: usize },
    /// A required ranking the person has neither reordered nor confirmed.
    Unranked,
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Checks one question's answer; `None` when it is acceptable.
pub fn check(question: &Question, answers: &Answers) -> Option<AnswerError> {
    let value = answers.get(&question.id).filter(|v| v.is_answered());
    let Some(value) = value else {
        let must = question.required;
        return must.then_some(match question.kind {
            QuestionKind::Consent { .. } => AnswerError::ConsentRequired,
            // The list already shows an order: say what makes it an answer.
            QuestionKind::Ranking { .. } => AnswerError::Unranked,
            QuestionKind::SingleChoice { .. }
            | QuestionKind::MultiChoice { .. }
            | QuestionKind::ShortText { .. }
            | QuestionKind::LongText { .. }
            | QuestionKind::Rating { .. }
            | QuestionKind::Nps
            | QuestionKind::YesNo
            | QuestionKind::Number { .. }
            | QuestionKind::Date { .. }
            | QuestionKind::Dropdown { .. }
            | QuestionKind::Likert { .. }
            | QuestionKind::Smiley { .. }
            | QuestionKind::Matrix { .. } => AnswerError::Required,
        });
    };
    let other_text = || match answers.get(&other_text_key(&question.id)) {
        Some(AnswerValue::Text(t)) => t.trim().to_owned(),
        _ => String::new(),
    };
    let check_other = |chose_other: bool| {
        if !chose_other {
            return None;
        }
        let text = other_text();
        if text.is_empty() {
            Some(AnswerError::OtherTextMissing)
        } else if chars(&text) > MAX_OTHER_TEXT {
            Some(AnswerError::OtherTextTooLong {
                max: MAX_OTHER_TEXT,
            })
        } else {
            None
        }
    };
    let is_option = |v: &str, options: &[ChoiceOption], other: bool| {
        options.iter().any(|o| o.value == v) || (other && v == OTHER_VALUE)
    };
    match (&question.kind, value) {
        (QuestionKind::SingleChoice { options, other }, AnswerValue::Text(v)) => {
            if !is_option(v, options, other.is_some()) {
                return Some(AnswerError::NotAnOption);
            }
            check_other(other.is_some() && v == OTHER_VALUE)
        }
        (QuestionKind::MultiChoice { options, other }, AnswerValue::Choices(vs)) => {
            if vs.iter().any(|v| !is_option(v, options, other.is_some())) {
                return Some(AnswerError::NotAnOption);
            }
            check_other(other.is_some() && vs.iter().any(|v| v == OTHER_VALUE))
        }
        (
            QuestionKind::ShortText { max_length } | QuestionKind::LongText { max_length },
            AnswerValue::Text(t),
        ) => {
            // Measured as stored: `clean` trims the text.
            let len = chars(t.trim());
            (len > *max_length as usize).then_some(AnswerError::TooLong {
                max: *max_length,
                len,
            })
        }
        (QuestionKind::Rating { min, max }, AnswerValue::Number(n)) => {
            in_range(n, i64::from(*min), i64::from(*max))
        }
        (QuestionKind::Nps, AnswerValue::Number(n)) => in_range(n, 0, 10),
        (
            QuestionKind::Likert { points: top, .. } | QuestionKind::Smiley { faces: top },
            AnswerValue::Number(n),
        ) => in_range(n, 1, i64::from(*top)),
        (QuestionKind::Consent { .. }, AnswerValue::Bool(agreed)) => {
            (question.required && !agreed).then_some(AnswerError::ConsentRequired)
        }
        (QuestionKind::YesNo, AnswerValue::Bool(_)) => None,
        (QuestionKind::Dropdown { options, .. }, AnswerValue::Text(v)) => {
            (!is_option(v, options, false)).then_some(AnswerError::NotAnOption)
        }
        (QuestionKind::Number { min, max, integer }, AnswerValue::Number(n)) => {
            let v = n.as_f64().unwrap_or(f64::NAN);
            if *integer && v.fract() != 0.0 {
                Some(AnswerError::NotWhole)
            } else if let Some(min) = min.as_ref().filter(|m| m.as_f64() > Some(v)) {
                Some(AnswerError::TooSmall {
                    min: min.to_string(),
                })
            } else {
                let max = max.as_ref().filter(|m| m.as_f64() < Some(v));
                max.map(|max| AnswerError::TooBig {
                    max: max.to_string(),
                })
            }
        }
        (QuestionKind::Date { min, max }, AnswerValue::Text(t)) => {
            if !is_date(t) {
                Some(AnswerError::NotADate)
            } else if let Some(min) = min.as_ref().filter(|m| t < *m) {
                Some(AnswerError::TooEarly { min: min.clone() })
            } else {
                let max = max.as_ref().filter(|m| t > *m);
                max.map(|max| AnswerError::TooLate { max: max.clone() })
            }
        }
        (QuestionKind::Matrix { rows, columns }, AnswerValue::Rows(answered)) => {
            let known = |list: &[ChoiceOption], v: &str| list.iter().any(|o| o.value == v);
            if answered
                .iter()
                .any(|(r, c)| !known(rows, r) || !known(columns, c))
            {
                return Some(AnswerError::NotAnOption);
            }
            let left = rows
                .iter()
                .filter(|r| !answered.iter().any(|(a, _)| *a == r.value))
                .count();
            (question.required && left > 0).then_some(AnswerError::RowsUnanswered { left })
        }
        (QuestionKind::Ranking { options }, AnswerValue::Choices(order)) => {
            if order.iter().any(|v| !is_option(v, options, false)) {
                Some(AnswerError::NotAnOption)
            } else {
                // Every option once: a duplicate or a missing one is no order.
                ranking(options, order)
                    .is_none()
                    .then_some(AnswerError::WrongType)
            }
        }
        // Text that could not be read as a number (see `number_from_text`).
        (QuestionKind::Number { .. }, AnswerValue::Text(_)) => Some(AnswerError::NotANumber),
        // Every other pairing is a value of a shape the kind does not take.
        // The kinds are listed, not `_`, so a new kind is not refused here
        // by default: the compiler asks for its rule.
        (
            QuestionKind::SingleChoice { .. }
            | QuestionKind::MultiChoice { .. }
            | QuestionKind::ShortText { .. }
            | QuestionKind::LongText { .. }
            | QuestionKind::Rating { .. }
            | QuestionKind::Nps
            | QuestionKind::Consent { .. }
            | QuestionKind::YesNo
            | QuestionKind::Number { .. }
            | QuestionKind::Date { .. }
            | QuestionKind::Dropdown { .. }
            | QuestionKind::Likert { .. }
            | QuestionKind::Smiley { .. }
            | QuestionKind::Matrix { .. }
            | QuestionKind::Ranking { .. },
            _,
        ) => Some(AnswerError::WrongType),
    }
}

/// The answer to a number question from the number the browser read in the
/// box (`valueAsNumber`: the widget carries no number parser of its own): a
/// whole number is stored whole (`3`, not `3.0`), anything else as it is,
/// never rounded or clamped. `None` for what is not a finite number.
pub fn number_from_f64(v: f64) -> Option<serde_json::Number> {
    // Below 2^53 every whole f64 is exact as an i64.
    if v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 {
        return Some((v as i64).into());
    }
    serde_json::Number::from_f64(v)
}

/// The options in the order `answer` ranks them, as indexes into `options`,
/// when it holds every option value exactly once; `None` otherwise.
pub fn ranking(options: &[ChoiceOption], answer: &[String]) -> Option<Vec<usize>> {
    if answer.len() != options.len() {
        return None;
    }
    let mut order = Vec::new();
    for v in answer {
        let i = options.iter().position(|o| o.value == *v)?;
        if order.contains(&i) {
            return None;
        }
        order.push(i);
    }
    Some(order)
}

/// A matrix's answer with `row` answered `column`, and its other rows as
/// they were, in the survey's row order.
pub fn with_row(
    rows: &[ChoiceOption],
    answer: Option<&AnswerValue>,
    row: &str,
    column: &str,
) -> AnswerValue {
    let before = match answer {
        Some(AnswerValue::Rows(r)) => r.as_slice(),
        _ => &[],
    };
    let mut out = Vec::new();
    for r in rows {
        let value = if r.value == row {
            Some(column)
        } else {
            before
                .iter()
                .find(|(b, _)| *b == r.value)
                .map(|(_, c)| c.as_str())
        };
        if let Some(c) = value {
            out.push((r.value.clone(), c.to_owned()));
        }
    }
    AnswerValue::Rows(out)
}

fn in_range(n: &serde_json::Number, min: i64, max: i64) -> Option<AnswerError> {
    let ok = n.as_i64().is_some_and(|v| (min..=max).contains(&v));
    (!ok).then_some(AnswerError::OutOfRange { min, max })
}

/// Every problem with a set of answers, as (question id, error), in survey
/// order. Questions hidden by `show_if` are not checked.
pub fn validate(survey: &Survey, answers: &Answers) -> Vec<(String, AnswerError)> {
    let hidden = hidden_questions(survey, answers);
    // Plain loops over the pages' questions: `filter_map` over
    // `Survey::questions`'s flattening iterator costs 1 KB more of wasm.
    let mut errors = Vec::new();
    for page in &survey.pages {
        for q in &page.questions {
            if hidden.contains(&q.id) {
                continue;
            }
            if let Some(e) = check(q, answers) {
                errors.push((q.id.clone(), e));
            }
        }
    }
    errors
}

/// The answers worth keeping: only the survey's questions that are shown
/// (not hidden by `show_if`), no blanks, text trimmed, and an "other"
/// description only where "other" is chosen.
pub fn clean(survey: &Survey, answers: &Answers) -> Answers {
    let hidden = hidden_questions(survey, answers);
    let mut out = Answers::new();
    // Plain loops, as in `validate`.
    for page in &survey.pages {
        for q in &page.questions {
            if hidden.contains(&q.id) {
                continue;
            }
            let Some(value) = answers.get(&q.id).filter(|v| v.is_answered()) else {
                continue;
            };
            let value = match value {
                AnswerValue::Text(t) => AnswerValue::Text(t.trim().to_owned()),
                v => v.clone(),
            };
            let chose_other = match (&q.kind, &value) {
                (QuestionKind::SingleChoice { other: Some(_), .. }, AnswerValue::Text(v)) => {
                    v == OTHER_VALUE
                }
                (QuestionKind::MultiChoice { other: Some(_), .. }, AnswerValue::Choices(vs)) => {
                    vs.iter().any(|v| v == OTHER_VALUE)
                }
                (
                    QuestionKind::SingleChoice { .. }
                    | QuestionKind::MultiChoice { .. }
                    | QuestionKind::ShortText { .. }
                    | QuestionKind::LongText { .. }
                    | QuestionKind::Rating { .. }
                    | QuestionKind::Nps
                    | QuestionKind::Consent { .. }
                    | QuestionKind::YesNo
                    | QuestionKind::Number { .. }
                    | QuestionKind::Date { .. }
                    | QuestionKind::Dropdown { .. }
                    | QuestionKind::Likert { .. }
                    | QuestionKind::Smiley { .. }
                    | QuestionKind::Matrix { .. }
                    | QuestionKind::Ranking { .. },
                    _,
                ) => false,
            };
            if chose_other {
                let key = other_text_key(&q.id);
                if let Some(AnswerValue::Text(t)) = answers.get(&key) {
                    if !t.trim().is_empty() {
                        out.insert(key, AnswerValue::Text(t.trim().to_owned()));
                    }
                }
            }
            out.insert(q.id.clone(), value);
        }
    }
    out
}
