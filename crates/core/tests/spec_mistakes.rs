//! `compile` reports every mistake in a spec at once, each at its JSON Pointer.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use dangjian_core::{Engine, SpecError};
use serde_json::{json, Value};

fn errors(spec: Value) -> SpecError {
    match Engine::new().compile(&spec) {
        Ok(_) => panic!("the spec should not compile"),
        Err(e) => e,
    }
}

fn has(e: &SpecError, path: &str, code: &str) -> bool {
    e.diagnostics
        .iter()
        .any(|d| d.path == path && d.code == code)
}

fn base(items: Value) -> Value {
    json!({"id": "t", "version": "1", "title": "T", "sections": [{"id": "s", "title": "S", "items": items}]})
}

#[test]
fn every_mistake_is_reported_at_once_with_its_path() {
    let spec = json!({
        "id": "t", "version": "1", "title": "T",
        "sections": [{"id": "s", "items": [
            {"id": "a", "type": "integer", "visible_if": {"==": [{"var": "s.b"}, 1]}},
            {"id": "b", "type": "integer", "visible_if": {"==": [{"var": "s.a"}, 1]}},
            {"id": "c", "type": "text", "required_if": {"==": [{"var": "s.nope"}, 1]}},
            {"id": "d", "type": "checklist_item", "score": {"points": 10}},
            {"id": "e", "type": "text"}
        ]}],
        "rules": [{"code": "r", "assert": {">": [{"var": "s.e"}, 3]}, "message": "m"}],
        "scoring": {
            "total": 100,
            "bands": [
                {"id": "good", "min": 60, "max": 90, "title": "good"},
                {"id": "top", "min": 85, "title": "top"}
            ]
        }
    });
    let e = errors(spec);
    assert!(
        has(
            &e,
            "/sections/0/items/2/required_if/==/0/var",
            "spec.unknown_reference"
        ),
        "{e}"
    );
    assert!(
        e.diagnostics
            .iter()
            .any(|d| d.code == "spec.cycle" && d.path.starts_with("/sections/0/items/")),
        "{e}"
    );
    assert!(has(&e, "/scoring/bands/1", "spec.band_overlap"), "{e}");
    assert!(has(&e, "/scoring/total", "spec.points_total"), "{e}");
    assert!(has(&e, "/rules/0/assert/>/0", "spec.rule_type"), "{e}");
    // Every diagnostic speaks both languages.
    assert!(e
        .diagnostics
        .iter()
        .all(|d| !d.message_zh.is_empty() && !d.message_en.is_empty()));
}

#[test]
fn points_total_names_both_numbers() {
    let e = errors(json!({
        "id": "t", "version": "1", "title": "T",
        "sections": [{"id": "s", "items": [{"id": "d", "type": "checklist_item", "score": {"points": 30}}]}],
        "scoring": {"total": 100}
    }));
    let d = e
        .diagnostics
        .iter()
        .find(|d| d.code == "spec.points_total")
        .unwrap();
    // Whole numbers as people write them (and as JavaScript prints them): 30, not 30.0.
    assert_eq!(d.params["actual"], json!(30));
    assert_eq!(d.params["declared"], json!(100));
    assert_eq!(d.message_zh, "各项分值合计 30 分，与声明的总分 100 分不符");
}

#[test]
fn structural_and_property_mistakes() {
    let e = errors(base(json!([
        {"id": "a", "type": "integer", "min": 10, "max": 1},
        {"id": "a", "type": "text"},
        {"id": "p", "type": "text", "pattern": "(unclosed"},
        {"id": "c", "type": "choice"},
        {"id": "__proto__", "type": "text"},
        {"id": "g", "type": "group"},
        {"id": "x", "type": "text", "colour": "red"},
        {"id": "l", "type": "text", "visible_if": {"no_such_op": [1]}}
    ])));
    assert!(has(&e, "/sections/0/items/0/min", "spec.range"), "{e}");
    assert!(
        has(&e, "/sections/0/items/1/id", "spec.duplicate_id"),
        "{e}"
    );
    assert!(
        has(&e, "/sections/0/items/2/pattern", "spec.pattern"),
        "{e}"
    );
    assert!(
        has(&e, "/sections/0/items/3/options", "spec.missing_options"),
        "{e}"
    );
    assert!(has(&e, "/sections/0/items/4/id", "spec.invalid_id"), "{e}");
    assert!(
        has(&e, "/sections/0/items/5/items", "spec.empty_group"),
        "{e}"
    );
    assert!(
        has(&e, "/sections/0/items/6/colour", "spec.unknown_property"),
        "{e}"
    );
    assert!(
        has(&e, "/sections/0/items/7/visible_if", "spec.invalid_logic"),
        "{e}"
    );
}

