//! Show-if logic: a small expression language on questions and pages.
//!
//! ```text
//! expr    := and ("or" and)*
//! and     := unary ("and" unary)*
//! unary   := "not" unary | primary
//! primary := "(" expr ")"
//!          | "answered" "(" question ")"
//!          | question ("==" | "!=" | "<" | "<=" | ">" | ">=") literal
//!          | question "in" "[" literal ("," literal)* "]"
//!          | question "contains" literal
//! literal := 'text' | "text" | whole number | true | false
//! ```
//!
//! An expression is read ([`parse`]) and then checked against the questions
//! before it ([`check`]) when the survey is loaded; the widget then evaluates
//! it ([`hidden_questions`]) on every change of the answers. A hand-written
//! parser: no parser library, so the wasm stays small. Positions count
//! characters from 1.

use std::fmt;

use crate::answer::{AnswerValue, Answers};
use crate::survey::{QuestionKind, Survey, OTHER_VALUE};

/// Longest expression, in characters.
pub const MAX_EXPR_CHARS: usize = 2000;
/// Deepest nesting of parentheses and `not`.
pub const MAX_DEPTH: usize = 32;

/// A parsed show-if expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// `answered(q)`: the question is shown and has an answer.
    Answered(Name),
    /// `q op literal`, `q in [..]` (every listed value) or `q contains literal`.
    Compare {
        question: Name,
        op: Op,
        values: Vec<(Lit, usize)>,
    },
    Not(Box<Expr>),
    /// Every one is true (`and`).
    All(Vec<Expr>),
    /// At least one is true (`or`).
    Any(Vec<Expr>),
}

/// A question named in an expression, with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    pub id: String,
    pub at: usize,
}

/// A comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    Contains,
}

impl Op {
    /// How the comparison is written in an expression.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Eq => "==",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
            Op::In => "in",
            Op::Contains => "contains",
        }
    }
}

/// A literal value.
#[derive(Debug, Clone, PartialEq)]
pub enum Lit {
    Text(String),
    Number(i64),
    Bool(bool),
}

/// A problem in an expression, at a character position (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    pub at: usize,
    pub message: String,
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at {}: {}", self.at, self.message)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Text(String),
    Number(i64),
    Cmp(Op),
    Open,
    Close,
    OpenList,
    CloseList,
    Comma,
    End,
}

fn fail<T>(at: usize, message: impl Into<String>) -> Result<T, ExprError> {
    Err(ExprError {
        at,
        message: message.into(),
    })
}

/// Splits `src` into tokens with their positions (from 1).
fn tokens(src: &[char]) -> Result<Vec<(Tok, usize)>, ExprError> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let c = src[i];
        let at = i + 1;
        let next = src.get(i + 1).copied();
        i += 1;
        let tok = match c {
            c if c.is_ascii_whitespace() => continue,
            '(' => Tok::Open,
            ')' => Tok::Close,
            '[' => Tok::OpenList,
            ']' => Tok::CloseList,
            ',' => Tok::Comma,
            '=' | '!' | '<' | '>' => {
                let two = next == Some('=');
                if two {
                    i += 1;
                }
                match (c, two) {
                    ('=', true) => Tok::Cmp(Op::Eq),
                    ('!', true) => Tok::Cmp(Op::Ne),
                    ('<', false) => Tok::Cmp(Op::Lt),
                    ('<', true) => Tok::Cmp(Op::Le),
                    ('>', false) => Tok::Cmp(Op::Gt),
                    ('>', true) => Tok::Cmp(Op::Ge),
                    ('=', false) => return fail(at, "`=` alone: write `==` to compare"),
                    _ => return fail(at, "`!` alone: write `!=`, or `not` before a condition"),
                }
            }
            '\'' | '"' => {
                let start = i;
                while i < src.len() && src[i] != c {
                    i += 1;
                }
                if i == src.len() {
                    return fail(at, format!("this text has no closing {c}"));
                }
                i += 1;
                Tok::Text(src[start..i - 1].iter().collect())
            }
            c if c.is_ascii_digit() || (c == '-' && next.is_some_and(|n| n.is_ascii_digit())) => {
                let start = i - 1;
                while i < src.len() && src[i].is_ascii_digit() {
                    i += 1;
                }
                if i < src.len() && (src[i] == '.' || src[i].is_ascii_alphanumeric()) {
                    return fail(at, "a number here must be a whole number such as 3 or -1");
                }
                let digits: String = src[start..i].iter().collect();
                match digits.parse() {
                    Ok(n) => Tok::Number(n),
                    Err(_) => return fail(at, "this number is too large"),
                }
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let start = i - 1;
                while i < src.len() && (src[i].is_ascii_alphanumeric() || src[i] == '_') {
                    i += 1;
                }
                Tok::Word(src[start..i].iter().collect())
            }
            '&' | '|' => return fail(at, format!("`{c}`: write `and` or `or`")),
            c => return fail(at, format!("unexpected `{c}`")),
        };
        out.push((tok, at));
    }
    out.push((Tok::End, src.len() + 1));
    Ok(out)
}

