//! “A draft from … was found: restore it?” — and, once discarded, the way back.

use crate::components::parts::{button, notice, Notice};
use crate::components::Ctx;
use crate::hooks::drafts::{Choice, Drafts, Offer};
use crate::i18n::tr;
use yew::prelude::*;

/// The offer of the draft found when the form opened (nothing in read-only mode).
pub fn draft_offer(ctx: &Ctx, drafts: &Drafts) -> Html {
    let l = ctx.locale();
    if ctx.read_only {
        return html! {};
    }
    let spec = ctx.state.setup.form.spec();
    let broken = drafts.state.broken.map(|kind| {
        let forget = drafts.on_click(Choice::ForgetBroken);
        notice(
            Notice { class: "dj-notice dj-notice-warn", role: "alert", label: None, testid: "draft-broken" },
            html! { { format!("{}{}{}", tr(l, "浏览器中保存的草稿不是一份完整的记录（是", "The draft saved in this browser is not a record (it holds "),
                crate::import::kind_words(l, kind), tr(l, "），无法恢复，已忽略。", "), so it cannot be restored and was left aside.")) } },
            None,
            button("dj-btn", tr(l, "知道了", "OK"), forget),
        )
    });
    let offer = match &drafts.state.offer {
        Offer::None => html! {},
        Offer::Open(d) => {
            let restore = drafts.on_click(Choice::Restore);
            let discard = drafts.on_click(Choice::Discard);
            let version = d.other_version(&spec.version).map(|v| {
                html! {
                        <p class="dj-notice-warnline" data-testid="draft-version">
                            <strong>{ tr(l, "请注意：", "Note: ") }</strong>
                            { format!("{}{v}{}{}{}", tr(l, "该草稿是按表单版本 ", "this draft was saved under form version "), tr(l, " 填写的，当前表单版本为 ", ", the form is now version "), spec.version,
                                tr(l, "。表单的栏目或规则可能已有变化，恢复后请逐项核对；表单中已没有的内容会单独列出，可移到新栏目或删除。",
                                   ". Its fields or rules may have changed: check every entry after restoring it; values the form no longer has are listed apart, to move or drop.")) }
                        </p>
                }
            });
            notice(
                Notice {
                    class: "dj-notice dj-notice-info",
                    role: "region",
                    label: Some(tr(l, "未完成的草稿", "Unfinished draft")),
                    testid: "draft-offer",
                },
                html! { { format!("{}{}{}", tr(l, "发现您在 ", "You have a draft saved at "), d.saved_at, tr(l, " 保存的未完成草稿。是否继续填写？", ". Continue where you left off?")) } },
                version,
                html! { <>
                    { button("dj-btn dj-btn-primary", tr(l, "恢复草稿", "Restore draft"), restore) }
                    { button("dj-btn", tr(l, "放弃草稿", "Discard draft"), discard) }
                </> },
            )
        }
        Offer::Discarded(d) => {
            let undo = drafts.on_click(Choice::Undiscard);
            notice(
                Notice {
                    class: "dj-notice dj-notice-info",
                    role: "status",
                    label: None,
                    testid: "draft-discarded",
                },
                html! { { format!("{}{}{}", tr(l, "已放弃 ", "The draft saved at "), d.saved_at, tr(l, " 保存的草稿（仍可在“草稿记录”中找回）。", " was discarded (it is still under “Earlier drafts”).")) } },
                None,
                button("dj-btn", tr(l, "撤销", "Undo"), undo),
            )
        }
    };
    html! { <>{ broken }{ offer }</> }
}