#[test]
fn type_mismatches_in_rules() {
    let e = errors(json!({
        "id": "t", "version": "1", "title": "T",
        "sections": [{"id": "s", "items": [
            {"id": "kind", "type": "choice", "options": [{"value": "a"}, {"value": "b"}]},
            {"id": "n", "type": "integer"},
            {"id": "flag", "type": "boolean"},
            {"id": "when", "type": "text"}
        ]}],
        "rules": [
            {"code": "r1", "assert": {"==": [{"var": "s.kind"}, "c"]}, "message": "m"},
            {"code": "r2", "assert": {"==": [{"var": "s.flag"}, "yes"]}, "message": "m"},
            {"code": "r3", "assert": {"==": [{"weekday": [{"var": "s.n"}]}, 2]}, "message": "m"}
        ]
    }));
    assert!(has(&e, "/rules/0/assert/==", "spec.rule_type"), "{e}");
    assert!(has(&e, "/rules/1/assert/==", "spec.rule_type"), "{e}");
    assert!(
        has(&e, "/rules/2/assert/==/0/weekday/0", "spec.rule_type"),
        "{e}"
    );
}

#[test]
fn item_scope_references() {
    let spec = base(json!([
        {"id": "roster", "repeat": {"min": 1}, "items": [{"id": "name", "type": "person_name"}],
         "rules": [{"code": "ok", "assert": {"!=": [{"var": "$item.name"}, ""]}, "message": "m"},
                   {"code": "bad", "assert": {"!=": [{"var": "$item.nickname"}, ""]}, "message": "m"}]}
    ]));
    let e = errors(spec);
    assert!(
        has(
            &e,
            "/sections/0/items/0/rules/1/assert/!=/0/var",
            "spec.unknown_reference"
        ),
        "{e}"
    );
    assert!(
        !e.diagnostics.iter().any(|d| d.path.contains("rules/0")),
        "{e}"
    );
    let outside = json!({"id": "t", "version": "1", "title": "T",
        "sections": [{"id": "s", "items": [{"id": "a", "type": "text"}]}],
        "rules": [{"code": "r", "assert": {"var": "$item.a"}, "message": "m"}]});
    assert!(has(
        &errors(outside),
        "/rules/0/assert/var",
        "spec.unknown_reference"
    ));
}

#[test]
fn bad_json_text_has_line_and_column() {
    let e = Engine::new()
        .compile_str("{\n  \"id\": \"x\",\n  oops\n}")
        .unwrap_err();
    let d = &e.diagnostics[0];
    assert_eq!(d.code, "spec.json");
    assert_eq!(d.params["line"], json!(3));
}

#[test]
fn not_an_object() {
    for v in [json!(null), json!(1), json!("spec"), json!([])] {
        assert!(has(&errors(v), "", "spec.type"));
    }
}

#[test]
fn gaps_between_bands_are_warnings_not_errors() {
    let spec = json!({"id": "t", "version": "1", "title": "T",
        "sections": [{"id": "s", "items": [{"id": "d", "type": "checklist_item", "score": {"points": 10}}]}],
        "scoring": {"bands": [{"id": "lo", "min": 0, "max": 50, "title": "lo"}, {"id": "hi", "min": 60, "title": "hi"}]}});
    let form = Engine::new().compile(&spec).unwrap();
    assert!(form.warnings().iter().any(|d| d.code == "spec.band_gap"));
}

#[test]
fn the_example_spec_compiles_cleanly() {
    let text = include_str!("../../../examples/specs/village-safety-checklist.json");
    let form = Engine::new().compile_str(text).unwrap();
    assert!(form.warnings().is_empty(), "{:?}", form.warnings());
}
