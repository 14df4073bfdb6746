//! Unit tests of the compliance run (the golden vectors are in `tests/`).
use super::*;
use crate::meetings::fixed_day::FixedDay;
use dangjian_core::{Locale, Severity};
use serde_json::{json, Value};

fn m(kind: &str, date: &str) -> Value {
    json!({"meeting": {"type": kind, "date": date}})
}

#[test]
fn an_invalid_range_is_an_issue() {
    let r = compliance(
        &[],
        &ComplianceOptions::for_range("2026-05-01", "2026-04-01"),
    );
    assert!(!r.compliant);
    assert_eq!(r.issues[0].code, "compliance.invalid_range");
    let r = compliance(&[], &ComplianceOptions::default());
    assert_eq!(r.issues[0].code, "compliance.invalid_range");
    // A range of centuries would list every week of them: refused.
    let mut o = ComplianceOptions::for_range("0001-01-01", "9999-12-31");
    o.minutes_check = MinutesCheck::Off;
    let r = compliance(&[], &o);
    assert_eq!(r.issues[0].message, "检查期间无效：检查期间不能超过 20 年");
    assert!(r.requirements.is_empty());
    let r = compliance(
        &[],
        &ComplianceOptions::for_range("2007-01-01", "2026-12-31"),
    );
    assert!(r
        .issues
        .iter()
        .all(|i| i.code != "compliance.invalid_range"));
}

#[test]
fn open_and_future_periods_are_not_missing() {
    let mut o = ComplianceOptions::for_year(2026);
    o.minutes_check = MinutesCheck::Off;
    o.today = Some("2026-05-15".into());
    o.requirements.retain(|r| r.id == "committee");
    let r = compliance(
        &[
            m("committee", "2026-01-10"),
            m("committee", "2026-02-10"),
            m("committee", "2026-03-10"),
        ],
        &o,
    );
    let p = &r.requirements[0].periods;
    assert_eq!(p[0].status, PeriodStatus::Met);
    assert_eq!(p[3].status, PeriodStatus::Missing); // April is over
    assert_eq!(p[4].status, PeriodStatus::Open); // May holds today
    assert_eq!(p[5].status, PeriodStatus::Future);
    assert_eq!(r.counts.periods_missing, 1);
}

#[test]
fn unreadable_and_outside_records() {
    let mut o = ComplianceOptions::for_year(2026);
    o.minutes_check = MinutesCheck::Off;
    o.requirements.retain(|r| r.id == "org_life");
    let r = compliance(
        &[
            m("org_life", "2025-12-20"),
            json!({"meeting": {"type": "org_life"}}),
            json!(7),
        ],
        &o,
    );
    assert_eq!(r.counts.outside_range, 1);
    assert_eq!(r.counts.unreadable, 2);
    assert_eq!(r.issues[0].path, "/minutes/1/meeting/date");
    assert_eq!(r.issues[1].path, "/minutes/2/meeting/type");
    assert!(r.issues.iter().any(|i| i.code == "compliance.missing"));
}

#[test]
fn input_reads_options_and_minutes_from_one_document() {
    let input: ComplianceInput = serde_json::from_value(json!({
        "year": 2026, "locale": "en", "minutes_check": "off",
        "minutes": [m("org_life", "2026-12-01")]
    }))
    .unwrap();
    assert_eq!(input.options.year, Some(2026));
    assert_eq!(input.options.locale, Locale::En);
    assert_eq!(input.options.requirements, default_requirements());
    let r = compliance_of(&input);
    let org = r.requirements.iter().find(|q| q.id == "org_life").unwrap();
    assert_eq!(org.periods[0].status, PeriodStatus::Met);
    assert_eq!(org.frequency, "at least 1 per year");
}

#[test]
fn unknown_option_names_are_refused() {
    let bad = serde_json::from_value::<ComplianceInput>(
        json!({"year": 2026, "minute_check": "off", "minutes": []}),
    );
    assert!(bad.unwrap_err().to_string().contains("minute_check"));
    let bad = serde_json::from_value::<ComplianceOptions>(json!({"yaer": 2026}));
    assert!(bad.is_err());
    let bad = serde_json::from_value::<ComplianceOptions>(json!({"minutes_check": "maybe"}));
    assert!(bad.is_err());
}

