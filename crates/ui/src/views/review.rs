//! The candidate joint review (资格联审) views: the candidate card with the ID
//! number masked, the department matrix, and the verdict. The verdict comes from
//! `dangjian_standards::review::verdict_with_report` over the engine's report.

use crate::components::each;
use crate::components::issue_list;
use crate::components::parts::classes;
use crate::components::Ctx;
use crate::i18n::{tr, yes_no};
use crate::places;
use crate::state::Action;
use crate::tree::UiNode;
use dangjian_core::Locale;
use dangjian_standards::ident::citizen_id;
use dangjian_standards::review::{
    verdict_with_report, ReviewSettings, Verdict, VerdictOptions, VerdictStatus,
};
use serde_json::{json, Value};
use std::rc::Rc;
use yew::prelude::*;

/// The verdict on the record as it stands.
pub fn verdict_of(ctx: &Ctx) -> Verdict {
    let state = &ctx.state;
    let options = VerdictOptions {
        today: state
            .setup
            .today
            .as_deref()
            .and_then(citizen_id::parse_iso_date),
        locale: state.locale,
    };
    verdict_with_report(
        &state.data,
        state.setup.form.settings(),
        &options,
        &state.view.report,
    )
}

fn verdict_class(status: VerdictStatus) -> &'static str {
    match status {
        VerdictStatus::Pass => "dj-verdict-ok",
        VerdictStatus::Pending => "dj-verdict-pending",
        VerdictStatus::NotNominated => "dj-verdict-bad",
    }
}

/// The verdict, for the summary bar of a narrow layout.
pub fn verdict_summary(ctx: &Ctx) -> (String, &'static str) {
    let v = verdict_of(ctx);
    (v.title, verdict_class(v.status))
}

/// 通过 / 待审 / 建议不予提名, with the departments and items behind it
/// (drawn with the panels, which follow the whole state).
pub fn verdict_panel(ctx: &Ctx) -> Html {
    let l = ctx.locale();
    let v = verdict_of(ctx);
    let class = verdict_class(v.status);
    let sections = &ctx.state.setup.sections;
    let link = |path: &str, text: String| crate::components::parts::go_link(path.to_owned(), text);
    // Errors keeping the verdict from 通过: named by place, identical ones merged.
    let blocking = places::merge_messages(
        sections,
        v.blocking
            .iter()
            .map(|b| (b.path.as_str(), b.message.as_str(), b.code.as_str())),
        l,
    );
    html! {
        <section class="dj-panel dj-review-verdict" aria-labelledby="dj-verdict-h" data-testid="verdict">
            <h3 id="dj-verdict-h" class="dj-panel-title">{ tr(l, "联审结论", "Verdict") }</h3>
            <p ~className={classes(&[Some("dj-verdict"), Some(class)])} aria-live="polite" data-testid="verdict-title" data-status={v.status.as_str()}>{ v.title.clone() }</p>
            <p class="dj-score-sub">{ v.summary.clone() }</p>
            if !v.flags.is_empty() {
                <h4 class="dj-sub-title">{ tr(l, "负面清单事项", "Negative-list findings") }</h4>
                <ul class="dj-panel-msgs">
                    { each(v.flags.iter().flat_map(|f| f.items.iter().map(move |i| (f, i))), |(f, i)|
                        html! { <li>{ link(&i.path, format!("{}：{}", f.department_title, i.title)) }</li> }) }
                </ul>
            }
            if !v.outstanding.is_empty() {
                <h4 class="dj-sub-title">{ tr(l, "尚未答复的部门", "Departments yet to answer") }</h4>
                <p class="dj-score-sub">{ v.outstanding.iter().map(|o| o.title.clone()).collect::<Vec<_>>().join("、") }</p>
            }
            if !blocking.is_empty() {
                <h4 class="dj-sub-title">{ format!("{}{}{}", tr(l, "需更正的信息（", "To correct ("), v.blocking.len(), tr(l, " 处）", ")")) }</h4>
                { issue_list::entries(&blocking, l) }
            }
        </section>
    }
}

