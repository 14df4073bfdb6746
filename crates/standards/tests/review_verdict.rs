//! The verdict as a Rust function: statuses, the reasons it names, and how it
//! combines with a validation report.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use dangjian_core::dates::Date;
use dangjian_core::{Locale, ValidateOptions};
use dangjian_standards::review::{
    self, verdict, verdict_with_report, ReviewSettings, VerdictOptions, VerdictStatus,
};
use serde_json::{json, Value};

fn example() -> Value {
    serde_json::from_str(include_str!("../../../examples/candidate-review.json")).unwrap()
}

fn settings() -> Value {
    dangjian_standards::engine()
        .compile_str(review::SPEC)
        .unwrap()
        .settings()
        .clone()
}

fn options(locale: Locale) -> VerdictOptions {
    VerdictOptions {
        today: Date::from_ymd(2026, 11, 22),
        locale,
    }
}

fn set(data: &mut Value, dept: &str, answer: Value) {
    let rows = data["review"]["departments"].as_array_mut().unwrap();
    let row = rows.iter_mut().find(|d| d["department"] == dept).unwrap();
    *row = answer;
}

#[test]
fn all_clear_passes() {
    let v = verdict(&example(), &settings(), &options(Locale::ZhCn));
    assert_eq!(v.status, VerdictStatus::Pass);
    assert_eq!(v.title, "通过");
    assert_eq!(v.cleared.len(), 14);
    assert!(v.flags.is_empty() && v.outstanding.is_empty() && v.blocking.is_empty());
}

#[test]
fn flags_win_over_pending_and_name_department_and_items() {
    let mut data = example();
    set(
        &mut data,
        "public_security",
        json!({"department": "public_security", "result": "pending"}),
    );
    set(
        &mut data,
        "court",
        json!({"department": "court", "result": "flag", "findings": [{"item": "9", "note": "失信"}, {"item": "2", "note": "判刑"}]}),
    );
    let v = verdict(&data, &settings(), &options(Locale::ZhCn));
    assert_eq!(v.status, VerdictStatus::NotNominated);
    assert_eq!(v.title, "建议不予提名");
    assert_eq!(v.flags.len(), 1);
    let f = &v.flags[0];
    assert_eq!(
        (
            f.department.as_str(),
            f.department_title.as_str(),
            f.path.as_str()
        ),
        ("court", "法院", "/review/departments/5")
    );
    let items: Vec<&str> = f.items.iter().map(|i| i.item.as_str()).collect();
    assert_eq!(items, ["9", "2"]);
    assert_eq!(f.items[1].path, "/review/departments/5/findings/1");
    assert!(
        v.summary.contains("法院：第9项") && v.summary.contains("、第2项"),
        "{}",
        v.summary
    );
    assert_eq!(
        v.outstanding.len(),
        1,
        "the pending department is still listed"
    );

    let en = verdict(&data, &settings(), &options(Locale::En));
    assert_eq!(en.title, "not recommended for nomination");
    assert!(
        en.summary.contains("People's Court: item 9"),
        "{}",
        en.summary
    );
}

#[test]
fn pending_rows_and_missing_departments_are_outstanding() {
    let mut data = example();
    set(
        &mut data,
        "audit",
        json!({"department": "audit", "result": "pending"}),
    );
    data["review"]["departments"]
        .as_array_mut()
        .unwrap()
        .retain(|d| d["department"] != "tax");
    let v = verdict(&data, &settings(), &options(Locale::ZhCn));
    assert_eq!(v.status, VerdictStatus::Pending);
    let o: Vec<(&str, Option<&str>)> = v
        .outstanding
        .iter()
        .map(|o| (o.department.as_str(), o.path.as_deref()))
        .collect();
    assert_eq!(o, [("audit", Some("/review/departments/9")), ("tax", None)]);
    assert_eq!(v.summary, "待审——尚待审计局、税务局答复");
}

#[test]
fn an_answer_without_a_result_is_outstanding() {
    let mut data = example();
    set(&mut data, "court", json!({"department": "court"}));
    let v = verdict(&data, &settings(), &options(Locale::ZhCn));
    assert_eq!(v.status, VerdictStatus::Pending);
    assert_eq!(v.outstanding[0].department, "court");
}

