//! Resolving the paths that expressions read (`section.field`, `$item.name`,
//! `$settings.quorum`) against the form tree, and the kind of value found there.

use crate::spec::{FieldType, Node, Shape, Spec, TextKind};

/// The kind of value an expression path reads, for type checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VKind {
    Number,
    Text,
    Date,
    Bool,
    List,
    Object,
    /// Unknown or mixed (settings, free-form values): not checked.
    Any,
}

impl VKind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            VKind::Number => "number",
            VKind::Text => "text",
            VKind::Date => "date/time",
            VKind::Bool => "boolean",
            VKind::List => "list",
            VKind::Object => "object",
            VKind::Any => "any",
        }
    }

    /// The kind in Chinese, for zh-CN messages.
    pub(crate) fn name_zh(self) -> &'static str {
        match self {
            VKind::Number => "数字",
            VKind::Text => "文本",
            VKind::Date => "日期或时间",
            VKind::Bool => "布尔值",
            VKind::List => "列表",
            VKind::Object => "对象",
            VKind::Any => "任意值",
        }
    }

    pub(crate) fn of_json(v: &serde_json::Value) -> VKind {
        match v {
            serde_json::Value::Number(_) => VKind::Number,
            serde_json::Value::String(_) => VKind::Text,
            serde_json::Value::Bool(_) => VKind::Bool,
            serde_json::Value::Array(_) => VKind::List,
            serde_json::Value::Object(_) => VKind::Object,
            serde_json::Value::Null => VKind::Any,
        }
    }
}

/// What a path resolved to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Resolved<'s> {
    pub(crate) kind: VKind,
    /// The node, when the path names a node of the form.
    pub(crate) node: Option<&'s Node>,
}

/// Where an expression is evaluated: the record root, or inside a repeated group.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ScopeRef<'s> {
    /// The repeated group whose sub-records `$item` reads, if any.
    pub(crate) item_of: Option<&'s Node>,
    /// True for the expressions of `outcomes`, which also read `$valid`,
    /// `$errors`, `$error_codes` and `$score`.
    pub(crate) outcome: bool,
}

impl ScopeRef<'_> {
    /// The record's root, as rules and conditions see it.
    pub(crate) const ROOT: ScopeRef<'static> = ScopeRef {
        item_of: None,
        outcome: false,
    };
    /// The record's root, as outcomes see it.
    pub(crate) const OUTCOME: ScopeRef<'static> = ScopeRef {
        item_of: None,
        outcome: true,
    };
}

pub(crate) fn field_kind(node: &Node) -> VKind {
    if node.kind.is_group() && node.repeat.is_some() {
        VKind::List
    } else {
        type_kind(node.kind)
    }
}

/// The kind of value a field of type `t` holds (a group's: an object).
fn type_kind(t: FieldType) -> VKind {
    match t.shape() {
        Shape::Number { .. } => VKind::Number,
        Shape::Boolean => VKind::Bool,
        Shape::Text(TextKind::Moment(_)) => VKind::Date,
        Shape::Text(_) => VKind::Text,
        Shape::Choices | Shape::List => VKind::List,
        Shape::Group | Shape::Checklist | Shape::File | Shape::Signature => VKind::Object,
    }
}

