//! What can be wrong with a survey file or a setting, as data: the kind of problem with
//! its arguments, the JSON path of the value, and the place as a person
//! counts it ("page 1, question 3 (`satisfaction`)"). Code decides on these
//! types; the words, in English and Indonesian, are in `i18n`'s `author`
//! module, the only place that turns them into sentences.

use serde_json::Value;

pub use crate::expr::Earlier;
use crate::expr::ExprError;
use crate::hidden::{CharsError, HiddenError};
use crate::syntax::SyntaxError;

/// One problem in a survey file: what, at which JSON path (such as
/// `$.pages[0].questions[2].kind`), and where a person would look for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    pub path: String,
    pub place: Place,
    pub problem: Problem,
}

/// Where a problem is, counted as a person counts: pages and questions from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The file as a whole (its size, or that it is empty).
    File,
    /// A setting of the widget, by its name (`survey`, `endpoint`).
    Setting(&'static str),
    /// A hidden field's value (from the link, the mount element or the
    /// settings object), by the field's id.
    Field(String),
    /// A mistake in the JSON text, at a line and column (from 1).
    Line { line: usize, column: usize },
    /// The survey's own fields (`id`, `title`, `locales`, ...).
    Survey,
    /// A page (from 1), with its id when it has a usable one.
    Page {
        page: usize,
        id: Option<String>,
        part: Part,
    },
    /// A question: its page and its place on the page (both from 1).
    Question {
        page: usize,
        question: usize,
        id: Option<String>,
        part: Part,
    },
}

/// The part of a page or question a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The page or question itself, or one of its plain fields.
    Whole,
    /// Its `show_if` condition.
    ShowIf,
    /// An item (from 1) of one of its lists.
    Item(List, usize),
}

/// The lists of a question whose items a person counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Options,
    Rows,
    Columns,
    Labels,
}

/// A JSON type, as in "found a number".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl JsonType {
    pub fn of(v: &Value) -> JsonType {
        match v {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Bool,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::Array,
            Value::Object(_) => JsonType::Object,
        }
    }
}

/// A value found where another was expected: a short scalar as written
/// (the author can search for it), anything else by its type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Written(String),
    Type(JsonType),
}

/// What holds an unknown field, or must be an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    Survey,
    Page,
    Question,
    /// A question of a known kind (its name).
    QuestionOfKind(&'static str),
    Option,
    Row,
    Column,
    /// A hidden field.
    Hidden,
    /// A page's inclusion block.
    Inclusion,
    /// The survey's `privacy`.
    Privacy,
}

/// What an id belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdOf {
    Page,
    Question,
    Hidden,
}

/// The item of a choice list: an option, a matrix's row or column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Option,
    Row,
    Column,
}

