//! The engine's messages beside a field.

use super::slice::Slice;
use dangjian_core::Severity;
use yew::prelude::*;

/// Props of [`Messages`].
#[derive(Properties, PartialEq)]
pub struct MessagesProps {
    /// The place whose issues are shown.
    pub slice: Slice,
    /// DOM id, for `aria-describedby`.
    pub id: AttrValue,
    /// Also show issues below the place (composite values such as a checklist line).
    #[prop_or_default]
    pub below: bool,
}

/// The issues at a place, errors first, once the person has touched it (or
/// after a submit attempt). The list always exists so `aria-describedby` resolves.
#[function_component]
pub fn Messages(props: &MessagesProps) -> Html {
    let items: Html = if props.slice.shows() {
        let mut issues = props.slice.messages(props.below);
        issues.sort_by_key(|i| i.severity != Severity::Error);
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