#[test]
fn identity_errors_block_pass() {
    let mut data = example();
    data["candidate"]["citizen_id"] = json!("440605198603140021");
    let v = verdict(&data, &settings(), &options(Locale::ZhCn));
    assert_eq!(v.status, VerdictStatus::Pending);
    assert_eq!(v.blocking[0].code, "citizen_id.checksum");
    assert_eq!(v.blocking[0].path, "/candidate/citizen_id");
    assert!(!v.summary.contains("440605198603140021"));

    let mut data = example();
    data["candidate"]["gender"] = json!("male");
    data["candidate"]["birth_date"] = json!("1986-03-15");
    let v = verdict(&data, &settings(), &options(Locale::En));
    let codes: Vec<&str> = v.blocking.iter().map(|b| b.code.as_str()).collect();
    assert_eq!(
        codes,
        ["candidate.birth_date_mismatch", "candidate.gender_mismatch"]
    );

    let mut data = example();
    data["candidate"]
        .as_object_mut()
        .unwrap()
        .remove("citizen_id");
    let v = verdict(&data, &settings(), &options(Locale::ZhCn));
    assert_eq!(v.blocking[0].code, "required");
}

#[test]
fn birth_in_the_future_needs_today() {
    let mut data = example();
    data["candidate"]["citizen_id"] = json!("440605202701010024");
    let without = verdict(&data, &settings(), &VerdictOptions::default());
    assert!(!without
        .blocking
        .iter()
        .any(|b| b.code == "citizen_id.birth_future"));
    let with = verdict(&data, &settings(), &options(Locale::ZhCn));
    assert!(
        with.blocking
            .iter()
            .any(|b| b.code == "citizen_id.birth_future"),
        "{:?}",
        with.blocking
    );
}

#[test]
fn report_errors_block_pass_and_are_counted_in_the_summary() {
    let form = dangjian_standards::engine()
        .compile_str(review::SPEC)
        .unwrap();
    let mut data = example();
    data["candidate"]["education"] = json!("doctorate");
    let o = ValidateOptions {
        today: Some("2026-11-22".into()),
        ..ValidateOptions::default()
    };
    let (report, v) = review::assess(&form, &data, &o);
    assert!(!report.valid);
    assert_eq!(v.status, VerdictStatus::Pending);
    assert!(v
        .blocking
        .iter()
        .any(|b| b.code == "choice" && b.path == "/candidate/education" && b.from_report));
    assert_eq!(v.summary, "待审——记录有1处错误待改正");
    // The record alone does not know that error.
    assert_eq!(
        verdict(&data, form.settings(), &options(Locale::ZhCn)).status,
        VerdictStatus::Pass
    );
    // The verdict's own issues never block it.
    let mut flagged = example();
    set(
        &mut flagged,
        "court",
        json!({"department": "court", "result": "flag", "findings": [{"item": "9", "note": "失信"}], "reviewer": "郭立平", "reviewed_on": "2026-11-18"}),
    );
    let report = form.validate(&flagged, &o);
    let v = verdict_with_report(&flagged, form.settings(), &options(Locale::ZhCn), &report);
    assert!(v.blocking.is_empty(), "{:?}", v.blocking);
}

#[test]
fn verdict_serializes_with_stable_names() {
    let mut data = example();
    set(
        &mut data,
        "court",
        json!({"department": "court", "result": "flag", "findings": [{"item": "9", "event": "environmental_damage", "event_date": "2024-01-01", "note": "x"}]}),
    );
    let v = verdict(&data, &settings(), &options(Locale::ZhCn));
    let j = serde_json::to_value(&v).unwrap();
    assert_eq!(j["status"], "not_nominated");
    assert_eq!(j["flags"][0]["department"], "court");
    assert_eq!(j["flags"][0]["items"][0]["window_years"], json!(5));
    assert_eq!(j["flags"][0]["items"][0]["counts"], true);
    let back: review::Verdict = serde_json::from_value(j).unwrap();
    assert_eq!(back, v);
}

#[test]
fn settings_fall_back_to_the_built_in_form() {
    let s = ReviewSettings::from_values(&json!({}));
    assert_eq!(s, ReviewSettings::builtin());
    assert_eq!(s.required_departments(false).count(), 11);
    assert_eq!(s.required_departments(true).count(), 14);
    // With no settings at all, the built-in matrix applies.
    assert_eq!(
        verdict(&example(), &Value::Null, &options(Locale::ZhCn)).status,
        VerdictStatus::Pass
    );
}

#[test]
fn a_matrix_without_departments_and_no_answers_cannot_pass() {
    let mut data = example();
    data["review"]["departments"] = json!([]);
    let v = verdict(
        &data,
        &json!({"review_departments": []}),
        &options(Locale::ZhCn),
    );
    assert_eq!(v.status, VerdictStatus::Pending);
    assert_eq!(v.blocking.last().unwrap().code, "review.no_answers");
}
