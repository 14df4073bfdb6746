//! Domain checks that are not forms: citizen ID numbers, the annual meeting
//! calendar of a branch and the joint review of a candidate slate. (The
//! supervision of many branches is `supervision.rs`.)

use crate::convert::{describe, from_js, to_js};
use crate::error::{js_error, Code};
use crate::options::{is_date, Options};
use dangjian_standards::ident::citizen_id::{self, DescribeOptions};
use dangjian_standards::meetings::{compliance, ComplianceOptions, MinutesCheck};
use dangjian_standards::review::{slate, SlateOptions};
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

/// Fails with `form_not_loaded` unless the spec of the built-in form `id`
/// (whose settings and checks the function uses) is in this module.
pub(crate) fn needs_form(id: &str) -> Result<(), JsValue> {
    match dangjian_standards::catalog::builtin(id) {
        Some(_) => Ok(()),
        None => Err(crate::catalog::not_loaded(id)),
    }
}

/// An array of records as JSON values.
pub(crate) fn records(value: &JsValue, function: &str, what: &str) -> Result<Vec<Value>, JsValue> {
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
    T::deserialize(&json).map_err(|e| {
        js_error(
            Code::BadOptions,
            &format!("{function}: the options are not understood: {e}"),
        )
    })
}
