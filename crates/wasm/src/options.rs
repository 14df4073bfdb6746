//! Options objects from JavaScript: `{ locale?, today?, … }`.

use crate::convert::describe;
use crate::error::{js_error, Code};
use dangjian_core::{Detail, Limits, Locale, ValidateOptions};
use wasm_bindgen::JsValue;

/// Reads the options of `validate`: `{ locale?: "zh-CN" | "en", today?: "YYYY-MM-DD" | null,
/// states?: boolean, detail?: "full" | "summary", limits?: { maxRecordBytes?, … } }`.
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
        limits: object.limits()?,
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
        locale_value(&locale, "options.locale")
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
                    "options.today must be a real date \"YYYY-MM-DD\" or null, got {}",
                    shown(&today)
                ),
            )),
        }
    }

    /// `limits`: the record budgets, each optional (`maxRecordBytes`,
    /// `maxValues`, `maxItems`, `maxStringChars`, `maxKeyChars`, `maxIssues`,
    /// `maxParamChars`, and the rule budget `maxRuleSteps`, `maxRuleDepth`,
    /// `maxRuleSize`); a missing one keeps its default. Each must be a whole
    /// number ≥ 1.
    pub fn limits(&self) -> Result<Limits, JsValue> {
        let mut limits = Limits::default();
        let given = self.get("limits");
        if given.is_undefined() || given.is_null() {
            return Ok(limits);
        }
        let nested = Options::read(&given).map_err(|_| {
            js_error(
                Code::BadOptions,
                &format!(
                    "options.limits must be an object like {{ maxRecordBytes: 1048576 }}, got {}",
                    describe(&given)
                ),
            )
        })?;
        let fields: [(&str, &mut usize); 10] = [
            ("maxRecordBytes", &mut limits.max_record_bytes),
            ("maxValues", &mut limits.max_values),
            ("maxItems", &mut limits.max_items),
            ("maxStringChars", &mut limits.max_string_chars),
            ("maxKeyChars", &mut limits.max_key_chars),
            ("maxIssues", &mut limits.max_issues),
            ("maxParamChars", &mut limits.max_param_chars),
            ("maxRuleSteps", &mut limits.max_rule_steps),
            ("maxRuleDepth", &mut limits.max_rule_depth),
            ("maxRuleSize", &mut limits.max_rule_size),
        ];
        for (name, slot) in fields {
            let value = nested.get(name);
            if value.is_undefined() {
                continue;
            }
            match value.as_f64() {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                Some(n) if n.fract() == 0.0 && (1.0..=9.0e15).contains(&n) => *slot = n as usize,
                _ => {
                    return Err(js_error(
                        Code::BadOptions,
                        &format!(
                            "options.limits.{name} must be a whole number ≥ 1, got {}",
                            shown(&value)
                        ),
                    ))
                }
            }
        }
        Ok(limits)
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

/// A value for an error message: strings quoted (and cut short), other values by kind.
pub fn shown(value: &JsValue) -> String {
    match value.as_string() {
        Some(s) => format!("“{}”", crate::error::clip(&s)),
        None => describe(value),
    }
}

/// A locale given by JavaScript: "zh-CN" or "en" (tags like "zh", "en-US" are
/// understood); anything else is a `BadOptions` error naming `what`.
pub fn locale_value(value: &JsValue, what: &str) -> Result<Locale, JsValue> {
    value
        .as_string()
        .as_deref()
        .and_then(Locale::parse)
        .ok_or_else(|| {
            js_error(
                Code::BadOptions,
                &format!("{what} must be \"zh-CN\" or \"en\", got {}", shown(value)),
            )
        })
}

/// A real calendar date `YYYY-MM-DD`, as the CLI requires of `--today`.
pub fn is_date(text: &str) -> bool {
    dangjian_core::dates::is_iso_date(text)
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
        assert!(!is_date("2026-13-45"));
        assert!(!is_date("2026-02-30"));
        assert!(!is_date("2024-6-30"));
        assert!(!is_date("2024/06/30"));
        assert!(!is_date("２０２４-06-30"));
    }
}