fn text(v: &Value, pointer: &str) -> String {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}

fn option_title(ctx: &Ctx, pointer: &str, value: &str) -> String {
    let l = ctx.locale();
    let mut node = None;
    let segs = crate::data::segments(pointer);
    let mut level = &ctx.state.setup.sections;
    for seg in &segs {
        node = level.iter().find(|n| &n.node.id == seg).cloned();
        match &node {
            Some(n) => level = &n.children,
            None => break,
        }
    }
    node.and_then(|n| {
        n.node
            .options
            .iter()
            .find(|o| o.value == value)
            .map(|o| o.title.get(l).to_owned())
    })
    .unwrap_or_else(|| value.to_owned())
}

/// What [`candidate_card`] shows.
pub struct CardProps {
    /// JSON Pointer of the candidate's group.
    pub path: AttrValue,
    /// Its node (its hint's `place` lists the pointers of the place names).
    pub node: Rc<UiNode>,
}

/// The candidate at a glance; the ID number is masked.
pub fn candidate_card(ctx: &Ctx, p: &CardProps) -> Html {
    let l = ctx.locale();
    let d = &ctx.state.data;
    let base = p.path.as_str();
    let at = |key: &str| format!("{base}/{key}");
    let name = text(d, &at("name"));
    if name.is_empty() && text(d, &at("citizen_id")).is_empty() {
        return html! {};
    }
    let id = text(d, &at("citizen_id"));
    let gender = text(d, &at("gender"));
    let education = text(d, &at("education"));
    let positions: Vec<String> = d
        .pointer(&at("positions"))
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(|v| option_title(ctx, &at("positions"), v))
                .collect()
        })
        .unwrap_or_default();
    let party = d.pointer(&at("party_member")).and_then(Value::as_bool);
    let initial = name
        .chars()
        .next()
        .map(String::from)
        .unwrap_or_else(|| "?".to_owned());
    let place: String = p
        .node
        .hint("place")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(|ptr| text(d, ptr))
        .collect();
    html! {
        <div class="dj-card" data-testid="candidate-card">
            <div class="dj-card-photo" aria-hidden="true">{ initial }</div>
            <div class="dj-card-name">{ if name.is_empty() { "—".to_owned() } else { name } }
                if !place.is_empty() { <span class="dj-card-line">{ format!("{}{place}", tr(l, "　", " · ")) }</span> }</div>
            <div class="dj-card-line">{ tr(l, "身份号码 ", "ID ") }<span class="dj-card-id" data-testid="masked-id">{ citizen_id::mask(&id) }</span></div>
            <div class="dj-card-line">
                { [option_title(ctx, &at("gender"), &gender), text(d, &at("birth_date")), option_title(ctx, &at("education"), &education)]
                    .into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ") }
                if let Some(p) = party { { format!(" · {}{}", tr(l, "中共党员：", "Party member: "), yes_no(l, p)) } }
            </div>
            <div class="dj-card-line">{ format!("{}{}", tr(l, "拟任：", "Proposed: "), if positions.is_empty() { "—".to_owned() } else { positions.join("、") }) }</div>
        </div>
    }
}

/// What [`department_matrix`] shows.
pub struct MatrixProps {
    /// JSON Pointer of the group holding the `departments` list.
    pub path: AttrValue,
    /// Its node (its hint's `enterprise` is the pointer of the yes/no saying
    /// the candidate runs an enterprise, which brings in more departments).
    pub node: Rc<UiNode>,
}

