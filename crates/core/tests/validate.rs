//! Validation and scoring of records against the example checklist and small specs.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use dangjian_core::{Engine, Form, Locale, Report, ValidateOptions};
use serde_json::{json, Value};

fn checklist() -> Form {
    let text = include_str!("../../../examples/specs/village-safety-checklist.json");
    Engine::new().compile_str(text).unwrap()
}

fn opts() -> ValidateOptions {
    ValidateOptions {
        today: Some("2026-11-22".into()),
        ..ValidateOptions::default()
    }
}

fn codes(r: &Report) -> Vec<(String, String)> {
    r.issues
        .iter()
        .map(|i| (i.path.clone(), i.code.clone()))
        .collect()
}

fn has(r: &Report, path: &str, code: &str) -> bool {
    r.issues.iter().any(|i| i.path == path && i.code == code)
}

fn good() -> Value {
    serde_json::from_str(include_str!(
        "../../../examples/village-safety-checklist.json"
    ))
    .unwrap()
}

#[test]
fn scores_with_partial_na_deductions_and_answer_weights() {
    let r = checklist().validate(&good(), &opts());
    assert!(r.valid, "{:?}", codes(&r));
    let s = r.score.unwrap();
    // fire 15/30 (partial), flood N/A (out of the denominator), records 20 − 3×2 = 14, accident 10, team 12/20.
    assert_eq!(s.earned.get(), 51.0);
    assert_eq!(s.possible.get(), 80.0);
    assert_eq!(s.percent.get(), 63.75);
    assert_eq!(s.grade.unwrap().id, "pass");
    let records = s
        .items
        .iter()
        .find(|i| i.path == "/prevention/records")
        .unwrap();
    assert_eq!(records.lost[0].code, "deduction.missing_entry");
    assert_eq!(records.lost[0].points.get(), 6.0);
    let flood = s
        .items
        .iter()
        .find(|i| i.path == "/prevention/flood")
        .unwrap();
    assert!(!flood.applicable);
}

#[test]
fn deductions_stop_at_the_floor() {
    let mut d = good();
    d["prevention"]["records"]["deductions"]["missing_entry"] = json!(10);
    let s = checklist().validate(&d, &opts()).score.unwrap();
    let records = s
        .items
        .iter()
        .find(|i| i.path == "/prevention/records")
        .unwrap();
    assert_eq!(records.earned.get(), 5.0);
    assert!(records.lost[0].reason.contains("最低保留"));
}

#[test]
fn a_veto_forces_the_grade() {
    let mut d = good();
    for k in ["fire", "flood", "records"] {
        d["prevention"][k] = json!({"status": "met", "evidence": "齐全有据"});
    }
    d["people"]["team"] = json!("full");
    d["prevention"]["accident"] = json!({"status": "unmet"});
    let s = checklist().validate(&d, &opts()).score.unwrap();
    assert!(s.percent.get() >= 90.0);
    assert_eq!(s.vetoes.len(), 1);
    assert_eq!(s.vetoes[0].path.as_deref(), Some("/prevention/accident"));
    assert_eq!(s.grade.unwrap().id, "fail");
}

#[test]
fn bonus_is_capped() {
    let mut d = good();
    d["basics"]["patrols"] = json!(20);
    let s = checklist().validate(&d, &opts()).score.unwrap();
    assert_eq!(s.bonus.get(), 3.0);
    assert_eq!(s.total.get(), s.percent.get() + 3.0);
}

#[test]
fn evidence_required_when_claimed_and_na_refused() {
    let mut d = good();
    d["prevention"]["fire"] = json!({"status": "met", "evidence": "有"});
    d["prevention"]["accident"] = json!({"status": "na"});
    let r = checklist().validate(&d, &opts());
    assert!(
        has(&r, "/prevention/fire/evidence", "evidence_required"),
        "{:?}",
        codes(&r)
    );
    assert!(
        has(&r, "/prevention/accident/status", "na_not_allowed"),
        "{:?}",
        codes(&r)
    );
    assert!(!r.valid);
}

#[test]
fn missing_sections_and_required_fields() {
    let r = checklist().validate(&json!({}), &opts());
    assert!(has(&r, "/basics/village", "required"));
    assert!(has(&r, "/basics/inspector", "required"));
    assert!(has(&r, "/basics/date", "required"));
    let s = r.score.unwrap();
    assert_eq!(s.earned.get(), 0.0);
    assert!(s
        .items
        .iter()
        .all(|i| i.status == "unanswered" || i.status == "answered"));
}

