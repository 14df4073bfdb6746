//! Errors thrown to JavaScript: an `Error` with a stable `code`, a message that
//! says what was wrong and where, and for spec mistakes the full diagnostics.

use dangjian_core::SpecError;
use wasm_bindgen::JsValue;

/// Stable codes of thrown errors (`error.code` in JavaScript).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// An argument has the wrong JavaScript type or shape.
    BadArgument,
    /// A string that should be JSON is not.
    BadJson,
    /// The options object is wrong (unknown locale, bad date).
    BadOptions,
    /// `compile` was given an id that is no built-in form.
    UnknownForm,
    /// The spec has mistakes; `error.diagnostics` lists them.
    SpecInvalid,
    /// Something that should not happen; the message says what.
    Internal,
}

impl Code {
    /// The code as JavaScript sees it.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::BadArgument => "bad_argument",
            Code::BadJson => "bad_json",
            Code::BadOptions => "bad_options",
            Code::UnknownForm => "unknown_form",
            Code::SpecInvalid => "spec_invalid",
            Code::Internal => "internal",
        }
    }
}

/// A JavaScript `Error` with `name = "DangjianError"` and `code` set.
pub fn js_error(code: Code, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("DangjianError");
    set(&error, "code", &JsValue::from_str(code.as_str()));
    error.into()
}

/// The error thrown for a spec that does not compile: its message lists every
/// mistake (in English, with paths) and `diagnostics` holds them as objects.
pub fn spec_error(source: &str, error: &SpecError) -> JsValue {
    let mut message = format!("{source}: {error}");
    let warnings = error
        .diagnostics
        .len()
        .saturating_sub(error.errors().count());
    if warnings > 0 {
        message.push_str(&format!("\n  (and {warnings} warning(s) in `diagnostics`)"));
    }
    let thrown = js_error(Code::SpecInvalid, &message);
    let diagnostics = crate::convert::to_js(&error.diagnostics).unwrap_or(JsValue::NULL);
    set(&thrown, "diagnostics", &diagnostics);
    thrown
}

/// Sets a property on an object we just created; cannot fail for those.
fn set(target: &JsValue, key: &str, value: &JsValue) {
    // Reflect.set only fails on frozen or exotic objects, never on a fresh Error.
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}
