//! Domain checks that are not forms: citizen ID numbers, the annual meeting
//! calendar of a branch, the joint review of a candidate slate, and the
//! supervision of many branches' records.

use crate::convert::{describe, from_js, to_js, to_js_via_json};
use crate::error::{js_error, Code};
use crate::options::{is_date, Options};
use dangjian_standards::ident::citizen_id::{self, DescribeOptions};
use dangjian_standards::meetings::{compliance, ComplianceOptions, MinutesCheck};
use dangjian_standards::review::{slate, SlateOptions};
use dangjian_standards::supervision::{self, SupervisionOptions};
use serde::de::DeserializeOwned;
use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// What a citizen ID number (GB 11643) says: `{ valid, number (masked unless
/// revealed), birth_date, gender, province, legacy_upgraded, problems }`.
/// `options`: `{ locale?, today?, reveal?: boolean }`.
#[wasm_bindgen(js_name = "idNumber")]
pub fn id_number(number: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let text = number.as_string().ok_or_else(|| {
        js_error(
            Code::BadArgument,
            &format!(
                "idNumber expects the number as a string, got {}",
                describe(&number)
            ),
        )
    })?;
    let options = Options::read(&options)?;
    let today = options
        .today()?
        .as_deref()
        .and_then(citizen_id::parse_iso_date);
    let described = citizen_id::describe(
        &text,
        &DescribeOptions {
            today,
            locale: options.locale()?,
            reveal: options.flag("reveal")?,
        },
    );
    to_js(&described)
}

/// The annual compliance calendar of one branch's meeting minutes: what was
/// held in each month, quarter and year, and what is missing. `options`:
/// `{ year } | { from, to }`, with `today?`, `locale?` and `requirements?`.
#[wasm_bindgen(js_name = "annualCompliance")]
pub fn annual_compliance(minutes: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let minutes = records(&minutes, "annualCompliance", "meeting-minutes records")?;
    let options: ComplianceOptions = typed_options(&options, "annualCompliance")?;
    if options.minutes_check != MinutesCheck::Off {
        needs_form(dangjian_standards::meetings::MINUTES_FORM_ID)?;
    }
    to_js(&compliance(&minutes, &options))
}

/// The checks of a slate of candidates as a whole: committee sizes, women,
/// young members, education, ages, relatives, verdicts of the joint review.
/// `options`: `{ today?, locale?, … }` (every threshold has a default).
#[wasm_bindgen(js_name = "reviewSlate")]
pub fn review_slate(candidates: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let candidates = records(&candidates, "reviewSlate", "candidate-review records")?;
    let options: SlateOptions = typed_options(&options, "reviewSlate")?;
    needs_form(dangjian_standards::review::FORM_ID)?;
    to_js(&slate(&candidates, &options))
}

/// Many branches' records (bare, or `{ form?, source?, data }`) summed up as
/// of a date: each branch's figures, the ranking, who needs attention and why,
/// overdue rectification items, distributions and the totals of each month and
/// quarter. `options`: `{ as_of, today?, year? | from?, to?, locale?,
/// attention?, form_settings?, requirements?, minutes_check? }`. The specs of
/// every supervised form must be in the module (`form_not_loaded` names the
/// first that is not).
#[wasm_bindgen(js_name = "supervise")]
pub fn supervise(records: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let list = self::records(&records, "supervise", "records")?;
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

/// Fails with `form_not_loaded` unless the spec of the built-in form `id`
/// (whose settings and checks the function uses) is in this module.
fn needs_form(id: &str) -> Result<(), JsValue> {
    match dangjian_standards::catalog::builtin(id) {
        Some(_) => Ok(()),
        None => Err(crate::catalog::not_loaded(id)),
    }
}

/// An array of records as JSON values.
fn records(value: &JsValue, function: &str, what: &str) -> Result<Vec<Value>, JsValue> {
    if !js_sys::Array::is_array(value) {
        return Err(js_error(
            Code::BadArgument,
            &format!(
                "{function} expects an array of {what}, got {}",
                describe(value)
            ),
        ));
    }
    match from_js(value, what)? {
        Value::Array(list) => Ok(list),
        _ => Ok(Vec::new()),
    }
}

/// An options object read into the Rust options type (defaults for what is absent).
fn typed_options<T: DeserializeOwned + Default>(
    value: &JsValue,
    function: &str,
) -> Result<T, JsValue> {
    let Some(object) = Options::read(value)?.value() else {
        return Ok(T::default());
    };
    let json = from_js(object, "the options")?;
    if let Some(today) = json.get("today").and_then(Value::as_str) {
        if !is_date(today) {
            return Err(js_error(
                Code::BadOptions,
                &format!(
                    "{function}: options.today must be a real date \"YYYY-MM-DD\", got “{}”",
                    crate::error::clip(today)
                ),
            ));
        }
    }
    serde_json::from_value(json).map_err(|e| {
        js_error(
            Code::BadOptions,
            &format!("{function}: the options are not understood: {e}"),
        )
    })
}
