//! The candidate joint review (资格联审) view.

use crate::components::Ctx;
use yew::prelude::*;

/// Props of [`VerdictPanel`].
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// The form's root element.
    pub root: NodeRef,
}

/// The verdict as the engine reports it.
#[function_component]
pub fn VerdictPanel(_p: &PanelProps) -> Html {
    html! {}
}

/// Panels at the top of the review's sections.
pub fn section_extra(_ctx: &Ctx, _section: &str) -> Html {
    html! {}
}
