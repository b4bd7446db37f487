//! The review step: each answer in words, as the person would say it, for
//! the list they check before submitting.

use crate::answer::{other_text_key, AnswerValue, Answers};
use crate::i18n::{self, Msg};
use crate::survey::{ChoiceOption, Question, QuestionKind, Survey, OTHER_VALUE};
use crate::text::{piped_id, Locale};

/// The question ids a text pipes in, as [`pipe`] reads them.
pub use crate::text::piped_ids;

/// The answer to `question` in words in `locale`: option labels rather than
/// codes, "Yes" rather than `true`, "4 of 5 stars" rather than `4`. `None`
/// when it is unanswered.
pub fn answer_words(
    survey: &Survey,
    question: &Question,
    answers: &Answers,
    locale: &Locale,
) -> Option<String> {
    let value = answers.get(&question.id).filter(|v| v.is_answered())?;
    let say = |msg: Msg| i18n::text(locale, &msg);
    // An option's label; "other" is the person's own description.
    let option = |options: &[ChoiceOption], v: &str| -> String {
        if v == OTHER_VALUE {
            if let Some(AnswerValue::Text(t)) = answers.get(&other_text_key(&question.id)) {
                let other = question
                    .kind
                    .choices()
                    .and_then(|(_, o)| o)
                    .and_then(|o| o.label.as_ref())
                    .map_or_else(|| say(Msg::Other), |l| survey.tr(l, locale).to_owned());
                return format!("{other}: {}", t.trim());
            }
        }
        options
            .iter()
            .find(|o| o.value == v)
            .map_or_else(|| v.to_owned(), |o| survey.tr(&o.label, locale).to_owned())
    };
    let level = |n: &serde_json::Number| n.as_u64().and_then(|n| u8::try_from(n).ok());
    Some(match (&question.kind, value) {
        (QuestionKind::SingleChoice { options, .. }, AnswerValue::Text(v))
        | (QuestionKind::Dropdown { options, .. }, AnswerValue::Text(v)) => option(options, v),
        (QuestionKind::MultiChoice { options, .. }, AnswerValue::Choices(vs)) => vs
            .iter()
            .map(|v| option(options, v))
            .collect::<Vec<_>>()
            .join(", "),
        (QuestionKind::Rating { max, .. }, AnswerValue::Number(n)) => match level(n) {
            Some(n) => say(Msg::Stars { n, max: *max }),
            None => n.to_string(),
        },
        (QuestionKind::Likert { points, labels }, AnswerValue::Number(n)) => {
            match (level(n), labels) {
                (Some(p), Some(labels)) if p >= 1 => labels
                    .get(usize::from(p - 1))
                    .map_or_else(|| n.to_string(), |l| survey.tr(l, locale).to_owned()),
                (Some(p), None) if (1..=*points).contains(&p) => say(Msg::likert(p, *points)),
                _ => n.to_string(),
            }
        }
        (QuestionKind::Smiley { faces }, AnswerValue::Number(n)) => match level(n) {
            Some(f) if (1..=*faces).contains(&f) => say(Msg::face(f, *faces)),
            _ => n.to_string(),
        },
        // "1. Jobs", "2. Health", … one per line.
        (QuestionKind::Ranking { options }, AnswerValue::Choices(vs)) => {
            let mut out = String::new();
            for (i, v) in vs.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                out.push_str(&format!("{}. {}", i + 1, option(options, v)));
            }
            out
        }
        // "We share the same goals. — Agree", one statement per line, in
        // the survey's order.
        (QuestionKind::Matrix { rows, columns }, AnswerValue::Rows(answered)) => {
            let mut out = String::new();
            for row in rows {
                let Some((_, column)) = answered.iter().find(|(r, _)| *r == row.value) else {
                    continue;
                };
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(survey.tr(&row.label, locale));
                out.push_str(" — ");
                out.push_str(&option(columns, column));
            }
            out
        }
        // Every other pairing reads as it is: the answers of the text,
        // number and yes/no kinds, and a value of a shape the kind does not
        // take (refused by validation).
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
        ) => match value {
            AnswerValue::Bool(b) => say(if *b { Msg::Yes } else { Msg::No }),
            AnswerValue::Number(n) => n.to_string(),
            AnswerValue::Text(t) => t.trim().to_owned(),
            AnswerValue::Choices(vs) => vs.join(", "),
            // Rows for a question that is not a matrix: refused by validation.
            AnswerValue::Rows(_) => String::new(),
        },
    })
}

/// `text` with each `{id}` replaced by the answer to question `id` in words
/// (see [`answer_words`]); by nothing while that question is unanswered or
/// in `hidden`.
pub fn pipe(
    survey: &Survey,
    text: &str,
    answers: &Answers,
    hidden: &[String],
    locale: &Locale,
) -> String {
    let mut parts = text.split('{');
    let mut out = parts.next().unwrap_or_default().to_owned();
    for part in parts {
        let question = piped_id(part).and_then(|id| Some((id, survey.question(id)?)));
        let Some((id, q)) = question else {
            out.push('{');
            out.push_str(part);
            continue;
        };
        if !hidden.iter().any(|h| h == id) {
            out.push_str(&answer_words(survey, q, answers, locale).unwrap_or_default());
        }
        out.push_str(&part[id.len() + 1..]);
    }
    out
}
