//! The undo of the last destructive action: a row removed, the record replaced
//! or emptied, a value dropped or moved.

use crate::components::parts::{button, notice, Notice};
use crate::components::Ctx;
use crate::i18n::tr;
use crate::places;
use crate::state::{Action, Undone};
use dangjian_core::Locale;
use std::rc::Rc;
use yew::prelude::*;

/// What was done, in words: “已删除 出席情况 › 缺席人员 第 3 行”.
pub fn undone_words(sections: &[Rc<crate::tree::UiNode>], what: &Undone, l: Locale) -> String {
    match what {
        Undone::RowRemoved { list, index } => format!(
            "{}{}",
            tr(l, "已删除 ", "Removed "),
            places::place(sections, &crate::data::index(list, *index), l).full()
        ),
        Undone::Replaced => tr(
            l,
            "表单内容已被替换或清空（原来的内容也保存在“草稿记录”中）",
            "The form's content was replaced or emptied (the old content is also under “Earlier drafts”)",
        )
        .to_owned(),
        Undone::Restored => tr(
            l,
            "已恢复草稿，原来填写的内容保存在“草稿记录”中",
            "Draft restored; what was here is kept under “Earlier drafts”",
        )
        .to_owned(),
        Undone::Imported => tr(
            l,
            "已导入数据，原来填写的内容保存在“草稿记录”中",
            "Data imported; what was here is kept under “Earlier drafts”",
        )
        .to_owned(),
        Undone::KeyDropped(key) => format!("{}“{key}”", tr(l, "已删除表单中没有的内容 ", "Dropped the value ")),
        Undone::KeyMoved(key, to) => format!(
            "{}“{key}”{}{}",
            tr(l, "已将 ", "Moved "),
            tr(l, " 移到 ", " to "),
            places::place(sections, to, l).full()
        ),
    }
}

/// “Row removed. [Undo]” — until the next edit.
pub fn undo_bar(ctx: &Ctx) -> Html {
    let Some(u) = &ctx.state.undo else {
        return html! {};
    };
    if ctx.read_only {
        return html! {};
    }
    let l = ctx.locale();
    let undo = {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Undo);
            state.dispatch(Action::Announce(
                tr(state.locale, "已撤销", "Undone").to_owned(),
            ));
        })
    };
    let forget = {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::ForgetUndo))
    };
    let mut bar = notice(
        Notice {
            class: "dj-notice dj-notice-info dj-undo",
            role: "status",
            label: None,
            testid: "undo",
        },
        html! { { undone_words(&ctx.state.setup.sections, &u.what, l) } },
        None,
        html! { <>
            { button("dj-btn dj-btn-primary", tr(l, "撤销", "Undo"), undo) }
            <button type="button" class="dj-btn" onclick={forget} aria-label={tr(l, "关闭提示", "Close")}>{ "✕" }</button>
        </> },
    );
    // Each undo is a notice of its own: read out again.
    if let Html::VTag(tag) = &mut bar {
        if let Some(tag) = Rc::get_mut(tag) {
            tag.key = Some(u.serial.to_string().into());
        }
    }
    bar
}
