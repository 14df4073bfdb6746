//! Values the form has no place for — a draft or a file saved under an older
//! version of the spec, with a field since removed or renamed. The engine
//! reports each as `unknown_key`; here the person sees them and moves each into
//! a field or drops it, instead of meeting errors no field can fix.

use crate::components::each;
use crate::components::Ctx;
use crate::data;
use crate::i18n::tr;
use crate::places;
use crate::state::Action;
use crate::tree;
use dangjian_core::Locale;
use serde_json::Value;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The DOM id of the notice (links to an `unknown_key` issue lead here).
pub const UNKNOWN_ID: &str = "dj-unknown";

/// A value in a few words.
fn preview(v: &Value, l: Locale) -> String {
    let text = match v {
        Value::String(s) => s.clone(),
        Value::Null => tr(l, "（空）", "(empty)").to_owned(),
        Value::Bool(b) => crate::i18n::yes_no(l, *b).to_owned(),
        other => dangjian_core::json_writer::value_text(other),
    };
    let mut short: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        short.push('…');
    }
    short
}

/// The notice listing every value the form has no place for (nothing when none).
pub fn unknown_data(ctx: &Ctx) -> Html {
    let state = &ctx.state;
    let paths: Vec<String> = state
        .view
        .report
        .issues
        .iter()
        .filter(|i| i.code == "unknown_key")
        .map(|i| i.path.clone())
        .collect();
    if paths.is_empty() || ctx.read_only {
        return html! {};
    }
    let l = ctx.locale();
    let sections = &state.setup.sections;
    let rows = each(paths.iter(), |path| {
        let value = data::get(&state.data, path).cloned().unwrap_or(Value::Null);
        let place = places::place(sections, path, l);
        // Fields beside it that are empty: where a renamed field's value belongs.
        let parent = path.rfind('/').and_then(|i| path.get(..i)).unwrap_or("");
        let targets: Vec<(String, String)> = if value.is_object() || value.is_array() {
            Vec::new()
        } else {
            tree::node_at(sections, parent)
                .map(|n| {
                    n.children
                        .iter()
                        .filter(|c| !c.is_group())
                        .map(|c| {
                            (
                                data::child(parent, &c.node.id),
                                c.node.title.get(l).to_owned(),
                            )
                        })
                        .filter(|(p, _)| {
                            state.view.visible(p) && data::is_blank(data::get(&state.data, p))
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        let drop = {
            let state = state.clone();
            let path = path.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(Action::DropKey(path.clone())))
        };
        let onchange = {
            let state = state.clone();
            let from = path.clone();
            Callback::from(move |e: Event| {
                let to = e.target_unchecked_into::<HtmlSelectElement>().value();
                if !to.is_empty() {
                    state.dispatch(Action::MoveKey {
                        from: from.clone(),
                        to,
                    });
                }
            })
        };
        let select_id = format!("{}-move", crate::components::dom_id(path));
        html! {
            <li>
                <span class="dj-unknown-where">{ place.full() }</span>
                <span class="dj-unknown-value">{ preview(&value, l) }</span>
                <span class="dj-unknown-actions">
                    if !targets.is_empty() {
                        <label for={select_id.clone()}>{ tr(l, "移到", "Move to") }</label>
                        <select id={select_id} class="dj-input dj-select" {onchange}>
                            <option value="" selected={true}>{ tr(l, "请选择栏目…", "Choose a field…") }</option>
                            { each(targets.into_iter(), |(p, t)| html! { <option value={p}>{ t }</option> }) }
                        </select>
                    }
                    { crate::components::parts::button("dj-btn dj-btn-small", tr(l, "删除", "Drop"), drop) }
                </span>
            </li>
        }
    });
    html! {
        <div class="dj-notice dj-notice-warn dj-unknown" role="region" aria-labelledby={format!("{UNKNOWN_ID}-h")} data-testid="unknown-data">
            <h3 id={format!("{UNKNOWN_ID}-h")} tabindex="-1">{ format!("{}{}{}", tr(l, "有 ", ""), paths.len(), tr(l, " 项内容在当前表单中没有对应的栏目", " values have no field in this form")) }</h3>
            <p>{ tr(l, "这些内容可能是按旧版表单填写的。请把它们移到对应的栏目，或者删除，之后才能提交。",
                "They may have been filled in under an older version of the form. Move each to its field, or drop it, before submitting.") }</p>
            <ul id={UNKNOWN_ID} class="dj-unknown-list">{ rows }</ul>
        </div>
    }
}
