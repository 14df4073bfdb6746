//! The overdue rectification items of every branch, longest overdue first
//! (the report's order); the first hundred, and how many more there are.

use super::text::Lang;
use dangjian_standards::supervision::SupervisionReport;
use yew::prelude::*;

/// Items listed at most.
const SHOWN: usize = 100;

/// The overdue list; a branch's name opens it.
pub fn overdue(l: Lang, r: &SupervisionReport, on_open: Callback<usize>) -> Html {
    let more = r.overdue.len().saturating_sub(SHOWN);
    html! {
        <section aria-labelledby="dj-sv-overdue">
            <h3 id="dj-sv-overdue">{ format!("{}（{}）", l.t("逾期未整改事项", "Overdue rectification items"), r.overdue.len()) }</h3>
            if r.overdue.is_empty() {
                <p>{ l.t("没有逾期事项。", "Nothing is overdue.") }</p>
            } else {
                <div class="scroll" tabindex="0">
                <table class="overdue">
                    <thead><tr>
                        <th scope="col">{ l.t("支部", "Branch") }</th>
                        <th scope="col">{ l.t("问题", "Item") }</th>
                        <th scope="col">{ l.t("责任人", "Owner") }</th>
                        <th scope="col">{ l.t("期限", "Deadline") }</th>
                        <th scope="col">{ l.t("逾期天数", "Days late") }</th>
                    </tr></thead>
                    <tbody>
                    { for r.overdue.iter().take(SHOWN).map(|o| {
                        let index = r.branches.binary_search_by(|b| b.key.as_str().cmp(o.branch.as_str()))
                            .ok()
                            .or_else(|| r.branches.iter().position(|b| b.key == o.branch));
                        let name = match index {
                            Some(i) => { let cb = on_open.clone(); html! { <button type="button" class="link" onclick={Callback::from(move |_| cb.emit(i))}>{ o.name.clone() }</button> } }
                            None => html! { { o.name.clone() } },
                        };
                        html! {
                            <tr>
                                <th scope="row">{ name }</th>
                                <td>{ o.item.clone() }</td>
                                <td>{ o.owner.clone() }</td>
                                <td>{ o.deadline.clone() }</td>
                                <td class="num bad">{ o.days_late }</td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
                </div>
                if more > 0 {
                    <p>{ if l.zh { format!("另有 {more} 项，见导出的 CSV / JSON。") } else { format!("{more} more in the CSV / JSON export.") } }</p>
                }
            }
        </section>
    }
}
