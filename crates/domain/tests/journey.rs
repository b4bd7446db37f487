//! One respondent's journey, driven natively: each case is a small survey
//! and a script of what a person does, with where they stand after each
//! action (the step, the page count, the errors that show).

use suara_domain::journey::{self, Forward, Journey};
use suara_domain::{AnswerValue, Response, Survey};

/// A survey from its pages' JSON (the rest filled in), in English.
fn survey(pages: &str, review: Option<bool>) -> Survey {
    let review = review.map_or(String::new(), |r| format!(r#""review": {r},"#));
    let json = format!(
        r#"{{"format": 1, "id": "s", "version": "1", "title": {{"en": "T"}},
            "default_locale": "en", "locales": ["en"], {review} "pages": {pages}}}"#
    );
    Survey::parse(&json).unwrap_or_else(|e| panic!("test survey: {e:?}"))
}

/// Where the person stands, in one line: the step (a page's id, or
/// `review`), "page N of M" among the pages that show, and the errors that
/// show, by question id.
fn state(s: &Survey, j: &Journey) -> String {
    let hidden = j.hidden(s);
    let step = match s.pages.get(j.step) {
        Some(p) => p.id.clone(),
        None => "review".to_owned(),
    };
    let (n, of) = journey::page_number(s, &hidden, j.step);
    let errors = j.errors(s);
    // Only the page showing: the others' questions are not on screen.
    let shown: Vec<String> = s
        .questions()
        .filter(|q| journey::page_of(s, &q.id) == j.step)
        .filter(|q| j.shown_error(&q.id, &errors).is_some())
        .map(|q| q.id.clone())
        .collect();
    let submits = if j.submits_here(s, &hidden) {
        " submits"
    } else {
        ""
    };
    let back = if j.can_go_back(s, &hidden) {
        " back"
    } else {
        ""
    };
    format!(
        "{step} {n}/{of}{submits}{back} errors [{}]",
        shown.join(" ")
    )
}

/// Runs `script` (one action a line, then `=>` and the state expected after
/// it) on a new journey through `s`. Actions: `answer ID JSON`, `clear ID`,
/// `leave ID`, `next`, `back`, `change ID`, `submit`. What `next` and
/// `submit` did comes first in the state: `stay ID`, `moved`, `submit`, or
/// for `submit` `ok` with the response's answers.
fn check(s: &Survey, script: &str) {
    let mut j = Journey::new("r1".to_owned(), s.default_locale.clone());
    for (n, line) in script
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        let (action, expected) = line
            .split_once("=>")
            .unwrap_or_else(|| panic!("line {}: no `=>` in {line:?}", n + 1));
        let mut words = action.split_whitespace();
        let verb = words.next().expect("an action");
        let arg = words.next().unwrap_or_default();
        let said = match verb {
            "answer" => {
                let json: String = words.collect::<Vec<_>>().join(" ");
                let value =
                    AnswerValue::from_value(serde_json::from_str(&json).expect("answer JSON"))
                        .expect("an answer value");
                j.answer(arg, Some(value), "2026-12-02T10:00:00Z");
                String::new()
            }
            "clear" => {
                j.answer(arg, None, "2026-12-02T10:00:00Z");
                String::new()
            }
            "leave" => {
                j.leave(arg);
                String::new()
            }
            "next" => forward(j.next(s)),
            "back" => match j.back(s) {
                Some(_) => String::new(),
                None => "nowhere ".to_owned(),
            },
            "change" => {
                j.go_to_question(s, arg);
                String::new()
            }
            "submit" => match j.submit(s, "2026-12-02T10:05:00Z") {
                Ok(r) => format!("ok {} ", serde_json::to_string(&r.answers).unwrap()),
                Err(f) => forward(f),
            },
            other => panic!("line {}: unknown action {other:?}", n + 1),
        };
        let actual = format!("{said}{}", state(s, &j));
        assert_eq!(
            actual,
            expected.trim(),
            "line {} ({})",
            n + 1,
            action.trim()
        );
    }
}

fn forward(f: Forward) -> String {
    match f {
        Forward::Stay(q) => format!("stay {q} "),
        Forward::Moved(_) => "moved ".to_owned(),
        Forward::Submit => "submit ".to_owned(),
    }
}

const THREE_PAGES: &str = r#"[
  {"id": "p1", "questions": [{"id": "a", "kind": "short_text", "label": {"en": "A"}, "required": true}]},
  {"id": "p2", "questions": [{"id": "b", "kind": "short_text", "label": {"en": "B"}}]},
  {"id": "p3", "questions": [{"id": "c", "kind": "rating", "label": {"en": "C"}, "required": true}]}
]"#;

