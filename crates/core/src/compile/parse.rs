//! Tolerant parsing: reads a spec node by node, so one bad property does not hide
//! the others. Every structural mistake becomes a diagnostic at its own path.

use crate::diagnostic::Diagnostic;
use crate::json_text::Json;
use crate::params;
use crate::pointer::Pointer;
use crate::spec::read::{self, Faults, NODE_SKELETON, RULE_SKELETON, SPEC_SKELETON};
use crate::spec::{Node, Rule, Spec};
use crate::Severity;

/// Parses a spec, collecting every structural mistake.
pub(crate) fn parse_spec(value: &Json<'_>, out: &mut Vec<Diagnostic>) -> Option<Spec> {
    let Json::Object(map) = value else {
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
    let root = Pointer::root();
    let (mut spec, faults) = read::spec(map, false);
    if !report(&faults, SPEC_SKELETON, &root, out) {
        return None;
    }
    match map.get("sections") {
        Some(Json::Array(items)) => {
            spec.sections = parse_nodes(items, &root.key("sections"), out);
        }
        Some(_) => out.push(type_error(&root.key("sections"), "array")),
        None => out.push(missing(&root, "sections")),
    }
    spec.rules = parse_rules(map.get("rules"), &root.key("rules"), out);
    Some(spec)
}

/// Parses a list of nodes. A node that cannot be read keeps its place (as a
/// placeholder without its faulty properties), so later paths stay right.
fn parse_nodes(items: &[Json<'_>], at: &Pointer, out: &mut Vec<Diagnostic>) -> Vec<Node> {
    items
        .iter()
        .enumerate()
        .map(|(i, v)| parse_node(v, &at.index(i), out).unwrap_or_else(|| placeholder(v, i)))
        .collect()
}

/// What stands in for a node that could not be read: its good properties, or
/// failing that (its `id` or `type` is at fault) an inert text field, so no
/// further diagnostic comes from it.
fn placeholder(v: &Json<'_>, index: usize) -> Node {
    if let Json::Object(map) = v {
        let (mut node, faults) = read::node(map, true);
        if !faults.touches(NODE_SKELETON) {
            node.items.clear();
            if node.kind == crate::spec::FieldType::Group {
                node.kind = crate::spec::FieldType::Text;
            }
            return node;
        }
    }
    Node {
        id: format!("_unreadable_{index}"),
        kind: crate::spec::FieldType::Text,
        ..Node::default()
    }
}

fn parse_node(value: &Json<'_>, at: &Pointer, out: &mut Vec<Diagnostic>) -> Option<Node> {
    let Json::Object(map) = value else {
        out.push(type_error(at, "object"));
        return None;
    };
    let (mut node, faults) = read::node(map, false);
    if !report(&faults, NODE_SKELETON, at, out) {
        return None;
    }
    match map.get("items") {
        Some(Json::Array(items)) => node.items = parse_nodes(items, &at.key("items"), out),
        Some(_) => out.push(type_error(&at.key("items"), "array")),
        None => {}
    }
    if let Some(rules) = map.get("rules") {
        node.rules = parse_rules(Some(rules), &at.key("rules"), out);
    }
    Some(node)
}

/// Parses a list of rules; a rule that cannot be read is left out.
fn parse_rules(value: Option<&Json<'_>>, at: &Pointer, out: &mut Vec<Diagnostic>) -> Vec<Rule> {
    match value {
        None | Some(Json::Null) => vec![],
        Some(Json::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let here = at.index(i);
                let Json::Object(map) = v else {
                    return match read::rule_strict(v) {
                        Ok(rule) => Some(rule),
                        Err(detail) => {
                            out.push(serde_error(&here, detail));
                            None
                        }
                    };
                };
                let (rule, faults) = read::rule(map);
                report(&faults, RULE_SKELETON, &here, out).then_some(rule)
            })
            .collect(),
        Some(_) => {
            out.push(type_error(at, "array"));
            vec![]
        }
    }
}

/// Reports the mistakes of one object; true when there were none. When the
/// `skeleton` (the properties a minimal valid object needs) is sound, each
/// faulty property is reported at its own path; otherwise the first mistake is
/// reported at the object's path, since the others cannot be judged alone.
fn report(faults: &Faults, skeleton: &[&str], at: &Pointer, out: &mut Vec<Diagnostic>) -> bool {
    let Some(first) = faults.first() else {
        return true;
    };
    if faults.touches(skeleton) {
        out.push(serde_error(at, first));
    } else {
        for (key, detail) in &faults.fields {
            out.push(serde_error(&at.key(key), detail.clone()));
        }
    }
    false
}

fn serde_error(at: &Pointer, detail: String) -> Diagnostic {
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
    use serde_json::{json, Value};

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
        let parsed = parse_spec(&Json::view(&spec), &mut out).unwrap();
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

    /// Each mistake at its JSON Pointer, with serde's wording: a faulty
    /// property of a sound object at its own path, an object whose `id` (or
    /// other required property) is at fault at the object's path with its
    /// first mistake.
    #[test]
    fn nested_paths_and_messages() {
        let spec = json!({
            "id": "x", "version": "1", "title": "t", "colour": 1,
            "sections": [{"id": "s", "items": [
                {"id": "a", "type": "integer", "score": {"deductions": [{"code": "d", "title": "t", "points": "2"}]}},
                {"id": 5, "type": "text", "min": "x"},
                {"id": "c", "type": "text", "rules": [
                    {"code": "r", "assert": true, "message": "m", "severity": "fatal"},
                    {"assert": true, "message": "m"},
                    [1]
                ]}
            ]}],
            "rules": [{"code": "r", "assert": true, "message": "m", "params": []}]
        });
        // The diagnostics of reading a spec, and each one's path and English message.
        let read = |spec: &Value| {
            let mut out = vec![];
            parse_spec(&Json::view(spec), &mut out);
            out
        };
        fn pairs(out: &[Diagnostic]) -> Vec<(&str, &str)> {
            out.iter()
                .map(|d| (d.path.as_str(), d.message_en.as_str()))
                .collect()
        }
        let out = read(&spec);
        let got = pairs(&out);
        assert_eq!(
            got,
            [
                ("/colour", "unknown field `colour`, expected one of `$schema`, `id`, `version`, `title`, `description`, `settings`, `settings_checks`, `sections`, `rules`, `scoring`, `messages`, `outcomes`, `ui`"),
            ],
            "a spec-level mistake stops the reading before the sections"
        );
        let mut spec = spec;
        spec.as_object_mut().unwrap().remove("colour");
        let out = read(&spec);
        let got = pairs(&out);
        assert_eq!(
            got,
            [
                (
                    "/sections/0/items/0/score",
                    "invalid type: string \"2\", expected f64"
                ),
                (
                    "/sections/0/items/1",
                    "invalid type: integer `5`, expected a string"
                ),
                (
                    "/sections/0/items/2/rules/0/severity",
                    "unknown variant `fatal`, expected `error` or `warning`"
                ),
                ("/sections/0/items/2/rules/1", "missing field `code`"),
                (
                    "/sections/0/items/2/rules/2",
                    "invalid type: integer `1`, expected a string"
                ),
                ("/rules/0/params", "invalid type: sequence, expected a map"),
            ]
        );
    }

    #[test]
    fn non_object_spec() {
        let mut out = vec![];
        assert!(parse_spec(&Json::view(&json!([1])), &mut out).is_none());
        assert_eq!(out[0].code, "spec.type");
    }
}
