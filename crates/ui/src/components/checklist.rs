//! A scored checklist line: one click for met / partly met / not met / N/A, the
//! evidence box, remarks, counted deductions, and what the engine scored.

use super::field::print_boxes;
use super::messages::messages;
use super::slice::Slice;
use super::{dom_id, each, Env};
use crate::components::parts::classes;
use crate::i18n::{status_label, tr};
use crate::tree::UiNode;
use dangjian_core::number::Num;
use serde_json::Value;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Points as people write them: `3`, `1.5`.
pub fn pts(n: Num) -> String {
    dangjian_core::json_writer::to_string(&n).unwrap_or_default()
}

/// The line as it reads on paper: result, evidence, points earned. A result
/// that claims the item is met, wholly or in part, without evidence says so,
/// so that the reviewer who signs the paper sees it.
fn printed(
    l: dangjian_core::Locale,
    status: &str,
    evidence: &str,
    scored: Option<&dangjian_core::report::ItemScoreReport>,
) -> String {
    let mut out = status_label(l, status).to_owned();
    if !evidence.is_empty() {
        out.push_str(&format!("{}{evidence}", tr(l, "　佐证：", "; evidence: ")));
    } else if matches!(status, "met" | "partial") {
        out.push_str(tr(l, "　佐证：未填写", "; evidence: none given"));
    }
    if let Some(s) = scored.filter(|s| s.applicable) {
        out.push_str(&format!(
            "{}{} {}",
            tr(l, "　得 ", "; scored "),
            pts(s.earned),
            tr(l, "分", "pts")
        ));
    }
    out
}

