//! Another tab (or window) saved a draft under the same key.

use crate::components::parts::{button, notice, Notice};
use crate::components::Ctx;
use crate::hooks::drafts::{Choice, Drafts};
use crate::i18n::tr;
use yew::prelude::*;

/// Says that another tab is filling in the same form, and offers its record.
pub fn other_tab(ctx: &Ctx, drafts: &Drafts) -> Html {
    let Some(d) = &drafts.state.other_tab else {
        return html! {};
    };
    let l = ctx.locale();
    let take = drafts.on_click(Choice::TakeOther);
    let keep = drafts.on_click(Choice::KeepMine);
    notice(
        Notice {
            class: "dj-notice dj-notice-warn",
            role: "alert",
            label: None,
            testid: "other-tab",
        },
        html! { <>
            <strong>{ tr(l, "另一个窗口也在填写这张表。", "This form is open in another tab too. ") }</strong>
            { format!("{}{}{}", tr(l, "那边在 ", "It saved its draft at "), d.saved_at,
                tr(l, " 保存了草稿，两处的草稿会互相覆盖。那边的内容已另存在“草稿记录”中。", "; the two drafts overwrite each other. Its record was kept under “Earlier drafts”.")) }
        </> },
        None,
        html! { <>
            { button("dj-btn", tr(l, "改用那边的内容", "Use that tab's record"), take) }
            { button("dj-btn dj-btn-primary", tr(l, "继续在这里填写", "Go on here"), keep) }
        </> },
    )
}
