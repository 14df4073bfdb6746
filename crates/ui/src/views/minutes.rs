//! The meeting-minutes views: attendance and quorum as the roster is filled, a
//! badge on the first row of a list (the 第一议题 of the agenda), vote tallies
//! and election results. Whether a meeting is quorate, a vote passed or a
//! candidate elected is what the engine's rules report; the views show the
//! counts and those verdicts. Each reads the fields of the node its `ui` hint
//! is on (see [`super`]).

use crate::components::each;
use crate::components::issue_list;
use crate::components::parts::{classes, width};
use crate::components::Ctx;
use crate::i18n::tr;
use crate::tree::UiNode;
use dangjian_core::json_text::Json;
use dangjian_core::{Issue, Severity};
use serde_json::Value;
use std::rc::Rc;
use yew::prelude::*;

fn count(ctx: &Ctx, path: &str) -> Option<f64> {
    ctx.value(path).as_f64()
}

/// The codes of the rules whose failure means no quorum: the hint's `quorum_codes`.
fn quorum_codes(ctx: &Ctx, path: &str) -> Vec<String> {
    ctx.state
        .setup
        .hints
        .aside
        .iter()
        .find(|(p, _, _)| p == path)
        .and_then(|(_, _, n)| n.as_ref())
        .and_then(|n| n.hint("quorum_codes"))
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// What the attendance panel finds: (verdict class, verdict, quorum issues,
/// counts that do not add up, warnings).
fn attendance<'v>(
    ctx: &'v Ctx,
    path: &str,
) -> (&'static str, &'static str, Vec<&'v Issue>, Vec<&'v Issue>) {
    let l = ctx.locale();
    let view = &ctx.state.view;
    let codes = quorum_codes(ctx, path);
    let is_quorum = |i: &Issue| codes.contains(&i.code);
    let expected = count(ctx, &format!("{path}/expected"));
    let present = count(ctx, &format!("{path}/present"));
    let quorum: Vec<&Issue> = view.report.issues.iter().filter(|i| is_quorum(i)).collect();
    // Counts that do not add up (the form's rules); a count not yet given is not one of them.
    let mut problems: Vec<&Issue> = view
        .within(path)
        .into_iter()
        .filter(|i| i.severity == Severity::Error && i.code != "required" && !is_quorum(i))
        .collect();
    let errors = problems.len();
    problems.extend(
        view.within(path)
            .into_iter()
            .filter(|i| i.severity == Severity::Warning),
    );
    let (class, verdict) = if !quorum.is_empty() {
        (
            "dj-verdict-bad",
            tr(
                l,
                "未达到法定人数，会议不能召开",
                "Not quorate: the meeting cannot be held",
            ),
        )
    } else if errors > 0 {
        (
            "dj-verdict-warn",
            tr(l, "人数有误，请核对", "Counts do not add up"),
        )
    } else if expected.is_some() && present.is_some() {
        (
            "dj-verdict-ok",
            tr(l, "出席人数校验通过", "Attendance checks passed"),
        )
    } else {
        (
            "dj-verdict-none",
            tr(
                l,
                "请填写应到、实到人数",
                "Enter the expected and present counts",
            ),
        )
    };
    (class, verdict, quorum, problems)
}

/// The attendance verdict, for the summary bar of a narrow layout.
pub fn attendance_summary(ctx: &Ctx, path: &str) -> Option<(String, &'static str)> {
    if !ctx.state.view.visible(path) {
        return None;
    }
    let (class, verdict, _, _) = attendance(ctx, path);
    Some((verdict.to_owned(), class))
}

