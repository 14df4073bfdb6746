//! Drafts cannot be saved: say so, and offer the export.

use crate::components::parts::{button, notice, Notice};
use crate::components::Ctx;
use crate::draft::SaveError;
use crate::i18n::tr;
use yew::prelude::*;

/// The storage trouble, if any, with the way to keep a copy (the toolbar's export).
pub fn storage_problem(ctx: &Ctx, problem: Option<SaveError>) -> Html {
    let Some(error) = problem else {
        return html! {};
    };
    let l = ctx.locale();
    let export = {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| crate::export::export_record(&state))
    };
    let why = match error {
        SaveError::Unavailable => tr(
            l,
            "浏览器禁用了本地存储，",
            "This browser does not allow local storage, ",
        ),
        SaveError::Refused => tr(l, "浏览器存储空间已满，", "The browser's storage is full, "),
    };
    notice(
        Notice {
            class: "dj-notice dj-notice-warn",
            role: "alert",
            label: None,
            testid: "storage-problem",
        },
        html! { <><strong>{ why }</strong>{ tr(l, "草稿无法自动保存。您填写的内容仍在本页中，请不要关闭或刷新页面；可先用“导出数据”备份。",
        "so the draft cannot be saved. What you typed is still on this page: do not close or reload it, and keep a copy with “Export data”.") }</> },
        None,
        button("dj-btn", tr(l, "导出数据备份", "Export a backup"), export),
    )
}
