//! The annual meeting compliance check on its golden vectors and on the example year.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use dangjian_core::Locale;
use dangjian_standards::meetings::{
    compliance, compliance_of, ComplianceInput, ComplianceOptions, ComplianceReport, Period,
    PeriodStatus,
};

mod common;

use common::root;
use std::path::PathBuf;

fn run(case: &str) -> ComplianceReport {
    let input: ComplianceInput = serde_json::from_value(common::input("compliance", case)).unwrap();
    compliance_of(&input)
}

/// (requirement, period key) of every missing period.
fn missing(r: &ComplianceReport) -> Vec<(String, String)> {
    r.issues
        .iter()
        .filter(|i| i.code == "compliance.missing")
        .map(|i| {
            (
                i.params["requirement"].as_str().unwrap().to_owned(),
                i.params["period_key"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_owned(), b.to_owned())
}

#[test]
fn a_full_year_is_compliant() {
    let r = run("full-year-compliant");
    assert!(r.compliant, "{:?}", missing(&r));
    assert_eq!(
        (r.from.as_str(), r.to.as_str()),
        ("2026-01-01", "2026-12-31")
    );
    assert_eq!(r.counts.periods_missing, 0);
    // 4 quarters + 12 + 12 + 4 + 1 + 12 + 1 + 1 + 3 talk years.
    assert_eq!(
        r.counts.periods_judged,
        4 + 12 + 12 + 4 + 1 + 12 + 1 + 1 + 3
    );
    // Party-building Tuesday is off by default.
    assert!(r.requirements.iter().all(|q| q.id != "party_tuesday"));
}

#[test]
fn a_quarter_without_a_general_meeting() {
    let r = run("quarter-without-general-meeting");
    assert!(!r.compliant);
    assert_eq!(missing(&r), vec![pair("general_meeting", "2026-Q2")]);
    let issue = &r.issues[0];
    assert_eq!(
        issue.message,
        "2026年第二季度支部党员大会未达到要求：应每季度至少 1 次，实有 0 次"
    );
    let gm = r
        .requirements
        .iter()
        .find(|q| q.id == "general_meeting")
        .unwrap();
    assert_eq!(gm.periods[1].status, PeriodStatus::Missing);
    assert_eq!(gm.periods[2].dates, vec!["2026-09-17"]);
}

#[test]
fn a_month_without_a_committee_meeting() {
    let r = run("month-without-committee-meeting");
    assert_eq!(missing(&r), vec![pair("committee", "2026-08")]);
}

#[test]
fn a_month_without_a_theme_party_day() {
    let r = run("month-without-theme-party-day");
    assert_eq!(missing(&r), vec![pair("theme_day", "2026-10")]);
}

#[test]
fn a_year_without_an_org_life_meeting() {
    let r = run("year-without-org-life-meeting");
    assert_eq!(missing(&r), vec![pair("org_life", "2026")]);
}

#[test]
fn the_secretary_must_lecture_once_a_year() {
    let r = run("year-without-secretary-lecture");
    assert_eq!(missing(&r), vec![pair("secretary_lecture", "2026")]);
}

#[test]
fn an_org_life_meeting_held_as_a_committee_meeting_counts_as_one() {
    let r = run("org-life-held-as-committee-counts");
    assert!(r.compliant, "{:?}", missing(&r));
}

#[test]
fn english_and_unreadable_records() {
    let r = run("two-months-without-party-group-en");
    assert_eq!(r.locale, "en");
    assert_eq!(
        missing(&r),
        vec![
            pair("party_group", "2026-07"),
            pair("party_group", "2026-08")
        ]
    );
    let m = r
        .issues
        .iter()
        .find(|i| i.code == "compliance.missing")
        .unwrap();
    assert_eq!(
        m.message,
        "Party-group meeting: 0 held in July 2026; at least 1 per month required."
    );
    assert_eq!(r.counts.unreadable, 2);
    assert_eq!(r.counts.outside_range, 1);
    let unreadable: Vec<&str> = r
        .issues
        .iter()
        .filter(|i| i.code == "compliance.unreadable_record")
        .map(|i| i.path.as_str())
        .collect();
    assert_eq!(unreadable.len(), 2);
    assert!(unreadable.iter().all(|p| p.starts_with("/minutes/")));
}

#[test]
fn frequencies_are_data() {
    let input = common::input("compliance", "full-year-compliant");
    let minutes = input["minutes"].as_array().unwrap().clone();
    // A county that wants a party lecture every month instead of every quarter.
    let mut options = ComplianceOptions::for_year(2026);
    for q in &mut options.requirements {
        if q.id == "party_lecture" {
            q.period = Period::Month;
        }
    }
    let r = compliance(&minutes, &options);
    assert_eq!(
        r.counts.periods_missing, 8,
        "12 months, lectures in 4 of them"
    );
    // And one with half-yearly lectures is satisfied.
    for q in &mut options.requirements {
        if q.id == "party_lecture" {
            q.period = Period::HalfYear;
        }
    }
    assert!(compliance(&minutes, &options).compliant);
    // The options travel as JSON.
    let json = serde_json::to_value(&options).unwrap();
    let back: ComplianceOptions = serde_json::from_value(json).unwrap();
    assert_eq!(back, options);
}

#[test]
fn the_example_year_so_far() {
    let dir = root().join("examples/minutes-2026");
    let mut minutes = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for p in names {
        minutes.push(common::read(&p));
    }
    let mut options = ComplianceOptions::for_year(2026);
    options.today = Some("2026-11-22".into());
    options.locale = Locale::ZhCn;
    let r = compliance(&minutes, &options);
    // The branch skipped its August committee meeting; November and Q4 are still open, December is ahead.
    assert_eq!(missing(&r), vec![pair("committee", "2026-08")]);
    let committee = r.requirements.iter().find(|q| q.id == "committee").unwrap();
    assert_eq!(committee.periods[10].status, PeriodStatus::Met);
    assert_eq!(committee.periods[11].status, PeriodStatus::Future);
    let lectures = r
        .requirements
        .iter()
        .find(|q| q.id == "party_lecture")
        .unwrap();
    assert_eq!(lectures.periods[3].status, PeriodStatus::Met);
    // Turning Party-building Tuesday on: most weeks lack one.
    for q in &mut options.requirements {
        if q.id == "party_tuesday" {
            q.enabled = true;
        }
    }
    let r = compliance(&minutes, &options);
    let tuesday = r
        .requirements
        .iter()
        .find(|q| q.id == "party_tuesday")
        .unwrap();
    assert_eq!(tuesday.held, 4);
    assert!(tuesday.missing > 40);
    // The first ISO week of 2026 starts in 2025: it is not judged.
    assert_eq!(tuesday.periods[0].status, PeriodStatus::Partial);
}

/// The invalid records listed under the periods of `requirement`: (period key, record, codes).
fn invalid(r: &ComplianceReport, requirement: &str) -> Vec<(String, usize, Vec<String>)> {
    r.requirements
        .iter()
        .find(|q| q.id == requirement)
        .unwrap()
        .periods
        .iter()
        .flat_map(|p| {
            p.invalid
                .iter()
                .map(|b| (p.key.clone(), b.record, b.codes.clone()))
        })
        .collect()
}

#[test]
fn an_inquorate_general_meeting_is_not_a_meeting_held() {
    let r = run("inquorate-general-meeting-not-counted");
    assert!(!r.compliant);
    assert_eq!(missing(&r), vec![pair("general_meeting", "2026-Q1")]);
    assert_eq!(
        invalid(&r, "general_meeting"),
        vec![("2026-Q1".to_owned(), 14, vec!["minutes.quorum".to_owned()])]
    );
    let gm = r
        .requirements
        .iter()
        .find(|q| q.id == "general_meeting")
        .unwrap();
    // Three general meetings and the organisational life meeting held as one.
    assert_eq!((gm.held, gm.invalid), (4, 1));
    assert!(gm.periods[0].records.is_empty());
    let warning = &r.issues[0];
    assert_eq!(warning.code, "compliance.invalid_record");
    assert_eq!(warning.path, "/minutes/14");
    assert_eq!(
        warning.message,
        "第 15 份记录（2026-03-17）有 1 个错误（minutes.quorum），不计为已召开"
    );
    let m = r
        .issues
        .iter()
        .find(|i| i.code == "compliance.missing")
        .unwrap();
    assert_eq!(
        m.message,
        "2026年第一季度支部党员大会未达到要求：应每季度至少 1 次，实有 0 次（另有 1 份记录有错误，未计入）"
    );
    assert_eq!(m.params["invalid_records"], serde_json::json!([14]));
    assert_eq!(r.counts.invalid_records, 1);
}

#[test]
fn invalid_minutes_count_when_the_option_says_so() {
    let r = run("inquorate-general-meeting-counted-when-asked");
    assert!(r.compliant);
    assert_eq!(
        invalid(&r, "general_meeting"),
        vec![("2026-Q1".to_owned(), 14, vec!["minutes.quorum".to_owned()])]
    );
    assert_eq!(r.issues.len(), 1);
    assert_eq!(
        r.issues[0].message,
        "第 15 份记录（2026-03-17）有 1 个错误（minutes.quorum），仍按已召开计入"
    );
}

#[test]
fn the_minutes_are_checked_with_the_settings_given() {
    // 10 voters expected, 5 present: quorate only when "半数以上" reads as at least half.
    let r = run("half-the-voters-quorate-with-the-lenient-reading");
    assert!(r.compliant, "{:?}", r.issues);
    assert_eq!(r.counts.invalid_records, 0);
    let mut input: ComplianceInput = serde_json::from_value(common::input(
        "compliance",
        "half-the-voters-quorate-with-the-lenient-reading",
    ))
    .unwrap();
    input.options.minutes_settings = None;
    let strict = compliance_of(&input);
    assert_eq!(missing(&strict), vec![pair("general_meeting", "2026-Q1")]);
    assert_eq!(
        invalid(&strict, "general_meeting")[0].2,
        vec!["minutes.quorum"]
    );
}

#[test]
fn a_record_with_only_a_type_and_a_date_does_not_count() {
    let r = run("record-without-minutes-not-counted");
    assert_eq!(missing(&r), vec![pair("theme_day", "2026-05")]);
    let bad = invalid(&r, "theme_day");
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].0, "2026-05");
    assert_eq!(bad[0].2, vec!["required"]);
}

#[test]
fn a_theme_party_day_off_its_fixed_day_is_a_warning() {
    let r = run("theme-day-not-on-the-fixed-day");
    assert!(r.compliant);
    assert_eq!(r.issues.len(), 1);
    let w = &r.issues[0];
    assert_eq!(
        (w.code.as_str(), w.path.as_str()),
        ("compliance.not_fixed_day", "/minutes/16/meeting/date")
    );
    assert_eq!(w.params["date"], "2026-04-13");
    assert_eq!(w.params["expected"], "每月 10 日，即多数会议的日期");
}

#[test]
fn an_org_life_meeting_outside_the_fourth_quarter_is_a_warning() {
    let r = run("org-life-outside-the-fourth-quarter");
    assert!(r.compliant);
    assert_eq!(r.issues.len(), 1);
    let w = &r.issues[0];
    assert_eq!(w.code, "compliance.unusual_time");
    assert_eq!(w.params["period_key"], "2026");
    assert_eq!(w.params["dates"], "2026-01-20");
    assert_eq!(
        w.message,
        "2026年组织生活会一般在 10、11、12 月召开，本期间只在 2026-01-20 召开"
    );
}
