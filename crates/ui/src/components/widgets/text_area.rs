//! A multi-line input.

use super::{as_text, text_value, WidgetProps};
use crate::components::Env;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Several lines of text, kept as typed.
pub fn text_area(p: &WidgetProps, env: &Env) -> Html {
    let onblur = env.toucher(&p.path);
    let set = env.setter(&p.path);
    let oninput = Callback::from(move |e: InputEvent| {
        set.emit(text_value(
            e.target_unchecked_into::<HtmlTextAreaElement>().value(),
        ))
    });
    let placeholder = p.node.node.placeholder.get(env.locale).to_owned();
    html! {
        <textarea class="dj-input dj-textarea" id={p.id.clone()} value={as_text(&p.value)} rows="3"
            placeholder={placeholder} aria-invalid={p.invalid.to_string()} aria-required={p.required.to_string()}
            aria-describedby={p.describedby.clone()} aria-label={p.label.clone()} disabled={p.disabled} {oninput} {onblur} />
    }
}
