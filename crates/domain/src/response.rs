//! A finished response: what is stored, POSTed and exported.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::answer::{self, AnswerError, AnswerValue, Answers};
use crate::bank;
use crate::hidden::Hidden;
use crate::json::type_name;
use crate::survey::Survey;
use crate::text::Locale;

/// One person's finished response. Its JSON form is a published contract:
/// `id`, `survey_id`, `survey_version`, `locale`, `started_at`,
/// `submitted_at` (RFC 3339 UTC) and `answers`, `hidden` when the
/// survey's hidden fields have values, and `partial` when a kiosk kept an
/// unfinished person's answers (see README, "Response JSON").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Response {
    /// A UUID v4 made on the device; also the `Idempotency-Key` when sent.
    pub id: String,
    pub survey_id: String,
    pub survey_version: String,
    pub locale: String,
    pub started_at: String,
    pub submitted_at: String,
    pub answers: Answers,
    /// The survey's hidden fields' values, by field id (see [`crate::hidden`]);
    /// left out of the JSON when there are none, as before there were any.
    #[serde(skip_serializing_if = "Hidden::is_empty")]
    pub hidden: Hidden,
    /// Set on the unfinished answers a kiosk kept when it reset for the
    /// next person (`partial=keep`); left out of the JSON otherwise.
    #[serde(skip_serializing_if = "is_false")]
    pub partial: bool,
    /// The question bank's version (`"2026.1"`) when the person answered
    /// one of its items; left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bank: Option<String>,
    /// The person's choice on the inclusion consent screen: `true` to
    /// answer those questions, `false` to skip them all; left out when the
    /// survey has none, or the person never reached it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inclusion_consent: Option<bool>,
    /// The version of the consent screen's text the person chose on, with
    /// `inclusion_consent` (proof of consent: GDPR Art. 9, UU PDP Art. 24).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent_version: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
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
    pub fn finish(
        survey: &Survey,
        answers: &Answers,
        meta: Finish,
    ) -> Result<Response, Vec<(String, AnswerError)>> {
        let errors = answer::validate(survey, answers);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Response::of(
            survey,
            answer::clean(survey, answers),
            meta,
            false,
        ))
    }

    /// The answers of a person who left before submitting, kept as a
    /// response marked partial (kiosk mode's `partial=keep`): every answer
    /// that is valid and shows, none that is not; `submitted_at` is when it
    /// was kept. `None` when no answer is left to keep.
    pub fn unfinished(survey: &Survey, answers: &Answers, meta: Finish) -> Option<Response> {
        let mut kept = answers.clone();
        for (id, _) in answer::validate(survey, answers) {
            kept.remove(&id);
        }
        let answers = answer::clean(survey, &kept);
        (!answers.is_empty()).then(|| Response::of(survey, answers, meta, true))
    }

    /// The response of `survey` holding `answers` (already cleaned), finished
    /// or kept `partial`; the hidden fields' values come later, from the page.
    fn of(survey: &Survey, mut answers: Answers, meta: Finish, partial: bool) -> Response {
        // The consent screen's choice is the response's, not an answer.
        let consent = match answers.remove(bank::CONSENT_ID) {
            Some(AnswerValue::Text(t)) => Some(t == "yes"),
            _ => None,
        };
        let inclusion = survey.inclusion.as_ref();
        let answered = answers.keys().any(|k| bank::item_of(k).is_some());
        Response {
            bank: inclusion.filter(|_| answered).map(|i| i.bank.clone()),
            inclusion_consent: consent.filter(|_| inclusion.is_some()),
            consent_version: inclusion
                .filter(|_| consent.is_some())
                .map(|i| i.consent_version.clone()),
            id: meta.id.to_owned(),
            survey_id: survey.id.clone(),
            survey_version: survey.version.clone(),
            locale: meta.locale.to_string(),
            started_at: meta.started_at.to_owned(),
            submitted_at: meta.submitted_at.to_owned(),
            answers,
            hidden: Hidden::new(),
            partial,
        }
    }

    /// Reads a response from its JSON form, naming the first field that is
    /// missing or of the wrong type (and the type found: not the value, whose
    /// printing would bring `Value`'s serializer into the widget).
    pub fn from_value(value: Value) -> Result<Response, String> {
        let Value::Object(mut map) = value else {
            return Err("a response must be a JSON object".into());
        };
        let mut text = |key: &str| match map.remove(key) {
            Some(Value::String(s)) => Ok(s),
            Some(other) => Err(format!(
                "`{key}` must be a string, found {}",
                type_name(&other)
            )),
            None => Err(format!("missing field `{key}`")),
        };
        let (id, survey_id, survey_version) =
            (text("id")?, text("survey_id")?, text("survey_version")?);
        let (locale, started_at, submitted_at) =
            (text("locale")?, text("started_at")?, text("submitted_at")?);
        let answers = match map.remove("answers") {
            Some(Value::Object(a)) => {
                // A loop of inserts rather than `collect`: `BTreeMap`'s
                // `FromIterator` sorts first, which would add a whole stable
                // sort to the wasm bundle for keys that already come sorted.
                let mut answers = Answers::new();
                for (k, v) in a {
                    match AnswerValue::from_value(v) {
                        Ok(v) => answers.insert(k, v),
                        Err(e) => return Err(format!("answer `{k}`: {e}")),
                    };
                }
                answers
            }
            Some(other) => {
                return Err(format!(
                    "`answers` must be an object, found {}",
                    type_name(&other)
                ))
            }
            None => return Err("missing field `answers`".into()),
        };
        let mut hidden = Hidden::new();
        match map.remove("hidden") {
            None => {}
            Some(Value::Object(h)) => {
                for (k, v) in h {
                    match v {
                        Value::String(s) => hidden.insert(k, s),
                        other => {
                            return Err(format!(
                                "hidden `{k}` must be a string, found {}",
                                type_name(&other)
                            ))
                        }
                    };
                }
            }
            Some(other) => {
                return Err(format!(
                    "`hidden` must be an object, found {}",
                    type_name(&other)
                ))
            }
        }
        let partial = match map.remove("partial") {
            None | Some(Value::Bool(false)) => false,
            Some(Value::Bool(true)) => true,
            Some(other) => {
                return Err(format!(
                    "`partial` must be a boolean, found {}",
                    type_name(&other)
                ))
            }
        };
        let mut text_field = |key: &str| match map.remove(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(other) => Err(format!(
                "`{key}` must be a string, found {}",
                type_name(&other)
            )),
        };
        let (bank, consent_version) = (text_field("bank")?, text_field("consent_version")?);
        let inclusion_consent = match map.remove("inclusion_consent") {
            None => None,
            Some(Value::Bool(b)) => Some(b),
            Some(other) => {
                return Err(format!(
                    "`inclusion_consent` must be a boolean, found {}",
                    type_name(&other)
                ))
            }
        };
        Ok(Response {
            bank,
            inclusion_consent,
            consent_version,
            id,
            survey_id,
            survey_version,
            locale,
            started_at,
            submitted_at,
            answers,
            hidden,
            partial,
        })
    }

    /// Reads a response from JSON text. The widget parses with the browser's
    /// `JSON.parse` and calls [`Response::from_value`] instead, which keeps
    /// serde_json's text parser out of the wasm.
    pub fn from_json(json: &str) -> Result<Response, String> {
        Response::from_value(serde_json::from_str(json).map_err(|e| e.to_string())?)
    }

    /// The response as compact JSON.
    pub fn to_json(&self) -> String {
        // Always serialises (strings, numbers and string-keyed maps); see `export::to_json`.
        serde_json::to_string(self).unwrap_or_default()
    }
}

// Through `Value`, like `AnswerValue`, to keep one JSON decoder in the widget.
impl<'de> Deserialize<'de> for Response {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Response::from_value(Value::deserialize(deserializer)?).map_err(serde::de::Error::custom)
    }
}
