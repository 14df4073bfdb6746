//! The table of contents with progress, beside the form.

use super::Ctx;
use crate::components::each;
use crate::data;
use crate::i18n::tr;
use crate::report_view::Progress;
use yew::prelude::*;

/// Sections in order, each with its open errors once they are showing, and
/// overall progress. A plain function: the form, which holds the state, draws
/// it with every change.
pub fn toc(ctx: &Ctx, progress: &Progress) -> Html {
    let state = &ctx.state;
    let l = ctx.locale();
    let pct = progress.percent();
    html! {
        <nav class="dj-toc" part="contents" aria-label={tr(l, "表单目录", "Form contents")}>
            <div class="dj-progress" data-testid="progress">
                <span class="dj-progress-label">{ tr(l, "填写进度", "Progress") }</span>
                <span class="dj-progress-num">{ format!("{} / {}", progress.answered, progress.total) }</span>
                <progress max="100" value={pct.to_string()} aria-label={format!("{} {}%", tr(l, "填写进度", "Progress"), pct)}></progress>
            </div>
            <ol>
                { each(state.setup.sections.iter().filter(|s| s.is_section() && state.view.visible(&data::child("", &s.node.id))).enumerate(), |(i, s)| {
                    let path = data::child("", &s.node.id);
                    let show = state.reveal || state.touched.iter().any(|t| t.starts_with(&format!("{path}/")));
                    // Counted only when shown (after a submit attempt, or a field of it touched).
                    let errors = if show { state.view.errors_within(&path) } else { 0 };
                    html! {
                        <li>
                            <button type="button" class="dj-toc-link" data-go={path.clone()}>
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
