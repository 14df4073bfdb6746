//! The engine's messages beside a field.

use super::slice::Slice;
use crate::components::each;
use dangjian_core::Severity;
use yew::prelude::*;

/// The issues at a place (`below`: also those below it, for composite values
/// such as a checklist line), errors first, once the person has touched it (or
/// after a submit attempt). The list always exists so `aria-describedby`
/// (`id`) resolves. A plain function: it is drawn with the field, group or row
/// that holds it, which is the re-render boundary.
pub fn messages(slice: &Slice, id: String, below: bool) -> Html {
    let items: Html = if slice.shows() {
        slice.with_messages(below, |mut issues| {
        dangjian_core::order::sort_by_key(&mut issues, |i| i.severity != Severity::Error);
        each(issues.iter(), |i| {
            let error = i.severity == Severity::Error;
            let class = if error {
                "dj-msg dj-msg-error"
            } else {
                "dj-msg dj-msg-warn"
            };
            let mark = if error { "✕" } else { "!" };
            html! { <li ~className={class} data-code={i.code.clone()}><span class="dj-msg-mark" aria-hidden="true">{mark}</span>{ i.message.clone() }</li> }
        })
        })
    } else {
        html! {}
    };
    html! { <ul class="dj-msgs" {id}>{ items }</ul> }
}
