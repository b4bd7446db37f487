//! A finished response: what is stored, POSTed and exported.

use serde::{Deserialize, Serialize};

use crate::answer::{self, AnswerError, Answers};
use crate::survey::Survey;
use crate::text::Locale;

/// One person's finished response. Its JSON form is a published contract:
/// `id`, `survey_id`, `survey_version`, `locale`, `started_at`,
/// `submitted_at` (RFC 3339 UTC) and `answers`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    /// A UUID v4 made on the device; also the `Idempotency-Key` when sent.
    pub id: String,
    pub survey_id: String,
    pub survey_version: String,
    pub locale: String,
    pub started_at: String,
    pub submitted_at: String,
    pub answers: Answers,
}

/// What the platform supplies when a response is finished: the domain makes
/// no ids and reads no clock.
#[derive(Debug, Clone)]
pub struct Finish<'a> {
    pub id: &'a str,
    pub locale: &'a Locale,
    pub started_at: &'a str,
    pub submitted_at: &'a str,
}

impl Response {
    /// Builds the response if every answer is valid; otherwise returns every
    /// problem, by question id, in survey order.
    pub fn finish(survey: &Survey, answers: &Answers, meta: Finish) -> Result<Response, Vec<(String, AnswerError)>> {
        let errors = answer::validate(survey, answers);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Response {
            id: meta.id.to_owned(),
            survey_id: survey.id.clone(),
            survey_version: survey.version.clone(),
            locale: meta.locale.to_string(),
            started_at: meta.started_at.to_owned(),
            submitted_at: meta.submitted_at.to_owned(),
            answers: answer::clean(survey, answers),
        })
    }

    /// The response as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a response always serialises")
    }
}
