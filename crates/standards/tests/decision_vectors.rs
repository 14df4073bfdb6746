//! The 四议两公开 village decision record on its golden vectors.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod common;

use common::{assert_doc_complete, codes, has, read, root, validate};
use dangjian_core::Report;
use serde_json::{json, Value};

const FORM: &str = "village-decision";

fn spec() -> Value {
    common::spec(FORM)
}

fn case(name: &str) -> Value {
    common::case(FORM, name)
}

fn run(name: &str) -> Report {
    validate(&spec(), &case(name))
}

#[test]
fn the_example_is_valid() {
    let r = run("valid");
    assert!(r.valid && r.issues.is_empty(), "{:?}", codes(&r));
    let example = read(&root().join("examples/village-decision.json"));
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

#[test]
fn the_doc_lists_every_rule_and_setting() {
    assert_doc_complete("village-decision");
}
