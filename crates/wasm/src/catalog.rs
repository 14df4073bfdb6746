//! The way in: the built-in forms, and compiling a spec into a [`Form`].

use crate::convert::{describe, stringify, to_js};
use crate::error::{js_error, spec_error, Code};
use crate::form::Form;
use dangjian_core::{Engine, Locale};
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
    id: String,
    version: String,
    title: Titles,
}

/// A title in both languages.
#[derive(Serialize)]
struct Titles {
    #[serde(rename = "zh-CN")]
    zh: String,
    en: String,
}

/// The built-in forms: `[{ id, version, title: { "zh-CN", en } }]`.
///
/// @returns {FormInfo[]}
#[wasm_bindgen]
pub fn forms() -> Result<JsValue, JsValue> {
    let engine = engine();
    let mut rows = Vec::new();
    for builtin in dangjian_standards::builtin_forms() {
        let form = engine
            .compile_str(builtin.spec)
            .map_err(|e| spec_error(builtin.id, &e))?;
        let spec = form.spec();
        rows.push(FormInfo {
            id: spec.id.clone(),
            version: spec.version.clone(),
            title: Titles {
                zh: spec.title.get(Locale::ZhCn).to_owned(),
                en: spec.title.get(Locale::En).to_owned(),
            },
        });
    }
    to_js(&rows)
}

/// Compiles a form: `specOrId` is a built-in form id (see `forms()`), a spec
/// object, or a spec as JSON text. Throws an `Error` with `code` — and, for a
/// spec with mistakes, `diagnostics` listing each with its JSON Pointer.
#[wasm_bindgen]
pub fn compile(#[wasm_bindgen(js_name = "specOrId")] spec_or_id: JsValue) -> Result<Form, JsValue> {
    let engine = engine();
    if let Some(text) = spec_or_id.as_string() {
        if let Some(result) = dangjian_standards::compile_builtin(&engine, &text) {
            return result.map(Form::new).map_err(|e| spec_error(&text, &e));
        }
        if text.trim_start().starts_with('{') {
            return engine
                .compile_str(&text)
                .map(Form::new)
                .map_err(|e| spec_error("spec", &e));
        }
        let ids: Vec<&str> = dangjian_standards::builtin_forms()
            .iter()
            .map(|f| f.id)
            .collect();
        return Err(js_error(
            Code::UnknownForm,
            &format!(
                "no built-in form “{text}” (built-in forms: {}); pass a spec object or JSON text to compile your own",
                if ids.is_empty() { "none".to_owned() } else { ids.join(", ") }
            ),
        ));
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
    engine
        .compile_str(&text)
        .map(Form::new)
        .map_err(|e| spec_error("spec", &e))
}
