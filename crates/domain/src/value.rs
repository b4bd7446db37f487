//! An answer's value as given, and the answers of one person by key: the
//! data the show-if logic reads and the answer rules judge.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use crate::json::type_name;

/// One answer: text, the chosen option values (or a ranking's order), a
/// number, a yes/no, or a matrix's column value for each row answered.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum AnswerValue {
    Bool(bool),
    Number(serde_json::Number),
    Text(String),
    Choices(Vec<String>),
    /// A matrix's answer: (row value, column value) for each row answered,
    /// written in JSON as an object from row to column (`{"goals": "4",
    /// "trust": "5"}`). The widget keeps them in the survey's row order (see
    /// [`crate::answer::with_row`]); what is read keeps the order it was
    /// read in, which carries no meaning. A list rather than a map: rows are
    /// few, and a second `BTreeMap` type would add its code to the widget.
    #[serde(serialize_with = "rows_as_object")]
    Rows(Vec<(String, String)>),
}

fn rows_as_object<S: serde::Serializer>(
    rows: &[(String, String)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(rows.len()))?;
    for (row, column) in rows {
        map.serialize_entry(row, column)?;
    }
    map.end()
}

/// Answers by key: a question id, or [`crate::answer::other_text_key`] for
/// the words of an "other, please describe" choice. Sorted, so output is
/// stable.
pub type Answers = BTreeMap<String, AnswerValue>;

impl AnswerValue {
    /// Reads an answer from JSON: a boolean, a number, a string, an array of
    /// strings or an object of strings (a matrix's rows); anything else is
    /// refused with a message. The message names the type found, not the
    /// value: printing a `Value` would bring its whole serializer into the widget.
    pub fn from_value(value: serde_json::Value) -> Result<AnswerValue, String> {
        use serde_json::Value;
        match value {
            Value::Bool(b) => Ok(AnswerValue::Bool(b)),
            Value::Number(n) => Ok(AnswerValue::Number(n)),
            Value::String(s) => Ok(AnswerValue::Text(s)),
            Value::Array(items) => items
                .into_iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s),
                    other => Err(format!(
                        "a list of choices holds only strings, found {}",
                        type_name(&other)
                    )),
                })
                .collect::<Result<_, _>>()
                .map(AnswerValue::Choices),
            Value::Object(rows) => {
                // A loop rather than `collect`, as in `Response::from_value`.
                let mut out = Vec::new();
                for (row, column) in rows {
                    match column {
                        Value::String(c) => out.push((row, c)),
                        other => {
                            return Err(format!(
                                "a matrix answer maps each row to a column value (a string), found {}",
                                type_name(&other)
                            ))
                        }
                    }
                }
                Ok(AnswerValue::Rows(out))
            }
            other => Err(format!(
                "an answer is a string, a number, a boolean, a list of strings or an object of strings, found {}",
                type_name(&other)
            )),
        }
    }

    /// Whether this counts as an answer: blank text and an empty choice list do not.
    pub fn is_answered(&self) -> bool {
        match self {
            AnswerValue::Text(s) => !s.trim().is_empty(),
            AnswerValue::Choices(v) => !v.is_empty(),
            AnswerValue::Rows(r) => !r.is_empty(),
            AnswerValue::Bool(_) | AnswerValue::Number(_) => true,
        }
    }
}

// Deserialising goes through `serde_json::Value`, which the survey parser
// already needs: an untagged derive would add a second, larger JSON decoder
// to the widget.
impl<'de> Deserialize<'de> for AnswerValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        AnswerValue::from_value(serde_json::Value::deserialize(deserializer)?)
            .map_err(serde::de::Error::custom)
    }
}