/// Which department checks which items, and what each answered.
pub fn department_matrix(ctx: &Ctx, p: &MatrixProps) -> Html {
    let l = ctx.locale();
    let settings = ReviewSettings::from_values(ctx.state.setup.form.settings());
    let d = ctx.state.data.clone();
    let list = format!("{}/departments", p.path);
    let runs_enterprise = p
        .node
        .hint("enterprise")
        .and_then(Value::as_str)
        .and_then(|ptr| d.pointer(ptr))
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let answers: Vec<Value> = d
        .pointer(&list)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let required: Vec<_> = settings
        .required_departments(runs_enterprise)
        .cloned()
        .collect();
    let missing: Vec<String> = required
        .iter()
        .filter(|dep| {
            !answers
                .iter()
                .any(|a| a.get("department").and_then(Value::as_str) == Some(dep.id.as_str()))
        })
        .map(|dep| dep.id.clone())
        .collect();
    let add_missing = {
        let state = ctx.state.clone();
        let missing = missing.clone();
        let list = list.clone();
        Callback::from(move |_: MouseEvent| {
            for id in &missing {
                state.dispatch(Action::AddRow {
                    path: list.clone(),
                    row: json!({"department": id, "result": "pending", "findings": []}),
                });
            }
        })
    };
    let item_label = |id: &str| {
        settings
            .item(id)
            .map(|i| format!("{id}. {}", i.title.get(l)))
            .unwrap_or_else(|| id.to_owned())
    };
    html! {
        <div class="dj-panel dj-matrix-panel" data-testid="department-matrix">
            <h4 class="dj-panel-title">{ tr(l, "部门联审矩阵", "Department matrix") }</h4>
            <div class="dj-table-wrap">
                <table class="dj-table dj-matrix">
                    <thead><tr>
                        <th scope="col">{ tr(l, "核查部门", "Department") }</th>
                        <th scope="col">{ tr(l, "负责核查的“十不选”事项", "Negative-list items checked") }</th>
                        <th scope="col">{ tr(l, "核查结果", "Answer") }</th>
                    </tr></thead>
                    <tbody>
                        { each(required.iter(), |dep| {
                            let answer = answers.iter().enumerate().find(|(_, a)| a.get("department").and_then(Value::as_str) == Some(dep.id.as_str()));
                            let (class, word) = match answer.map(|(_, a)| a.get("result").and_then(Value::as_str).unwrap_or("")) {
                                Some("clear") => ("dj-cell-ok", tr(l, "✓ 无问题", "✓ Clear")),
                                Some("flag") => ("dj-cell-bad", tr(l, "✕ 有问题", "✕ Flagged")),
                                Some(_) => ("dj-cell-wait", tr(l, "待核查", "Pending")),
                                None => ("dj-cell-wait", tr(l, "未答复", "No answer")),
                            };
                            let flagged: Vec<String> = answer.and_then(|(_, a)| a.get("findings")).and_then(Value::as_array)
                                .map(|f| f.iter().filter_map(|x| x.get("item").and_then(Value::as_str)).map(&item_label).collect()).unwrap_or_default();
                            html! {
                                <tr>
                                    <th scope="row">{ dep.title.get(l).to_owned() }</th>
                                    <td class="dj-matrix-items" data-label={tr(l, "核查事项", "Items checked")}>{ dep.items.iter().map(|i| i.as_str()).collect::<Vec<_>>().join("、") }</td>
                                    <td ~className={class} data-label={tr(l, "核查结果", "Answer")}>{ word }
                                        if !flagged.is_empty() { <div class="dj-why">{ flagged.join("；") }</div> }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            if !missing.is_empty() && !ctx.read_only {
                <button type="button" class="dj-btn dj-btn-add" onclick={add_missing}>
                    { format!("{}{}{}", tr(l, "为尚未列出的 ", "Add rows for the "), missing.len(), tr(l, " 个部门添加核查行", " departments not listed yet")) }
                </button>
            }
            <details class="dj-losses">
                <summary>{ tr(l, "“十不选”负面清单", "The negative list") }</summary>
                <ol class="dj-panel-msgs">{ each(settings.negative_list.iter(), |i| html! { <li>{ format!("{}. {}", i.id, i.description.get(if l == Locale::ZhCn { Locale::ZhCn } else { Locale::En })) }</li> }) }</ol>
            </details>
        </div>
    }
}
