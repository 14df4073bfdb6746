//! The secretary's annual review (述职评议) on its golden vectors: every band
//! edge, every cap at its threshold, the ballot checks, the settings, and the
//! rectification list of the problems raised.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod common;

use common::{assert_doc_complete, codes, has, read, root, run_input};
use dangjian_core::{Locale, Report, Severity};
use dangjian_standards::checklist::{RectificationOptions, RECTIFICATION_FORM_ID};
use dangjian_standards::secretary_review::{
    assess, rectification_list, Assessment, Grade, FORM_ID,
};
use serde_json::{json, Value};

fn run(name: &str) -> Report {
    run_input(&common::input(FORM_ID, name))
}

/// The assessment the report's `result` outcome carries.
fn result(r: &Report) -> Assessment {
    serde_json::from_value(r.outcomes["result"].clone()).unwrap()
}

fn grades(name: &str) -> (Option<Grade>, Option<Grade>, Vec<String>) {
    let a = result(&run(name));
    (a.band, a.grade, a.caps.into_iter().map(|c| c.id).collect())
}

#[test]
fn the_example_is_the_valid_vector_and_grades_good() {
    let r = run("valid");
    assert!(r.valid && r.issues.is_empty(), "{:?}", codes(&r));
    assert_eq!(
        read(&root().join("examples/secretary-review.json")),
        common::case(FORM_ID, "valid")
    );
    let a = result(&r);
    // (40 × 93.33 + 30 × 92 + 10 × 95 + 20 × 93) ÷ 100 = 93.03; with the check's 91 at 50 %: 92.02.
    assert_eq!(a.evaluation_score.unwrap().get(), 93.03);
    assert_eq!(a.composite.unwrap().get(), 92.02);
    assert_eq!(
        (a.grade, a.grade_title.as_deref()),
        (Some(Grade::Good), Some("好"))
    );
    assert_eq!(a.votes.total, 82);
    assert_eq!(a.satisfaction_percent.unwrap().get(), 95.0);
    assert!(run("valid-en").valid);
    assert_eq!(
        result(&run("valid-en")).grade_title.as_deref(),
        Some("Good")
    );
}

#[test]
fn score_bands_at_their_edges() {
    use Grade::*;
    for (name, band) in [
        ("band-good-at-90", Good),
        ("band-fairly-good-below-90", FairlyGood),
        ("band-fairly-good-at-80", FairlyGood),
        ("band-average-below-80", Average),
        ("band-average-at-60-with-annual-check", Average),
        ("band-poor-below-60-with-annual-check", Poor),
    ] {
        assert_eq!(grades(name), (Some(band), Some(band), vec![]), "{name}");
        let r = run(name);
        assert!(r.valid, "{name}: {:?}", codes(&r));
        assert_eq!(
            has(&r, "secretary_review.grade_low", "/assessment"),
            band <= Average,
            "{name}"
        );
    }
    // 80 from the ratings and 40 from the annual check, half each: exactly 60.
    assert_eq!(
        result(&run("band-average-at-60-with-annual-check"))
            .composite
            .unwrap()
            .get(),
        60.0
    );
}

#[test]
fn low_votes_and_satisfaction_cap_the_grade_at_their_thresholds() {
    use Grade::*;
    let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
    assert_eq!(
        grades("lower-votes-a-third-caps-at-average"),
        (Some(FairlyGood), Some(Average), s(&["lower_votes"]))
    );
    assert_eq!(
        grades("lower-votes-below-a-third"),
        (Some(FairlyGood), Some(FairlyGood), vec![])
    );
    assert_eq!(
        grades("poor-votes-a-third-is-poor"),
        (Some(Average), Some(Poor), s(&["poor_votes"]))
    );
    assert_eq!(
        grades("poor-votes-below-a-third"),
        (Some(Average), Some(Average), vec![])
    );
    assert_eq!(
        grades("satisfaction-below-90-caps-at-average"),
        (Some(Good), Some(Average), s(&["satisfaction"]))
    );
    assert_eq!(
        grades("satisfaction-at-90"),
        (Some(Good), Some(Good), vec![])
    );
    let a = result(&run("lower-votes-a-third-caps-at-average"));
    assert_eq!(
        a.caps[0].reason,
        "“一般”“差”票合计 10 张，达到全部测评票 30 张的 1/3，最高为“一般”"
    );
}

#[test]
fn missing_groups_are_left_out_and_a_county_changes_weights_and_bands() {
    // 40 × 100 and 20 × 80 over the weights present, 60: 93.33.
    let a = result(&run("weights-renormalised-without-two-groups"));
    assert_eq!(
        (a.composite.unwrap().get(), a.grade),
        (93.33, Some(Grade::Good))
    );
    // The county weighs the superior committee at 50 and asks 95 for 好.
    let a = result(&run("county-weights-and-bands"));
    assert_eq!(
        (a.composite.unwrap().get(), a.grade),
        (94.29, Some(Grade::FairlyGood))
    );
}

