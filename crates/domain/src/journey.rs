//! One respondent's pass through a survey, as one value.
//!
//! A [`Journey`] holds everything about one person: the response id, the
//! language they chose, their answers, which questions they have left (so
//! those errors show), the page they are on, the pages they saw at the
//! review, and when they started. Its methods are what a person does:
//! answer, leave a question, "Next", "Back", go to a question from the
//! review, submit. The widget draws a journey and feeds it input; it
//! decides nothing itself.
//!
//! Dropping the value forgets the person: nothing about them lives anywhere
//! else (kiosk mode starts each person with a new one).

use crate::answer::{self, AnswerError, AnswerValue, Answers};
use crate::logic;
use crate::response::{Finish, Response};
use crate::survey::Survey;
use crate::text::Locale;

/// Everything about one respondent's pass through a survey.
#[derive(Debug, Clone, PartialEq)]
pub struct Journey {
    /// The id the finished response will have (its draft has it too).
    pub id: String,
    /// The language the person reads the survey in.
    pub locale: Locale,
    /// Every answer given so far, hidden questions' included (an answer
    /// comes back when its question shows again; it is never exported while
    /// hidden).
    pub answers: Answers,
    /// When the person first answered something (RFC 3339), if they have.
    pub started_at: Option<String>,
    /// Questions the person has left at least once: their errors show.
    pub touched: Vec<String>,
    /// Set by a "Next" or a submit that found problems: every error on the
    /// page shows.
    pub show_all: bool,
    /// The page showing, by index; one past the last page is the review.
    pub step: usize,
    /// The ids of the pages that showed when the person last reached the
    /// review; empty before they have. Once they have, "Next" goes straight
    /// back to the review unless a page in between needs an answer or is
    /// not among these (a changed answer brought it in).
    pub reviewed: Vec<String>,
}

/// What "Next" (or Enter, or submit) did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Forward {
    /// The page has problems; every error on it shows now. Focus belongs on
    /// this question, the first with a problem.
    Stay(String),
    /// Another page (or the review, one past the last page) shows now.
    Moved(usize),
    /// Nothing is left to show: the response can be submitted.
    Submit,
}

impl Journey {
    /// A person who has not started yet: no answers, on the first page.
    pub fn new(id: String, locale: Locale) -> Journey {
        Journey {
            id,
            locale,
            answers: Answers::new(),
            started_at: None,
            touched: Vec::new(),
            show_all: false,
            step: 0,
            reviewed: Vec::new(),
        }
    }

    /// Picks up a draft kept from an earlier visit: its id, language,
    /// answers and start time, on the last page that shows and has an
    /// answer (the first page when none has).
    pub fn resume(survey: &Survey, draft: Response) -> Journey {
        let mut journey = Journey::new(draft.id, survey.pick_locale(Some(&draft.locale)));
        journey.started_at = Some(draft.started_at).filter(|s| !s.is_empty());
        journey.answers = draft.answers;
        let hidden = journey.hidden(survey);
        let answers = &journey.answers;
        journey.step = visible_pages(survey, &hidden)
            .into_iter()
            .rev()
            .find(|&p| {
                survey.pages[p]
                    .questions
                    .iter()
                    .any(|q| answers.get(&q.id).is_some_and(AnswerValue::is_answered))
            })
            .unwrap_or(0);
        journey
    }

    /// The answers so far as a draft: a response not yet submitted (its
    /// `submitted_at` is empty).
    pub fn draft(&self, survey: &Survey) -> Response {
        Response {
            id: self.id.clone(),
            survey_id: survey.id.clone(),
            survey_version: survey.version.clone(),
            locale: self.locale.to_string(),
            started_at: self.started_at.clone().unwrap_or_default(),
            submitted_at: String::new(),
            answers: self.answers.clone(),
            hidden: Default::default(),
            partial: false,
            bank: None,
            inclusion_consent: None,
            consent_version: None,
        }
    }

    /// Sets (or with `None` clears) the answer under `key` (a question id,
    /// or an "other" description's key). `now` starts the clock at the
    /// first answer.
    pub fn answer(&mut self, key: &str, value: Option<AnswerValue>, now: &str) {
        if self.started_at.is_none() {
            self.started_at = Some(now.to_owned());
        }
        match value {
            Some(v) => {
                self.answers.insert(key.to_owned(), v);
            }
            None => {
                self.answers.remove(key);
            }
        }
    }

    /// The person left question `id`: its error, if any, shows from now on.
    pub fn leave(&mut self, id: &str) {
        if !self.touched.iter().any(|t| t == id) {
            self.touched.push(id.to_owned());
        }
    }

    /// The questions hidden by their own or their page's `show_if` now.
    pub fn hidden(&self, survey: &Survey) -> Vec<String> {
        logic::hidden_questions(survey, &self.answers)
    }

    /// Every problem with the answers, by question id in survey order,
    /// whether shown yet or not; never one of a hidden question.
    pub fn errors(&self, survey: &Survey) -> Vec<(String, AnswerError)> {
        answer::validate(survey, &self.answers)
    }

