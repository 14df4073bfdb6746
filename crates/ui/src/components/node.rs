//! Renders any node: a plain group, a repeated group, or a field — unless the
//! engine reports it hidden (`visible_if`, or a scored item reported `hidden`),
//! or the spec marks it `"ui": {"widget": "system"}` (a value a program wrote,
//! such as the link back to a checklist item: shown only when the engine finds
//! something wrong with it, so the person can put it right).

use super::field::Field;
use super::group::Group;
use super::slice::Slice;
use super::Env;
use crate::tree::UiNode;
use std::rc::Rc;
use yew::prelude::*;

/// Any node of the form, keyed by its id among its siblings. A plain function:
/// the list, group or field it picks is the component (and re-render boundary);
/// a node not shown is an empty keyed fragment.
pub fn node_view(env: &Env, node: &Rc<UiNode>, slice: Slice) -> Html {
    let key = node.node.id.clone();
    if slice.hidden
        || (slice.quiet()
            && node.hint("widget").and_then(serde_json::Value::as_str) == Some("system"))
    {
        return html! { <key={key}></> };
    }
    let node = node.clone();
    if node.is_list() || node.is_group() {
        html! { <Group {key} env={env.clone()} {node} {slice} /> }
    } else {
        html! { <Field {key} env={env.clone()} {node} {slice} /> }
    }
}
