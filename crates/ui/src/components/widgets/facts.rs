//! The one table of what the interface knows about each field type: the widget
//! that edits it, how wide its box is, whether its controls sit under a
//! legend, whether it fits a table cell, about how tall it is before it is
//! drawn, the HTML input behind it and how typed text is tidied.
//!
//! Every match here is exhaustive: a new field type does not compile until the
//! interface knows all of this about it.

use crate::normalize::Tidy;
use crate::tree::UiNode;
use dangjian_core::{FieldType, Node, Shape};
use serde_json::Value;

/// Which component edits a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editor {
    /// A one-line input.
    Line,
    /// A multi-line input.
    Lines,
    /// A number typed as text.
    Number,
    /// Yes / no buttons.
    YesNo,
    /// One of the options: buttons when few, a drop-down when many.
    OneOf,
    /// Checkboxes.
    ManyOf,
    /// A scored checklist line (its own component).
    Checklist,
    /// Name and date.
    Signature,
    /// A file picked here, kept elsewhere.
    File,
    /// A group (its own component).
    Group,
    /// Inputs for a list of plain values, with add and remove.
    List,
}

/// How wide a field's box is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Width {
    /// Short values (a number, a date, a name).
    Short,
    /// One line of text.
    Mid,
    /// As wide as its buttons when there are few, else one line.
    Options,
    /// The whole row.
    Full,
}

/// What the interface knows about one field type.
#[derive(Debug, Clone, Copy)]
pub struct Facts {
    /// The component that edits it.
    pub editor: Editor,
    /// The width of its box.
    pub width: Width,
    /// Several controls labelled by a `<fieldset>` legend.
    pub grouped: bool,
    /// Fits a table cell (a list of such fields can be drawn as a table).
    pub in_cell: bool,
    /// About how tall it is before it is drawn, in `em`.
    pub height_em: f64,
    /// The `type` of its `<input>`.
    pub input_type: &'static str,
    /// The `inputmode` (the keyboard a phone shows).
    pub inputmode: Option<&'static str>,
    /// The `autocomplete` hint.
    pub autocomplete: Option<&'static str>,
    /// A placeholder showing the shape expected, when the spec gives none.
    pub shape: Option<(&'static str, &'static str)>,
    /// How typed text is tidied before it is stored.
    pub tidy: Tidy,
}

const fn line(width: Width, tidy: Tidy) -> Facts {
    Facts {
        editor: Editor::Line,
        width,
        grouped: false,
        in_cell: true,
        height_em: 5.4,
        input_type: "text",
        inputmode: None,
        autocomplete: None,
        shape: None,
        tidy,
    }
}

/// The facts of `kind`.
pub const fn facts(kind: FieldType) -> Facts {
    match kind {
        FieldType::Text => line(Width::Mid, Tidy::Keep),
        FieldType::Textarea => Facts {
            editor: Editor::Lines,
            width: Width::Full,
            in_cell: false,
            height_em: 7.5,
            ..line(Width::Full, Tidy::Keep)
        },
        FieldType::Integer | FieldType::Decimal => Facts {
            editor: Editor::Number,
            ..line(Width::Short, Tidy::Number)
        },
        FieldType::Date => Facts {
            inputmode: Some("numeric"),
            autocomplete: Some("off"),
            shape: Some(("例如 2026-11-20", "e.g. 2026-11-20")),
            ..line(Width::Short, Tidy::Date)
        },
        FieldType::Time => Facts {
            inputmode: Some("numeric"),
            autocomplete: Some("off"),
            shape: Some(("例如 14:30", "e.g. 14:30")),
            ..line(Width::Short, Tidy::Time)
        },
        FieldType::Datetime => Facts {
            autocomplete: Some("off"),
            shape: Some(("例如 2026-11-20 14:30", "e.g. 2026-11-20 14:30")),
            ..line(Width::Mid, Tidy::Datetime)
        },
        FieldType::Boolean => Facts {
            editor: Editor::YesNo,
            grouped: true,
            ..line(Width::Short, Tidy::Keep)
        },
        FieldType::Choice => Facts {
            editor: Editor::OneOf,
            grouped: true,
            ..line(Width::Options, Tidy::Keep)
        },
        FieldType::MultiChoice => Facts {
            editor: Editor::ManyOf,
            grouped: true,
            in_cell: false,
            ..line(Width::Full, Tidy::Keep)
        },
        FieldType::ChecklistItem => Facts {
            editor: Editor::Checklist,
            grouped: true,
            in_cell: false,
            height_em: 8.5,
            ..line(Width::Full, Tidy::Keep)
        },
        FieldType::PersonName => Facts {
            autocomplete: Some("name"),
            ..line(Width::Short, Tidy::Keep)
        },
        FieldType::CitizenId => Facts {
            autocomplete: Some("off"),
            ..line(Width::Mid, Tidy::CitizenId)
        },
        FieldType::Mobile => Facts {
            input_type: "tel",
            inputmode: Some("tel"),
            autocomplete: Some("tel"),
            ..line(Width::Short, Tidy::Mobile)
        },
        FieldType::Email => Facts {
            input_type: "email",
            inputmode: Some("email"),
            autocomplete: Some("email"),
            ..line(Width::Mid, Tidy::Keep)
        },
        FieldType::Url => Facts {
            input_type: "url",
            inputmode: Some("url"),
            autocomplete: Some("url"),
            ..line(Width::Mid, Tidy::Keep)
        },
        FieldType::Uscc => Facts {
            autocomplete: Some("off"),
            ..line(Width::Mid, Tidy::Code)
        },
        FieldType::File => Facts {
            editor: Editor::File,
            grouped: true,
            in_cell: false,
            ..line(Width::Full, Tidy::Keep)
        },
        FieldType::Signature => Facts {
            editor: Editor::Signature,
            grouped: true,
            in_cell: false,
            ..line(Width::Mid, Tidy::Keep)
        },
        FieldType::List => Facts {
            editor: Editor::List,
            grouped: true,
            in_cell: false,
            height_em: 7.0,
            ..line(Width::Mid, Tidy::Keep)
        },
        FieldType::Group => Facts {
            editor: Editor::Group,
            in_cell: false,
            height_em: 4.0,
            ..line(Width::Full, Tidy::Keep)
        },
    }
}

