//! Any number of options, as checkboxes.

use super::{option_title, WidgetProps};
use crate::components::each;
use crate::components::parts::classes;
use crate::components::Env;
use serde_json::Value;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Checkboxes; one handler on the group reads which ones are ticked, in the spec's order.
pub fn multi_choice(p: &WidgetProps, env: &Env) -> Html {
    let l = env.locale;
    let current: Vec<&str> = p
        .value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let onchange = {
        let set = env.setter(&p.path);
        let node = p.node.clone();
        Callback::from(move |e: Event| {
            let Some(group) = e
                .current_target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            else {
                return;
            };
            let ticked = |i: usize| {
                group
                    .query_selector(&format!("input[data-i=\"{i}\"]"))
                    .ok()
                    .flatten()
                    .map(wasm_bindgen::JsCast::unchecked_into::<HtmlInputElement>)
                    .is_some_and(|input| input.checked())
            };
            let next: Vec<Value> = node
                .node
                .options
                .iter()
                .enumerate()
                .filter(|(i, _)| ticked(*i))
                .map(|(_, o)| Value::String(o.value.clone()))
                .collect();
            set.emit(Value::Array(next));
        })
    };
    html! {
        <div class="dj-checks" {onchange}>
            { each(p.node.node.options.iter().enumerate(), |(i, o)| {
                let checked = current.contains(&o.value.as_str());
                let input_id = format!("{}-{i}", p.id);
                html! {
                    <label ~className={classes(&[Some("dj-check-opt"), checked.then_some("dj-on")])} for={input_id.clone()}>
                        <input type="checkbox" id={input_id} data-i={i.to_string()} checked={checked} disabled={p.disabled} />
                        { option_title(o, l) }
                    </label>
                }
            }) }
        </div>
    }
}
