//! A list of plain values (`list`): one input per value, each with a button
//! to remove it, and a button to add one.

use super::facts::facts;
use super::{as_text, option_title, text_value, typed, WidgetProps};
use crate::components::each;
use crate::hooks::effect::{pair, use_effect_on};
use crate::hooks::use_node_ref;
use crate::hooks::FocusAt;
use crate::i18n::tr;
use crate::state::Action;
use dangjian_core::{FieldType, Shape, TextKind};
use serde_json::Value;
use web_sys::{HtmlElement, HtmlSelectElement};
use yew::prelude::*;

/// What the person typed as a value of `item`: a number for a numeric item
/// type when it reads as one, else the text (the engine judges it).
fn item_value(item: FieldType, text: String) -> Value {
    match item.shape() {
        Shape::Number { .. } => match dangjian_core::decimal::parse_f64(text.trim()) {
            Some(n) if n.is_finite() && n.fract() == 0.0 && n.abs() < 9.0e15 => {
                Value::from(n as i64)
            }
            Some(n) => {
                serde_json::Number::from_f64(n).map_or_else(|| text_value(text), Value::Number)
            }
            None => text_value(text),
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

/// Where keyboard focus goes once a list of plain values has changed, and the
/// list's element: the focus request is kept, and carried out after the draw
/// where the list has the length it expects.
#[hook]
pub fn use_list_focus(p: &WidgetProps) -> (UseStateHandle<FocusAt>, NodeRef) {
    // Where focus goes once the list has `len` values: the input of value
    // `index`, else (no such value) the add button.
    let focus = use_state(crate::hooks::no_focus);
    let root = use_node_ref();
    let len = p.value.as_array().map_or(0, Vec::len);
    {
        let focus = focus.clone();
        let root = root.clone();
        let id = p.id.to_string();
        use_effect_on(
            (
                focus.map_or(0, |(index, expected)| {
                    pair(index.saturating_add(1), expected)
                }),
                len as u64,
            ),
            Box::new(move |_| {
                if let Some((index, expected)) = *focus {
                    if expected == len {
                        let find = |sel: String| {
                            root.cast::<web_sys::Element>()
                                .and_then(|r| r.query_selector(&sel).ok().flatten())
                        };
                        let el = find(format!("[id=\"{id}-{index}\"]"))
                            .or_else(|| find(format!("[id=\"{id}-add\"]")));
                        if let Some(el) =
                            el.and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(e).ok())
                        {
                            let _ = el.focus();
                        }
                        focus.set(None);
                    }
                }
            }),
        );
    }
    (focus, root)
}

/// The values as inputs, in order, with add and remove buttons; keyboard focus
/// follows ([`use_list_focus`]): to a new value's input, or after a removal to
/// the value now in its place.
pub fn plain_list(p: &WidgetProps, focus: UseStateHandle<FocusAt>, root: NodeRef) -> Html {
    let env = &p.env;
    let l = env.locale;
    let node = &p.node.node;
    let item = node.item_type();
    let tidy = facts(item).tidy;
    let values: Vec<Value> = p.value.as_array().cloned().unwrap_or_default();
    let n = values.len();
    let path = p.path.to_string();
    let title = node.title.get(l).to_owned();
    let full = node.max_items.is_some_and(|m| n as u64 >= m);
    // Adding and removing are row actions: a new empty value is not an
    // error to show until it has been edited, and a removal can be undone.
    let add = {
        let env = env.clone();
        let path = path.clone();
        let focus = focus.clone();
        let said = format!("{}{title}", tr(l, "已添加一项：", "Value added: "));
        Callback::from(move |_: MouseEvent| {
            env.send(Action::AddRow {
                path: path.clone(),
                row: Value::Null,
            });
            env.send(Action::Announce(said.clone()));
            focus.set(Some((n, n + 1)));
        })
    };
    let row = |i: usize, v: &Value| -> Html {
        let input_id = format!("{}-{i}", p.id);
        let item_path = format!("{}/{i}", p.path);
        let bad = p
            .part_issues
            .as_ref()
            .is_some_and(|s| s.child(&i.to_string()).invalid(false));
        let label = match l {
            dangjian_core::Locale::ZhCn => format!("{title} 第 {} 项", i + 1),
            dangjian_core::Locale::En => format!("{title}, value {}", i + 1),
        };
        let put = {
            let set = env.setter(&item_path);
            move |v: Value| set.emit(v)
        };
        let remove = {
            let env = env.clone();
            let path = path.clone();
            let focus = focus.clone();
            let said = format!(
                "{}{label}{}",
                tr(l, "已删除 ", "Removed "),
                tr(l, "，可以撤销", "; it can be undone")
            );
            Callback::from(move |_: MouseEvent| {
                env.send(Action::RemoveRow {
                    path: path.clone(),
                    index: i,
                });
                env.send(Action::Announce(said.clone()));
                // The value now in its place, else the last one, else the add button.
                let len = n.saturating_sub(1);
                focus.set(Some((i.min(len.saturating_sub(1)), len)));
            })
        };
        let onblur = env.toucher(&item_path);
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
                    { each(node.options.iter(), |o| html! {
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
        <div class="dj-plain-list" ref={root}>
            <ol class="dj-plain-items">
                { each(values.iter().enumerate(), |(i, v)| row(i, v)) }
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
