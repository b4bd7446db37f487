//! README's "Write your first survey" cannot rot: its example is
//! `examples/first-survey.json` byte for byte, reads with no problem, is
//! fully translated, and still shows what the guide says it shows.

use std::path::Path;

use suara_domain::logic::hidden_questions;
use suara_domain::translation::missing_translations;
use suara_domain::{AnswerValue, Answers, QuestionKind, Survey};

fn read(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The first fenced `json` block after the guide's heading, as written.
fn guide_example(readme: &str) -> &str {
    let guide = readme
        .split_once("\n## Write your first survey\n")
        .expect("README has a \"Write your first survey\" section")
        .1;
    let block = guide
        .split_once("\n```json\n")
        .expect("the guide has a json block")
        .1;
    let end = block.find("\n```\n").expect("the json block ends");
    &block[..=end]
}

#[test]
fn the_guides_example_is_the_example_file_byte_for_byte() {
    let readme = read("README.md");
    let file = read("examples/first-survey.json");
    assert_eq!(
        guide_example(&readme),
        file,
        "README's first survey and examples/first-survey.json differ: copy one onto the other"
    );
}

#[test]
fn the_first_survey_reads_with_no_problem_and_is_fully_translated() {
    let survey = Survey::parse(&read("examples/first-survey.json")).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("examples/first-survey.json:\n{}", lines.join("\n"))
    });
    assert_eq!(missing_translations(&survey), vec![]);
}

#[test]
fn the_first_survey_has_what_the_guide_explains() {
    let survey = Survey::parse(&read("examples/first-survey.json")).unwrap();
    let kinds: Vec<&str> = survey.questions().map(|q| q.kind.name()).collect();
    for kind in ["single_choice", "yes_no", "nps", "consent"] {
        assert!(kinds.contains(&kind), "no {kind} question: {kinds:?}");
    }
    let other = survey
        .questions()
        .any(|q| matches!(&q.kind, QuestionKind::SingleChoice { other: Some(_), .. }));
    assert!(other, "a choice with \"other\"");
    // A follow-up that only a yes shows.
    let yes_no = survey
        .questions()
        .find(|q| matches!(q.kind, QuestionKind::YesNo))
        .expect("a yes/no question");
    let hidden_after = |yes: bool| {
        let answers = Answers::from([(yes_no.id.clone(), AnswerValue::Bool(yes))]);
        hidden_questions(&survey, &answers)
    };
    let follow_ups: Vec<String> = hidden_after(false)
        .into_iter()
        .filter(|q| !hidden_after(true).contains(q))
        .collect();
    assert!(
        !follow_ups.is_empty(),
        "a follow-up shown by the yes/no's yes"
    );
    let consent = survey
        .questions()
        .any(|q| matches!(q.kind, QuestionKind::Consent { .. }) && q.required);
    assert!(consent, "a required consent");
    assert!(!survey.hidden.is_empty(), "a hidden field");
    assert!(survey.thanks.is_some(), "the survey's own thanks");
}
