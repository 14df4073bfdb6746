//! A one-line input: text, names, identifiers, dates and times.

use super::facts::facts;
use super::{as_text, text_value, typed, WidgetProps};
use crate::components::Env;
use crate::i18n::tr;
use yew::prelude::*;

/// A one-line input whose text is tidied as the field type says.
pub fn text_input(p: &WidgetProps, env: &Env) -> Html {
    let f = facts(p.node.node.kind);
    let onblur = env.toucher(&p.path);
    let set = env.setter(&p.path);
    // A text field holding a code can ask for its tidying (`"ui": {"tidy": "uscc"}`).
    let tidy = p
        .node
        .hint("tidy")
        .and_then(serde_json::Value::as_str)
        .and_then(crate::normalize::Tidy::named)
        .unwrap_or(f.tidy);
    let oninput = {
        let set = set.clone();
        Callback::from(move |e: InputEvent| set.emit(text_value(typed(&e, tidy, false))))
    };
    // When the person leaves the field the whole tidying applies (`2026/1/5`
    // becomes `2026-01-05`), also to what an input method composed.
    let onchange = Callback::from(move |e: Event| set.emit(text_value(typed(&e, tidy, true))));
    let placeholder = match p.node.node.placeholder.get(env.locale) {
        "" => f.shape.map(|(zh, en)| tr(env.locale, zh, en)).unwrap_or(""),
        own => own,
    }
    .to_owned();
    html! {
        <input class="dj-input" type={f.input_type} id={p.id.clone()} value={as_text(&p.value)}
            inputmode={f.inputmode} autocomplete={f.autocomplete} placeholder={placeholder}
            aria-invalid={p.invalid.to_string()} aria-required={p.required.to_string()}
            aria-describedby={p.describedby.clone()} aria-label={p.label.clone()}
            disabled={p.disabled} spellcheck="false" {oninput} {onchange} {onblur} />
    }
}
