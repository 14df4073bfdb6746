//! A corpus of hostile inputs: none may panic, each must end in issues or
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
//! diagnostics with paths, and none may take long.

use dangjian_core::{Engine, ValidateOptions};
use std::path::Path;

fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

/// What each hostile record must at least be told: (path, code) pairs.
const EXPECTED: &[(&str, &[(&str, &str)])] = &[
    (
        "control-chars.json",
        &[
            ("/basics/village", "control_character"),
            ("/basics/inspector", "required"),
            ("/basics/date", "date"),
        ],
    ),
    ("huge-string.json", &[("/basics/village", "too_long")]),
    ("many-items.json", &[("/people/team", "type")]),
    ("nulls-everywhere.json", &[("/basics/village", "required")]),
    (
        "proto-pollution.json",
        &[
            ("/__proto__", "forbidden_key"),
            ("/basics/constructor", "forbidden_key"),
        ],
    ),
    (
        "unicode-keys.json",
        &[
            ("/basics/a~1b~0c", "unknown_key"),
            ("/basics/", "unknown_key"),
        ],
    ),
    (
        "weird-numbers.json",
        &[
            ("/basics/village", "type"),
            (
                "/prevention/records/deductions/missing_entry",
                "deduction_count",
            ),
        ],
    ),
    (
        "wrong-shapes.json",
        &[
            ("/basics", "type"),
            ("/prevention/fire", "type"),
            ("/prevention/flood", "type"),
            ("/prevention/records/status", "status"),
            ("/prevention/records/evidence", "type"),
            ("/prevention/records/deductions", "type"),
            ("/people/team", "type"),
        ],
    ),
];

#[test]
fn hostile_records_become_issues() {
    let form = Engine::new()
        .compile_str(include_str!(
            "../../../examples/specs/village-safety-checklist.json"
        ))
        .unwrap();
    let options = ValidateOptions {
        today: Some("2026-11-22".into()),
        ..ValidateOptions::default()
    };
    let mut seen = 0;
    for (name, text) in corpus()
        .into_iter()
        .filter(|(n, _)| !n.starts_with("spec-"))
    {
        seen += 1;
        let report = match form.validate_json(&text, &options) {
            // Too deep for the JSON parser: the caller's parse error, not ours.
            Err(e) => {
                assert!(name.starts_with("deep-"), "{name}: {e}");
                continue;
            }
            Ok(report) => report,
        };
        assert!(!report.valid, "{name} should not be valid");
        assert!(
            report
                .issues
                .iter()
                .all(|i| i.path.is_empty() || i.path.starts_with('/')),
            "{name}"
        );
        assert!(
            report.issues.iter().all(|i| !i.message.is_empty()),
            "{name}"
        );
        assert!(
            report.issues.len() <= options.limits.max_issues + 1,
            "{name}"
        );
        let found: Vec<(&str, &str)> = report
            .issues
            .iter()
            .map(|i| (i.path.as_str(), i.code.as_str()))
            .collect();
        let expected = EXPECTED
            .iter()
            .find(|(file, _)| *file == name)
            .map(|(_, e)| *e)
            .unwrap_or_else(|| panic!("{name}: no expected issues listed"));
        for want in expected {
            assert!(found.contains(want), "{name}: {want:?} not in {found:?}");
        }
        // The same record as a parsed value gives the same report.
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) {
            assert_eq!(form.validate(&value, &options), report, "{name}");
        }
    }
    assert!(seen >= 8);
}

#[test]
fn hostile_specs_become_diagnostics() {
    let engine = Engine::new();
    let mut seen = 0;
    for (name, text) in corpus().into_iter().filter(|(n, _)| n.starts_with("spec-")) {
        seen += 1;
        let err = engine.compile_str(&text).expect_err(&name);
        assert!(!err.diagnostics.is_empty(), "{name}");
        assert!(
            err.diagnostics
                .iter()
                .all(|d| d.path.is_empty() || d.path.starts_with('/')),
            "{name}"
        );
    }
    assert_eq!(seen, 5);
}

#[test]
fn wide_records_hit_the_issue_cap() {
    let form = Engine::new()
        .compile_str(include_str!(
            "../../../examples/specs/village-safety-checklist.json"
        ))
        .unwrap();
    let mut basics = serde_json::Map::new();
    for i in 0..5000 {
        basics.insert(format!("k{i}"), serde_json::json!(i));
    }
    let report = form.validate(
        &serde_json::json!({"basics": basics}),
        &ValidateOptions::default(),
    );
    assert_eq!(report.issues.len(), 1001);
    assert_eq!(report.issues.last().unwrap().code, "too_many");
}
