//! The live score panel: total, grade, a bar per section, vetoes, and why points were lost.
//! A checklist not fully answered shows “未完成（已答 N / M 项）” in place of a grade:
//! a grade of a half-filled form would read as a verdict.

use super::checklist::pts;
use super::Ctx;
use crate::components::each;
use crate::components::parts::{classes, width};
use crate::hooks::screen::{toggler, ScreenHandle, Switch};
use crate::i18n::tr;
use crate::report_view::answered;
use dangjian_core::number::Num;
use dangjian_core::report::{ItemScoreReport, ScoreReport};
use yew::prelude::*;

/// The score of a report with its scored items read once: how many are shown
/// and answered, the ones not answered, and those answered that lost points.
/// Read once a render for both the summary bar and the panel.
pub struct Tally<'a> {
    /// The score as the engine computed it.
    score: &'a ScoreReport,
    /// Items shown, and how many of them the person answered.
    done: usize,
    shown: usize,
    /// Items applicable and not answered: how many, and their points.
    open: usize,
    open_points: f64,
    /// Items applicable and answered that lost points, in the report's order.
    losses: Vec<&'a ItemScoreReport>,
}

/// The score of the form's report, each scored item read once (whether it is
/// answered is looked up once per item); nothing for unscored forms.
pub fn tally(ctx: &Ctx) -> Option<Tally<'_>> {
    let score = ctx.state.view.report.score.as_ref()?;
    let data = &ctx.state.data;
    let mut t = Tally {
        score,
        done: 0,
        shown: 0,
        open: 0,
        open_points: 0.0,
        losses: Vec::new(),
    };
    for i in score.items.iter().filter(|i| i.status != "hidden") {
        let answered = answered(data, i);
        if ctx.state.view.visible(&i.path) {
            t.shown += 1;
            t.done += usize::from(answered);
        }
        if !i.applicable {
            continue;
        }
        if !answered {
            t.open += 1;
            t.open_points += i.points.get();
        } else if i.lost.iter().any(|x| x.points.get() > 0.0) {
            t.losses.push(i);
        }
    }
    Some(t)
}

/// “未完成（已答 N / M 项）”.
fn unfinished(ctx: &Ctx, done: usize, all: usize) -> String {
    let l = ctx.locale();
    format!(
        "{}{done} / {all}{}",
        tr(l, "未完成（已答 ", "Not finished (answered "),
        tr(l, " 项）", ")")
    )
}

/// The score in one line, for the summary bar of a narrow layout: the total
/// and the grade, or the total and how much is answered.
pub fn score_summary(ctx: &Ctx, t: &Tally) -> (String, &'static str) {
    let (score, done, all) = (t.score, t.done, t.shown);
    let l = ctx.locale();
    let tail = if done < all {
        unfinished(ctx, done, all)
    } else {
        score
            .grade
            .as_ref()
            .map(|g| g.title.clone())
            .unwrap_or_default()
    };
    (
        format!(
            "{} {}{}{tail}",
            pts(score.total),
            tr(l, "分", "pts"),
            tr(l, "　", " · ")
        ),
        if score.vetoes.is_empty() {
            "dj-sum-score"
        } else {
            "dj-verdict-bad"
        },
    )
}

/// How many of the items that lost points are shown before "show all" (the
/// paper shows them all: the style sheet hides the rest on screen only, and
/// they are drawn just after the form's first frame).
pub const FIRST_LOSSES: usize = 6;

/// One item that lost points (`path`, its title, the points lost as shown
/// (`−2`), why in the report's words), keyed by its path.
fn loss_row(path: &str, title: &str, lost: String, why: String) -> Html {
    html! {
        <li key={path.to_owned()}>
            { super::parts::go_link(path.to_owned(), title.to_owned()) }
            <span class="dj-minus">{ lost }</span>
            <span class="dj-why">{ why }</span>
        </li>
    }
}

