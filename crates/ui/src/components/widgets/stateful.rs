//! The widgets that keep state or touch the DOM after drawing — a number, a
//! drop-down, a file, a list of plain values — as one component.
//!
//! Each Yew component brings its own copy of the framework's lifecycle code
//! (~1.6 KB raw); these four were a component each. One component calls every
//! hook of the four, in the same order whatever it draws (so an instance is
//! never handed another widget's hook state), and draws the one its field's
//! type asks for: the hooks of the other three hold a blank text, `false`, an
//! unused element and no focus request (bench/README.md, "The UI's code,
//! third round").

use super::facts::{facts, Editor};
use super::{file_ref, number_input, plain_list, select_choice, WidgetProps};
use yew::prelude::*;

/// A number, drop-down, file or plain-list widget, by the field's type
/// (`Editor::OneOf` is drawn here only as a drop-down).
#[function_component]
pub fn Stateful(p: &WidgetProps) -> Html {
    // A number's text as typed.
    let raw = use_state(String::new);
    // A file's checksum being computed.
    let busy = use_state(|| false);
    let select = select_choice::use_select_sync(p);
    let (focus, root) = plain_list::use_list_focus(p);
    match facts(p.node.node.kind).editor {
        Editor::Number => number_input::number_input(p, raw),
        Editor::File => file_ref::file_ref(p, busy),
        Editor::List => plain_list::plain_list(p, focus, root),
        _ => select_choice::select_choice(p, select),
    }
}
