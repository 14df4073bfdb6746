//! Property test: random specs and random records never make compile or
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
//! validate panic, and every report keeps its invariants.

use dangjian_core::{Engine, FieldType, ValidateOptions};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[a-z_$/~]{0,6}".prop_map(Value::from),
        prop_oneof![
            Just("met"),
            Just("partial"),
            Just("unmet"),
            Just("na"),
            Just("2026-02-29"),
            Just("440524188001010014")
        ]
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,4}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A plausible field: a real type with random (often wrong) properties.
fn field(i: usize) -> impl Strategy<Value = Value> {
    let kind = prop::sample::select(FieldType::ALL.iter().map(|k| k.name()).collect::<Vec<_>>());
    (kind, any::<bool>(), any_json(), any_json(), 0u8..12).prop_map(
        move |(kind, required, a, b, pick)| {
            let mut f = json!({"id": format!("f{i}"), "type": kind, "required": required});
            if let Some(key) =
                ["min", "max", "options", "score", "visible_if", "pattern"].get(pick as usize)
            {
                f[*key] = a;
            }
            let b = if pick % 2 == 0 {
                json!({"!": [{"var": "s"}]})
            } else {
                b
            };
            if kind == "group" {
                f["items"] = json!([{"id": "x", "type": "text"}]);
            }
            if kind == "choice" || kind == "multi_choice" {
                f["options"] = json!([{"value": "a", "score": 1}, {"value": "b"}]);
            }
            f["rules"] = json!([{"code": "r", "assert": b, "message": "m"}]);
            f
        },
    )
}

fn plausible_spec() -> impl Strategy<Value = Value> {
    prop::collection::vec((0usize..1000).prop_flat_map(field), 1..6).prop_map(|items| {
        json!({"id": "p", "version": "1", "title": "t", "sections": [{"id": "s", "items": items}],
               "scoring": {"bands": [{"id": "a", "min": 0, "title": "a"}]}})
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_specs_never_panic(spec in any_json()) {
        let _ = Engine::new().compile(&spec);
    }

    #[test]
    fn plausible_specs_and_random_records_never_panic(spec in plausible_spec(), data in any_json(), s in any_json()) {
        let engine = Engine::new();
        if let Ok(form) = engine.compile(&spec) {
            for record in [data, json!({"s": s}), form.empty_data()] {
                let r = form.validate(&record, &ValidateOptions::default());
                prop_assert_eq!(r.valid, r.counts.errors == 0);
                prop_assert!(r.issues.iter().all(|i| i.path.is_empty() || i.path.starts_with('/')));
                let text = serde_json::to_string(&r).unwrap();
                prop_assert!(!text.contains("NaN"));
                // The same record as JSON text gives the very same report.
                let json = serde_json::to_string(&record).unwrap();
                let from_text = form.validate_json(&json, &ValidateOptions::default()).unwrap();
                prop_assert_eq!(&from_text, &r);
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}", cut in 0usize..200, spec in plausible_spec(), data in any_json()) {
        if let Ok(form) = Engine::new().compile(&spec) {
            // Random characters, and a real record's JSON cut short anywhere.
            let json = serde_json::to_string(&json!({"s": data})).unwrap();
            let truncated: String = json.chars().take(cut).collect();
            for input in [text.as_str(), truncated.as_str()] {
                match form.validate_json(input, &ValidateOptions::default()) {
                    Ok(r) => prop_assert_eq!(r.valid, r.counts.errors == 0),
                    // serde_json numbers lines from 1 and says column 0 at the end of empty input.
                    Err(e) => prop_assert!(e.line >= 1 && !e.detail.is_empty()),
                }
            }
        }
    }
}

#[test]
fn a_fair_share_of_plausible_specs_compile() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let engine = Engine::new();
    let compiled = (0..200)
        .filter(|_| {
            engine
                .compile(&plausible_spec().new_tree(&mut runner).unwrap().current())
                .is_ok()
        })
        .count();
    assert!(
        compiled >= 20,
        "only {compiled} of 200 compiled: the property test would check little"
    );
}