/// The score of the record as the engine computed it (`t`, see [`tally`]).
/// From `screen`: every item that lost points is listed on screen
/// ([`Switch::AllLosses`]; the form holds that state and draws this with every
/// change); the rows the screen hides until then are drawn too once the first
/// frame is shown (the first frame shows the first [`FIRST_LOSSES`]).
pub fn score_panel(ctx: &Ctx, t: Tally, screen: &ScreenHandle) -> Html {
    let (all, complete) = (screen.all_losses, screen.first_frame_shown);
    let toggle_all = toggler(screen, Switch::AllLosses);
    let score = t.score;
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
    // Items not answered are counted, not listed: the list says why answered items lost points.
    let Tally {
        done,
        shown: items,
        open: unanswered,
        open_points: unanswered_points,
        mut losses,
        ..
    } = t;
    dangjian_core::order::sort_by(&mut losses, |a, b| {
        let la: f64 = a.lost.iter().map(|x| x.points.get()).sum();
        let lb: f64 = b.lost.iter().map(|x| x.points.get()).sum();
        lb.partial_cmp(&la).unwrap_or(std::cmp::Ordering::Equal)
    });
    let total_lost: f64 = losses
        .iter()
        .flat_map(|i| i.lost.iter())
        .map(|x| x.points.get())
        .sum();
    let finished = done >= items;

    html! {
        <section ~className={classes(&[Some("dj-score"), vetoed.then_some("dj-vetoed")])} part="score" aria-labelledby="dj-score-h">
            <h3 id="dj-score-h" class="dj-panel-title">
                <span class="dj-screen-only">{ tr(l, "实时评分", "Live score") }</span>
                <span class="dj-print-only">{ tr(l, "评分结果", "Score") }</span>
            </h3>
            <div class="dj-score-main" aria-live="polite" aria-atomic="true">
                <span class="dj-score-total" data-testid="score-total">{ pts(score.total) }</span>
                <span class="dj-score-unit">{ tr(l, "分", "pts") }</span>
                if !finished {
                    <span class="dj-grade dj-grade-open" data-testid="grade">{ unfinished(ctx, done, items) }</span>
                } else if !grade.is_empty() {
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
                <p class="dj-score-todo">{ format!("{}{unanswered}{}{}{}", tr(l, "还有 ", ""), tr(l, " 项未作答（共 ", if unanswered == 1 { " item not answered yet (" } else { " items not answered yet (" }), pts(Num::round2(unanswered_points)), tr(l, " 分）", " pts)")) }</p>
            }
            if vetoed {
                <div class="dj-veto" role="alert">
                    <strong>{ tr(l, "一票否决：", "Automatic fail: ") }</strong>
                    <ul>{ each(score.vetoes.iter(), |v| html! { <li>{ v.title.clone() }</li> }) }</ul>
                </div>
            }
            // Widths through the `style` property (`~style`: the CSSOM, which a
            // Content-Security-Policy without 'unsafe-inline' styles allows), not the attribute.
            <ul class="dj-bars">
                { each(score.sections.iter(), |s| {
                    let pct = s.percent.get().clamp(0.0, 100.0);
                    html! {
                        <li class="dj-bar-row">
                            <span class="dj-bar-label">{ s.title.clone() }</span>
                            <span class="dj-bar-num">{ format!("{}/{}", pts(s.earned), pts(s.possible)) }</span>
                            <span class="dj-bar" role="img" aria-label={format!("{} {}%", s.title, pts(Num::round2(pct)))}>
                                <span class="dj-bar-fill" ~style={width(pct)}></span>
                            </span>
                        </li>
                    }
                }) }
            </ul>
            if !losses.is_empty() {
                <details class="dj-losses" open={true}>
                    <summary>{ format!("{} {}{}", tr(l, "失分明细，共", "Points lost:"), pts(Num::round2(total_lost)), tr(l, " 分", " pts")) }</summary>
                    <ul ~className={classes(&[(!all).then_some("dj-short")])}>
                        { each(losses.iter().take(if complete || all { usize::MAX } else { FIRST_LOSSES }), |i| {
                            let lost: f64 = i.lost.iter().map(|x| x.points.get()).sum();
                            let why = i.lost.iter().map(|x| x.reason.clone()).collect::<Vec<_>>().join("；");
                            loss_row(&i.path, &i.title, format!("−{}", pts(Num::round2(lost))), why)
                        }) }
                    </ul>
                    if losses.len() > FIRST_LOSSES {
                        { super::parts::show_all(l, all, losses.len(), tr(l, "只看失分最多的几项", "Show the largest only"), " items", toggle_all) }
                    }
                </details>
            }
        </section>
    }
}
