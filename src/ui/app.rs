//! The widget's root: load the configured survey, then show it or say
//! that it cannot start (the organiser's page says why).

use std::sync::Arc;

use leptos::prelude::*;
use serde_json::Value;
use suara_domain::bank;
use suara_domain::endpoint::{Endpoint, Settings};
use suara_domain::hidden::{self, Hidden, HiddenError};
use suara_domain::i18n::{self, Msg};
use suara_domain::problem::Fetch;
use suara_domain::{Locale, Refused, Rejected, SchemaError, Survey, DEFAULT_SURVEY_JSON};

use super::form::SurveyForm;
use super::Host;
use crate::config::Config;
use crate::io::{http, json};

/// A survey ready to answer, with where and how to send responses; or every
/// problem that stops it, the survey file's as `F`: counted on the
/// respondent's page ([`Refused`]), listed on the organiser's ([`Rejected`]).
/// The survey comes with its hidden fields' values, read from the link or
/// the mount element and checked.
pub type Loaded<F> = Result<(Survey, Option<Endpoint>, Hidden), Stopped<F>>;

/// Every problem that stops the survey, as data. The respondent's page
/// only counts them ([`LoadNotice`]); the organiser's page words each one
/// for the survey's author (`super::organiser`), so the author's messages
/// are not in the respondent's download (issue 16: author-only notices
/// stay with the author).
pub struct Stopped<F> {
    /// The language for the author's words ([`i18n::author_locale`]), and
    /// for the respondent's notice.
    pub lang: Locale,
    /// The survey address's own problem (it is no `http` or `https`
    /// address), as data like the other settings'.
    pub address: Option<SchemaError>,
    /// What is wrong with the survey file, or with fetching it.
    pub file: Option<F>,
    /// The endpoint settings' problems, each naming its setting: counted on
    /// the respondent's page, worded on the organiser's; there also the
    /// hidden fields' values' problems, each naming its field.
    pub settings: Vec<SchemaError>,
    /// How many hidden fields' values are refused (the respondent's page
    /// keeps only this: [`FileProblems::hidden_problem`]).
    pub hidden: usize,
    /// The hidden fields' values as given, for the organiser's page's link.
    pub given: Vec<(String, String)>,
}

impl Stopped<Refused> {
    /// How many problems stop the survey.
    pub fn count(&self) -> usize {
        usize::from(self.address.is_some())
            + self.file.as_ref().map_or(0, |f| f.problems)
            + self.settings.len()
            + self.hidden
    }
}

/// A survey file's problems as a page keeps them: [`Survey::read_unexplained`]
/// on the respondent's page, [`Survey::read_with`] and its JSON syntax
/// scanner on the organiser's.
pub trait FileProblems: Sized {
    /// Reads a survey file's text, parsed already as `value` (see
    /// [`expanded`]).
    fn read(text: &str, value: Result<Value, String>) -> Result<Survey, Self>;
    /// The survey file could not be fetched.
    fn fetch(failure: Fetch) -> Self;
    /// The survey's languages as far as they could be read.
    fn locales(&self) -> &[Locale];
    /// A hidden field's problem as this page keeps it: only counted on the
    /// respondent's page (keeping it would only add to its download), kept
    /// to be worded on the organiser's, naming the field.
    fn hidden_problem(id: &str, e: HiddenError) -> Option<SchemaError>;
    /// Whether a required hidden field without a value stops the page:
    /// the respondent's, not the organiser's, which counts and downloads
    /// whatever the link (a value given is checked on both).
    const NEEDS_HIDDEN: bool;
}

impl FileProblems for Refused {
    const NEEDS_HIDDEN: bool = true;

    fn hidden_problem(_: &str, _: HiddenError) -> Option<SchemaError> {
        None
    }

    fn read(text: &str, value: Result<Value, String>) -> Result<Survey, Refused> {
        Survey::read_unexplained(text, |_| value)
    }

    fn fetch(_: Fetch) -> Refused {
        Refused {
            problems: 1,
            locales: Vec::new(),
        }
    }

    fn locales(&self) -> &[Locale] {
        &self.locales
    }
}

