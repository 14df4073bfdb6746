//! Settings checks: each declaration (a range that is not empty, a choice with
//! options) and each value — the default here, a county's override in
//! [`crate::Form::with_settings`] — against its type, range and options.

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::number::Num;
use crate::params;
use crate::pointer::Pointer;
use crate::spec::{Setting, SettingType, Spec};
use crate::Severity;
use serde_json::Value;

/// Checks every setting's declaration and default value.
pub(super) fn check(ctx: &mut Ctx<'_>, spec: &Spec) {
    for (name, setting) in &spec.settings {
        let at = Pointer::root().key("settings").key(name);
        if let (Some(lo), Some(hi)) = (setting.min, setting.max) {
            if lo > hi {
                ctx.error(
                    at.as_str(),
                    "spec.range",
                    "设置“{name}”的下限 min 大于上限 max",
                    "Setting “{name}” has min greater than max.",
                    params! {"name" => name},
                );
                continue;
            }
        }
        if setting.kind == Some(SettingType::Choice) && setting.options.is_empty() {
            ctx.error(
                at.key("options").as_str(),
                "spec.missing_property",
                "选项型设置“{name}”须列出可选值 options",
                "Setting “{name}” is a choice: it needs `options`.",
                params! {"name" => name},
            );
            continue;
        }
        if let Some(d) = check_value(name, setting, &setting.value, &at.key("value")) {
            ctx.out.push(d);
        }
    }
}

/// Whether `value` may be the value of `setting` (named `name`): its type,
/// range and options. The mistake, if any, is an error at `at`.
pub(crate) fn check_value(
    name: &str,
    setting: &Setting,
    value: &Value,
    at: &Pointer,
) -> Option<Diagnostic> {
    let kind = setting.effective_type()?;
    if !type_fits(kind, value) {
        return Some(diagnostic(
            at,
            "spec.setting_type",
            params! {"name" => name, "type" => kind.name(), "value" => value},
        ));
    }
    if let Some(bad) = numbers(kind, value).find(|n| !in_range(setting, *n)) {
        return Some(diagnostic(
            at,
            "setting.out_of_range",
            params! {"name" => name, "value" => Num::round2(bad).to_json(), "range" => range_text(setting)},
        ));
    }
    if !setting.options.is_empty() {
        let allowed = |v: &Value| setting.options.iter().any(|o| same(&o.value, v));
        let bad = match (kind, value) {
            (SettingType::List, Value::Array(items)) => items.iter().find(|v| !allowed(v)),
            (SettingType::List | SettingType::Object, _) => None,
            (_, v) => (!allowed(v)).then_some(v),
        };
        if let Some(bad) = bad {
            let options: Vec<String> = setting
                .options
                .iter()
                .map(|o| crate::json_writer::value_text(&o.value))
                .collect();
            return Some(diagnostic(
                at,
                "setting.not_an_option",
                params! {"name" => name, "value" => bad, "options" => options.join(", ")},
            ));
        }
    }
    None
}

/// A diagnostic worded by the message catalogue.
fn diagnostic(at: &Pointer, code: &str, params: crate::report::Params) -> Diagnostic {
    let (zh, en) = crate::messages::builtin(code).unwrap_or((code, code));
    Diagnostic::new(at.to_string(), code, Severity::Error, zh, en, params)
}

fn type_fits(kind: SettingType, value: &Value) -> bool {
    match kind {
        SettingType::Integer | SettingType::Weekday | SettingType::Month => {
            value.as_f64().is_some_and(|n| n.fract() == 0.0)
        }
        SettingType::Number => value.is_number(),
        SettingType::Boolean => value.is_boolean(),
        SettingType::Text => value.is_string(),
        SettingType::Date => value.as_str().is_some_and(crate::dates::is_iso_date),
        SettingType::Choice => true,
        SettingType::List => value.is_array(),
        SettingType::Object => value.is_object(),
    }
}

/// The numbers a range bounds: the value itself, or those inside a list or object.
fn numbers(kind: SettingType, value: &Value) -> Box<dyn Iterator<Item = f64> + '_> {
    match (kind, value) {
        (SettingType::List, Value::Array(items)) => {
            Box::new(items.iter().filter_map(Value::as_f64))
        }
        (SettingType::Object, Value::Object(map)) => {
            Box::new(map.values().filter_map(Value::as_f64))
        }
        (_, v) => Box::new(v.as_f64().into_iter()),
    }
}

