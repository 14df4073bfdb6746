//! Values across the boundary.
//!
//! In: a JavaScript value is read as JSON data through the runtime's own
//! `JSON.stringify` and `serde_json`. That gives JSON's semantics exactly —
//! `undefined` members are left out, `toJSON` is honoured (dates become
//! strings), a cycle or a bigint is refused — and the engine sees the very
//! value the CLI would read from the same JSON text. It is also the faster
//! way in: on meeting-minutes records of 1.4–3 KB, reading the value took
//! 61–193 µs against 236–475 µs through serde-wasm-bindgen's deserializer
//! (Node 20, 2 cores; `cargo xtask bench` measures the two public paths).
//!
//! Out: every result is written as JSON text by `dangjian_core::json_writer`
//! (the bytes of `serde_json::to_string`) and read by the runtime's
//! `JSON.parse`, so `JSON.stringify(report)` prints exactly what
//! `serde_json::to_string(&report)` prints. That is faster than building the
//! object member by member for large reports, and it keeps a second
//! serializer (serde-wasm-bindgen, ~20 KB of the module) out of the download.
//! An integer beyond 2^53 echoed from a record becomes the nearest JavaScript
//! number, as `JSON.parse` makes it; `validateJson` keeps it exact.

use crate::error::{js_error, Code};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};

/// A Rust value as a plain JavaScript value (objects, arrays, numbers…),
/// through JSON text and `JSON.parse`.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    to_js_via_json(value)
}

/// A Rust value as JSON text, compact, exactly as the CLI writes it.
///
/// The browser modules write it with `dangjian_core::json_writer` (serde_json's bytes
/// without its writer's code); the Node module, built speed first with the feature
/// `serde-json-writer`, with serde_json's own writer, which its opt-level inlines into
/// each report type. The golden vectors compare both with the CLI's output.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, JsValue> {
    #[cfg(feature = "serde-json-writer")]
    let written = serde_json::to_string(value);
    #[cfg(not(feature = "serde-json-writer"))]
    let written = dangjian_core::json_writer::to_string(value);
    written.map_err(|e| {
        js_error(
            Code::Internal,
            &format!("cannot write the result as JSON: {e}"),
        )
    })
}

/// What kind of JavaScript value this is, for error messages: "undefined", "a number", …
pub fn describe(value: &JsValue) -> String {
    let kind = if value.is_undefined() {
        "undefined"
    } else if value.is_null() {
        "null"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.is_string() {
        "a string"
    } else if value.is_bigint() {
        "a bigint"
    } else if value.is_symbol() {
        "a symbol"
    } else if value.is_function() {
        "a function"
    } else if js_sys::Array::is_array(value) {
        "an array"
    } else {
        "an object"
    };
    kind.to_owned()
}

/// A JavaScript value as JSON text through the runtime's `JSON.stringify`;
/// `what` names it in errors. Refused like [`from_js`] refuses.
pub fn stringify(value: &JsValue, what: &str) -> Result<String, JsValue> {
    if value.is_undefined() || value.is_function() || value.is_symbol() || value.is_bigint() {
        return Err(js_error(
            Code::BadArgument,
            &format!(
                "{what} must be JSON data (an object, array, string, number, boolean or null), got {}",
                describe(value)
            ),
        ));
    }
    js_sys::JSON::stringify(value)
        .map_err(|e| {
            js_error(
                Code::BadArgument,
                &format!("{what} cannot be read as JSON data: {}", message_of(&e)),
            )
        })?
        .as_string()
        .ok_or_else(|| {
            js_error(
                Code::BadArgument,
                &format!(
                    "{what} cannot be read as JSON data: JSON.stringify gives nothing for {}",
                    describe(value)
                ),
            )
        })
}

/// A Rust value handed to JavaScript as JSON text read back by `JSON.parse`:
/// for large values (reports with every item) this is faster than building
/// the object member by member, and gives the same object.
pub fn to_js_via_json<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&to_json(value)?).map_err(|e| {
        js_error(
            Code::Internal,
            &format!("cannot hand the result to JavaScript: {}", message_of(&e)),
        )
    })
}

/// A JavaScript value read as JSON data; `what` names it in errors.
///
/// Refused with a thrown `Error` (code `bad_argument`): `undefined`,
/// functions, symbols and bigints, cycles, and nesting deeper than 128 levels
/// (the limit of `serde_json`, so the CLI refuses the same records).
pub fn from_js(value: &JsValue, what: &str) -> Result<Value, JsValue> {
    let refuse = |reason: String| {
        js_error(
            Code::BadArgument,
            &format!("{what} cannot be read as JSON data: {reason}"),
        )
    };
    if value.is_undefined() || value.is_function() || value.is_symbol() || value.is_bigint() {
        return Err(js_error(
            Code::BadArgument,
            &format!(
                "{what} must be JSON data (an object, array, string, number, boolean or null), got {}",
                describe(value)
            ),
        ));
    }
    let text = js_sys::JSON::stringify(value)
        .map_err(|e| refuse(message_of(&e)))?
        .as_string()
        .ok_or_else(|| {
            refuse(format!(
                "JSON.stringify gives nothing for {}",
                describe(value)
            ))
        })?;
    dangjian_core::json_text::from_str(&text).map_err(|e| {
        if e.message == "recursion limit exceeded" {
            refuse("it is nested more than 128 levels deep".to_owned())
        } else {
            refuse(e.to_string())
        }
    })
}

/// The message of a thrown JavaScript value.
fn message_of(thrown: &JsValue) -> String {
    thrown
        .dyn_ref::<js_sys::Error>()
        .and_then(|e| e.message().as_string())
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| "an exception".to_owned())
}
