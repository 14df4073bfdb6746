//! Errors thrown to JavaScript: an `Error` with a stable `code`, a message that
//! says what was wrong and where, and for spec mistakes the full diagnostics.

use dangjian_core::SpecError;
use wasm_bindgen::{JsCast, JsValue};

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
    /// An input is beyond a budget (`error.limit` names it, `error.max` its
    /// value); refused before the work it would cost.
    TooLarge,
    /// The module could not get the memory an input needs.
    OutOfMemory,
    /// A built-in form whose spec has not been fetched yet (browser builds).
    FormNotLoaded,
    /// A built-in spec could not be fetched, or what came is not that spec.
    FormUnavailable,
    /// `evaluateRule` was given an expression that is not JSONLogic this
    /// engine knows (an unknown operator, nesting beyond 64 levels).
    InvalidRule,
    /// A domain operator refused its arguments in `evaluateRule`.
    RuleFailed,
    /// `evaluateRule` ran out of its budget (`error.limit`, `error.max`).
    RuleBudget,
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
            Code::TooLarge => "too_large",
            Code::OutOfMemory => "out_of_memory",
            Code::FormNotLoaded => "form_not_loaded",
            Code::FormUnavailable => "form_unavailable",
            Code::InvalidRule => "invalid_rule",
            Code::RuleFailed => "rule_failed",
            Code::RuleBudget => "rule_budget",
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

/// The error for an input beyond a budget: `what` names the input, and the
/// thrown error carries `limit` (the limit's name) and `max` (its value).
pub fn too_large(what: &str, limit: &str, max: usize, found: usize) -> JsValue {
    let thrown = js_error(
        Code::TooLarge,
        &format!("{what} is too large: {found} where at most {max} are allowed ({limit})"),
    );
    set(&thrown, "limit", &JsValue::from_str(limit));
    #[allow(clippy::cast_precision_loss)]
    set(&thrown, "max", &JsValue::from_f64(max as f64));
    thrown
}

/// The error of `evaluateRule`, with `limit` and `max` when a budget ran out.
pub fn rule_error(e: &dangjian_core::RuleError) -> JsValue {
    let code = match e {
        dangjian_core::RuleError::Invalid(_) => Code::InvalidRule,
        dangjian_core::RuleError::Failed(_) => Code::RuleFailed,
        dangjian_core::RuleError::Budget(_) => Code::RuleBudget,
    };
    let thrown = js_error(code, &clip_long(&e.to_string()));
    if let dangjian_core::RuleError::Budget(x) = e {
        set(&thrown, "limit", &JsValue::from_str(x.limit));
        #[allow(clippy::cast_precision_loss)]
        set(&thrown, "max", &JsValue::from_f64(x.max as f64));
    }
    thrown
}

/// A message cut to 1,000 characters.
fn clip_long(text: &str) -> String {
    match text.char_indices().nth(1_000) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or_default()),
        None => text.to_owned(),
    }
}

/// The error for a record refused for its size before it was read.
pub fn exceeded(what: &str, e: &dangjian_core::Exceeded) -> JsValue {
    too_large(what, e.limit, e.max, e.found)
}

/// `error` (thrown while reading the record at `index` of a list) with the
/// index in its message and as `error.index`.
pub fn at_index(error: JsValue, index: usize) -> JsValue {
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        let message = e.message().as_string().unwrap_or_default();
        e.set_message(&format!("record {index}: {message}"));
        #[allow(clippy::cast_precision_loss)]
        set(&error, "index", &JsValue::from_f64(index as f64));
    }
    error
}

/// `text` as shown in a message: at most 80 characters, then `…`, so an
/// error never echoes a huge input.
pub fn clip(text: &str) -> String {
    const SHOWN: usize = 80;
    match text.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or_default()),
        None => text.to_owned(),
    }
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
