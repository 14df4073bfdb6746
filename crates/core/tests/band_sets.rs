//! Grade schemes as data: `scoring.band_sets` with the set in use chosen by
//! `scoring.band_set`, a set's name or `$settings.NAME`.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use dangjian_core::{Engine, Form, Report, SpecError, ValidateOptions};
use serde_json::{json, Map, Value};

/// Two items of 50 points; the second vetoes the form when unmet, forcing `veto_grade`.
fn spec(veto_grade: Option<&str>) -> Value {
    let mut veto = json!({"on": ["unmet"]});
    if let Some(g) = veto_grade {
        veto["grade"] = json!(g);
    }
    json!({
        "id": "schemes", "version": "1", "title": "t",
        "settings": {"grade_scheme": {"value": "stars", "title": "等级方案"}},
        "sections": [{"id": "s", "title": "s", "items": [
            {"id": "a", "type": "checklist_item", "title": "a", "evidence": {"required_for": []},
             "score": {"points": 50}},
            {"id": "b", "type": "checklist_item", "title": "b", "evidence": {"required_for": []},
             "score": {"points": 50, "veto": veto}}
        ]}],
        "scoring": {
            "total": 100,
            "band_set": "$settings.grade_scheme",
            "band_sets": {
                "stars": [
                    {"id": "three_stars", "min": 90, "title": "★★★", "stars": 3},
                    {"id": "two_stars", "min": 60, "max": 90, "title": "★★", "stars": 2},
                    {"id": "fail", "min": 0, "max": 60, "title": "不合格", "stars": 0}
                ],
                "words": [
                    {"id": "excellent", "min": 90, "title": "优秀"},
                    {"id": "good", "min": 75, "max": 90, "title": "良好"},
                    {"id": "pass", "min": 60, "max": 75, "title": "达标"},
                    {"id": "fail", "min": 0, "max": 60, "title": "不达标"}
                ]
            }
        }
    })
}

fn compile(spec: &Value) -> Result<Form, SpecError> {
    Engine::new().compile(spec)
}

fn grade(form: &Form, a: &str, b: &str) -> (String, String) {
    let record = json!({"s": {"a": {"status": a}, "b": {"status": b}}});
    let report: Report = form.validate(&record, &ValidateOptions::default());
    let g = report.score.unwrap().grade.unwrap();
    (g.id, g.title)
}

fn with(form: &Form, scheme: &str) -> Result<Form, SpecError> {
    let mut m = Map::new();
    m.insert("grade_scheme".into(), json!(scheme));
    form.with_settings(&m)
}

fn codes(e: &SpecError) -> Vec<(String, String)> {
    e.diagnostics
        .iter()
        .map(|d| (d.path.clone(), d.code.clone()))
        .collect()
}

#[test]
fn a_setting_switches_the_grade_scheme() {
    let stars = compile(&spec(None)).unwrap();
    assert_eq!(grade(&stars, "met", "partial").0, "two_stars"); // 75
    let words = with(&stars, "words").unwrap();
    assert_eq!(
        grade(&words, "met", "partial"),
        ("good".into(), "良好".into())
    );
    assert_eq!(grade(&words, "met", "met").0, "excellent");
    // And back again.
    let back = with(&words, "stars").unwrap();
    assert_eq!(grade(&back, "met", "met").0, "three_stars");
    // A fixed set, by name.
    let mut fixed = spec(None);
    fixed["scoring"]["band_set"] = json!("words");
    assert_eq!(grade(&compile(&fixed).unwrap(), "partial", "met").0, "good");
}

#[test]
fn item_and_form_vetoes_force_the_lowest_band_of_the_set_in_use() {
    let stars = compile(&spec(None)).unwrap();
    assert_eq!(
        grade(&stars, "met", "unmet"),
        ("fail".into(), "不合格".into())
    );
    let words = with(&stars, "words").unwrap();
    assert_eq!(
        grade(&words, "met", "unmet"),
        ("fail".into(), "不达标".into())
    );
    // A form-level veto without a grade, too.
    let mut s = spec(None);
    s["scoring"]["veto"] =
        json!([{"id": "v", "when": {"==": [{"var": "s.a.status"}, "na"]}, "title": "v"}]);
    let words = with(&compile(&s).unwrap(), "words").unwrap();
    assert_eq!(grade(&words, "na", "met").0, "fail");
}

#[test]
fn a_veto_grade_must_exist_in_every_set() {
    // `fail` is in both sets: fine.
    let form = compile(&spec(Some("fail"))).unwrap();
    assert_eq!(
        grade(&with(&form, "words").unwrap(), "met", "unmet").0,
        "fail"
    );
    // `two_stars` only among the stars: an error at the item veto, naming the set.
    let e = compile(&spec(Some("two_stars"))).unwrap_err();
    assert_eq!(
        codes(&e),
        vec![(
            "/sections/0/items/1/score/veto/grade".into(),
            "spec.unknown_reference".into()
        )]
    );
    assert_eq!(e.diagnostics[0].params["set"], json!("words"));
}

#[test]
fn mistakes_in_the_choice_of_a_set_are_reported_with_their_paths() {
    let form = compile(&spec(None)).unwrap();
    let e = with(&form, "medals").unwrap_err();
    assert_eq!(
        codes(&e),
        vec![(
            "/settings/grade_scheme/value".into(),
            "spec.invalid_value".into()
        )]
    );
    assert_eq!(e.diagnostics[0].params["sets"], json!("stars, words"));
    let mut m = Map::new();
    m.insert("grade_scheme".into(), json!(3));
    assert_eq!(
        codes(&form.with_settings(&m).unwrap_err())[0].1,
        "spec.setting_type"
    );

    let mut s = spec(None);
    s["scoring"]["band_set"] = json!("$settings.no_such");
    assert_eq!(
        codes(&compile(&s).unwrap_err()),
        vec![("/scoring/band_set".into(), "spec.unknown_setting".into())]
    );
    let mut s = spec(None);
    s["scoring"].as_object_mut().unwrap().remove("band_set");
    assert_eq!(
        codes(&compile(&s).unwrap_err()),
        vec![("/scoring/band_set".into(), "spec.missing_property".into())]
    );
    let mut s = spec(None);
    s["scoring"]["bands"] = s["scoring"]["band_sets"]["stars"].clone();
    assert_eq!(
        codes(&compile(&s).unwrap_err()),
        vec![("/scoring/bands".into(), "spec.invalid_value".into())]
    );
    let mut s = spec(None);
    s["settings"]["grade_scheme"]["value"] = json!(true);
    assert_eq!(
        codes(&compile(&s).unwrap_err()),
        vec![(
            "/settings/grade_scheme/value".into(),
            "spec.setting_type".into()
        )]
    );
    // Each set is checked like `bands`: here an overlap in the words.
    let mut s = spec(None);
    s["scoring"]["band_sets"]["words"][1]["max"] = json!(95);
    assert_eq!(
        codes(&compile(&s).unwrap_err()),
        vec![(
            "/scoring/band_sets/words/1".into(),
            "spec.band_overlap".into()
        )]
    );
    // band_set without band_sets.
    let mut s = spec(None);
    s["scoring"].as_object_mut().unwrap().remove("band_sets");
    assert_eq!(
        codes(&compile(&s).unwrap_err()),
        vec![("/scoring/band_set".into(), "spec.missing_property".into())]
    );
}
