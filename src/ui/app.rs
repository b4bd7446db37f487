//! The widget's root: load the configured survey, then show it or say
//! exactly what is wrong with it.

use std::sync::Arc;

use leptos::prelude::*;
use suara_domain::endpoint::{Endpoint, Settings};
use suara_domain::i18n::{self, Msg};
use suara_domain::{Locale, SchemaError, Survey, DEFAULT_SURVEY_JSON};

use super::form::SurveyForm;
use super::Host;
use crate::config::Config;
use crate::io::{http, json};

/// A survey ready to answer, with where and how to send responses; or every
/// problem that stops it.
pub type Loaded = Result<(Survey, Option<Endpoint>), Vec<String>>;

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
    let text = match &config.survey {
        None => Ok(DEFAULT_SURVEY_JSON.to_owned()),
        Some(url) => match http::checked_url(url) {
            Ok(url) => http::get_text(&url).await,
            Err(e) => Err(format!("survey: {e}")),
        },
    };
    let survey = text.map_err(|e| vec![e]).and_then(|t| read_survey(&t));
    match (survey, endpoint) {
        (Ok(s), Ok(e)) => Ok((s, e)),
        (Err(mut a), Err(b)) => {
            a.extend(b);
            Err(a)
        }
        (Err(a), _) | (_, Err(a)) => Err(a),
    }
}

/// Reads a survey file: the domain's checks on the text, the browser's
/// `JSON.parse` (see [`json`]), then the domain's reading of the value.
fn read_survey(text: &str) -> Result<Survey, Vec<String>> {
    let words = |errors: Vec<SchemaError>| errors.iter().map(ToString::to_string).collect();
    Survey::check_text(text).map_err(words)?;
    let value = json::parse(text).map_err(|e| vec![format!("$: not valid JSON: {e}")])?;
    Survey::from_value(&value).map_err(words)
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
    /// Where the widget lives on the page.
    host: Host,
) -> impl IntoView {
    let content = match loaded {
        Ok((survey, endpoint)) => {
            let kiosk = config.mode.as_deref() == Some("kiosk");
            let endpoint = endpoint.map(Arc::new);
            host.tell("suara:ready", &[("survey", survey.id.as_str().into())]);
            view! { <SurveyForm survey=Arc::new(survey) endpoint lang=config.lang kiosk host /> }
                .into_any()
        }
        Err(problems) => {
            let list = js_sys::Array::new();
            for p in &problems {
                list.push(&p.as_str().into());
            }
            host.tell(
                "suara:error",
                &[
                    ("message", "the survey cannot start".into()),
                    ("problems", list.into()),
                ],
            );
            view! { <LoadError lang=config.lang problems /> }.into_any()
        }
    };
    view! { <div class="suara">{content}</div> }
}

/// Every problem that stops the survey, for its author.
#[component]
pub fn LoadError(
    /// The language asked for in the configuration, if any.
    lang: Option<String>,
    /// What is wrong, one line each.
    problems: Vec<String>,
) -> impl IntoView {
    let l = lang
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or_else(|| Locale::parse("en").expect("valid"));
    view! {
        <div class="suara-load-error" role="alert" lang=l.to_string()>
            <h1>{i18n::text(&l, &Msg::LoadFailed)}</h1>
            <p>{i18n::text(&l, &Msg::LoadFailedIntro)}</p>
            <ul>{problems.into_iter().map(|p| view! { <li><code>{p}</code></li> }).map(IntoAny::into_any).collect::<super::Items>()}</ul>
        </div>
    }
}
