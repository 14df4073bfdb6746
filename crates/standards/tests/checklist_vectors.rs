//! The branch standardization checklist on its golden vectors, its rectification
//! list, and its grade schemes.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod common;

use common::{assert_doc_complete, codes, has, read, root, spec, validate};
use dangjian_core::{Report, Severity, ValidateOptions};
use dangjian_standards::checklist::{
    grade_bands, rectification_list, with_grade_scheme, GradeScheme, RectificationOptions,
    CHECKLIST_FORM_ID, RECTIFICATION_FORM_ID,
};
use serde_json::{json, Value};

fn case(name: &str) -> Value {
    common::case(CHECKLIST_FORM_ID, name)
}

fn run(name: &str) -> Report {
    validate(&spec(CHECKLIST_FORM_ID), &case(name))
}

#[test]
fn the_spec_has_five_sections_thirty_items_and_a_hundred_points() {
    let s = spec(CHECKLIST_FORM_ID);
    let sections: Vec<&str> = s["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        sections,
        [
            "profile",
            "organisation",
            "team",
            "activities",
            "systems",
            "support",
            "veto"
        ]
    );
    let mut items = 0;
    let mut points = 0.0;
    for sec in &s["sections"].as_array().unwrap()[1..6] {
        // Scored items; a few plain fields (training hours) feed rules only.
        for it in sec["items"].as_array().unwrap() {
            let Some(p) = it["score"]["points"].as_f64() else {
                assert!(it.get("score").is_none(), "{it}");
                continue;
            };
            items += 1;
            points += p;
        }
    }
    assert!(items >= 30, "{items}");
    assert_eq!(points, 100.0);
    assert_eq!(s["scoring"]["total"], 100);
}

#[test]
fn the_example_is_valid_and_earns_five_stars() {
    let r = run("valid");
    assert!(r.valid && r.issues.is_empty(), "{:?}", codes(&r));
    let score = r.score.unwrap();
    assert_eq!(score.total.get(), 94.0);
    assert_eq!(score.grade.unwrap().stars, Some(5));
}

#[test]
fn a_draft_asks_for_every_item() {
    let r = run("draft");
    assert!(!r.valid);
    assert!(has(&r, "required", "/organisation/term"));
    assert!(has(&r, "required", "/veto/safety_accident"));
    assert!(!has(&r, "required", "/organisation/org_setup"));
}

#[test]
fn several_errors_at_once() {
    let r = run("many-errors");
    for (code, path) in [
        ("latest", "/profile/assessed_on"),
        ("branch.member_sum", "/profile/members_total"),
        ("branch.committee_size", "/profile/committee_size"),
        ("branch.term_length", "/profile/term_years"),
        (
            "branch.secretary_standing",
            "/profile/secretary_full_member_since",
        ),
        ("evidence_required", "/organisation/term/evidence"),
        ("choice", "/team/secretary_quality"),
        ("status", "/activities/talks/status"),
        (
            "deduction_count",
            "/activities/talks/deductions/missing_pair",
        ),
        ("evidence_required", "/systems/four_two/evidence"),
        ("na_not_allowed", "/support/funding/status"),
    ] {
        assert!(has(&r, code, path), "{code} at {path}: {:?}", codes(&r));
    }
}

#[test]
fn seven_full_members_need_a_committee() {
    let r = run("seven-full-members-no-committee");
    assert_eq!(
        codes(&r),
        vec![(
            "branch.committee_required".to_owned(),
            "/profile/has_committee".to_owned()
        )]
    );
    // The profile also feeds the checklist: the item loses its point.
    let item = r
        .score
        .unwrap()
        .items
        .into_iter()
        .find(|i| i.path == "/organisation/org_setup")
        .unwrap();
    assert_eq!(item.earned.get(), 2.0);
    assert_eq!(item.lost[0].code, "deduction.no_committee");
}

#[test]
fn the_threshold_is_a_setting() {
    // A county that requires a committee only from 8 full members.
    let mut s = spec(CHECKLIST_FORM_ID);
    s["settings"]["committee_required_from"]["value"] = json!(8);
    let r = validate(&s, &case("seven-full-members-no-committee"));
    assert!(r.valid && r.issues.is_empty(), "{:?}", codes(&r));
    assert_eq!(r.score.unwrap().total.get(), 94.0);
}

