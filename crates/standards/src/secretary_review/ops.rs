//! The assessment as a rule operator, so the validation report shows it. It
//! answers from the same Rust code as [`super::assess`].
//!
//! `secretary_review` takes the whole rule scope (`{"var": ""}`: the record and
//! `$settings`), a field and, for texts, the locale:
//!
//! | call | result |
//! |---|---|
//! | `secretary_review(scope, "result", locale)` | the whole [`super::Assessment`] (the form's `result` outcome) |
//! | `secretary_review(scope, "grade")` | `"good"`, `"fairly_good"`, `"average"`, `"poor"`, or null without votes |
//! | `secretary_review(scope, "grade_title", locale)` | the grade in words |
//! | `secretary_review(scope, "composite")` | the composite score, or null |
//! | `secretary_review(scope, "recorded_above")` | true when the recorded grade is above the computed one |
//! | `secretary_review(scope, "recorded_title", locale)` | the recorded grade in words |
//! | `secretary_review(scope, "caps_text", locale)` | `；` and the reasons of the caps that lowered the grade, or `""` |

use super::assess::assess;
use dangjian_core::{EngineBuilder, Locale, Operator};
use serde_json::{json, Value};

/// Adds the `secretary_review` operator to an engine.
pub(super) fn install(builder: EngineBuilder) -> EngineBuilder {
    builder.operator("secretary_review", ReviewOp)
}

struct ReviewOp;

impl Operator for ReviewOp {
    fn call(&self, args: &[&Value]) -> Result<Value, String> {
        let root = args
            .first()
            .copied()
            .filter(|v| v.is_object())
            .ok_or("secretary_review needs the scope {\"var\": \"\"} first")?;
        let field = args
            .get(1)
            .copied()
            .and_then(Value::as_str)
            .ok_or("secretary_review needs a field name second")?;
        let locale = args
            .get(2)
            .copied()
            .and_then(Value::as_str)
            .and_then(Locale::parse)
            .unwrap_or_default();
        let settings = root.get("$settings").unwrap_or(&Value::Null);
        let a = assess(root, settings, locale);
        Ok(match field {
            "result" => serde_json::to_value(&a).map_err(|e| e.to_string())?,
            "grade" => json!(a.grade.map(|g| g.id())),
            "grade_title" => json!(a.grade_title),
            "composite" => json!(a.composite),
            "recorded_above" => {
                json!(matches!((a.recorded_grade, a.grade), (Some(r), Some(g)) if r > g))
            }
            "recorded_title" => json!(a.recorded_grade.map(|g| g.title(locale))),
            "caps_text" => json!(caps_text(&a, locale)),
            other => return Err(format!("secretary_review has no field “{other}”")),
        })
    }
}

/// The reasons the grade was lowered, each after a clause separator: what a
/// message adds after the score (`""` when no cap applied).
fn caps_text(a: &super::Assessment, locale: Locale) -> String {
    let sep = crate::wording::pick(locale, "；", "; ");
    a.caps
        .iter()
        .map(|c| format!("{sep}{}", c.reason))
        .collect()
}