#[test]
fn next_checks_the_page_and_back_keeps_the_answers() {
    check(
        &survey(THREE_PAGES, None),
        r#"
        next                 => stay a p1 1/3 errors [a]
        answer a "hello"     => p1 1/3 errors []
        next                 => moved p2 2/3 back errors []
        next                 => moved p3 3/3 back errors []
        back                 => p2 2/3 back errors []
        back                 => p1 1/3 errors []
        back                 => nowhere p1 1/3 errors []
        next                 => moved p2 2/3 back errors []
        next                 => moved p3 3/3 back errors []
        next                 => stay c p3 3/3 back errors [c]
        answer c 4           => p3 3/3 back errors []
        next                 => moved review 1/3 submits back errors []
        submit               => ok {"a":"hello","c":4} review 1/3 submits back errors []
        "#,
    );
}

#[test]
fn an_error_shows_once_its_question_is_left_and_not_before() {
    check(
        &survey(THREE_PAGES, None),
        r#"
        answer a " "         => p1 1/3 errors []
        leave a              => p1 1/3 errors [a]
        answer a "x"         => p1 1/3 errors []
        clear a              => p1 1/3 errors [a]
        "#,
    );
}

#[test]
fn after_a_change_from_the_review_next_goes_back_to_it() {
    check(
        &survey(THREE_PAGES, None),
        r#"
        answer a "x"         => p1 1/3 errors []
        answer c 2           => p1 1/3 errors []
        next                 => moved p2 2/3 back errors []
        next                 => moved p3 3/3 back errors []
        next                 => moved review 1/3 submits back errors []
        change a             => p1 1/3 errors []
        answer a "y"         => p1 1/3 errors []
        next                 => moved review 1/3 submits back errors []
        change a             => p1 1/3 errors []
        clear a              => p1 1/3 errors []
        next                 => stay a p1 1/3 errors [a]
        "#,
    );
}

#[test]
fn a_change_on_the_review_stops_at_a_page_that_still_needs_an_answer() {
    // c's answer is removed while on the review (another tab's draft), so
    // "Next" from p1 stops at p3, which has a problem, not at the review.
    let s = survey(THREE_PAGES, None);
    let mut j = Journey::new("r".into(), s.default_locale.clone());
    j.answer("a", Some(AnswerValue::Text("x".into())), "t");
    j.answer("c", Some(AnswerValue::Number(3.into())), "t");
    for _ in 0..3 {
        j.next(&s);
    }
    assert_eq!(j.step, journey::review_step(&s));
    j.go_to_question(&s, "a");
    j.answer("c", None, "t");
    assert_eq!(j.next(&s), Forward::Moved(2));
    assert_eq!(j.next(&s), Forward::Stay("c".into()));
}

const LOGIC: &str = r#"[
  {"id": "visit", "questions": [
    {"id": "visited", "kind": "yes_no", "label": {"en": "Came?"}, "required": true},
    {"id": "why_not", "kind": "short_text", "label": {"en": "Why not?"}, "show_if": "visited == false"}
  ]},
  {"id": "rate", "show_if": "visited == true", "questions": [
    {"id": "score", "kind": "number", "label": {"en": "Score"}, "required": true}
  ]},
  {"id": "more", "show_if": "score > 2.5", "questions": [
    {"id": "best", "kind": "short_text", "label": {"en": "Best part"}}
  ]},
  {"id": "end", "questions": [{"id": "note", "kind": "long_text", "label": {"en": "Note"}}]}
]"#;

#[test]
fn show_if_brings_pages_in_and_out_and_next_and_back_skip_hidden_ones() {
    check(
        &survey(LOGIC, None),
        r#"
        answer visited false => visit 1/2 errors []
        next                 => moved end 2/2 back errors []
        back                 => visit 1/2 errors []
        answer visited true  => visit 1/3 errors []
        next                 => moved rate 2/3 back errors []
        answer score 2       => rate 2/3 back errors []
        next                 => moved end 3/3 back errors []
        back                 => rate 2/3 back errors []
        answer score 2.75    => rate 2/4 back errors []
        next                 => moved more 3/4 back errors []
        next                 => moved end 4/4 back errors []
        next                 => moved review 1/4 submits back errors []
        submit               => ok {"score":2.75,"visited":true} review 1/4 submits back errors []
        "#,
    );
}

#[test]
fn next_from_a_changed_answer_stops_at_a_page_it_brought_in() {
    check(
        &survey(LOGIC, None),
        r#"
        answer visited true  => visit 1/3 errors []
        next                 => moved rate 2/3 back errors []
        answer score 1       => rate 2/3 back errors []
        next                 => moved end 3/3 back errors []
        next                 => moved review 1/3 submits back errors []
        change score         => rate 2/3 back errors []
        answer score 9       => rate 2/4 back errors []
        next                 => moved more 3/4 back errors []
        next                 => moved review 1/4 submits back errors []
        "#,
    );
}