#[test]
fn a_record_with_only_a_type_and_a_date_is_not_a_meeting_held() {
    let mut o = ComplianceOptions::for_year(2026);
    o.requirements.retain(|r| r.id == "org_life");
    let minutes = [m("org_life", "2026-12-01")];
    let r = compliance(&minutes, &o);
    assert!(!r.compliant);
    assert_eq!(r.counts.invalid_records, 1);
    let org = &r.requirements[0];
    assert_eq!((org.held, org.invalid), (0, 1));
    let bad = &org.periods[0].invalid[0];
    assert_eq!((bad.record, bad.date.as_str()), (0, "2026-12-01"));
    assert!(
        bad.codes.contains(&"required".to_owned()),
        "{:?}",
        bad.codes
    );
    assert_eq!(r.issues[0].code, "compliance.invalid_record");
    assert_eq!(r.issues[0].path, "/minutes/0");
    assert_eq!(r.issues[0].severity, Severity::Warning);
    assert_eq!(r.issues[1].code, "compliance.missing");
    assert_eq!(r.issues[1].params["invalid"], json!(1));
    assert_eq!(r.issues[1].params["invalid_records"], json!([0]));
    // Counted all the same when asked, still listed and warned about.
    o.minutes_check = MinutesCheck::CountInvalid;
    let r = compliance(&minutes, &o);
    assert!(r.compliant);
    assert_eq!(r.requirements[0].held, 1);
    assert_eq!(r.requirements[0].periods[0].invalid.len(), 1);
    assert_eq!(r.issues.len(), 1);
    assert_eq!(r.issues[0].params["counted"], json!(true));
    // And not checked at all when switched off.
    o.minutes_check = MinutesCheck::Off;
    let r = compliance(&minutes, &o);
    assert!(r.compliant);
    assert_eq!(r.counts.invalid_records, 0);
    assert!(r.issues.is_empty());
}

#[test]
fn bad_minutes_settings_are_an_error_of_the_report() {
    let mut o = ComplianceOptions::for_year(2026);
    o.minutes_settings = Some(
        json!({"majority_strikt": false})
            .as_object()
            .cloned()
            .unwrap(),
    );
    let r = compliance(&[], &o);
    assert!(!r.compliant);
    assert_eq!(r.issues[0].code, "compliance.minutes_form");
    assert!(
        r.issues[0].message.contains("majority_strikt"),
        "{}",
        r.issues[0].message
    );
}

#[test]
fn fixed_day_and_usual_months_are_warnings() {
    let mut o = ComplianceOptions::for_year(2026);
    o.minutes_check = MinutesCheck::Off;
    o.requirements
        .retain(|r| r.id == "theme_day" || r.id == "org_life");
    let mut minutes: Vec<Value> = (1..=12)
        .map(|mo| m("theme_day", &format!("2026-{mo:02}-10")))
        .collect();
    minutes[3] = m("theme_day", "2026-04-13");
    minutes.push(m("org_life", "2026-01-20"));
    let r = compliance(&minutes, &o);
    assert!(r.compliant, "warnings only");
    let codes: Vec<(&str, &str)> = r
        .issues
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    assert_eq!(
        codes,
        vec![
            ("compliance.not_fixed_day", "/minutes/3/meeting/date"),
            ("compliance.unusual_time", "")
        ]
    );
    // A year still open is not judged for its usual months.
    o.today = Some("2026-11-22".into());
    let r = compliance(&minutes, &o);
    assert!(r.issues.iter().all(|i| i.code != "compliance.unusual_time"));
    // A county's fixed day: the 13th; no fixed day at all.
    o.requirements[0].fixed_day = Some(FixedDay {
        day_of_month: Some(13),
        ..FixedDay::default()
    });
    let r = compliance(&minutes, &o);
    assert_eq!(
        r.issues
            .iter()
            .filter(|i| i.code == "compliance.not_fixed_day")
            .count(),
        11
    );
    o.requirements[0].fixed_day = None;
    assert!(compliance(&minutes, &o).issues.is_empty());
}

#[test]
fn errors_found_by_the_caller_keep_a_record_from_counting() {
    let mut o = ComplianceOptions::for_year(2026);
    o.requirements.retain(|r| r.id == "committee");
    o.today = Some("2026-03-01".into());
    let minutes = [m("committee", "2026-01-10"), m("committee", "2026-02-10")];
    let errors = [
        None,
        Some(RecordErrors {
            errors: 2,
            codes: vec!["required".into()],
        }),
    ];
    let r = compliance_checked(&minutes, &errors, &o);
    let p = &r.requirements[0].periods;
    assert_eq!(
        (p[0].status, p[1].status),
        (PeriodStatus::Met, PeriodStatus::Missing)
    );
    assert_eq!(p[1].invalid[0].codes, ["required"]);
    assert_eq!(r.counts.invalid_records, 1);
    o.minutes_check = MinutesCheck::CountInvalid;
    let r = compliance_checked(&minutes, &errors, &o);
    assert_eq!(r.requirements[0].periods[1].status, PeriodStatus::Met);
    o.minutes_check = MinutesCheck::Off;
    let r = compliance_checked(&minutes, &errors[..1], &o);
    assert_eq!(r.counts.invalid_records, 0);
    assert_eq!(r.requirements[0].missing, 0);
}
