//! Reading a survey file: every problem at once, each with its JSON path.

use serde_json::{Map, Value};

use crate::bank;
use crate::expr;
use crate::hidden::{Allowed, Chars, HiddenField, MAX_VALUES, MAX_VALUE_CHARS};
use crate::logic::{self, Scope};
use crate::problem::SchemaError;
use crate::problem::{Earlier, Found, Holder, IdOf, Item, JsonType, Place, Problem};
use crate::survey::{
    is_date, ChoiceOption, Inclusion, Kind, Other, Page, Question, QuestionKind, Survey,
    FIXED_COLUMNS, OTHER_VALUE, SETTING_NAMES,
};
use crate::syntax;
use crate::text::{closest, piped_ids, Locale, Text};
use crate::FORMAT_VERSION;

/// Largest survey file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// Most pages, questions in all and options per question a survey may have.
pub const MAX_PAGES: usize = 100;
pub const MAX_QUESTIONS: usize = 500;
pub const MAX_OPTIONS: usize = 200;
/// Longest text (a label, a help text) in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// Bounds for a text question's `max_length`.
pub const MAX_TEXT_ANSWER: u32 = 10_000;

const SURVEY_FIELDS: &[&str] = &[
    "format",
    "id",
    "version",
    "title",
    "description",
    "default_locale",
    "locales",
    "pages",
    "review",
    "hidden",
    "thanks",
    "start_again",
    "privacy",
    "minors",
    // Read by the organiser's page and `suara` only (`dashboard::baseline`).
    "baseline",
];
const HIDDEN_FIELDS: &[&str] = &[
    "id",
    "values",
    "chars",
    "min_length",
    "max_length",
    "required",
];
const PAGE_FIELDS: &[&str] = &["id", "title", "questions", "show_if", "inclusion"];
const PRIVACY_FIELDS: &[&str] = &["k"];
/// An inclusion block's fields as a survey writes them ([`crate::bank`]).
const INCLUSION_FIELDS: &[&str] = &["pack", "items", "areas", "sensitive"];
/// With the `bank` object the expansion adds.
const EXPANDED_FIELDS: &[&str] = &["pack", "items", "areas", "sensitive", "bank"];
const QUESTION_FIELDS: &[&str] = &["id", "kind", "label", "help", "required", "show_if"];
const OPTION_FIELDS: &[&str] = &["value", "label"];

/// The fields a question of the kind named `kind` accepts beyond the
/// common ones; none for a name that is no kind.
pub fn kind_fields(kind: &str) -> &'static [&'static str] {
    Kind::from_name(kind).map_or(&[], fields_of)
}

/// The fields a question of `kind` accepts beyond the common ones.
fn fields_of(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::SingleChoice | Kind::MultiChoice => &["options", "other"],
        Kind::ShortText | Kind::LongText => &["max_length"],
        Kind::Rating => &["min", "max"],
        Kind::Nps | Kind::YesNo => &[],
        Kind::Consent => &["text"],
        Kind::Number => &["min", "max", "integer"],
        Kind::Date => &["min", "max"],
        Kind::Dropdown => &["options", "placeholder"],
        Kind::Likert => &["points", "labels"],
        Kind::Smiley => &["faces"],
        Kind::Matrix => &["rows", "columns"],
        Kind::Ranking => &["options"],
    }
}

/// Names of the fields a survey, a page, a question and an option accept, for
/// the schema's sync test.
pub fn known_fields() -> [(&'static str, &'static [&'static str]); 7] {
    [
        ("survey", SURVEY_FIELDS),
        ("hidden", HIDDEN_FIELDS),
        ("page", PAGE_FIELDS),
        ("question", QUESTION_FIELDS),
        ("option", OPTION_FIELDS),
        ("privacy", PRIVACY_FIELDS),
        ("inclusion", INCLUSION_FIELDS),
    ]
}

impl Survey {
    /// Reads a survey file. On failure, returns every problem found, in
    /// document order, never just the first.
    ///
    /// The widget does not call this: it reads with [`Survey::read_with`]
    /// and the browser's `JSON.parse`, which keeps serde_json's text parser
    /// out of the wasm.
    ///
    /// An inclusion block is expanded with the bank files this crate
    /// carries ([`crate::bank::embedded`]).
    pub fn parse(json: &str) -> Result<Survey, Vec<SchemaError>> {
        Survey::read_with(json, |text| {
            let mut value = serde_json::from_str(text).map_err(|e| e.to_string())?;
            crate::bank::expand(&mut value, &crate::bank::embedded());
            Ok(value)
        })
        .map_err(|r| r.errors)
    }

    /// Reads a survey file with `parse_json` for the JSON text (serde_json
    /// in `suara`, the browser's `JSON.parse` in the widget), so both say
    /// the same: the checks on the text ([`Survey::check_text`]), then
    /// [`Survey::from_value`]. On failure, every problem, and the survey's
    /// languages as far as they could be read, to word them in.
    pub fn read_with(
        json: &str,
        parse_json: impl FnOnce(&str) -> Result<Value, String>,
    ) -> Result<Survey, Rejected> {
        let rejected = |errors, locales| Rejected { errors, locales };
        Survey::check_text(json).map_err(|e| rejected(e, Vec::new()))?;
        // The scanner accepts what serde_json accepts (`tests/syntax.rs`):
        // this error is for a reader that ever disagrees.
        let value = parse_json(json)
            .map_err(|why| rejected(vec![SchemaError::file(Problem::NotJson(why))], Vec::new()))?;
        Survey::from_value(&value).map_err(|e| rejected(e, locales_of(&value)))
    }

    /// Reads a survey file as [`Survey::read_with`] does, and refuses the
    /// same files, but only counts their problems: no JSON syntax scanner
    /// (a text `parse_json` refuses is one problem) and no places. The
    /// respondent's page reads with this, since it only says that the
    /// survey cannot start and how many problems stop it; the organiser's
    /// page reads the same file with [`Survey::read_with`] and explains
    /// each one. The counts agree, and so do the files refused, except a
    /// text with a lone surrogate escape (`"\ud800"`), which the browser's
    /// `JSON.parse` reads and the scanner refuses.
    pub fn read_unexplained(
        json: &str,
        parse_json: impl FnOnce(&str) -> Result<Value, String>,
    ) -> Result<Survey, Refused> {
        let one = Refused {
            problems: 1,
            locales: Vec::new(),
        };
        if json.len() > MAX_FILE_BYTES {
            return Err(one);
        }
        let value = parse_json(json).map_err(|_| one)?;
        let mut p = Parser::default();
        match p.survey(&value) {
            Some(s) if p.errors.is_empty() => Ok(s),
            _ => Err(Refused {
                problems: p.errors.len(),
                locales: locales_of(&value),
            }),
        }
    }

    /// The checks on a survey file's text before it is parsed: not larger
    /// than [`MAX_FILE_BYTES`], and JSON (see [`syntax`]), with the mistake
    /// and its line and column when it is not.
    pub fn check_text(json: &str) -> Result<(), Vec<SchemaError>> {
        if json.len() > MAX_FILE_BYTES {
            return Err(vec![SchemaError::file(Problem::TooLarge {
                bytes: json.len(),
                max: MAX_FILE_BYTES,
            })]);
        }
        syntax::check(json).map_err(|e| vec![SchemaError::file(Problem::Syntax(e))])
    }

    /// Reads a survey from parsed JSON. On failure, returns every problem
    /// found, in the order of `value`'s keys and items: the document's order
    /// when `value` was parsed from text (serde_json's `preserve_order` keeps
    /// each object's keys in file order).
    pub fn from_value(value: &Value) -> Result<Survey, Vec<SchemaError>> {
        let mut p = Parser::default();
        match p.survey(value) {
            Some(s) if p.errors.is_empty() => Ok(s),
            // `Parser::error` keeps the errors in document order.
            _ => {
                for e in &mut p.errors {
                    e.place = Place::of(&e.path, value);
                }
                Err(p.errors)
            }
        }
    }
}

/// A survey file that could not be read, counted
/// ([`Survey::read_unexplained`]): how many problems, and the survey's
/// languages as far as they could be read, as in [`Rejected`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub problems: usize,
    pub locales: Vec<Locale>,
}

/// A survey file that could not be read: every problem, and the survey's
/// languages (`default_locale` first, then `locales`) as far as they could
/// be read, for [`crate::i18n::author_locale`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub errors: Vec<SchemaError>,
    pub locales: Vec<Locale>,
}

