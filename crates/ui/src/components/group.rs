//! Groups and repeated groups (lists of sub-records) with add, remove and reorder.

use super::field::Field;
use super::messages::Messages;
use super::node::NodeView;
use super::slice::Slice;
use super::{dom_id, use_env, Env};
use crate::i18n::tr;
use crate::state::Action;
use crate::tree::{empty_row, UiNode};
use crate::views::{ListExtra, RowBadge};
use serde_json::Value;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Group`] and [`List`].
#[derive(Properties, PartialEq)]
pub struct GroupProps {
    /// The group's spec node.
    pub node: Rc<UiNode>,
    /// Its share of the record and report.
    pub slice: Slice,
}

/// A nested group of fields.
#[function_component]
pub fn Group(p: &GroupProps) -> Html {
    let Some(env) = use_env() else {
        return html! {};
    };
    let l = env.locale;
    let id = dom_id(&p.slice.path);
    let title = p.node.node.title.get(l).to_owned();
    let help = p.node.node.help.get(l).to_owned();
    html! {
        <fieldset class={classes!("dj-group", p.slice.disabled.then_some("dj-disabled"))} id={id.clone()} disabled={p.slice.disabled}>
            <legend class="dj-group-title">{ title }</legend>
            if !help.is_empty() { <p class="dj-help">{ help }</p> }
            { for p.node.children.iter().map(|c| html! { <NodeView key={c.node.id.clone()} node={c.clone()} slice={p.slice.child(&c.node.id)} /> }) }
            <Messages slice={p.slice.clone()} id={format!("{id}-msg")} />
        </fieldset>
    }
}

/// True when a list reads best as a table: few simple columns.
fn as_table(n: &UiNode) -> bool {
    match n.hint("widget").and_then(Value::as_str) {
        Some("table") => return true,
        Some("cards") => return false,
        _ => {}
    }
    n.children.len() <= 4
        && n.children.iter().all(|c| {
            !c.is_group()
                && !matches!(
                    c.node.kind,
                    dangjian_core::FieldType::Textarea
                        | dangjian_core::FieldType::ChecklistItem
                        | dangjian_core::FieldType::MultiChoice
                )
        })
}

/// A repeated group: its rows, and buttons to add, remove and move them.
#[function_component]
pub fn List(p: &GroupProps) -> Html {
    let Some(env) = use_env() else {
        return html! {};
    };
    let l = env.locale;
    let node = &p.node.node;
    let path = p.slice.path.clone();
    let id = dom_id(&path);
    let rows = p.slice.value().as_array().map_or(0, Vec::len);
    let title = node.title.get(l).to_owned();
    let help = node.help.get(l).to_owned();
    let max = node.repeat.and_then(|r| r.max);
    let full = max.is_some_and(|m| rows as u64 >= m);
    let required = p.slice.required(node.required);
    let disabled = p.slice.disabled;

    let add = {
        let env = env.clone();
        let row = empty_row(&p.node);
        let path = path.clone();
        let said = format!("{}{}", tr(l, "已添加一行：", "Row added: "), title);
        Callback::from(move |_: MouseEvent| {
            env.send(Action::AddRow {
                path: path.clone(),
                row: row.clone(),
            });
            env.send(Action::Announce(said.clone()));
        })
    };
    let table = as_table(&p.node);
    let body = if table {
        table_rows(&env, p, rows)
    } else {
        card_rows(&env, p, rows)
    };
    html! {
        <div role="group" class={classes!("dj-list", table.then_some("dj-list-table"))} id={id.clone()} aria-labelledby={format!("{id}-h")}>
            <h4 class="dj-list-title" id={format!("{id}-h")}>
                { title.clone() }
                if required { <span class="dj-req"><span aria-hidden="true">{"*"}</span><span class="dj-sr">{ tr(l, "（必填）", " (required)") }</span></span> }
                <span class="dj-list-count">{ format!("{rows} {}", tr(l, "条", if rows == 1 { "row" } else { "rows" })) }</span>
            </h4>
            if !help.is_empty() { <p class="dj-help">{ help }</p> }
            <ListExtra list={AttrValue::from(path.clone())} />
            { body }
            <Messages slice={p.slice.clone()} id={format!("{id}-msg")} />
            if !env.read_only {
                <button type="button" class="dj-btn dj-btn-add" onclick={add} disabled={full || disabled}>
                    <span aria-hidden="true">{"＋ "}</span>{ format!("{}{}", tr(l, "添加", "Add "), title) }
                </button>
            }
        </div>
    }
}

fn row_buttons(env: &Env, path: &str, i: usize, rows: usize, what: &str, disabled: bool) -> Html {
    if env.read_only {
        return html! {};
    }
    let l = env.locale;
    let mk = |action: Action, said: String| {
        let env = env.clone();
        Callback::from(move |_: MouseEvent| {
            env.send(action.clone());
            env.send(Action::Announce(said.clone()));
        })
    };
    let n = i + 1;
    let up = mk(
        Action::MoveRow {
            path: path.to_owned(),
            from: i,
            to: i.saturating_sub(1),
        },
        format!(
            "{}{n}{}",
            tr(l, "第 ", "Row "),
            tr(l, " 行已上移", " moved up")
        ),
    );
    let down = mk(
        Action::MoveRow {
            path: path.to_owned(),
            from: i,
            to: i + 1,
        },
        format!(
            "{}{n}{}",
            tr(l, "第 ", "Row "),
            tr(l, " 行已下移", " moved down")
        ),
    );
    let remove = mk(
        Action::RemoveRow {
            path: path.to_owned(),
            index: i,
        },
        format!(
            "{}{n}{}",
            tr(l, "第 ", "Row "),
            tr(l, " 行已删除", " removed")
        ),
    );
    html! {
        <span class="dj-row-tools">
            <button type="button" class="dj-btn dj-btn-icon" onclick={up} disabled={disabled || i == 0}
                aria-label={format!("{}{what} {n}", tr(l, "上移 ", "Move up "))} title={tr(l, "上移", "Move up")}>{"↑"}</button>
            <button type="button" class="dj-btn dj-btn-icon" onclick={down} disabled={disabled || i + 1 >= rows}
                aria-label={format!("{}{what} {n}", tr(l, "下移 ", "Move down "))} title={tr(l, "下移", "Move down")}>{"↓"}</button>
            <button type="button" class="dj-btn dj-btn-icon dj-btn-danger" onclick={remove} disabled={disabled}
                aria-label={format!("{}{what} {n}", tr(l, "删除 ", "Remove "))} title={tr(l, "删除", "Remove")}>{"✕"}</button>
        </span>
    }
}

fn card_rows(env: &Env, p: &GroupProps, rows: usize) -> Html {
    let l = env.locale;
    let title = p.node.node.title.get(l).to_owned();
    let list = AttrValue::from(p.slice.path.clone());
    (0..rows)
        .map(|i| {
            let row = p.slice.row(i);
            let row_id = dom_id(&row.path);
            html! {
                <div class="dj-row" id={row_id.clone()}>
                    <div class="dj-row-head">
                        <span class="dj-row-no">{ format!("{}{}{}", tr(l, "第 ", "No. "), i + 1, tr(l, " 项", "")) }</span>
                        <RowBadge list={list.clone()} index={i} />
                        { row_buttons(env, &p.slice.path, i, rows, &title, p.slice.disabled) }
                    </div>
                    { for p.node.children.iter().map(|c| html! { <NodeView key={c.node.id.clone()} node={c.clone()} slice={row.child(&c.node.id)} /> }) }
                    <Messages slice={row.clone()} id={format!("{row_id}-msg")} />
                </div>
            }
        })
        .collect()
}

fn table_rows(env: &Env, p: &GroupProps, rows: usize) -> Html {
    let l = env.locale;
    let title = p.node.node.title.get(l).to_owned();
    if rows == 0 {
        return html! { <p class="dj-empty">{ tr(l, "暂无记录", "No rows yet") }</p> };
    }
    html! {
        <div class="dj-table-wrap">
            <table class="dj-table">
                <thead><tr>
                    <th scope="col" class="dj-col-no">{ tr(l, "序号", "No.") }</th>
                    { for p.node.children.iter().map(|c| html! { <th scope="col">{ c.node.title.get(l).to_owned() }
                        if c.node.required { <span class="dj-req" aria-hidden="true">{"*"}</span> }</th> }) }
                    if !env.read_only { <th scope="col" class="dj-col-tools"><span class="dj-sr">{ tr(l, "操作", "Actions") }</span></th> }
                </tr></thead>
                <tbody>
                    { for (0..rows).map(|i| {
                        let row = p.slice.row(i);
                        html! {
                            <tr id={dom_id(&row.path)}>
                                <td class="dj-col-no">{ i + 1 }</td>
                                { for p.node.children.iter().map(|c| {
                                    let cell = row.child(&c.node.id);
                                    let visible = cell.visible();
                                    html! { <td>if visible { <Field node={c.clone()} slice={cell} bare={true} /> }</td> }
                                }) }
                                if !env.read_only { <td class="dj-col-tools">{ row_buttons(env, &p.slice.path, i, rows, &title, p.slice.disabled) }</td> }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
