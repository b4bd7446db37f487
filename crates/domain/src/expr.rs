//! The show-if expression language's syntax: its tree and its reader (see
//! [`parse`] for the grammar). It knows nothing of surveys;
//! [`crate::logic`] checks an expression against a survey's questions and
//! evaluates it.
//!
//! A hand-written parser: no parser library, so the wasm stays small.
//! Positions count characters from 1.

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
    /// A whole number as written, or one with a fraction as the nearest
    /// f64: the same type as a number answer, compared with it as such.
    Number(serde_json::Number),
    Bool(bool),
}

/// A problem in an expression, at a character position (from 1). Its
/// words are in `i18n`'s author module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    pub at: usize,
    pub problem: ExprProblem,
}

/// What a message says was found instead: a token of the expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Word(String),
    Text(String),
    Number(String),
    /// A bracket, comma or comparison, as written.
    Symbol(&'static str),
    End,
}

/// What was expected where [`ExprProblem::Expected`] found something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// `)`
    Close,
    /// `[` to start an `in` list.
    OpenList,
    /// `,` or `]` in an `in` list.
    CommaOrCloseList,
}

/// The questions an expression may use, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Earlier {
    /// A question's: the questions before it.
    BeforeQuestion,
    /// A page's: the questions on earlier pages.
    EarlierPages,
}

/// What a comparison needs as its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    OptionValue,
    Text,
    Number,
    Bool,
}

/// What is wrong with an expression: its syntax ([`parse`]) or what it
/// asks of the survey's questions (`logic::check`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExprProblem {
    /// `=` alone.
    LoneEquals,
    /// `!` alone.
    LoneBang,
    /// A text opened with this quote and never closed.
    UnclosedText(char),
    /// A number not written like 3, -1 or 2.5.
    NumberShape,
    NumberTooLarge,
    /// A number with a fraction and more than 15 digits.
    FractionDigits,
    /// `&` or `|` for `and` and `or`.
    AndOr(char),
    Unexpected(char),
    Expected {
        what: Expected,
        found: Token,
    },
    TooDeep {
        max: usize,
    },
    ExpectedCondition {
        found: Token,
    },
    AnsweredNeedsParens,
    /// No comparison after a question id; `answered` is suggested when the
    /// id is close to it and a `(` follows.
    ExpectedComparison {
        after: String,
        found: Token,
        answered: bool,
    },
    ExpectedQuestionId {
        found: Token,
    },
    UnquotedValue {
        word: String,
    },
    ExpectedValue {
        found: Token,
    },
    TooLong {
        len: usize,
        max: usize,
    },
    Empty,
    ExpectedEnd {
        found: Token,
    },
    /// A matrix or ranking compared with `op`: only `answered` works.
    OnlyAnswered {
        q: String,
        kind: &'static str,
        op: Op,
    },
    /// `op` does not compare a question of `kind`; `ops` do.
    WrongOp {
        q: String,
        kind: &'static str,
        op: Op,
        ops: &'static [Op],
    },
    NotAnOption {
        value: String,
        q: String,
        options: Vec<String>,
        suggestion: Option<String>,
    },
    WrongValue {
        q: String,
        kind: &'static str,
        want: Want,
    },
    OwnQuestion {
        id: String,
        earlier: Earlier,
    },
    LaterQuestion {
        id: String,
        earlier: Earlier,
    },
    UnknownQuestion {
        id: String,
        earlier: Earlier,
        ids: Vec<String>,
        suggestion: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Text(String),
    Number(serde_json::Number),
    Cmp(Op),
    Open,
    Close,
    OpenList,
    CloseList,
    Comma,
    End,
}

fn fail<T>(at: usize, problem: ExprProblem) -> Result<T, ExprError> {
    Err(ExprError { at, problem })
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
                    ('=', false) => return fail(at, ExprProblem::LoneEquals),
                    _ => return fail(at, ExprProblem::LoneBang),
                }
            }
            '\'' | '"' => {
                let start = i;
                while i < src.len() && src[i] != c {
                    i += 1;
                }
                if i == src.len() {
                    return fail(at, ExprProblem::UnclosedText(c));
                }
                i += 1;
                Tok::Text(src[start..i - 1].iter().collect())
            }
            c if c.is_ascii_digit() || (c == '-' && next.is_some_and(|n| n.is_ascii_digit())) => {
                if c != '-' {
                    i -= 1;
                }
                match number(src, &mut i, c == '-') {
                    Ok(n) => Tok::Number(n),
                    Err(problem) => return fail(at, problem),
                }
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let start = i - 1;
                while i < src.len() && (src[i].is_ascii_alphanumeric() || src[i] == '_') {
                    i += 1;
                }
                Tok::Word(src[start..i].iter().collect())
            }
            '&' | '|' => return fail(at, ExprProblem::AndOr(c)),
            c => return fail(at, ExprProblem::Unexpected(c)),
        };
        out.push((tok, at));
    }
    out.push((Tok::End, src.len() + 1));
    Ok(out)
}

