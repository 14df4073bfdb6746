//! Checks between settings ([`crate::spec::SettingsCheck`]): each declared
//! check is read (a code, the declared settings it names, its message in both
//! languages, an expression that reads declared settings only) and evaluated
//! on the settings' values — the defaults when the spec is compiled, a
//! county's values in [`crate::Form::with_settings`].

use super::Ctx;
use crate::diagnostic::Diagnostic;
use crate::logic::refs::var_refs;
use crate::logic::{Expr, Logic, RuleEngine, Scope};
use crate::params;
use crate::pointer::Pointer;
use crate::report::Params;
use crate::spec::{SettingsCheck, Spec};
use crate::text::{Locale, Text};
use crate::Severity;
use serde_json::Value;

/// Checks every declared check and, when all are sound, evaluates them on the
/// defaults: a failing check is an error at each named setting's `value`.
pub(super) fn check(ctx: &mut Ctx<'_>, spec: &Spec) {
    let before = ctx.out.len();
    for (i, c) in spec.settings_checks.iter().enumerate() {
        declaration(
            ctx,
            spec,
            c,
            &Pointer::root().key("settings_checks").index(i),
        );
    }
    if ctx.out.len() == before {
        let failed = failures(&ctx.engine.inner.logic, spec, "/value");
        ctx.out.extend(failed);
    }
}

/// The errors of every check `spec`'s settings fail, one at each setting the
/// check names (at `/settings/NAME` followed by `suffix`), worded by the check's message
/// with the named settings' values as params. A check whose expression cannot
/// be evaluated on the values fails too.
pub(crate) fn failures(logic: &Logic, spec: &Spec, suffix: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if spec.settings_checks.is_empty() {
        return out;
    }
    let prepared: Vec<(&SettingsCheck, Expr)> = spec
        .settings_checks
        .iter()
        .filter_map(|c| logic.prepare(&c.assert).ok().map(|e| (c, e)))
        .collect();
    let values = Value::Object(crate::report::object(
        spec.settings
            .iter()
            .map(|(k, s)| (k.clone(), s.value.clone())),
    ));
    let arena = bumpalo::Bump::new();
    let record = arena.alloc(crate::data::Data::Null);
    let limits = crate::Limits::default();
    let scope = Scope::new(&arena, record, &values, None, Locale::ZhCn.tag(), &limits);
    for (check, expr) in &prepared {
        if matches!(logic.test(expr, &scope), Ok(true)) {
            continue;
        }
        let mut params = Params::new();
        for name in &check.settings {
            if let Some(s) = spec.settings.get(name) {
                params.insert(name.clone(), s.value.clone());
            }
        }
        let zh = check.message.get(Locale::ZhCn);
        let en = check.message.get(Locale::En);
        for name in &check.settings {
            out.push(Diagnostic::new(
                format!("{}{suffix}", Pointer::root().key("settings").key(name)),
                &check.code,
                Severity::Error,
                zh,
                en,
                params.clone(),
            ));
        }
    }
    out
}

/// One check's own mistakes: an empty code, no setting named or one not
/// declared, a message missing a language, an expression that reads anything
/// but declared settings or does not compile.
fn declaration(ctx: &mut Ctx<'_>, spec: &Spec, check: &SettingsCheck, at: &Pointer) {
    if check.code.trim().is_empty() {
        ctx.error(
            at.key("code").as_str(),
            "spec.missing_property",
            "设置检查须有代码 code",
            "A settings check needs a `code`.",
            params! {},
        );
    }
    if check.settings.is_empty() {
        ctx.error(
            at.key("settings").as_str(),
            "spec.missing_property",
            "设置检查须列出它涉及的设置 settings（错误显示在这些设置旁）",
            "A settings check must list the `settings` it is about (its error is shown beside them).",
            params! {},
        );
    }
    for (j, name) in check.settings.iter().enumerate() {
        if !spec.settings.contains_key(name) {
            ctx.error(
                at.key("settings").index(j).as_str(),
                "spec.unknown_setting",
                "表单没有名为“{name}”的设置",
                "The form has no setting named “{name}”.",
                params! {"name" => name},
            );
        }
    }
    if !in_both_languages(&check.message) {
        ctx.error(
            at.key("message").as_str(),
            "spec.message_languages",
            "设置检查的提示须有中文和英文：{\"zh-CN\": …, \"en\": …}",
            "A settings check's message needs both languages: {\"zh-CN\": …, \"en\": …}.",
            params! {},
        );
    }
    let assert_at = at.key("assert");
    let mut sound = true;
    for r in var_refs(&check.assert) {
        let name = r
            .path
            .strip_prefix("$settings.")
            .map(|rest| rest.split('.').next().unwrap_or(rest));
        let here = format!("{}{}", assert_at, r.at);
        match name {
            Some(n) if spec.settings.contains_key(n) => {}
            Some(_) => {
                sound = false;
                ctx.error(
                    &here,
                    "spec.unknown_setting",
                    "表单没有名为“{name}”的设置",
                    "The form has no setting named “{name}”.",
                    params! {"name" => r.path.trim_start_matches("$settings.")},
                );
            }
            None => {
                sound = false;
                ctx.error(
                    &here,
                    "spec.settings_check_reference",
                    "设置检查只能读取设置（$settings.名称），不能读取“{path}”",
                    "A settings check reads settings only ($settings.NAME), not “{path}”.",
                    params! {"path" => r.path},
                );
            }
        }
    }
    if sound {
        if let Err(detail) = ctx.engine.inner.logic.prepare(&check.assert) {
            ctx.error(
                assert_at.as_str(),
                "spec.invalid_logic",
                "JSONLogic 表达式无效：{detail}",
                "Invalid JSONLogic expression: {detail}",
                params! {"detail" => detail},
            );
        }
    }
}