impl FileProblems for Rejected {
    const NEEDS_HIDDEN: bool = false;

    fn hidden_problem(id: &str, e: HiddenError) -> Option<SchemaError> {
        Some(SchemaError::hidden(id, e))
    }

    /// The same domain function as `suara validate`.
    fn read(text: &str, value: Result<Value, String>) -> Result<Survey, Rejected> {
        Survey::read_with(text, |_| value)
    }

    fn fetch(failure: Fetch) -> Rejected {
        Rejected {
            errors: vec![SchemaError::fetch(failure)],
            locales: Vec::new(),
        }
    }

    fn locales(&self) -> &[Locale] {
        &self.locales
    }
}

/// A survey file's text parsed with the browser's `JSON.parse` (see
/// [`json`]), its inclusion block expanded with the question bank's files
/// (see [`suara_domain::bank`]), fetched from the `bank/` folder beside the
/// widget's files (`home`, else the page). A survey without a block fetches
/// nothing. A file that cannot be had is left out: the survey's reader
/// then names the block whose words are missing.
async fn expanded(text: &str, home: &str) -> Result<Value, String> {
    let mut value = json::parse(text)?;
    let names = bank::files_needed(&value);
    if names.is_empty() {
        return Ok(value);
    }
    let base = if home.is_empty() {
        web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default()
    } else {
        home.to_owned()
    };
    let mut files = Vec::new();
    for name in names {
        let Ok(url) = web_sys::Url::new_with_base(&format!("bank/{name}"), &base) else {
            continue;
        };
        if let Ok(Ok(file)) = http::get_text(&url.href()).await.map(|t| json::parse(&t)) {
            files.push(file);
        }
    }
    bank::expand(&mut value, &files);
    Ok(value)
}

/// Reads the survey and checks the configuration; every problem is returned.
/// `more` checks the settings only this page reads (kiosk mode's), each
/// problem naming its setting.
pub async fn load<F: FileProblems>(
    config: &Config,
    home: &str,
    more: impl FnOnce(&Config) -> Vec<SchemaError>,
) -> Loaded<F> {
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
    let mut address = None;
    let survey = match &config.survey {
        None => F::read(
            DEFAULT_SURVEY_JSON,
            expanded(DEFAULT_SURVEY_JSON, home).await,
        )
        .map_err(Some),
        Some(url) => match http::checked_url(url) {
            Ok(url) => match http::get_text(&url).await {
                Ok(text) => F::read(&text, expanded(&text, home).await).map_err(Some),
                Err(failure) => Err(Some(F::fetch(failure))),
            },
            Err(e) => {
                address = Some(SchemaError::setting("survey", e));
                Err(None)
            }
        },
    };
    // The problems of the settings only this page reads (kiosk mode's),
    // then the hidden fields' (each names its field): all are the settings'.
    let page_problems = more(config);
    let mut hidden_problems = Vec::new();
    let mut refused = 0;
    let mut values = Hidden::new();
    let mut given = Vec::new();
    if let Ok(s) = &survey {
        // Each field's value read once, from the settings, the element or
        // the link; then checked.
        for f in &s.hidden {
            if let Some(v) = config.value(&f.id) {
                given.push((f.id.clone(), v));
            }
        }
        let value = |id: &str| given.iter().find(|(k, _)| k == id).map(|(_, v)| v.clone());
        match hidden::read(&s.hidden, value) {
            Ok(v) => values = v,
            Err(errors) => {
                for (id, e) in errors {
                    if F::NEEDS_HIDDEN || e != HiddenError::Missing {
                        refused += 1;
                        hidden_problems.extend(F::hidden_problem(&id, e));
                    }
                }
            }
        }
    }
    let (survey, endpoint) = match (survey, endpoint) {
        (Ok(s), Ok(e)) if refused == 0 && page_problems.is_empty() => return Ok((s, e, values)),
        pair => pair,
    };
    let (file, locales) = match survey {
        Ok(s) => (None, s.locales),
        Err(file) => {
            let locales = file
                .as_ref()
                .map(|f| f.locales().to_vec())
                .unwrap_or_default();
            (file, locales)
        }
    };
    let page_lang = config.lang.as_deref().and_then(Locale::parse);
    Err(Stopped {
        lang: i18n::author_locale(&locales, page_lang.as_ref()),
        address,
        file,
        settings: endpoint
            .err()
            .unwrap_or_default()
            .into_iter()
            .chain(page_problems)
            .chain(hidden_problems)
            .collect(),
        hidden: refused,
        given,
    })
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
    loaded: Loaded<Refused>,
    /// Where the widget lives on the page.
    host: Host,
) -> impl IntoView {
    let content = match loaded {
        Ok((survey, endpoint, hidden)) => {
            let kiosk = config.mode.as_deref() == Some("kiosk");
            let endpoint = endpoint.map(Arc::new);
            host.tell("suara:ready", &[("survey", survey.id.as_str().into())]);
            view! { <SurveyForm survey=Arc::new(survey) endpoint lang=config.lang kiosk host hidden /> }
                .into_any()
        }
        Err(stopped) => {
            // The page hears why in short; the organiser's page words every
            // problem (the respondent's download has no author messages).
            let href = organiser_link(&config, &stopped.given, &host.home);
            host.tell(
                "suara:error",
                &[
                    ("message", "the survey cannot start".into()),
                    ("problems", (stopped.count() as u32).into()),
                    ("details", href.as_str().into()),
                ],
            );
            view! { <LoadNotice stopped href /> }.into_any()
        }
    };
    view! { <div class="suara">{content}</div> }
}