/// What is wrong. Each variant says it with its arguments; `key`s are field
/// names of the format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file is larger than `max` bytes.
    TooLarge {
        bytes: usize,
        max: usize,
    },
    /// The text is not JSON (or is empty, or a web page).
    Syntax(SyntaxError),
    /// A JSON reader refused a text the scanner accepted: its own words.
    NotJson(String),
    NotObject {
        what: Holder,
        found: JsonType,
    },
    UnknownField {
        key: String,
        what: Holder,
        /// The kinds of question the field is for, when it is for others.
        other_kinds: Vec<&'static str>,
        suggestion: Option<&'static str>,
        allowed: Vec<&'static str>,
    },
    MissingField {
        key: String,
    },
    NotString {
        key: String,
        found: JsonType,
    },
    NotBool {
        key: String,
        found: JsonType,
    },
    NotWhole {
        key: String,
        min: u64,
        max: u64,
        found: Found,
    },
    NotNumber {
        key: String,
        found: Found,
    },
    NotDate {
        key: String,
        found: Found,
    },
    /// `key` must be one of `allowed` (a Likert's points, a smiley's faces).
    NotOneOf {
        key: String,
        allowed: &'static [u8],
        found: Found,
    },
    NotArray {
        key: String,
        found: JsonType,
    },
    EmptyArray {
        key: String,
    },
    TooManyItems {
        key: String,
        len: usize,
        max: usize,
    },
    TooFewItems {
        key: String,
        len: usize,
        kind: String,
        min: usize,
    },
    TextEmpty,
    TextTooLong {
        max: usize,
    },
    /// A text in one locale that is not a string.
    TextNotString {
        found: JsonType,
    },
    /// A text that is neither a string nor an object of locale to string.
    TextWrongType {
        found: JsonType,
    },
    NotSurveyLocale {
        code: String,
        offered: Vec<String>,
    },
    NoDefaultText {
        default: String,
    },
    FormatVersion {
        found: Found,
        supported: u64,
    },
    SurveyId {
        id: String,
    },
    Version {
        found: Found,
    },
    NotLanguageCode {
        code: String,
    },
    LocaleTwice {
        code: String,
    },
    LocaleNotString {
        found: JsonType,
    },
    LocalesNotArray {
        found: JsonType,
    },
    LocalesWithoutDefault {
        default: String,
    },
    TooManyQuestions {
        max: usize,
    },
    IdEmpty {
        what: IdOf,
    },
    IdNotCode {
        what: IdOf,
        id: String,
    },
    PageIdTwice {
        id: String,
    },
    QuestionIdReserved {
        id: String,
    },
    /// A question id used before, at the JSON path `first`.
    QuestionIdTwice {
        id: String,
        first: String,
    },
    UnknownKind {
        kind: String,
        suggestion: Option<&'static str>,
        kinds: &'static [&'static str],
    },
    /// `{id}` in a text names no question it may show.
    UnknownPipe {
        id: String,
        earlier: Earlier,
        suggestion: Option<String>,
    },
    OtherWrongType {
        found: JsonType,
    },
    OtherValueTaken {
        value: &'static str,
    },
    ConsentNeedsText,
    MaxBelowMin {
        min: String,
        max: String,
    },
    MaxBeforeMin {
        min: String,
        max: String,
    },
    LabelsNotArray {
        points: u8,
        found: JsonType,
    },
    LabelsCount {
        len: usize,
        points: u8,
    },
    ValueNotCode {
        what: Item,
        value: String,
    },
    ValueNotString {
        what: Item,
        found: JsonType,
    },
    ValueTwice {
        what: Item,
        value: String,
    },
    /// A hidden field id used twice.
    HiddenIdTwice {
        id: String,
    },
    /// A hidden field id that is also a question's, at the JSON path `question`.
    HiddenIdIsQuestion {
        id: String,
        question: String,
    },
    /// A hidden field id that is the name of one of the widget's settings.
    HiddenIdSetting {
        id: String,
    },
    /// A hidden field with neither `values` nor `chars`, or with both.
    HiddenRule {
        both: bool,
    },
    /// A hidden field's `chars` that is no set of characters.
    HiddenChars {
        chars: String,
        error: CharsError,
    },
    /// An item of a hidden field's `values` that is no usable value.
    HiddenValue {
        found: Found,
        max: u32,
    },
    HiddenValueTwice {
        value: String,
    },
    /// An inclusion block's `pack` that is none of the bank's.
    UnknownPack {
        pack: String,
    },
    /// A pack without words in the survey's default language.
    PackLanguage {
        pack: String,
        locale: String,
    },
    /// An item the bank does not have.
    UnknownItem {
        item: String,
        suggestion: Option<&'static str>,
    },
    /// An item of `items` that is not a string.
    ItemNotString {
        found: JsonType,
    },
    ItemTwice {
        item: String,
    },
    /// An item that pack `pack` asks only with `"sensitive": true`
    /// (`sexual_orientation` in `ID`: unsafe or unlawful to ask in parts
    /// of the country).
    SensitiveItem {
        item: String,
        pack: String,
    },
    /// The item `area` without the block's `areas`.
    AreasMissing,
    /// The bank's files for the block could not be had (not fetched, or
    /// the survey was read without them).
    BankNotLoaded {
        pack: String,
    },
    /// A question of the survey's own that takes one of the bank's ids.
    BankIdTaken {
        id: String,
    },
    /// A second inclusion block (the first is at `first`).
    InclusionTwice {
        first: String,
    },
    /// `minors` that is not `"guardian_consented"`.
    Minors {
        found: Found,
    },
    /// A problem in a `show_if` condition (its text, to quote from).
    ShowIf {
        text: String,
        error: ExprError,
    },
    /// The survey file could not be fetched.
    Fetch(Fetch),
    /// One of the widget's settings (the place names it) is wrong.
    Setting(SettingProblem),
}

/// What is wrong with one of the widget's settings: an address (`survey`,
/// `endpoint`) or how responses are sent (`request`, `timeout`, `wrap`,
/// `headers`). The setting's name is the problem's [`Place::Setting`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingProblem {
    /// An address that is no address at all.
    NotAnAddress { url: String },
    /// An address of a scheme other than http or https (`javascript:`).
    Scheme { url: String, scheme: String },
    /// `request`: neither `simple` nor `cors`.
    Request,
    /// `timeout`: no whole number of seconds from 1 to `max`.
    Timeout { max: u32 },
    /// `wrap`: no field name of 1 to 64 ASCII letters, digits, `_` or `-`.
    Wrap,
    /// `headers`: a text that is not JSON, with the reader's words.
    HeadersNotJson { detail: String },
    /// `headers`: JSON, but no object.
    HeadersNotObject,
    /// `headers`: one header that cannot be sent.
    Header {
        name: String,
        problem: HeaderProblem,
    },
    /// `request: simple` with `headers`, which a simple request cannot carry.
    SimpleWithHeaders,
    /// A hidden field's value (the place names the field) that the survey
    /// does not allow, or a required one missing.
    Hidden { id: String, error: HiddenError },
    /// One of kiosk mode's settings (`mode`, `idle`, `warning`, `thanks`,
    /// `partial`).
    Kiosk(crate::kiosk::Problem),
}

