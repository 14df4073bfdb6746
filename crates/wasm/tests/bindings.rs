//! The bindings as JavaScript sees them, run by wasm-bindgen-test in Node and
//! (with `WASM_BINDGEN_USE_BROWSER=1`) in headless Chromium.
#![cfg(target_arch = "wasm32")]
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dangjian_wasm::{annual_compliance, compile, forms, id_number, review_slate, Form};
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

fn json(text: &str) -> JsValue {
    JSON::parse(text).unwrap()
}

fn stringify(value: &JsValue) -> String {
    JSON::stringify(value).unwrap().as_string().unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

/// The `code` of a thrown DangjianError, checking it is a real `Error`.
fn code_of(thrown: JsValue) -> String {
    let error: js_sys::Error = thrown.dyn_into().expect("an Error object");
    assert_eq!(error.name().as_string().unwrap(), "DangjianError");
    get(&error, "code").as_string().unwrap()
}

fn message_of(thrown: &JsValue) -> String {
    get(thrown, "message").as_string().unwrap()
}

const TINY: &str = r#"{"id": "tiny", "version": "1", "title": {"zh-CN": "小表", "en": "Tiny"},
  "sections": [{"id": "s", "items": [
    {"id": "name", "type": "person_name", "required": true},
    {"id": "n", "type": "integer", "max": 10}
  ]}]}"#;

fn tiny() -> Form {
    compile(json(TINY)).unwrap_or_else(|e| panic!("{}", message_of(&e)))
}

fn options(locale: &str) -> JsValue {
    json(&format!(
        r#"{{"locale": "{locale}", "today": "2026-06-30"}}"#
    ))
}

#[wasm_bindgen_test]
fn forms_lists_the_builtin_forms() {
    let list: Array = forms().unwrap().dyn_into().unwrap();
    assert!(list.length() >= 1);
    let first = list.get(0);
    assert!(get(&first, "id").is_string());
    assert!(get(&get(&first, "title"), "en").is_string());
}

#[wasm_bindgen_test]
fn the_report_prints_as_serde_json_prints_it() {
    let form = tiny();
    let data = r#"{"s": {"n": 12.5, "extra": true}}"#;
    let object = form.validate(json(data), options("en")).unwrap();
    let text = form
        .validate_json(JsValue::from_str(data), options("en"))
        .unwrap();
    assert_eq!(stringify(&object), text);
    assert!(
        text.starts_with(
            r#"{"report_version":1,"form":{"id":"tiny","version":"1"},"locale":"en","valid":false"#
        ),
        "{text}"
    );
}

#[wasm_bindgen_test]
fn a_scored_form_prints_whole_numbers_without_a_fraction() {
    let form = compile(JsValue::from_str("branch-checklist")).unwrap();
    let empty = form.empty_data().unwrap();
    let report = form.validate(empty.clone(), options("zh-CN")).unwrap();
    let text = stringify(&report);
    assert!(!text.contains(".0,") && !text.contains(".0}"), "{text}");
    assert_eq!(
        text,
        form.validate_json(JsValue::from_str(&stringify(&empty)), options("zh-CN"))
            .unwrap()
    );
}

#[wasm_bindgen_test]
fn a_bad_spec_throws_its_diagnostics() {
    let thrown = compile(json(r#"{"id": "x", "version": "1", "title": "x", "sections": [
        {"id": "s", "items": [{"id": "a", "type": "integer", "visible_if": {"==": [{"var": "s.missing"}, 1]}}]}]}"#))
    .err()
    .unwrap();
    let diagnostics: Array = get(&thrown, "diagnostics").dyn_into().unwrap();
    assert_eq!(code_of(thrown.clone()), "spec_invalid");
    assert!(diagnostics.length() >= 1);
    let path = get(&diagnostics.get(0), "path").as_string().unwrap();
    assert!(path.starts_with("/sections/0/items/0"), "{path}");
}

