//! The member-points form on its golden vectors, and the branch ranking.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod common;

use common::{assert_doc_complete, codes, options};
use dangjian_core::Report;
use dangjian_standards::points::{rank_members, rank_records, MemberReport, POINTS_FORM_ID};
use serde_json::{json, Value};

fn spec() -> Value {
    common::spec(POINTS_FORM_ID)
}

fn case(name: &str) -> Value {
    common::case(POINTS_FORM_ID, name)
}

fn run(name: &str) -> Report {
    common::validate(&spec(), &case(name))
}

#[test]
fn the_example_earns_four_stars() {
    let r = run("valid");
    assert!(r.valid && r.issues.is_empty(), "{:?}", codes(&r));
    let s = r.score.unwrap();
    assert_eq!(
        (s.percent.get(), s.bonus.get(), s.total.get()),
        (92.0, 3.0, 95.0)
    );
    assert_eq!(s.grade.unwrap().stars, Some(4));
}

#[test]
fn attendance_earns_one_point_each_up_to_thirty() {
    let r = run("attendance-above-cap");
    let item = r
        .score
        .unwrap()
        .items
        .into_iter()
        .find(|i| i.path == "/org_life/attended")
        .unwrap();
    assert_eq!((item.points.get(), item.earned.get()), (30.0, 30.0));
    let r = run("valid");
    let item = r
        .score
        .unwrap()
        .items
        .into_iter()
        .find(|i| i.path == "/org_life/attended")
        .unwrap();
    assert_eq!(item.earned.get(), 28.0);
}

#[test]
fn additions_are_capped() {
    // 3 county honours (cap 10) + 2 town (cap 6) + 4 good deeds (cap 6) = 22, all additions capped at 10.
    let s = run("additions-capped").score.unwrap();
    assert_eq!(s.bonus.get(), 10.0);
    assert_eq!(s.total.get(), 102.0);
    assert_eq!(s.grade.unwrap().id, "five_stars");
}

#[test]
fn a_sanction_makes_the_member_unqualified() {
    let s = run("veto-party-sanction").score.unwrap();
    assert_eq!(s.total.get(), 95.0);
    assert_eq!(s.grade.unwrap().id, "unqualified");
}

#[test]
fn several_errors_at_once() {
    let r = run("many-errors");
    for (code, path) in [
        ("choice", "/member/status"),
        ("points.period_order", "/member/period_end"),
        ("points.attended_more_than_held", "/org_life/attended"),
        ("min", "/study/training_hours"),
        ("deduction_unknown", "/discipline/conduct/deductions/gossip"),
        (
            "deduction_count",
            "/discipline/conduct/deductions/late_dues",
        ),
    ] {
        assert!(
            r.issues.iter().any(|i| i.code == code && i.path == path),
            "{code} at {path}: {:?}",
            codes(&r)
        );
    }
    assert!(!run("draft").valid);
}

#[test]
fn star_bands_are_data() {
    // A county whose five-star band starts at 95: the example's 95 points now earn five stars.
    let mut s = spec();
    s["scoring"]["bands"][0]["min"] = json!(95);
    s["scoring"]["bands"][1]["max"] = json!(95);
    let r = dangjian_standards::engine()
        .compile(&s)
        .unwrap()
        .validate(&case("valid"), &options());
    assert_eq!(r.score.unwrap().grade.unwrap().id, "five_stars");
}

fn member(name: &str, attended: u64, sanctioned: bool) -> Value {
    let mut v = case("valid");
    v["member"]["name"] = json!(name);
    v["org_life"]["attended"] = json!(attended);
    v["veto"]["sanctioned"] = json!(sanctioned);
    v
}

#[test]
fn ranking_shares_ranks_and_puts_vetoes_and_errors_last() {
    let form = dangjian_standards::engine().compile(&spec()).unwrap();
    let mut broken = member("黄大海", 28, false);
    broken["org_life"]["attended"] = json!(99);
    let records = vec![
        member("张三丰", 20, false),
        member("李四清", 28, false),
        member("王五月", 30, true),
        member("赵六合", 28, false),
        broken,
        member("钱七星", 34, false),
    ];
    let ranking = rank_records(&form, &records, &options());
    let rows: Vec<(u32, &str, f64, bool)> = ranking
        .entries
        .iter()
        .map(|e| (e.rank, e.member.as_str(), e.total.get(), e.vetoed))
        .collect();
    assert_eq!(
        rows,
        vec![
            (1, "钱七星", 97.0, false),
            (2, "李四清", 95.0, false),
            (2, "赵六合", 95.0, false),
            (4, "张三丰", 87.0, false),
            (5, "王五月", 97.0, true),
        ]
    );
    assert_eq!(ranking.entries[4].grade.as_deref(), Some("unqualified"));
    assert_eq!(ranking.unranked.len(), 1);
    assert_eq!(
        (
            ranking.unranked[0].member.as_str(),
            ranking.unranked[0].reason.as_str()
        ),
        ("黄大海", "invalid")
    );
    // The ranking travels as JSON, and so do its inputs.
    let json = serde_json::to_value(&ranking).unwrap();
    assert_eq!(json["entries"][0]["stars"], 5);
    let report = form.validate(&records[0], &options());
    let input: Vec<MemberReport> = serde_json::from_value(
        json!([{"member": "张三丰", "report": serde_json::to_value(&report).unwrap()}]),
    )
    .unwrap();
    assert_eq!(rank_members(&input).entries[0].total.get(), 87.0);
}

#[test]
fn the_doc_lists_every_rule_and_setting() {
    assert_doc_complete("member-points");
}