/// The language codes a survey value names, the default first; those that
/// are no language code are left out.
fn locales_of(value: &Value) -> Vec<Locale> {
    let mut out: Vec<Locale> = Vec::new();
    let listed = value.get("locales").and_then(Value::as_array);
    let codes = value
        .get("default_locale")
        .into_iter()
        .chain(listed.into_iter().flatten());
    for code in codes {
        if let Some(l) = code.as_str().and_then(Locale::parse) {
            out.push(l);
        }
    }
    out
}

/// The path of `key` in the object at `parent`: `$.title`, or `$["my key"]`
/// for a key that is not a plain name, so that every path reads back one way.
fn key_path(parent: &str, key: &str) -> String {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        format!("{parent}.{key}")
    } else {
        // A JSON string. Not `Value`'s Display: this and `describe` are its
        // only users in the widget, and it would bring `Value`'s serializer.
        format!("{parent}[{}]", json_string(key))
    }
}

/// A value found where another was expected: short scalars as written, so
/// the author can find them, anything else by its type.
fn describe(v: &Value) -> Found {
    match v {
        Value::String(s) if s.chars().count() > 40 => Found::Type(JsonType::String),
        // As `Value`'s Display writes them, without its serializer (see `key_path`).
        Value::Null => Found::Written("null".to_owned()),
        Value::Bool(b) => Found::Written(b.to_string()),
        Value::Number(n) => Found::Written(n.to_string()),
        Value::String(s) => Found::Written(json_string(s)),
        _ => Found::Type(JsonType::of(v)),
    }
}

/// `s` as a JSON string, quoted and escaped; the same string writer as the
/// JSON export uses.
fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn is_code(s: &str, max: usize) -> bool {
    (1..=max).contains(&s.len())
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn is_value_code(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

#[derive(Default)]
struct Parser {
    /// In document order (sorted by `positions`); errors at the same place
    /// in the order they were found.
    errors: Vec<SchemaError>,
    /// The [`Loc::position`] of each error's value.
    positions: Vec<Vec<usize>>,
    locales: Vec<Locale>,
    /// Whether `locales` can judge a text's locale codes (false when neither
    /// `default_locale` nor `locales` could be read).
    locales_known: bool,
    /// Codes in `default_locale` or `locales` that are not language codes:
    /// already reported, so not reported again in every text that uses them.
    rejected_locales: Vec<String>,
    default_locale: Option<Locale>,
    question_count: usize,
    /// The `show_if` texts read so far, checked once every question id is known.
    show_ifs: Vec<ShowIf>,
    /// Where the page and the question being read are, for `show_ifs`.
    page_index: usize,
    question_index: Option<usize>,
    /// Every question id read, with its JSON path, for the hidden fields.
    question_ids: Vec<(String, String)>,
    /// Whether a page has an inclusion block: the bank's question ids are
    /// then the bank's alone.
    uses_bank: bool,
    /// The path of the first inclusion block, and what it brings.
    inclusion: Option<(String, Option<Inclusion>)>,
    /// Whether the questions being read are the bank's (the expansion's).
    in_bank: bool,
}

/// A `show_if` text waiting to be checked against the survey's questions.
struct ShowIf {
    loc: Loc,
    text: String,
    page: usize,
    /// The question carrying it (its index in its page), or none for a page.
    question: Option<(usize, Option<String>)>,
    /// How many question ids come before it.
    before: usize,
}

/// Where a value is in the document: its JSON path, and its position.
///
/// Fields are read in the order the rules need (locales before texts, a
/// question's kind before its fields), so errors are found out of order; the
/// position puts each back in the order of the document, an error about an
/// object (a missing field) before the errors inside it.
struct Loc {
    path: String,
    /// For each step from the root, the index of the key among its object's
    /// keys (in the order of `Value`'s map: the file's, with `preserve_order`)
    /// or of the item in its array.
    position: Vec<usize>,
}

impl Loc {
    fn root() -> Loc {
        Loc {
            path: "$".to_owned(),
            position: Vec::new(),
        }
    }

    fn child(&self, path: String, index: usize) -> Loc {
        let mut position = self.position.clone();
        position.push(index);
        Loc { path, position }
    }

    /// The `index`th item of the array here.
    fn item(&self, index: usize) -> Loc {
        self.child(format!("{}[{index}]", self.path), index)
    }

    /// The value of `key`, the `index`th key of the object here.
    fn entry(&self, key: &str, index: usize) -> Loc {
        self.child(key_path(&self.path, key), index)
    }
}

/// A JSON object being read, with where it is.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    loc: Loc,
}

impl<'a> Obj<'a> {
    /// Where the value of `key` is; only asked for keys the object has.
    fn at(&self, key: &str) -> Loc {
        let index = self.map.keys().position(|k| k == key);
        self.loc.entry(key, index.unwrap_or(usize::MAX))
    }
    fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key)
    }
}

