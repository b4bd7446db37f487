//! Show-if logic: the expression language (golden cases and errors), its
//! checks at load time, visibility with its cascade, what hidden questions
//! do to validation, responses and the CSV, and fuzzing of the expression
//! and survey parsers.
//!
//! `logic/expressions.txt` holds one expression a line; `expressions.golden`
//! has each with its parse (fully parenthesised) or its error.
//! `logic/comparisons.txt` holds a number answer to `q` and an expression a
//! line; `comparisons.golden` has whether each holds. `UPDATE_GOLDEN=1`
//! rewrites them.

mod common;

use std::path::Path;

use proptest::prelude::*;
use serde_json::{json, Value};
use suara_domain::answer::{self, Answers};
use suara_domain::export::{to_csv, CsvOptions};
use suara_domain::logic::{self, Expr, ExprProblem, Lit, Op, MAX_DEPTH};
use suara_domain::problem::Problem;
use suara_domain::response::Finish;
use suara_domain::{AnswerError, AnswerValue, Locale, Response, Survey};

fn render(e: &Expr) -> String {
    let lit = |l: &Lit| match l {
        Lit::Text(t) => format!("'{t}'"),
        Lit::Number(n) => n.to_string(),
        Lit::Bool(b) => b.to_string(),
    };
    match e {
        Expr::Answered(q) => format!("answered({})", q.id),
        Expr::Not(e) => format!("not {}", render(e)),
        Expr::All(items) => format!(
            "({})",
            items.iter().map(render).collect::<Vec<_>>().join(" and ")
        ),
        Expr::Any(items) => format!(
            "({})",
            items.iter().map(render).collect::<Vec<_>>().join(" or ")
        ),
        Expr::Compare {
            question,
            op,
            values,
        } => {
            let sym = op.symbol();
            let vals: Vec<String> = values.iter().map(|(v, _)| lit(v)).collect();
            if *op == Op::In {
                format!(
                    "[{}@{}] {sym} [{}]",
                    question.id,
                    question.at,
                    vals.join(", ")
                )
            } else {
                format!("[{}@{}] {sym} {}", question.id, question.at, vals[0])
            }
        }
    }
}

