//! The way in: the built-in forms, and compiling a spec into a [`Form`].
//!
//! The module browsers download carries the catalogue (ids, versions, titles)
//! but not the built-in specs: the package's JavaScript fetches
//! `forms/<id>.json` when a page needs one and hands its text to
//! [`provide_form`]. The Node module embeds them (feature `embedded-forms`).

use crate::convert::{describe, stringify, to_js};
use crate::error::{js_error, spec_error, too_large, Code};
use crate::form::Form;
use dangjian_core::Engine;
use dangjian_standards::catalog::{self, ProvideError};
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

thread_local! {
    /// One engine per module instance, with every domain extension installed.
    static ENGINE: Engine = dangjian_standards::engine();
}

/// The engine (cheap to clone).
pub fn engine() -> Engine {
    ENGINE.with(Engine::clone)
}

/// One row of `forms()`.
#[derive(Serialize)]
struct FormInfo {
    id: &'static str,
    version: &'static str,
    title: Titles,
}

/// A title in both languages.
#[derive(Serialize)]
struct Titles {
    #[serde(rename = "zh-CN")]
    zh: &'static str,
    en: &'static str,
}

/// The built-in forms: `[{ id, version, title: { "zh-CN", en } }]`.
///
/// @returns {FormInfo[]}
#[wasm_bindgen]
pub fn forms() -> Result<JsValue, JsValue> {
    let rows: Vec<FormInfo> = catalog::catalogue()
        .iter()
        .map(|f| FormInfo {
            id: f.id,
            version: f.version,
            title: Titles {
                zh: f.title_zh,
                en: f.title_en,
            },
        })
        .collect();
    to_js(&rows)
}

/// True when `compile(id)` finds the spec of the built-in form `id` in this
/// module: embedded, or handed over by `provideForm`.
#[wasm_bindgen(js_name = "hasForm")]
pub fn has_form(id: JsValue) -> bool {
    id.as_string()
        .is_some_and(|id| catalog::builtin(&id).is_some())
}

/// Hands the spec text of the built-in form `id` to this module (the
/// package's loader calls it with the text of `forms/<id>.json`). Throws
/// `unknown_form` for an id that is no built-in form and `form_unavailable`
/// when the text is not that form's spec (a server's error page, say).
#[wasm_bindgen(js_name = "provideForm")]
pub fn provide_form(id: JsValue, text: JsValue) -> Result<(), JsValue> {
    let (Some(id), Some(text)) = (id.as_string(), text.as_string()) else {
        return Err(js_error(
            Code::BadArgument,
            "provideForm expects a form id and the spec's JSON text (two strings)",
        ));
    };
    let limit = engine().spec_limits().max_spec_bytes;
    if text.len() > limit {
        return Err(too_large("the spec", "max_spec_bytes", limit, text.len()));
    }
    catalog::provide(&id, &text).map_err(|e| match e {
        ProvideError::UnknownForm => unknown_form(&id),
        ProvideError::NotTheSpec(why) => js_error(
            Code::FormUnavailable,
            &format!("the text given for the built-in form “{id}” {why}"),
        ),
    })
}

/// The error for a string that is neither a built-in id nor JSON text.
fn unknown_form(text: &str) -> JsValue {
    let ids: Vec<&str> = catalog::catalogue().iter().map(|f| f.id).collect();
    js_error(
        Code::UnknownForm,
        &format!(
            "no built-in form “{}” (built-in forms: {}); pass a spec object or JSON text to compile your own",
            crate::error::clip(text),
            ids.join(", ")
        ),
    )
}

/// The error for a built-in form whose spec this module does not have yet.
pub fn not_loaded(id: &str) -> JsValue {
    js_error(
        Code::FormNotLoaded,
        &format!(
            "the built-in form “{id}” is not loaded: in a browser the package fetches built-in specs on demand, so call `await loadForm(\"{id}\")` (or `await compileAsync(\"{id}\")`) first"
        ),
    )
}

/// Compiles a form: `specOrId` is a built-in form id (see `forms()`), a spec
/// object, or a spec as JSON text. Throws an `Error` with `code` — and, for a
/// spec with mistakes, `diagnostics` listing each with its JSON Pointer.
#[wasm_bindgen]
pub fn compile(#[wasm_bindgen(js_name = "specOrId")] spec_or_id: JsValue) -> Result<Form, JsValue> {
    let engine = engine();
    if let Some(text) = spec_or_id.as_string() {
        if let Some(info) = catalog::info(&text) {
            return match catalog::compile_builtin(&engine, info.id) {
                Some(result) => result.map(Form::new).map_err(|e| spec_error(info.id, &e)),
                None => Err(not_loaded(info.id)),
            };
        }
        if text.trim_start().starts_with('{') {
            return compile_text(&engine, &text);
        }
        return Err(unknown_form(&text));
    }
    if !spec_or_id.is_object() || js_sys::Array::is_array(&spec_or_id) || spec_or_id.is_null() {
        return Err(js_error(
            Code::BadArgument,
            &format!(
                "compile expects a built-in form id (string) or a spec object, got {}",
                describe(&spec_or_id)
            ),
        ));
    }
    // As JSON text, the spec reads straight into its types.
    let text = stringify(&spec_or_id, "the spec")?;
    compile_text(&engine, &text)
}

/// Compiles a spec given as JSON text (beyond `max_spec_bytes` it is refused
/// unread, with the diagnostic `spec.too_large`).
fn compile_text(engine: &Engine, text: &str) -> Result<Form, JsValue> {
    engine
        .compile_str(text)
        .map(Form::new)
        .map_err(|e| spec_error("spec", &e))
}