#[test]
fn wrong_types_unknown_and_poisoned_keys() {
    let d = json!({
        "basics": {"village": 12, "inspector": ["x"], "date": "2026-02-30", "patrols": 2.5, "extra": 1, "__proto__": {"polluted": true}},
        "prevention": "all good",
        "people": {"team": "sometimes"},
        "constructor": {}
    });
    let r = checklist().validate(&d, &opts());
    for (p, c) in [
        ("/basics/village", "type"),
        ("/basics/inspector", "type"),
        ("/basics/date", "date"),
        ("/basics/patrols", "integer"),
        ("/basics/extra", "unknown_key"),
        ("/basics/__proto__", "forbidden_key"),
        ("/prevention", "type"),
        ("/people/team", "choice"),
        ("/constructor", "forbidden_key"),
    ] {
        assert!(has(&r, p, c), "missing {p} {c} in {:?}", codes(&r));
    }
}

#[test]
fn non_object_records_are_issues() {
    for d in [json!(null), json!(42), json!("x"), json!([1, 2])] {
        let r = checklist().validate(&d, &opts());
        assert!(!r.valid);
        assert_eq!(r.issues[0].path, "");
        assert_eq!(r.issues[0].code, "type");
    }
}

#[test]
fn dates_after_today_and_english_messages() {
    let mut d = good();
    d["basics"]["date"] = json!("2026-12-01");
    let o = ValidateOptions {
        locale: Locale::En,
        ..opts()
    };
    let r = checklist().validate(&d, &o);
    let i = r.issues.iter().find(|i| i.code == "latest").unwrap();
    assert_eq!(i.message, "Must not be after 2026-11-22.");
    assert_eq!(r.locale, "en");
}

#[test]
fn oversized_strings_are_refused_without_work() {
    let mut d = good();
    d["basics"]["village"] = json!("村".repeat(200_000));
    let r = checklist().validate(&d, &opts());
    assert!(has(&r, "/basics/village", "too_long"));
}

fn roster_form() -> Form {
    Engine::new()
        .compile(&json!({
            "id": "m", "version": "1", "title": "会议",
            "sections": [{"id": "meeting", "items": [
                {"id": "kind", "type": "choice", "options": [{"value": "general"}, {"value": "committee"}]},
                {"id": "votes", "type": "integer", "visible_if": {"==": [{"var": "meeting.kind"}, "general"]}, "required": true},
                {"id": "roster", "repeat": {"min": 1, "max": 3}, "items": [
                    {"id": "name", "type": "person_name", "required": true},
                    {"id": "present", "type": "boolean"},
                    {"id": "reason", "type": "text", "required_if": {"===": [{"var": "$item.present"}, false]}}
                ], "rules": [{"code": "m.no_self", "assert": {"!=": [{"var": "$item.name"}, "无名"]}, "path": "name", "message": "第 {i} 位", "params": {"i": {"+": [{"var": "$index"}, 1]}}}]}
            ]}]
        }))
        .unwrap()
}

#[test]
fn hidden_fields_are_not_validated() {
    let r = roster_form().validate(
        &json!({"meeting": {"kind": "committee", "roster": [{"name": "王五"}]}}),
        &opts(),
    );
    assert!(r.valid, "{:?}", codes(&r));
    let r = roster_form().validate(
        &json!({"meeting": {"kind": "general", "roster": [{"name": "王五"}]}}),
        &opts(),
    );
    assert!(has(&r, "/meeting/votes", "required"));
}

#[test]
fn repeated_groups_check_each_entry_and_their_counts() {
    let d = json!({"meeting": {"kind": "committee", "roster": [
        {"name": "王五", "present": true},
        {"name": "无名", "present": false},
        7,
        {"name": "李四"}
    ]}});
    let r = roster_form().validate(&d, &opts());
    assert!(
        has(&r, "/meeting/roster/1/reason", "required"),
        "{:?}",
        codes(&r)
    );
    assert!(has(&r, "/meeting/roster/1/name", "m.no_self"));
    assert_eq!(
        r.issues
            .iter()
            .find(|i| i.code == "m.no_self")
            .unwrap()
            .message,
        "第 2 位"
    );
    assert!(has(&r, "/meeting/roster/2", "type"));
    assert!(has(&r, "/meeting/roster", "max_items"));
    let r = roster_form().validate(
        &json!({"meeting": {"kind": "committee", "roster": []}}),
        &opts(),
    );
    assert!(r.valid, "an empty optional list is fine: {:?}", codes(&r));
}