impl Parser {
    /// Records an error, after those that come before it or at the same
    /// place in the document: an insert keeps the list sorted with no sort
    /// code in the wasm, and errors come almost in order anyway.
    /// The place is found once all are, from the path (see [`Survey::from_value`]).
    fn error(&mut self, at: &Loc, problem: Problem) {
        let i = self.positions.partition_point(|p| *p <= at.position);
        self.positions.insert(i, at.position.clone());
        self.errors.insert(
            i,
            SchemaError {
                path: at.path.clone(),
                place: Place::Survey,
                problem,
            },
        );
    }

    fn object<'a>(
        &mut self,
        value: &'a Value,
        loc: Loc,
        what: Holder,
        allowed: &[&'static str],
    ) -> Option<Obj<'a>> {
        self.object_with_hint(value, loc, what, allowed, &|_| Vec::new())
    }

    /// Like [`Parser::object`], with `kinds(key)` the question kinds an
    /// unknown field is for.
    fn object_with_hint<'a>(
        &mut self,
        value: &'a Value,
        loc: Loc,
        what: Holder,
        allowed: &[&'static str],
        kinds: &dyn Fn(&str) -> Vec<&'static str>,
    ) -> Option<Obj<'a>> {
        let Value::Object(map) = value else {
            self.error(
                &loc,
                Problem::NotObject {
                    what,
                    found: JsonType::of(value),
                },
            );
            return None;
        };
        let obj = Obj { map, loc };
        for key in map.keys() {
            if !allowed.contains(&key.as_str()) {
                let other_kinds = kinds(key);
                self.error(
                    &obj.at(key),
                    Problem::UnknownField {
                        key: key.clone(),
                        what,
                        suggestion: if other_kinds.is_empty() {
                            closest(key, allowed)
                        } else {
                            None
                        },
                        other_kinds,
                        allowed: allowed.to_vec(),
                    },
                );
            }
        }
        Some(obj)
    }

    fn required<'a>(&mut self, obj: &Obj<'a>, key: &str) -> Option<&'a Value> {
        let v = obj.get(key);
        if v.is_none() {
            self.error(
                &obj.loc,
                Problem::MissingField {
                    key: key.to_owned(),
                },
            );
        }
        v
    }

    fn string(&mut self, obj: &Obj, key: &str, required: bool) -> Option<String> {
        let v = if required {
            self.required(obj, key)?
        } else {
            obj.get(key)?
        };
        match v {
            Value::String(s) => Some(s.clone()),
            other => {
                self.error(
                    &obj.at(key),
                    Problem::NotString {
                        key: key.to_owned(),
                        found: JsonType::of(other),
                    },
                );
                None
            }
        }
    }

    fn boolean(&mut self, obj: &Obj, key: &str) -> bool {
        match obj.get(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.error(
                    &obj.at(key),
                    Problem::NotBool {
                        key: key.to_owned(),
                        found: JsonType::of(other),
                    },
                );
                false
            }
        }
    }

    fn integer(
        &mut self,
        obj: &Obj,
        key: &str,
        range: std::ops::RangeInclusive<u64>,
        default: u64,
    ) -> u64 {
        match obj.get(key) {
            None => default,
            Some(Value::Number(n)) if n.as_u64().is_some_and(|n| range.contains(&n)) => {
                n.as_u64().unwrap_or(default)
            }
            Some(other) => {
                self.error(
                    &obj.at(key),
                    Problem::NotWhole {
                        key: key.to_owned(),
                        min: *range.start(),
                        max: *range.end(),
                        found: describe(other),
                    },
                );
                default
            }
        }
    }

    /// An optional number of any size, whole or not.
    fn number(&mut self, obj: &Obj, key: &str) -> Option<serde_json::Number> {
        match obj.get(key)? {
            Value::Number(n) => Some(n.clone()),
            other => {
                self.error(
                    &obj.at(key),
                    Problem::NotNumber {
                        key: key.to_owned(),
                        found: describe(other),
                    },
                );
                None
            }
        }
    }

    /// An optional calendar date, `YYYY-MM-DD`.
    fn date(&mut self, obj: &Obj, key: &str) -> Option<String> {
        match obj.get(key)? {
            Value::String(s) if is_date(s) => Some(s.clone()),
            other => {
                self.error(
                    &obj.at(key),
                    Problem::NotDate {
                        key: key.to_owned(),
                        found: describe(other),
                    },
                );
                None
            }
        }
    }

    fn array<'a>(&mut self, obj: &Obj<'a>, key: &str, max: usize) -> Option<&'a Vec<Value>> {
        match self.required(obj, key)? {
            Value::Array(items) if items.is_empty() => {
                self.error(
                    &obj.at(key),
                    Problem::EmptyArray {
                        key: key.to_owned(),
                    },
                );
                None
            }
            Value::Array(items) if items.len() > max => {
                self.error(
                    &obj.at(key),
                    Problem::TooManyItems {
                        key: key.to_owned(),
                        len: items.len(),
                        max,
                    },
                );
                None
            }
            Value::Array(items) => Some(items),
            other => {
                self.error(
                    &obj.at(key),
                    Problem::NotArray {
                        key: key.to_owned(),
                        found: JsonType::of(other),
                    },
                );
                None
            }
        }
    }

    /// A text: a string, or an object of locale code to string that has the
    /// default locale.
    fn text(&mut self, value: &Value, path: &Loc) -> Option<Text> {
        let check_len = |p: &mut Parser, s: &str, path: &Loc| {
            if s.chars().count() > MAX_TEXT_CHARS {
                p.error(
                    path,
                    Problem::TextTooLong {
                        max: MAX_TEXT_CHARS,
                    },
                );
            }
        };
        match value {
            Value::String(s) => {
                if s.trim().is_empty() {
                    self.error(path, Problem::TextEmpty);
                    return None;
                }
                check_len(self, s, path);
                Some(Text::Plain(s.clone()))
            }
            Value::Object(map) => {
                let mut out = Vec::new();
                for (i, (code, v)) in map.iter().enumerate() {
                    let p = path.entry(code, i);
                    let locale = match self.locales.iter().find(|l| l.as_str() == code) {
                        Some(l) => l.clone(),
                        // Without a usable default locale or `locales` list
                        // the codes cannot be judged, and a listed code that is
                        // not a language code is already reported: one error is enough.
                        None if !self.locales_known || self.rejected_locales.contains(code) => {
                            match Locale::parse(code) {
                                Some(l) => l,
                                None => continue,
                            }
                        }
                        None => {
                            let offered = self.locales.iter().map(Locale::to_string).collect();
                            self.error(
                                &p,
                                Problem::NotSurveyLocale {
                                    code: code.clone(),
                                    offered,
                                },
                            );
                            continue;
                        }
                    };
                    match v {
                        Value::String(s) if !s.trim().is_empty() => {
                            check_len(self, s, &p);
                            out.push((locale, s.clone()));
                        }
                        Value::String(_) => self.error(&p, Problem::TextEmpty),
                        other => self.error(
                            &p,
                            Problem::TextNotString {
                                found: JsonType::of(other),
                            },
                        ),
                    }
                }
                if let Some(default) = self.default_locale.clone() {
                    if !out.iter().any(|(l, _)| *l == default)
                        && !map.contains_key(default.as_str())
                    {
                        self.error(
                            path,
                            Problem::NoDefaultText {
                                default: default.to_string(),
                            },
                        );
                        return None;
                    }
                }
                Some(Text::Localized(out))
            }
            other => {
                self.error(
                    path,
                    Problem::TextWrongType {
                        found: JsonType::of(other),
                    },
                );
                None
            }
        }
    }

    fn text_field(&mut self, obj: &Obj, key: &str, required: bool) -> Option<Text> {
        let v = if required {
            self.required(obj, key)?
        } else {
            obj.get(key)?
        };
        self.text(v, &obj.at(key))
    }

    fn survey(&mut self, value: &Value) -> Option<Survey> {
        let obj = self.object(value, Loc::root(), Holder::Survey, SURVEY_FIELDS)?;
        match self.required(&obj, "format") {
            Some(Value::Number(n)) if n.as_u64() == Some(FORMAT_VERSION) => {}
            Some(other) => self.error(
                &obj.at("format"),
                Problem::FormatVersion {
                    found: describe(other),
                    supported: FORMAT_VERSION,
                },
            ),
            None => {}
        }
        let id = self.string(&obj, "id", true);
        if let Some(id) = &id {
            if !(1..=128).contains(&id.len())
                || !id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
            {
                self.error(&obj.at("id"), Problem::SurveyId { id: id.clone() });
            }
        }
        let version = match self.required(&obj, "version") {
            Some(Value::String(s)) if !s.trim().is_empty() && s.chars().count() <= 64 => {
                Some(s.clone())
            }
            Some(Value::Number(n)) if n.is_u64() => Some(n.to_string()),
            Some(other) => {
                self.error(
                    &obj.at("version"),
                    Problem::Version {
                        found: describe(other),
                    },
                );
                None
            }
            None => None,
        };
        self.locales(&obj);
        let title = self.text_field(&obj, "title", true);
        let description = self.text_field(&obj, "description", false);
        let pages = self.pages(&obj);
        let review = match obj.get("review") {
            None => pages.as_ref().is_some_and(|p| p.len() > 1),
            Some(_) => self.boolean(&obj, "review"),
        };
        let hidden = self.hidden(&obj);
        let thanks = self.text_field(&obj, "thanks", false);
        let start_again = match obj.get("start_again") {
            None => true,
            Some(_) => self.boolean(&obj, "start_again"),
        };
        let privacy_k = match obj.get("privacy") {
            None => bank::DEFAULT_K,
            Some(v) => match self.object(v, obj.at("privacy"), Holder::Privacy, PRIVACY_FIELDS) {
                Some(p) => self.integer(&p, "k", 2..=1000, bank::DEFAULT_K),
                None => bank::DEFAULT_K,
            },
        };
        let guardian_consented = match obj.get("minors") {
            None => false,
            Some(Value::String(s)) if s == "guardian_consented" => true,
            Some(other) => {
                self.error(
                    &obj.at("minors"),
                    Problem::Minors {
                        found: describe(other),
                    },
                );
                false
            }
        };
        let inclusion = match self.inclusion.take() {
            Some((_, Some(inclusion))) => Some(inclusion),
            _ => None,
        };
        // One match, not a `?` per field: each `?` is an early return with
        // its own code to drop the fields read so far.
        match (
            id,
            version,
            title,
            pages,
            self.default_locale.clone(),
            hidden,
        ) {
            (
                Some(id),
                Some(version),
                Some(title),
                Some(pages),
                Some(default_locale),
                Some(hidden),
            ) => Some(Survey {
                id,
                version,
                title,
                description,
                default_locale,
                locales: self.locales.clone(),
                pages,
                review,
                hidden,
                thanks,
                start_again,
                privacy_k,
                guardian_consented,
                inclusion,
            }),
            _ => None,
        }
    }

    /// The survey's optional `hidden` fields; `None` once a problem with
    /// them is recorded. Read after the pages, whose question ids they
    /// must not take.
    fn hidden(&mut self, obj: &Obj) -> Option<Vec<HiddenField>> {
        let items = match obj.get("hidden") {
            None => return Some(Vec::new()),
            Some(Value::Array(items)) if items.is_empty() => return Some(Vec::new()),
            Some(_) => self.array(obj, "hidden", MAX_OPTIONS)?,
        };
        let mut out: Vec<HiddenField> = Vec::new();
        let mut ids: Vec<String> = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let loc = obj.at("hidden").item(i);
            let Some(o) = self.object(item, loc, Holder::Hidden, HIDDEN_FIELDS) else {
                ok = false;
                continue;
            };
            let id = self.id_field(&o, IdOf::Hidden);
            if let Some(id) = &id {
                let question = self.question_ids.iter().find(|(q, _)| q == id);
                if let Some((_, path)) = question {
                    let problem = Problem::HiddenIdIsQuestion {
                        id: id.clone(),
                        question: path.clone(),
                    };
                    self.error(&o.at("id"), problem);
                } else if SETTING_NAMES.contains(&id.as_str()) {
                    self.error(&o.at("id"), Problem::HiddenIdSetting { id: id.clone() });
                } else if ids.contains(id) {
                    self.error(&o.at("id"), Problem::HiddenIdTwice { id: id.clone() });
                } else {
                    ids.push(id.clone());
                }
            }
            let allowed = self.allowed(&o);
            let required = self.boolean(&o, "required");
            match (id, allowed) {
                (Some(id), Some(allowed)) => out.push(HiddenField {
                    id,
                    allowed,
                    required,
                }),
                _ => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// What a hidden field allows: its `values`, or its `chars` with
    /// `min_length` (1 by default) and `max_length` (64 by default).
    fn allowed(&mut self, o: &Obj) -> Option<Allowed> {
        let max_chars = u64::from(MAX_VALUE_CHARS);
        let lengths = o.get("min_length").is_some() || o.get("max_length").is_some();
        match (o.get("values"), o.get("chars")) {
            (Some(_), None) => {
                if lengths {
                    let key = if o.get("min_length").is_some() {
                        "min_length"
                    } else {
                        "max_length"
                    };
                    self.error(&o.at(key), Problem::HiddenRule { both: true });
                    return None;
                }
                let items = self.array(o, "values", MAX_VALUES)?;
                let mut values: Vec<String> = Vec::new();
                let mut ok = true;
                for (i, item) in items.iter().enumerate() {
                    let at = o.at("values").item(i);
                    match item {
                        Value::String(s)
                            if !s.is_empty() && s.chars().count() <= MAX_VALUE_CHARS as usize =>
                        {
                            if values.contains(s) {
                                self.error(&at, Problem::HiddenValueTwice { value: s.clone() });
                                ok = false;
                            } else {
                                values.push(s.clone());
                            }
                        }
                        other => {
                            let problem = Problem::HiddenValue {
                                found: describe(other),
                                max: MAX_VALUE_CHARS,
                            };
                            self.error(&at, problem);
                            ok = false;
                        }
                    }
                }
                ok.then_some(Allowed::Values(values))
            }
            (None, Some(_)) => {
                let spec = self.string(o, "chars", true);
                let min = self.integer(o, "min_length", 1..=max_chars, 1);
                let max = self.integer(o, "max_length", 1..=max_chars, 64);
                if min > max {
                    self.error(
                        &o.at("max_length"),
                        Problem::MaxBelowMin {
                            min: min.to_string(),
                            max: max.to_string(),
                        },
                    );
                    return None;
                }
                match Chars::parse(&spec?, min as u32, max as u32) {
                    Ok(chars) => Some(Allowed::Chars(chars)),
                    Err(error) => {
                        let chars = o.get("chars").and_then(Value::as_str).unwrap_or_default();
                        let problem = Problem::HiddenChars {
                            chars: chars.to_owned(),
                            error,
                        };
                        self.error(&o.at("chars"), problem);
                        None
                    }
                }
            }
            (values, _) => {
                let both = values.is_some();
                if both {
                    self.error(&o.at("chars"), Problem::HiddenRule { both });
                } else {
                    self.error(&o.loc, Problem::HiddenRule { both });
                }
                None
            }
        }
    }

    /// Reads `default_locale` and `locales`; the default always comes first.
    fn locales(&mut self, obj: &Obj) {
        let default = self.string(obj, "default_locale", true);
        let default = default.and_then(|code| {
            let parsed = Locale::parse(&code);
            if parsed.is_none() {
                self.error(
                    &obj.at("default_locale"),
                    Problem::NotLanguageCode { code: code.clone() },
                );
                self.rejected_locales.push(code);
            }
            parsed
        });
        let mut locales: Vec<Locale> = Vec::new();
        let mut listed = false;
        match obj.get("locales") {
            None => {}
            Some(Value::Array(items)) => {
                listed = true;
                for (i, item) in items.iter().enumerate() {
                    let p = obj.at("locales").item(i);
                    match item.as_str().map(|s| (s, Locale::parse(s))) {
                        Some((_, Some(l))) if locales.contains(&l) => self.error(
                            &p,
                            Problem::LocaleTwice {
                                code: l.to_string(),
                            },
                        ),
                        Some((_, Some(l))) => locales.push(l),
                        Some((s, None)) => {
                            self.error(&p, Problem::NotLanguageCode { code: s.to_owned() });
                            self.rejected_locales.push(s.to_owned());
                        }
                        None => self.error(
                            &p,
                            Problem::LocaleNotString {
                                found: JsonType::of(item),
                            },
                        ),
                    }
                }
            }
            Some(other) => self.error(
                &obj.at("locales"),
                Problem::LocalesNotArray {
                    found: JsonType::of(other),
                },
            ),
        }
        if let Some(d) = &default {
            if let Some(i) = locales.iter().position(|l| l == d) {
                locales.remove(i);
            } else if listed {
                self.error(
                    &obj.at("locales"),
                    Problem::LocalesWithoutDefault {
                        default: d.to_string(),
                    },
                );
            }
            // Listed or not, the default is offered: the texts are then judged
            // as the author meant, not once more for every text in the default locale.
            locales.insert(0, d.clone());
        }
        self.locales_known = default.is_some() || listed;
        self.locales = locales;
        self.default_locale = default;
    }

    fn pages(&mut self, obj: &Obj) -> Option<Vec<Page>> {
        let items = self.array(obj, "pages", MAX_PAGES)?;
        self.uses_bank = items.iter().any(|p| p.get("inclusion").is_some());
        let mut pages = Vec::new();
        // Plain lists, not a `BTreeSet` and a `BTreeMap`: a survey has at most
        // 100 pages and 500 questions, and the widget then carries no B-tree
        // code for these key types.
        let mut page_ids = Vec::new();
        let mut question_ids = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let loc = obj.at("pages").item(i);
            self.page_index = i;
            match self.page(item, loc, &mut page_ids, &mut question_ids) {
                Some(p) => pages.push(p),
                None => ok = false,
            }
        }
        self.show_ifs(&question_ids, &mut pages, ok);
        self.question_ids = question_ids;
        ok.then_some(pages)
    }

    /// Reads and checks every `show_if` against the questions before it, and
    /// puts each into its page or question when the pages are complete.
    fn show_ifs(&mut self, ids: &[(String, String)], pages: &mut [Page], complete: bool) {
        let mut kinds: Vec<Option<QuestionKind>> = Vec::new();
        // Plain loops, not a flattening iterator: less wasm.
        for (id, _) in ids {
            let mut kind = None;
            for page in pages.iter() {
                for q in &page.questions {
                    if q.id == *id {
                        kind = Some(q.kind.clone());
                    }
                }
            }
            kinds.push(kind);
        }
        let all: Vec<(&str, Option<&QuestionKind>)> = ids
            .iter()
            .zip(&kinds)
            .map(|((id, _), k)| (id.as_str(), k.as_ref()))
            .collect();
        let later: Vec<&str> = all.iter().map(|(id, _)| *id).collect();
        for s in std::mem::take(&mut self.show_ifs) {
            let before = s.before.min(all.len());
            let scope = Scope {
                earlier: &all[..before],
                later: &later[before..],
                own: s.question.as_ref().and_then(|(_, id)| id.as_deref()),
                what: if s.question.is_some() {
                    Earlier::BeforeQuestion
                } else {
                    Earlier::EarlierPages
                },
            };
            let expr = match expr::parse(&s.text) {
                Ok(e) => {
                    let problems = logic::check(&e, &scope);
                    for p in &problems {
                        self.error(
                            &s.loc,
                            Problem::ShowIf {
                                text: s.text.clone(),
                                error: p.clone(),
                            },
                        );
                    }
                    problems.is_empty().then_some(e)
                }
                Err(e) => {
                    self.error(
                        &s.loc,
                        Problem::ShowIf {
                            text: s.text.clone(),
                            error: e,
                        },
                    );
                    None
                }
            };
            let Some(page) = pages.get_mut(s.page).filter(|_| complete) else {
                continue;
            };
            match s.question {
                None => page.show_if = expr,
                Some((q, _)) => {
                    if let Some(q) = page.questions.get_mut(q) {
                        q.show_if = expr;
                    }
                }
            }
        }
    }

    /// Keeps `show_if` of `obj`, if any, for [`Parser::show_ifs`].
    fn show_if(&mut self, obj: &Obj, question: Option<(usize, Option<String>)>, before: usize) {
        let Some(text) = self.string(obj, "show_if", false) else {
            return;
        };
        self.show_ifs.push(ShowIf {
            loc: obj.at("show_if"),
            text,
            page: self.page_index,
            question,
            before,
        });
    }

    fn page(
        &mut self,
        value: &Value,
        loc: Loc,
        page_ids: &mut Vec<String>,
        question_ids: &mut Vec<(String, String)>,
    ) -> Option<Page> {
        let obj = self.object(value, loc, Holder::Page, PAGE_FIELDS)?;
        let id = self.id_field(&obj, IdOf::Page);
        if let Some(id) = &id {
            if page_ids.contains(id) {
                self.error(&obj.at("id"), Problem::PageIdTwice { id: id.clone() });
            } else {
                page_ids.push(id.clone());
            }
        }
        let title = self.text_field(&obj, "title", false);
        self.pipes(
            &obj,
            "title",
            title.as_ref(),
            question_ids,
            Earlier::EarlierPages,
        );
        self.show_if(&obj, None, question_ids.len());
        // The expansion adds the bank's questions after the page's own;
        // without it, a page with a block may have none of its own.
        let block = obj.get("inclusion");
        let items: &[Value] = match obj.get("questions") {
            None if block.is_some() => &[],
            _ => self.array(&obj, "questions", MAX_QUESTIONS)?,
        };
        let from = block
            .and_then(|b| b.get("bank")?.get("from")?.as_u64())
            .map_or(items.len(), |n| n as usize);
        let own = from.min(items.len());
        let expanded = match block {
            Some(block) => self.inclusion_block(block, obj.at("inclusion")),
            None => false,
        };
        let items = if expanded { items } else { &items[..own] };
        let mut questions = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            self.in_bank = i >= own;
            let loc = obj.at("questions").item(i);
            self.question_index = Some(i);
            self.question_count += 1;
            if self.question_count == MAX_QUESTIONS + 1 {
                self.error(&loc, Problem::TooManyQuestions { max: MAX_QUESTIONS });
            }
            match self.question(item, loc, question_ids) {
                Some(q) => questions.push(q),
                None => ok = false,
            }
        }
        self.in_bank = false;
        (ok && id.is_some()).then(|| Page {
            id: id.unwrap_or_default(),
            title,
            questions,
            show_if: None,
        })
    }

    /// Reads a page's inclusion block (see [`crate::bank`]); whether the
    /// expansion served it, so that its questions are read after the page's own.
    #[inline(never)]
    fn inclusion_block(&mut self, value: &Value, loc: Loc) -> bool {
        if let Some((first, _)) = &self.inclusion {
            let first = first.clone();
            self.error(&loc, Problem::InclusionTwice { first });
            return false;
        }
        self.inclusion = Some((loc.path.clone(), None));
        let before = self.errors.len();
        let Some(obj) = self.object(value, loc, Holder::Inclusion, EXPANDED_FIELDS) else {
            return false;
        };
        let pack = self.string(&obj, "pack", true);
        let mut langs = None;
        if let Some(p) = &pack {
            langs = bank::languages(p);
            if langs.is_none() {
                self.error(&obj.at("pack"), Problem::UnknownPack { pack: p.clone() });
            }
        }
        let pack = pack.unwrap_or_default();
        let sensitive = self.boolean(&obj, "sensitive");
        let mut area = false;
        if let Some(items) = self.array(&obj, "items", MAX_OPTIONS) {
            let mut seen: Vec<&str> = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let at = obj.at("items").item(i);
                let Some(s) = item.as_str() else {
                    let found = JsonType::of(item);
                    self.error(&at, Problem::ItemNotString { found });
                    continue;
                };
                if !bank::ITEMS.contains(&s) {
                    let suggestion = closest(s, &bank::ITEMS);
                    let item = s.to_owned();
                    self.error(&at, Problem::UnknownItem { item, suggestion });
                } else if seen.contains(&s) {
                    self.error(&at, Problem::ItemTwice { item: s.to_owned() });
                } else {
                    seen.push(s);
                    area |= s == "area";
                    if s == "sexual_orientation" && pack == "ID" && !sensitive {
                        let problem = Problem::SensitiveItem {
                            item: s.to_owned(),
                            pack: pack.clone(),
                        };
                        self.error(&at, problem);
                    }
                }
            }
        }
        if obj.get("areas").is_some() {
            self.choice_list(&obj, "areas", Item::Option, 1);
        } else if area {
            self.error(&obj.loc, Problem::AreasMissing);
        }
        if let (Some(langs), Some(default)) = (langs, &self.default_locale) {
            if !langs.contains(&default.as_str()) {
                let locale = default.to_string();
                self.error(&obj.at("pack"), Problem::PackLanguage { pack, locale });
                return false;
            }
        }
        let b = obj.get("bank");
        let text = |key: &str| b.and_then(|b| b.get(key)).and_then(Value::as_str);
        let (Some(version), Some(consent)) = (text("version"), text("consent_version")) else {
            if langs.is_some() {
                self.error(&obj.loc, Problem::BankNotLoaded { pack });
            }
            return false;
        };
        let (version, consent_version) = (version.to_owned(), consent.to_owned());
        let wg_intro = match b.and_then(|b| b.get("wg_intro")) {
            Some(v) => self.text(v, &obj.at("bank")),
            None => None,
        };
        if let (Some(wg_intro), true) = (wg_intro, self.errors.len() == before) {
            let inclusion = Inclusion {
                pack,
                bank: version,
                consent_version,
                wg_intro,
            };
            if let Some((_, slot)) = &mut self.inclusion {
                *slot = Some(inclusion);
            }
        }
        true
    }

    /// Checks the answers `text` (at `key`) pipes in: each `{id}` must be
    /// one of the `earlier` questions, `which` says which those are.
    fn pipes(
        &mut self,
        obj: &Obj,
        key: &str,
        text: Option<&Text>,
        earlier: &[(String, String)],
        which: Earlier,
    ) {
        let strings: Vec<&str> = match text {
            None => return,
            Some(Text::Plain(s)) => vec![s],
            Some(Text::Localized(all)) => all.iter().map(|(_, s)| s.as_str()).collect(),
        };
        let mut reported: Vec<&str> = Vec::new();
        for s in strings {
            for id in piped_ids(s) {
                if earlier.iter().any(|(e, _)| e == id) || reported.contains(&id) {
                    continue;
                }
                reported.push(id);
                let names: Vec<&str> = earlier.iter().map(|(e, _)| e.as_str()).collect();
                self.error(
                    &obj.at(key),
                    Problem::UnknownPipe {
                        id: id.to_owned(),
                        earlier: which,
                        suggestion: closest(id, &names).map(str::to_owned),
                    },
                );
            }
        }
    }

    fn id_field(&mut self, obj: &Obj, what: IdOf) -> Option<String> {
        let id = self.string(obj, "id", true)?;
        if id.is_empty() {
            self.error(&obj.at("id"), Problem::IdEmpty { what });
            return None;
        }
        if !is_code(&id, 64) {
            self.error(&obj.at("id"), Problem::IdNotCode { what, id });
            return None;
        }
        Some(id)
    }

    fn question(
        &mut self,
        value: &Value,
        loc: Loc,
        ids: &mut Vec<(String, String)>,
    ) -> Option<Question> {
        // The allowed fields depend on the kind, so read the kind first.
        let kind_name = value
            .get("kind")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let known_kind = Kind::from_name(kind_name);
        // Two slice copies: collecting a `chain` is a generic fold, more wasm.
        let mut allowed = QUESTION_FIELDS.to_vec();
        allowed.extend_from_slice(known_kind.map_or(&[], fields_of));
        // With an unknown kind, only the kind itself is reported: its other
        // fields cannot be judged.
        // A field of another kind is named as such: the author may have changed the kind.
        let other_kinds = |key: &str| {
            // A loop, not `filter` + `collect`: less wasm.
            let mut kinds = Vec::new();
            for k in Kind::ALL {
                if fields_of(k).contains(&key) {
                    kinds.push(k.name());
                }
            }
            kinds
        };
        let obj = if let Some(kind) = known_kind {
            self.object_with_hint(
                value,
                loc,
                Holder::QuestionOfKind(kind.name()),
                &allowed,
                &other_kinds,
            )?
        } else {
            let Value::Object(map) = value else {
                self.error(
                    &loc,
                    Problem::NotObject {
                        what: Holder::Question,
                        found: JsonType::of(value),
                    },
                );
                return None;
            };
            Obj { map, loc }
        };
        let before = ids.len();
        let id = self.id_field(&obj, IdOf::Question);
        let at = self.question_index.unwrap_or_default();
        self.show_if(&obj, Some((at, id.clone())), before);
        if let Some(id) = &id {
            if FIXED_COLUMNS.contains(&id.as_str()) {
                self.error(
                    &obj.at("id"),
                    Problem::QuestionIdReserved { id: id.clone() },
                );
            } else if self.uses_bank
                && !self.in_bank
                && (bank::QUESTION_IDS.contains(&id.as_str())
                    || bank::COLUMNS.contains(&id.as_str()))
            {
                self.error(&obj.at("id"), Problem::BankIdTaken { id: id.clone() });
            } else if let Some((_, first)) = ids.iter().find(|(i, _)| i == id) {
                self.error(
                    &obj.at("id"),
                    Problem::QuestionIdTwice {
                        id: id.clone(),
                        first: first.clone(),
                    },
                );
            } else {
                ids.push((id.clone(), obj.at("id").path));
            }
        }
        let label = self.text_field(&obj, "label", true);
        let help = self.text_field(&obj, "help", false);
        let earlier = &ids[..before.min(ids.len())];
        self.pipes(
            &obj,
            "label",
            label.as_ref(),
            earlier,
            Earlier::BeforeQuestion,
        );
        self.pipes(
            &obj,
            "help",
            help.as_ref(),
            earlier,
            Earlier::BeforeQuestion,
        );
        let required = self.boolean(&obj, "required");
        let kind = match (obj.get("kind"), known_kind) {
            (None, _) => {
                self.error(
                    &obj.loc,
                    Problem::MissingField {
                        key: "kind".to_owned(),
                    },
                );
                None
            }
            (Some(Value::String(_)), Some(kind)) => self.kind(&obj, kind, required),
            (Some(Value::String(s)), None) => {
                self.error(
                    &obj.at("kind"),
                    Problem::UnknownKind {
                        kind: s.clone(),
                        suggestion: closest(s, &QuestionKind::NAMES),
                        kinds: &QuestionKind::NAMES,
                    },
                );
                None
            }
            (Some(other), _) => {
                self.error(
                    &obj.at("kind"),
                    Problem::NotString {
                        key: "kind".to_owned(),
                        found: JsonType::of(other),
                    },
                );
                None
            }
        };
        // One match, not a `?` per field (see `Parser::survey`).
        match (id, label, kind) {
            (Some(id), Some(label), Some(kind)) => Some(Question {
                id,
                label,
                help,
                required,
                kind,
                show_if: None,
            }),
            _ => None,
        }
    }

    /// The settings of a question of `kind`; `None` once a problem with
    /// them is recorded.
    fn kind(&mut self, obj: &Obj, kind: Kind, required: bool) -> Option<QuestionKind> {
        Some(match kind {
            Kind::SingleChoice | Kind::MultiChoice => {
                let options = self.options(obj);
                let other = match obj.get("other") {
                    None | Some(Value::Bool(false)) => None,
                    Some(Value::Bool(true)) => Some(Other { label: None }),
                    Some(v @ (Value::String(_) | Value::Object(_))) => Some(Other {
                        label: Some(self.text(v, &obj.at("other"))?),
                    }),
                    Some(v) => {
                        self.error(
                            &obj.at("other"),
                            Problem::OtherWrongType {
                                found: JsonType::of(v),
                            },
                        );
                        return None;
                    }
                };
                let options = options?;
                if other.is_some() && options.iter().any(|o| o.value == OTHER_VALUE) {
                    self.error(
                        &obj.at("other"),
                        Problem::OtherValueTaken { value: OTHER_VALUE },
                    );
                }
                if kind == Kind::SingleChoice {
                    QuestionKind::SingleChoice { options, other }
                } else {
                    QuestionKind::MultiChoice { options, other }
                }
            }
            Kind::ShortText => QuestionKind::ShortText {
                max_length: self.integer(obj, "max_length", 1..=u64::from(MAX_TEXT_ANSWER), 200)
                    as u32,
            },
            Kind::LongText => QuestionKind::LongText {
                max_length: self.integer(obj, "max_length", 1..=u64::from(MAX_TEXT_ANSWER), 2000)
                    as u32,
            },
            Kind::Rating => {
                let min = self.integer(obj, "min", 0..=1, 1) as u8;
                let max = self.integer(obj, "max", 2..=10, 5) as u8;
                QuestionKind::Rating { min, max }
            }
            Kind::Nps => QuestionKind::Nps,
            Kind::Consent => {
                let text = self.text_field(obj, "text", false);
                if required && text.is_none() && obj.get("text").is_none() {
                    self.error(&obj.loc, Problem::ConsentNeedsText);
                }
                QuestionKind::Consent { text }
            }
            Kind::YesNo => QuestionKind::YesNo,
            Kind::Number => {
                let min = self.number(obj, "min");
                let max = self.number(obj, "max");
                let integer = self.boolean(obj, "integer");
                if let (Some(min), Some(max)) = (&min, &max) {
                    if min.as_f64() > max.as_f64() {
                        self.error(
                            &obj.at("max"),
                            Problem::MaxBelowMin {
                                min: min.to_string(),
                                max: max.to_string(),
                            },
                        );
                    }
                }
                QuestionKind::Number { min, max, integer }
            }
            Kind::Date => {
                let min = self.date(obj, "min");
                let max = self.date(obj, "max");
                if let (Some(min), Some(max)) = (&min, &max) {
                    if min > max {
                        self.error(
                            &obj.at("max"),
                            Problem::MaxBeforeMin {
                                min: min.clone(),
                                max: max.clone(),
                            },
                        );
                    }
                }
                QuestionKind::Date { min, max }
            }
            Kind::Dropdown => {
                let options = self.options(obj);
                let placeholder = self.text_field(obj, "placeholder", false);
                QuestionKind::Dropdown {
                    options: options?,
                    placeholder,
                }
            }
            Kind::Likert => {
                let points = self.one_of(obj, "points", &[5, 7], 5);
                let labels = self.labels(obj, points);
                QuestionKind::Likert {
                    points,
                    labels: labels?,
                }
            }
            Kind::Smiley => QuestionKind::Smiley {
                faces: self.one_of(obj, "faces", &[3, 5], 5),
            },
            Kind::Matrix => {
                let rows = self.choice_list(obj, "rows", Item::Row, 1);
                let columns = self.choice_list(obj, "columns", Item::Column, 2);
                QuestionKind::Matrix {
                    rows: rows?,
                    columns: columns?,
                }
            }
            Kind::Ranking => QuestionKind::Ranking {
                options: self.choice_list(obj, "options", Item::Option, 2)?,
            },
        })
    }

    /// An optional whole number that must be one of `allowed`.
    fn one_of(&mut self, obj: &Obj, key: &str, allowed: &'static [u8], default: u8) -> u8 {
        match obj.get(key) {
            None => default,
            Some(Value::Number(n))
                if n.as_u64()
                    .is_some_and(|n| allowed.iter().any(|a| u64::from(*a) == n)) =>
            {
                n.as_u64().unwrap_or_default() as u8
            }
            Some(other) => {
                self.error(
                    &obj.at(key),
                    Problem::NotOneOf {
                        key: key.to_owned(),
                        allowed,
                        found: describe(other),
                    },
                );
                default
            }
        }
    }

    /// A Likert question's optional `labels`: exactly one text per point.
    /// `None` when they are wrong (the error is recorded), `Some(None)` when
    /// there are none.
    fn labels(&mut self, obj: &Obj, points: u8) -> Option<Option<Vec<Text>>> {
        let items = match obj.get("labels") {
            None => return Some(None),
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.error(
                    &obj.at("labels"),
                    Problem::LabelsNotArray {
                        points,
                        found: JsonType::of(other),
                    },
                );
                return None;
            }
        };
        if items.len() != usize::from(points) {
            self.error(
                &obj.at("labels"),
                Problem::LabelsCount {
                    len: items.len(),
                    points,
                },
            );
            return None;
        }
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match self.text(item, &obj.at("labels").item(i)) {
                Some(t) => out.push(t),
                None => ok = false,
            }
        }
        ok.then_some(Some(out))
    }

    fn options(&mut self, obj: &Obj) -> Option<Vec<ChoiceOption>> {
        self.choice_list(obj, "options", Item::Option, 1)
    }

    /// A list under `key` of at least `min` items, each a `value` code (see
    /// [`is_value_code`]) unique in the list and a `label`: a question's
    /// options, or a matrix's rows or columns (`what`: "option", "row", "column").
    #[inline(never)]
    fn choice_list(
        &mut self,
        obj: &Obj,
        key: &str,
        what: Item,
        min: usize,
    ) -> Option<Vec<ChoiceOption>> {
        let items = self.array(obj, key, MAX_OPTIONS)?;
        if items.len() < min {
            self.error(
                &obj.at(key),
                Problem::TooFewItems {
                    key: key.to_owned(),
                    len: items.len(),
                    kind: obj
                        .get("kind")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                    min,
                },
            );
            return None;
        }
        // A list, like the ids in `Parser::pages`: at most 200 options.
        let mut seen: Vec<String> = Vec::new();
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let loc = obj.at(key).item(i);
            let holder = match what {
                Item::Option => Holder::Option,
                Item::Row => Holder::Row,
                Item::Column => Holder::Column,
            };
            let Some(o) = self.object(item, loc, holder, OPTION_FIELDS) else {
                ok = false;
                continue;
            };
            let value = match self.required(&o, "value") {
                Some(Value::String(s)) if is_value_code(s) => Some(s.clone()),
                Some(Value::String(s)) => {
                    self.error(
                        &o.at("value"),
                        Problem::ValueNotCode {
                            what,
                            value: s.clone(),
                        },
                    );
                    None
                }
                Some(other) => {
                    self.error(
                        &o.at("value"),
                        Problem::ValueNotString {
                            what,
                            found: JsonType::of(other),
                        },
                    );
                    None
                }
                None => None,
            };
            if let Some(v) = &value {
                if seen.contains(v) {
                    self.error(
                        &o.at("value"),
                        Problem::ValueTwice {
                            what,
                            value: v.clone(),
                        },
                    );
                } else {
                    seen.push(v.clone());
                }
            }
            let label = self.text_field(&o, "label", true);
            match (value, label) {
                (Some(value), Some(label)) => out.push(ChoiceOption { value, label }),
                _ => ok = false,
            }
        }
        ok.then_some(out)
    }
}
