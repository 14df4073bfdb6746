//! `evaluateRule(rule, data, options?)`: one JSONLogic expression on a data
//! document, with standard JSONLogic semantics and the domain operators — what
//! `dangjian rule` prints.

use crate::convert::{from_js, to_js_via_json};
use crate::error::{js_error, rule_error, Code};
use crate::options::Options;
use dangjian_core::RuleOptions;
use serde_json::Value;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

/// Evaluates `rule` (a JSONLogic expression, as an object or JSON text) on
/// `data` (any JSON value; `undefined` is `null`). `options`: `{ today?,
/// locale?, settings?: object, limits?: { maxRuleSteps, maxRuleDepth,
/// maxRuleSize, maxItems } }`. Throws `invalid_rule`, `rule_failed` or
/// `rule_budget` (with `limit` and `max`).
#[wasm_bindgen(js_name = "evaluateRule")]
pub fn evaluate_rule(rule: JsValue, data: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let rule = match rule.as_string() {
        Some(text) => dangjian_core::json_text::from_str(&text)
            .map_err(|e| js_error(Code::BadJson, &format!("the rule is not JSON: {e}")))?,
        None => from_js(&rule, "the rule")?,
    };
    let data = if data.is_undefined() {
        Value::Null
    } else {
        from_js(&data, "the data")?
    };
    let options = Options::read(&options)?;
    let settings = options.get("settings");
    let settings = if settings.is_undefined() || settings.is_null() {
        Value::Object(serde_json::Map::new())
    } else {
        match from_js(&settings, "options.settings")? {
            v @ Value::Object(_) => v,
            _ => {
                return Err(js_error(
                    Code::BadOptions,
                    "options.settings must be an object of named settings",
                ))
            }
        }
    };
    let rule_options = RuleOptions {
        today: options.today()?,
        settings,
        locale: options.locale()?,
        limits: options.limits()?,
    };
    let result = crate::catalog::engine()
        .evaluate_rule(&rule, &data, &rule_options)
        .map_err(|e| rule_error(&e))?;
    to_js_via_json(&result)
}
