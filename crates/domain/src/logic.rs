//! Show-if logic: a small expression language on questions and pages.
//!
//! An expression is read ([`parse`], whose page gives the grammar) and then
//! checked against the questions before it ([`check`]) when the survey is
//! loaded; the widget then evaluates it ([`hidden_questions`]) on
//! every change of the answers.

use crate::survey::{ChoiceOption, QuestionKind, Survey, OTHER_VALUE};
use crate::text::closest;
use crate::value::{AnswerValue, Answers};

pub use crate::expr::{
    parse, Earlier, Expected, Expr, ExprError, ExprProblem, Lit, Name, Op, Token, Want, MAX_DEPTH,
    MAX_EXPR_CHARS,
};

/// What an expression may use: the questions before it, in survey order,
/// each with its kind (`None` when the question itself is broken and
/// already reported), and the ids of those after it.
pub struct Scope<'a> {
    pub earlier: &'a [(&'a str, Option<&'a QuestionKind>)],
    pub later: &'a [&'a str],
    /// The question that carries the expression, if not a page.
    pub own: Option<&'a str>,
    /// Which questions `earlier` are, for messages.
    pub what: Earlier,
}

/// What a question's answer is compared with.
enum Type<'a> {
    Choice(Vec<&'a str>),
    Choices(Vec<&'a str>),
    Text,
    Number,
    Bool,
    /// Only `answered(q)`: a matrix's rows and a ranking's order are no one
    /// value to compare.
    Answered,
}

impl<'a> Type<'a> {
    fn of(kind: &'a QuestionKind) -> Type<'a> {
        let values = |options: &'a [ChoiceOption], other: bool| {
            let mut v: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
            if other {
                v.push(OTHER_VALUE);
            }
            v
        };
        match kind {
            QuestionKind::SingleChoice { options, other } => {
                Type::Choice(values(options, other.is_some()))
            }
            QuestionKind::MultiChoice { options, other } => {
                Type::Choices(values(options, other.is_some()))
            }
            QuestionKind::Dropdown { options, .. } => Type::Choice(values(options, false)),
            // A date is its `YYYY-MM-DD` text.
            QuestionKind::ShortText { .. }
            | QuestionKind::LongText { .. }
            | QuestionKind::Date { .. } => Type::Text,
            QuestionKind::Rating { .. } | QuestionKind::Nps | QuestionKind::Number { .. } => {
                Type::Number
            }
            QuestionKind::Consent { .. } | QuestionKind::YesNo => Type::Bool,
            // Answered 1 to the number of points.
            QuestionKind::Likert { .. } | QuestionKind::Smiley { .. } => Type::Number,
            QuestionKind::Matrix { .. } | QuestionKind::Ranking { .. } => Type::Answered,
        }
    }

    /// The comparisons this type takes.
    fn ops(&self) -> &'static [Op] {
        match self {
            Type::Choice(_) | Type::Text => &[Op::Eq, Op::Ne, Op::In],
            Type::Choices(_) => &[Op::Contains],
            Type::Number => &[Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge, Op::In],
            Type::Bool => &[Op::Eq, Op::Ne],
            Type::Answered => &[],
        }
    }
}

/// Checks `expr` against the questions it may use; every problem found.
pub fn check(expr: &Expr, scope: &Scope) -> Vec<ExprError> {
    let mut errors = Vec::new();
    check_into(expr, scope, &mut errors);
    errors
}

fn check_into(expr: &Expr, scope: &Scope, errors: &mut Vec<ExprError>) {
    let mut push = |at: usize, problem: ExprProblem| errors.push(ExprError { at, problem });
    match expr {
        Expr::Not(e) => check_into(e, scope, errors),
        Expr::All(items) | Expr::Any(items) => {
            for e in items {
                check_into(e, scope, errors);
            }
        }
        Expr::Answered(name) => {
            lookup(name, scope, &mut push);
        }
        Expr::Compare {
            question,
            op,
            values,
        } => {
            let Some(kind) = lookup(question, scope, &mut push) else {
                return;
            };
            let ty = Type::of(kind);
            let q = &question.id;
            let ops = ty.ops();
            if let Type::Answered = ty {
                push(
                    question.at,
                    ExprProblem::OnlyAnswered {
                        q: q.clone(),
                        kind: kind.name(),
                        op: *op,
                    },
                );
                return;
            }
            if !ops.contains(op) {
                push(
                    question.at,
                    ExprProblem::WrongOp {
                        q: q.clone(),
                        kind: kind.name(),
                        op: *op,
                        ops,
                    },
                );
                return;
            }
            for (lit, at) in values {
                let want = match (&ty, lit) {
                    (Type::Choice(v) | Type::Choices(v), Lit::Text(t)) => {
                        if !v.contains(&t.as_str()) {
                            push(
                                *at,
                                ExprProblem::NotAnOption {
                                    value: t.clone(),
                                    q: q.clone(),
                                    options: v.iter().map(|o| (*o).to_owned()).collect(),
                                    suggestion: closest(t, v).map(str::to_owned),
                                },
                            );
                        }
                        continue;
                    }
                    (Type::Text, Lit::Text(_))
                    | (Type::Number, Lit::Number(_))
                    | (Type::Bool, Lit::Bool(_)) => continue,
                    (Type::Choice(_) | Type::Choices(_), _) => Want::OptionValue,
                    (Type::Text, _) => Want::Text,
                    (Type::Number, _) => Want::Number,
                    (Type::Bool, _) => Want::Bool,
                    (Type::Answered, _) => continue,
                };
                push(
                    *at,
                    ExprProblem::WrongValue {
                        q: q.clone(),
                        kind: kind.name(),
                        want,
                    },
                );
            }
        }
    }
}

