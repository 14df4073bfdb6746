//! The widgets: one a file, picked by the field type through the
//! one table in [`facts`]. Widgets only turn what the person types into JSON
//! values (tidied as [`crate::normalize`] says); the engine judges them.

pub mod bool_choice;
pub mod display;
pub mod facts;
pub mod file_ref;
pub mod multi_choice;
pub mod number_input;
pub mod plain_list;
pub mod radio_choice;
pub mod select_choice;
pub mod signature;
pub mod stateful;
pub mod text_area;
pub mod text_input;

pub use display::{blank_choices, display_value};

use super::slice::Slice;
use super::Env;
use crate::normalize::{self, Tidy};
use crate::tree::UiNode;
use dangjian_core::Locale;
use facts::{facts, Editor};
use serde_json::Value;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props shared by every widget.
#[derive(Properties, PartialEq, Clone)]
pub struct WidgetProps {
    /// The field's spec node.
    pub node: Rc<UiNode>,
    /// JSON Pointer of its value.
    pub path: AttrValue,
    /// Its value.
    pub value: Value,
    /// The field's share of the report, for the parts of a composite value.
    #[prop_or_default]
    pub part_issues: Option<Slice>,
    /// DOM id of the (first) control.
    pub id: AttrValue,
    /// Ids of the help text and the messages.
    pub describedby: AttrValue,
    /// The engine reports an error here that is showing.
    pub invalid: bool,
    /// The field must be given.
    pub required: bool,
    /// The field's title, for controls without a visible label.
    pub label: AttrValue,
    /// Inside a table row: prefer compact controls.
    #[prop_or_default]
    pub compact: bool,
    /// The engine disables the field (`enabled_if`): shown, not editable.
    #[prop_or_default]
    pub disabled: bool,
    /// What stays fixed while the person types.
    pub env: Env,
}

/// Picks the widget for the node's type. A plain function, as are the widgets
/// without state of their own (each Yew component costs its own copy of the
/// framework's lifecycle code); the field around it is the re-render boundary.
/// The widgets that keep state or touch the DOM after drawing (number, drop-down,
/// file, list) are one component, [`stateful::Stateful`].
pub fn widget(p: WidgetProps, env: &Env) -> Html {
    match facts(p.node.node.kind).editor {
        Editor::Lines => text_area::text_area(&p, env),
        Editor::Number | Editor::File | Editor::List => html! { <stateful::Stateful ..p /> },
        Editor::YesNo => bool_choice::bool_choice(&p, env),
        Editor::OneOf => {
            let limit = if p.compact { 2 } else { 5 };
            if p.node.node.options.len() <= limit
                && p.node.hint("widget").and_then(Value::as_str) != Some("select")
            {
                radio_choice::radio_choice(&p, env)
            } else {
                html! { <stateful::Stateful ..p /> }
            }
        }
        Editor::ManyOf => multi_choice::multi_choice(&p, env),
        Editor::Signature => signature::signature(&p, env),
        // Checklist lines and groups have their own components; anything else is a line.
        Editor::Line | Editor::Checklist | Editor::Group => text_input::text_input(&p, env),
    }
}

/// Text as the record stores it: blank text is no value.
pub fn text_value(s: String) -> Value {
    if s.trim().is_empty() {
        Value::Null
    } else {
        Value::String(s)
    }
}

/// A value as the text of an input. A number is written by core's
/// `json_writer` (as serde_json writes it): `Number`'s own `Display` would
/// link serde_json's float printer (zmij) for this alone.
pub fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => dangjian_core::json_writer::to_string(n).unwrap_or_default(),
        _ => String::new(),
    }
}

/// The title of an option in `l` (its value when it has none).
pub fn option_title(o: &dangjian_core::spec::ChoiceOption, l: Locale) -> String {
    let t = o.title.get(l);
    if t.is_empty() {
        o.value.clone()
    } else {
        t.to_owned()
    }
}

/// What the person typed in `event`'s input, tidied: the input shows the tidied
/// text (the caret kept in place) and the text is returned for storing. While an
/// input method composes, the text is returned as it is.
pub fn typed(event: &Event, tidy: Tidy, done: bool) -> String {
    let Some(input) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return String::new();
    };
    let raw = input.value();
    let composing = event
        .dyn_ref::<InputEvent>()
        .is_some_and(InputEvent::is_composing);
    if tidy == Tidy::Keep || composing {
        return raw;
    }
    let text = if done {
        normalize::finish(tidy, &raw)
    } else {
        normalize::live(tidy, &raw)
    };
    if text != raw {
        let caret = input.selection_start().ok().flatten().map(|c| c as usize);
        input.set_value(&text);
        if let (Some(c), false) = (caret, done) {
            let at = normalize::caret_after(tidy, &raw, c) as u32;
            let _ = input.set_selection_range(at, at);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::as_text;
    use serde_json::{json, Value};

    #[test]
    fn a_number_reads_as_serde_json_writes_it() {
        for v in [
            json!(0),
            json!(-7),
            json!(u64::MAX),
            json!(i64::MIN),
            json!(1.5),
            json!(-0.0),
            json!(100.0),
            json!(0.1 + 0.2),
            json!(1e16),
            json!(1.5e-7),
            json!(f64::MAX),
            json!(5e-324),
        ] {
            let Value::Number(n) = &v else { unreachable!() };
            assert_eq!(as_text(&v), n.to_string());
        }
        assert_eq!(as_text(&json!("x")), "x");
        assert_eq!(as_text(&json!(null)), "");
    }
}
