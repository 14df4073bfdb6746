//! Renders any node: a plain group, a repeated group, or a field — unless the
//! engine reports it hidden (`visible_if`, or a scored item reported `hidden`),
//! or the spec marks it `"ui": {"widget": "system"}` (a value a program wrote,
//! such as the link back to a checklist item: shown only when the engine finds
//! something wrong with it, so the person can put it right).

use super::field::Field;
use super::group::{Group, List};
use super::slice::Slice;
use crate::tree::UiNode;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`NodeView`].
#[derive(Properties, PartialEq)]
pub struct NodeProps {
    /// The spec node.
    pub node: Rc<UiNode>,
    /// Its share of the record and report.
    pub slice: Slice,
}

/// Any node of the form.
#[function_component]
pub fn NodeView(p: &NodeProps) -> Html {
    if p.slice.hidden {
        return html! {};
    }
    if p.slice.quiet()
        && p.node.hint("widget").and_then(serde_json::Value::as_str) == Some("system")
    {
        return html! {};
    }
    if p.node.is_list() {
        html! { <List node={p.node.clone()} slice={p.slice.clone()} /> }
    } else if p.node.is_group() {
        html! { <Group node={p.node.clone()} slice={p.slice.clone()} /> }
    } else {
        html! { <Field node={p.node.clone()} slice={p.slice.clone()} /> }
    }
}
