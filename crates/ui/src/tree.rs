//! The spec's node tree, shared by reference between components.

use crate::data;
use dangjian_core::{FieldType, Node, Spec};
use serde_json::Value;
use std::rc::Rc;

/// A node of the spec with its children, shared by `Rc` so components compare by pointer.
#[derive(Debug)]
pub struct UiNode {
    /// The node (its `items` moved into `children`).
    pub node: Node,
    /// Child nodes of a group.
    pub children: Vec<Rc<UiNode>>,
}

impl PartialEq for UiNode {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl UiNode {
    /// The tree of `node`.
    pub fn build(node: &Node) -> Rc<UiNode> {
        let mut own = node.clone();
        let items = std::mem::take(&mut own.items);
        Rc::new(UiNode {
            node: own,
            children: items.iter().map(UiNode::build).collect(),
        })
    }

    /// True for a group whose value is a list of sub-records.
    pub fn is_list(&self) -> bool {
        self.node.kind == FieldType::Group && self.node.repeat.is_some()
    }

    /// True for a group (plain or repeated).
    pub fn is_group(&self) -> bool {
        self.node.kind == FieldType::Group
    }

    /// A `ui` hint of the spec, e.g. `"widget": "table"`.
    pub fn hint(&self, key: &str) -> Option<&Value> {
        self.node.ui.as_ref().and_then(|u| u.get(key))
    }
}

/// The sections of a spec as trees.
pub fn sections(spec: &Spec) -> Vec<Rc<UiNode>> {
    spec.sections.iter().map(UiNode::build).collect()
}

/// Paths of the nodes the spec marks `required`, following the lists the record holds.
pub fn declared_required(sections: &[Rc<UiNode>], record: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for s in sections {
        walk(s, &data::child("", &s.node.id), record, &mut out);
    }
    out
}

fn walk(n: &UiNode, path: &str, record: &Value, out: &mut Vec<String>) {
    if n.node.required {
        out.push(path.to_owned());
    }
    if n.is_list() {
        let rows = data::get(record, path)
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        for i in 0..rows {
            let row = data::index(path, i);
            for c in &n.children {
                walk(c, &data::child(&row, &c.node.id), record, out);
            }
        }
    } else {
        for c in &n.children {
            walk(c, &data::child(path, &c.node.id), record, out);
        }
    }
}

/// The number of rows of every list the record holds, in walk order: the
/// places [`declared_required`] finds change only when this does.
pub fn list_shape(sections: &[Rc<UiNode>], record: &Value) -> Vec<usize> {
    fn shape(n: &UiNode, path: &str, record: &Value, out: &mut Vec<usize>) {
        if !n.children.iter().any(|c| c.is_group()) && !n.is_list() {
            return;
        }
        if n.is_list() {
            let rows = data::get(record, path)
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            out.push(rows);
            for i in 0..rows {
                let row = data::index(path, i);
                for c in &n.children {
                    shape(c, &data::child(&row, &c.node.id), record, out);
                }
            }
        } else {
            for c in n.children.iter().filter(|c| c.is_group()) {
                shape(c, &data::child(path, &c.node.id), record, out);
            }
        }
    }
    let mut out = Vec::new();
    for s in sections {
        shape(s, &data::child("", &s.node.id), record, &mut out);
    }
    out
}

/// An empty sub-record for a row of list `n`: defaults filled in, nested lists empty.
pub fn empty_row(n: &UiNode) -> Value {
    Value::Object(
        n.children
            .iter()
            .map(|c| (c.node.id.clone(), empty_value(c)))
            .collect(),
    )
}

fn empty_value(n: &UiNode) -> Value {
    if let Some(d) = &n.node.default {
        return d.clone();
    }
    match n.node.kind {
        FieldType::Group if n.node.repeat.is_some() => Value::Array(Vec::new()),
        FieldType::Group => empty_row(n),
        FieldType::MultiChoice => Value::Array(Vec::new()),
        _ => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec() -> Spec {
        serde_json::from_value(
            json!({"id": "f", "version": "1", "title": "t", "sections": [
                {"id": "a", "items": [
                    {"id": "x", "type": "text", "required": true},
                    {"id": "rows", "repeat": {"min": 0}, "items": [
                        {"id": "n", "type": "integer", "required": true, "default": 0},
                        {"id": "tags", "type": "multi_choice", "options": [{"value": "a"}]}
                    ]}
                ]}
            ]}),
        )
        .unwrap()
    }

    #[test]
    fn required_places_follow_the_rows() {
        let s = sections(&spec());
        let d = json!({"a": {"rows": [{}, {}]}});
        assert_eq!(
            declared_required(&s, &d),
            vec!["/a/x", "/a/rows/0/n", "/a/rows/1/n"]
        );
    }

    #[test]
    fn the_shape_follows_the_lists() {
        let s = sections(&spec());
        assert_eq!(list_shape(&s, &json!({"a": {"rows": [{}, {}]}})), vec![2]);
        assert_eq!(
            list_shape(&s, &json!({"a": {"x": "changed", "rows": [{}, {}]}})),
            vec![2]
        );
        assert_eq!(list_shape(&s, &json!({"a": {}})), vec![0]);
    }

    #[test]
    fn empty_rows_have_defaults() {
        let s = sections(&spec());
        let rows = &s[0].children[1];
        assert!(rows.is_list());
        assert_eq!(empty_row(rows), json!({"n": 0, "tags": []}));
    }
}
