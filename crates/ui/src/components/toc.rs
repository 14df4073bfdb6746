//! The table of contents with progress, beside the form.

use super::{dom_id, focus_id, use_ctx};
use crate::data;
use crate::i18n::tr;
use crate::report_view::Progress;
use crate::tree::{declared_required, list_shape};
use yew::prelude::*;

/// Props of [`Toc`].
#[derive(Properties, PartialEq)]
pub struct TocProps {
    /// The form's root element, to move focus to a section.
    pub root: NodeRef,
}

/// Sections in order, each with its open errors once they are showing, and overall progress.
#[function_component]
pub fn Toc(p: &TocProps) -> Html {
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    let l = ctx.locale();
    let state = &ctx.state;
    let sections = &state.setup.sections;
    // The required places move only when a list gains or loses rows.
    let declared = {
        let setup = state.setup.clone();
        let data = state.data.clone();
        use_memo(list_shape(sections, &state.data), move |_| {
            declared_required(&setup.sections, &data)
        })
    };
    let progress = Progress::count(&state.view, &declared);
    let pct = progress.percent();
    html! {
        <nav class="dj-toc" aria-label={tr(l, "表单目录", "Form contents")}>
            <div class="dj-progress" data-testid="progress">
                <span class="dj-progress-label">{ tr(l, "填写进度", "Progress") }</span>
                <span class="dj-progress-num">{ format!("{} / {}", progress.answered, progress.total) }</span>
                <progress max="100" value={pct.to_string()} aria-label={format!("{} {}%", tr(l, "填写进度", "Progress"), pct)}></progress>
            </div>
            <ol>
                { for sections.iter().filter(|s| state.view.visible(&data::child("", &s.node.id))).enumerate().map(|(i, s)| {
                    let path = data::child("", &s.node.id);
                    let errors = state.view.errors_within(&path);
                    let show = state.reveal || state.touched.iter().any(|t| t.starts_with(&format!("{path}/")));
                    let root = p.root.clone();
                    let target = format!("{}-h", dom_id(&path));
                    let go = Callback::from(move |_: MouseEvent| focus_id(&root, &target));
                    html! {
                        <li>
                            <button type="button" class="dj-toc-link" onclick={go}>
                                <span class="dj-toc-no">{ i + 1 }</span>
                                <span class="dj-toc-title">{ s.node.title.get(l).to_owned() }</span>
                                if show && errors > 0 {
                                    <span class="dj-toc-bad" title={tr(l, "待修改", "To fix")}>{ errors }<span class="dj-sr">{ tr(l, " 处待修改", " to fix") }</span></span>
                                } else if show && errors == 0 {
                                    <span class="dj-toc-ok" aria-label={tr(l, "已完成", "Done")}>{"✓"}</span>
                                }
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
