//! The widget's root: load the configured survey, then show it or say
//! exactly what is wrong with it.

use std::sync::Arc;

use leptos::prelude::*;
use suara_domain::endpoint::{Endpoint, Settings};
use suara_domain::i18n::{self, Msg};
use suara_domain::{Locale, Rejected, SchemaError, Survey, DEFAULT_SURVEY_JSON};

use super::form::SurveyForm;
use crate::config::Config;
use crate::io::{http, json};

/// A survey ready to answer, with where and how to send responses; or every
/// problem that stops it, worded for the survey's author.
pub type Loaded = Result<(Survey, Option<Endpoint>), Problems>;

/// What stops the survey, in the language the author's messages are in.
pub struct Problems {
    pub lang: Locale,
    pub lines: Vec<String>,
}

/// Reads the survey and checks the configuration; every problem is returned.
pub async fn load(config: &Config) -> Loaded {
    let endpoint = config
        .endpoint
        .as_deref()
        .map(|url| {
            let settings = Settings {
                headers: config.headers.as_deref().map(json::parse),
                timeout: config.timeout.as_deref(),
                wrap: config.wrap.as_deref(),
                request: config.request.as_deref(),
            };
            Endpoint::new(http::checked_url(url), settings)
        })
        .transpose();
    // The address's own problem, in English like the other settings'.
    let mut address = None;
    let survey = match &config.survey {
        None => read_survey(DEFAULT_SURVEY_JSON),
        Some(url) => match http::checked_url(url) {
            Ok(url) => match http::get_text(&url).await {
                Ok(text) => read_survey(&text),
                Err(failure) => Err(Rejected {
                    errors: vec![SchemaError::fetch(failure)],
                    locales: Vec::new(),
                }),
            },
            Err(e) => {
                address = Some(format!("survey: {e}"));
                Err(Rejected {
                    errors: Vec::new(),
                    locales: Vec::new(),
                })
            }
        },
    };
    let (survey, endpoint) = match (survey, endpoint) {
        (Ok(s), Ok(e)) => return Ok((s, e)),
        pair => pair,
    };
    let (errors, locales) = match survey {
        Ok(s) => (Vec::new(), s.locales),
        Err(r) => (r.errors, r.locales),
    };
    let page_lang = config.lang.as_deref().and_then(Locale::parse);
    let lang = i18n::author_locale(&locales, page_lang.as_ref());
    let mut lines: Vec<String> = address.into_iter().collect();
    lines.extend(i18n::problem_lines(&lang, &errors));
    lines.extend(endpoint.err().unwrap_or_default());
    Err(Problems { lang, lines })
}

/// Reads a survey file through the same domain function as `suara`, with
/// the browser's `JSON.parse` (see [`json`]) for the JSON text.
fn read_survey(text: &str) -> Result<Survey, Rejected> {
    Survey::read_with(text, json::parse)
}

/// The whole widget: the survey, or what is wrong with it.
///
/// It is mounted once loading has finished, so it never re-renders from
/// "loading" to "ready": that keeps the whole form's re-render code out of
/// the bundle.
#[component]
pub fn App(
    /// Settings read from the mount element and the URL.
    config: Config,
    /// The outcome of [`load`].
    loaded: Loaded,
) -> impl IntoView {
    let content = match loaded {
        Ok((survey, endpoint)) => {
            let kiosk = config.mode.as_deref() == Some("kiosk");
            let endpoint = endpoint.map(Arc::new);
            view! { <SurveyForm survey=Arc::new(survey) endpoint lang=config.lang kiosk /> }
                .into_any()
        }
        Err(problems) => view! { <LoadError problems /> }.into_any(),
    };
    view! { <div class="suara">{content}</div> }
}

/// Every problem that stops the survey, for its author.
#[component]
pub fn LoadError(
    /// What is wrong, one line each, in the author's language.
    problems: Problems,
) -> impl IntoView {
    let Problems { lang: l, lines } = problems;
    view! {
        <div class="suara-load-error" role="alert" lang=l.to_string()>
            <h1>{i18n::text(&l, &Msg::LoadFailed)}</h1>
            <p>{i18n::text(&l, &Msg::LoadFailedIntro)}</p>
            <ul>{lines.into_iter().map(|p| view! { <li><code>{p}</code></li> }).map(IntoAny::into_any).collect::<super::Items>()}</ul>
        </div>
    }
}
