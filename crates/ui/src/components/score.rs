//! The live score panel: total, grade, a bar per section, vetoes, and why points were lost.

use super::checklist::pts;
use super::{dom_id, focus_id, use_ctx};
use crate::i18n::tr;
use dangjian_core::number::Num;
use yew::prelude::*;

/// Props of [`ScorePanel`].
#[derive(Properties, PartialEq)]
pub struct ScoreProps {
    /// The form's root element, to move focus to an item.
    pub root: NodeRef,
}

/// How many of the items that lost points are listed before "show all".
const FIRST_LOSSES: usize = 6;

/// Props of [`LossRow`].
#[derive(Properties, PartialEq)]
pub struct LossRowProps {
    /// The form's root element, to move focus to the item.
    pub root: NodeRef,
    /// JSON Pointer of the item.
    pub path: AttrValue,
    /// Its title.
    pub title: AttrValue,
    /// Points lost, as shown (`−2`).
    pub lost: AttrValue,
    /// Why, in the report's words.
    pub why: AttrValue,
}

/// One item that lost points: drawn again only when what it shows changes.
#[function_component]
pub fn LossRow(p: &LossRowProps) -> Html {
    let root = p.root.clone();
    let target = dom_id(&p.path);
    let go = Callback::from(move |_: MouseEvent| focus_id(&root, &target));
    html! {
        <li>
            <button type="button" class="dj-link" onclick={go}>{ p.title.clone() }</button>
            <span class="dj-minus">{ p.lost.clone() }</span>
            <span class="dj-why">{ p.why.clone() }</span>
        </li>
    }
}

/// The score of the record as the engine computed it; nothing for unscored forms.
#[function_component]
pub fn ScorePanel(p: &ScoreProps) -> Html {
    let all = use_state(|| false);
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    let toggle_all = {
        let all = all.clone();
        Callback::from(move |_: MouseEvent| all.set(!*all))
    };
    let view = ctx.state.view.clone();
    let Some(score) = view.report.score.as_ref() else {
        return html! {};
    };
    let l = ctx.locale();
    let grade = score
        .grade
        .as_ref()
        .map(|g| g.title.clone())
        .unwrap_or_default();
    // A band named with its stars (★★★★ 四星党员) is shown as named.
    let stars = if grade.contains('★') {
        0
    } else {
        usize::from(score.grade.as_ref().and_then(|g| g.stars).unwrap_or(0))
    };
    let stars_on = "★".repeat(stars);
    let stars_off = "★".repeat(5usize.saturating_sub(stars));
    let vetoed = !score.vetoes.is_empty();
    // Unanswered items are counted, not listed: the list says why answered items lost points.
    let unanswered_points: f64 = score
        .items
        .iter()
        .filter(|i| i.status == "unanswered")
        .map(|i| i.points.get())
        .sum();
    let mut losses: Vec<_> = score
        .items
        .iter()
        .filter(|i| {
            i.applicable && i.status != "unanswered" && i.lost.iter().any(|x| x.points.get() > 0.0)
        })
        .collect();
    losses.sort_by(|a, b| {
        let la: f64 = a.lost.iter().map(|x| x.points.get()).sum();
        let lb: f64 = b.lost.iter().map(|x| x.points.get()).sum();
        lb.partial_cmp(&la).unwrap_or(std::cmp::Ordering::Equal)
    });
    let total_lost: f64 = losses
        .iter()
        .flat_map(|i| i.lost.iter())
        .map(|x| x.points.get())
        .sum();
    let unanswered = score
        .items
        .iter()
        .filter(|i| i.status == "unanswered")
        .count();

    html! {
        <section class={classes!("dj-score", vetoed.then_some("dj-vetoed"))} aria-labelledby="dj-score-h">
            <h3 id="dj-score-h" class="dj-panel-title">
                <span class="dj-screen-only">{ tr(l, "实时评分", "Live score") }</span>
                <span class="dj-print-only">{ tr(l, "评分结果", "Score") }</span>
            </h3>
            <div class="dj-score-main" aria-live="polite" aria-atomic="true">
                <span class="dj-score-total" data-testid="score-total">{ pts(score.total) }</span>
                <span class="dj-score-unit">{ tr(l, "分", "pts") }</span>
                if !grade.is_empty() {
                    <span class="dj-grade" data-testid="grade">
                        if stars > 0 { <span class="dj-stars" aria-hidden="true">{ stars_on }<span class="dj-stars-off">{ stars_off }</span></span> }
                        { grade }
                    </span>
                }
            </div>
            <p class="dj-score-sub">
                { format!("{} {} / {} {}", tr(l, "得分", "Earned"), pts(score.earned), pts(score.possible), tr(l, "分（不适用项不计入）", "pts (N/A items excluded)")) }
                if score.bonus.get() > 0.0 { { format!("，{} +{}", tr(l, "加分", "bonus"), pts(score.bonus)) } }
            </p>
            if unanswered > 0 {
                <p class="dj-score-todo">{ format!("{}{unanswered}{}{}{}", tr(l, "还有 ", ""), tr(l, " 项未评（", " items not yet rated ("), pts(Num::round2(unanswered_points)), tr(l, " 分）", " pts)")) }</p>
            }
            if vetoed {
                <div class="dj-veto" role="alert">
                    <strong>{ tr(l, "一票否决：", "Automatic fail: ") }</strong>
                    <ul>{ for score.vetoes.iter().map(|v| html! { <li>{ v.title.clone() }</li> }) }</ul>
                </div>
            }
            <ul class="dj-bars">
                { for score.sections.iter().map(|s| {
                    let pct = s.percent.get().clamp(0.0, 100.0);
                    html! {
                        <li class="dj-bar-row">
                            <span class="dj-bar-label">{ s.title.clone() }</span>
                            <span class="dj-bar-num">{ format!("{}/{}", pts(s.earned), pts(s.possible)) }</span>
                            <span class="dj-bar" role="img" aria-label={format!("{} {}%", s.title, pts(Num::round2(pct)))}>
                                <span class="dj-bar-fill" style={format!("width:{pct:.1}%")}></span>
                            </span>
                        </li>
                    }
                }) }
            </ul>
            if !losses.is_empty() {
                <details class="dj-losses" open={true}>
                    <summary>{ format!("{} {}{}", tr(l, "失分明细，共", "Points lost:"), pts(Num::round2(total_lost)), tr(l, " 分", " pts")) }</summary>
                    <ul>
                        { for losses.iter().take(if *all { usize::MAX } else { FIRST_LOSSES }).map(|i| {
                            let lost: f64 = i.lost.iter().map(|x| x.points.get()).sum();
                            let why = i.lost.iter().map(|x| x.reason.clone()).collect::<Vec<_>>().join("；");
                            html! { <LossRow key={i.path.clone()} root={p.root.clone()} path={AttrValue::from(i.path.clone())}
                                title={AttrValue::from(i.title.clone())} lost={format!("−{}", pts(Num::round2(lost)))} why={why} /> }
                        }) }
                    </ul>
                    if losses.len() > FIRST_LOSSES {
                        <button type="button" class="dj-link dj-more" aria-expanded={all.to_string()} onclick={toggle_all}>
                            { if *all { tr(l, "只看失分最多的几项", "Show the largest only").to_owned() }
                              else { format!("{}{}{}", tr(l, "显示全部 ", "Show all "), losses.len(), tr(l, " 项", " items")) } }
                        </button>
                    }
                </details>
            }
        </section>
    }
}