/// Whether a text has a non-empty Chinese and a non-empty English wording.
fn in_both_languages(text: &Text) -> bool {
    match text {
        Text::Localized {
            zh: Some(zh),
            en: Some(en),
        } => !zh.trim().is_empty() && !en.trim().is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::compile::diagnostic_codes as codes;
    use crate::Engine;
    use serde_json::{json, Value};

    fn spec(num: i64, checks: Value) -> Value {
        json!({"id": "x", "version": "1", "title": "t",
               "settings": {"num": {"value": num, "type": "integer", "min": 1, "max": 100},
                            "den": {"value": 5, "type": "integer", "min": 0, "max": 100}},
               "settings_checks": checks,
               "sections": [{"id": "s", "items": [{"id": "a", "type": "text"}]}]})
    }

    fn quorum() -> Value {
        json!([{"code": "settings.quorum",
                "assert": {"and": [{">": [{"var": "$settings.den"}, 0]},
                                   {"<=": [{"var": "$settings.num"}, {"var": "$settings.den"}]}]},
                "settings": ["num", "den"],
                "message": {"zh-CN": "法定人数比例 {num}/{den} 不能大于 1", "en": "Quorum {num}/{den} is above 1."}}])
    }

    #[test]
    fn a_county_value_that_breaks_a_check_is_an_error_at_every_named_setting() {
        let form = Engine::new().compile(&spec(4, quorum())).unwrap();
        let bad = form.with_settings(json!({"num": 9}).as_object().unwrap());
        let err = bad.err().unwrap();
        let got: Vec<_> = err
            .diagnostics
            .iter()
            .map(|d| (d.path.as_str(), d.code.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("/settings/num", "settings.quorum"),
                ("/settings/den", "settings.quorum")
            ]
        );
        assert_eq!(err.diagnostics[0].message_zh, "法定人数比例 9/5 不能大于 1");
        assert_eq!(err.diagnostics[0].message_en, "Quorum 9/5 is above 1.");
        assert_eq!(err.diagnostics[0].params["num"], 9);
        // den > 0 is part of the same check.
        assert_eq!(
            codes(form.with_settings(json!({"den": 0}).as_object().unwrap())).len(),
            2
        );
        // Fixed, the same values pass; each value is still checked on its own first.
        assert!(form
            .with_settings(json!({"num": 5}).as_object().unwrap())
            .is_ok());
        assert_eq!(
            codes(form.with_settings(json!({"num": 900}).as_object().unwrap())),
            [("/settings/num".into(), "setting.out_of_range".into())]
        );
    }

    #[test]
    fn defaults_that_break_a_check_stop_compile_at_their_values() {
        assert_eq!(
            codes(Engine::new().compile(&spec(9, quorum()))),
            [
                ("/settings/num/value".into(), "settings.quorum".into()),
                ("/settings/den/value".into(), "settings.quorum".into())
            ]
        );
    }

    #[test]
    fn a_check_is_checked_itself() {
        let bad = json!([
            {"code": "", "assert": {"<=": [{"var": "$settings.nope"}, {"var": "s.a"}]},
             "settings": ["num", "nope"], "message": "one language"},
            {"code": "c", "assert": {"no_such_op": [1]}, "settings": [], "message": {"zh-CN": "中", "en": "en"}}
        ]);
        assert_eq!(
            codes(Engine::new().compile(&spec(4, bad))),
            [
                (
                    "/settings_checks/0/code".into(),
                    "spec.missing_property".into()
                ),
                (
                    "/settings_checks/0/settings/1".into(),
                    "spec.unknown_setting".into()
                ),
                (
                    "/settings_checks/0/message".into(),
                    "spec.message_languages".into()
                ),
                (
                    "/settings_checks/0/assert/<=/0/var".into(),
                    "spec.unknown_setting".into()
                ),
                (
                    "/settings_checks/0/assert/<=/1/var".into(),
                    "spec.settings_check_reference".into()
                ),
                (
                    "/settings_checks/1/settings".into(),
                    "spec.missing_property".into()
                ),
                (
                    "/settings_checks/1/assert".into(),
                    "spec.invalid_logic".into()
                ),
            ]
        );
        let wrong_shape = json!([{"code": "c", "assert": true, "settings": "num", "message": "m"}]);
        let err = Engine::new().compile(&spec(4, wrong_shape)).err().unwrap();
        assert!(
            err.diagnostics
                .iter()
                .any(|d| d.path.starts_with("/settings_checks") && d.code == "spec.invalid_value"),
            "{err:?}"
        );
    }
}
