//! The checklist view: the rectification list (问题清单) drawn up from the report
//! by `dangjian_standards::checklist::rectification_list`, as it changes: only
//! the items the person answered that lost points (an item not answered yet is
//! not a problem found).

use crate::components::checklist::pts;
use crate::components::use_ctx;
use crate::draft::today_local;
use crate::i18n::tr;
use yew::prelude::*;

/// How many entries are listed before "show all".
const FIRST_ENTRIES: usize = 6;

/// Props of [`RectRow`].
#[derive(Properties, PartialEq)]
pub struct RectRowProps {
    /// JSON Pointer of the item.
    pub path: AttrValue,
    /// `item` or `veto`.
    pub kind: AttrValue,
    /// The finding's code (for the badge's colour).
    pub status: AttrValue,
    /// The finding in words.
    pub finding: AttrValue,
    /// The item's title.
    pub item: AttrValue,
    /// Points lost as shown (empty when none).
    pub lost: AttrValue,
}

/// One entry of the list: drawn again only when what it shows changes.
#[function_component]
pub fn RectRow(p: &RectRowProps) -> Html {
    html! {
        <li class={format!("dj-rect-{}", p.kind)}>
            <button type="button" class="dj-link" data-go={p.path.clone()}>{ p.item.clone() }</button>
            <span class={classes!("dj-badge", format!("dj-st-{}", p.status))}>{ p.finding.clone() }</span>
            if !p.lost.is_empty() { <span class="dj-minus">{ p.lost.clone() }</span> }
        </li>
    }
}

/// Every item not fully met, most points lost first, each a link to the item.
#[function_component]
pub fn RectificationPanel() -> Html {
    let all = use_state(|| false);
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    let l = ctx.locale();
    let entries = crate::export::rectification(
        &ctx.state.view.report,
        &ctx.state.data,
        &super::branch_name(&ctx.state.data),
        &today_local(),
    );
    let toggle_all = {
        let all = all.clone();
        Callback::from(move |_: MouseEvent| all.set(!*all))
    };
    html! {
        <section class="dj-panel dj-rect" aria-labelledby="dj-rect-h" data-testid="rectification">
            <h3 id="dj-rect-h" class="dj-panel-title">{ format!("{}{}{}", tr(l, "整改清单（", "Rectification list ("), entries.len(), tr(l, "）", ")")) }</h3>
            if entries.is_empty() {
                <p class="dj-empty">{ tr(l, "暂无需要整改的项目", "Nothing to rectify") }</p>
            } else {
                <ol class="dj-rect-list">
                    { for entries.iter().take(if *all { usize::MAX } else { FIRST_ENTRIES }).map(|e| {
                        let lost = if e.points_lost.get() > 0.0 { format!("−{}", pts(e.points_lost)) } else { String::new() };
                        html! { <RectRow key={format!("{}:{}", e.kind, e.item_path)} path={AttrValue::from(e.item_path.clone())}
                            kind={AttrValue::from(e.kind.clone())} status={AttrValue::from(e.status.clone())}
                            finding={crate::export::finding_label(l, &e.status)} item={AttrValue::from(e.item.clone())} lost={lost} /> }
                    }) }
                </ol>
                if entries.len() > FIRST_ENTRIES {
                    <button type="button" class="dj-link dj-more" aria-expanded={all.to_string()} onclick={toggle_all}>
                        { if *all { tr(l, "只看前几项", "Show the first only").to_owned() }
                          else { format!("{}{}{}", tr(l, "显示全部 ", "Show all "), entries.len(), tr(l, " 项", " entries")) } }
                    </button>
                }
            }
        </section>
    }
}