struct Reader {
    toks: Vec<(Tok, usize)>,
    pos: usize,
    depth: usize,
}

impl Reader {
    fn peek(&self) -> &Tok {
        &self.toks[self.pos].0
    }
    fn at(&self) -> usize {
        self.toks[self.pos].1
    }
    fn next(&mut self) -> (Tok, usize) {
        let t = self.toks[self.pos].clone();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }
    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), Tok::Word(x) if x == w)
    }
    fn expect(&mut self, tok: Tok, what: &str) -> Result<(), ExprError> {
        if *self.peek() == tok {
            self.next();
            Ok(())
        } else {
            fail(
                self.at(),
                format!("expected {what}, found {}", self.found()),
            )
        }
    }
    /// The current token, for "found ..." in a message.
    fn found(&self) -> String {
        match self.peek() {
            Tok::Word(w) => format!("`{w}`"),
            Tok::Text(t) => format!("the text '{t}'"),
            Tok::Number(n) => format!("the number {n}"),
            Tok::Cmp(op) => format!("`{}`", op.symbol()),
            Tok::Open => "`(`".into(),
            Tok::Close => "`)`".into(),
            Tok::OpenList => "`[`".into(),
            Tok::CloseList => "`]`".into(),
            Tok::Comma => "`,`".into(),
            Tok::End => "the end".into(),
        }
    }

    fn or(&mut self) -> Result<Expr, ExprError> {
        let mut items = vec![self.and()?];
        while self.is_word("or") {
            self.next();
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Expr::Any(items)
        })
    }

    fn and(&mut self) -> Result<Expr, ExprError> {
        let mut items = vec![self.unary()?];
        while self.is_word("and") {
            self.next();
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Expr::All(items)
        })
    }

    fn unary(&mut self) -> Result<Expr, ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return fail(
                self.at(),
                format!("nested more than {MAX_DEPTH} deep (parentheses and `not`)"),
            );
        }
        let e = if self.is_word("not") {
            self.next();
            Expr::Not(Box::new(self.unary()?))
        } else {
            self.primary()?
        };
        self.depth -= 1;
        Ok(e)
    }

    fn primary(&mut self) -> Result<Expr, ExprError> {
        let at = self.at();
        let word = match self.peek() {
            Tok::Open => {
                self.next();
                let e = self.or()?;
                self.expect(Tok::Close, "`)`")?;
                return Ok(e);
            }
            Tok::Word(w) if !is_keyword(w) => w.clone(),
            _ => {
                return fail(
                    at,
                    format!(
                    "expected a condition (a question id, `answered(...)`, `not` or `(`), found {}",
                    self.found()
                ),
                )
            }
        };
        self.next();
        if word == "answered" && *self.peek() == Tok::Open {
            self.next();
            let question = self.name()?;
            self.expect(Tok::Close, "`)`")?;
            return Ok(Expr::Answered(question));
        }
        if word == "answered" {
            return fail(self.at(), "write `answered(question_id)`, with parentheses");
        }
        let question = Name { id: word, at };
        let op = match self.peek() {
            Tok::Cmp(op) => *op,
            Tok::Word(w) if w == "in" => Op::In,
            Tok::Word(w) if w == "contains" => Op::Contains,
            _ => {
                return fail(
                    self.at(),
                    format!(
                        "expected a comparison (==, !=, <, <=, >, >=, in, contains) after `{}`, found {}",
                        question.id,
                        self.found()
                    ),
                )
            }
        };
        self.next();
        let mut values = Vec::new();
        if op == Op::In {
            self.expect(Tok::OpenList, "`[` to start the list")?;
            loop {
                values.push(self.literal()?);
                if *self.peek() != Tok::Comma {
                    break;
                }
                self.next();
            }
            self.expect(Tok::CloseList, "`,` or `]`")?;
        } else {
            values.push(self.literal()?);
        }
        Ok(Expr::Compare {
            question,
            op,
            values,
        })
    }

    fn name(&mut self) -> Result<Name, ExprError> {
        let at = self.at();
        match self.peek().clone() {
            Tok::Word(w) if !is_keyword(&w) => {
                self.next();
                Ok(Name { id: w, at })
            }
            _ => fail(
                at,
                format!("expected a question id, found {}", self.found()),
            ),
        }
    }

    fn literal(&mut self) -> Result<(Lit, usize), ExprError> {
        let at = self.at();
        let lit = match self.peek().clone() {
            Tok::Text(t) => Lit::Text(t),
            Tok::Number(n) => Lit::Number(n),
            Tok::Word(w) if w == "true" => Lit::Bool(true),
            Tok::Word(w) if w == "false" => Lit::Bool(false),
            Tok::Word(w) => {
                return fail(
                    at,
                    format!("expected a value ('text', a number, true or false), found `{w}`: put text in quotes"),
                )
            }
            _ => {
                return fail(
                    at,
                    format!(
                        "expected a value ('text', a number, true or false), found {}",
                        self.found()
                    ),
                )
            }
        };
        self.next();
        Ok((lit, at))
    }
}

