//! The spec's node tree, shared by reference between components.

use crate::data;
use dangjian_core::{Node, Spec};
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
        self.node.kind.is_group() && self.node.repeat.is_some()
    }

    /// True for a group (plain or repeated).
    pub fn is_group(&self) -> bool {
        self.node.kind.is_group()
    }

    /// True for a top-level node drawn as a section (a plain group). Any other
    /// top-level node (a field or a repeated group whose value sits at the
    /// record's top level) is drawn in an untitled section of its own.
    pub fn is_section(&self) -> bool {
        self.is_group() && !self.is_list()
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

/// The node at `path` (row numbers skipped), if the form has one there.
pub fn node_at(sections: &[Rc<UiNode>], path: &str) -> Option<Rc<UiNode>> {
    let mut segs = data::segments(path).into_iter();
    let first = segs.next()?;
    let mut here = sections.iter().find(|s| s.node.id == first)?.clone();
    for seg in segs {
        if here.is_list() && seg.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        here = here.children.iter().find(|c| c.node.id == seg)?.clone();
    }
    Some(here)
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

/// The spec's own node at `path` (row numbers skipped), with its items: what
/// the engine knows of it, such as its empty row (`Node::empty_row`).
pub fn spec_node<'s>(spec: &'s Spec, path: &str) -> Option<&'s Node> {
    let mut segs = data::segments(path).into_iter();
    let first = segs.next()?;
    let mut here = spec.sections.iter().find(|s| s.id == first)?;
    for seg in segs {
        if here.repeat.is_some() && seg.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        here = here.items.iter().find(|c| c.id == seg)?;
    }
    Some(here)
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
    fn nodes_by_path() {
        let s = sections(&spec());
        assert_eq!(
            node_at(&s, "/a/rows/3/n").map(|n| n.node.id.clone()),
            Some("n".into())
        );
        assert_eq!(
            node_at(&s, "/a").map(|n| n.node.id.clone()),
            Some("a".into())
        );
        assert!(node_at(&s, "/a/nope").is_none());
        assert!(node_at(&s, "").is_none());
    }

    #[test]
    fn a_new_row_is_the_engine_s_empty_row() {
        let spec = spec();
        let rows = spec_node(&spec, "/a/rows").unwrap();
        assert_eq!(rows.empty_row(), json!({"n": 0, "tags": []}));
        assert_eq!(
            spec_node(&spec, "/a/rows/2/n").map(|n| n.id.as_str()),
            Some("n")
        );
        assert!(spec_node(&spec, "/a/none").is_none());
    }
}
