//! Fields and repeated groups at the top level of a record, beside sections.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use dangjian_core::{Engine, ValidateOptions};
use serde_json::json;

#[test]
fn a_flat_record_is_validated_scored_and_read_by_rules() {
    let spec = json!({"id": "flat", "version": "1", "title": "t", "sections": [
        {"id": "name", "type": "text", "required": true},
        {"id": "count", "type": "integer", "min": 0, "score": {"points": 10, "per_unit": 1}},
        {"id": "rows", "repeat": {"min": 1}, "items": [{"id": "x", "type": "text", "required": true}]},
        {"id": "s", "items": [{"id": "ok", "type": "boolean", "score": {"points": 10}}]}
    ], "rules": [{"code": "flat.count", "assert": {"<": [{"var": "count"}, 5]}, "path": "count",
                  "message": "count {n}", "params": {"n": {"var": "count"}}}],
       "scoring": {"bands": [{"id": "a", "min": 0, "title": "A"}]}});
    let form = Engine::new()
        .compile(&spec)
        .expect("a top-level field compiles");
    let r = form.validate(
        &json!({"name": "", "count": 7, "rows": [{"x": ""}], "s": {"ok": true}}),
        &ValidateOptions::default(),
    );
    let issues: Vec<(&str, &str)> = r
        .issues
        .iter()
        .map(|i| (i.path.as_str(), i.code.as_str()))
        .collect();
    assert!(issues.contains(&("/name", "required")), "{issues:?}");
    assert!(issues.contains(&("/rows/0/x", "required")), "{issues:?}");
    assert!(issues.contains(&("/count", "flat.count")), "{issues:?}");
    let score = r.score.expect("scored");
    assert_eq!(score.earned.get(), 17.0);
    let ids: Vec<&str> = score.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["count", "s"]);
    assert_eq!(
        form.empty_data(),
        json!({"name": null, "count": null, "rows": [], "s": {"ok": null}})
    );
}
