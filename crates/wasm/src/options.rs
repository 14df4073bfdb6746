//! Options objects from JavaScript: `{ locale?, today?, … }`.

use crate::convert::describe;
use crate::error::{js_error, Code};
use dangjian_core::{Detail, Locale, ValidateOptions};
use wasm_bindgen::JsValue;

/// Reads the options of `validate`: `{ locale?: "zh-CN" | "en", today?: "YYYY-MM-DD" | null,
/// states?: boolean, detail?: "full" | "summary" }`.
///
/// Missing options mean zh-CN and today's date in China Standard Time, as the
/// CLI does; `today: null` switches the date checks off.
pub fn validate_options(options: &JsValue) -> Result<ValidateOptions, JsValue> {
    let object = Options::read(options)?;
    Ok(ValidateOptions {
        locale: object.locale()?,
        today: object.today()?,
        states: object.flag("states")?,
        detail: object.detail()?,
        ..ValidateOptions::default()
    })
}

/// An options argument: `undefined`, `null` or a plain object.
pub struct Options<'a> {
    value: Option<&'a JsValue>,
}

impl<'a> Options<'a> {
    /// Checks that `value` is absent or an object.
    pub fn read(value: &'a JsValue) -> Result<Options<'a>, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(Options { value: None });
        }
        if !value.is_object() || js_sys::Array::is_array(value) {
            return Err(js_error(
                Code::BadOptions,
                &format!(
                    "options must be an object like {{ locale: \"en\", today: \"2026-06-30\" }}, got {}",
                    describe(value)
                ),
            ));
        }
        Ok(Options { value: Some(value) })
    }

    /// The whole object (`None` when absent).
    pub fn value(&self) -> Option<&'a JsValue> {
        self.value
    }

    /// `options[key]`, or `undefined`.
    pub fn get(&self, key: &str) -> JsValue {
        self.value
            .and_then(|v| js_sys::Reflect::get(v, &JsValue::from_str(key)).ok())
            .unwrap_or(JsValue::UNDEFINED)
    }

    /// `locale`: "zh-CN" (default) or "en" (tags like "zh", "en-US" are understood).
    pub fn locale(&self) -> Result<Locale, JsValue> {
        let locale = self.get("locale");
        if locale.is_undefined() {
            return Ok(Locale::default());
        }
        locale
            .as_string()
            .as_deref()
            .and_then(Locale::parse)
            .ok_or_else(|| {
                js_error(
                    Code::BadOptions,
                    &format!(
                        "options.locale must be \"zh-CN\" or \"en\", got {}",
                        shown(&locale)
                    ),
                )
            })
    }

    /// `today`: a date, `null` for none, or — when absent — the current date in China.
    pub fn today(&self) -> Result<Option<String>, JsValue> {
        let today = self.get("today");
        if today.is_undefined() {
            return Ok(Some(today_in_china()));
        }
        if today.is_null() {
            return Ok(None);
        }
        match today.as_string() {
            Some(date) if is_date(&date) => Ok(Some(date)),
            _ => Err(js_error(
                Code::BadOptions,
                &format!(
                    "options.today must be a date \"YYYY-MM-DD\" or null, got {}",
                    shown(&today)
                ),
            )),
        }
    }

    /// `detail`: "full" (default: every scored item with its lost points) or
    /// "summary" (totals, grade, vetoes and sections only, for bulk re-checks).
    pub fn detail(&self) -> Result<Detail, JsValue> {
        let detail = self.get("detail");
        if detail.is_undefined() {
            return Ok(Detail::Full);
        }
        match detail.as_string().as_deref() {
            Some("full") => Ok(Detail::Full),
            Some("summary") => Ok(Detail::Summary),
            _ => Err(js_error(
                Code::BadOptions,
                &format!(
                    "options.detail must be \"full\" or \"summary\", got {}",
                    shown(&detail)
                ),
            )),
        }
    }

    /// A boolean flag, `false` when absent.
    pub fn flag(&self, key: &str) -> Result<bool, JsValue> {
        let value = self.get(key);
        if value.is_undefined() {
            return Ok(false);
        }
        value.as_bool().ok_or_else(|| {
            js_error(
                Code::BadOptions,
                &format!("options.{key} must be true or false, got {}", shown(&value)),
            )
        })
    }
}

/// A value for an error message: strings quoted, other values by kind.
fn shown(value: &JsValue) -> String {
    match value.as_string() {
        Some(s) => format!("“{s}”"),
        None => describe(value),
    }
}

/// `YYYY-MM-DD` with digits in the right places (the engine checks the calendar).
pub fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
}

/// Today's date in UTC+8 (China Standard Time), from the JavaScript clock.
fn today_in_china() -> String {
    let now = js_sys::Date::now();
    // Shift by eight hours and read the UTC fields.
    let shifted = js_sys::Date::new(&JsValue::from_f64(now + 8.0 * 3600.0 * 1000.0));
    format!(
        "{:04}-{:02}-{:02}",
        shifted.get_utc_full_year(),
        shifted.get_utc_month() + 1,
        shifted.get_utc_date()
    )
}

#[cfg(test)]
mod tests {
    use super::is_date;

    #[test]
    fn dates_have_the_iso_shape() {
        assert!(is_date("2024-06-30"));
        assert!(!is_date("2024-6-30"));
        assert!(!is_date("2024/06/30"));
        assert!(!is_date("２０２４-06-30"));
    }
}
