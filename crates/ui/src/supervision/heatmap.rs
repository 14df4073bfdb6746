//! The compliance heat map: the branches of the table's page × the months of
//! the period, each cell the status of the branch's month (every monthly
//! requirement met, one missing, open, future), drawn as a table of coloured
//! cells with the status in words for screen readers and a tooltip naming
//! what is missing.

use super::text::{status_class, titles, Lang};
use dangjian_standards::meetings::Period;
use dangjian_standards::supervision::SupervisionReport;
use yew::prelude::*;

/// The heat map of the branches `slice` (indexes into the report's branches).
pub fn heatmap(l: Lang, r: &SupervisionReport, slice: &[usize], on_open: Callback<usize>) -> Html {
    html! {
        <>
        <div class="scroll" tabindex="0" aria-label={l.t("会议落实热力图（可横向滚动）", "Meetings by month (scrolls sideways)")}>
        <table class="heat">
            <thead><tr>
                <th scope="col">{ l.t("支部", "Branch") }</th>
                { for r.months.iter().map(|m| html! { <th scope="col" title={m.label.clone()}>{ m.key.get(5..).unwrap_or(m.key.as_str()).to_owned() }</th> }) }
            </tr></thead>
            <tbody>
            { for slice.iter().filter_map(|&i| r.branches.get(i).map(|b| (i, b))).map(|(i, b)| {
                let row = b.meetings.calendar.iter().find(|row| row.period == Period::Month);
                let cb = on_open.clone();
                html! {
                    <tr>
                        <th scope="row"><button type="button" class="link" onclick={Callback::from(move |_| cb.emit(i))}>{ b.name.clone() }</button></th>
                        { for r.months.iter().map(|m| {
                            match row.and_then(|row| row.cells.iter().find(|c| c.key == m.key)) {
                                Some(c) => {
                                    let mut tip = format!("{} {}：{}", b.name, m.label, l.status(c.status));
                                    if !c.missing.is_empty() {
                                        tip.push_str(&format!("（{} {}）", l.t("缺", "missing"), titles(b, &c.missing)));
                                    }
                                    html! { <td class={classes!("cell", status_class(c.status))} title={tip.clone()}><span class="sr">{ tip }</span></td> }
                                }
                                None => html! { <td class="cell none"><span class="sr">{ l.t("无要求", "nothing due") }</span></td> },
                            }
                        }) }
                    </tr>
                }
            }) }
            </tbody>
        </table>
        </div>
        <p class="legend" aria-hidden="true">
            <span class="cell met"></span>{ l.t("达标", "met") }
            <span class="cell missing"></span>{ l.t("缺漏", "missing") }
            <span class="cell open"></span>{ l.t("进行中", "open") }
            <span class="cell future"></span>{ l.t("未到", "future") }
        </p>
        </>
    }
}
