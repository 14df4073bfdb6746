//! Values across the boundary: JavaScript values in, JSON for the engine; Rust
//! values out, plain JavaScript objects that `JSON.stringify` prints exactly as
//! `serde_json` does.

use crate::error::{js_error, Code};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Serialize;
use serde_json::{Map, Value};
use std::fmt;
use wasm_bindgen::{JsCast, JsValue};

/// Deepest nesting accepted, the same limit `serde_json` (and so the CLI) applies.
pub const MAX_DEPTH: usize = 128;

/// A Rust value as a plain JavaScript value: maps become objects, and every
/// number is a JS number (the engine's numbers all fit).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(|e| {
        js_error(
            Code::Internal,
            &format!("cannot hand the result to JavaScript: {e}"),
        )
    })
}

/// A Rust value as JSON text, compact, exactly as the CLI writes it.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> Result<String, JsValue> {
    serde_json::to_string(value).map_err(|e| {
        js_error(
            Code::Internal,
            &format!("cannot write the result as JSON: {e}"),
        )
    })
}

/// Parses JSON text given by JavaScript; `what` names it in the error.
pub fn parse_json(text: &str, what: &str) -> Result<Value, JsValue> {
    serde_json::from_str(text).map_err(|e| {
        js_error(
            Code::BadJson,
            &format!(
                "{what} is not valid JSON (line {}, column {}): {e}",
                e.line(),
                e.column()
            ),
        )
    })
}

/// What kind of JavaScript value this is, for error messages: "undefined", "a number", …
pub fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "undefined".to_owned()
    } else if value.is_null() {
        "null".to_owned()
    } else if value.as_bool().is_some() {
        "a boolean".to_owned()
    } else if value.as_f64().is_some() {
        "a number".to_owned()
    } else if value.is_string() {
        "a string".to_owned()
    } else if value.is_bigint() {
        "a bigint".to_owned()
    } else if value.is_symbol() {
        "a symbol".to_owned()
    } else if value.is_function() {
        "a function".to_owned()
    } else if js_sys::Array::is_array(value) {
        "an array".to_owned()
    } else {
        "an object".to_owned()
    }
}

/// A JavaScript value read as JSON data, with `JSON.stringify` semantics.
///
/// Values JSON cannot hold are refused with a thrown `Error` naming `what`:
/// `undefined`, functions, symbols and bigints at the top, and anywhere a cycle
/// or nesting deeper than [`MAX_DEPTH`]. Nothing here can trap.
pub fn from_js(value: &JsValue, what: &str) -> Result<Value, JsValue> {
    if value.is_undefined() || value.is_function() || value.is_symbol() || value.is_bigint() {
        return Err(js_error(
            Code::BadArgument,
            &format!("{what} must be JSON data (an object, array, string, number, boolean or null), got {}", describe(value)),
        ));
    }
    from_js_serde(value, what)
}

/// [`from_js`] through serde-wasm-bindgen, with a depth limit that also stops cycles.
pub fn from_js_serde(value: &JsValue, what: &str) -> Result<Value, JsValue> {
    let deserializer = serde_wasm_bindgen::Deserializer::from(value.clone());
    Bounded { depth: 0 }.deserialize(deserializer).map_err(|e| {
        js_error(
            Code::BadArgument,
            &format!("{what} cannot be read as JSON data: {e}"),
        )
    })
}

/// [`from_js`] through the runtime's `JSON.stringify` and `serde_json`.
pub fn from_js_text(value: &JsValue, what: &str) -> Result<Value, JsValue> {
    let text = match js_sys::JSON::stringify(value) {
        Ok(text) => text.as_string(),
        Err(e) => {
            let reason = e
                .dyn_ref::<js_sys::Error>()
                .and_then(|e| e.message().as_string())
                .unwrap_or_else(|| "JSON.stringify failed".to_owned());
            return Err(js_error(
                Code::BadArgument,
                &format!("{what} cannot be read as JSON data: {reason}"),
            ));
        }
    };
    match text {
        Some(text) => serde_json::from_str(&text).map_err(|e| {
            js_error(
                Code::BadArgument,
                &format!("{what} cannot be read as JSON data: {e}"),
            )
        }),
        None => Err(js_error(
            Code::BadArgument,
            &format!("{what} must be JSON data, got {}", describe(value)),
        )),
    }
}

/// Builds a [`Value`], refusing nesting deeper than [`MAX_DEPTH`] (which is
/// also how a cycle shows up: it never ends).
struct Bounded {
    depth: usize,
}

impl Bounded {
    fn deeper<E: serde::de::Error>(&self) -> Result<Bounded, E> {
        if self.depth >= MAX_DEPTH {
            Err(E::custom(format!(
                "it is nested more than {MAX_DEPTH} levels deep (does an object contain itself?)"
            )))
        } else {
            Ok(Bounded {
                depth: self.depth + 1,
            })
        }
    }
}

impl<'de> DeserializeSeed<'de> for Bounded {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Bounded {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON data")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(number(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let inner = self.deeper()?;
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(Bounded { depth: inner.depth })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let inner = self.deeper()?;
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(Bounded { depth: inner.depth })?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// A JS number as JSON, the way `serde_json` would read `JSON.stringify`'s text
/// of it: integral values below 1e21 as integers when they fit, NaN and
/// infinities as `null`.
fn number(v: f64) -> Value {
    if !v.is_finite() {
        return Value::Null;
    }
    if v.fract() == 0.0 && v.abs() < 1e21 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        if v >= 0.0 && v < 18_446_744_073_709_551_616.0 {
            return Value::from(v as u64);
        } else if v < 0.0 && v >= -9_223_372_036_854_775_808.0 {
            return Value::from(v as i64);
        }
    }
    serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
}
