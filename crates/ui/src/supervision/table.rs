//! The branch table (one page of it), its filters and exports, and the pager.
//! At narrow widths the style sheet lays each row out as a card, each cell
//! with its `data-label`; the header stays a row of sort buttons.

use super::app::Loaded;
use super::rows::{Column, Filters, Sort};
use super::text::{stars, Lang};
use dangjian_standards::supervision::SupervisionReport;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Filters (attention only, grade, text) and the exports.
pub fn toolbar(
    l: Lang,
    r: &SupervisionReport,
    filters: &Filters,
    on_filter: Callback<Filters>,
    on_export: Callback<bool>,
) -> Html {
    let f = filters.clone();
    let on_attention = {
        let (f, cb) = (f.clone(), on_filter.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            cb.emit(Filters {
                attention_only: input.checked(),
                ..f.clone()
            });
        })
    };
    let on_grade = {
        let (f, cb) = (f.clone(), on_filter.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            cb.emit(Filters {
                grade: select.value(),
                ..f.clone()
            });
        })
    };
    let on_text = {
        let (f, cb) = (f.clone(), on_filter);
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            cb.emit(Filters {
                text: input.value(),
                ..f.clone()
            });
        })
    };
    let export = |csv: bool| {
        let cb = on_export.clone();
        Callback::from(move |_: MouseEvent| cb.emit(csv))
    };
    html! {
        <div class="bar filters" role="group" aria-label={l.t("筛选与导出", "Filters and export")}>
            <label class="check"><input type="checkbox" checked={f.attention_only} onchange={on_attention} />{ l.t("只看需关注", "Needing attention only") }</label>
            <label class="field">{ l.t("等级", "Grade") }
                <select onchange={on_grade}>
                    <option value="" selected={f.grade.is_empty()}>{ l.t("全部", "All") }</option>
                    { for r.distributions.grades.iter().map(|g| html! {
                        <option value={g.id.clone()} selected={f.grade == g.id}>{ format!("{} ({})", g.title, g.count) }</option>
                    }) }
                    <option value="-" selected={f.grade == "-"}>{ format!("{} ({})", l.t("无评分表", "No checklist"), r.distributions.unscored) }</option>
                </select>
            </label>
            <label class="field">{ l.t("查找支部", "Find") }
                <input type="search" value={f.text.clone()} oninput={on_text} placeholder={l.t("名称或代码", "Name or code")} />
            </label>
            <button type="button" onclick={export(true)}>{ l.t("导出 CSV", "Export CSV") }</button>
            <button type="button" onclick={export(false)}>{ l.t("导出 JSON", "Export JSON") }</button>
        </div>
    }
}

/// A sortable header cell.
fn head(
    l: Lang,
    label: &'static str,
    column: Column,
    sort: Sort,
    on_sort: &Callback<Column>,
) -> Html {
    let state = if sort.column != column {
        "none"
    } else if sort.ascending {
        "ascending"
    } else {
        "descending"
    };
    let arrow = match state {
        "ascending" => "▲",
        "descending" => "▼",
        _ => "",
    };
    let cb = on_sort.clone();
    html! {
        <th scope="col" aria-sort={state}>
            <button type="button" class="sort" data-column={label} onclick={Callback::from(move |_| cb.emit(column))}
                title={l.t("点击排序", "Sort")}>{ label }<span aria-hidden="true">{ arrow }</span></button>
        </th>
    }
}