#[test]
fn spec_can_override_wording() {
    let form = Engine::new()
        .compile(&json!({"id": "m", "version": "1", "title": "t",
        "messages": {"required": {"zh-CN": "请填写", "en": "Fill this in"}},
        "sections": [{"id": "s", "items": [
            {"id": "a", "type": "text", "required": true},
            {"id": "b", "type": "text", "required": true, "messages": {"required": "B 必填"}}
        ]}]}))
        .unwrap();
    let r = form.validate(&json!({}), &opts());
    assert_eq!(r.issues[0].message, "请填写");
    assert_eq!(r.issues[1].message, "B 必填");
}

#[test]
fn empty_data_has_every_section() {
    let e = roster_form().empty_data();
    assert_eq!(
        e,
        json!({"meeting": {"kind": null, "votes": null, "roster": []}})
    );
}

#[test]
fn reports_serialize_whole_numbers_without_fraction() {
    let r = checklist().validate(&good(), &opts());
    let s = serde_json::to_string(&r).unwrap();
    assert!(s.contains("\"earned\":51,"), "{s}");
    assert!(!s.contains(".0,"));
}

fn with_states() -> ValidateOptions {
    ValidateOptions {
        states: true,
        ..opts()
    }
}

#[test]
fn states_list_hidden_disabled_and_conditionally_required_nodes() {
    let form = Engine::new()
        .compile(&json!({
            "id": "s", "version": "1", "title": "t",
            "sections": [{"id": "m", "items": [
                {"id": "kind", "type": "choice", "options": [{"value": "a"}, {"value": "b"}]},
                {"id": "only_b", "type": "text", "visible_if": {"==": [{"var": "m.kind"}, "b"]}},
                {"id": "locked", "type": "text", "required": true, "enabled_if": {"==": [{"var": "m.kind"}, "b"]}},
                {"id": "why", "type": "text", "required_if": {"==": [{"var": "m.kind"}, "a"]}},
                {"id": "extra", "items": [{"id": "x", "type": "text"}], "visible_if": {"==": [{"var": "m.kind"}, "b"]}}
            ]}]
        }))
        .unwrap();
    let r = form.validate(&json!({"m": {"kind": "a", "why": "因为"}}), &with_states());
    let s = r.states.clone().unwrap();
    assert_eq!(
        s.hidden,
        ["/m/only_b", "/m/extra"],
        "descendants of a hidden group are not listed"
    );
    assert_eq!(s.disabled, ["/m/locked"]);
    assert_eq!(s.required, ["/m/why"]);
    assert!(r.valid, "a disabled field is not required: {:?}", codes(&r));

    let r = form.validate(&json!({"m": {"kind": "b"}}), &with_states());
    let s = r.states.clone().unwrap();
    assert!(s.hidden.is_empty() && s.disabled.is_empty() && s.required.is_empty());
    assert!(has(&r, "/m/locked", "required"));

    let r = form.validate(&json!({"m": {"kind": "b"}}), &opts());
    assert!(r.states.is_none(), "states only when asked for");
    let text = serde_json::to_string(&r).unwrap();
    assert!(!text.contains("states") && !text.contains("outcomes"));
}

#[test]
fn states_inside_repeated_groups_point_at_each_entry() {
    let r = roster_form().validate(
        &json!({"meeting": {"kind": "committee", "roster": [
            {"name": "王五", "present": true},
            {"name": "李四", "present": false, "reason": "病假"}
        ]}}),
        &with_states(),
    );
    let s = r.states.clone().unwrap();
    assert_eq!(s.hidden, ["/meeting/votes"]);
    assert_eq!(s.required, ["/meeting/roster/1/reason"]);
}

fn outcome_form() -> Form {
    Engine::new()
        .compile(&json!({
            "id": "o", "version": "1", "title": "t",
            "settings": {"pass": {"value": 60}},
            "sections": [{"id": "s", "items": [
                {"id": "name", "type": "person_name", "required": true},
                {"id": "a", "type": "checklist_item", "score": {"points": 10}},
                {"id": "b", "type": "checklist_item", "score": {"points": 10}}
            ]}],
            "scoring": {"total": 20, "bands": [
                {"id": "good", "title": "好", "min": 60},
                {"id": "poor", "title": "差", "min": 0, "max": 60}
            ]},
            "outcomes": [
                {"id": "verdict", "value": {"if": [
                    {"!": {"var": "$valid"}}, "pending",
                    {">=": [{"var": "$score.percent"}, {"var": "$settings.pass"}]}, "pass",
                    "fail"
                ]}},
                {"id": "errors", "value": {"var": "$errors"}},
                {"id": "codes", "value": {"var": "$error_codes"}},
                {"id": "grade", "value": {"var": "$score.grade"}}
            ]
        }))
        .unwrap()
}

