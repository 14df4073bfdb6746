//! One of many options, as a drop-down.

use super::{option_title, text_value, WidgetProps};
use crate::components::each;
use crate::hooks::effect::use_effect_on;
use crate::hooks::use_node_ref;
use crate::i18n::tr;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The drop-down's element, given the stored value after each change of it.
#[hook]
pub fn use_select_sync(p: &WidgetProps) -> NodeRef {
    let select = use_node_ref();
    {
        // A <select> the person has used ignores `selected` attributes: set its value directly.
        // It is set again when the wanted choice changes: keyed by that
        // choice's place (1 for none, 2 on for an option, 0 for a value no
        // option has, which the drop-down shows as none whatever it is), so
        // the effect has the form's one type of dependencies.
        let select = select.clone();
        let wanted = p.value.as_str().unwrap_or("").to_owned();
        let place = if wanted.is_empty() {
            1
        } else {
            p.node
                .node
                .options
                .iter()
                .position(|o| o.value == wanted)
                .map_or(0, |i| i as u64 + 2)
        };
        use_effect_on(
            (place, 0),
            Box::new(move |_| {
                if let Some(el) = select.cast::<HtmlSelectElement>() {
                    if el.value() != wanted {
                        el.set_value(&wanted);
                    }
                }
            }),
        );
    }
    select
}

/// A drop-down of the options, with "choose…" while none is chosen; `select`
/// is its element ([`use_select_sync`]).
pub fn select_choice(p: &WidgetProps, select: NodeRef) -> Html {
    let v = p.value.clone();
    let env = &p.env;
    let l = env.locale;
    let set = env.setter(&p.path);
    let onchange = Callback::from(move |e: Event| {
        set.emit(text_value(
            e.target_unchecked_into::<HtmlSelectElement>().value(),
        ))
    });
    let onblur = env.toucher(&p.path);
    html! {
        <select ref={select} class="dj-input dj-select" id={p.id.clone()} aria-invalid={p.invalid.to_string()} aria-required={p.required.to_string()}
            aria-describedby={p.describedby.clone()} aria-label={p.label.clone()} disabled={p.disabled} {onchange} {onblur}>
            <option value="" selected={v.is_null()}>{ tr(l, "请选择…", "Choose…") }</option>
            { each(p.node.node.options.iter(), |o| html! {
                <option value={o.value.clone()} selected={v.as_str() == Some(o.value.as_str())}>{ option_title(o, l) }</option>
            }) }
        </select>
    }
}
