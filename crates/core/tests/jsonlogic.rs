//! The evaluator against the data-driven suite in `tests/jsonlogic/`:
//! `standard.json` (results given by json-logic-js, the reference
//! implementation) and `domain.json` (our operators, names and budgets).
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use dangjian_core::{Engine, RuleOptions};
use serde_json::Value;
use std::path::PathBuf;

fn suite(name: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/jsonlogic")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("suite file");
    serde_json::from_str(&text).expect("suite JSON")
}

/// `"N zeros"` in a case's list stands for a list of N zeros (kept out of the file).
fn expand(data: &Value) -> Value {
    match data {
        Value::String(s) if s.ends_with(" zeros") => {
            let n: usize = s.trim_end_matches(" zeros").parse().expect("count");
            Value::Array(vec![Value::from(0); n])
        }
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), expand(v))).collect()),
        other => other.clone(),
    }
}

fn run(name: &str) {
    let engine = Engine::new();
    let mut failures = Vec::new();
    let cases = suite(name);
    for case in &cases {
        let options = RuleOptions {
            today: case["today"].as_str().map(str::to_owned),
            settings: case["settings"].clone(),
            ..RuleOptions::default()
        };
        let got = engine.evaluate_rule(&case["rule"], &expand(&case["data"]), &options);
        let ok = match (&got, case.get("error")) {
            (Err(e), Some(code)) => {
                code == e.code()
                    && case.get("limit").is_none_or(|l| match e {
                        dangjian_core::RuleError::Budget(x) => l == x.limit,
                        _ => false,
                    })
            }
            (Ok(v), None) => *v == case["result"],
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "{}: {} → {got:?}, expected {}",
                case["about"],
                case["rule"],
                case.get("error").unwrap_or(&case["result"])
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn standard_operations_give_what_json_logic_js_gives() {
    run("standard.json");
}

#[test]
fn domain_operators_names_and_budgets() {
    run("domain.json");
}

#[test]
fn a_rule_beyond_its_budget_is_an_issue_on_that_rule() {
    let spec = serde_json::json!({"id": "b", "version": "1", "title": "B",
        "sections": [{"id": "s", "items": [
            {"id": "l", "type": "multi_choice", "options": [{"value": "a", "title": "A"}]}
        ]}],
        "rules": [{"code": "doubling", "path": "/s/l", "message": {"zh-CN": "x", "en": "x"},
            "assert": {"reduce": [{"var": "s.l"},
                {"merge": [{"var": "accumulator"}, {"var": "accumulator"}, [1]]}, []]}}]});
    let form = Engine::new().compile(&spec).expect("spec");
    let record = serde_json::json!({"s": {"l": vec!["a"; 26]}});
    let report = form.validate(&record, &dangjian_core::ValidateOptions::default());
    let issue = report
        .issues
        .iter()
        .find(|i| i.code == "rule_budget")
        .expect("a rule_budget issue");
    assert_eq!(issue.path, "/s/l");
    assert_eq!(issue.params["limit"], "max_rule_size");
    assert_eq!(issue.params["rule"], "doubling");
}

#[test]
fn form_rules_do_not_coerce_missing_values() {
    let spec = serde_json::json!({"id": "f", "version": "1", "title": "F",
        "sections": [{"id": "s", "items": [{"id": "n", "type": "integer"}]}],
        "rules": [{"code": "big", "message": {"zh-CN": "x", "en": "x"},
            "assert": {">": [{"var": "s.n"}, 3]}}]});
    let form = Engine::new().compile(&spec).expect("spec");
    let options = dangjian_core::ValidateOptions::default();
    // `null > 3` is false in json-logic-js; a form's rule does not apply instead.
    let report = form.validate(&serde_json::json!({"s": {}}), &options);
    assert!(report.issues.iter().all(|i| i.code != "big"));
    let report = form.validate(&serde_json::json!({"s": {"n": 2}}), &options);
    assert!(report.issues.iter().any(|i| i.code == "big"));
}
