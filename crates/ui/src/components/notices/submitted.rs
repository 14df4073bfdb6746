//! The confirmation after a submission.

use crate::i18n::tr;
use dangjian_core::Locale;
use yew::prelude::*;

/// “Submitted at …”.
pub fn submitted(l: Locale, at: &str) -> Html {
    html! {
        <div class="dj-notice dj-notice-ok" role="status" data-testid="submitted">
            <p><strong>{ tr(l, "已提交。", "Submitted. ") }</strong>{ format!("{}{at}", tr(l, "提交时间：", "Time: ")) }</p>
        </div>
    }
}