#[test]
fn outcomes_see_the_verdict_of_validation_and_the_score() {
    let r = outcome_form().validate(
        &json!({"s": {"name": "王五", "a": {"status": "met", "evidence": "台账"}, "b": {"status": "partial", "evidence": "记录"}}}),
        &opts(),
    );
    assert!(r.valid, "{:?}", codes(&r));
    assert_eq!(
        Value::Object(r.outcomes.clone()),
        json!({"verdict": "pass", "errors": 0, "codes": [], "grade": "good"})
    );
    let r = outcome_form().validate(
        &json!({"s": {"a": {"status": "unmet"}, "b": {"status": "unmet"}}}),
        &opts(),
    );
    assert_eq!(r.outcomes["verdict"], "pending");
    assert_eq!(r.outcomes["errors"], 1);
    assert_eq!(r.outcomes["codes"], json!(["required"]));
    assert_eq!(r.outcomes["grade"], "poor");
    let text = serde_json::to_string(&r).unwrap();
    assert!(
        text.contains(
            r#""outcomes":{"codes":["required"],"errors":1,"grade":"poor","verdict":"pending"}"#
        ),
        "{text}"
    );
}

#[test]
fn outcome_mistakes_are_reported_with_their_paths() {
    let err = Engine::new()
        .compile(&json!({
            "id": "o", "version": "1", "title": "t",
            "sections": [{"id": "s", "items": [{"id": "x", "type": "text"}]}],
            "rules": [{"code": "r", "assert": {"var": "$valid"}, "message": "m"}],
            "outcomes": [
                {"id": "a", "value": {"var": "s.nope"}},
                {"id": "a", "value": {"var": "$score.percent"}},
                {"id": "bad id", "value": 1}
            ]
        }))
        .unwrap_err();
    let found: Vec<(String, String)> = err
        .diagnostics
        .iter()
        .map(|d| (d.path.clone(), d.code.clone()))
        .collect();
    for (path, code) in [
        ("/rules/0/assert/var", "spec.unknown_reference"),
        ("/outcomes/0/value/var", "spec.unknown_reference"),
        ("/outcomes/1/id", "spec.duplicate_id"),
        ("/outcomes/1/value/var", "spec.unknown_reference"),
        ("/outcomes/2/id", "spec.invalid_id"),
    ] {
        assert!(
            found.iter().any(|(p, c)| p == path && c == code),
            "{path} {code} not in {found:?}"
        );
    }
}

#[test]
fn hidden_subtrees_still_reject_hostile_content() {
    let long = "长".repeat(100_001);
    let r = roster_form().validate(
        &json!({"meeting": {"kind": "committee", "roster": [{"name": "王五"}], "votes": {"__proto__": {"x": 1}, "note": long}}}),
        &opts(),
    );
    assert!(
        has(&r, "/meeting/votes/__proto__", "forbidden_key"),
        "{:?}",
        codes(&r)
    );
    assert!(
        has(&r, "/meeting/votes/note", "too_long"),
        "{:?}",
        codes(&r)
    );
    assert!(
        !has(&r, "/meeting/votes", "type"),
        "hidden content is not type-checked"
    );
}

#[test]
fn oversized_keys_are_reported_at_their_object_without_being_copied() {
    let key = "k".repeat(200_000);
    let mut section = serde_json::Map::new();
    section.insert(key, json!(1));
    section.insert("kind".into(), json!("committee"));
    section.insert("roster".into(), json!([{"name": "王五"}]));
    let r = roster_form().validate(&json!({ "meeting": section }), &opts());
    assert!(has(&r, "/meeting", "key_too_long"), "{:?}", codes(&r));
    let text = serde_json::to_string(&r).unwrap();
    assert!(
        text.len() < 5_000,
        "the key is not copied: {} bytes",
        text.len()
    );
}

