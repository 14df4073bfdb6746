//! The wording of spec diagnostics: numbers as people write them, one language per message.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use dangjian_core::{Engine, Locale};
use serde_json::json;

fn messages(spec: serde_json::Value, code: &str) -> (String, String) {
    let e = Engine::new().compile(&spec).unwrap_err();
    let d = e
        .diagnostics
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code}: {:#?}", e.diagnostics));
    (
        d.message(Locale::ZhCn).to_owned(),
        d.message(Locale::En).to_owned(),
    )
}

#[test]
fn points_total_prints_whole_numbers_without_a_decimal_point() {
    let (zh, en) = messages(
        json!({"id": "x", "version": "1", "title": "x",
               "sections": [{"id": "s", "items": [
                   {"id": "a", "type": "boolean", "score": {"points": 10}},
                   {"id": "b", "type": "boolean", "score": {"points": 2.5}}]}],
               "scoring": {"total": 100}}),
        "spec.points_total",
    );
    assert_eq!(zh, "各项分值合计 12.5 分，与声明的总分 100 分不符");
    assert_eq!(
        en,
        "The items add up to 12.5 points, not the declared total of 100."
    );
    let (zh, _) = messages(
        json!({"id": "x", "version": "1", "title": "x",
               "sections": [{"id": "s", "items": [{"id": "a", "type": "boolean", "score": {"points": 10}}]}],
               "scoring": {"total": 12}}),
        "spec.points_total",
    );
    assert_eq!(zh, "各项分值合计 10 分，与声明的总分 12 分不符");
}

#[test]
fn rule_type_messages_keep_to_one_language() {
    let spec = |assert: serde_json::Value| {
        json!({"id": "x", "version": "1", "title": "x",
               "sections": [{"id": "s", "items": [
                   {"id": "e", "type": "text"}, {"id": "n", "type": "integer"}]}],
               "rules": [{"code": "r", "assert": assert, "message": "m"}]})
    };
    let (zh, en) = messages(spec(json!({">": [{"var": "s.e"}, 3]})), "spec.rule_type");
    assert_eq!(zh, "运算“>”需要数字，但“s.e”是文本");
    assert_eq!(en, "Operator “>” needs numbers, but “s.e” is text.");
    let (zh, en) = messages(
        spec(json!({"==": [{"var": "s.n"}, "three"]})),
        "spec.rule_type",
    );
    assert_eq!(zh, "“s.n”是数字，不能与文本比较");
    assert_eq!(en, "“s.n” is number and cannot be compared with text.");
}
