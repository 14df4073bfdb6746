//! Notices above the form: a saved draft to restore, storage trouble, the list
//! of errors after a submit attempt, and the confirmation of a submission.

use super::{dom_id, focus_id, use_ctx};
use crate::draft::SaveError;
use crate::i18n::tr;
use dangjian_core::Severity;
use yew::prelude::*;

/// Props of [`DraftOffer`].
#[derive(Properties, PartialEq)]
pub struct DraftOfferProps {
    /// When the draft was saved.
    pub saved_at: AttrValue,
    /// The form version the draft was saved under, when it is not the current one.
    #[prop_or_default]
    pub saved_version: Option<AttrValue>,
    /// The form's current version.
    pub current_version: AttrValue,
    /// Restores it.
    pub on_restore: Callback<()>,
    /// Throws it away.
    pub on_discard: Callback<()>,
}

/// "A draft from … was found: restore it?"
#[function_component]
pub fn DraftOffer(p: &DraftOfferProps) -> Html {
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    let l = ctx.locale();
    html! {
        <div class="dj-notice dj-notice-info" role="region" aria-label={tr(l, "未完成的草稿", "Unfinished draft")} data-testid="draft-offer">
            <p>{ format!("{}{}{}", tr(l, "发现您在 ", "You have a draft saved at "), p.saved_at, tr(l, " 保存的未完成草稿。是否继续填写？", ". Continue where you left off?")) }</p>
            if let Some(v) = &p.saved_version {
                <p class="dj-notice-warnline" data-testid="draft-version">
                    <strong>{ tr(l, "请注意：", "Note: ") }</strong>
                    { format!("{}{v}{}{}{}", tr(l, "该草稿是按表单版本 ", "this draft was saved under form version "), tr(l, " 填写的，当前表单版本为 ", ", the form is now version "), p.current_version,
                        tr(l, "。表单的栏目或规则可能已有变化，恢复后请逐项核对。", ". Its fields or rules may have changed: check every entry after restoring it.")) }
                </p>
            }
            <div class="dj-notice-actions">
                <button type="button" class="dj-btn dj-btn-primary" onclick={p.on_restore.reform(|_: MouseEvent| ())}>{ tr(l, "恢复草稿", "Restore draft") }</button>
                <button type="button" class="dj-btn" onclick={p.on_discard.reform(|_: MouseEvent| ())}>{ tr(l, "放弃草稿", "Discard draft") }</button>
            </div>
        </div>
    }
}

/// Props of [`StorageProblem`].
#[derive(Properties, PartialEq)]
pub struct StorageProblemProps {
    /// What went wrong.
    pub error: SaveErrorProp,
    /// Exports the record so nothing is lost.
    pub on_export: Callback<()>,
}

/// [`SaveError`] as a prop.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct SaveErrorProp(pub SaveError);

/// Drafts cannot be saved: say so, and offer the export.
#[function_component]
pub fn StorageProblem(p: &StorageProblemProps) -> Html {
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    let l = ctx.locale();
    let why = match p.error.0 {
        SaveError::Unavailable => tr(
            l,
            "浏览器禁用了本地存储，",
            "This browser does not allow local storage, ",
        ),
        SaveError::Refused => tr(l, "浏览器存储空间已满，", "The browser's storage is full, "),
    };
    html! {
        <div class="dj-notice dj-notice-warn" role="alert" data-testid="storage-problem">
            <p><strong>{ why }</strong>{ tr(l, "草稿无法自动保存。您填写的内容仍在本页中，请不要关闭或刷新页面；可先导出数据备份。",
                "so the draft cannot be saved. What you typed is still on this page: do not close or reload it, and export the data as a backup.") }</p>
            <div class="dj-notice-actions">
                <button type="button" class="dj-btn" onclick={p.on_export.reform(|_: MouseEvent| ())}>{ tr(l, "导出数据备份", "Export a backup") }</button>
            </div>
        </div>
    }
}

/// Props of [`ErrorSummary`].
#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    /// The form's root element.
    pub root: NodeRef,
    /// The summary box, focused after a failed submit.
    pub summary: NodeRef,
}

/// Every error of the report, each a link to its field; shown after a submit attempt.
#[function_component]
pub fn ErrorSummary(p: &ErrorSummaryProps) -> Html {
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    let state = &ctx.state;
    if !state.reveal || state.view.report.valid {
        return html! { <div ref={p.summary.clone()} tabindex="-1" class="dj-sr"></div> };
    }
    let l = ctx.locale();
    let errors: Vec<_> = state
        .view
        .report
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .collect();
    html! {
        <div class="dj-summary" ref={p.summary.clone()} tabindex="-1" role="region" aria-labelledby="dj-summary-h" data-testid="error-summary">
            <h3 id="dj-summary-h">{ format!("{}{}{}", tr(l, "还有 ", "There are "), errors.len(), tr(l, " 处需要修改后才能提交", " things to fix before submitting")) }</h3>
            <ul>
                { for errors.iter().take(50).map(|i| {
                    let root = p.root.clone();
                    let target = dom_id(&i.path);
                    let go = Callback::from(move |_: MouseEvent| focus_id(&root, &target));
                    html! { <li><button type="button" class="dj-link" onclick={go}>{ i.message.clone() }</button></li> }
                }) }
            </ul>
        </div>
    }
}

/// Props of [`Submitted`].
#[derive(Properties, PartialEq)]
pub struct SubmittedProps {
    /// When it was submitted.
    pub at: AttrValue,
}

/// The confirmation after a submission.
#[function_component]
pub fn Submitted(p: &SubmittedProps) -> Html {
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    let l = ctx.locale();
    html! {
        <div class="dj-notice dj-notice-ok" role="status" data-testid="submitted">
            <p><strong>{ tr(l, "已提交。", "Submitted. ") }</strong>{ format!("{}{}", tr(l, "提交时间：", "Time: "), p.at) }</p>
        </div>
    }
}
