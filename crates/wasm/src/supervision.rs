//! `supervise`: many branches' records summed up as of a date. Built only with
//! the feature `supervision` (the Node module and the browser's
//! `dangjian-forms/supervision` entry), so the headless and full browser
//! modules do not carry it.

use crate::convert::{from_js, to_js_via_json};
use crate::domain::needs_form;
use crate::error::{js_error, Code};
use crate::options::{is_date, Options};
use dangjian_standards::supervision::{self, SupervisionOptions};
use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// Many branches' records (bare, or `{ form?, source?, data }`) summed up as
/// of a date: each branch's figures, the ranking, who needs attention and why,
/// overdue rectification items, distributions and the totals of each month and
/// quarter. `options`: `{ as_of, today?, year? | from?, to?, locale?,
/// attention?, form_settings?, requirements?, minutes_check? }`. The specs of
/// every supervised form must be in the module (`form_not_loaded` names the
/// first that is not). Only in modules built with the `supervision` feature.
#[wasm_bindgen(js_name = "supervise")]
pub fn supervise(records: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let list = crate::domain::records(&records, "supervise", "records")?;
    let Some(object) = Options::read(&options)?.value() else {
        return Err(js_error(
            Code::BadOptions,
            "supervise needs options with the as-of date, like { as_of: \"2026-10-31\" }",
        ));
    };
    let json = from_js(object, "the options")?;
    match json.get("as_of").and_then(Value::as_str) {
        Some(d) if is_date(d) => {}
        other => {
            return Err(js_error(
                Code::BadOptions,
                &format!(
                    "supervise: options.as_of must be a date \"YYYY-MM-DD\", got {}",
                    other.map_or_else(|| "nothing".to_owned(), |d| format!("“{d}”"))
                ),
            ))
        }
    }
    let options: SupervisionOptions = serde_json::from_value(json).map_err(|e| {
        js_error(
            Code::BadOptions,
            &format!("supervise: the options are not understood: {e}"),
        )
    })?;
    for id in supervision::forms() {
        needs_form(id)?;
    }
    to_js_via_json(&supervision::supervise(&list, &options))
}
