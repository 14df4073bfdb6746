//! The panels beside the form: the score, and those the spec's hints ask for
//! (see [`crate::views`]). On a wide page they sit in a column of their own;
//! on a narrow one (1080 px and less) they fold into a summary bar that stays
//! at the top of the screen while the person fills the form — the score, the
//! grade or what is still open, the verdicts — and opens to show them in full.

use super::score::{score_panel, score_summary, tally, Tally};
use super::{navigate, Ctx};
use crate::components::each;
use crate::components::parts::classes;
use crate::hooks::screen::{toggler, ScreenChange, ScreenHandle, Switch};
use crate::i18n::tr;
use crate::report_view::Progress;
use crate::state::FormState;
use yew::prelude::*;

/// True when the form has panels beside it (a score, or a hint's panel).
pub fn has_panels(state: &FormState) -> bool {
    state.view.report.score.is_some() || !state.setup.hints.aside.is_empty()
}

/// One line of the summary bar per panel: (text, class); `score` is the form's, if scored.
fn summaries(ctx: &Ctx, score: Option<&Tally>) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> =
        score.map(|t| score_summary(ctx, t)).into_iter().collect();
    for (path, panel, _) in &ctx.state.setup.hints.aside {
        out.extend(crate::views::summary(ctx, path, *panel));
    }
    out
}

/// The panels, and the summary bar that holds them on a narrow page. A plain
/// function: the form, which holds their state in `screen` (the bar opened,
/// the lists shown in full, the first frame shown: what a panel keeps off the
/// first screen is drawn after it), draws it with every change.
pub fn aside(ctx: &Ctx, progress: &Progress, screen: &ScreenHandle) -> Html {
    let open = screen.summary_open;
    let l = ctx.locale();
    let panels = has_panels(&ctx.state);
    let toggle = toggler(screen, Switch::SummaryOpen);
    // Following a link in an opened bar folds it away first.
    let onclick = {
        let dispatch = screen.dispatcher();
        Callback::from(move |e: MouseEvent| {
            let from_link = e
                .target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                .and_then(|t| navigate::target_of(&t))
                .is_some();
            if from_link {
                dispatch.dispatch(ScreenChange::Set(Switch::SummaryOpen, false));
            }
        })
    };
    let errors = ctx.state.view.report.counts.errors;
    // The scored items read once, for the bar and the panel.
    let score = tally(ctx);
    let lines = summaries(ctx, score.as_ref());
    html! {
        <div ~className={classes(&[Some("dj-aside"), Some("dj-sticky-top"), open.then_some("dj-aside-open"), (!panels).then_some("dj-aside-bare")])}>
            <button type="button" class="dj-aside-bar" aria-expanded={panels.then(|| open.to_string())}
                aria-controls={panels.then_some("dj-aside-panels")} onclick={panels.then_some(toggle)} data-testid="summary-bar">
                <span class="dj-sum-items">
                    { each(lines.iter(), |(text, class)| html! { <span ~className={classes(&[Some("dj-sum"), Some(*class)])}>{ text.clone() }</span> }) }
                    <span class="dj-sum dj-sum-progress">{ format!("{}{} / {}", tr(l, "已填 ", "Filled "), progress.answered, progress.total) }</span>
                    if ctx.state.reveal && errors > 0 {
                        <span class="dj-sum dj-verdict-bad">{ format!("{errors}{}", tr(l, " 处待修改", " to fix")) }</span>
                    }
                </span>
                if panels {
                    <span class="dj-sum-more" aria-hidden="true">{ if open { tr(l, "收起 ▴", "Less ▴") } else { tr(l, "详情 ▾", "More ▾") } }</span>
                }
            </button>
            if panels {
                <div class="dj-aside-panels" id="dj-aside-panels" {onclick}>
                    { score.map(|t| score_panel(ctx, t, screen)).unwrap_or_default() }
                    { each(ctx.state.setup.hints.aside.iter(), |(path, panel, _)| crate::views::aside(ctx, path, *panel, screen)) }
                </div>
            }
        </div>
    }
}
