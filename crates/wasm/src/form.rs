//! A compiled form as a JavaScript class: validate records, one or many, as
//! objects or as JSON text.
//!
//! Every record is read into the form's [`Workspace`], so its memory is freed
//! when the next record starts: a form validates any number of records in the
//! same memory. Records beyond the budgets of `options.limits` are refused
//! before they are copied or parsed.

use crate::convert::{describe, from_js, stringify, to_js, to_js_via_json, to_json};
use crate::error::{exceeded, js_error, too_large, Code};
use crate::options::validate_options;
use dangjian_core::{JsonError, Report, ValidateOptions, Workspace};
use std::cell::RefCell;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

/// A compiled form. Create it with `compile(specOrId)`; it is immutable and can
/// validate any number of records. Call `free()` when done with it in a
/// long-running page, or let the garbage collector do it.
#[wasm_bindgen]
pub struct Form {
    inner: dangjian_core::Form,
    workspace: RefCell<Workspace>,
}

impl Form {
    /// Wraps a compiled form.
    pub fn new(inner: dangjian_core::Form) -> Form {
        Form {
            inner,
            workspace: RefCell::new(Workspace::new()),
        }
    }

    /// The compiled form inside (for the UI crate, which renders it).
    pub fn into_inner(self) -> dangjian_core::Form {
        self.inner
    }

    /// Validates one record's JSON text in this form's workspace.
    fn run(&self, text: &str, options: &ValidateOptions) -> Result<Report, JsonError> {
        match self.workspace.try_borrow_mut() {
            Ok(mut workspace) => self.inner.validate_json_in(&mut workspace, text, options),
            // Only reachable from a call made while another is running: fresh memory.
            Err(_) => self
                .inner
                .validate_json_in(&mut Workspace::new(), text, options),
        }
    }

    /// Validates one record given as a JavaScript value.
    fn record(&self, data: &JsValue, options: &ValidateOptions) -> Result<Report, JsValue> {
        let text = stringify(data, "the record")?;
        self.run(&text, options)
            .map_err(|e| unreadable("the record", &e))
    }
}

/// A record refused for its size, or for want of memory: `None` for bad JSON.
fn refused(what: &str, e: &JsonError) -> Option<JsValue> {
    if let Some(limit) = &e.exceeded {
        return Some(exceeded(what, limit));
    }
    e.out_of_memory.then(|| {
        js_error(
            Code::OutOfMemory,
            &format!("{what} could not be read: the engine ran out of memory"),
        )
    })
}

/// JSON text given by JavaScript that does not parse (or is refused).
fn bad_json(what: &str, e: &JsonError) -> JsValue {
    if let Some(error) = refused(what, e) {
        return error;
    }
    js_error(
        Code::BadJson,
        &format!(
            "{what} is not valid JSON (line {}, column {}): {}",
            e.line, e.column, e.detail
        ),
    )
}

/// A JavaScript value whose JSON the engine refuses (nested too deep, beyond a budget).
fn unreadable(what: &str, e: &JsonError) -> JsValue {
    if let Some(error) = refused(what, e) {
        return error;
    }
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
    /// CLI's. `options`: `{ locale?: "zh-CN" | "en", today?: "YYYY-MM-DD" | null,
    /// detail?, states?, limits? }`.
    pub fn validate(&self, data: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let options = validate_options(&options)?;
        let report = self.record(&data, &options)?;
        to_js_via_json(&report)
    }

    /// Like `validate`, from JSON text to JSON text: the report's bytes are
    /// exactly those of `dangjian validate` (compact). Text longer than
    /// `limits.maxRecordBytes` is refused before it is copied into the module.
    #[wasm_bindgen(js_name = "validateJson")]
    pub fn validate_json(&self, json: JsValue, options: JsValue) -> Result<String, JsValue> {
        let options = validate_options(&options)?;
        let Some(string) = json.dyn_ref::<js_sys::JsString>() else {
            return Err(js_error(
                Code::BadArgument,
                &format!(
                    "validateJson expects the record as JSON text, got {}",
                    describe(&json)
                ),
            ));
        };
        // Every UTF-16 unit takes at least one byte of UTF-8.
        let units = string.length() as usize;
        let max = options.limits.max_record_bytes;
        if units > max {
            return Err(too_large("the record", "max_record_bytes", max, units));
        }
        let text = String::from(string);
        let report = self
            .run(&text, &options)
            .map_err(|e| bad_json("the record", &e))?;
        to_json(&report)
    }

    /// Validates an array of records; returns an array of reports in the same
    /// order. Each record is read, checked and freed before the next one, so
    /// memory stays flat however many there are.
    #[wasm_bindgen(js_name = "validateMany")]
    pub fn validate_many(&self, records: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let options = validate_options(&options)?;
        let Some(list) = records.dyn_ref::<js_sys::Array>() else {
            return Err(js_error(
                Code::BadArgument,
                &format!(
                    "validateMany expects an array of records, got {}",
                    describe(&records)
                ),
            ));
        };
        let out = js_sys::Array::new();
        for (index, record) in list.iter().enumerate() {
            let report = self
                .record(&record, &options)
                .map_err(|e| crate::error::at_index(e, index))?;
            out.push(&to_js_via_json(&report)?);
        }
        Ok(out.into())
    }

    /// This form with some settings changed (`{ name: value }`), as a county
    /// changes a threshold; the form itself is unchanged. Unknown names, values
    /// of another type, outside the setting's range (`setting.out_of_range`) or
    /// not among its options (`setting.not_an_option`) throw `spec_invalid`
    /// with their diagnostics.
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

    /// Every setting as a row `{ name, value, default, type, title, help, unit,
    /// min, max, options, group, source }` (texts in `options.locale`), in a
    /// `{ form, version, settings }` list: what `dangjian settings` prints.
    /// `options.current` (`{ name: value }`, e.g. `form.withSettings(…).settings()`)
    /// gives the values shown as `value`; the defaults are this form's.
    #[wasm_bindgen(js_name = "describeSettings")]
    pub fn describe_settings(&self, options: JsValue) -> Result<JsValue, JsValue> {
        let object = crate::options::Options::read(&options)?;
        let locale = object.locale()?;
        let current = object.get("current");
        let current = if current.is_undefined() || current.is_null() {
            None
        } else {
            Some(from_js(&current, "options.current")?)
        };
        to_js(&self.inner.describe_settings(current.as_ref(), locale))
    }

    /// Warnings the compiler found in the spec (errors would have been thrown).
    pub fn warnings(&self) -> Result<JsValue, JsValue> {
        to_js(self.inner.warnings())
    }
}