/// The CSS class of a field's width: a short field with a help text gets room to read it.
pub fn width_class(node: &Node) -> &'static str {
    match facts(node.kind).width {
        Width::Short if !node.help.is_empty() => "dj-w-mid",
        Width::Short => "dj-w-short",
        Width::Options if node.options.len() <= 5 => "dj-w-auto",
        Width::Options | Width::Mid => "dj-w-mid",
        Width::Full => "dj-w-full",
    }
}

/// True when a list reads best as a table: the spec says so, or few columns that fit cells.
pub fn as_table(list: &UiNode) -> bool {
    match list.hint("widget").and_then(Value::as_str) {
        Some("table") => return true,
        Some("cards") => return false,
        _ => {}
    }
    list.children.len() <= 4 && list.children.iter().all(|c| facts(c.node.kind).in_cell)
}

/// About how tall `n` is before it is drawn, in `em`, given its value: an
/// answered checklist line shows its evidence and points too; a group is the
/// sum of its fields laid out two a row; a list is a heading and a button.
pub fn height_em(n: &UiNode, value: Option<&Value>) -> f64 {
    let base = facts(n.node.kind).height_em;
    match n.node.kind.shape() {
        Shape::Checklist
            if value
                .and_then(|v| v.get("status"))
                .is_some_and(|s| !s.is_null()) =>
        {
            base + 7.0
        }
        Shape::Group if n.node.repeat.is_some() => base + 5.0,
        Shape::Group => {
            base + n
                .children
                .iter()
                .map(|c| height_em(c, value.and_then(|v| v.get(&c.node.id))))
                .sum::<f64>()
                / 2.0
        }
        Shape::Checklist
        | Shape::Text(_)
        | Shape::Number { .. }
        | Shape::Boolean
        | Shape::Choices
        | Shape::File
        | Shape::Signature => base,
        Shape::List => base + 2.5 * value.and_then(Value::as_array).map_or(0, Vec::len) as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn node(v: Value) -> Node {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn every_type_has_its_facts() {
        for kind in FieldType::ALL {
            let f = facts(kind);
            assert!(f.height_em > 0.0, "{kind:?}");
            // Grouped controls are labelled by a legend, never by <label for>.
            assert!(!(f.grouped && f.editor == Editor::Line), "{kind:?}");
        }
    }

    #[test]
    fn widths() {
        assert_eq!(
            width_class(&node(json!({"id": "n", "type": "integer"}))),
            "dj-w-short"
        );
        assert_eq!(
            width_class(&node(
                json!({"id": "n", "type": "integer", "help": "多少人"})
            )),
            "dj-w-mid"
        );
        let few =
            node(json!({"id": "c", "type": "choice", "options": [{"value": "a"}, {"value": "b"}]}));
        assert_eq!(width_class(&few), "dj-w-auto");
        assert_eq!(
            width_class(&node(json!({"id": "t", "type": "textarea"}))),
            "dj-w-full"
        );
    }

    #[test]
    fn lists_of_simple_fields_are_tables() {
        let list = UiNode::build(&node(json!({"id": "rows", "repeat": {}, "items": [
            {"id": "name", "type": "person_name"}, {"id": "why", "type": "text"}]})));
        assert!(as_table(&list));
        let long = UiNode::build(&node(json!({"id": "rows", "repeat": {}, "items": [
            {"id": "name", "type": "person_name"}, {"id": "why", "type": "textarea"}]})));
        assert!(!as_table(&long));
    }

    #[test]
    fn an_answered_checklist_line_is_taller() {
        let line = UiNode::build(&node(
            json!({"id": "l", "type": "checklist_item", "score": {"points": 1}}),
        ));
        assert!(height_em(&line, Some(&json!({"status": "met"}))) > height_em(&line, None));
    }
}
