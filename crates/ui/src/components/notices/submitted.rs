//! The confirmation after a submission.

use crate::i18n::tr;
use dangjian_core::Locale;
use yew::prelude::*;

/// “Submitted at …”: focusable from script (`tabindex=-1`, through `node`),
/// so the form moves focus here after a submission and it comes into view.
pub fn submitted(l: Locale, at: &str, node: &NodeRef) -> Html {
    html! {
        <div class="dj-notice dj-notice-ok" role="status" tabindex="-1" ref={node.clone()} data-testid="submitted">
            <p><strong>{ tr(l, "已提交。", "Submitted. ") }</strong>{ format!("{}{at}", tr(l, "提交时间：", "Time: ")) }</p>
        </div>
    }
}