fn is_keyword(w: &str) -> bool {
    matches!(
        w,
        "and" | "or" | "not" | "in" | "contains" | "true" | "false"
    )
}

/// Reads an expression. Never panics and never recurses deeper than
/// [`MAX_DEPTH`], whatever `src` holds.
pub fn parse(src: &str) -> Result<Expr, ExprError> {
    if src.len() > MAX_EXPR_CHARS * 4 || src.chars().count() > MAX_EXPR_CHARS {
        return fail(
            1,
            format!(
                "the expression is {} characters; at most {MAX_EXPR_CHARS} are allowed",
                src.chars().count()
            ),
        );
    }
    let chars: Vec<char> = src.chars().collect();
    let toks = tokens(&chars)?;
    if toks.len() == 1 {
        return fail(1, "the expression is empty");
    }
    let mut r = Reader {
        toks,
        pos: 0,
        depth: 0,
    };
    let e = r.or()?;
    if *r.peek() != Tok::End {
        return fail(
            r.at(),
            format!("expected `and`, `or` or the end, found {}", r.found()),
        );
    }
    Ok(e)
}

/// What an expression may use: the questions before it, in survey order,
/// each with its kind (`None` when the question itself is broken and
/// already reported), and the ids of those after it.
pub struct Scope<'a> {
    pub earlier: &'a [(&'a str, Option<&'a QuestionKind>)],
    pub later: &'a [&'a str],
    /// The question that carries the expression, if not a page.
    pub own: Option<&'a str>,
    /// "questions before it" or "questions on earlier pages", for messages.
    pub what: &'a str,
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
        let values = |options: &'a [crate::ChoiceOption], other: bool| {
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

    /// The comparisons this type takes, as said in a message.
    fn ops(&self) -> (&'static [Op], &'static str) {
        match self {
            Type::Choice(_) | Type::Text => (&[Op::Eq, Op::Ne, Op::In], "==, != or in"),
            Type::Choices(_) => (&[Op::Contains], "contains"),
            Type::Number => (
                &[Op::Eq, Op::Ne, Op::Lt, Op::Le, Op::Gt, Op::Ge, Op::In],
                "==, !=, <, <=, >, >= or in",
            ),
            Type::Bool => (&[Op::Eq, Op::Ne], "== or !="),
            Type::Answered => (&[], ""),
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
    let mut push = |at: usize, message: String| errors.push(ExprError { at, message });
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
            let (ops, said) = ty.ops();
            if let Type::Answered = ty {
                push(
                    question.at,
                    format!(
                        "`{q}` is a question of kind `{}`: show_if can only ask whether it is answered, with `answered({q})`, not compare it with `{}`",
                        kind.name(),
                        op.symbol()
                    ),
                );
                return;
            }
            if !ops.contains(op) {
                let hint = if *op == Op::Contains {
                    "`contains` is for multi_choice questions; "
                } else {
                    ""
                };
                push(
                    question.at,
                    format!(
                        "{hint}`{q}` is a question of kind `{}`: compare it with {said}, not `{}`",
                        kind.name(),
                        op.symbol()
                    ),
                );
                return;
            }
            for (lit, at) in values {
                let want = match (&ty, lit) {
                    (Type::Choice(v) | Type::Choices(v), Lit::Text(t)) => {
                        if !v.contains(&t.as_str()) {
                            push(
                                *at,
                                format!(
                                    "'{t}' is not an option of `{q}`; its options are: {}",
                                    crate::parse::join(v, ", ")
                                ),
                            );
                        }
                        continue;
                    }
                    (Type::Text, Lit::Text(_))
                    | (Type::Number, Lit::Number(_))
                    | (Type::Bool, Lit::Bool(_)) => continue,
                    (Type::Choice(_) | Type::Choices(_), _) => "an option value in quotes",
                    (Type::Text, _) => "a text in quotes",
                    (Type::Number, _) => "a whole number",
                    (Type::Bool, _) => "true or false",
                    (Type::Answered, _) => continue,
                };
                push(
                    *at,
                    format!(
                        "`{q}` is a question of kind `{}`: compare it with {want}",
                        kind.name()
                    ),
                );
            }
        }
    }
}

/// The kind of the question `name` names, or an error when it may not be used.
fn lookup<'a>(
    name: &Name,
    scope: &Scope<'a>,
    push: &mut impl FnMut(usize, String),
) -> Option<&'a QuestionKind> {
    if let Some((_, kind)) = scope.earlier.iter().find(|(id, _)| *id == name.id) {
        return *kind;
    }
    let id = &name.id;
    let message = if scope.own == Some(id.as_str()) {
        format!(
            "`{id}` is this question: show_if may only use {}",
            scope.what
        )
    } else if scope.later.contains(&id.as_str()) {
        format!(
            "question `{id}` comes later in the survey: show_if may only use {}",
            scope.what
        )
    } else {
        let ids: Vec<&str> = scope.earlier.iter().map(|(id, _)| *id).collect();
        if ids.is_empty() {
            format!("unknown question `{id}`; there are no {}", scope.what)
        } else {
            format!(
                "unknown question `{id}`; {} are: {}",
                scope.what,
                crate::parse::join(&ids, ", ")
            )
        }
    };
    push(name.at, message);
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
        (AnswerValue::Number(n), Lit::Number(m)) => n.as_i64().map(|n| n.cmp(m)),
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
