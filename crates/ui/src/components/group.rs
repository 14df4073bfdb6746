//! Groups and repeated groups (lists of sub-records) with add, remove and reorder.

use super::field::Field;
use super::messages::messages;
use super::navigate;
use super::node::node_view;
use super::slice::Slice;
use super::{dom_id, Env};
use crate::components::each;
use crate::components::parts::classes;
use crate::hooks::effect::{some_or_zero, use_effect_on};
use crate::hooks::use_node_ref;
use crate::hooks::FocusAt;
use crate::i18n::tr;
use crate::state::Action;
use crate::tree::UiNode;
use crate::views::{group_top, list_note, row_badges};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Group`].
#[derive(Properties, PartialEq)]
pub struct GroupProps {
    /// The group's spec node.
    pub node: Rc<UiNode>,
    /// Its share of the record and report.
    pub slice: Slice,
    /// What stays fixed while the person types.
    pub env: Env,
}

/// A nested group of fields, or a repeated group (list): one component for
/// both, drawn again only when its share of the record and report changes.
#[function_component]
pub fn Group(p: &GroupProps) -> Html {
    // A list's new row added from the keyboard: once the list has that many
    // rows, focus goes to the first control of the last one (the add button it
    // pushed down stays behind).
    let focus_row = use_state(crate::hooks::no_focus);
    let root = use_node_ref();
    let rows = p.slice.value().as_array().map_or(0, Vec::len);
    {
        let focus_row = focus_row.clone();
        let root = root.clone();
        let last = dom_id(&crate::data::index(&p.slice.path, rows.saturating_sub(1)));
        use_effect_on(
            (some_or_zero(focus_row.map(|(_, count)| count)), rows as u64),
            Box::new(move |&(want, rows)| {
                // `want`: the row count wanted, plus one (0: none).
                if want > 0 && want - 1 == rows {
                    if let Some(row) = root
                        .cast::<web_sys::Element>()
                        .and_then(|r| r.query_selector(&format!("[id=\"{last}\"]")).ok().flatten())
                    {
                        navigate::focus_first_input(&row);
                    }
                    focus_row.set(None);
                }
            }),
        );
    }
    if p.node.is_list() {
        list(&p.env, p, &focus_row, &root)
    } else {
        group(&p.env, p)
    }
}

/// A nested group of fields.
fn group(env: &Env, p: &GroupProps) -> Html {
    let l = env.locale;
    let id = dom_id(&p.slice.path);
    let title = p.node.node.title.get(l).to_owned();
    let help = p.node.node.help.get(l).to_owned();
    html! {
        <fieldset ~className={classes(&[Some("dj-group"), p.slice.disabled.then_some("dj-disabled")])} id={id.clone()} disabled={p.slice.disabled}>
            <legend class="dj-group-title">{ title }</legend>
            if !help.is_empty() { <p class="dj-help">{ help }</p> }
            { group_top(env, &p.slice.path) }
            { each(p.node.children.iter(), |c| node_view(env, c, p.slice.child(&c.node.id))) }
            { messages(&p.slice, format!("{id}-msg"), false) }
        </fieldset>
    }
}

/// A repeated group: its rows, and buttons to add, remove and move them;
/// `focus_row` is set when a row is added, `root` is the list's element.
fn list(env: &Env, p: &GroupProps, focus_row: &UseStateHandle<FocusAt>, root: &NodeRef) -> Html {
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
        // A new row as the engine makes it (defaults in, nested lists empty).
        let row = crate::tree::spec_node(env.setup.form.spec(), &path)
            .map_or_else(|| serde_json::json!({}), dangjian_core::Node::empty_row);
        let path = path.clone();
        let said = format!("{}{}", tr(l, "已添加一行：", "Row added: "), title);
        let focus_row = focus_row.clone();
        Callback::from(move |e: MouseEvent| {
            env.send(Action::AddRow {
                path: path.clone(),
                row: row.clone(),
            });
            env.send(Action::Announce(said.clone()));
            // Pressed from the keyboard (a click of no mouse: `detail` 0), focus
            // follows to the new row. A mouse stays where it is: moving focus
            // would show the empty row's messages under the pointer, and a
            // second click on the add button that moved would miss it.
            if e.detail() == 0 {
                focus_row.set(Some((rows, rows + 1)));
            }
        })
    };
    // One handler for every row's buttons: `data-act` says which, `data-row` which row.
    let onclick = {
        let env = env.clone();
        let path = path.clone();
        let sections = env.setup.sections.clone();
        Callback::from(move |e: MouseEvent| {
            let Some(button) = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .and_then(|t| t.closest("button[data-act]").ok().flatten())
            else {
                return;
            };
            let row = button
                .get_attribute("data-row")
                .and_then(|r| r.parse::<usize>().ok());
            let (Some(act), Some(i)) = (button.get_attribute("data-act"), row) else {
                return;
            };
            let l = env.locale;
            let place = crate::places::place(&sections, &crate::data::index(&path, i), l).full();
            let (action, said) = match act.as_str() {
                "up" => (
                    Action::MoveRow {
                        path: path.clone(),
                        from: i,
                        to: i.saturating_sub(1),
                    },
                    format!("{}{place}", tr(l, "已上移 ", "Moved up: ")),
                ),
                "down" => (
                    Action::MoveRow {
                        path: path.clone(),
                        from: i,
                        to: i + 1,
                    },
                    format!("{}{place}", tr(l, "已下移 ", "Moved down: ")),
                ),
                _ => (
                    Action::RemoveRow {
                        path: path.clone(),
                        index: i,
                    },
                    format!(
                        "{}{place}{}",
                        tr(l, "已删除 ", "Removed "),
                        tr(l, "，可以撤销", "; it can be undone")
                    ),
                ),
            };
            env.send(action);
            env.send(Action::Announce(said));
        })
    };
    let table = super::widgets::facts::as_table(&p.node);
    let body = if table {
        table_rows(env, p, rows)
    } else {
        card_rows(env, p, rows)
    };
    html! {
        <div role="group" ~className={classes(&[Some("dj-list"), table.then_some("dj-list-table")])} id={id.clone()} ref={root.clone()} aria-labelledby={format!("{id}-h")} {onclick}>
            <h4 class="dj-list-title" id={format!("{id}-h")}>
                { title.clone() }
                if required { { super::parts::required_mark(l) } }
                <span class="dj-list-count">{ format!("{rows} {}", tr(l, "条", if rows == 1 { "row" } else { "rows" })) }</span>
            </h4>
            if !help.is_empty() { <p class="dj-help">{ help }</p> }
            { list_note(env, &p.node) }
            { body }
            if rows == 0 { { blank_rows(l, p, max) } }
            { messages(&p.slice, format!("{id}-msg"), false) }
            if !env.read_only {
                <button type="button" class="dj-btn dj-btn-add" onclick={add} disabled={full || disabled}>
                    <span aria-hidden="true">{"＋ "}</span>{ format!("{}{}", tr(l, "添加", "Add "), title) }
                </button>
            }
        </div>
    }
}

/// Empty rows a list with none prints, to be filled by pen.
const BLANK_ROWS: u64 = 3;

/// What paper shows of a list with no rows: its columns over a few empty
/// rows (no more than the list takes), to be filled by pen.
fn blank_rows(l: dangjian_core::Locale, p: &GroupProps, max: Option<u64>) -> Html {
    let n = max.map_or(BLANK_ROWS, |m| m.min(BLANK_ROWS));
    html! {
        <div class="dj-table-wrap dj-print-rows">
        <table class="dj-table">
            <thead><tr>
                <th scope="col" class="dj-col-no">{ tr(l, "序号", "No.") }</th>
                { each(p.node.children.iter(), |c| html! { <th scope="col">{ c.node.title.get(l).to_owned() }</th> }) }
            </tr></thead>
            <tbody>
                { each(1..=n, |i| html! {
                    <tr><td class="dj-col-no">{ i }</td>{ each(p.node.children.iter(), |_| html! { <td></td> }) }</tr>
                }) }
            </tbody>
        </table>
        </div>
    }
}

/// Move up, move down and remove for row `i` (followed by the list's one handler).
fn row_buttons(env: &Env, i: usize, rows: usize, what: &str, disabled: bool) -> Html {
    if env.read_only {
        return html! {};
    }
    let l = env.locale;
    let n = i + 1;
    let row = i.to_string();
    html! {
        <span class="dj-row-tools">
            <button type="button" class="dj-btn dj-btn-icon" data-act="up" data-row={row.clone()} disabled={disabled || i == 0}
                aria-label={format!("{}{what} {n}", tr(l, "上移 ", "Move up "))} title={tr(l, "上移", "Move up")}>{"↑"}</button>
            <button type="button" class="dj-btn dj-btn-icon" data-act="down" data-row={row.clone()} disabled={disabled || i + 1 >= rows}
                aria-label={format!("{}{what} {n}", tr(l, "下移 ", "Move down "))} title={tr(l, "下移", "Move down")}>{"↓"}</button>
            <button type="button" class="dj-btn dj-btn-icon dj-btn-danger" data-act="remove" data-row={row} disabled={disabled}
                aria-label={format!("{}{what} {n}", tr(l, "删除 ", "Remove "))} title={tr(l, "删除", "Remove")}>{"✕"}</button>
        </span>
    }
}

fn card_rows(env: &Env, p: &GroupProps, rows: usize) -> Html {
    let l = env.locale;
    let title = p.node.node.title.get(l).to_owned();
    let list = AttrValue::from(p.slice.path.clone());
    each(0..rows, |i| {
        let row = p.slice.row(i);
        let row_id = dom_id(&row.path);
        html! {
            <div class="dj-row" id={row_id.clone()}>
                <div class="dj-row-head">
                    <span class="dj-row-no">{ format!("{}{}{}", tr(l, "第 ", "No. "), i + 1, tr(l, " 项", "")) }</span>
                    { row_badges(env, &list, i) }
                    { row_buttons(env, i, rows, &title, p.slice.disabled) }
                </div>
                { each(p.node.children.iter(), |c| node_view(env, c, row.child(&c.node.id))) }
                { messages(&row, format!("{row_id}-msg"), false) }
            </div>
        }
    })
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
                    { each(p.node.children.iter(), |c| html! { <th scope="col">{ c.node.title.get(l).to_owned() }
                        if c.node.required { <span class="dj-req" aria-hidden="true">{"*"}</span> }</th> }) }
                    if !env.read_only { <th scope="col" class="dj-col-tools"><span class="dj-sr">{ tr(l, "操作", "Actions") }</span></th> }
                </tr></thead>
                <tbody>
                    { each(0..rows, |i| {
                        let row = p.slice.row(i);
                        html! {
                            <tr id={dom_id(&row.path)}>
                                <td class="dj-col-no" data-label={format!("{title} {}", crate::places::row_label(l, i))}><span class="dj-col-n">{ i + 1 }</span></td>
                                { each(p.node.children.iter(), |c| {
                                    let cell = row.child(&c.node.id);
                                    let visible = cell.visible();
                                    // (A narrow screen shows the cell's column title beside it.)
                                    html! { <td data-label={c.node.title.get(l).to_owned()}>if visible { <Field env={env.clone()} node={c.clone()} slice={cell} bare={true} /> }</td> }
                                }) }
                                if !env.read_only { <td class="dj-col-tools">{ row_buttons(env, i, rows, &title, p.slice.disabled) }</td> }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
