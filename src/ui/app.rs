//! The widget's root: load the configured survey, then show it or say
//! exactly what is wrong with it.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use suara_domain::i18n::{self, Msg};
use suara_domain::{Locale, Survey, DEFAULT_SURVEY_JSON};

use super::form::SurveyForm;
use crate::config::Config;
use crate::io::http;

/// Where loading stands.
#[derive(Clone)]
enum Load {
    Loading,
    Ready {
        survey: Arc<Survey>,
        endpoint: Option<String>,
    },
    Failed(Vec<String>),
}

/// Reads the survey and checks the configuration; every problem is returned.
async fn load(config: &Config) -> Result<(Survey, Option<String>), Vec<String>> {
    let endpoint = config
        .endpoint
        .as_deref()
        .map(http::checked_url)
        .transpose()
        .map_err(|e| vec![format!("endpoint: {e}")]);
    let text = match &config.survey {
        None => Ok(DEFAULT_SURVEY_JSON.to_owned()),
        Some(url) => match http::checked_url(url) {
            Ok(url) => http::get_text(&url).await,
            Err(e) => Err(format!("survey: {e}")),
        },
    };
    let survey = text.map_err(|e| vec![e]).and_then(|t| {
        Survey::parse(&t).map_err(|errs| errs.iter().map(ToString::to_string).collect())
    });
    match (survey, endpoint) {
        (Ok(s), Ok(e)) => Ok((s, e)),
        (Err(mut a), Err(b)) => {
            a.extend(b);
            Err(a)
        }
        (Err(a), _) | (_, Err(a)) => Err(a),
    }
}

/// The whole widget, configured by `config`.
#[component]
pub fn App(
    /// Settings read from the mount element and the URL.
    config: Config,
) -> impl IntoView {
    let state = RwSignal::new(Load::Loading);
    let lang = config.lang.clone();
    {
        let config = config.clone();
        spawn_local(async move {
            state.set(match load(&config).await {
                Ok((survey, endpoint)) => Load::Ready {
                    survey: Arc::new(survey),
                    endpoint,
                },
                Err(problems) => Load::Failed(problems),
            });
        });
    }
    let ui_locale = lang
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or_else(|| Locale::parse("en").expect("valid"));
    view! {
        <div class="suara">
            {move || match state.get() {
                Load::Loading => view! { <p class="suara-loading" aria-busy="true">"…"</p> }.into_any(),
                Load::Failed(problems) => {
                    let l = ui_locale.clone();
                    view! {
                        <div class="suara-load-error" role="alert" lang=l.to_string()>
                            <h1>{i18n::text(&l, &Msg::LoadFailed)}</h1>
                            <p>{i18n::text(&l, &Msg::LoadFailedIntro)}</p>
                            <ul>{problems.into_iter().map(|p| view! { <li><code>{p}</code></li> }).collect_view()}</ul>
                        </div>
                    }
                    .into_any()
                }
                Load::Ready { survey, endpoint } => {
                    view! { <SurveyForm survey endpoint lang=lang.clone() /> }.into_any()
                }
            }}
        </div>
    }
}