#[test]
fn more_than_fifty_members_is_a_warning() {
    let r51 = run("fifty-one-members");
    assert!(r51.valid);
    assert_eq!(
        codes(&r51),
        vec![(
            "branch.too_many_members".to_owned(),
            "/profile/members_total".to_owned()
        )]
    );
    assert_eq!(r51.issues[0].severity, Severity::Warning);
    assert!(run("fifty-members").issues.is_empty());
}

#[test]
fn fewer_than_three_full_members_form_a_joint_branch() {
    let r = run("two-full-members-not-joint");
    assert_eq!(
        codes(&r),
        vec![(
            "branch.joint_branch_needed".to_owned(),
            "/profile/form".to_owned()
        )]
    );
}

#[test]
fn a_veto_forces_the_lowest_grade() {
    let r = run("veto-safety-accident");
    let score = r.score.unwrap();
    assert_eq!(score.total.get(), 94.0);
    assert_eq!(score.grade.unwrap().id, "one_star");
    assert_eq!(score.vetoes[0].id, "safety_accident");
}

#[test]
fn four_level_grades_are_data() {
    let four = with_grade_scheme(&spec(CHECKLIST_FORM_ID), GradeScheme::FourLevels);
    // Only the setting changes: the bands come from the spec's band sets.
    assert_eq!(four["settings"]["grade_scheme"]["value"], json!("words"));
    assert_eq!(four["scoring"], spec(CHECKLIST_FORM_ID)["scoring"]);
    let r = validate(&four, &case("valid"));
    assert_eq!(r.score.unwrap().grade.unwrap().title, "优秀");
    let r = validate(&four, &case("low-score"));
    assert_eq!(r.score.unwrap().grade.unwrap().id, "fail");
    let r = validate(&four, &case("veto-safety-accident"));
    assert_eq!(r.score.unwrap().grade.unwrap().id, "fail");
    // Back to stars gives the shipped spec.
    let five = with_grade_scheme(&four, GradeScheme::FiveStars);
    assert_eq!(five, spec(CHECKLIST_FORM_ID));
}

#[test]
fn the_grade_scheme_is_a_setting() {
    let form = dangjian_standards::engine()
        .compile(&spec(CHECKLIST_FORM_ID))
        .unwrap();
    assert_eq!(form.settings()["grade_scheme"], json!("stars"));
    let mut words = serde_json::Map::new();
    words.insert("grade_scheme".into(), json!("words"));
    let words = form.with_settings(&words).unwrap();
    let o = dangjian_core::ValidateOptions {
        today: Some("2026-11-22".into()),
        ..dangjian_core::ValidateOptions::default()
    };
    let grade = |f: &dangjian_core::Form, c: &str| {
        let g = f.validate(&case(c), &o).score.unwrap().grade.unwrap();
        (g.id, g.title, g.stars)
    };
    assert_eq!(
        grade(&form, "valid"),
        ("five_stars".into(), "五星".into(), Some(5))
    );
    assert_eq!(
        grade(&words, "valid"),
        ("excellent".into(), "优秀".into(), None)
    );
    assert_eq!(grade(&words, "low-score").0, "fail");
    // A veto forces the lowest band of the scheme in use.
    assert_eq!(grade(&form, "veto-safety-accident").0, "one_star");
    assert_eq!(
        grade(&words, "veto-safety-accident"),
        ("fail".into(), "不达标".into(), None)
    );
    // The Rust helper's bands are the spec's band sets, cut-offs read from the settings.
    let s = spec(CHECKLIST_FORM_ID);
    let resolved = |set: &str| {
        let mut bands = s["scoring"]["band_sets"][set].clone();
        for b in bands.as_array_mut().unwrap() {
            for end in ["min", "max"] {
                if let Some(name) = b[end]["setting"].as_str() {
                    b[end] = s["settings"][name]["value"].clone();
                }
            }
        }
        bands
    };
    assert_eq!(grade_bands(GradeScheme::FiveStars), resolved("stars"));
    assert_eq!(grade_bands(GradeScheme::FourLevels), resolved("words"));
    // An unknown scheme is refused with its path: the setting declares its options.
    let mut medals = serde_json::Map::new();
    medals.insert("grade_scheme".into(), json!("medals"));
    let e = form.with_settings(&medals).unwrap_err();
    assert_eq!(e.diagnostics[0].path, "/settings/grade_scheme");
    assert_eq!(e.diagnostics[0].code, "setting.not_an_option");
}

