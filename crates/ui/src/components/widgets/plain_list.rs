//! A list of plain values (`list`): one input per value, each with a button
//! to remove it, and a button to add one.

use super::facts::facts;
use super::{as_text, option_title, text_value, typed, WidgetProps};
use crate::components::use_env;
use crate::i18n::tr;
use dangjian_core::{FieldType, Shape, TextKind};
use serde_json::Value;
use web_sys::{HtmlElement, HtmlSelectElement};
use yew::prelude::*;

/// What the person typed as a value of `item`: a number for a numeric item
/// type when it reads as one, else the text (the engine judges it).
fn item_value(item: FieldType, text: String) -> Value {
    match item.shape() {
        Shape::Number { .. } => match text.trim().parse::<f64>() {
            Ok(n) if n.is_finite() && n.fract() == 0.0 && n.abs() < 9.0e15 => Value::from(n as i64),
            Ok(n) => {
                serde_json::Number::from_f64(n).map_or_else(|| text_value(text), Value::Number)
            }
            Err(_) => text_value(text),
        },
        Shape::Boolean => match text.trim() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => text_value(text),
        },
        Shape::Text(_)
        | Shape::Group
        | Shape::Choices
        | Shape::Checklist
        | Shape::File
        | Shape::Signature
        | Shape::List => text_value(text),
    }
}

/// The values as inputs, in order, with add and remove buttons; keyboard focus
/// follows: to a new value's input, or after a removal to the value now in its place.
#[function_component]
pub fn PlainList(p: &WidgetProps) -> Html {
    let focus = use_state(|| None::<usize>);
    {
        let focus = focus.clone();
        let id = p.id.to_string();
        use_effect_with(*focus, move |want| {
            if let Some(i) = *want {
                let doc = web_sys::window().and_then(|w| w.document());
                let el = doc.as_ref().and_then(|d| {
                    d.get_element_by_id(&format!("{id}-{i}"))
                        .or_else(|| d.get_element_by_id(&format!("{id}-add")))
                });
                if let Some(el) =
                    el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(e).ok())
                {
                    let _ = el.focus();
                }
                focus.set(None);
            }
        });
    }
    let Some(env) = use_env() else {
        return html! {};
    };
    let l = env.locale;
    let node = &p.node.node;
    let item = node.item_type();
    let tidy = facts(item).tidy;
    let values: Vec<Value> = p.value.as_array().cloned().unwrap_or_default();
    let n = values.len();
    let set = env.setter(&p.path);
    let title = node.title.get(l).to_owned();
    let full = node.max_items.is_some_and(|m| n as u64 >= m);
    let add = {
        let set = set.clone();
        let values = values.clone();
        let focus = focus.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = values.clone();
            next.push(Value::Null);
            set.emit(Value::Array(next));
            focus.set(Some(values.len()));
        })
    };
    let row = |i: usize, v: &Value| -> Html {
        let input_id = format!("{}-{i}", p.id);
        let path = format!("{}/{i}", p.path);
        let bad = p
            .part_issues
            .as_ref()
            .is_some_and(|s| s.child(&i.to_string()).invalid(false));
        let label = match l {
            dangjian_core::Locale::ZhCn => format!("{title} 第 {} 项", i + 1),
            dangjian_core::Locale::En => format!("{title}, value {}", i + 1),
        };
        let put = {
            let set = set.clone();
            let values = values.clone();
            move |v: Value| {
                let mut next = values.clone();
                if let Some(slot) = next.get_mut(i) {
                    *slot = v;
                }
                set.emit(Value::Array(next));
            }
        };
        let remove = {
            let set = set.clone();
            let values = values.clone();
            let focus = focus.clone();
            Callback::from(move |_: MouseEvent| {
                let mut next = values.clone();
                if i < next.len() {
                    next.remove(i);
                }
                let len = next.len();
                set.emit(Value::Array(next));
                // The value now in its place, else the last one, else the add button.
                focus.set(Some(i.min(len.saturating_sub(1))));
            })
        };
        let onblur = env.toucher(&path);
        let control = if matches!(item.shape(), Shape::Text(TextKind::Choice)) {
            let onchange = {
                let put = put.clone();
                Callback::from(move |e: Event| {
                    put(text_value(
                        e.target_unchecked_into::<HtmlSelectElement>().value(),
                    ))
                })
            };
            html! {
                <select class="dj-input dj-select" id={input_id} aria-label={label.clone()} aria-invalid={bad.to_string()}
                    aria-describedby={p.describedby.clone()} disabled={p.disabled} {onchange} {onblur}>
                    <option value="" selected={v.is_null()}>{ tr(l, "请选择…", "Choose…") }</option>
                    { for node.options.iter().map(|o| html! {
                        <option value={o.value.clone()} selected={v.as_str() == Some(o.value.as_str())}>{ option_title(o, l) }</option>
                    }) }
                </select>
            }
        } else {
            let f = facts(item);
            let oninput = {
                let put = put.clone();
                Callback::from(move |e: InputEvent| put(item_value(item, typed(&e, tidy, false))))
            };
            let onchange =
                Callback::from(move |e: Event| put(item_value(item, typed(&e, tidy, true))));
            html! {
                <input class="dj-input" type={f.input_type} id={input_id} value={as_text(v)} aria-label={label.clone()}
                    inputmode={f.inputmode} autocomplete={f.autocomplete} aria-invalid={bad.to_string()}
                    aria-describedby={p.describedby.clone()} disabled={p.disabled} {oninput} {onchange} {onblur} />
            }
        };
        let remove_label = match l {
            dangjian_core::Locale::ZhCn => format!("删除{label}"),
            dangjian_core::Locale::En => format!("Remove {label}"),
        };
        html! {
            <li class="dj-plain-item" key={i.to_string()}>
                { control }
                if !p.disabled {
                    <button type="button" class="dj-btn dj-btn-small dj-plain-remove" aria-label={remove_label} onclick={remove}>
                        { tr(l, "删除", "Remove") }
                    </button>
                }
            </li>
        }
    };
    html! {
        <div class="dj-plain-list">
            <ol class="dj-plain-items">
                { for values.iter().enumerate().map(|(i, v)| row(i, v)) }
            </ol>
            if !p.disabled {
                <button type="button" class="dj-btn dj-btn-small dj-plain-add" id={format!("{}-add", p.id)}
                    disabled={full} onclick={add}>
                    { tr(l, "＋ 添加一项", "+ Add a value") }
                </button>
            }
        </div>
    }
}