/// Attendance at a glance and the quorum verdict of the group at `path`,
/// beside the form (drawn with the panels, which follow the whole state).
pub fn attendance_panel(ctx: &Ctx, path: &str) -> Html {
    let l = ctx.locale();
    if !ctx.state.view.visible(path) {
        return html! {};
    }
    let expected = count(ctx, &format!("{path}/expected"));
    let present = count(ctx, &format!("{path}/present"));
    let leave = count(ctx, &format!("{path}/on_leave")).unwrap_or(0.0);
    let absent = count(ctx, &format!("{path}/absent")).unwrap_or(0.0);
    let (class, verdict, quorum, problems) = attendance(ctx, path);
    let total = expected
        .unwrap_or(0.0)
        .max(present.unwrap_or(0.0) + leave + absent)
        .max(1.0);
    // Bar widths go through the `style` property (`~style`, the CSSOM), which a
    // Content-Security-Policy without 'unsafe-inline' styles allows; the attribute it refuses.
    let seg = |v: f64, class: &'static str, label: String| {
        let w = (v / total * 100.0).clamp(0.0, 100.0);
        html! { <span ~className={classes(&[Some("dj-att-seg"), Some(class)])} ~style={width(w)} title={label}></span> }
    };
    let n = |v: Option<f64>| v.map_or_else(|| "—".to_owned(), dangjian_core::decimal::plain);
    let messages: Vec<&Issue> = quorum.iter().chain(problems.iter()).copied().collect();
    html! {
        <section class="dj-panel dj-attendance" aria-labelledby="dj-att-h" data-testid="quorum">
            <h3 id="dj-att-h" class="dj-panel-title">{ tr(l, "出席与法定人数", "Attendance and quorum") }</h3>
            <dl class="dj-att-nums">
                <div><dt>{ tr(l, "应到", "Expected") }</dt><dd>{ n(expected) }</dd></div>
                <div><dt>{ tr(l, "实到", "Present") }</dt><dd class="dj-att-present">{ n(present) }</dd></div>
                <div><dt>{ tr(l, "请假", "On leave") }</dt><dd>{ dangjian_core::decimal::plain(leave) }</dd></div>
                <div><dt>{ tr(l, "缺席", "Absent") }</dt><dd>{ dangjian_core::decimal::plain(absent) }</dd></div>
            </dl>
            <div class="dj-att-bar" role="img" aria-label={format!("{} {} / {}", tr(l, "实到", "Present"), n(present), n(expected))}>
                { seg(present.unwrap_or(0.0), "dj-att-p", tr(l, "实到", "Present").to_owned()) }
                { seg(leave, "dj-att-l", tr(l, "请假", "On leave").to_owned()) }
                { seg(absent, "dj-att-a", tr(l, "缺席", "Absent").to_owned()) }
            </div>
            <p ~className={classes(&[Some("dj-verdict"), Some(class)])} aria-live="polite" data-testid="quorum-verdict">{ verdict }</p>
            if !messages.is_empty() {
                { issue_list::flat(&ctx.state.setup.sections, &messages, l) }
            }
        </section>
    }
}

/// The badge on the first row of a list: the hint's `first_item` gives its
/// `title`, the `issue` that means the first row is wrong, and the `wrong` words.
pub fn first_item(ctx: &Ctx, node: &Rc<UiNode>, list: &str, index: usize) -> Html {
    if index != 0 {
        return html! {};
    }
    let l = ctx.locale();
    let hint = node.hint("first_item");
    let text = |key: &str| {
        hint.and_then(|h| h.get(key))
            .and_then(|v| dangjian_core::spec::read::text(&Json::view(v)).ok())
            .map(|t| t.get(l).to_owned())
            .unwrap_or_default()
    };
    let issue = hint
        .and_then(|h| h.get("issue"))
        .and_then(Value::as_str)
        .unwrap_or("");
    // The rule's issue sits on the list or around it.
    let wrong =
        !issue.is_empty()
            && ctx.state.view.report.issues.iter().any(|i| {
                i.code == issue && (list.starts_with(&i.path) || i.path.starts_with(list))
            });
    html! {
        <span ~className={classes(&[Some("dj-badge"), Some("dj-first-topic"), wrong.then_some("dj-badge-bad")])} data-testid="first-topic">
            { text("title") }
            if wrong { { text("wrong") } }
        </span>
    }
}

