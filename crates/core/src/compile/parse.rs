//! Tolerant parsing: reads a spec node by node, so one bad property does not hide
//! the others. Every structural mistake becomes a diagnostic at its own path.

use crate::diagnostic::Diagnostic;
use crate::params;
use crate::pointer::Pointer;
use crate::spec::{Node, Rule, Spec};
use crate::Severity;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{Map, Value};

/// Keys whose values are parsed one element at a time.
const NESTED: [&str; 2] = ["items", "rules"];

/// Parses a spec, collecting every structural mistake.
pub(crate) fn parse_spec(value: &Value, out: &mut Vec<Diagnostic>) -> Option<Spec> {
    let Value::Object(map) = value else {
        out.push(Diagnostic::new(
            "",
            "spec.type",
            Severity::Error,
            "表单定义应为 JSON 对象",
            "A spec must be a JSON object.",
            params! {},
        ));
        return None;
    };
    let mut top = map.clone();
    let sections = top.remove("sections");
    let rules = top.remove("rules");
    top.insert("sections".into(), Value::Array(vec![]));
    let skeleton = skeleton(&top, &["id", "version", "title", "sections"]);
    let mut spec: Spec = parse_object(&top, &Pointer::root(), &skeleton, out)?;
    let root = Pointer::root();
    match sections {
        Some(Value::Array(items)) => {
            spec.sections = parse_nodes(&items, &root.key("sections"), out);
        }
        Some(_) => out.push(type_error(&root.key("sections"), "array")),
        None => out.push(missing(&root, "sections")),
    }
    spec.rules = parse_list::<Rule>(rules.as_ref(), &root.key("rules"), out);
    Some(spec)
}

/// Parses a list of nodes. A node that cannot be read keeps its place (as a
/// placeholder without its faulty properties), so later paths stay right.
fn parse_nodes(items: &[Value], at: &Pointer, out: &mut Vec<Diagnostic>) -> Vec<Node> {
    items
        .iter()
        .enumerate()
        .map(|(i, v)| parse_node(v, &at.index(i), out).unwrap_or_else(|| placeholder(v, i)))
        .collect()
}

/// What stands in for a node that could not be read: its good properties, or
/// failing that an inert text field, so no further diagnostic comes from it.
fn placeholder(v: &Value, index: usize) -> Node {
    if let Value::Object(map) = v {
        let good = crate::report::object(
            map.iter()
                .filter(|(k, val)| {
                    let mut probe = skeleton(map, &["id", "type"]);
                    probe.insert((*k).clone(), (*val).clone());
                    Node::deserialize(&Value::Object(probe)).is_ok()
                })
                .map(|(k, v)| (k.clone(), v.clone())),
        );
        if let Ok(mut node) = Node::deserialize(&Value::Object(good)) {
            node.items.clear();
            node.kind = if node.kind == crate::spec::FieldType::Group {
                crate::spec::FieldType::Text
            } else {
                node.kind
            };
            return node;
        }
    }
    Node {
        id: format!("_unreadable_{index}"),
        kind: crate::spec::FieldType::Text,
        ..Node::default()
    }
}

fn parse_node(value: &Value, at: &Pointer, out: &mut Vec<Diagnostic>) -> Option<Node> {
    let Value::Object(map) = value else {
        out.push(type_error(at, "object"));
        return None;
    };
    let mut own = map.clone();
    let nested: Vec<(&str, Option<Value>)> = NESTED.iter().map(|k| (*k, own.remove(*k))).collect();
    let skeleton = skeleton(&own, &["id", "type"]);
    let mut node: Node = parse_object(&own, at, &skeleton, out)?;
    for (key, v) in nested {
        match key {
            "items" => match v {
                Some(Value::Array(items)) => {
                    node.items = parse_nodes(&items, &at.key("items"), out)
                }
                Some(_) => out.push(type_error(&at.key("items"), "array")),
                None => {}
            },
            _ => node.rules = parse_list::<Rule>(v.as_ref(), &at.key("rules"), out),
        }
    }
    Some(node)
}

