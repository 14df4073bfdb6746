//! Every error of the report after a submit attempt, grouped by section with
//! counts, identical messages merged, each place a link to it.

use super::issue_list;
use super::Ctx;
use crate::components::each;
use crate::i18n::tr;
use crate::places;
use dangjian_core::Severity;
use yew::prelude::*;

/// The errors to fix before submitting, shown after a submit attempt; `summary`
/// is the box, focused after a failed submit. A plain function: the form, which
/// holds the state, draws it with every change.
pub fn error_summary(ctx: &Ctx, summary: &NodeRef) -> Html {
    let state = &ctx.state;
    if !state.reveal || state.view.report.valid {
        return html! { <div ref={summary.clone()} tabindex="-1" class="dj-sr"></div> };
    }
    let l = ctx.locale();
    let errors: Vec<_> = state
        .view
        .report
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .collect();
    let groups = places::group(&state.setup.sections, &errors, l);
    html! {
        <div class="dj-summary" part="error-list" ref={summary.clone()} tabindex="-1" role="region" aria-labelledby="dj-summary-h" data-testid="error-summary">
            <h3 id="dj-summary-h">{ format!("{}{}{}", tr(l, "还有 ", "There are "), errors.len(), tr(l, " 处需要修改后才能提交", " things to fix before submitting")) }</h3>
            { each(groups.iter(), |g| html! {
                <section class="dj-summary-group">
                    <h4>{ format!("{}{}{}", g.title, tr(l, "（", " ("), g.count) }{ tr(l, " 处）", ")") }</h4>
                    <ul>{ each(g.entries.iter(), |e| issue_list::entry(e, l, false)) }</ul>
                </section>
            }) }
        </div>
    }
}