#[test]
fn ballots_are_checked_like_an_elections() {
    for (name, code, path) in [
        (
            "rating-sum-not-valid-ballots",
            "secretary_review.rating_sum",
            "/evaluation/groups/1/ballots_valid",
        ),
        (
            "ballots-returned-above-issued",
            "secretary_review.ballots_returned",
            "/evaluation/ballots_returned",
        ),
        (
            "turnout-exactly-half",
            "secretary_review.turnout",
            "/evaluation/ballots_returned",
        ),
        (
            "recorded-grade-above-result",
            "secretary_review.grade_above_result",
            "/assessment/recorded_grade",
        ),
    ] {
        let r = run(name);
        assert!(!r.valid, "{name}");
        assert_eq!(
            codes(&r),
            vec![(code.to_owned(), path.to_owned())],
            "{name}"
        );
    }
    assert!(run("turnout-more-than-half").valid);
    assert!(run("recorded-grade-below-result").valid);
}

#[test]
fn the_report_and_the_timing_are_warnings() {
    let r = run("report-without-problems-and-plans");
    assert!(r.valid);
    let topics: Vec<&Value> = r.issues.iter().map(|i| &i.params["topic"]).collect();
    assert_eq!(topics, [&json!("problems"), &json!("plans")]);
    for name in ["held-after-the-window", "held-before-the-window"] {
        let r = run(name);
        assert!(r.valid, "{name}: {:?}", codes(&r));
        assert_eq!(
            codes(&r),
            vec![(
                "secretary_review.timing".to_owned(),
                "/subject/held_on".to_owned()
            )],
            "{name}"
        );
    }
    assert!(run("held-on-the-first-day-of-the-window").issues.is_empty());
}

#[test]
fn several_errors_at_once_and_a_draft() {
    let r = run("several-errors");
    for (code, path) in [
        ("pattern", "/subject/branch_code"),
        (
            "secretary_review.rating_sum",
            "/evaluation/groups/0/ballots_valid",
        ),
        (
            "secretary_review.ballots_returned",
            "/evaluation/ballots_returned",
        ),
        ("secretary_review.duplicate_group", "/evaluation/groups"),
        ("max", "/assessment/annual_check_score"),
        (
            "secretary_review.deadline_before_meeting",
            "/problems/items/0/deadline",
        ),
    ] {
        assert!(has(&r, code, path), "{code} at {path}: {:?}", codes(&r));
    }
    let r = run("draft");
    assert!(!r.valid);
    assert!(r.outcomes["result"]["grade"].is_null());
    assert_eq!(
        r.issues
            .iter()
            .filter(|i| i.severity == Severity::Warning)
            .count(),
        3
    );
}

#[test]
fn the_problems_become_a_valid_rectification_list() {
    let form = common::form(FORM_ID);
    let record = common::case(FORM_ID, "valid");
    let options = RectificationOptions {
        created_on: "2026-01-25".into(),
        branch: "大岗村党委".into(),
    };
    let list = rectification_list(&form, &record, &options, Locale::ZhCn);
    assert_eq!(
        (list.header.grade.as_str(), list.header.score.get()),
        ("好", 92.02)
    );
    let e = &list.problems.entries;
    assert_eq!(e.len(), 3);
    assert_eq!(
        (
            e[1].kind.as_str(),
            e[1].status.as_str(),
            e[1].section.as_str(),
            e[1].owner.as_str()
        ),
        ("problem", "raised", "本人查摆", "陈美玲")
    );
    let data = serde_json::to_value(&list).unwrap();
    let o = dangjian_core::ValidateOptions {
        today: Some("2026-02-01".into()),
        ..common::options()
    };
    let r = common::form(RECTIFICATION_FORM_ID).validate(&data, &o);
    assert!(r.valid && r.issues.is_empty(), "{:?}", codes(&r));
}

#[test]
fn hostile_records_give_assessments_not_panics() {
    let settings = common::form(FORM_ID).settings().clone();
    for record in [
        json!(null),
        json!({"evaluation": {"groups": "all good"}}),
        json!({"evaluation": {"groups": [null, 7, {"group": 3}, {"group": "leaders", "good": -4, "poor": 1.5e300}]}}),
        json!({"evaluation": {"groups": [{"group": "leaders", "good": 1e9, "poor": 1e9}]}, "assessment": {"annual_check_score": "90"}}),
    ] {
        let a = assess(&record, &settings, Locale::En);
        assert!(a.composite.is_none_or(|c| c.get().is_finite()));
    }
    // A negative weight counts as none, a zero denominator never caps: no grade, no panic.
    let record = json!({"evaluation": {"groups": [{"group": "leaders", "good": 1, "poor": 2}]}});
    let county = json!({"poor_votes_den": 0, "group_weights": {"leaders": -5}});
    let a = assess(&record, &county, Locale::ZhCn);
    assert_eq!((a.evaluation_score, a.grade), (None, None));
    assert_eq!(a.groups[0].score.map(|n| n.get()), Some(33.33));
}

#[test]
fn the_doc_lists_every_rule_and_setting() {
    assert_doc_complete(FORM_ID);
    assert_doc_complete(RECTIFICATION_FORM_ID);
}