/// The rows `slice` (indexes into the report's branches).
pub fn table(
    l: Lang,
    d: &Loaded,
    slice: &[usize],
    sort: Sort,
    open: Option<usize>,
    on_sort: Callback<Column>,
    on_open: Callback<usize>,
) -> Html {
    let h = |zh, en, c| head(l, l.t(zh, en), c, sort, &on_sort);
    html! {
        <div class="scroll" tabindex="0" aria-label={l.t("支部一览（可横向滚动）", "Branches (scrolls sideways)")}>
        <table class="branches">
            <thead><tr>
                { h("名次", "Rank", Column::Rank) }
                { h("支部", "Branch", Column::Name) }
                { h("得分", "Score", Column::Score) }
                { h("星级", "Stars", Column::Stars) }
                { h("否决", "Vetoes", Column::Vetoes) }
                { h("会议达标", "Meetings met", Column::Meetings) }
                { h("缺漏", "Missing", Column::Missing) }
                { h("整改中", "Open items", Column::Open) }
                { h("逾期", "Overdue", Column::Overdue) }
                { h("需关注原因", "Attention", Column::Attention) }
            </tr></thead>
            <tbody>
            { for slice.iter().filter_map(|&i| d.report.branches.get(i).map(|b| (i, b))).map(|(i, b)| {
                let c = b.checklist.as_ref();
                let grade = c.and_then(|c| c.grade.as_ref());
                let cb = on_open.clone();
                let m = &b.meetings;
                html! {
                    <tr class={classes!(if b.attention.is_empty() { None } else { Some("attention") }, (open == Some(i)).then_some("opened"))} data-key={b.key.clone()}>
                        <td class="num rank" data-label={l.t("名次", "Rank")}>{ d.ranks.get(&b.key).map(u32::to_string).unwrap_or_default() }</td>
                        <th scope="row" class="name"><button type="button" class="link" onclick={Callback::from(move |_| cb.emit(i))}
                            aria-expanded={(open == Some(i)).to_string()}>{ b.name.clone() }</button>
                            { b.code.as_ref().map_or_else(Html::default, |code| html! { <small>{ code.clone() }</small> }) }</th>
                        <td class="num" data-label={l.t("得分", "Score")}>{ c.map(|c| c.score.to_string()).unwrap_or_else(|| "—".into()) }</td>
                        <td data-label={l.t("星级", "Stars")}>{ grade.map(|g| html! { <span title={g.title.clone()}>{ g.stars.map(stars).unwrap_or_else(|| g.title.clone()) }</span> }).unwrap_or_default() }</td>
                        <td class="num" data-label={l.t("否决", "Vetoes")}>{ c.map(|c| c.vetoes.len()).filter(|n| *n > 0).map(|n| html! { <span class="bad" title={c.map(|c| c.vetoes.iter().map(|v| v.title.clone()).collect::<Vec<_>>().join("；")).unwrap_or_default()}>{ n }</span> }).unwrap_or_default() }</td>
                        <td class="num" data-label={l.t("会议达标", "Meetings met")}>{ format!("{}/{}", m.met, m.due) }</td>
                        <td class={classes!("num", (m.missing > 0).then_some("bad"))} data-label={l.t("缺漏", "Missing")}>{ m.missing }</td>
                        <td class="num" data-label={l.t("整改中", "Open items")}>{ b.rectification.open }</td>
                        <td class={classes!("num", (b.rectification.overdue > 0).then_some("bad"))} data-label={l.t("逾期", "Overdue")}>{ b.rectification.overdue }</td>
                        <td class={classes!("reasons", b.attention.is_empty().then_some("calm"))} data-label={l.t("需关注原因", "Attention")}>{ for b.attention.iter().map(|a| html! { <span class="reason" data-code={a.code.clone()}>{ a.message.clone() }</span> }) }</td>
                    </tr>
                }
            }) }
            </tbody>
        </table>
        </div>
    }
}

/// Page buttons: previous, "page n of m", next.
pub fn pager(l: Lang, page: usize, pages: usize, rows: usize, on_page: Callback<usize>) -> Html {
    let go = |p: usize| {
        let cb = on_page.clone();
        Callback::from(move |_: MouseEvent| cb.emit(p))
    };
    html! {
        <nav class="pager" aria-label={l.t("分页", "Pages")}>
            <button type="button" disabled={page == 0} onclick={go(page.saturating_sub(1))}>{ l.t("上一页", "Previous") }</button>
            <span>{ if l.zh { format!("第 {} / {} 页，共 {} 个支部", page + 1, pages, rows) } else { format!("page {} of {}, {} branches", page + 1, pages, rows) } }</span>
            <button type="button" disabled={page + 1 >= pages} onclick={go(page + 1)}>{ l.t("下一页", "Next") }</button>
        </nav>
    }
}
