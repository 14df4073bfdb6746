//! Grade cut-offs read from settings, and bands that do not fit the scale.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use dangjian_core::{Engine, ValidateOptions};
use serde_json::{json, Value};

fn spec(scale: f64) -> Value {
    json!({
        "id": "x", "version": "1", "title": "t",
        "settings": {"pass_min": {"value": 60, "type": "number", "min": 0, "max": 100}},
        "sections": [{"id": "s", "items": [
            {"id": "a", "type": "checklist_item", "score": {"points": 10}},
            {"id": "b", "type": "checklist_item", "score": {"points": 10}}
        ]}],
        "scoring": {"scale": scale, "bands": [
            {"id": "pass", "min": {"setting": "pass_min"}, "title": "达标"},
            {"id": "fail", "min": 0, "max": {"setting": "pass_min"}, "title": "不达标"}
        ]}
    })
}

fn grade(form: &dangjian_core::Form) -> String {
    let record = json!({"s": {"a": {"status": "met", "evidence": "会议记录"}, "b": {"status": "partial", "evidence": "会议记录"}}});
    let report = form.validate(&record, &ValidateOptions::default());
    report.score.unwrap().grade.unwrap().id
}

#[test]
fn a_changed_cut_off_changes_the_grade() {
    let form = Engine::new().compile(&spec(100.0)).unwrap();
    assert_eq!(grade(&form), "pass"); // 75
    let strict = form
        .with_settings(json!({"pass_min": 80}).as_object().unwrap())
        .unwrap();
    assert_eq!(grade(&strict), "fail");
    let e = form
        .with_settings(json!({"pass_min": 120}).as_object().unwrap())
        .unwrap_err();
    assert_eq!(e.diagnostics[0].code, "setting.out_of_range");
    assert_eq!(e.diagnostics[0].path, "/settings/pass_min");
}

#[test]
fn a_cut_off_must_name_a_number_setting() {
    let mut s = spec(100.0);
    s["scoring"]["bands"][0]["min"] = json!({"setting": "nope"});
    let e = Engine::new().compile(&s).unwrap_err();
    assert_eq!(e.diagnostics[0].path, "/scoring/bands/0/min");
    assert_eq!(e.diagnostics[0].code, "spec.unknown_setting");
    let mut s = spec(100.0);
    s["settings"]["word"] = json!({"value": "sixty"});
    s["scoring"]["bands"][1]["max"] = json!({"setting": "word"});
    let e = Engine::new().compile(&s).unwrap_err();
    assert_eq!(e.diagnostics[0].path, "/scoring/bands/1/max");
    assert_eq!(e.diagnostics[0].code, "spec.setting_type");
}

#[test]
fn bands_above_the_scale_are_a_warning() {
    let form = Engine::new().compile(&spec(10.0)).unwrap();
    let w: Vec<_> = form
        .warnings()
        .iter()
        .map(|d| (d.path.as_str(), d.code.as_str()))
        .collect();
    assert_eq!(w, [("/scoring/bands", "spec.band_scale")]);
    assert!(form.warnings()[0].message_en.contains("scale of 10"));
    assert!(Engine::new()
        .compile(&spec(100.0))
        .unwrap()
        .warnings()
        .is_empty());
}
