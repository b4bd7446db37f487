//! Small helpers over parsed JSON, shared by the readers of surveys,
//! answers and responses.

use serde_json::Value;

/// The JSON type of `v`, as in "found a number".
pub(crate) fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