/// One checklist line (`ui_node`, its share of the record and report `slice`):
/// drawn by the field component that holds it, its re-render boundary.
pub fn checklist_item(env: &Env, ui_node: &Rc<UiNode>, slice: &Slice) -> Html {
    let l = env.locale;
    let node = &ui_node.node;
    let path = slice.path.clone();
    let id = dom_id(&path);
    let value = slice.value().clone();
    let status = value
        .get("status")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    // Borrowed from the report (no copy of the scored item).
    let view = slice.report();
    let scored = view.score_at(&slice.path);
    let bad = slice.invalid(true);
    let disabled = slice.disabled;
    let title = node.title.get(l).to_owned();
    let help = node.help.get(l).to_owned();
    let points = node.score.as_ref().and_then(|s| s.points);

    if env.read_only {
        let evidence = value
            .get("evidence")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        return html! {
            <div class="dj-check-line dj-ro" part="field checklist-item" data-for={id}>
                <div class="dj-check-head"><span class="dj-check-title">{ title }</span>
                    <span ~className={format!("dj-badge dj-st-{status}")}>{ status_label(l, &status) }</span></div>
                if !evidence.is_empty() { <p class="dj-ro-value">{ evidence }</p> }
            </div>
        };
    }

    let mut statuses = vec!["met", "partial", "unmet"];
    if node.allow_na {
        statuses.push("na");
    }
    // One listener for the line's results (a radio's `change` bubbles to its
    // group), not one a radio: each is a registration on the first frame's path.
    let onchange = {
        let set = env.setter(&format!("{path}/status"));
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            set.emit(Value::String(value));
        })
    };
    let buttons = each(statuses.iter().enumerate(), |(i, s)| {
        let input_id = format!("{id}-s{i}");
        let on = status == *s;
        html! {
            <label ~className={classes(&[Some("dj-seg-opt"), Some(format!("dj-st-{s}").as_str()), on.then_some("dj-on")])} for={input_id.clone()} data-value={*s}>
                <input type="radio" id={input_id} name={format!("{id}-status")} value={*s} checked={on} {disabled} />
                { status_label(l, s) }
            </label>
        }
    });

    let evidence_rule = node.evidence.as_ref();
    let evidence_needed = evidence_rule.is_some_and(|e| e.required_for.contains(&status));
    let evidence_path = format!("{path}/evidence");
    let evidence_id = format!("{id}-evidence");
    let evidence = {
        let set = env.setter(&evidence_path);
        let oninput = Callback::from(move |e: InputEvent| {
            let t = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            set.emit(if t.trim().is_empty() {
                Value::Null
            } else {
                Value::String(t)
            });
        });
        let onblur = env.toucher(&evidence_path);
        let text = value
            .get("evidence")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let ev_bad = slice.child("evidence").invalid(false);
        html! {
            <div class="dj-evidence">
                <label for={evidence_id.clone()}>
                    { tr(l, "佐证材料", "Evidence") }
                    if evidence_needed { { super::parts::required_mark(l) } }
                </label>
                <textarea class="dj-input dj-textarea" id={evidence_id} rows="2" value={text}
                    placeholder={tr(l, "写明台账、记录或照片等佐证，例如“2026年支委会记录本第3–12页”", "Name the ledger, record or photo that shows it")}
                    aria-invalid={ev_bad.to_string()} aria-describedby={format!("{id}-msg")} {disabled} {oninput} {onblur} />
            </div>
        }
    };

    let deductions = node
        .score
        .as_ref()
        .map(|s| s.deductions.clone())
        .unwrap_or_default();
    let counters = each(deductions.iter().filter(|d| d.count.is_none()), |d| {
        let dpath = format!("{path}/deductions/{}", d.code);
        let n = value
            .pointer(&format!("/deductions/{}", d.code))
            .and_then(Value::as_u64)
            .unwrap_or(0);
        let set_less = env.setter(&dpath);
        let set_more = env.setter(&dpath);
        let max = d.max_count;
        let less = Callback::from(move |_: MouseEvent| {
            set_less.emit(if n <= 1 {
                Value::Null
            } else {
                Value::from(n - 1)
            })
        });
        let more = Callback::from(move |_: MouseEvent| set_more.emit(Value::from(n + 1)));
        let dtitle = d.title.get(l).to_owned();
        let at_max = max.is_some_and(|m| n >= m);
        html! {
            <div class="dj-deduct" role="group" aria-label={dtitle.clone()}>
                <span class="dj-deduct-title">{ dtitle.clone() }<small>{ format!(" {}{}", tr(l, "每处扣 ", "−"), pts(Num(d.points))) }{ tr(l, " 分", " pt each") }</small></span>
                <span class="dj-stepper">
                    <button type="button" class="dj-btn dj-btn-icon" onclick={less} disabled={disabled || n == 0}
                        aria-label={format!("{}{}", tr(l, "减少：", "Fewer: "), dtitle)}>{"−"}</button>
                    <output class="dj-count" aria-live="polite">{ n }</output>
                    <button type="button" class="dj-btn dj-btn-icon" onclick={more} disabled={disabled || at_max}
                        aria-label={format!("{}{}", tr(l, "增加：", "More: "), dtitle)}>{"+"}</button>
                </span>
            </div>
        }
    });

    let remark = {
        let rpath = format!("{path}/remark");
        let set = env.setter(&rpath);
        let oninput = Callback::from(move |e: InputEvent| {
            let t = e.target_unchecked_into::<HtmlInputElement>().value();
            set.emit(if t.trim().is_empty() {
                Value::Null
            } else {
                Value::String(t)
            });
        });
        let rid = format!("{id}-remark");
        let text = value
            .get("remark")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        html! {
            <div class="dj-remark">
                <label for={rid.clone()}>{ tr(l, "备注", "Remark") }</label>
                <input class="dj-input" type="text" id={rid} value={text} {disabled} {oninput} />
            </div>
        }
    };

    let score_line = scored.map(|s| {
        let lost = each(s.lost.iter(), |x| html! { <li>{ format!("−{} ", pts(x.points)) }{ x.reason.clone() }</li> });
        html! {
            <div class="dj-item-score">
                <span class="dj-item-earned">
                    if s.applicable { { format!("{} {} / {} {}", tr(l, "得", "Scored"), pts(s.earned), pts(s.points), tr(l, "分", "pts")) } }
                    else { { tr(l, "不计分", "Not counted") } }
                </span>
                if !s.lost.is_empty() { <ul class="dj-lost">{ lost }</ul> }
            </div>
        }
    });

    let legend_points = points.map(|pt| html! { <span class="dj-points">{ format!("{}{}", pts(Num(pt)), tr(l, " 分", " pts")) }</span> });
    let class = classes(&[
        Some("dj-check-line"),
        bad.then_some("dj-invalid"),
        disabled.then_some("dj-disabled"),
        (!status.is_empty())
            .then(|| format!("dj-line-{status}"))
            .as_deref(),
    ]);
    let printed_evidence = value
        .get("evidence")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned();
    html! {
        <fieldset ~className={class} part="field checklist-item" data-for={id.clone()} aria-describedby={format!("{id}-msg")}>
            <legend class="dj-check-title">{ title }{ legend_points }</legend>
            if !help.is_empty() { <p class="dj-help">{ help }</p> }
            <div class="dj-seg dj-status" role="radiogroup" aria-label={tr(l, "评估结果", "Result")} aria-invalid={bad.to_string()} {onchange}>{ buttons }</div>
            if !status.is_empty() {
                <div class="dj-check-more">
                    { evidence }
                    { counters }
                    { remark }
                </div>
            }
            { messages(slice, format!("{id}-msg"), true) }
            { score_line }
            if status.is_empty() {
                // Not assessed yet: the results to tick by pen, and a line for the evidence.
                { print_boxes(
                    statuses.iter().map(|s| status_label(l, s).to_owned()).collect(),
                    html! { <span class="dj-print-write">{ tr(l, "佐证：", "Evidence:") }<span class="dj-line"></span></span> },
                ) }
            } else {
                <span class="dj-print-value">{ printed(l, &status, &printed_evidence, scored) }</span>
            }
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::printed;
    use dangjian_core::Locale;

    #[test]
    fn paper_says_when_a_met_item_has_no_evidence() {
        assert_eq!(printed(Locale::ZhCn, "met", "", None), "达标　佐证：未填写");
        assert_eq!(
            printed(Locale::ZhCn, "partial", "", None),
            "部分达标　佐证：未填写"
        );
        assert_eq!(
            printed(Locale::En, "met", "", None),
            "Met; evidence: none given"
        );
        assert_eq!(
            printed(Locale::ZhCn, "met", "会议记录", None),
            "达标　佐证：会议记录"
        );
        // Nothing is claimed: no evidence is asked for.
        assert_eq!(printed(Locale::ZhCn, "unmet", "", None), "未达标");
        assert_eq!(printed(Locale::ZhCn, "na", "", None), "不适用");
        assert_eq!(printed(Locale::ZhCn, "", "", None), "");
    }
}
