//! How responses are sent: the endpoint's address, extra headers, time limit,
//! body shape and request mode, checked from the page's settings.
//!
//! The browser shell checks the address (only http and https) and parses the
//! `headers` text; everything else is decided here. Problems are data
//! ([`SettingProblem`]), worded for the author on the organiser's page
//! only, like a survey file's.

use serde_json::Value;

use crate::problem::{HeaderProblem, SchemaError, SettingProblem};
use crate::Response;

/// The time limit for one attempt when `timeout` is not set, in seconds.
pub const DEFAULT_TIMEOUT_SECS: u32 = 20;

/// The longest time limit `timeout` accepts, in seconds.
pub const MAX_TIMEOUT_SECS: u32 = 120;

/// The endpoint's settings besides its address, as the page gave them:
/// `None` when a setting is absent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings<'a> {
    /// `headers`: the setting's JSON, or why its text is not JSON (the
    /// reader's words).
    pub headers: Option<Result<Value, String>>,
    /// `timeout`: seconds.
    pub timeout: Option<&'a str>,
    /// `wrap`: the name of the field to put the response in.
    pub wrap: Option<&'a str>,
    /// `request`: `simple` or `cors`.
    pub request: Option<&'a str>,
}

/// Where and how to send each response.
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoint {
    /// The checked http or https address.
    pub url: String,
    /// Extra headers sent with every request, in the order given.
    pub headers: Vec<(String, String)>,
    /// How long one attempt may take before it counts as a network failure.
    pub timeout_secs: u32,
    /// The field the response is put in, or `None` to send it as it is.
    pub wrap: Option<String>,
    /// A CORS "simple request": a `text/plain` body and no custom headers,
    /// so the browser sends no preflight.
    pub simple: bool,
}

impl Endpoint {
    /// Checks the settings. `url` is the shell's checked address, or what is
    /// wrong with it. Every problem is returned, each naming its setting.
    pub fn new(
        url: Result<String, SettingProblem>,
        settings: Settings,
    ) -> Result<Endpoint, Vec<SchemaError>> {
        let mut problems: Vec<SchemaError> = Vec::new();
        let url = url.unwrap_or_else(|e| {
            problems.push(SchemaError::setting("endpoint", e));
            String::new()
        });
        let simple = match settings.request {
            None | Some("cors") => false,
            Some("simple") => true,
            Some(_) => {
                problems.push(SchemaError::setting("request", SettingProblem::Request));
                false
            }
        };
        let timeout_secs = match settings.timeout.map(str::parse) {
            None => DEFAULT_TIMEOUT_SECS,
            Some(Ok(n @ 1..=MAX_TIMEOUT_SECS)) => n,
            Some(_) => {
                problems.push(SchemaError::setting(
                    "timeout",
                    SettingProblem::Timeout {
                        max: MAX_TIMEOUT_SECS,
                    },
                ));
                DEFAULT_TIMEOUT_SECS
            }
        };
        if let Some(w) = settings.wrap {
            let name_char = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
            if w.is_empty() || w.len() > 64 || !w.chars().all(name_char) {
                problems.push(SchemaError::setting("wrap", SettingProblem::Wrap));
            }
        }
        let has_headers = settings.headers.is_some();
        let mut headers = Vec::new();
        let header = |p: SettingProblem| SchemaError::setting("headers", p);
        match settings.headers {
            None => {}
            Some(Err(detail)) => problems.push(header(SettingProblem::HeadersNotJson { detail })),
            Some(Ok(Value::Object(map))) => {
                for (name, value) in map {
                    let problem = match &value {
                        Value::String(_) if !is_token(&name) => HeaderProblem::Name,
                        Value::String(_)
                            if name.eq_ignore_ascii_case("content-type")
                                || name.eq_ignore_ascii_case("idempotency-key") =>
                        {
                            HeaderProblem::SetBySuara
                        }
                        Value::String(v)
                            if !v.chars().all(|c| c == '\t' || matches!(c, ' '..='~')) =>
                        {
                            HeaderProblem::Value
                        }
                        Value::String(v) => {
                            headers.push((name, v.clone()));
                            continue;
                        }
                        _ => HeaderProblem::NotString,
                    };
                    problems.push(header(SettingProblem::Header { name, problem }));
                }
            }
            Some(Ok(_)) => problems.push(header(SettingProblem::HeadersNotObject)),
        }
        if simple && has_headers {
            problems.push(SchemaError::setting(
                "request",
                SettingProblem::SimpleWithHeaders,
            ));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Endpoint {
            url,
            headers,
            timeout_secs,
            wrap: settings.wrap.map(str::to_owned),
            simple,
        })
    }

    /// The request body: the response's JSON, or `{"<wrap>": <response>}`.
    /// Either way it carries the response's `id`.
    pub fn body(&self, response: &Response) -> String {
        let json = response.to_json();
        match &self.wrap {
            None => json,
            Some(field) => ["{\"", field, "\":", &json, "}"].concat(),
        }
    }

    /// Exactly the headers to set for the response with this `id`: the
    /// content type, then (unless simple) the `Idempotency-Key` and the extra
    /// headers.
    pub fn headers<'a>(&'a self, id: &'a str) -> Vec<(&'a str, &'a str)> {
        if self.simple {
            return vec![("Content-Type", "text/plain;charset=UTF-8")];
        }
        let mut out = vec![
            ("Content-Type", "application/json"),
            ("Idempotency-Key", id),
        ];
        out.extend(self.headers.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        out
    }
}

/// An HTTP token (RFC 9110 §5.6.2), the form of a header name.
fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}
