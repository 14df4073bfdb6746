//! One of a few options as radio buttons styled as a segmented control; the
//! yes / no buttons share the control.

use super::{option_title, WidgetProps};
use crate::components::each;
use crate::components::parts::classes;
use crate::components::Env;
use serde_json::Value;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// One of a few options, as radio buttons.
pub fn radio_choice(p: &WidgetProps, env: &Env) -> Html {
    let l = env.locale;
    let opts = p
        .node
        .node
        .options
        .iter()
        .map(|o| {
            (
                o.value.clone(),
                option_title(o, l),
                p.value.as_str() == Some(o.value.as_str()),
            )
        })
        .collect();
    segmented(p, opts, env.setter(&p.path))
}

/// Radio buttons styled as a segmented control: `(value, title, checked)` each.
/// One handler on the group reads the button that changed.
pub(super) fn segmented(
    p: &WidgetProps,
    options: Vec<(String, String, bool)>,
    set: Callback<Value>,
) -> Html {
    let (id, invalid, disabled) = (&p.id, p.invalid, p.disabled);
    let onchange = Callback::from(move |e: Event| {
        set.emit(decode_option(
            &e.target_unchecked_into::<HtmlInputElement>().value(),
        ))
    });
    html! {
        <div ~className={classes(&[Some("dj-seg"), disabled.then_some("dj-disabled")])} role="radiogroup" aria-label={p.label.clone()}
            aria-invalid={invalid.to_string()} aria-disabled={disabled.then_some("true")} {onchange}>
            { each(options.into_iter().enumerate(), |(i, (value, title, checked))| {
                let input_id = format!("{id}-{i}");
                html! {
                    <label ~className={classes(&[Some("dj-seg-opt"), checked.then_some("dj-on")])} for={input_id.clone()} data-value={value.clone()}>
                        <input type="radio" id={input_id} name={id.clone()} value={value} checked={checked} disabled={disabled} />
                        { title }
                    </label>
                }
            }) }
        </div>
    }
}

/// Option values travel as text in the DOM; booleans come back as booleans.
fn decode_option(v: &str) -> Value {
    match v {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        _ => Value::String(v.to_owned()),
    }
}
