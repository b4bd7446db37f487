//! The project's own reading of JSON syntax, for messages a survey's author
//! can act on.
//!
//! It only says whether a text is JSON and, when it is not, where the
//! mistake is (line and column, counted in characters from 1, as editors
//! count) and its likely cause: a comma after the last item, a missing
//! comma, a key without quotes, single quotes, a comment, a byte order mark,
//! a web page instead of JSON. It builds no value: the organiser's page then
//! reads the text with the browser's `JSON.parse` and the command line with
//! serde_json, so no JSON parser of our own is in the wasm, only this
//! scanner (about 4 KB of code before wasm-opt). The respondent's page does
//! without it: `JSON.parse` failing is all it needs to know.
//!
//! It accepts exactly the texts serde_json accepts (`tests/syntax.rs` checks
//! it): RFC 8259 JSON, nested at most [`MAX_DEPTH`] deep, with no number too
//! large for f64. It never recurses, so no text can overflow the stack.

/// How deep arrays and objects may nest: serde_json's limit.
pub const MAX_DEPTH: usize = 127;

/// A mistake in a JSON text: what, and where it is (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: Syntax,
    pub line: usize,
    pub column: usize,
}

/// What is wrong with a JSON text, as its likely cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Syntax {
    /// Nothing but spaces.
    Empty,
    /// The text starts with a byte order mark (U+FEFF).
    Bom,
    /// The text starts with `<`: a web page (or XML), not JSON.
    Html,
    /// A comma after the last item of an object or array (at the comma).
    TrailingComma,
    /// Two items with no comma between them (just after the first).
    MissingComma,
    /// An object key written without double quotes.
    UnquotedKey(String),
    /// A word that is no JSON value (`yes`, `True`): a text without quotes.
    UnquotedText(String),
    /// A key or text in single quotes.
    SingleQuotes,
    /// A `//` or `/* */` comment.
    Comment,
    /// A key not followed by `:`.
    MissingColon,
    /// A `}` or `]` that closes the other kind of bracket: `expected` closes
    /// the one that is open.
    WrongClose { expected: char },
    /// A text whose closing `"` never comes (at its opening `"`).
    UnclosedString,
    /// A line break or other control character inside a text.
    ControlInString,
    /// A backslash escape JSON does not have, such as `\x` or `\u12`.
    BadEscape,
    /// A `\u` escape of half a surrogate pair.
    LoneSurrogate,
    /// A number JSON does not allow (`01`, `1.`, `.5`, `+1`, `1e`).
    BadNumber,
    /// A number too large for a 64-bit float (`1e400`).
    NumberTooLarge,
    /// Something else where a value was expected.
    Unexpected(char),
    /// The text ends inside an object or array.
    UnexpectedEnd,
    /// More after the end of the one JSON value.
    TextAfterEnd,
    /// Arrays and objects nested more than [`MAX_DEPTH`] deep.
    TooDeep,
}

/// What comes next.
#[derive(Clone, Copy, PartialEq)]
enum Want {
    /// A value (at the top, or after `:`).
    Value,
    /// After `[`: a value or `]`.
    ValueOrClose,
    /// After `,` in an array.
    ItemAfterComma,
    /// After `{`: a key or `}`.
    KeyOrClose,
    /// After `,` in an object.
    KeyAfterComma,
    Colon,
    CommaOrClose,
    Done,
}

struct Cursor<'a> {
    text: &'a str,
    at: usize,
    line: usize,
    column: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn peek2(&self) -> Option<char> {
        self.text[self.at..].chars().nth(1)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.bump();
        }
    }

    fn here(&self) -> (usize, usize) {
        (self.line, self.column)
    }
}

fn fail(kind: Syntax, (line, column): (usize, usize)) -> Result<(), SyntaxError> {
    Err(SyntaxError { kind, line, column })
}

