//! The printed sheets, A4: the 月度调度表 of a month (the month's totals, each
//! requirement, each branch's month and reasons) and the 季度检查表 of a
//! quarter (the quarter's totals and each branch's standing). Hidden on
//! screen; `@media print` shows the one asked for and hides the rest.

use super::app::Sheet;
use super::text::{status_class, titles, Lang};
use dangjian_standards::meetings::Period;
use dangjian_standards::supervision::{BranchReport, PeriodTotal, SupervisionReport};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The month and quarter pickers and the print buttons.
pub fn print_bar(
    l: Lang,
    r: &SupervisionReport,
    month: usize,
    quarter: usize,
    on_period: Callback<(Sheet, usize)>,
    on_print: Callback<Sheet>,
) -> Html {
    let pick = |sheet: Sheet| {
        let cb = on_period.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = select.value().parse() {
                cb.emit((sheet, i));
            }
        })
    };
    let print = |sheet: Sheet| {
        let cb = on_print.clone();
        Callback::from(move |_: MouseEvent| cb.emit(sheet))
    };
    html! {
        <div class="bar prints" role="group" aria-label={l.t("打印", "Print")}>
            <label class="field">{ l.t("月份", "Month") }
                <select onchange={pick(Sheet::Monthly)}>
                    { for r.months.iter().enumerate().map(|(i, m)| html! { <option value={i.to_string()} selected={i == month}>{ m.label.clone() }</option> }) }
                </select>
            </label>
            <button type="button" class="print-monthly" onclick={print(Sheet::Monthly)}>{ l.t("打印月度调度表", "Print the monthly sheet") }</button>
            <label class="field">{ l.t("季度", "Quarter") }
                <select onchange={pick(Sheet::Quarterly)}>
                    { for r.quarters.iter().enumerate().map(|(i, q)| html! { <option value={i.to_string()} selected={i == quarter}>{ q.label.clone() }</option> }) }
                </select>
            </label>
            <button type="button" class="print-quarterly" onclick={print(Sheet::Quarterly)}>{ l.t("打印季度检查表", "Print the quarterly sheet") }</button>
        </div>
    }
}

