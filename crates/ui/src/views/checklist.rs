//! The checklist view: the rectification list (问题清单) drawn up from the report
//! by `dangjian_standards::checklist::rectification_list`, as it changes: only
//! the items the person answered that lost points (an item not answered yet is
//! not a problem found).

use crate::components::checklist::pts;
use crate::components::each;
use crate::components::Ctx;
use crate::draft::today_local;
use crate::hooks::screen::{toggler, ScreenHandle, Switch};
use crate::i18n::tr;
use dangjian_standards::checklist::RectificationEntry;
use yew::prelude::*;

/// How many entries are listed before "show all".
const FIRST_ENTRIES: usize = 6;

/// One entry of the list, keyed by its kind (`item` or `veto`) and item:
/// the finding (its code colours the badge, `finding` says it in words) and
/// the points lost as shown (empty when none).
fn rect_row(e: &RectificationEntry, finding: &'static str, lost: String) -> Html {
    html! {
        <li key={format!("{}:{}", e.kind, e.item_path)} ~className={format!("dj-rect-{}", e.kind)}>
            { crate::components::parts::go_link(e.item_path.clone(), e.item.clone()) }
            <span ~className={format!("dj-badge dj-st-{}", e.status)}>{ finding }</span>
            if !lost.is_empty() { <span class="dj-minus">{ lost }</span> }
        </li>
    }
}

/// Every item not fully met, most points lost first, each a link to the item;
/// every entry is listed when `screen` says so ([`Switch::AllEntries`]; the
/// form keeps that state and draws this with every change).
pub fn rectification_panel(ctx: &Ctx, screen: &ScreenHandle) -> Html {
    let all = screen.all_entries;
    let l = ctx.locale();
    let entries = crate::export::rectification(
        &ctx.state.view.report,
        &ctx.state.data,
        &super::branch_name(&ctx.state.data),
        &today_local(),
    );
    let toggle_all = toggler(screen, Switch::AllEntries);
    html! {
        <section class="dj-panel dj-rect" aria-labelledby="dj-rect-h" data-testid="rectification">
            <h3 id="dj-rect-h" class="dj-panel-title">{ format!("{}{}{}", tr(l, "整改清单（", "Rectification list ("), entries.len(), tr(l, "）", ")")) }</h3>
            if entries.is_empty() {
                <p class="dj-empty">{ tr(l, "暂无需要整改的项目", "Nothing to rectify") }</p>
            } else {
                <ol class="dj-rect-list">
                    { each(entries.iter().take(if all { usize::MAX } else { FIRST_ENTRIES }), |e| {
                        let lost = if e.points_lost.get() > 0.0 { format!("−{}", pts(e.points_lost)) } else { String::new() };
                        rect_row(e, crate::export::finding_label(l, &e.status), lost)
                    }) }
                </ol>
                if entries.len() > FIRST_ENTRIES {
                    { crate::components::parts::show_all(l, all, entries.len(), tr(l, "只看前几项", "Show the first only"), " entries", toggle_all) }
                }
            }
        </section>
    }
}