fn in_range(setting: &Setting, n: f64) -> bool {
    let (lo, hi) = setting.range();
    lo.is_none_or(|lo| n >= lo) && hi.is_none_or(|hi| n <= hi)
}

/// The range as people read it: `1–7`, `≥ 0`, `≤ 100`.
pub(crate) fn range_text(setting: &Setting) -> String {
    match setting.range() {
        (Some(lo), Some(hi)) => format!("{}–{}", Num::round2(lo), Num::round2(hi)),
        (Some(lo), None) => format!("≥ {}", Num::round2(lo)),
        (None, Some(hi)) => format!("≤ {}", Num::round2(hi)),
        (None, None) => String::new(),
    }
}

/// Equal JSON values, numbers compared by value (`2` and `2.0` are the same).
fn same(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use crate::compile::diagnostic_codes as codes;
    use crate::Engine;
    use serde_json::json;

    fn spec(setting: serde_json::Value) -> serde_json::Value {
        json!({"id": "x", "version": "1", "title": "t", "settings": {"day": setting},
               "sections": [{"id": "s", "items": [{"id": "a", "type": "text"}]}]})
    }

    #[test]
    fn a_bare_value_still_works_and_keeps_its_kind() {
        let form = Engine::new().compile(&spec(json!({"value": 2}))).unwrap();
        let ok = form.with_settings(json!({"day": 2.5}).as_object().unwrap());
        assert!(ok.is_ok());
        let bad = form.with_settings(json!({"day": "two"}).as_object().unwrap());
        assert_eq!(
            codes(bad),
            [("/settings/day".into(), "spec.setting_type".into())]
        );
    }

    #[test]
    fn ranges_and_options_are_enforced_by_compile_and_with_settings() {
        let engine = Engine::new();
        let form = engine
            .compile(&spec(json!({"value": 2, "type": "weekday"})))
            .unwrap();
        let bad = form.with_settings(json!({"day": 9}).as_object().unwrap());
        let err = bad.err().unwrap();
        assert_eq!(err.diagnostics[0].code, "setting.out_of_range");
        assert!(
            err.diagnostics[0].message_en.contains("1–7"),
            "{}",
            err.diagnostics[0].message_en
        );
        assert!(err.diagnostics[0].message_zh.contains("day"));
        assert_eq!(
            codes(engine.compile(&spec(
                json!({"value": 150, "type": "integer", "min": 0, "max": 100})
            ))),
            [("/settings/day/value".into(), "setting.out_of_range".into())]
        );
        assert_eq!(
            codes(engine.compile(&spec(json!({"value": 1.5, "type": "integer"})))),
            [("/settings/day/value".into(), "spec.setting_type".into())]
        );
        let choice =
            json!({"value": "a", "type": "choice", "options": [{"value": "a"}, {"value": "b"}]});
        let form = engine.compile(&spec(choice)).unwrap();
        assert!(form
            .with_settings(json!({"day": "b"}).as_object().unwrap())
            .is_ok());
        assert_eq!(
            codes(form.with_settings(json!({"day": "c"}).as_object().unwrap())),
            [("/settings/day".into(), "setting.not_an_option".into())]
        );
        let list =
            json!({"value": ["a"], "type": "list", "options": [{"value": "a"}, {"value": "b"}]});
        let form = engine.compile(&spec(list)).unwrap();
        assert_eq!(
            codes(form.with_settings(json!({"day": ["a", "z"]}).as_object().unwrap())),
            [("/settings/day".into(), "setting.not_an_option".into())]
        );
        assert_eq!(
            codes(engine.compile(&spec(json!({"value": 1, "min": 5, "max": 2})))),
            [("/settings/day".into(), "spec.range".into())]
        );
        assert_eq!(
            codes(engine.compile(&spec(json!({"value": 1, "type": "choice"})))),
            [(
                "/settings/day/options".into(),
                "spec.missing_property".into()
            )]
        );
    }
}
