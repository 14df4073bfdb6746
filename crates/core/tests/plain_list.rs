//! `list` fields: a list of plain values, each checked by the item type.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dangjian_core::{Engine, ValidateOptions};
use serde_json::json;

fn diagnostics(spec: serde_json::Value) -> Vec<(String, String)> {
    match Engine::new().compile(&spec) {
        Ok(_) => vec![],
        Err(e) => e
            .diagnostics
            .iter()
            .map(|d| (d.path.clone(), d.code.clone()))
            .collect(),
    }
}

#[test]
fn a_list_reads_in_rules_and_scores_by_count() {
    let spec = json!({"id": "l", "version": "1", "title": "t", "sections": [
        {"id": "s", "items": [
            {"id": "names", "type": "list", "of": "text", "min_length": 2,
             "score": {"points": 3, "per_unit": 1}}
        ]}
    ], "rules": [{"code": "l.first", "assert": {"==": [{"var": "s.names.0"}, "张三"]},
                  "path": "s/names", "message": "first"}],
       "scoring": {"bands": [{"id": "a", "min": 0, "title": "A"}]}});
    let form = Engine::new().compile(&spec).expect("compiles");
    assert_eq!(form.empty_data(), json!({"s": {"names": []}}));
    let r = form.validate(
        &json!({"s": {"names": ["李四", "王"]}}),
        &ValidateOptions::default(),
    );
    let issues: Vec<(&str, &str)> = r
        .issues
        .iter()
        .map(|i| (i.path.as_str(), i.code.as_str()))
        .collect();
    assert_eq!(
        issues,
        [("/s/names/1", "min_length"), ("/s/names", "l.first")]
    );
    assert_eq!(r.score.expect("scored").earned.get(), 2.0);
}

#[test]
fn a_list_s_spec_mistakes_have_their_paths() {
    let d = diagnostics(
        json!({"id": "l", "version": "1", "title": "t", "sections": [
            {"id": "a", "type": "list", "of": "group", "min_items": 3, "max_items": 1},
            {"id": "b", "type": "list", "of": "choice"},
            {"id": "c", "type": "text", "unique": true}
        ]}),
    );
    let has = |p: &str, c: &str| d.iter().any(|(dp, dc)| dp == p && dc == c);
    assert!(has("/sections/0/of", "spec.invalid_value"), "{d:?}");
    assert!(has("/sections/0/min_items", "spec.range"), "{d:?}");
    assert!(has("/sections/1/options", "spec.missing_options"), "{d:?}");
    assert!(has("/sections/2/unique", "spec.ignored_property"), "{d:?}");
}
