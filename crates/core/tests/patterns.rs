//! `pattern`: the syntax docs/spec.md documents (regex-lite): Chinese text by
//! code-point ranges, `\d` and `\w` ASCII only, no Unicode classes.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use dangjian_core::{Engine, ValidateOptions};
use serde_json::json;

fn matches(pattern: &str, value: &str) -> bool {
    let spec = json!({"id": "p", "version": "1", "title": "p",
        "sections": [{"id": "s", "items": [{"id": "v", "type": "text", "pattern": pattern}]}]});
    let form = Engine::new()
        .compile(&spec)
        .unwrap_or_else(|e| panic!("{pattern}: {e}"));
    let report = form.validate(&json!({"s": {"v": value}}), &ValidateOptions::default());
    !report.issues.iter().any(|i| i.code == "pattern")
}

#[test]
fn chinese_ranges_match_han_characters() {
    let name = r"[\x{4e00}-\x{9fa5}]{2,4}";
    assert!(matches(name, "张三"));
    assert!(matches(name, "欧阳建国"));
    assert!(!matches(name, "张"));
    assert!(!matches(name, "Zhang San"));
    assert!(!matches(name, "张三1"));
    assert!(matches("[党团]员", "党员"));
    assert!(matches(r"第\d+支部", "第3支部"));
}

#[test]
fn perl_classes_are_ascii() {
    assert!(matches(r"\d{6}", "510100"));
    assert!(
        !matches(r"\d{6}", "５１０１００"),
        "full-width digits are not \\d"
    );
    assert!(matches(r"\w+", "branch_01"));
    assert!(!matches(r"\w+", "支部"), "Han characters are not \\w");
    assert!(matches(r"(?i)abc", "ABC"));
}

#[test]
fn unicode_classes_are_refused_at_compile_time() {
    let spec = json!({"id": "p", "version": "1", "title": "p",
        "sections": [{"id": "s", "items": [{"id": "v", "type": "text", "pattern": r"\p{Han}+"}]}]});
    let e = Engine::new().compile(&spec).unwrap_err();
    assert!(
        e.diagnostics.iter().any(|d| d.code == "spec.pattern"),
        "{e}"
    );
}
