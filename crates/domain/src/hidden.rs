//! Hidden fields: values a survey takes from the link or the mount element
//! (`?posyandu=P12`, `data-posyandu="P12"`), never from the person, and
//! records in the response beside the answers.
//!
//! A field allows either a list of values or the characters of [`Chars`]
//! with a length range. The matcher is written by hand, not a regular
//! expression: the `regex` crate would add about 275 KB to the widget.
//! Values are only compared and copied, never used as markup or code.

use serde::{Serialize, Serializer};

/// The hidden values of one response, by field id, kept sorted by id (as
/// a map would be, so two copies of a response compare equal whatever
/// the order of their JSON's keys); a JSON object. A sorted list, not a
/// `BTreeMap`: a survey has a few hidden fields, and a map of another value
/// type would add its B-tree code to the widget.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hidden(Vec<(String, String)>);

impl Hidden {
    pub fn new() -> Hidden {
        Hidden(Vec::new())
    }

    /// The value of the field `id`.
    pub fn get(&self, id: &str) -> Option<&str> {
        for (k, v) in &self.0 {
            if k == id {
                return Some(v);
            }
        }
        None
    }

    /// Sets the value of the field `id`, replacing any it had.
    pub fn insert(&mut self, id: String, value: String) {
        let i = self.0.partition_point(|(k, _)| *k < id);
        match self.0.get_mut(i) {
            Some((k, v)) if *k == id => *v = value,
            _ => self.0.insert(i, (id, value)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every field id and its value.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

impl Serialize for Hidden {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// Most values a hidden field's `values` may list, and the longest value
/// (in characters) a hidden field may take.
pub const MAX_VALUES: usize = 200;
pub const MAX_VALUE_CHARS: u32 = 256;

/// One hidden field of a survey.
#[derive(Debug, Clone, PartialEq)]
pub struct HiddenField {
    /// Its name in the link, the mount element (`data-<id>`) and the
    /// response: `[a-z][a-z0-9_]*`, no question's id and no setting's name.
    pub id: String,
    /// The values it may take.
    pub allowed: Allowed,
    /// Whether the survey cannot start without it.
    pub required: bool,
}

/// What a hidden field's value may be.
#[derive(Debug, Clone, PartialEq)]
pub enum Allowed {
    /// Exactly one of these (`values` in the file).
    Values(Vec<String>),
    /// Any text of these characters and length (`chars`, `min_length`,
    /// `max_length` in the file).
    Chars(Chars),
}

/// A set of characters and a length range: `chars` is written as single
/// characters and ranges `a-z`, so `A-Z0-9_-` allows upper-case letters,
/// digits, `_` and `-` (a `-` first or last stands for itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chars {
    /// Inclusive ranges; a single character is a range of one.
    ranges: Vec<(char, char)>,
    /// Fewest and most characters, `min <= max`.
    pub min: u32,
    pub max: u32,
}

/// Why a `chars` text is no set of characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CharsError {
    /// It is empty.
    Empty,
    /// A space or a control character, which no link carries as such.
    Blank(char),
    /// A range that ends before it starts, such as `z-a`.
    Backwards(char, char),
}

/// Why a value is refused for a hidden field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HiddenError {
    /// A required field without a value.
    Missing,
    /// A value the field's `values` do not list.
    NotListed { value: String },
    /// A character the field's `chars` do not allow.
    Char { value: String, ch: char },
    /// A value shorter or longer than the field allows.
    Length { value: String, min: u32, max: u32 },
}

impl Chars {
    /// Reads a `chars` text (see [`Chars`]) with a length range; `min <= max`
    /// is the caller's to check.
    pub fn parse(spec: &str, min: u32, max: u32) -> Result<Chars, CharsError> {
        let c: Vec<char> = spec.chars().collect();
        if c.is_empty() {
            return Err(CharsError::Empty);
        }
        let mut ranges = Vec::new();
        let mut i = 0;
        while i < c.len() {
            let from = c[i];
            if from.is_whitespace() || from.is_control() {
                return Err(CharsError::Blank(from));
            }
            // `a-z` is a range unless the `-` is the text's last character.
            if i + 2 < c.len() && c[i + 1] == '-' {
                let to = c[i + 2];
                if to.is_whitespace() || to.is_control() {
                    return Err(CharsError::Blank(to));
                }
                if to < from {
                    return Err(CharsError::Backwards(from, to));
                }
                ranges.push((from, to));
                i += 3;
            } else {
                ranges.push((from, from));
                i += 1;
            }
        }
        Ok(Chars { ranges, min, max })
    }

    /// Whether `ch` is one of the characters.
    pub fn allows(&self, ch: char) -> bool {
        self.ranges.iter().any(|&(a, b)| a <= ch && ch <= b)
    }

    /// Checks `value`: its first character that is not allowed, else its length.
    pub fn check(&self, value: &str) -> Result<(), HiddenError> {
        let mut len = 0u32;
        for ch in value.chars() {
            if !self.allows(ch) {
                return Err(HiddenError::Char {
                    value: value.to_owned(),
                    ch,
                });
            }
            len = len.saturating_add(1);
        }
        if len < self.min || len > self.max {
            return Err(HiddenError::Length {
                value: value.to_owned(),
                min: self.min,
                max: self.max,
            });
        }
        Ok(())
    }
}

impl HiddenField {
    /// Checks a given value, or its absence.
    pub fn check(&self, value: Option<&str>) -> Result<(), HiddenError> {
        let Some(value) = value else {
            return if self.required {
                Err(HiddenError::Missing)
            } else {
                Ok(())
            };
        };
        match &self.allowed {
            Allowed::Values(values) if values.iter().any(|v| v == value) => Ok(()),
            Allowed::Values(_) => Err(HiddenError::NotListed {
                value: value.to_owned(),
            }),
            Allowed::Chars(chars) => chars.check(value),
        }
    }
}

/// Reads every field's value with `given` (by field id) and checks it: the
/// values, or every field's problem, in the survey's order.
pub fn read(
    fields: &[HiddenField],
    given: impl Fn(&str) -> Option<String>,
) -> Result<Hidden, Vec<(String, HiddenError)>> {
    let mut values = Hidden::new();
    let mut errors = Vec::new();
    for f in fields {
        let value = given(&f.id);
        match f.check(value.as_deref()) {
            Ok(()) => {
                if let Some(v) = value {
                    values.insert(f.id.clone(), v);
                }
            }
            Err(e) => errors.push((f.id.clone(), e)),
        }
    }
    if errors.is_empty() {
        Ok(values)
    } else {
        Err(errors)
    }
}

/// Checks values recorded in a response (a collector's, a merge's) against
/// the fields: every problem, in the order of the fields, then each value
/// of a field the survey does not declare (with no error).
pub fn check_recorded(
    fields: &[HiddenField],
    values: &Hidden,
) -> Vec<(String, Option<HiddenError>)> {
    let mut problems = Vec::new();
    for f in fields {
        if let Err(e) = f.check(values.get(&f.id)) {
            problems.push((f.id.clone(), Some(e)));
        }
    }
    for (id, _) in values.iter() {
        if !fields.iter().any(|f| f.id == id) {
            problems.push((id.to_owned(), None));
        }
    }
    problems
}