#[wasm_bindgen_test]
fn wrong_types_are_errors_not_traps() {
    assert_eq!(
        code_of(compile(JsValue::from_f64(42.0)).err().unwrap()),
        "bad_argument"
    );
    assert_eq!(
        code_of(compile(JsValue::UNDEFINED).err().unwrap()),
        "bad_argument"
    );
    assert_eq!(
        code_of(compile(JsValue::from_str("nope")).err().unwrap()),
        "unknown_form"
    );
    let form = tiny();
    assert_eq!(
        code_of(
            form.validate(JsValue::UNDEFINED, JsValue::UNDEFINED)
                .err()
                .unwrap()
        ),
        "bad_argument"
    );
    let cyclic = Object::new();
    Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    let thrown = form
        .validate(cyclic.into(), JsValue::UNDEFINED)
        .err()
        .unwrap();
    assert!(
        message_of(&thrown).contains("circular"),
        "{}",
        message_of(&thrown)
    );
    assert_eq!(code_of(thrown), "bad_argument");
    assert_eq!(
        code_of(
            form.validate_json(JsValue::from_f64(1.0), JsValue::UNDEFINED)
                .err()
                .unwrap()
        ),
        "bad_argument"
    );
    assert_eq!(
        code_of(
            form.validate_many(json("{}"), JsValue::UNDEFINED)
                .err()
                .unwrap()
        ),
        "bad_argument"
    );
    assert_eq!(
        code_of(
            form.validate(json("{}"), json(r#"{"locale": "fr"}"#))
                .err()
                .unwrap()
        ),
        "bad_options"
    );
    assert_eq!(
        code_of(
            form.validate(json("{}"), JsValue::from_str("en"))
                .err()
                .unwrap()
        ),
        "bad_options"
    );
    assert_eq!(
        code_of(
            id_number(JsValue::from_f64(1.0), JsValue::UNDEFINED)
                .err()
                .unwrap()
        ),
        "bad_argument"
    );
    assert_eq!(
        code_of(
            annual_compliance(json("{}"), JsValue::UNDEFINED)
                .err()
                .unwrap()
        ),
        "bad_argument"
    );
    assert_eq!(
        code_of(
            review_slate(json("[]"), json(r#"{"nonsense": 1}"#))
                .err()
                .unwrap()
        ),
        "bad_options"
    );
}

#[wasm_bindgen_test]
fn undefined_members_are_left_out_as_json_does() {
    let form = tiny();
    let with_undefined = json(r#"{"s": {"name": "张三"}}"#);
    Reflect::set(&get(&with_undefined, "s"), &"n".into(), &JsValue::UNDEFINED).unwrap();
    let report = form.validate(with_undefined, options("en")).unwrap();
    assert_eq!(
        get(&report, "valid"),
        JsValue::TRUE,
        "{}",
        stringify(&report)
    );
}

#[wasm_bindgen_test]
fn deep_records_stop_at_the_cli_limit() {
    let form = tiny();
    let deep = format!("{}{}", "[".repeat(300), "]".repeat(300));
    assert_eq!(
        code_of(
            form.validate_json(JsValue::from_str(&deep), JsValue::UNDEFINED)
                .err()
                .unwrap()
        ),
        "bad_json"
    );
    assert_eq!(
        code_of(
            form.validate(json(&deep), JsValue::UNDEFINED)
                .err()
                .unwrap()
        ),
        "bad_argument"
    );
}

#[wasm_bindgen_test]
fn without_today_the_date_is_todays_in_china() {
    let form = compile(json(
        r#"{"id": "d", "version": "1", "title": "d", "sections": [{"id": "s", "items": [{"id": "d", "type": "date", "latest": "$today"}]}]}"#,
    ))
    .unwrap();
    // A day far in the future is after any default today; far in the past, before it.
    let late = form
        .validate(json(r#"{"s": {"d": "2999-01-01"}}"#), JsValue::UNDEFINED)
        .unwrap();
    let early = form
        .validate(json(r#"{"s": {"d": "2000-01-01"}}"#), JsValue::UNDEFINED)
        .unwrap();
    let off = form
        .validate(
            json(r#"{"s": {"d": "2999-01-01"}}"#),
            json(r#"{"today": null}"#),
        )
        .unwrap();
    assert_eq!(get(&late, "valid"), JsValue::FALSE);
    assert_eq!(get(&early, "valid"), JsValue::TRUE);
    assert_eq!(get(&off, "valid"), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn domain_checks_answer() {
    let id = id_number(
        JsValue::from_str("11010519491231002X"),
        json(r#"{"reveal": true, "today": "2026-06-30"}"#),
    )
    .unwrap();
    assert_eq!(get(&id, "valid"), JsValue::TRUE);
    assert_eq!(
        get(&id, "number").as_string().unwrap(),
        "11010519491231002X"
    );
    let calendar =
        annual_compliance(json("[]"), json(r#"{"year": 2026, "locale": "en"}"#)).unwrap();
    assert_eq!(get(&calendar, "compliant"), JsValue::FALSE);
    let slate = review_slate(json("[]"), json(r#"{"today": "2026-06-30"}"#)).unwrap();
    assert!(get(&slate, "summary").is_object());
}

#[wasm_bindgen_test]
fn settings_can_be_changed_on_a_copy() {
    let form = compile(JsValue::from_str("meeting-minutes")).unwrap();
    let lenient = form
        .with_settings(json(r#"{"majority_strict": false}"#))
        .unwrap();
    assert_eq!(
        get(&lenient.settings().unwrap(), "majority_strict"),
        JsValue::FALSE
    );
    assert_eq!(
        get(&form.settings().unwrap(), "majority_strict"),
        JsValue::TRUE
    );
    let thrown = form.with_settings(json(r#"{"nope": 1}"#)).err().unwrap();
    assert_eq!(code_of(thrown), "spec_invalid");
    assert_eq!(
        code_of(form.with_settings(JsValue::from_str("x")).err().unwrap()),
        "bad_argument"
    );
}
