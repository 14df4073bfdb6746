//! `dangjian spec` and `dangjian settings`: a built-in spec to start from, and
//! a form's settings with their defaults, ranges, units and sources.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use serde_json::{json, Value};

mod common;

/// `dangjian ARGS` with nothing on standard input.
fn dangjian(args: &[&str]) -> (String, String, i32) {
    common::dangjian(args, "")
}

#[test]
fn spec_prints_each_built_in_form_as_it_ships() {
    for id in ["branch-checklist", "meeting-minutes", "member-points"] {
        let (out, err, code) = dangjian(&["spec", id]);
        assert_eq!(code, 0, "{err}");
        let printed: Value = serde_json::from_str(&out).unwrap();
        let shipped: Value =
            serde_json::from_str(dangjian_standards::builtin(id).unwrap().spec).unwrap();
        assert_eq!(printed, shipped);
        assert!(
            out.starts_with("{\n  \"id\": "),
            "pretty, in the spec's order"
        );
    }
    let (_, err, code) = dangjian(&["spec", "no-such-form"]);
    assert_eq!(code, 2);
    assert!(err.ends_with("[unknown_form]\n"), "{err}");
}

#[test]
fn settings_lists_defaults_ranges_units_and_sources() {
    let (out, err, code) = dangjian(&["settings", "meeting-minutes", "--locale", "en"]);
    assert_eq!(code, 0, "{err}");
    let list: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(list["form"], "meeting-minutes");
    let rows = list["settings"].as_array().unwrap();
    let row = |name: &str| rows.iter().find(|r| r["name"] == name).unwrap().clone();
    let weekday = row("party_tuesday_weekday");
    assert_eq!(weekday["type"], "weekday");
    assert_eq!(
        (weekday["min"].clone(), weekday["max"].clone()),
        (json!(1), json!(7))
    );
    assert_eq!(weekday["value"], 2);
    assert_eq!(weekday["group"], "Party-building Tuesday");
    assert!(weekday["source"].as_str().unwrap().starts_with("[L]"));
    let theme = row("theme_day_min_attendance_percent");
    assert_eq!(
        (theme["unit"].clone(), theme["max"].clone()),
        (json!("%"), json!(100))
    );
    let lecture = row("frequency_party_lecture");
    assert_eq!(lecture["value"], "quarter");
    assert_eq!(lecture["options"].as_array().unwrap().len(), 6);
}

#[test]
fn settings_shows_a_changed_value_beside_its_default_and_refuses_one_out_of_range() {
    let (out, _, code) = dangjian(&[
        "settings",
        "branch-checklist",
        "--set",
        "grade_stars_five_min=85",
    ]);
    assert_eq!(code, 0);
    let list: Value = serde_json::from_str(&out).unwrap();
    let five = list["settings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "grade_stars_five_min")
        .unwrap()
        .clone();
    assert_eq!(
        (five["value"].clone(), five["default"].clone()),
        (json!(85), json!(90))
    );

    let (_, err, code) = dangjian(&[
        "settings",
        "meeting-minutes",
        "--set",
        "theme_day_min_attendance_percent=150",
        "--locale",
        "en",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("theme_day_min_attendance_percent"), "{err}");
    assert!(err.contains("0–100"), "{err}");
    assert!(err.contains("[setting.out_of_range]"), "{err}");
    // validate refuses the same value the same way.
    let (_, err, code) = dangjian(&[
        "validate",
        "--form",
        "meeting-minutes",
        "--set",
        "party_tuesday_weekday=9",
        "-",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("1–7") && err.contains("[setting.out_of_range]"),
        "{err}"
    );
}

#[test]
fn settings_text_is_a_table_grouped_with_ranges() {
    let (out, err, code) = dangjian(&[
        "settings",
        "meeting-minutes",
        "--format",
        "text",
        "--locale",
        "en",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("meeting-minutes 2026.1 — settings"),
        "{out}"
    );
    assert!(out.contains("[Party-building Tuesday]"), "{out}");
    assert!(out.contains("party_tuesday_weekday"), "{out}");
    assert!(out.contains("[weekday 1–7]"), "{out}");
    assert!(out.contains("[number 0–100 (%)]"), "{out}");
}

#[test]
fn settings_text_shows_each_group_once() {
    // branch-checklist's “支部设置” settings are not next to each other by name.
    let (out, err, code) = dangjian(&["settings", "branch-checklist", "--format", "text"]);
    assert_eq!(code, 0, "{err}");
    let headers: Vec<&str> = out.lines().filter(|l| l.starts_with('[')).collect();
    let mut unique = headers.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(headers.len(), unique.len(), "{headers:?}");
    assert!(headers.contains(&"[支部设置]"), "{headers:?}");
}

#[test]
fn settings_that_break_a_check_between_them_are_refused_naming_both() {
    for (cmd, extra) in [("settings", vec![]), ("validate", vec!["-"])] {
        let mut args = vec![
            cmd,
            if cmd == "validate" {
                "--form"
            } else {
                "meeting-minutes"
            },
        ];
        if cmd == "validate" {
            args.push("meeting-minutes");
        }
        args.extend([
            "--set",
            "election_quorum_num=9",
            "--set",
            "election_quorum_den=5",
            "--locale",
            "en",
        ]);
        args.extend(extra);
        let (_, err, code) = dangjian(&args);
        assert_eq!(code, 2, "{cmd}: {err}");
        assert!(err.contains("/settings/election_quorum_num"), "{err}");
        assert!(err.contains("/settings/election_quorum_den"), "{err}");
        assert!(err.contains("[settings.election_quorum]"), "{err}");
        assert!(err.contains("9/5 cannot be above 1"), "{err}");
    }
    // Fixed, the same command runs.
    let (_, err, code) = dangjian(&[
        "settings",
        "meeting-minutes",
        "--set",
        "election_quorum_num=5",
        "--set",
        "election_quorum_den=5",
    ]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn check_spec_reports_a_check_between_settings_that_names_an_unknown_setting() {
    let spec = r#"{"id": "x", "version": "1", "title": "t",
        "settings": {"num": {"value": 1, "type": "integer"}},
        "settings_checks": [{"code": "c", "assert": {"<=": [{"var": "$settings.num"}, {"var": "$settings.den"}]},
                             "settings": ["num", "den"], "message": "one language only"}],
        "sections": [{"id": "s", "items": [{"id": "a", "type": "text"}]}]}"#;
    let dir = std::env::temp_dir().join(format!("dangjian-checks-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("checks.json");
    std::fs::write(&path, spec).unwrap();
    let (out, err, code) = dangjian(&["check-spec", path.to_str().unwrap(), "--locale", "en"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.contains("/settings_checks/0/settings/1"), "{out}");
    assert!(out.contains("/settings_checks/0/message"), "{out}");
    assert!(out.contains("spec.message_languages"), "{out}");
    assert!(out.contains("/settings_checks/0/assert/<=/1/var"), "{out}");
}