#[test]
fn with_grade_scheme_rewrites_bands_of_a_spec_without_band_sets() {
    let s = json!({
        "id": "x", "version": "1", "title": "x",
        "sections": [{"id": "s", "title": "s", "items": [
            {"id": "a", "type": "checklist_item", "title": "a", "score": {"points": 10, "veto": {"on": ["unmet"], "grade": "low"}}}
        ]}],
        "scoring": {"bands": [{"id": "low", "min": 0, "title": "low"}],
                    "veto": [{"id": "v", "when": false, "title": "v", "grade": "low"}]}
    });
    let four = with_grade_scheme(&s, GradeScheme::FourLevels);
    assert_eq!(
        four["scoring"]["bands"],
        grade_bands(GradeScheme::FourLevels)
    );
    assert_eq!(four["scoring"]["veto"][0]["grade"], json!("fail"));
    assert_eq!(
        four["sections"][0]["items"][0]["score"]["veto"]["grade"],
        json!("fail")
    );
    let r = validate(&four, &json!({"s": {"a": {"status": "unmet"}}}));
    assert_eq!(r.score.unwrap().grade.unwrap().id, "fail");
}

fn rect_options() -> RectificationOptions {
    RectificationOptions {
        created_on: "2026-11-22".into(),
        branch: "鹤峰村党支部".into(),
    }
}

#[test]
fn rectification_list_orders_by_points_lost() {
    let report = run("low-score");
    let list = rectification_list(&report, &rect_options());
    let entries = &list.problems.entries;
    let lost: Vec<f64> = entries.iter().map(|e| e.points_lost.get()).collect();
    assert!(lost.windows(2).all(|w| w[0] >= w[1]), "{lost:?}");
    assert_eq!(entries[0].item_path, "/activities/meetings_frequency");
    assert_eq!(entries[0].points_lost.get(), 8.0);
    assert_eq!(entries[0].section, "基本活动");
    assert_eq!(entries[0].status, "unmet");
    assert!(entries
        .iter()
        .enumerate()
        .all(|(i, e)| e.seq as usize == i + 1));
    assert!(entries
        .iter()
        .all(|e| e.owner.is_empty() && e.deadline.is_empty() && e.closed_on.is_empty()));
    // Every item not fully met is listed once; the met ones are not.
    let score = report.score.unwrap();
    let short = score
        .items
        .iter()
        .filter(|i| i.applicable && i.earned.get() < i.points.get())
        .count();
    assert_eq!(entries.len(), short);
    assert_eq!(list.header.checklist, CHECKLIST_FORM_ID);
    assert_eq!(list.header.score.get(), 42.0);
}

#[test]
fn rectification_list_from_the_example() {
    let list = rectification_list(&run("valid"), &rect_options());
    let found: Vec<(&str, &str, f64)> = list
        .problems
        .entries
        .iter()
        .map(|e| (e.item_path.as_str(), e.status.as_str(), e.points_lost.get()))
        .collect();
    assert_eq!(
        found,
        vec![
            ("/systems/year_end_summary", "unmet", 2.0),
            ("/team/reserve_cadres", "partial", 1.0),
            ("/activities/meetings_frequency", "deducted", 1.0),
            ("/activities/theme_day_fixed", "partial", 1.0),
            ("/systems/ledgers", "deducted", 1.0),
        ]
    );
    assert!(list.problems.entries[2].reasons.contains("缺少一次会议"));
}

#[test]
fn vetoes_come_first_in_the_list() {
    let list = rectification_list(&run("veto-safety-accident"), &rect_options());
    let first = &list.problems.entries[0];
    assert_eq!(
        (first.kind.as_str(), first.status.as_str()),
        ("veto", "veto")
    );
    assert_eq!(first.item_path, "/scoring/veto/safety_accident");
}

