//! The engine's messages beside a field.

use super::use_ctx;
use dangjian_core::Severity;
use yew::prelude::*;

/// Props of [`Messages`].
#[derive(Properties, PartialEq)]
pub struct MessagesProps {
    /// JSON Pointer whose issues are shown.
    pub path: AttrValue,
    /// DOM id, for `aria-describedby`.
    pub id: AttrValue,
    /// Also show issues below `path` (composite values such as a checklist line).
    #[prop_or_default]
    pub below: bool,
}

/// The issues at a place, errors first, once the person has touched it (or
/// after a submit attempt). The list always exists so `aria-describedby` resolves.
#[function_component]
pub fn Messages(props: &MessagesProps) -> Html {
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    let state = &ctx.state;
    let shown = state.shows(&props.path);
    let mut issues = if props.below {
        state.view.within(&props.path)
    } else {
        state.view.at(&props.path)
    };
    issues.sort_by_key(|i| i.severity != Severity::Error);
    let items: Html = if shown {
        issues
            .iter()
            .map(|i| {
                let error = i.severity == Severity::Error;
                let class = if error { "dj-msg dj-msg-error" } else { "dj-msg dj-msg-warn" };
                let mark = if error { "✕" } else { "!" };
                html! { <li class={class} data-code={i.code.clone()}><span class="dj-msg-mark" aria-hidden="true">{mark}</span>{ i.message.clone() }</li> }
            })
            .collect()
    } else {
        html! {}
    };
    html! { <ul class="dj-msgs" id={props.id.clone()}>{ items }</ul> }
}

/// Whether a place has errors that are showing (for `aria-invalid`).
pub fn invalid(ctx: &super::Ctx, path: &str, below: bool) -> bool {
    let state = &ctx.state;
    if !state.shows(path) {
        return false;
    }
    let issues = if below {
        state.view.within(path)
    } else {
        state.view.at(path)
    };
    issues.iter().any(|i| i.severity == Severity::Error)
}
