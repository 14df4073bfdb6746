//! One branch in detail: why it needs attention, its meetings period by
//! period, its latest checklist with the points lost, its rectification
//! lists, member points, the secretary's review and its records with errors.

use super::text::{stars, status_class, Lang};
use dangjian_standards::supervision::BranchReport;
use yew::prelude::*;

/// The panel of branch `b` (rank `rank`); `focus` receives the keyboard focus.
pub fn detail(
    l: Lang,
    b: &BranchReport,
    rank: Option<u32>,
    focus: NodeRef,
    on_close: Callback<()>,
) -> Html {
    let close = Callback::from(move |_: MouseEvent| on_close.emit(()));
    html! {
        <section class="detail" aria-labelledby="dj-sv-detail">
            <div class="bar">
                <h3 id="dj-sv-detail" tabindex="-1" ref={focus}>{ b.name.clone() }
                    { b.code.as_ref().map_or_else(Html::default, |c| html! { <small>{ format!(" {c}") }</small> }) }
                    { rank.map_or_else(Html::default, |r| html! { <small>{ format!(" · {} {r}", l.t("名次", "rank")) }</small> }) }
                </h3>
                <button type="button" onclick={close}>{ l.t("关闭", "Close") }</button>
            </div>
            { reasons(l, b) }
            { meetings(l, b) }
            { checklist(l, b) }
            { rectification(l, b) }
            { others(l, b) }
            { invalid(l, b) }
        </section>
    }
}

fn reasons(l: Lang, b: &BranchReport) -> Html {
    if b.attention.is_empty() {
        return html! { <p class="ok">{ l.t("无需特别关注。", "Nothing needs attention.") }</p> };
    }
    html! {
        <>
        <h4>{ l.t("需关注原因", "Why it needs attention") }</h4>
        <ul class="reasons">{ for b.attention.iter().map(|a| html! { <li data-code={a.code.clone()}>{ a.message.clone() }</li> }) }</ul>
        </>
    }
}

fn meetings(l: Lang, b: &BranchReport) -> Html {
    let m = &b.meetings;
    html! {
        <>
        <h4>{ format!("{}（{} {}/{}，{} {}）", l.t("会议落实", "Meetings"), l.t("达标", "met"), m.met, m.due, l.t("缺漏", "missing"), m.missing) }</h4>
        <div class="scroll" tabindex="0">
        <table class="calendar">
            <thead><tr><th scope="col">{ l.t("要求", "Requirement") }</th><th scope="col">{ l.t("各期", "Periods") }</th></tr></thead>
            <tbody>
            { for m.requirements.iter().map(|req| html! {
                <tr>
                    <th scope="row">{ format!("{}（{}/{}）", req.title, req.held, req.periods.len()) }</th>
                    <td class="periods">{ for req.periods.iter().map(|p| {
                        let tip = format!("{} {}：{} {}{}", req.title, p.key, l.status(p.status), p.held,
                            if p.dates.is_empty() { String::new() } else { format!("（{}）", p.dates.join("、")) });
                        html! { <span class={classes!("period", status_class(p.status))} title={tip.clone()}>
                            { p.key.clone() }<span class="sr">{ format!(" {tip}") }</span></span> }
                    }) }</td>
                </tr>
            }) }
            </tbody>
        </table>
        </div>
        </>
    }
}

fn checklist(l: Lang, b: &BranchReport) -> Html {
    let Some(c) = &b.checklist else {
        return html! { <p>{ l.t("本期没有评分表。", "No checklist in the period.") }</p> };
    };
    let grade = c
        .grade
        .as_ref()
        .map(|g| format!("{} {}", g.title, g.stars.map(stars).unwrap_or_default()))
        .unwrap_or_default();
    html! {
        <>
        <h4>{ format!("{} {}：{} {} {}", l.t("评分表", "Checklist"), c.assessed_on.clone().unwrap_or_default(), c.score, l.t("分", "points"), grade) }</h4>
        if !c.vetoes.is_empty() {
            <p class="bad">{ format!("{}：{}", l.t("一票否决", "Vetoes"), c.vetoes.iter().map(|v| v.title.clone()).collect::<Vec<_>>().join("；")) }</p>
        }
        if !c.losses.is_empty() {
            <div class="scroll" tabindex="0">
            <table class="losses">
                <thead><tr>
                    <th scope="col">{ l.t("项目", "Item") }</th>
                    <th scope="col">{ l.t("扣分", "Lost") }</th>
                    <th scope="col">{ l.t("原因", "Why") }</th>
                </tr></thead>
                <tbody>{ for c.losses.iter().map(|x| html! {
                    <tr><th scope="row">{ format!("{} › {}", x.section, x.item) }</th><td class="num">{ format!("{}/{}", x.lost, x.points) }</td><td>{ x.reasons.clone() }</td></tr>
                }) }</tbody>
            </table>
            </div>
        }
        if c.history.len() > 1 {
            <p>{ format!("{}：{}", l.t("本期历次", "In the period"), c.history.iter().map(|h| format!("{} {}", h.assessed_on.clone().unwrap_or_default(), h.score)).collect::<Vec<_>>().join("，")) }</p>
        }
        </>
    }
}