#[test]
fn a_generated_list_is_a_valid_record_of_its_form() {
    let list = rectification_list(&run("low-score"), &rect_options());
    let data = serde_json::to_value(&list).unwrap();
    let form = spec(RECTIFICATION_FORM_ID);
    let r = validate(&form, &data);
    assert!(r.valid, "{:?}", codes(&r));
    // Unassigned entries are flagged as warnings until someone takes them on.
    assert!(r
        .issues
        .iter()
        .all(|i| i.code == "rectification.unassigned" && i.severity == Severity::Warning));
    assert_eq!(r.issues.len(), list.problems.entries.len());
}

#[test]
fn closing_an_entry_needs_a_date_and_evidence() {
    let list = rectification_list(&run("valid"), &rect_options());
    let mut data = serde_json::to_value(&list).unwrap();
    let form = spec(RECTIFICATION_FORM_ID);
    let e = &mut data["problems"]["entries"];
    e[0]["measure"] = json!("12月15日前形成年终总结并在党员大会上报告");
    e[0]["owner"] = json!("陈建国");
    e[0]["deadline"] = json!("2026-12-15");
    e[0]["closed_on"] = json!("2026-11-21");
    e[1]["measure"] = json!("物色后备干部人选");
    e[1]["owner"] = json!("黄志强");
    e[1]["deadline"] = json!("2026-11-01");
    e[2]["closing_evidence"] = json!("补开支委会会议记录");
    e[3]["measure"] = json!("固定每月10日开展主题党日");
    e[3]["owner"] = json!("何丽娟");
    e[3]["deadline"] = json!("2026-12-10");
    e[3]["closed_on"] = json!("2026-11-20");
    e[3]["closing_evidence"] = json!("11月主题党日签到表，参加率 87%");
    let r = validate(&form, &data);
    assert!(
        has(
            &r,
            "rectification.closing_evidence",
            "/problems/entries/0/closing_evidence"
        ),
        "{:?}",
        codes(&r)
    );
    assert!(has(
        &r,
        "rectification.closed_before_creation",
        "/problems/entries/0/closed_on"
    ));
    assert!(has(
        &r,
        "rectification.deadline_before_creation",
        "/problems/entries/1/deadline"
    ));
    assert!(has(
        &r,
        "rectification.closing_date",
        "/problems/entries/2/closed_on"
    ));
    // Entry 3 is properly closed — apart from being closed before the list existed.
    assert!(!r
        .issues
        .iter()
        .any(|i| i.path.starts_with("/problems/entries/3/")
            && i.code != "rectification.closed_before_creation"));
    // A proper closing, on or after the creation date, is clean.
    data["problems"]["entries"][3]["closed_on"] = json!("2026-11-22");
    let r = validate(&form, &data);
    assert!(
        !r.issues
            .iter()
            .any(|i| i.path.starts_with("/problems/entries/3/")),
        "{:?}",
        codes(&r)
    );
}

#[test]
fn an_overdue_entry_is_a_warning() {
    let list = rectification_list(
        &run("valid"),
        &RectificationOptions {
            created_on: "2026-10-01".into(),
            branch: String::new(),
        },
    );
    let mut data = serde_json::to_value(&list).unwrap();
    let e = &mut data["problems"]["entries"][0];
    e["measure"] = json!("形成年终总结");
    e["owner"] = json!("陈建国");
    e["deadline"] = json!("2026-11-01");
    let r = validate(&spec(RECTIFICATION_FORM_ID), &data);
    assert!(r.valid);
    assert!(
        has(&r, "rectification.overdue", "/problems/entries/0/deadline"),
        "{:?}",
        codes(&r)
    );
}

#[test]
fn the_example_record_is_the_valid_vector() {
    assert_eq!(
        read(&root().join("examples/branch-checklist.json")),
        case("valid")
    );
}

#[test]
fn the_doc_lists_every_rule_and_setting() {
    assert_doc_complete("branch-checklist");
    assert_doc_complete("rectification-list");
}