/// What the respondent's page says when the survey cannot start: that it
/// cannot, how many problems stop it, and a link to the organiser's page
/// with this page's settings, where the author reads every problem.
#[component]
pub fn LoadNotice(
    /// The organiser's page with the widget's settings.
    href: String,
    /// What stops the survey.
    stopped: Stopped<Refused>,
) -> impl IntoView {
    let l = &stopped.lang;
    view! {
        <div class="suara-load-error" role="alert" lang=l.to_string() dir=if l.is_rtl() { "rtl" } else { "ltr" }>
            <h1>{i18n::text(l, &Msg::CannotStart)}</h1>
            <p>{i18n::text(l, &Msg::StoppedBy(stopped.count()))}</p>
            <p><a class="suara-load-error__link" href=href>{i18n::text(l, &Msg::ProblemsLink)}</a></p>
        </div>
    }
}

/// The organiser's page with the widget's settings in its query, so it
/// reads the same survey and settings: those of the URL and of the mount
/// element alike (an embedded widget's are on its element), except
/// `headers`, which never goes in a URL; and the hidden fields' values
/// given (`given`), so that page explains a refused one. A widget embedded
/// in another site's page (`home`: where the widget's files are) links to
/// the organiser's page beside its own files, with its addresses made whole
/// against the page they were given on.
pub fn organiser_link(config: &Config, given: &[(String, String)], home: &str) -> String {
    let Ok(query) = web_sys::UrlSearchParams::new() else {
        return "organiser.html".to_owned();
    };
    let page = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let whole = |url: &str| {
        web_sys::Url::new_with_base(url, &page).map_or_else(|_| url.to_owned(), |u| u.href())
    };
    for (name, value) in [
        ("survey", &config.survey),
        ("endpoint", &config.endpoint),
        ("timeout", &config.timeout),
        ("wrap", &config.wrap),
        ("request", &config.request),
        ("lang", &config.lang),
    ] {
        if let Some(value) = value {
            let address = !home.is_empty() && matches!(name, "survey" | "endpoint");
            query.append(name, &if address { whole(value) } else { value.clone() });
        }
    }
    // `mode` too, so the organiser's page names a misspelt one (kiosk mode's
    // page adds its other settings itself).
    if let Some(mode) = &config.mode {
        query.append("mode", mode);
    }
    for (name, value) in given {
        query.append(name, value);
    }
    let query = String::from(query.to_string());
    let link = if query.is_empty() {
        "organiser.html".to_owned()
    } else {
        format!("organiser.html?{query}")
    };
    if home.is_empty() {
        return link;
    }
    web_sys::Url::new_with_base(&link, home).map_or(link, |u| u.href())
}