#[test]
fn expressions_parse_to_their_golden_trees_or_errors() {
    let input = common::read(&common::data("logic/expressions.txt"));
    let mut out = String::new();
    for line in input.lines() {
        let result = match logic::parse(line) {
            Ok(e) => render(&e),
            Err(e) => format!("error {e}"),
        };
        out.push_str(&format!("{line}\n  => {result}\n"));
    }
    common::golden(&common::data("logic/expressions.golden"), out.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn number_comparisons_hold_as_in_their_golden_file() {
    let input = common::read(&common::data("logic/comparisons.txt"));
    let mut out = String::new();
    for line in input.lines() {
        let (answer, src) = line.split_once(": ").expect("`answer: expression`");
        let n: serde_json::Number = serde_json::from_str(answer).expect("a number");
        let given = Answers::from([("q".to_owned(), AnswerValue::Number(n))]);
        let holds = logic::parse(src).expect("an expression").eval(&given, &[]);
        out.push_str(&format!("{line}\n  => {holds}\n"));
    }
    common::golden(&common::data("logic/comparisons.golden"), out.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
}

fn example() -> Survey {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/logic.json");
    Survey::parse(&common::read(&path)).expect("examples/logic.json parses")
}

fn answers(v: Value) -> Answers {
    serde_json::from_value(v).expect("answers")
}

#[test]
fn the_example_survey_hides_and_shows_with_the_cascade() {
    let s = example();
    let hidden = |v: Value| logic::hidden_questions(&s, &answers(v));
    // Nothing answered: every question with a condition is hidden, and the
    // second page with them.
    assert_eq!(
        hidden(json!({})),
        ["rating", "improve", "why_not", "help_next", "contact"]
    );
    assert_eq!(
        hidden(json!({ "visited": "yes" })),
        ["improve", "why_not", "help_next", "contact"]
    );
    assert_eq!(
        hidden(json!({ "visited": "yes", "rating": 2 })),
        ["why_not", "help_next", "contact"]
    );
    assert_eq!(
        hidden(json!({ "visited": "yes", "rating": 5, "help_next": ["stall"] })),
        ["improve", "why_not"]
    );
    // The cascade: `rating` is hidden once `visited` is "no", so its old
    // answer counts as none and `improve` (rating <= 3) hides too.
    assert_eq!(
        hidden(json!({ "visited": "no", "rating": 2, "improve": "More shade" })),
        ["rating", "improve", "help_next", "contact"]
    );
    // Blank text and an empty list are no answers.
    assert_eq!(
        hidden(json!({ "visited": "yes", "rating": 5, "help_next": [] })),
        ["improve", "why_not", "contact"]
    );
}

#[test]
fn comparisons_with_no_answer_are_false_and_answered_tests_presence() {
    let s = Survey::parse(
        &json!({
            "format": 1, "id": "s", "version": "1", "title": "T", "default_locale": "en",
            "pages": [{ "id": "p", "questions": [
                { "id": "name", "kind": "short_text", "label": "Name" },
                { "id": "score", "kind": "nps", "label": "Score" },
                { "id": "agree", "kind": "consent", "label": "Agree" },
                { "id": "t1", "kind": "nps", "label": "L", "show_if": "name != 'Ana'" },
                { "id": "t2", "kind": "nps", "label": "L", "show_if": "not (name == 'Ana')" },
                { "id": "t3", "kind": "nps", "label": "L", "show_if": "answered(score) and score < 7" },
                { "id": "t4", "kind": "nps", "label": "L", "show_if": "score in [9, 10] or agree == false" },
                { "id": "t5", "kind": "nps", "label": "L", "show_if": "not answered(name)" }
            ] }]
        })
        .to_string(),
    )
    .expect("parses");
    let hidden = |v: Value| logic::hidden_questions(&s, &answers(v));
    assert_eq!(hidden(json!({})), ["t1", "t3", "t4"]);
    assert_eq!(
        hidden(json!({ "name": " Ana ", "score": 10 })),
        ["t1", "t2", "t3", "t5"]
    );
    assert_eq!(
        hidden(json!({ "name": "Budi", "score": 3, "agree": false })),
        ["t5"]
    );
    assert_eq!(hidden(json!({ "name": "  " })), ["t1", "t3", "t4"]);
}

// Broke: a number answer with a fraction compared as no number at all, so
// with 3.5 given, `q < 5`, `q > 1` and `q != 3` were all false.
#[test]
fn a_decimal_answer_compares_as_a_number() {
    let given = answers(json!({ "q": 3.5 }));
    for (src, holds) in [
        ("q < 5", true),
        ("q > 1", true),
        ("q != 3", true),
        ("q == 3", false),
        ("q >= 4", false),
    ] {
        let e = logic::parse(src).expect("an expression");
        assert_eq!(e.eval(&given, &[]), holds, "{src} with 3.5");
    }
}

#[test]
fn hidden_questions_are_not_validated_and_their_answers_are_dropped() {
    let s = example();
    // `rating` is required, but hidden when the person did not come.
    let given = answers(json!({
        "visited": "no", "rating": 2, "improve": "typed before it hid", "why_not": " Too far "
    }));
    assert_eq!(answer::validate(&s, &given), []);
    assert_eq!(
        answer::clean(&s, &given),
        answers(json!({ "visited": "no", "why_not": "Too far" }))
    );
    // Shown, it is required again.
    let given = answers(json!({ "visited": "yes" }));
    assert_eq!(
        answer::validate(&s, &given),
        [("rating".to_owned(), AnswerError::Required)]
    );
}

#[test]
fn a_branched_survey_exports_empty_cells_for_hidden_questions() {
    let s = example();
    let locale = Locale::parse("en").expect("a locale");
    let finish = |id: &str, v: Value| {
        Response::finish(
            &s,
            &answers(v),
            Finish {
                id,
                locale: &locale,
                started_at: "2026-01-01T00:00:00Z",
                submitted_at: "2026-01-01T00:01:00Z",
            },
        )
        .expect("valid")
    };
    let taken = finish(
        "r1",
        json!({ "visited": "yes", "rating": 2, "improve": "More shade", "why_not": "ignored" }),
    );
    let not_taken = finish(
        "r2",
        json!({ "visited": "no", "rating": 2, "improve": "typed before it hid", "why_not": "Too far" }),
    );
    assert!(!not_taken.to_json().contains("rating"));
    let csv = to_csv(&s, &[taken, not_taken], CsvOptions::default());
    assert_eq!(
        csv,
        "id,submitted_at,locale,survey_version,started_at,partial,visited,rating,improve,why_not,help_next.stall,help_next.volunteer,contact\r\n\
         r1,2026-01-01T00:01:00Z,en,VERSION,2026-01-01T00:00:00Z,0,yes,2,More shade,,,,\r\n\
         r2,2026-01-01T00:01:00Z,en,VERSION,2026-01-01T00:00:00Z,0,no,,,Too far,,,\r\n"
            .replace("VERSION", &s.version)
    );
}

#[test]
fn deep_and_long_input_is_an_error_not_a_crash() {
    let open = "(".repeat(100_000);
    assert!(logic::parse(&open).is_err());
    let nested = format!("{}a == 1{}", "(".repeat(500), ")".repeat(500));
    let e = logic::parse(&nested).expect_err("too deep");
    assert!(matches!(e.problem, ExprProblem::TooDeep { .. }), "{e}");
    let ok = format!(
        "{}a == 1{}",
        "(".repeat(MAX_DEPTH - 1),
        ")".repeat(MAX_DEPTH - 1)
    );
    assert!(logic::parse(&ok).is_ok(), "{MAX_DEPTH} levels are allowed");
    // The same through the survey parser.
    let survey = json!({
        "format": 1, "id": "s", "version": "1", "title": "T", "default_locale": "en",
        "pages": [{ "id": "p", "questions": [
            { "id": "a", "kind": "nps", "label": "L" },
            { "id": "b", "kind": "nps", "label": "L", "show_if": open }
        ] }]
    });
    assert!(Survey::parse(&survey.to_string()).is_err());
    // Deeply nested JSON is refused by the JSON reader, not a stack overflow.
    let deep_json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(Survey::parse(&deep_json).is_err());
}

/// Random well-formed expressions over the questions `a` (nps), `b`
/// (single choice x/y) and `c` (multi choice x/y), some nested deeper than
/// allowed.
fn expr_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        (
            0..11i64,
            prop::sample::select(vec!["==", "!=", "<", "<=", ">", ">="])
        )
            .prop_map(|(n, op)| format!("a {op} {n}")),
        prop::sample::select(vec!["x", "y"]).prop_map(|v| format!("b == '{v}'")),
        prop::sample::select(vec!["x", "y"]).prop_map(|v| format!("c contains \"{v}\"")),
        Just("b in ['x', 'y']".to_owned()),
        prop::sample::select(vec!["a", "b", "c"]).prop_map(|q| format!("answered({q})")),
    ];
    leaf.prop_recursive(40, 200, 3, |inner| {
        prop_oneof![
            inner.clone().prop_map(|e| format!("not ({e})")),
            (inner.clone(), inner.clone()).prop_map(|(l, r)| format!("({l}) and ({r})")),
            (inner.clone(), inner).prop_map(|(l, r)| format!("{l} or {r}")),
        ]
    })
}

fn fuzz_survey(show_if: &str) -> String {
    json!({
        "format": 1, "id": "s", "version": "1", "title": "T", "default_locale": "en",
        "pages": [{ "id": "p", "questions": [
            { "id": "a", "kind": "nps", "label": "L" },
            { "id": "b", "kind": "single_choice", "label": "L", "options": [{ "value": "x", "label": "X" }, { "value": "y", "label": "Y" }] },
            { "id": "c", "kind": "multi_choice", "label": "L", "options": [{ "value": "x", "label": "X" }, { "value": "y", "label": "Y" }] },
            { "id": "d", "kind": "nps", "label": "L", "show_if": show_if }
        ] }]
    })
    .to_string()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_string_is_an_expression_or_an_error(s in "\\PC{0,80}") {
        let _ = logic::parse(&s);
    }

    #[test]
    fn strings_of_the_languages_own_characters_never_panic(
        s in "[a-c()\\[\\]'\", =!<>0-9 ]{0,60}|((not |and |or |in |contains |answered)[a-c()'= 0-9]{0,5}){0,12}"
    ) {
        let _ = logic::parse(&s);
        let _ = Survey::parse(&fuzz_survey(&s));
    }

    #[test]
    fn generated_expressions_parse_check_and_evaluate(e in expr_text(), n in 0..11i64, b in 0..3usize) {
        match Survey::parse(&fuzz_survey(&e)) {
            Ok(s) => {
                let mut given = json!({ "a": n, "c": ["x"] });
                if b < 2 { given["b"] = json!(["x", "y"][b]); }
                let _ = logic::hidden_questions(&s, &answers(given));
            }
            // Only too deep or too long: the expressions are otherwise valid.
            Err(errors) => prop_assert!(
                errors.iter().all(|e| matches!(&e.problem, Problem::ShowIf { error, .. } if matches!(error.problem, ExprProblem::TooDeep { .. } | ExprProblem::TooLong { .. }))),
                "{errors:?}"
            ),
        }
    }

    #[test]
    fn mutated_surveys_never_panic(cut in 0..1500usize, at in 0..1500usize, byte in 0u8..128) {
        let text = common::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/logic.json"));
        let mut bytes = text.into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        bytes.truncate(bytes.len().saturating_sub(cut % 3 * cut));
        let _ = Survey::parse(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_json_values_never_panic(v in arb_json()) {
        let _ = Survey::from_value(&v);
        let _ = Survey::from_value(&json!({
            "format": 1, "id": "s", "version": "1", "title": "T", "default_locale": "en",
            "pages": [{ "id": "p", "show_if": v.clone(), "questions": [v] }]
        }));
    }
}

/// A number as a survey author may write one in an expression: whole, or
/// with a fraction and at most 15 digits in all.
fn number_literal() -> impl Strategy<Value = String> {
    let fraction = (2..=15usize)
        .prop_flat_map(|n| {
            (
                any::<bool>(),
                1..n,
                prop::collection::vec(prop::char::range('0', '9'), n),
            )
        })
        .prop_map(|(negative, after, digits)| {
            let (whole, fraction) = digits.split_at(digits.len() - after);
            let sign = if negative { "-" } else { "" };
            let whole: String = whole.iter().collect();
            let fraction: String = fraction.iter().collect();
            format!("{sign}{whole}.{fraction}")
        });
    prop_oneof![any::<i64>().prop_map(|n| n.to_string()), fraction]
}

fn finite_f64() -> impl Strategy<Value = f64> {
    use prop::num::f64::{NEGATIVE, NORMAL, POSITIVE, SUBNORMAL, ZERO};
    POSITIVE | NEGATIVE | NORMAL | SUBNORMAL | ZERO
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    /// Show-if compares a number answer with a number as f64 comparison
    /// does, whether either is whole or has a fraction. The answer is made
    /// as the widget makes it from the browser's number (`number_from_f64`),
    /// and is often the literal itself or a neighbour of it, so that `==`
    /// and the edges of `<` and `<=` are tried.
    #[test]
    fn show_if_compares_numbers_as_f64_comparison_does(
        literal in number_literal(),
        op in prop::sample::select(vec!["==", "!=", "<", "<=", ">", ">="]),
        far in finite_f64(),
        step in -2i64..=2,
        near in any::<bool>(),
    ) {
        let l: f64 = literal.parse().expect("the literal is a number");
        let neighbour = f64::from_bits(l.to_bits().wrapping_add_signed(step));
        let a = if near && neighbour.is_finite() { neighbour } else { far };
        let n = answer::number_from_f64(a).expect("a finite number");
        let given = Answers::from([("q".to_owned(), AnswerValue::Number(n))]);
        let src = format!("q {op} {literal}");
        let expr = logic::parse(&src).expect("an expression");
        let expected = match op {
            "==" => a == l,
            "!=" => a != l,
            "<" => a < l,
            "<=" => a <= l,
            ">" => a > l,
            _ => a >= l,
        };
        prop_assert_eq!(expr.eval(&given, &[]), expected, "{} with q = {:?}", src, a);
    }
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        prop::sample::select(vec![
            "id",
            "kind",
            "nps",
            "single_choice",
            "a == 1",
            "answered(q)",
            "",
            "en",
            "q",
            "show_if",
        ])
        .prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop::sample::select(vec![
                        "format",
                        "id",
                        "version",
                        "title",
                        "default_locale",
                        "pages",
                        "questions",
                        "kind",
                        "label",
                        "options",
                        "value",
                        "show_if",
                        "x",
                    ]),
                    inner
                ),
                0..6
            )
            .prop_map(|kv| Value::Object(kv.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
}
