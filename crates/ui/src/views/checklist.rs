//! The checklist view: the rectification list (问题清单) drawn up from the report
//! by `dangjian_standards::checklist::rectification_list`, as it changes.

use crate::components::checklist::pts;
use crate::components::{dom_id, focus_id, use_ctx};
use crate::draft::today_local;
use crate::i18n::tr;
use yew::prelude::*;

/// Props of [`RectificationPanel`].
#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// The form's root element.
    pub root: NodeRef,
}

/// Every item not fully met, most points lost first, each a link to the item.
#[function_component]
pub fn RectificationPanel(p: &PanelProps) -> Html {
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    let l = ctx.locale();
    let entries = crate::export::rectification(
        &ctx.state.view.report,
        &super::branch_name(&ctx.state.data),
        &today_local(),
    );
    html! {
        <section class="dj-panel dj-rect" aria-labelledby="dj-rect-h" data-testid="rectification">
            <h3 id="dj-rect-h" class="dj-panel-title">{ format!("{}（{}）", tr(l, "整改清单", "Rectification list"), entries.len()) }</h3>
            if entries.is_empty() {
                <p class="dj-empty">{ tr(l, "暂无需要整改的项目", "Nothing to rectify") }</p>
            } else {
                <ol class="dj-rect-list">
                    { for entries.iter().map(|e| {
                        let root = p.root.clone();
                        let target = dom_id(&e.item_path);
                        let go = Callback::from(move |_: MouseEvent| focus_id(&root, &target));
                        let status = crate::export::finding_label(l, &e.status);
                        html! {
                            <li class={format!("dj-rect-{}", e.kind)}>
                                <button type="button" class="dj-link" onclick={go}>{ e.item.clone() }</button>
                                <span class={classes!("dj-badge", format!("dj-st-{}", e.status))}>{ status }</span>
                                if e.points_lost.get() > 0.0 { <span class="dj-minus">{ format!("−{}", pts(e.points_lost)) }</span> }
                            </li>
                        }
                    }) }
                </ol>
            }
        </section>
    }
}