fn rectification(l: Lang, b: &BranchReport) -> Html {
    let r = &b.rectification;
    if r.lists.is_empty() {
        return Html::default();
    }
    html! {
        <>
        <h4>{ format!("{}（{} {}，{} {}，{} {}）", l.t("整改清单", "Rectification"), l.t("整改中", "open"), r.open, l.t("逾期", "overdue"), r.overdue, l.t("已销号", "closed"), r.closed) }</h4>
        { for r.lists.iter().map(|list| html! {
            <div class="scroll" tabindex="0">
            <table class="items">
                <caption>{ format!("{} {}", list.created_on, list.source) }</caption>
                <thead><tr>
                    <th scope="col">{ "#" }</th><th scope="col">{ l.t("问题", "Item") }</th><th scope="col">{ l.t("责任人", "Owner") }</th>
                    <th scope="col">{ l.t("期限", "Deadline") }</th><th scope="col">{ l.t("销号", "Closed") }</th><th scope="col">{ l.t("状态", "Status") }</th>
                </tr></thead>
                <tbody>{ for list.items.iter().map(|i| html! {
                    <tr class={format!("{:?}", i.status).to_lowercase()}>
                        <td class="num">{ i.seq }</td><td>{ i.item.clone() }</td><td>{ i.owner.clone() }</td>
                        <td>{ i.deadline.clone().unwrap_or_default() }</td><td>{ i.closed_on.clone().unwrap_or_default() }</td>
                        <td>{ l.item(i.status) }{ i.days_late.filter(|d| *d > 0).map(|d| format!(" {d}{}", l.t("天", " days"))).unwrap_or_default() }</td>
                    </tr>
                }) }</tbody>
            </table>
            </div>
        }) }
        </>
    }
}

fn others(l: Lang, b: &BranchReport) -> Html {
    html! {
        <ul class="facts">
            { b.points.as_ref().map_or_else(Html::default, |p| html! {
                <li>{ format!("{}：{} {}，{} {}", l.t("党员积分", "Member points"), p.members, l.t("人", "members"), l.t("平均", "average"), p.average) }</li>
            }) }
            { b.reviews.as_ref().map_or_else(Html::default, |r| html! {
                <li>{ format!("{}：{} {}，{} {}，{} {}，{} {}", l.t("候选人联审", "Candidate reviews"), r.candidates, l.t("人", "candidates"), l.t("通过", "passed"), r.pass, l.t("待审", "pending"), r.pending, l.t("不予提名", "not nominated"), r.not_nominated) }</li>
            }) }
            { b.secretary_review.as_ref().map_or_else(Html::default, |s| html! {
                <li>{ format!("{}：{} {}", l.t("书记述职评议", "Secretary's review"), s.secretary, s.grade_title.clone().unwrap_or_default()) }</li>
            }) }
        </ul>
    }
}

fn invalid(l: Lang, b: &BranchReport) -> Html {
    if b.invalid.is_empty() {
        return Html::default();
    }
    html! {
        <>
        <h4>{ format!("{}（{}）", l.t("有错误、未计入的记录", "Records with errors, not counted"), b.records.invalid) }</h4>
        <ul>{ for b.invalid.iter().take(50).map(|i| html! {
            <li>{ format!("{} {} {}：{}", i.source, i.form, i.date.clone().unwrap_or_default(), i.codes.join("、")) }</li>
        }) }</ul>
        </>
    }
}