#[test]
fn long_lists_stop_at_the_item_limit() {
    let roster: Vec<Value> = (0..10_001)
        .map(|i| json!({"name": format!("党员{i}")}))
        .collect();
    let r = roster_form().validate(
        &json!({"meeting": {"kind": "committee", "roster": roster}}),
        &opts(),
    );
    assert!(
        has(&r, "/meeting/roster", "too_many"),
        "{:?}",
        &codes(&r)[..3]
    );
    assert!(has(&r, "/meeting/roster", "max_items"));
}

#[test]
fn the_order_of_keys_in_the_input_does_not_change_the_report() {
    let text = r#"{"prevention": {"records": {"deductions": {"zz": 1, "missing_entry": 2, "aa": 1}, "evidence": "台账", "status": "met"}, "zeta": 1, "alpha": 2}, "basics": {"village": "石岭村", "b": 1, "a": 2}}"#;
    let value: Value = serde_json::from_str(text).unwrap();
    let from_text = checklist().validate_json(text, &opts()).unwrap();
    assert_eq!(from_text, checklist().validate(&value, &opts()));
    let unknown: Vec<&str> = from_text
        .issues
        .iter()
        .filter(|i| i.code == "unknown_key" || i.code == "deduction_unknown")
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(
        unknown,
        [
            "/basics/a",
            "/basics/b",
            "/prevention/alpha",
            "/prevention/zeta",
            "/prevention/records/deductions/aa",
            "/prevention/records/deductions/zz"
        ]
    );
}

#[test]
fn repeated_keys_in_json_text_are_issues() {
    let text = r#"{"basics": {"village": "石岭村", "village": "石岭村"}}"#;
    let r = checklist().validate_json(text, &opts()).unwrap();
    assert!(
        has(&r, "/basics/village", "duplicate_key"),
        "{:?}",
        codes(&r)
    );
}

#[test]
fn invisible_control_characters_are_refused_in_texts() {
    for (text, ch) in [("石\u{0}岭", "U+0000"), ("\u{202E}村岭石", "U+202E")] {
        let r = checklist().validate(&json!({"basics": {"village": text}}), &opts());
        let issue = r
            .issues
            .iter()
            .find(|i| i.code == "control_character")
            .unwrap_or_else(|| panic!("{text:?}: {:?}", codes(&r)));
        assert_eq!(issue.params["char"], ch);
    }
    let r = checklist().validate(
        &json!({"basics": {"village": "石岭村\t“一村一品”"}}),
        &opts(),
    );
    assert!(!r.issues.iter().any(|i| i.code == "control_character"));
}

/// An operator that reads the whole scope: which names of the roster it sees.
struct Names;

impl dangjian_core::Operator for Names {
    fn call(&self, args: &[&Value]) -> Result<Value, String> {
        let names: Vec<Value> = args
            .first()
            .and_then(|v| v.pointer("/list/rows"))
            .and_then(Value::as_array)
            .map(|rows| rows.iter().filter_map(|r| r.get("name").cloned()).collect())
            .unwrap_or_default();
        Ok(Value::Array(names))
    }
}

#[test]
fn large_arguments_shared_within_a_record_never_reach_the_next_one() {
    // The whole scope is large enough to be converted once per record and
    // shared by the operator's calls; a batch reuses one arena, so the next
    // record's scope may sit at the same address and must still be read anew.
    let form = Engine::builder()
        .operator("names", Names)
        .build()
        .compile(&json!({
            "id": "n", "version": "1", "title": "名单",
            "sections": [{"id": "list", "items": [
                {"id": "rows", "repeat": {"min": 0, "max": 100}, "items": [
                    {"id": "name", "type": "text"}
                ]}
            ]}],
            "outcomes": [
                {"id": "first", "value": {"names": [{"var": ""}]}},
                {"id": "again", "value": {"names": [{"var": ""}]}}
            ]
        }))
        .unwrap();
    let record = |tag: &str| {
        let rows: Vec<Value> = (0..60)
            .map(|i| json!({"name": format!("{tag}{i}")}))
            .collect();
        json!({"list": {"rows": rows}})
    };
    let mut batch = form.batch();
    for tag in ["甲", "乙", "丙", "甲"] {
        let r = batch
            .validate_json(&record(tag).to_string(), &opts())
            .unwrap();
        let want: Vec<Value> = (0..60).map(|i| json!(format!("{tag}{i}"))).collect();
        assert_eq!(r.outcomes["first"], Value::Array(want.clone()), "{tag}");
        assert_eq!(r.outcomes["again"], Value::Array(want), "{tag}");
    }
}