/// Yes / no / abstain of the motion in row `index` of the list of votes at
/// `list` as a bar, with the result recorded.
pub fn vote_tally(ctx: &Ctx, list: &str, index: usize) -> Html {
    let l = ctx.locale();
    let base = format!("{list}/{index}");
    let get = |k: &str| count(ctx, &format!("{base}/{k}")).unwrap_or(0.0);
    let (yes, no, abstain) = (get("yes"), get("no"), get("abstain"));
    let sum = (yes + no + abstain).max(1.0);
    let w = |v: f64| width(v / sum * 100.0);
    let result = ctx.value(&format!("{base}/result"));
    let flagged = ctx
        .state
        .view
        .within(&base)
        .iter()
        .any(|i| i.severity == Severity::Error);
    let result_text = match result.as_str() {
        Some("passed") => tr(l, "通过", "Passed"),
        Some("failed") => tr(l, "未通过", "Failed"),
        _ => "",
    };
    let [yes_text, no_text, abstain_text] = [yes, no, abstain].map(dangjian_core::decimal::plain);
    html! {
        <span class="dj-tally" data-testid="vote-tally">
            <span class="dj-tally-bar" role="img" aria-label={format!("{} {yes_text}，{} {no_text}，{} {abstain_text}", tr(l, "赞成", "yes"), tr(l, "反对", "no"), tr(l, "弃权", "abstain"))}>
                <span class="dj-tally-yes" ~style={w(yes)}></span>
                <span class="dj-tally-no" ~style={w(no)}></span>
                <span class="dj-tally-abs" ~style={w(abstain)}></span>
            </span>
            <span class="dj-tally-nums">{ format!("{yes_text} / {no_text} / {abstain_text}") }</span>
            if !result_text.is_empty() {
                <span ~className={classes(&[Some("dj-badge"), Some(if flagged { "dj-badge-bad" } else if result.as_str() == Some("passed") { "dj-badge-ok" } else { "dj-badge-plain" })])}>{ result_text }</span>
            }
        </span>
    }
}

/// Ballots and candidates of the election group at `path` at a glance, with
/// the verdicts of the election rules.
pub fn election_results(ctx: &Ctx, path: &str) -> Html {
    let l = ctx.locale();
    let candidates: Vec<Value> = ctx
        .value(&format!("{path}/candidates"))
        .as_array()
        .cloned()
        .unwrap_or_default();
    if candidates.is_empty() {
        return html! {};
    }
    let valid = count(ctx, &format!("{path}/ballots_valid")).unwrap_or(0.0);
    let mut rows: Vec<(String, f64, bool, usize)> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                c.get("name")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned(),
                c.get("votes").and_then(Value::as_f64).unwrap_or(0.0),
                c.get("elected").and_then(Value::as_bool).unwrap_or(false),
                i,
            )
        })
        .collect();
    dangjian_core::order::sort_by(&mut rows, |a, b| {
        b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal)
    });
    let top = rows.first().map_or(1.0, |r| r.1).max(valid).max(1.0);
    let problems: Vec<String> = ctx
        .state
        .view
        .within(path)
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| i.message.clone())
        .collect();
    html! {
        <div class="dj-panel dj-election" data-testid="election">
            <h4 class="dj-panel-title">{ tr(l, "计票结果", "Count") }</h4>
            <ol class="dj-cands">
                { each(rows.iter(), |(name, votes, elected, i)| {
                    let flagged = ctx.state.view.within(&format!("{path}/candidates/{i}")).iter().any(|x| x.severity == Severity::Error);
                    html! {
                        <li ~className={classes(&[elected.then_some("dj-elected")])}>
                            <span class="dj-cand-name">{ if name.is_empty() { "—".to_owned() } else { name.clone() } }</span>
                            <span class="dj-cand-bar"><span ~style={width(votes / top * 100.0)}></span></span>
                            <span class="dj-cand-votes">{ format!("{}{}", dangjian_core::decimal::plain(*votes), tr(l, " 票", "")) }</span>
                            if *elected { <span ~className={classes(&[Some("dj-badge"), Some(if flagged { "dj-badge-bad" } else { "dj-badge-ok" })])}>{ tr(l, "当选", "Elected") }</span> }
                        </li>
                    }
                }) }
            </ol>
            if problems.is_empty() {
                <p class="dj-verdict dj-verdict-ok">{ tr(l, "选举程序校验通过", "Election checks passed") }</p>
            } else {
                <p class="dj-verdict dj-verdict-bad">{ format!("{}{}{}", tr(l, "选举有 ", ""), problems.len(), tr(l, " 处问题，见各栏说明", " problems with the election; see the fields")) }</p>
            }
        </div>
    }
}