/// The kind of the question `name` names, or an error when it may not be used.
fn lookup<'a>(
    name: &Name,
    scope: &Scope<'a>,
    push: &mut impl FnMut(usize, ExprProblem),
) -> Option<&'a QuestionKind> {
    if let Some((_, kind)) = scope.earlier.iter().find(|(id, _)| *id == name.id) {
        return *kind;
    }
    let id = name.id.clone();
    let earlier = scope.what;
    let problem = if scope.own == Some(id.as_str()) {
        ExprProblem::OwnQuestion { id, earlier }
    } else if scope.later.contains(&id.as_str()) {
        ExprProblem::LaterQuestion { id, earlier }
    } else {
        let ids: Vec<&str> = scope.earlier.iter().map(|(id, _)| *id).collect();
        ExprProblem::UnknownQuestion {
            suggestion: closest(&id, &ids).map(str::to_owned),
            ids: ids.iter().map(|i| (*i).to_owned()).collect(),
            id,
            earlier,
        }
    };
    push(name.at, problem);
    None
}

impl Expr {
    /// Whether the expression holds for `answers`, with the questions in
    /// `hidden` counting as unanswered.
    pub fn eval(&self, answers: &Answers, hidden: &[String]) -> bool {
        match self {
            Expr::Not(e) => !e.eval(answers, hidden),
            Expr::All(items) => items.iter().all(|e| e.eval(answers, hidden)),
            Expr::Any(items) => items.iter().any(|e| e.eval(answers, hidden)),
            Expr::Answered(q) => answer(&q.id, answers, hidden).is_some(),
            Expr::Compare {
                question,
                op,
                values,
            } => {
                let Some(a) = answer(&question.id, answers, hidden) else {
                    return false;
                };
                match op {
                    Op::In => values.iter().any(|(v, _)| compare(a, Op::Eq, v)),
                    _ => values.first().is_some_and(|(v, _)| compare(a, *op, v)),
                }
            }
        }
    }
}

fn answer<'a>(id: &str, answers: &'a Answers, hidden: &[String]) -> Option<&'a AnswerValue> {
    if hidden.iter().any(|h| h == id) {
        return None;
    }
    answers.get(id).filter(|a| a.is_answered())
}

fn compare(a: &AnswerValue, op: Op, v: &Lit) -> bool {
    use std::cmp::Ordering;
    let order = match (a, v) {
        (AnswerValue::Choices(vs), Lit::Text(t)) if op == Op::Contains => {
            return vs.iter().any(|c| c == t)
        }
        (AnswerValue::Text(s), Lit::Text(t)) => Some(s.trim().cmp(t.as_str())),
        (AnswerValue::Number(n), Lit::Number(m)) => match (n.as_i64(), m.as_i64()) {
            // Whole numbers compare exactly, beyond 2^53 too.
            (Some(n), Some(m)) => Some(n.cmp(&m)),
            // Otherwise as f64s: a `number` answer may have a fraction
            // (3.5 < 5), and so may a literal (q >= 2.5).
            _ => n
                .as_f64()
                .zip(m.as_f64())
                .and_then(|(n, m)| n.partial_cmp(&m)),
        },
        (AnswerValue::Bool(b), Lit::Bool(c)) => Some(b.cmp(c)),
        _ => None,
    };
    let Some(o) = order else { return false };
    match op {
        Op::Eq => o == Ordering::Equal,
        Op::Ne => o != Ordering::Equal,
        Op::Lt => o == Ordering::Less,
        Op::Le => o != Ordering::Greater,
        Op::Gt => o == Ordering::Greater,
        Op::Ge => o != Ordering::Less,
        Op::In | Op::Contains => false,
    }
}

/// The questions not shown for `answers`, in survey order: those whose
/// page's or own `show_if` is false. A hidden question counts as
/// unanswered for every expression after it.
pub fn hidden_questions(survey: &Survey, answers: &Answers) -> Vec<String> {
    let mut hidden = Vec::new();
    for page in &survey.pages {
        let page_shown = page
            .show_if
            .as_ref()
            .is_none_or(|e| e.eval(answers, &hidden));
        for q in &page.questions {
            let shown = page_shown && q.show_if.as_ref().is_none_or(|e| e.eval(answers, &hidden));
            if !shown {
                hidden.push(q.id.clone());
            }
        }
    }
    hidden
}
