//! A compiled form as a JavaScript class: validate records, one or many, as
//! objects or as JSON text.

use crate::convert::{describe, from_js, stringify, to_js, to_js_via_json, to_json};
use crate::error::{js_error, Code};
use crate::options::validate_options;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// A compiled form. Create it with `compile(specOrId)`; it is immutable and can
/// validate any number of records. Call `free()` when done with it in a
/// long-running page, or let the garbage collector do it.
#[wasm_bindgen]
pub struct Form {
    inner: dangjian_core::Form,
}

impl Form {
    /// Wraps a compiled form.
    pub fn new(inner: dangjian_core::Form) -> Form {
        Form { inner }
    }
}

/// JSON text given by JavaScript that does not parse.
fn bad_json(what: &str, e: &dangjian_core::JsonError) -> JsValue {
    js_error(
        Code::BadJson,
        &format!(
            "{what} is not valid JSON (line {}, column {}): {}",
            e.line, e.column, e.detail
        ),
    )
}

/// A JavaScript value whose JSON the engine refuses (nested too deep).
fn unreadable(what: &str, e: &dangjian_core::JsonError) -> JsValue {
    js_error(
        Code::BadArgument,
        &format!("{what} cannot be read as JSON data: {}", e.detail),
    )
}

#[wasm_bindgen]
impl Form {
    /// The form's id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.spec().id.clone()
    }

    /// The form's version.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.inner.spec().version.clone()
    }

    /// Validates (and scores) one record; returns the report, the same as the
    /// CLI's. `options`: `{ locale?: "zh-CN" | "en", today?: "YYYY-MM-DD" | null }`.
    pub fn validate(&self, data: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let options = validate_options(&options)?;
        let text = stringify(&data, "the record")?;
        let report = self
            .inner
            .validate_json(&text, &options)
            .map_err(|e| unreadable("the record", &e))?;
        to_js_via_json(&report)
    }

    /// Like `validate`, from JSON text to JSON text: the report's bytes are
    /// exactly those of `dangjian validate` (compact).
    #[wasm_bindgen(js_name = "validateJson")]
    pub fn validate_json(&self, json: JsValue, options: JsValue) -> Result<String, JsValue> {
        let options = validate_options(&options)?;
        let text = json.as_string().ok_or_else(|| {
            js_error(
                Code::BadArgument,
                &format!(
                    "validateJson expects the record as JSON text, got {}",
                    describe(&json)
                ),
            )
        })?;
        let report = self
            .inner
            .validate_json(&text, &options)
            .map_err(|e| bad_json("the record", &e))?;
        to_json(&report)
    }

    /// Validates an array of records; returns an array of reports in the same order.
    #[wasm_bindgen(js_name = "validateMany")]
    pub fn validate_many(&self, records: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let options = validate_options(&options)?;
        if !js_sys::Array::is_array(&records) {
            return Err(js_error(
                Code::BadArgument,
                &format!(
                    "validateMany expects an array of records, got {}",
                    describe(&records)
                ),
            ));
        }
        let text = stringify(&records, "the records")?;
        let reports = self
            .inner
            .validate_all_json(&text, &options)
            .map_err(|e| unreadable("the records", &e))?;
        to_js_via_json(&reports)
    }

    /// This form with some settings changed (`{ name: value }`), as a county
    /// changes a threshold; the form itself is unchanged. Unknown names and
    /// values of another type throw `spec_invalid` with their diagnostics.
    #[wasm_bindgen(js_name = "withSettings")]
    pub fn with_settings(&self, overrides: JsValue) -> Result<Form, JsValue> {
        if !overrides.is_object() || js_sys::Array::is_array(&overrides) {
            return Err(js_error(
                Code::BadArgument,
                &format!(
                    "withSettings expects an object {{ name: value }}, got {}",
                    describe(&overrides)
                ),
            ));
        }
        match from_js(&overrides, "the settings")? {
            serde_json::Value::Object(map) => self
                .inner
                .with_settings(&map)
                .map(Form::new)
                .map_err(|e| crate::error::spec_error("settings", &e)),
            _ => Err(js_error(
                Code::BadArgument,
                "withSettings expects an object",
            )),
        }
    }

    /// An empty record: every section and group present, defaults filled in.
    #[wasm_bindgen(js_name = "emptyData")]
    pub fn empty_data(&self) -> Result<JsValue, JsValue> {
        to_js(&self.inner.empty_data())
    }

    /// The spec the form was compiled from.
    pub fn spec(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.spec())
    }

    /// The current value of every setting, as `{ name: value }`.
    pub fn settings(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.settings())
    }

    /// Warnings the compiler found in the spec (errors would have been thrown).
    pub fn warnings(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.warnings())
    }
}
