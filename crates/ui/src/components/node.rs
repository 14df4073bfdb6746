//! Renders any node: a plain group, a repeated group, or a field — unless the
//! engine reports it hidden.

use super::field::Field;
use super::group::{Group, List};
use super::use_ctx;
use crate::tree::UiNode;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`NodeView`].
#[derive(Properties, PartialEq)]
pub struct NodeProps {
    /// The spec node.
    pub node: Rc<UiNode>,
    /// JSON Pointer of its value.
    pub path: AttrValue,
}

/// Any node of the form.
#[function_component]
pub fn NodeView(p: &NodeProps) -> Html {
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    if !ctx.state.view.visible(&p.path) {
        return html! {};
    }
    if p.node.is_list() {
        html! { <List node={p.node.clone()} path={p.path.clone()} /> }
    } else if p.node.is_group() {
        html! { <Group node={p.node.clone()} path={p.path.clone()} /> }
    } else {
        html! { <Field node={p.node.clone()} path={p.path.clone()} /> }
    }
}