/// Resolves a dotted path; `None` when it names nothing in the form.
pub(crate) fn resolve<'s>(spec: &'s Spec, scope: ScopeRef<'s>, path: &str) -> Option<Resolved<'s>> {
    if path.is_empty() {
        return Some(Resolved {
            kind: VKind::Object,
            node: None,
        });
    }
    let mut segs = path.split('.');
    let first = segs.next()?;
    match first {
        "$settings" => {
            let name = segs.next();
            return match name {
                None => Some(Resolved {
                    kind: VKind::Object,
                    node: None,
                }),
                Some(n) => spec.settings.get(n).map(|s| Resolved {
                    kind: if segs.next().is_some() {
                        VKind::Any
                    } else {
                        VKind::of_json(&s.value)
                    },
                    node: None,
                }),
            };
        }
        "$locale" => {
            return segs.next().is_none().then_some(Resolved {
                kind: VKind::Text,
                node: None,
            })
        }
        "$valid" if scope.outcome => {
            return segs.next().is_none().then_some(Resolved {
                kind: VKind::Bool,
                node: None,
            })
        }
        "$errors" if scope.outcome => {
            return segs.next().is_none().then_some(Resolved {
                kind: VKind::Number,
                node: None,
            })
        }
        "$error_codes" if scope.outcome => {
            return Some(Resolved {
                kind: if segs.next().is_some() {
                    VKind::Text
                } else {
                    VKind::List
                },
                node: None,
            })
        }
        "$score" if scope.outcome => {
            let kind = match (segs.next(), segs.next()) {
                (None, _) => VKind::Object,
                (Some("percent" | "total" | "earned" | "possible"), None) => VKind::Number,
                (Some("grade"), None) => VKind::Any,
                _ => return None,
            };
            return spec
                .scoring
                .is_some()
                .then_some(Resolved { kind, node: None });
        }
        "$today" => {
            return segs.next().is_none().then_some(Resolved {
                kind: VKind::Date,
                node: None,
            })
        }
        "$index" => {
            return (scope.item_of.is_some() && segs.next().is_none()).then_some(Resolved {
                kind: VKind::Number,
                node: None,
            })
        }
        "$item" => {
            let group = scope.item_of?;
            return walk_children(&group.items, segs);
        }
        _ => {}
    }
    let section = spec.sections.iter().find(|s| s.id == first)?;
    walk(section, segs)
}

fn walk_children<'s, 'p>(
    children: &'s [Node],
    mut segs: impl Iterator<Item = &'p str>,
) -> Option<Resolved<'s>> {
    match segs.next() {
        None => Some(Resolved {
            kind: VKind::Object,
            node: None,
        }),
        Some(seg) => {
            let child = children.iter().find(|c| c.id == seg)?;
            walk(child, segs)
        }
    }
}

fn walk<'s, 'p>(node: &'s Node, mut segs: impl Iterator<Item = &'p str>) -> Option<Resolved<'s>> {
    let here = Resolved {
        kind: field_kind(node),
        node: Some(node),
    };
    let Some(seg) = segs.next() else {
        return Some(here);
    };
    match node.kind.shape() {
        Shape::Group if node.repeat.is_some() => {
            seg.parse::<usize>().ok()?;
            walk_children(&node.items, segs)
        }
        Shape::Group => {
            let child = node.items.iter().find(|c| c.id == seg)?;
            walk(child, segs)
        }
        Shape::Choices => {
            seg.parse::<usize>().ok()?;
            segs.next().is_none().then_some(Resolved {
                kind: VKind::Text,
                node: None,
            })
        }
        Shape::List => {
            seg.parse::<usize>().ok()?;
            segs.next().is_none().then_some(Resolved {
                kind: type_kind(node.item_type()),
                node: None,
            })
        }
        Shape::Checklist => {
            let kind = match seg {
                "status" | "evidence" | "remark" => VKind::Text,
                "deductions" => match segs.next() {
                    None => VKind::Object,
                    Some(code) => {
                        let known = node
                            .score
                            .as_ref()
                            .is_some_and(|s| s.deductions.iter().any(|d| d.code == code));
                        if !known {
                            return None;
                        }
                        VKind::Number
                    }
                },
                _ => return None,
            };
            segs.next()
                .is_none()
                .then_some(Resolved { kind, node: None })
        }
        Shape::File => {
            let kind = match seg {
                "name" | "sha256" => VKind::Text,
                "size" => VKind::Number,
                _ => return None,
            };
            segs.next()
                .is_none()
                .then_some(Resolved { kind, node: None })
        }
        Shape::Signature => {
            let kind = match seg {
                "name" => VKind::Text,
                "date" => VKind::Date,
                _ => return None,
            };
            segs.next()
                .is_none()
                .then_some(Resolved { kind, node: None })
        }
        Shape::Text(_) | Shape::Number { .. } | Shape::Boolean => None,
    }
}
