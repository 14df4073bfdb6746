//! The wording of every reading mistake, in one place. Each form is the text
//! serde and serde_json give for the same mistake, so diagnostics read as they
//! did when the spec types were read by derived deserializers (and tests pin
//! them against serde's own output).

use serde_json::Value;

/// How a value is named in a message: `null`, ``boolean `true` ``,
/// ``integer `5` ``, ``floating point `1.5` ``, `string "a"`, `sequence`, `map`.
pub(crate) fn unexpected(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => {
            format!("floating point `{}`", crate::json_writer::value_text(value))
        }
        Value::Number(_) => format!("integer `{}`", crate::json_writer::value_text(value)),
        Value::String(s) => format!("string {s:?}"),
        Value::Array(_) => "sequence".to_owned(),
        Value::Object(_) => "map".to_owned(),
    }
}

/// `invalid type: string "a", expected u64`.
pub(crate) fn invalid_type(value: &Value, expected: &str) -> String {
    format!("invalid type: {}, expected {expected}", unexpected(value))
}

/// `invalid value: integer `-1`, expected u64`.
pub(crate) fn invalid_value(value: &Value, expected: &str) -> String {
    format!("invalid value: {}, expected {expected}", unexpected(value))
}

/// `invalid length 2, expected struct Band with 5 elements`.
pub(crate) fn invalid_length(length: usize, expected: &str) -> String {
    format!("invalid length {length}, expected {expected}")
}

/// ``missing field `id` ``.
pub(crate) fn missing_field(name: &str) -> String {
    format!("missing field `{name}`")
}

/// ``unknown field `x`, expected one of `a`, `b`, `c` `` (or `expected `a``,
/// `expected `a` or `b``, `there are no fields`).
pub(crate) fn unknown_field(name: &str, fields: &[&str]) -> String {
    format!("unknown field `{name}`, {}", one_of(fields, "fields"))
}

/// ``unknown variant `x`, expected one of `a`, `b`, `c` ``.
pub(crate) fn unknown_variant(name: &str, variants: &[&str]) -> String {
    format!("unknown variant `{name}`, {}", one_of(variants, "variants"))
}

/// `data did not match any variant of untagged enum Text`.
pub(crate) fn untagged(name: &str) -> String {
    format!("data did not match any variant of untagged enum {name}")
}

fn one_of(names: &[&str], what: &str) -> String {
    match names {
        [] => format!("there are no {what}"),
        [one] => format!("expected `{one}`"),
        [a, b] => format!("expected `{a}` or `{b}`"),
        _ => {
            let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("expected one of {}", quoted.join(", "))
        }
    }
}
