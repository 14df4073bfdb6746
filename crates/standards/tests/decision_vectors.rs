//! The 四议两公开 village decision record on its golden vectors.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use dangjian_core::{Locale, Report, ValidateOptions};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

const FORM: &str = "village-decision";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn spec() -> Value {
    serde_json::from_str(dangjian_standards::builtin(FORM).unwrap().spec).unwrap()
}

fn case(name: &str) -> Value {
    let path = root().join(format!("tests/vectors/{FORM}/{name}.input.json"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["data"].clone()
}

fn validate(spec: &Value, data: &Value) -> Report {
    let options = ValidateOptions {
        locale: Locale::ZhCn,
        today: Some("2026-11-22".into()),
        ..ValidateOptions::default()
    };
    dangjian_standards::engine()
        .compile(spec)
        .unwrap()
        .validate(data, &options)
}

fn run(name: &str) -> Report {
    validate(&spec(), &case(name))
}

fn codes(r: &Report) -> Vec<(String, String)> {
    r.issues
        .iter()
        .map(|i| (i.code.clone(), i.path.clone()))
        .collect()
}

fn has(r: &Report, code: &str, path: &str) -> bool {
    r.issues.iter().any(|i| i.code == code && i.path == path)
}

#[test]
fn the_example_is_valid() {
    let r = run("valid");
    assert!(r.valid && r.issues.is_empty(), "{:?}", codes(&r));
    let example: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("examples/village-decision.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(example, case("valid"));
}

#[test]
fn a_decision_under_way_needs_only_its_stages_so_far() {
    let r = run("draft");
    assert!(r.valid && r.issues.is_empty(), "{:?}", codes(&r));
}

#[test]
fn a_finished_decision_needs_every_stage() {
    let r = run("member-review-missing");
    assert_eq!(
        codes(&r),
        vec![(
            "decision.stage_missing".to_owned(),
            "/member_review/date".to_owned()
        )]
    );
    // Unfinished, a missing stage is still reported when a later one is on record.
    let mut data = case("member-review-missing");
    data["matter"]["complete"] = json!(false);
    let r = validate(&spec(), &data);
    assert!(
        has(&r, "decision.stage_missing", "/member_review/date"),
        "{:?}",
        codes(&r)
    );
}

#[test]
fn stages_must_be_in_order() {
    let r = run("disclosure-before-resolution");
    assert_eq!(
        codes(&r),
        vec![(
            "decision.stage_order".to_owned(),
            "/resolution_disclosure/date".to_owned()
        )]
    );
}

#[test]
fn party_member_review_needs_two_thirds_present() {
    assert!(run("member-review-28-of-42-present").valid);
    let r = run("member-review-27-of-42-present");
    assert_eq!(
        codes(&r),
        vec![(
            "decision.member_review_quorum".to_owned(),
            "/member_review/present".to_owned()
        )]
    );
    // A county with a ¾ quorum: 28 of 42 is no longer enough.
    let mut s = spec();
    s["settings"]["member_review_quorum_num"]["value"] = json!(3);
    s["settings"]["member_review_quorum_den"]["value"] = json!(4);
    let r = validate(&s, &case("member-review-28-of-42-present"));
    assert!(has(
        &r,
        "decision.member_review_quorum",
        "/member_review/present"
    ));
}

#[test]
fn villager_meeting_quorum_by_households() {
    // 380 of 800 adults is not more than half, but 200 of 300 households is two thirds.
    let r = run("villager-meeting-two-thirds-of-households");
    assert!(r.valid && r.issues.is_empty(), "{:?}", codes(&r));
    let mut data = case("villager-meeting-two-thirds-of-households");
    data["villager_decision"]["households_present"] = json!(199);
    let r = validate(&spec(), &data);
    assert_eq!(
        codes(&r),
        vec![(
            "decision.villager_quorum".to_owned(),
            "/villager_decision/present".to_owned()
        )]
    );
}

#[test]
fn several_errors_at_once() {
    let r = run("many-errors");
    for (code, path) in [
        ("decision.member_review_quorum", "/member_review/present"),
        ("decision.member_review_majority", "/member_review/result"),
        (
            "decision.representative_quorum",
            "/villager_decision/present",
        ),
        ("decision.women_share", "/villager_decision/women"),
        ("decision.villager_majority", "/villager_decision/result"),
        ("decision.disclosure_days", "/resolution_disclosure/days"),
        ("decision.stage_missing", "/consultation/date"),
        ("decision.stage_order", "/member_review/date"),
    ] {
        assert!(has(&r, code, path), "{code} at {path}: {:?}", codes(&r));
    }
}

/// Every rule code and setting name of the spec appears in the form's doc.
fn assert_doc_complete(form_id: &str) {
    fn codes_in(node: &Value, out: &mut Vec<String>) {
        for r in node["rules"].as_array().into_iter().flatten() {
            out.push(r["code"].as_str().unwrap().to_owned());
        }
        for key in ["sections", "items"] {
            for c in node[key].as_array().into_iter().flatten() {
                codes_in(c, out);
            }
        }
    }
    let spec: Value =
        serde_json::from_str(dangjian_standards::builtin(form_id).unwrap().spec).unwrap();
    let doc_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../docs/forms/{form_id}.md"));
    let doc = std::fs::read_to_string(doc_path).unwrap();
    let mut names = Vec::new();
    codes_in(&spec, &mut names);
    names.extend(
        spec["settings"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(k, _)| k.clone()),
    );
    for name in names {
        assert!(
            doc.contains(&format!("`{name}`")),
            "docs/forms/{form_id}.md does not mention `{name}`"
        );
    }
}

#[test]
fn the_doc_lists_every_rule_and_setting() {
    assert_doc_complete("village-decision");
}
