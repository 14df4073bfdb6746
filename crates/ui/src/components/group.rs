//! Groups and repeated groups (lists of sub-records) with add, remove and reorder.

use super::field::Field;
use super::messages::Messages;
use super::node::NodeView;
use super::{dom_id, use_ctx};
use crate::data;
use crate::i18n::tr;
use crate::state::Action;
use crate::tree::{empty_row, UiNode};
use serde_json::Value;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Group`] and [`List`].
#[derive(Properties, PartialEq)]
pub struct GroupProps {
    /// The group's spec node.
    pub node: Rc<UiNode>,
    /// JSON Pointer of its value.
    pub path: AttrValue,
}

/// A nested group of fields.
#[function_component]
pub fn Group(p: &GroupProps) -> Html {
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    let l = ctx.locale();
    let id = dom_id(&p.path);
    let title = p.node.node.title.get(l).to_owned();
    let help = p.node.node.help.get(l).to_owned();
    html! {
        <fieldset class="dj-group" id={id.clone()}>
            <legend class="dj-group-title">{ title }</legend>
            if !help.is_empty() { <p class="dj-help">{ help }</p> }
            { for p.node.children.iter().map(|c| html! { <NodeView node={c.clone()} path={data::child(&p.path, &c.node.id)} /> }) }
            <Messages path={p.path.clone()} id={format!("{id}-msg")} />
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
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    let l = ctx.locale();
    let node = &p.node.node;
    let path = p.path.to_string();
    let id = dom_id(&path);
    let rows = ctx.value(&path).as_array().map_or(0, Vec::len);
    let title = node.title.get(l).to_owned();
    let help = node.help.get(l).to_owned();
    let max = node.repeat.and_then(|r| r.max);
    let full = max.is_some_and(|m| rows as u64 >= m);
    let required = node.required
        || ctx
            .state
            .view
            .at(&path)
            .iter()
            .any(|i| i.code == "required" || i.code == "min_items");

    let add = {
        let state = ctx.state.clone();
        let row = empty_row(&p.node);
        let path = path.clone();
        let what = title.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::AddRow {
                path: path.clone(),
                row: row.clone(),
            });
            state.dispatch(Action::Announce(format!(
                "{}{}{}",
                tr(state.locale, "已添加一行：", "Row added: "),
                what,
                rows + 1
            )));
        })
    };
    let table = as_table(&p.node);
    let body = if table {
        table_rows(&ctx, p, rows)
    } else {
        card_rows(&ctx, p, rows)
    };
    let extra = crate::views::list_extra(&ctx, &path);
    html! {
        <div role="group" class={classes!("dj-list", table.then_some("dj-list-table"))} id={id.clone()} aria-labelledby={format!("{id}-h")}>
            <h4 class="dj-list-title" id={format!("{id}-h")}>
                { title.clone() }
                if required { <span class="dj-req"><span aria-hidden="true">{"*"}</span><span class="dj-sr">{ tr(l, "（必填）", " (required)") }</span></span> }
                <span class="dj-list-count">{ format!("{rows} {}", tr(l, "条", if rows == 1 { "row" } else { "rows" })) }</span>
            </h4>
            if !help.is_empty() { <p class="dj-help">{ help }</p> }
            { extra }
            { body }
            <Messages path={p.path.clone()} id={format!("{id}-msg")} />
            if !ctx.read_only {
                <button type="button" class="dj-btn dj-btn-add" onclick={add} disabled={full}>
                    <span aria-hidden="true">{"＋ "}</span>{ format!("{}{}", tr(l, "添加", "Add "), title) }
                </button>
            }
        </div>
    }
}

fn row_buttons(ctx: &super::Ctx, path: &str, i: usize, rows: usize, what: &str) -> Html {
    if ctx.read_only {
        return html! {};
    }
    let l = ctx.locale();
    let mk = |action: Action, said: String| {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(action.clone());
            state.dispatch(Action::Announce(said.clone()));
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
            <button type="button" class="dj-btn dj-btn-icon" onclick={up} disabled={i == 0}
                aria-label={format!("{}{what} {n}", tr(l, "上移 ", "Move up "))} title={tr(l, "上移", "Move up")}>{"↑"}</button>
            <button type="button" class="dj-btn dj-btn-icon" onclick={down} disabled={i + 1 >= rows}
                aria-label={format!("{}{what} {n}", tr(l, "下移 ", "Move down "))} title={tr(l, "下移", "Move down")}>{"↓"}</button>
            <button type="button" class="dj-btn dj-btn-icon dj-btn-danger" onclick={remove}
                aria-label={format!("{}{what} {n}", tr(l, "删除 ", "Remove "))} title={tr(l, "删除", "Remove")}>{"✕"}</button>
        </span>
    }
}

fn card_rows(ctx: &super::Ctx, p: &GroupProps, rows: usize) -> Html {
    let l = ctx.locale();
    let title = p.node.node.title.get(l).to_owned();
    (0..rows)
        .map(|i| {
            let row = data::index(&p.path, i);
            let badge = crate::views::row_badge(ctx, &p.path, i);
            html! {
                <div class="dj-row" id={dom_id(&row)}>
                    <div class="dj-row-head">
                        <span class="dj-row-no">{ format!("{}{}{}", tr(l, "第 ", "No. "), i + 1, tr(l, " 项", "")) }</span>
                        { badge }
                        { row_buttons(ctx, &p.path, i, rows, &title) }
                    </div>
                    { for p.node.children.iter().map(|c| html! { <NodeView node={c.clone()} path={data::child(&row, &c.node.id)} /> }) }
                    <Messages path={AttrValue::from(row.clone())} id={format!("{}-msg", dom_id(&row))} />
                </div>
            }
        })
        .collect()
}

fn table_rows(ctx: &super::Ctx, p: &GroupProps, rows: usize) -> Html {
    let l = ctx.locale();
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
                    if !ctx.read_only { <th scope="col" class="dj-col-tools"><span class="dj-sr">{ tr(l, "操作", "Actions") }</span></th> }
                </tr></thead>
                <tbody>
                    { for (0..rows).map(|i| {
                        let row = data::index(&p.path, i);
                        html! {
                            <tr id={dom_id(&row)}>
                                <td class="dj-col-no">{ i + 1 }</td>
                                { for p.node.children.iter().map(|c| {
                                    let cell = data::child(&row, &c.node.id);
                                    let visible = ctx.state.view.visible(&cell);
                                    html! { <td>if visible { <Field node={c.clone()} path={cell} bare={true} /> }</td> }
                                }) }
                                if !ctx.read_only { <td class="dj-col-tools">{ row_buttons(ctx, &p.path, i, rows, &title) }</td> }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