#[test]
fn a_hidden_answer_is_not_submitted_and_a_hidden_required_question_is_not_asked() {
    check(
        &survey(LOGIC, None),
        r#"
        answer visited true  => visit 1/3 errors []
        answer why_not "far" => visit 1/3 errors []
        next                 => moved rate 2/3 back errors []
        back                 => visit 1/3 errors []
        answer visited false => visit 1/2 errors []
        next                 => moved end 2/2 back errors []
        next                 => moved review 1/2 submits back errors []
        submit               => ok {"visited":false,"why_not":"far"} review 1/2 submits back errors []
        "#,
    );
}

#[test]
fn without_a_review_the_last_page_submits() {
    check(
        &survey(THREE_PAGES, Some(false)),
        r#"
        answer a "x"         => p1 1/3 errors []
        next                 => moved p2 2/3 back errors []
        next                 => moved p3 3/3 submits back errors []
        submit               => stay c p3 3/3 submits back errors [c]
        answer c 5           => p3 3/3 submits back errors []
        submit               => ok {"a":"x","c":5} p3 3/3 submits back errors []
        "#,
    );
}

#[test]
fn one_page_submits_from_its_page_unless_a_review_is_asked_for() {
    let page = r#"[{"id": "only", "questions": [{"id": "q", "kind": "short_text", "label": {"en": "Q"}}]}]"#;
    check(
        &survey(page, None),
        r#"
        submit               => ok {} only 1/1 submits errors []
        "#,
    );
    check(
        &survey(page, Some(true)),
        r#"
        submit               => moved review 1/1 submits back errors []
        submit               => ok {} review 1/1 submits back errors []
        "#,
    );
}

#[test]
fn answers_changed_behind_the_persons_back_send_them_to_the_first_problem() {
    let s = survey(THREE_PAGES, None);
    let mut j = Journey::new("r".into(), s.default_locale.clone());
    j.answer("a", Some(AnswerValue::Text("x".into())), "t");
    j.answer("c", Some(AnswerValue::Number(1.into())), "t");
    for _ in 0..3 {
        j.next(&s);
    }
    j.answer("a", None, "t");
    assert_eq!(j.submit(&s, "now"), Err(Forward::Stay("a".into())));
    assert_eq!((j.step, j.show_all), (0, true));
}

#[test]
fn the_clock_starts_at_the_first_answer() {
    let s = survey(THREE_PAGES, Some(false));
    let mut j = Journey::new("r".into(), s.default_locale.clone());
    assert_eq!(j.started_at, None);
    j.answer("a", Some(AnswerValue::Text("x".into())), "first");
    j.answer("a", Some(AnswerValue::Text("y".into())), "second");
    assert_eq!(j.started_at.as_deref(), Some("first"));
    j.answer("c", Some(AnswerValue::Number(2.into())), "third");
    j.next(&s);
    j.next(&s);
    let r = j.submit(&s, "end").expect("complete");
    assert_eq!(
        (r.started_at.as_str(), r.submitted_at.as_str()),
        ("first", "end")
    );
    // Submitting without an answer: started when submitted.
    let mut empty = Journey::new("e".into(), s.default_locale.clone());
    empty.step = 2;
    assert!(empty.submit(&s, "end").is_err());
}

#[test]
fn a_draft_resumes_on_the_last_page_with_an_answer() {
    let s = survey(LOGIC, None);
    let draft = |answers: &str| Response {
        id: "d".into(),
        survey_id: "s".into(),
        survey_version: "1".into(),
        locale: "en".into(),
        started_at: "then".into(),
        submitted_at: String::new(),
        answers: serde_json::from_str(answers).unwrap(),
        hidden: Default::default(),
        partial: false,
        bank: None,
        inclusion_consent: None,
        consent_version: None,
    };
    let j = Journey::resume(&s, draft(r#"{"visited": true, "score": 3}"#));
    assert_eq!(
        (j.step, j.id.as_str(), j.started_at.as_deref()),
        (1, "d", Some("then"))
    );
    // An answer on a page that hides now does not count.
    let j = Journey::resume(&s, draft(r#"{"visited": false, "score": 3}"#));
    assert_eq!(j.step, 0);
    // The draft of the resumed journey is the draft it came from.
    let back = j.draft(&s);
    assert_eq!(back, draft(r#"{"visited": false, "score": 3}"#));
}

#[test]
fn a_new_journey_keeps_nothing_of_the_last_person() {
    let s = survey(THREE_PAGES, None);
    let mut j = Journey::new("one".into(), s.default_locale.clone());
    j.answer("a", Some(AnswerValue::Text("secret".into())), "t");
    j.leave("a");
    j.next(&s);
    let next = Journey::new("two".into(), j.locale.clone());
    assert_eq!(next, Journey::new("two".into(), s.default_locale.clone()));
    assert!(!format!("{next:?}").contains("secret"));
}
