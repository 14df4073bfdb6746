//! A compiled form as a JavaScript class: validate records, one or many, as
//! objects or as JSON text.

use crate::convert::{describe, from_js, parse_json, to_js, to_json};
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

    /// The compiled form inside (for the UI crate, which renders it).
    pub fn into_inner(self) -> dangjian_core::Form {
        self.inner
    }
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
        let data = from_js(&data, "the record")?;
        to_js(&self.inner.validate(&data, &options))
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
        let data = parse_json(&text, "the record")?;
        to_json(&self.inner.validate(&data, &options))
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
        let records = from_js(&records, "the records")?;
        let reports: Vec<_> = match &records {
            serde_json::Value::Array(list) => list
                .iter()
                .map(|r| self.inner.validate(r, &options))
                .collect(),
            _ => Vec::new(),
        };
        to_js(&reports)
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
