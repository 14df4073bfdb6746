//! Fuzzing with larger inputs than `never_panics.rs`: random rules over random
//! records, records of tens of thousands of values, long texts, mangled JSON
//! text, and random budgets. Whatever comes in, the engine gives a report that
//! keeps its invariants or an error value with a stable code — never a panic —
//! and what a report echoes stays within `max_param_chars`.
//!
//! The test run uses a fixed number of cases (64 per property); run longer on
//! demand: `FUZZ_CASES=20000 cargo test --release -p dangjian-core --test fuzz`.
//!
//! The rule grammar includes `reduce` with `merge` and `cat` of the accumulator
//! (whose cost can double per element): the rule budget bounds it, and random
//! rule budgets are often low enough to be hit.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use dangjian_core::{Engine, Limits, Report, ValidateOptions};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Cases per property: `FUZZ_CASES`, else 64.
fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64)
}

/// A value a rule may read.
fn operand() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!({"var": "s.n"})),
        Just(json!({"var": "s.text"})),
        Just(json!({"var": "s.list"})),
        Just(json!({"var": "$settings.limit"})),
        Just(json!({"var": "$today"})),
        any::<i32>().prop_map(Value::from),
        "[a-z一-龥]{0,8}".prop_map(Value::from),
        Just(json!([1, 2, 3])),
        Just(Value::Null),
    ]
}

/// A random JSONLogic expression over the test form's fields.
fn expr() -> impl Strategy<Value = Value> {
    operand().prop_recursive(4, 32, 3, |inner| {
        let op = prop::sample::select(vec![
            "==", "!=", "===", "<", ">", "<=", "+", "-", "*", "/", "%", "and", "or", "!", "!!",
            "if", "cat", "in", "min", "max", "merge", "count", "length", "distinct", "map",
            "filter", "all", "some", "none", "substr", "reduce",
        ]);
        (op, prop::collection::vec(inner, 1..4)).prop_map(|(op, args)| {
            let args = match op {
                // Over a list: the element is read as `var ""`.
                "map" | "filter" | "all" | "some" | "none" => {
                    json!([{"var": "s.list"}, args.into_iter().next().unwrap_or(Value::Null)])
                }
                // The accumulator grows with what the body builds from it.
                "reduce" => {
                    let body = args.into_iter().next().unwrap_or(Value::Null);
                    json!([{"var": "s.list"},
                        {"merge": [{"var": "accumulator"}, {"var": "accumulator"}, [body]]}, []])
                }
                _ => Value::Array(args),
            };
            json!({ op: args })
        })
    })
}

fn spec_with(rules: Vec<Value>, pattern: Option<String>) -> Value {
    let mut text = json!({"id": "text", "type": "text"});
    if let Some(p) = pattern {
        text["pattern"] = Value::String(p);
    }
    json!({
        "id": "fuzz", "version": "1", "title": "fuzz",
        "settings": {"limit": {"value": 10, "title": "limit"}},
        "sections": [{"id": "s", "items": [
            {"id": "n", "type": "integer"},
            text,
            {"id": "list", "type": "group", "repeat": {}, "items": [{"id": "x", "type": "text"}]},
            {"id": "choice", "type": "choice", "options": [{"value": "a"}, {"value": "b"}]}
        ]}],
        "rules": rules
    })
}

/// A record of the test form, possibly large and possibly of the wrong shape.
fn record(max_list: usize) -> impl Strategy<Value = Value> {
    (
        any::<i64>(),
        "\\PC{0,40}",
        0usize..max_list,
        0usize..200_000,
        prop::sample::select(vec!["a", "b", "c"]),
        any::<bool>(),
    )
        .prop_map(|(n, text, len, long, choice, wrong)| {
            let list: Vec<Value> = (0..len).map(|i| json!({"x": format!("{i}")})).collect();
            let text = if long > 150_000 {
                "长".repeat(long)
            } else {
                text
            };
            if wrong {
                json!({"s": {"n": text, "text": n, "list": {"x": list.len()}, "choice": list}})
            } else {
                json!({"s": {"n": n, "text": text, "list": list, "choice": choice}})
            }
        })
}