/// The totals of a month or quarter as a two-row table.
fn totals(l: Lang, t: &PeriodTotal) -> Html {
    let cells = [
        (l.t("支部", "Branches"), t.branches.to_string()),
        (l.t("全部达标", "All met"), t.met.to_string()),
        (l.t("有缺漏", "Some missing"), t.missing.to_string()),
        (l.t("会议记录", "Minutes"), t.minutes.to_string()),
        (
            l.t("记录有误", "With errors"),
            t.invalid_minutes.to_string(),
        ),
        (l.t("评分表", "Checklists"), t.checklists.to_string()),
        (
            l.t("平均分", "Average"),
            t.average_score.map(|s| s.to_string()).unwrap_or_default(),
        ),
        (l.t("否决", "Vetoed"), t.vetoed.to_string()),
        (
            l.t("整改到期", "Items due"),
            t.rectification.due.to_string(),
        ),
        (l.t("销号", "Closed"), t.rectification.closed.to_string()),
        (
            l.t("逾期", "Overdue"),
            t.rectification.overdue_at_end.to_string(),
        ),
    ];
    html! {
        <>
        <table class="totals">
            <thead><tr>{ for cells.iter().map(|(h, _)| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
            <tbody><tr>{ for cells.iter().map(|(_, v)| html! { <td class="num">{ v.clone() }</td> }) }</tr></tbody>
        </table>
        <table class="requirements">
            <thead><tr>
                <th scope="col">{ l.t("会议要求", "Requirement") }</th><th scope="col">{ l.t("召开", "Held") }</th>
                <th scope="col">{ l.t("达标期数", "Periods met") }</th><th scope="col">{ l.t("缺漏期数", "Missing") }</th>
                <th scope="col">{ l.t("缺漏支部", "Branches missing") }</th>
            </tr></thead>
            <tbody>{ for t.requirements.iter().map(|q| html! {
                <tr><th scope="row">{ q.title.clone() }</th><td class="num">{ q.held }</td><td class="num">{ q.met }</td><td class="num">{ q.missing }</td><td class="num">{ q.branches_missing }</td></tr>
            }) }</tbody>
        </table>
        </>
    }
}

/// A branch's cell of `period` for `key` (status and what is missing).
fn cell(l: Lang, b: &BranchReport, period: Period, key: &str) -> Html {
    let found = b
        .meetings
        .calendar
        .iter()
        .find(|row| row.period == period)
        .and_then(|row| row.cells.iter().find(|c| c.key == key));
    match found {
        Some(c) => html! {
            <td class={status_class(c.status)}>{ l.status(c.status) }
                { if c.missing.is_empty() { String::new() } else { format!("：{}", titles(b, &c.missing)) } }</td>
        },
        None => html! { <td></td> },
    }
}

fn reasons(b: &BranchReport) -> String {
    b.attention
        .iter()
        .map(|a| a.message.clone())
        .collect::<Vec<_>>()
        .join("；")
}

/// The 月度调度表 of month `i`.
pub fn monthly(l: Lang, r: &SupervisionReport, i: usize) -> Html {
    let (Some(head), Some(t)) = (r.months.get(i), r.totals.months.get(i)) else {
        return Html::default();
    };
    html! {
        <section class="sheet monthly" aria-hidden="true">
            <h1>{ format!("{} {}", head.label, l.t("党建工作月度调度表", "monthly schedule of party-building work")) }</h1>
            <p>{ format!("{} {}　{} {} – {}", l.t("截至", "As of"), r.head.as_of, l.t("本月", "month"), head.from, head.to) }</p>
            { totals(l, t) }
            <table class="branches-sheet">
                <thead><tr>
                    <th scope="col">{ l.t("支部", "Branch") }</th><th scope="col">{ l.t("本月会议", "Meetings this month") }</th>
                    <th scope="col">{ l.t("逾期整改", "Overdue") }</th><th scope="col">{ l.t("需关注原因", "Attention") }</th>
                </tr></thead>
                <tbody>{ for r.branches.iter().map(|b| html! {
                    <tr><th scope="row">{ b.name.clone() }</th>{ cell(l, b, Period::Month, &head.key) }
                        <td class="num">{ b.rectification.overdue }</td><td>{ reasons(b) }</td></tr>
                }) }</tbody>
            </table>
            <p class="sign">{ l.t("填表人：　　　　　审核人：　　　　　日期：", "Prepared by:          Checked by:          Date:") }</p>
        </section>
    }
}

/// The 季度检查表 of quarter `i`.
pub fn quarterly(l: Lang, r: &SupervisionReport, i: usize) -> Html {
    let (Some(head), Some(t)) = (r.quarters.get(i), r.totals.quarters.get(i)) else {
        return Html::default();
    };
    html! {
        <section class="sheet quarterly" aria-hidden="true">
            <h1>{ format!("{} {}", head.label, l.t("党建工作季度检查表", "quarterly inspection of party-building work")) }</h1>
            <p>{ format!("{} {}　{} {} – {}", l.t("截至", "As of"), r.head.as_of, l.t("本季度", "quarter"), head.from, head.to) }</p>
            { totals(l, t) }
            <table class="branches-sheet">
                <thead><tr>
                    <th scope="col">{ l.t("支部", "Branch") }</th><th scope="col">{ l.t("得分", "Score") }</th><th scope="col">{ l.t("等级", "Grade") }</th>
                    <th scope="col">{ l.t("本季度会议", "Meetings this quarter") }</th><th scope="col">{ l.t("逾期整改", "Overdue") }</th>
                    <th scope="col">{ l.t("需关注原因", "Attention") }</th>
                </tr></thead>
                <tbody>{ for r.branches.iter().map(|b| {
                    let c = b.checklist.as_ref();
                    html! {
                        <tr><th scope="row">{ b.name.clone() }</th>
                            <td class="num">{ c.map(|c| c.score.to_string()).unwrap_or_default() }</td>
                            <td>{ c.and_then(|c| c.grade.as_ref()).map(|g| g.title.clone()).unwrap_or_default() }</td>
                            { cell(l, b, Period::Quarter, &head.key) }
                            <td class="num">{ b.rectification.overdue }</td><td>{ reasons(b) }</td></tr>
                    }
                }) }</tbody>
            </table>
            <p class="sign">{ l.t("检查人：　　　　　审核人：　　　　　日期：", "Inspected by:          Checked by:          Date:") }</p>
        </section>
    }
}
