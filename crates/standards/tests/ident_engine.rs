//! The identifier checks inside the engine: field formats and rule operators.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use dangjian_core::{Locale, ValidateOptions};
use dangjian_standards::engine;
use serde_json::{json, Value};

fn form() -> dangjian_core::Form {
    let spec = json!({
        "id": "ids", "version": "1", "title": {"zh-CN": "证件", "en": "IDs"},
        "sections": [{"id": "p", "items": [
            {"id": "id", "type": "citizen_id"},
            {"id": "birth", "type": "date"},
            {"id": "gender", "type": "choice", "options": [{"value": "male"}, {"value": "female"}]},
            {"id": "code", "type": "uscc"}
        ]}],
        "rules": [
            {"code": "t.birth", "when": {"!!": {"citizen_id_birth": [{"var": "p.id"}]}},
             "assert": {"==": [{"var": "p.birth"}, {"citizen_id_birth": [{"var": "p.id"}]}]},
             "path": "/p/birth", "message": "birth {derived}", "params": {"derived": {"citizen_id_birth": [{"var": "p.id"}]}}},
            {"code": "t.gender", "when": {"!!": {"citizen_id_gender": [{"var": "p.id"}]}},
             "assert": {"==": [{"var": "p.gender"}, {"citizen_id_gender": [{"var": "p.id"}]}]},
             "path": "/p/gender", "message": "gender"},
            {"code": "t.valid", "assert": {"citizen_id_valid": [{"var": "p.id"}, {"var": "$today"}]}, "message": "valid"},
            {"code": "t.normalized", "assert": {"==": [{"citizen_id_normalized": [{"var": "p.id"}]}, "440524198001010013"]}, "message": "n"},
            {"code": "t.uscc", "assert": {"uscc_valid": [{"var": "p.code"}]}, "message": "u"}
        ]
    });
    engine().compile(&spec).unwrap()
}

fn codes(data: Value, today: Option<&str>) -> Vec<(String, String)> {
    let opts = ValidateOptions {
        today: today.map(str::to_owned),
        ..ValidateOptions::default()
    };
    form()
        .validate(&data, &opts)
        .issues
        .into_iter()
        .map(|i| (i.path, i.code))
        .collect()
}

fn has(list: &[(String, String)], path: &str, code: &str) -> bool {
    list.iter().any(|(p, c)| p == path && c == code)
}

#[test]
fn citizen_id_fields_are_checked_by_checksum() {
    let issues = codes(json!({"p": {"id": "440524188001010015"}}), None);
    assert!(has(&issues, "/p/id", "citizen_id.checksum"), "{issues:?}");
    let opts = ValidateOptions::with_locale(Locale::ZhCn);
    let report = form().validate(&json!({"p": {"id": "440524188001010015"}}), &opts);
    let issue = report
        .issues
        .iter()
        .find(|i| i.code == "citizen_id.checksum")
        .unwrap();
    assert_eq!(
        issue.message,
        "身份证号码校验码错误：末位应为“4”，实际为“5”"
    );
    assert!(!issue.message.contains("440524188001010015"));
}

#[test]
fn future_birth_date_only_with_today() {
    let body = "44052420270101002";
    let id = format!(
        "{body}{}",
        dangjian_standards::ident::citizen_id::check_char(body).unwrap()
    );
    let data = json!({"p": {"id": id}});
    let without = codes(data.clone(), None);
    assert!(
        !without.iter().any(|(_, c)| c.starts_with("citizen_id.")),
        "{without:?}"
    );
    let with = codes(data, Some("2026-11-22"));
    assert!(has(&with, "/p/id", "citizen_id.birth_future"), "{with:?}");
    assert!(has(&with, "", "t.valid"), "{with:?}");
}

#[test]
fn operators_read_birth_and_gender() {
    let ok = codes(
        json!({"p": {"id": "440524800101001", "birth": "1980-01-01", "gender": "male"}}),
        None,
    );
    assert!(
        !has(&ok, "/p/birth", "t.birth")
            && !has(&ok, "/p/gender", "t.gender")
            && !has(&ok, "", "t.normalized"),
        "{ok:?}"
    );
    let bad = codes(
        json!({"p": {"id": "440524800101001", "birth": "1980-01-02", "gender": "female"}}),
        None,
    );
    assert!(has(&bad, "/p/birth", "t.birth"), "{bad:?}");
    assert!(has(&bad, "/p/gender", "t.gender"), "{bad:?}");
}

#[test]
fn operators_give_null_for_invalid_numbers() {
    // A wrong check character: the format error only, no mismatch noise.
    let issues = codes(
        json!({"p": {"id": "440524188001010015", "birth": "1999-01-01", "gender": "female"}}),
        None,
    );
    assert!(
        !has(&issues, "/p/birth", "t.birth") && !has(&issues, "/p/gender", "t.gender"),
        "{issues:?}"
    );
    assert!(has(&issues, "", "t.valid"));
}

#[test]
fn uscc_fields_and_operator() {
    let issues = codes(json!({"p": {"code": "91350100M000100Y4Z"}}), None);
    assert!(has(&issues, "/p/code", "uscc.checksum"), "{issues:?}");
    assert!(has(&issues, "", "t.uscc"));
    let issues = codes(json!({"p": {"code": "91512081MA62K0260E"}}), None);
    assert!(
        !issues
            .iter()
            .any(|(_, c)| c.starts_with("uscc") || c == "t.uscc"),
        "{issues:?}"
    );
}

#[test]
fn operators_are_registered() {
    let e = engine();
    for name in [
        "citizen_id_valid",
        "citizen_id_birth",
        "citizen_id_gender",
        "citizen_id_normalized",
        "uscc_valid",
    ] {
        assert!(e.operator_names().iter().any(|n| n == name), "{name}");
    }
}