#[test]
fn training_hours_are_settings_checked_against_a_met_item() {
    let r = run("training-hours-below-minimum");
    assert_eq!(
        codes(&r),
        vec![(
            "branch.member_training_hours".to_owned(),
            "/team/member_training".to_owned()
        )]
    );
    let i = &r.issues[0];
    assert_eq!(i.params["hours"], json!(24));
    assert_eq!(i.params["min"], json!(32));
    // 58 hours for the cadres is enough against the default 56 …
    let mut s = spec(CHECKLIST_FORM_ID);
    // … but not for a county asking 60, which asks only 20 of members.
    s["settings"]["member_training_hours"]["value"] = json!(20);
    s["settings"]["cadre_training_hours"]["value"] = json!(60);
    let r = validate(&s, &case("training-hours-below-minimum"));
    assert_eq!(
        codes(&r),
        vec![(
            "branch.cadre_training_hours".to_owned(),
            "/team/cadre_training".to_owned()
        )]
    );
    // An item rated partial, or no hours given, is not questioned.
    let mut data = case("training-hours-below-minimum");
    data["team"]["member_training"]["status"] = json!("partial");
    assert!(validate(&spec(CHECKLIST_FORM_ID), &data).valid);
    assert!(run("valid").issues.is_empty());
}

fn rect_case(name: &str) -> (Value, ValidateOptions) {
    let v = common::input(RECTIFICATION_FORM_ID, name);
    (v["data"].clone(), common::options_of(&v))
}

fn rect_run(name: &str) -> Report {
    let (data, o) = rect_case(name);
    dangjian_standards::engine()
        .compile(&spec(RECTIFICATION_FORM_ID))
        .unwrap()
        .validate(&data, &o)
}

#[test]
fn rectification_list_vectors() {
    // Fully valid: every entry with a measure, an owner and a deadline, two closed with evidence.
    let r = rect_run("valid");
    assert!(r.valid && r.issues.is_empty(), "{:?}", codes(&r));
    assert!(rect_run("valid-en").issues.is_empty());
    // The example in examples/ is the same list.
    let example = read(&root().join("examples/rectification-list.json"));
    assert_eq!(example, rect_case("valid").0);
    // A typical half-filled draft: valid, with an `unassigned` warning per entry still open.
    let r = rect_run("draft");
    assert!(r.valid);
    assert_eq!(r.counts.warnings, 15);
    assert!(r
        .issues
        .iter()
        .all(|i| i.code == "rectification.unassigned"));
    assert_eq!(r.issues[0].path, "/problems/entries/2/owner");
    // Several errors at once.
    let r = rect_run("several-errors");
    assert_eq!(
        codes(&r),
        [
            (
                "rectification.deadline_before_creation",
                "/problems/entries/0/deadline"
            ),
            ("rectification.overdue", "/problems/entries/0/deadline"),
            (
                "rectification.points_lost",
                "/problems/entries/1/points_lost"
            ),
            (
                "rectification.closing_evidence",
                "/problems/entries/2/closing_evidence"
            ),
            (
                "rectification.closing_date",
                "/problems/entries/3/closed_on"
            ),
            (
                "rectification.closed_unassigned",
                "/problems/entries/4/owner"
            ),
            (
                "rectification.closed_before_creation",
                "/problems/entries/4/closed_on"
            ),
            ("choice", "/problems/entries/5/status"),
            ("rectification.deadline_far", "/problems/entries/5/deadline"),
            ("rectification.duplicate_entry", "/problems/entries"),
            ("rectification.duplicate_seq", "/problems/entries"),
        ]
        .map(|(c, p)| (c.to_owned(), p.to_owned()))
    );
    assert_eq!(r.counts.errors, 9);
    // Months later, the open entries past their deadline are overdue.
    let r = rect_run("overdue");
    assert!(r.valid);
    assert_eq!(
        codes(&r),
        [
            ("rectification.overdue", "/problems/entries/0/deadline"),
            ("rectification.overdue", "/problems/entries/3/deadline"),
        ]
        .map(|(c, p)| (c.to_owned(), p.to_owned()))
    );
}