    /// The error to show beside question `id`, from `errors` (see
    /// [`Journey::errors`]): only once the person has left the question, or
    /// a "Next" found problems.
    pub fn shown_error<'a>(
        &self,
        id: &str,
        errors: &'a [(String, AnswerError)],
    ) -> Option<&'a AnswerError> {
        if !self.show_all && !self.touched.iter().any(|t| t == id) {
            return None;
        }
        errors.iter().find(|(q, _)| q == id).map(|(_, e)| e)
    }

    /// "Next": checks the page, then shows the next page that shows, or the
    /// review. Once the person has seen the review, it goes straight back
    /// there unless a page in between needs an answer or is new to them.
    pub fn next(&mut self, survey: &Survey) -> Forward {
        let review = review_step(survey);
        if self.step >= review {
            return Forward::Submit;
        }
        let errors = self.errors(survey);
        // The page of each problem, in survey order.
        let problems: Vec<usize> = errors.iter().map(|(q, _)| page_of(survey, q)).collect();
        if let Some(i) = problems.iter().position(|&p| p == self.step) {
            self.show_all = true;
            return Forward::Stay(errors[i].0.clone());
        }
        self.show_all = false;
        let visible = visible_pages(survey, &self.hidden(survey));
        // Plain loops: iterator adaptors over these lists cost more wasm.
        let mut next = None;
        let mut ids = Vec::new();
        for &p in &visible {
            let id = &survey.pages[p].id;
            let seen = &self.reviewed;
            let stop = seen.is_empty() || problems.contains(&p) || !seen.contains(id);
            if next.is_none() && p > self.step && stop {
                next = Some(p);
            }
            ids.push(id.clone());
        }
        match next {
            Some(p) => self.step = p,
            None if survey.review => {
                self.reviewed = ids;
                self.step = review;
            }
            None => return Forward::Submit,
        }
        Forward::Moved(self.step)
    }

    /// "Back": the page before, among those that show. Returns the page now
    /// showing, or `None` on the first page (nothing changes).
    pub fn back(&mut self, survey: &Survey) -> Option<usize> {
        self.show_all = false;
        let visible = visible_pages(survey, &self.hidden(survey));
        let to = visible.into_iter().rev().find(|&p| p < self.step)?;
        self.step = to;
        Some(to)
    }

    /// Shows the page holding question `id` ("Change" on the review, or a
    /// problem found at submit) and returns it.
    pub fn go_to_question(&mut self, survey: &Survey, id: &str) -> usize {
        self.step = page_of(survey, id);
        self.step
    }

    /// Submits: "Next" until nothing is left to show, then the finished
    /// response. `Err` holds where the person now is instead: still on a
    /// page with problems, moved on to another page or the review, or (when
    /// answers changed behind their back, in another tab) sent to the first
    /// problem's page with every error showing.
    pub fn submit(&mut self, survey: &Survey, submitted_at: &str) -> Result<Response, Forward> {
        match self.next(survey) {
            Forward::Submit => {}
            other => return Err(other),
        }
        let started_at = self
            .started_at
            .clone()
            .unwrap_or_else(|| submitted_at.to_owned());
        let finish = Finish {
            id: &self.id,
            locale: &self.locale,
            started_at: &started_at,
            submitted_at,
        };
        Response::finish(survey, &self.answers, finish).map_err(|problems| {
            let first = problems[0].0.clone();
            self.show_all = true;
            self.go_to_question(survey, &first);
            Forward::Stay(first)
        })
    }

    /// What a kiosk keeps of a person who left before submitting
    /// (`partial=keep`): their valid answers as a response marked partial,
    /// kept at `now`; `None` when they answered nothing that can be kept.
    pub fn unfinished(&self, survey: &Survey, now: &str) -> Option<Response> {
        let started_at = self.started_at.clone().unwrap_or_else(|| now.to_owned());
        let finish = Finish {
            id: &self.id,
            locale: &self.locale,
            started_at: &started_at,
            submitted_at: now,
        };
        Response::unfinished(survey, &self.answers, finish)
    }

    /// Whether the primary button submits from where the person is: on the
    /// review, or on the last page that shows when there is no review.
    pub fn submits_here(&self, survey: &Survey, hidden: &[String]) -> bool {
        self.step >= review_step(survey)
            || (!survey.review
                && visible_pages(survey, hidden)
                    .last()
                    .is_none_or(|&last| self.step >= last))
    }

    /// Whether "Back" has somewhere to go.
    pub fn can_go_back(&self, survey: &Survey, hidden: &[String]) -> bool {
        visible_pages(survey, hidden)
            .first()
            .is_some_and(|&first| self.step > first)
    }
}

/// The step after the last page: the review, when the survey has one.
pub fn review_step(survey: &Survey) -> usize {
    survey.pages.len()
}

/// The pages that show, by index: a page shows while any of its questions
/// does.
pub fn visible_pages(survey: &Survey, hidden: &[String]) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, page) in survey.pages.iter().enumerate() {
        if page.questions.iter().any(|q| !hidden.contains(&q.id)) {
            out.push(i);
        }
    }
    out
}

/// The index of the page holding question `id` (the first page for an id
/// the survey does not have).
pub fn page_of(survey: &Survey, id: &str) -> usize {
    survey
        .pages
        .iter()
        .position(|p| p.questions.iter().any(|q| q.id == id))
        .unwrap_or(0)
}

/// Where page `page` stands among the pages that show: (its number from 1,
/// how many show). A hidden page counts as the first.
pub fn page_number(survey: &Survey, hidden: &[String], page: usize) -> (usize, usize) {
    let pages = visible_pages(survey, hidden);
    let n = pages.iter().position(|&p| p == page).unwrap_or(0) + 1;
    (n, pages.len())
}

/// How far through the survey step `step` is, in percent: the pages that
/// show before it, plus one, out of those that show plus one (the review or
/// the submit), so the bar is never empty nor full while answering.
pub fn progress_percent(survey: &Survey, hidden: &[String], step: usize) -> usize {
    let pages = visible_pages(survey, hidden);
    let done = pages.iter().filter(|&&p| p < step).count();
    (done + 1) * 100 / (pages.len() + 1)
}