fn parse_list<T: DeserializeOwned>(
    value: Option<&Value>,
    at: &Pointer,
    out: &mut Vec<Diagnostic>,
) -> Vec<T> {
    match value {
        None | Some(Value::Null) => vec![],
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| match T::deserialize(v) {
                Ok(t) => Some(t),
                Err(e) => {
                    let here = at.index(i);
                    let fallback = v
                        .as_object()
                        .map(|m| skeleton(m, &["code", "assert", "message"]));
                    match (v.as_object(), fallback) {
                        (Some(m), Some(sk)) => {
                            let _ = parse_object::<T>(m, &here, &sk, out);
                        }
                        _ => out.push(serde_error(&here, &e)),
                    }
                    None
                }
            })
            .collect(),
        Some(_) => {
            out.push(type_error(at, "array"));
            vec![]
        }
    }
}

/// Keeps only the named keys (those a minimal valid object needs).
fn skeleton(map: &Map<String, Value>, keys: &[&str]) -> Map<String, Value> {
    crate::report::object(
        map.iter()
            .filter(|(k, _)| keys.contains(&k.as_str()))
            .map(|(k, v)| (k.clone(), v.clone())),
    )
}

/// Parses `map` as a `T`. On failure, finds which properties are at fault by
/// parsing each one alone on top of `skeleton`, and reports each at its path.
fn parse_object<T: DeserializeOwned>(
    map: &Map<String, Value>,
    at: &Pointer,
    skeleton: &Map<String, Value>,
    out: &mut Vec<Diagnostic>,
) -> Option<T> {
    let whole = match T::deserialize(&Value::Object(map.clone())) {
        Ok(t) => return Some(t),
        Err(e) => e,
    };
    let base_ok = T::deserialize(&Value::Object(skeleton.clone())).is_ok();
    let mut found = false;
    if base_ok {
        for (k, v) in map {
            if skeleton.contains_key(k) {
                continue;
            }
            let mut probe = skeleton.clone();
            probe.insert(k.clone(), v.clone());
            if let Err(e) = T::deserialize(&Value::Object(probe)) {
                out.push(serde_error(&at.key(k), &e));
                found = true;
            }
        }
    }
    if !found {
        out.push(serde_error(at, &whole));
    }
    None
}

fn serde_error(at: &Pointer, e: &serde_json::Error) -> Diagnostic {
    let detail = e.to_string();
    let unknown = detail.starts_with("unknown field");
    let (code, zh) = if unknown {
        ("spec.unknown_property", "不认识的属性：{detail}")
    } else if detail.starts_with("missing field") {
        ("spec.missing_property", "缺少必需的属性：{detail}")
    } else {
        ("spec.invalid_value", "取值不正确：{detail}")
    };
    Diagnostic::new(
        at.as_str(),
        code,
        Severity::Error,
        zh,
        "{detail}",
        params! {"detail" => detail},
    )
}

fn type_error(at: &Pointer, expected: &str) -> Diagnostic {
    Diagnostic::new(
        at.as_str(),
        "spec.invalid_value",
        Severity::Error,
        "类型不正确：应为 {expected}",
        "Wrong type: expected {expected}.",
        params! {"expected" => expected},
    )
}

fn missing(at: &Pointer, key: &str) -> Diagnostic {
    Diagnostic::new(
        at.as_str(),
        "spec.missing_property",
        Severity::Error,
        "缺少必需的属性“{key}”",
        "Missing required property “{key}”.",
        params! {"key" => key},
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reports_each_bad_property_at_its_path() {
        let spec = json!({
            "id": "x", "version": "1", "title": "t",
            "sections": [{"id": "s", "items": [
                {"id": "a", "type": "integer", "min": "three", "colour": "red"},
                {"id": "b", "type": "no_such_type"},
                7
            ]}]
        });
        let mut out = vec![];
        let parsed = parse_spec(&spec, &mut out).unwrap();
        let paths: Vec<_> = out
            .iter()
            .map(|d| (d.path.as_str(), d.code.as_str()))
            .collect();
        assert!(
            paths.contains(&("/sections/0/items/0/min", "spec.invalid_value")),
            "{paths:?}"
        );
        assert!(
            paths.contains(&("/sections/0/items/0/colour", "spec.unknown_property")),
            "{paths:?}"
        );
        assert!(
            paths
                .iter()
                .any(|(p, _)| p.starts_with("/sections/0/items/1")),
            "{paths:?}"
        );
        assert!(
            paths.contains(&("/sections/0/items/2", "spec.invalid_value")),
            "{paths:?}"
        );
        assert_eq!(parsed.sections.len(), 1);
    }

    #[test]
    fn non_object_spec() {
        let mut out = vec![];
        assert!(parse_spec(&json!([1]), &mut out).is_none());
        assert_eq!(out[0].code, "spec.type");
    }
}