/// Reads the number whose digits start at `src[*i]` (after its `-` when
/// `negative`) and moves `i` past it: a whole number as it is, one with a
/// fraction (`2.5`) as the f64 nearest to it.
///
/// A fraction's digits, at most 15 in all, and its power of ten are both
/// exact in an f64, so one division gives the nearest f64, as a full
/// decimal parser would. The widget then carries no float parser (the
/// browser reads the answers' numbers), and the digits are read here, not
/// collected into a string and parsed.
fn number(src: &[char], i: &mut usize, negative: bool) -> Result<serde_json::Number, ExprProblem> {
    // `None` once it no longer fits an i64.
    let mut whole = Some(0i64);
    let mut digits = 0u64;
    let mut count = 0;
    // Ten to the number of digits after the point, once there is one.
    let mut scale: Option<f64> = None;
    while let Some(&c) = src.get(*i) {
        if let Some(d) = c.to_digit(10) {
            let d = i64::from(d);
            whole = whole.and_then(|w| w.checked_mul(10)).and_then(|w| {
                if negative {
                    w.checked_sub(d)
                } else {
                    w.checked_add(d)
                }
            });
            digits = digits.wrapping_mul(10).wrapping_add(d as u64);
            count += 1;
            scale = scale.map(|s| s * 10.0);
        } else if c == '.' && scale.is_none() && src.get(*i + 1).is_some_and(char::is_ascii_digit) {
            scale = Some(1.0);
        } else if c == '.' || c.is_ascii_alphanumeric() {
            return Err(ExprProblem::NumberShape);
        } else {
            break;
        }
        *i += 1;
    }
    let Some(scale) = scale else {
        return whole.map(Into::into).ok_or(ExprProblem::NumberTooLarge);
    };
    if count > 15 {
        return Err(ExprProblem::FractionDigits);
    }
    let value = digits as f64 / scale;
    serde_json::Number::from_f64(if negative { -value } else { value })
        .ok_or(ExprProblem::NumberTooLarge)
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
    fn expect(&mut self, tok: Tok, what: Expected) -> Result<(), ExprError> {
        if *self.peek() == tok {
            self.next();
            Ok(())
        } else {
            fail(
                self.at(),
                ExprProblem::Expected {
                    what,
                    found: self.found(),
                },
            )
        }
    }
    /// The current token, for "found ..." in a message.
    fn found(&self) -> Token {
        match self.peek() {
            Tok::Word(w) => Token::Word(w.clone()),
            Tok::Text(t) => Token::Text(t.clone()),
            Tok::Number(n) => Token::Number(n.to_string()),
            Tok::Cmp(op) => Token::Symbol(op.symbol()),
            Tok::Open => Token::Symbol("("),
            Tok::Close => Token::Symbol(")"),
            Tok::OpenList => Token::Symbol("["),
            Tok::CloseList => Token::Symbol("]"),
            Tok::Comma => Token::Symbol(","),
            Tok::End => Token::End,
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
            return fail(self.at(), ExprProblem::TooDeep { max: MAX_DEPTH });
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
                self.expect(Tok::Close, Expected::Close)?;
                return Ok(e);
            }
            Tok::Word(w) if !is_keyword(w) => w.clone(),
            _ => {
                return fail(
                    at,
                    ExprProblem::ExpectedCondition {
                        found: self.found(),
                    },
                )
            }
        };
        self.next();
        if word == "answered" && *self.peek() == Tok::Open {
            self.next();
            let question = self.name()?;
            self.expect(Tok::Close, Expected::Close)?;
            return Ok(Expr::Answered(question));
        }
        if word == "answered" {
            return fail(self.at(), ExprProblem::AnsweredNeedsParens);
        }
        let question = Name { id: word, at };
        let op = match self.peek() {
            Tok::Cmp(op) => *op,
            Tok::Word(w) if w == "in" => Op::In,
            Tok::Word(w) if w == "contains" => Op::Contains,
            _ => {
                return fail(
                    self.at(),
                    ExprProblem::ExpectedComparison {
                        answered: *self.peek() == Tok::Open
                            && crate::text::closest(&question.id, &["answered"]).is_some(),
                        after: question.id,
                        found: self.found(),
                    },
                )
            }
        };
        self.next();
        let mut values = Vec::new();
        if op == Op::In {
            self.expect(Tok::OpenList, Expected::OpenList)?;
            loop {
                values.push(self.literal()?);
                if *self.peek() != Tok::Comma {
                    break;
                }
                self.next();
            }
            self.expect(Tok::CloseList, Expected::CommaOrCloseList)?;
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
                ExprProblem::ExpectedQuestionId {
                    found: self.found(),
                },
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
            Tok::Word(w) => return fail(at, ExprProblem::UnquotedValue { word: w }),
            _ => {
                return fail(
                    at,
                    ExprProblem::ExpectedValue {
                        found: self.found(),
                    },
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
/// [`MAX_DEPTH`], whatever `src` holds. The grammar:
///
/// ```text
/// expr    := and ("or" and)*
/// and     := unary ("and" unary)*
/// unary   := "not" unary | primary
/// primary := "(" expr ")"
///          | "answered" "(" question ")"
///          | question ("==" | "!=" | "<" | "<=" | ">" | ">=") literal
///          | question "in" "[" literal ("," literal)* "]"
///          | question "contains" literal
/// literal := 'text' | "text" | number | true | false
/// number  := "-"? digit+ ("." digit+)?   (with a fraction, 15 digits at most)
/// ```
pub fn parse(src: &str) -> Result<Expr, ExprError> {
    if src.len() > MAX_EXPR_CHARS * 4 || src.chars().count() > MAX_EXPR_CHARS {
        return fail(
            1,
            ExprProblem::TooLong {
                len: src.chars().count(),
                max: MAX_EXPR_CHARS,
            },
        );
    }
    let chars: Vec<char> = src.chars().collect();
    let toks = tokens(&chars)?;
    if toks.len() == 1 {
        return fail(1, ExprProblem::Empty);
    }
    let mut r = Reader {
        toks,
        pos: 0,
        depth: 0,
    };
    let e = r.or()?;
    if *r.peek() != Tok::End {
        return fail(r.at(), ExprProblem::ExpectedEnd { found: r.found() });
    }
    Ok(e)
}
