//! Each message form of the reader, checked against serde's own wording for
//! the same mistake (derived types here stand for the ones the reader replaced).

use super::*;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;

/// Values of every JSON kind, with the numbers that read differently.
fn samples() -> Vec<Value> {
    vec![
        json!(null),
        json!(true),
        json!(false),
        json!(0),
        json!(7),
        json!(300),
        json!(-1),
        json!(-9_223_372_036_854_775_808_i64),
        json!(18_446_744_073_709_551_615_u64),
        json!(1.5),
        json!(1.0),
        json!(-0.0),
        json!(1e20),
        json!(1.2345678901234567e-7),
        json!(""),
        json!("a"),
        json!("中文 \"quoted\" \\ \n\t\u{7}"),
        json!([]),
        json!([1, "a"]),
        json!({}),
        json!({"a": 1}),
    ]
}

/// What serde says when reading `value` as a `T`.
fn serde_says<T: DeserializeOwned>(value: &Value) -> Result<(), String> {
    serde_json::from_value::<T>(value.clone())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn reader_says<T>(read: Read<T>) -> Result<(), String> {
    read.map(|_| ())
}

#[test]
fn invalid_type_and_value_for_each_kind_match_serde() {
    for v in samples() {
        assert_eq!(
            reader_says(string(&Json::view(&v))),
            serde_says::<String>(&v),
            "{v}"
        );
        assert_eq!(
            reader_says(boolean(&Json::view(&v))),
            serde_says::<bool>(&v),
            "{v}"
        );
        assert_eq!(
            reader_says(float(&Json::view(&v))),
            serde_says::<f64>(&v),
            "{v}"
        );
        assert_eq!(
            reader_says(count(&Json::view(&v))),
            serde_says::<u64>(&v),
            "{v}"
        );
        assert_eq!(
            reader_says(small(&Json::view(&v))),
            serde_says::<u8>(&v),
            "{v}"
        );
        assert_eq!(
            reader_says(list(&Json::view(&v), any)),
            serde_says::<Vec<Value>>(&v),
            "{v}"
        );
        assert_eq!(
            reader_says(list(&Json::view(&v), string)),
            serde_says::<Vec<String>>(&v),
            "{v}"
        );
        assert_eq!(
            reader_says(named(&Json::view(&v), any)),
            serde_says::<BTreeMap<String, Value>>(&v),
            "{v}"
        );
        assert_eq!(
            reader_says(optional(&Json::view(&v), string)),
            serde_says::<Option<String>>(&v),
            "{v}"
        );
        assert_eq!(
            reader_says(types::text(&Json::view(&v))),
            serde_says::<Mirror::Text>(&v),
            "{v}"
        );
    }
}

#[test]
fn small_numbers_read_as_serde_reads_them() {
    assert_eq!(small(&Json::view(&json!(255))), Ok(255));
    assert_eq!(count(&Json::view(&json!(0))), Ok(0));
    assert_eq!(float(&Json::view(&json!(-3))), Ok(-3.0));
}

#[allow(non_snake_case)]
mod Mirror {
    //! Derived stand-ins for the message forms.
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[serde(untagged)]
    #[allow(dead_code)]
    pub enum Text {
        Plain(String),
        Localized {
            #[serde(rename = "zh-CN", default)]
            zh: Option<String>,
            #[serde(default)]
            en: Option<String>,
        },
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    pub struct SettingRef {
        pub setting: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    pub struct Repeat {
        #[serde(default)]
        pub min: u64,
        #[serde(default)]
        pub max: Option<u64>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    pub struct Bonus {
        pub id: String,
        pub title: Text,
        pub points: f64,
        pub count: serde_json::Value,
        #[serde(default)]
        pub cap: Option<f64>,
    }

    #[derive(Deserialize, Clone, Copy)]
    #[serde(rename_all = "lowercase")]
    pub enum Severity {
        Error,
        Warning,
    }
}

/// Reads `value` with a spec type's reader and with its derived mirror.
fn both<Ours: DeserializeOwned, Theirs: DeserializeOwned>(value: &Value) {
    assert_eq!(
        serde_says::<Ours>(value),
        serde_says::<Theirs>(value),
        "{value}"
    );
}

#[test]
fn unknown_and_missing_fields_match_serde() {
    use crate::spec::{Bonus, Repeat, SettingRef};
    let cases = [
        json!({}),
        json!({"setting": "a"}),
        json!({"setting": "a", "colour": 1}),
        json!({"colour": 1}),
        json!({"setting": 5}),
        json!({"min": 1, "max": 2, "colour": 1}),
        json!({"min": -1}),
        json!({"max": 1.5}),
        json!({"id": "a", "title": "t", "points": 1}),
        json!({"id": "a", "title": "t", "points": 1, "count": null}),
        json!({"id": "a", "title": 1, "points": "x", "count": 1, "zz": 1}),
        json!({"id": "a", "title": {"zh-CN": 3}, "points": 1, "count": 1}),
        json!({"aa": 1, "id": 7}),
        json!({"title": "t"}),
    ];
    for v in &cases {
        both::<SettingRef, Mirror::SettingRef>(v);
        both::<Repeat, Mirror::Repeat>(v);
        both::<Bonus, Mirror::Bonus>(v);
    }
    assert_eq!(
        wording::unknown_field("x", &[]),
        "unknown field `x`, there are no fields"
    );
}

#[test]
fn structs_written_as_arrays_match_serde() {
    use crate::spec::{Bonus, Repeat, SettingRef};
    let cases = [
        json!([]),
        json!(["s"]),
        json!(["s", 1]),
        json!([1]),
        json!([3, 4]),
        json!([3, 4, 5]),
        json!(["a", "t"]),
        json!(["a", "t", 1]),
        json!(["a", "t", 1, null]),
        json!(["a", "t", 1, null, 2]),
        json!(["a", "t", 1, null, 2, 3]),
        json!(["a", 5, "x"]),
    ];
    for v in &cases {
        both::<SettingRef, Mirror::SettingRef>(v);
        both::<Repeat, Mirror::Repeat>(v);
        both::<Bonus, Mirror::Bonus>(v);
    }
}

#[test]
fn variants_match_serde() {
    use crate::spec::Severity;
    let cases = [
        json!("error"),
        json!("warning"),
        json!("fatal"),
        json!("Error"),
        json!(1),
        json!(null),
        json!([]),
        json!({}),
        json!({"error": null}),
        json!({"error": 1}),
        json!({"fatal": null}),
        json!({"error": null, "warning": null}),
    ];
    for v in &cases {
        both::<Severity, Mirror::Severity>(v);
    }
    assert_eq!(
        wording::unknown_variant("x", &["a"]),
        "unknown variant `x`, expected `a`"
    );
    assert_eq!(
        wording::unknown_variant("x", &["a", "b", "c"]),
        "unknown variant `x`, expected one of `a`, `b`, `c`"
    );
}

#[test]
fn untagged_cut_matches_serde() {
    #[derive(Deserialize)]
    #[serde(untagged)]
    #[allow(dead_code)]
    enum Cut {
        Number(f64),
        Setting(Mirror::SettingRef),
    }
    for v in [
        json!(1),
        json!(-2.5),
        json!("a"),
        json!(null),
        json!({"setting": "x"}),
        json!({"setting": 1}),
        json!({"setting": "x", "y": 1}),
        json!(["x"]),
        json!([]),
        json!(["x", "y"]),
    ] {
        both::<crate::spec::Cut, Cut>(&v);
    }
}

#[test]
fn pins_each_message_form() {
    let says = |r: Read<()>| r.err().unwrap_or_default();
    let rule = |v: Value| says(types::rule_strict(&Json::view(&v)).map(|_| ()));
    assert_eq!(
        rule(json!({"code": "a", "assert": true, "message": "m", "x": 1})),
        "unknown field `x`, expected one of `code`, `when`, `assert`, `path`, `severity`, `message`, `params`, `source`"
    );
    assert_eq!(
        rule(json!({"code": "a", "assert": true})),
        "missing field `message`"
    );
    assert_eq!(
        rule(json!({"code": 1, "assert": true, "message": "m"})),
        "invalid type: integer `1`, expected a string"
    );
    assert_eq!(
        rule(json!({"code": "a", "assert": true, "message": "m", "severity": "fatal"})),
        "unknown variant `fatal`, expected `error` or `warning`"
    );
    assert_eq!(
        rule(json!({"code": "a", "assert": true, "message": 1})),
        "data did not match any variant of untagged enum Text"
    );
    assert_eq!(
        rule(json!("r")),
        "invalid type: string \"r\", expected struct Rule"
    );
    assert_eq!(
        says(count(&Json::view(&json!(-1))).map(|_| ())),
        "invalid value: integer `-1`, expected u64"
    );
    assert_eq!(
        says(float(&Json::view(&json!({}))).map(|_| ())),
        "invalid type: map, expected f64"
    );
    assert_eq!(
        says(list(&Json::view(&json!(null)), any).map(|_| ())),
        "invalid type: null, expected a sequence"
    );
    assert_eq!(
        says(boolean(&Json::view(&json!(1.5))).map(|_| ())),
        "invalid type: floating point `1.5`, expected a boolean"
    );
}

/// Every node property is read into its own field: a node with each of them
/// set (to values that tell the fields apart) reads and writes back as it was.
#[test]
fn each_node_property_reads_into_its_field() {
    let node = json!({
        "id": "a",
        "type": "list",
        "title": "t",
        "help": {"zh-CN": "h"},
        "placeholder": {"en": "p"},
        "required": true,
        "required_if": {"var": "r"},
        "visible_if": {"var": "v"},
        "enabled_if": {"var": "e"},
        "items": [{"id": "c", "type": "text"}],
        "repeat": {"min": 1, "max": 2},
        "min_length": 3,
        "max_length": 4,
        "min": 5.0,
        "max": 6.0,
        "step": 7.0,
        "earliest": "2020-01-01",
        "latest": "2021-01-01",
        "pattern": "x+",
        "one_of": ["o", 1],
        "options": [{"value": "k", "title": "K"}],
        "min_count": 8,
        "max_count": 9,
        "of": "decimal",
        "min_items": 10,
        "max_items": 11,
        "unique": true,
        "evidence": {"required_for": ["met"], "min_length": 12},
        "allow_na": false,
        "score": {"points": 13.0, "floor": 0.0},
        "rules": [{"code": "c", "assert": true, "message": "m", "severity": "error"}],
        "messages": {"m": "w"},
        "default": [14],
        "ui": {"u": 15},
        "source": "s"
    });
    let read: crate::spec::Node = serde_json::from_value(node.clone()).unwrap();
    assert_eq!(serde_json::to_value(&read).unwrap(), node);
    let Json::Object(map) = Json::view(&node) else {
        unreachable!()
    };
    let (tolerant, faults) = super::node(&map, true);
    assert!(faults.first().is_none());
    assert_eq!(tolerant, read);
}