/// Checks that `text` is one JSON value; the first mistake otherwise.
pub fn check(text: &str) -> Result<(), SyntaxError> {
    let mut c = Cursor {
        text,
        at: 0,
        line: 1,
        column: 1,
    };
    if text.starts_with('\u{feff}') {
        return fail(Syntax::Bom, c.here());
    }
    c.skip_space();
    match c.peek() {
        None => return fail(Syntax::Empty, (1, 1)),
        Some('<') => return fail(Syntax::Html, c.here()),
        _ => {}
    }
    // The open brackets, innermost last.
    let mut open: Vec<char> = Vec::new();
    let mut want = Want::Value;
    // Where the last value ended and the last comma was, for messages.
    let mut value_end = c.here();
    let mut comma = c.here();
    loop {
        c.skip_space();
        let here = c.here();
        let Some(ch) = c.peek() else {
            return if want == Want::Done {
                Ok(())
            } else {
                fail(Syntax::UnexpectedEnd, here)
            };
        };
        if ch == '/' && matches!(c.peek2(), Some('/' | '*')) {
            return fail(Syntax::Comment, here);
        }
        match want {
            Want::Done => return fail(Syntax::TextAfterEnd, here),
            Want::Colon => {
                if ch != ':' {
                    return fail(Syntax::MissingColon, value_end);
                }
                c.bump();
                want = Want::Value;
                continue;
            }
            Want::CommaOrClose => {
                let top = open.last().copied().unwrap_or('[');
                let close = if top == '{' { '}' } else { ']' };
                match ch {
                    ',' => {
                        c.bump();
                        comma = here;
                        want = if top == '{' {
                            Want::KeyAfterComma
                        } else {
                            Want::ItemAfterComma
                        };
                    }
                    '}' | ']' if ch == close => {
                        c.bump();
                        open.pop();
                        value_end = c.here();
                        want = after_value(&open);
                    }
                    '}' | ']' => return fail(Syntax::WrongClose { expected: close }, here),
                    ':' => return fail(Syntax::Unexpected(ch), here),
                    _ if starts_value(ch) => return fail(Syntax::MissingComma, value_end),
                    _ => return fail(Syntax::Unexpected(ch), here),
                }
                continue;
            }
            Want::KeyOrClose | Want::KeyAfterComma => {
                match ch {
                    '"' => {
                        string(&mut c)?;
                        value_end = c.here();
                        want = Want::Colon;
                    }
                    '}' if want == Want::KeyOrClose => {
                        c.bump();
                        open.pop();
                        value_end = c.here();
                        want = after_value(&open);
                    }
                    '}' | ']' if want == Want::KeyAfterComma => {
                        return fail(Syntax::TrailingComma, comma)
                    }
                    '\'' => return fail(Syntax::SingleQuotes, here),
                    _ if is_word_char(ch) => {
                        return fail(Syntax::UnquotedKey(word(&mut c)), here);
                    }
                    _ => return fail(Syntax::Unexpected(ch), here),
                }
                continue;
            }
            Want::Value | Want::ValueOrClose | Want::ItemAfterComma => {}
        }
        // A value, or the end of an array.
        match ch {
            ']' if want == Want::ValueOrClose => {
                c.bump();
                open.pop();
            }
            ']' | '}' if want == Want::ItemAfterComma => return fail(Syntax::TrailingComma, comma),
            '{' | '[' => {
                if open.len() == MAX_DEPTH {
                    return fail(Syntax::TooDeep, here);
                }
                c.bump();
                open.push(ch);
                want = if ch == '{' {
                    Want::KeyOrClose
                } else {
                    Want::ValueOrClose
                };
                continue;
            }
            '"' => string(&mut c)?,
            '-' | '0'..='9' => number(&mut c)?,
            '\'' => return fail(Syntax::SingleQuotes, here),
            '.' | '+' => return fail(Syntax::BadNumber, here),
            _ if is_word_char(ch) => {
                let w = word(&mut c);
                if !matches!(w.as_str(), "true" | "false" | "null") {
                    return fail(Syntax::UnquotedText(w), here);
                }
            }
            _ => return fail(Syntax::Unexpected(ch), here),
        }
        value_end = c.here();
        want = after_value(&open);
    }
}

fn after_value(open: &[char]) -> Want {
    if open.is_empty() {
        Want::Done
    } else {
        Want::CommaOrClose
    }
}

/// Whether `ch` may start a value or a key: after a value, it means a comma is missing.
fn starts_value(ch: char) -> bool {
    matches!(ch, '"' | '\'' | '{' | '[' | '-' | '0'..='9') || is_word_char(ch)
}

/// A letter, digit, `_` or `$` of a word written without quotes. Any
/// character beyond ASCII counts as a letter: Unicode's tables would cost
/// the wasm, and the message is the same.
fn is_word_char(ch: char) -> bool {
    ch.is_ascii_alphanumeric() || ch == '_' || ch == '$' || !ch.is_ascii()
}

/// Reads a run of letters, digits, `_` and `$`.
fn word(c: &mut Cursor) -> String {
    let start = c.at;
    while c.peek().is_some_and(is_word_char) {
        c.bump();
    }
    c.text[start..c.at].to_owned()
}