/// Random budgets, often low enough to be hit.
fn limits() -> impl Strategy<Value = Limits> {
    (
        prop_oneof![Just(usize::MAX), 10usize..100_000],
        prop_oneof![Just(500_000usize), 1usize..50_000],
        prop_oneof![Just(10_000usize), 0usize..2_000],
        prop_oneof![Just(1_000usize), 0usize..50],
        1usize..300,
        prop_oneof![Just(1_000_000usize), 1usize..5_000],
        prop_oneof![Just(64usize), 1usize..20],
        prop_oneof![Just(1_000_000usize), 1usize..5_000],
    )
        .prop_map(
            |(bytes, values, items, issues, params, steps, depth, size)| Limits {
                max_record_bytes: bytes,
                max_values: values,
                max_items: items,
                max_issues: issues,
                max_param_chars: params,
                max_rule_steps: steps,
                max_rule_depth: depth,
                max_rule_size: size,
                ..Limits::default()
            },
        )
}

/// The invariants of any report.
fn check_report(r: &Report, limits: &Limits) -> Result<(), TestCaseError> {
    prop_assert_eq!(r.valid, r.counts.errors == 0);
    prop_assert!(r.issues.len() <= limits.max_issues + 1);
    for issue in &r.issues {
        prop_assert!(issue.path.is_empty() || issue.path.starts_with('/'));
        for v in issue.params.values() {
            check_clipped(v, limits.max_param_chars)?;
        }
    }
    Ok(())
}

fn check_clipped(v: &Value, max: usize) -> Result<(), TestCaseError> {
    match v {
        Value::String(s) => {
            prop_assert!(s.chars().count() <= max + 1, "{} chars", s.chars().count())
        }
        Value::Array(a) => a.iter().try_for_each(|v| check_clipped(v, max))?,
        Value::Object(o) => o.values().try_for_each(|v| check_clipped(v, max))?,
        _ => {}
    }
    Ok(())
}

/// Text and the error codes it may come back with.
fn validate_text(
    form: &dangjian_core::Form,
    text: &str,
    limits: Limits,
) -> Result<(), TestCaseError> {
    let options = ValidateOptions {
        today: Some("2026-06-30".to_owned()),
        limits,
        ..ValidateOptions::default()
    };
    match form.validate_json(text, &options) {
        Ok(r) => check_report(&r, &limits),
        Err(e) => {
            prop_assert!(["bad_json", "too_large", "out_of_memory"].contains(&e.code()));
            if let Some(x) = e.exceeded {
                prop_assert!(x.found > x.max);
            }
            Ok(())
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn random_rules_over_random_records(rules in prop::collection::vec(expr(), 1..4), data in record(300), limits in limits()) {
        let rules: Vec<Value> = rules
            .into_iter()
            .enumerate()
            .map(|(i, assert)| json!({"code": format!("r{i}"), "assert": assert, "message": "{v}", "params": {"v": assert}}))
            .collect();
        // Most random rules are refused by compile (types, paths); those are diagnostics, not panics.
        if let Ok(form) = Engine::new().compile(&spec_with(rules, None)) {
            validate_text(&form, &data.to_string(), limits)?;
        }
    }

    #[test]
    fn large_records_stay_within_their_budgets(data in record(30_000), limits in limits(), pattern in prop::option::of("[a-z\\\\d\\[\\]\\^$.*+?(){}|-]{0,40}")) {
        if let Ok(form) = Engine::new().compile(&spec_with(vec![], pattern)) {
            validate_text(&form, &data.to_string(), limits)?;
        }
    }

    #[test]
    fn mangled_json_text(data in record(200), cuts in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8)) {
        let form = Engine::new().compile(&spec_with(vec![], None)).unwrap();
        let mut bytes = data.to_string().into_bytes();
        for (at, b) in cuts {
            if !bytes.is_empty() {
                let i = at.index(bytes.len());
                bytes[i] = b;
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        validate_text(&form, &text, Limits::default())?;
    }

    #[test]
    fn deep_and_wide_json(depth in 0usize..2_000, width in 0usize..50_000) {
        let form = Engine::new().compile(&spec_with(vec![], None)).unwrap();
        let deep = format!("{{\"s\": {}{}}}", "[".repeat(depth), "]".repeat(depth));
        validate_text(&form, &deep, Limits::default())?;
        let wide = format!("{{\"s\": {{\"list\": [{}]}}}}", vec!["{}"; width].join(","));
        validate_text(&form, &wide, Limits::default())?;
    }
}