/// Why one of the `headers` cannot be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderProblem {
    /// Not an HTTP header name.
    Name,
    /// `Content-Type` or `Idempotency-Key`, which Suara sets.
    SetBySuara,
    /// A value that is not ASCII text on one line.
    Value,
    /// A value that is not a string.
    NotString,
}

/// Why the survey file could not be fetched from its address (`url`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetch {
    /// No answer: offline, a host that does not exist, or a server that
    /// does not let this page read its answer (CORS). The browser's words.
    Unreachable { url: String, detail: String },
    /// HTTP 404 or 410.
    NotFound { url: String, status: u16 },
    /// Another status that is not success.
    Status { url: String, status: u16 },
    /// An answer that is a web page (`text/html`): a server that answers
    /// every unknown address with its page, as `scripts/serve.sh` does.
    WebPage { url: String },
    /// An answer whose body could not be read as text.
    Unreadable { url: String, detail: String },
}

impl Fetch {
    /// What an answer with `status` and `content_type` means, when it is
    /// not the survey's text: `None` when it may be.
    pub fn of_reply(url: &str, status: u16, content_type: Option<&str>) -> Option<Fetch> {
        let url = url.to_owned();
        match status {
            200..=299 => content_type
                .is_some_and(|t| t.trim_start().to_ascii_lowercase().starts_with("text/html"))
                .then_some(Fetch::WebPage { url }),
            404 | 410 => Some(Fetch::NotFound { url, status }),
            _ => Some(Fetch::Status { url, status }),
        }
    }
}

impl SchemaError {
    /// The survey file could not be fetched from its address.
    pub fn fetch(failure: Fetch) -> SchemaError {
        SchemaError {
            path: "$".to_owned(),
            place: Place::Setting("survey"),
            problem: Problem::Fetch(failure),
        }
    }

    /// A problem with the widget's setting `name`.
    /// One of kiosk mode's settings' problems, at its setting.
    pub fn kiosk(problem: crate::kiosk::Problem) -> SchemaError {
        SchemaError::setting(problem.setting(), SettingProblem::Kiosk(problem))
    }

    pub fn setting(name: &'static str, problem: SettingProblem) -> SchemaError {
        SchemaError {
            path: "$".to_owned(),
            place: Place::Setting(name),
            problem: Problem::Setting(problem),
        }
    }

    /// A problem with the value of the hidden field `id`.
    pub fn hidden(id: &str, error: HiddenError) -> SchemaError {
        SchemaError {
            path: "$".to_owned(),
            place: Place::Field(id.to_owned()),
            problem: Problem::Setting(SettingProblem::Hidden {
                id: id.to_owned(),
                error,
            }),
        }
    }

    /// A problem with the file as a whole, or with its JSON text.
    pub fn file(problem: Problem) -> SchemaError {
        let place = match &problem {
            Problem::Syntax(e) if e.line > 1 || e.column > 1 => Place::Line {
                line: e.line,
                column: e.column,
            },
            _ => Place::File,
        };
        SchemaError {
            path: "$".to_owned(),
            place,
            problem,
        }
    }
}

impl Place {
    /// The place of the value at `path` in the survey `root`: its page and
    /// question (with their ids, when they are strings), and the part.
    pub fn of(path: &str, root: &Value) -> Place {
        let Some((page, rest)) = index_after(path, "$.pages[") else {
            return Place::Survey;
        };
        let page_value = root.get("pages").and_then(|p| p.get(page));
        let id_of = |v: Option<&Value>| v.and_then(|v| v.get("id")?.as_str().map(str::to_owned));
        let Some((question, rest)) = index_after(rest, ".questions[") else {
            return Place::Page {
                page: page + 1,
                id: id_of(page_value),
                part: part(rest),
            };
        };
        let q = page_value
            .and_then(|p| p.get("questions"))
            .and_then(|q| q.get(question));
        Place::Question {
            page: page + 1,
            question: question + 1,
            id: id_of(q),
            part: part(rest),
        }
    }
}

/// The number after `prefix` at the start of `path`, up to `]`, and the rest.
fn index_after<'a>(path: &'a str, prefix: &str) -> Option<(usize, &'a str)> {
    let rest = path.strip_prefix(prefix)?;
    let end = rest.find(']')?;
    Some((rest[..end].parse().ok()?, &rest[end + 1..]))
}

/// The part of a page or question that the rest of a path, such as
/// `.show_if` or `.options[2].label`, is in.
fn part(rest: &str) -> Part {
    if rest == ".show_if" {
        return Part::ShowIf;
    }
    for (key, list) in [
        (".options[", List::Options),
        (".rows[", List::Rows),
        (".columns[", List::Columns),
        (".labels[", List::Labels),
    ] {
        if let Some((n, _)) = index_after(rest, key) {
            return Part::Item(list, n + 1);
        }
    }
    Part::Whole
}
