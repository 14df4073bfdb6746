//! Every declared setting of a built-in spec has its help in both languages:
//! what it controls and where its value comes from, for the settings editor
//! and `dangjian settings`.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use serde_json::Value;
use std::path::Path;

#[test]
fn every_built_in_setting_has_help_in_both_languages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("forms");
    let mut missing = Vec::new();
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let spec: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let Some(settings) = spec.get("settings").and_then(Value::as_object) else {
            continue;
        };
        for (name, s) in settings {
            seen += 1;
            for lang in ["zh-CN", "en"] {
                let text = s.pointer(&format!("/help/{lang}")).and_then(Value::as_str);
                if text.is_none_or(|t| t.trim().is_empty()) {
                    missing.push(format!("{}: {name} ({lang})", path.display()));
                }
            }
        }
    }
    assert!(seen > 0, "no built-in settings found in {}", dir.display());
    assert!(
        missing.is_empty(),
        "settings without help:\n{}",
        missing.join("\n")
    );
}
