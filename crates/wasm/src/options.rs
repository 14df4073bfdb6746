//! The options object of `validate`: `{ locale?, today? }`.

use crate::error::{js_error, Code};
use dangjian_core::{Locale, ValidateOptions};
use wasm_bindgen::JsValue;

/// Reads `{ locale?: "zh-CN" | "en", today?: "YYYY-MM-DD" | null }`.
///
/// Missing options mean zh-CN and today's date in China Standard Time, as the
/// CLI does; `today: null` switches the date checks off.
pub fn validate_options(options: &JsValue) -> Result<ValidateOptions, JsValue> {
    let mut result = ValidateOptions::default();
    if options.is_undefined() || options.is_null() {
        result.today = Some(today_in_china());
        return Ok(result);
    }
    if !options.is_object() || js_sys::Array::is_array(options) {
        return Err(js_error(
            Code::BadOptions,
            &format!("options must be an object like {{ locale: \"en\", today: \"2024-06-30\" }}, got {}", crate::convert::describe(options)),
        ));
    }
    let locale = get(options, "locale");
    if !locale.is_undefined() {
        result.locale = locale
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
            })?;
    }
    let today = get(options, "today");
    result.today = if today.is_undefined() {
        Some(today_in_china())
    } else if today.is_null() {
        None
    } else {
        match today.as_string() {
            Some(date) if is_date(&date) => Some(date),
            _ => {
                return Err(js_error(
                    Code::BadOptions,
                    &format!(
                        "options.today must be a date \"YYYY-MM-DD\" or null, got {}",
                        shown(&today)
                    ),
                ))
            }
        }
    };
    Ok(result)
}

/// `object[key]`, or `undefined`.
pub fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A value for an error message: strings quoted, other values by kind.
fn shown(value: &JsValue) -> String {
    match value.as_string() {
        Some(s) => format!("“{s}”"),
        None => crate::convert::describe(value),
    }
}

/// `YYYY-MM-DD` with digits in the right places (the engine checks the calendar).
fn is_date(text: &str) -> bool {
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
    let now = js_sys::Date::new_0();
    // Shift by eight hours and read the UTC fields.
    let shifted = js_sys::Date::new(&JsValue::from_f64(now.get_time() + 8.0 * 3600.0 * 1000.0));
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