/// Reads a string from its opening `"`.
fn string(c: &mut Cursor) -> Result<(), SyntaxError> {
    let start = c.here();
    c.bump();
    loop {
        let here = c.here();
        match c.bump() {
            None => return fail(Syntax::UnclosedString, start),
            Some('"') => return Ok(()),
            Some('\\') => match c.bump() {
                Some('"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't') => {}
                Some('u') => {
                    let Some(unit) = hex4(c) else {
                        return fail(Syntax::BadEscape, here);
                    };
                    if (0xDC00..0xE000).contains(&unit) {
                        return fail(Syntax::LoneSurrogate, here);
                    }
                    if (0xD800..0xDC00).contains(&unit) {
                        // The low half must follow at once.
                        let low = (c.peek() == Some('\\') && c.peek2() == Some('u'))
                            .then(|| {
                                c.bump();
                                c.bump();
                                hex4(c)
                            })
                            .flatten();
                        if !low.is_some_and(|u| (0xDC00..0xE000).contains(&u)) {
                            return fail(Syntax::LoneSurrogate, here);
                        }
                    }
                }
                None => return fail(Syntax::UnclosedString, start),
                Some(_) => return fail(Syntax::BadEscape, here),
            },
            Some(ch) if ch < ' ' => return fail(Syntax::ControlInString, here),
            Some(_) => {}
        }
    }
}

/// Four hex digits, as a number.
fn hex4(c: &mut Cursor) -> Option<u32> {
    let mut n = 0;
    for _ in 0..4 {
        n = n * 16 + c.peek()?.to_digit(16)?;
        c.bump();
    }
    Some(n)
}

/// Reads a number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, not
/// followed by more of one, and not too large for f64.
fn number(c: &mut Cursor) -> Result<(), SyntaxError> {
    fn digits<'a>(c: &mut Cursor<'a>) -> &'a str {
        let from = c.at;
        while c.peek().is_some_and(|d| d.is_ascii_digit()) {
            c.bump();
        }
        &c.text[from..c.at]
    }
    let start = c.here();
    let bad = || fail(Syntax::BadNumber, start);
    if c.peek() == Some('-') {
        c.bump();
    }
    let whole = digits(c);
    if whole.is_empty() || (whole.len() > 1 && whole.starts_with('0')) {
        return bad();
    }
    let mut fraction = "";
    if c.peek() == Some('.') {
        c.bump();
        fraction = digits(c);
        if fraction.is_empty() {
            return bad();
        }
    }
    let mut exponent: i64 = 0;
    if matches!(c.peek(), Some('e' | 'E')) {
        c.bump();
        let negative = c.peek() == Some('-');
        if matches!(c.peek(), Some('+' | '-')) {
            c.bump();
        }
        let e = digits(c);
        if e.is_empty() {
            return bad();
        }
        // Saturating: any exponent beyond a million says the same.
        for d in e.bytes() {
            exponent = (exponent * 10 + i64::from(d - b'0')).min(1_000_000);
        }
        if negative {
            exponent = -exponent;
        }
    }
    if c.peek().is_some_and(|ch| is_word_char(ch) || ch == '.') {
        return bad();
    }
    if too_large(whole, fraction, exponent) {
        return fail(Syntax::NumberTooLarge, start);
    }
    Ok(())
}

/// The first 17 digits of f64's largest value rounded up, as 0.DIGITS ×
/// 10^309: a number whose first digits are greater is infinite as an f64.
/// Numbers that start with exactly these digits and go on are the few that
/// parsers round differently: serde_json reads them as the largest f64
/// (it keeps the first 19 digits), `JSON.parse` may round to infinity.
const F64_LIMIT: &str = "17976931348623158";

/// Whether `whole.fraction × 10^exponent` is too large for f64, as serde_json
/// judges it, without parsing floats (the widget has no float parser).
fn too_large(whole: &str, fraction: &str, exponent: i64) -> bool {
    let whole = whole.trim_start_matches('0');
    // The significant digits d1 d2 ..., the value being 0.d1d2... × 10^scale.
    let (digits, scale) = if whole.is_empty() {
        let f = fraction.trim_start_matches('0');
        (f, exponent - (fraction.len() - f.len()) as i64)
    } else {
        (whole, exponent + whole.len() as i64)
    };
    let rest = if whole.is_empty() { "" } else { fraction };
    let mut all = digits.bytes().chain(rest.bytes());
    if digits.is_empty() || scale < 309 {
        return false;
    }
    if scale > 309 {
        return true;
    }
    for limit in F64_LIMIT.bytes() {
        match all.next() {
            Some(d) if d > limit => return true,
            Some(d) if d < limit => return false,
            Some(_) => {}
            // Shorter: its remaining digits are zeros, below the limit's.
            None => return false,
        }
    }
    false
}
