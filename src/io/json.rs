//! JSON text to `serde_json::Value` through the browser's `JSON.parse`.
//!
//! The domain reads surveys and responses from a `Value`. Parsing the text
//! here, with the parser the browser already has, keeps serde_json's text
//! parser and its error messages out of the wasm (about 6 KB gzip).
//!
//! What differs from `serde_json::from_str`:
//! - Syntax error messages are the browser's (`JSON.parse`'s `SyntaxError`).
//! - An object's keys come in `Object.keys` order: the file's order, except
//!   that keys that look like array indices (`"0"`, `"42"`) come first, in
//!   ascending numeric order. No key in a survey or a response is one.
//! - A repeated key keeps its last value at its first position (as serde_json
//!   with `preserve_order` does).
//! - Numbers are JavaScript numbers (f64): an integral value within ±2^53
//!   becomes an integer `Number`, so `5.0` reads as `5`; any other value,
//!   `-0` and integers beyond 2^53 among them, becomes an f64 `Number` (an
//!   integer beyond 2^53 loses its exact digits).
//! - A lone surrogate escape (`"\ud800"`) becomes U+FFFD instead of an error.
//! - Arrays and objects nested more than [`MAX_DEPTH`] deep are refused, and
//!   so is a number too large for f64 (`1e400`), as serde_json refuses it.

use js_sys::{Array, Object};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// How deep arrays and objects may nest. A survey needs 6 levels.
pub const MAX_DEPTH: usize = 64;

/// The largest integer an f64 holds exactly, and every one below it: 2^53.
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

/// Parses JSON text. The error is the browser's message for text that is
/// not JSON, or says that the value is nested too deep.
pub fn parse(text: &str) -> Result<Value, String> {
    let js = js_sys::JSON::parse(text).map_err(|e| super::js_message(&e))?;
    to_value(&js, 0)
}

/// Converts what `JSON.parse` returns; `depth` is how many arrays and
/// objects enclose `v`.
fn to_value(v: &JsValue, depth: usize) -> Result<Value, String> {
    if let Some(s) = v.as_string() {
        return Ok(Value::String(s));
    }
    if let Some(n) = v.as_f64() {
        // JSON.parse reads a number too large for f64 (`1e400`) as infinity.
        return number(n)
            .map(Value::Number)
            .ok_or_else(|| "a number is out of range".to_owned());
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if v.is_null() {
        return Ok(Value::Null);
    }
    if depth >= MAX_DEPTH {
        return Err(format!(
            "arrays and objects are nested more than {MAX_DEPTH} deep"
        ));
    }
    if Array::is_array(v) {
        let items: &Array = v.unchecked_ref();
        return items
            .iter()
            .map(|item| to_value(&item, depth + 1))
            .collect::<Result<_, _>>()
            .map(Value::Array);
    }
    // JSON.parse makes nothing else but plain objects.
    let mut map = Map::new();
    for entry in Object::entries(v.unchecked_ref()).iter() {
        let entry: Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        map.insert(key, to_value(&entry.get(1), depth + 1)?);
    }
    Ok(Value::Object(map))
}

/// A JavaScript number as a JSON number: an integer when it is one and f64
/// holds it exactly, an f64 otherwise (`-0` stays an f64, as serde_json reads
/// it). `None` for infinity.
fn number(n: f64) -> Option<Number> {
    let minus_zero = n == 0.0 && n.is_sign_negative();
    if n.fract() == 0.0 && n.abs() <= MAX_EXACT && !minus_zero {
        Some(if n >= 0.0 {
            Number::from(n as u64)
        } else {
            Number::from(n as i64)
        })
    } else {
        Number::from_f64(n)
    }
}
