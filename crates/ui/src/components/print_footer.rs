//! Signature lines for the paper record (printed only), with the time it was printed.

use crate::draft::now_local;
use crate::i18n::tr;
use dangjian_core::Locale;
use yew::prelude::*;

/// 填表人 / 审核人 / 日期 / 盖章, and the time printed: `stamp` is the element
/// [`crate::hooks::use_print_stamp`] writes at `beforeprint`, `at` the last print.
pub fn print_footer(l: Locale, at: Option<String>, stamp: &NodeRef) -> Html {
    let label = tr(l, "打印时间：", "Printed: ");
    let at = at.unwrap_or_else(now_local);
    html! {
        <div class="dj-print-only dj-print-sign">
            <div><span>{ tr(l, "填表人（签名）：", "Filled in by: ") }</span><span class="dj-line"></span></div>
            <div><span>{ tr(l, "审核人（签名）：", "Checked by: ") }</span><span class="dj-line"></span></div>
            <div><span>{ tr(l, "日期：", "Date: ") }</span><span class="dj-line dj-line-short"></span><span>{ tr(l, "（盖章）", "(seal)") }</span></div>
            <p class="dj-print-stamp" ref={stamp.clone()} data-label={label} data-at={at.clone()} data-testid="print-stamp">{ format!("{label}{at}") }</p>
        </div>
    }
}
