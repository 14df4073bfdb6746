//! Purpose-built panels, picked by the spec's `ui` hints through one registry,
//! so a county's own form can ask for them as the built-in ones do:
//!
//! | hint | where | panel |
//! |---|---|---|
//! | `"aside": "attendance"` | a group with `expected`, `present`, `on_leave`, `absent` | attendance and quorum beside the form (`quorum_codes`: the rules whose failure means no quorum) |
//! | `"aside": ["review-verdict"]` | the spec | the joint-review verdict beside the form |
//! | `"aside": ["rectification"]` | the spec | the rectification list (问题清单) of a scored checklist |
//! | `"panel": "election"` | a group with `candidates` (`name`, `votes`, `elected`) and `ballots_valid` | the count at the top of the group |
//! | `"panel": "candidate-card"` | the candidate's group | the candidate at a glance, ID number masked (`place`: pointers of the place names) |
//! | `"panel": "department-matrix"` | a group with the `departments` list | which department checks what, and its answer |
//! | `"row_badge": "tally"` | a list of votes (`yes`, `no`, `abstain`, `result`) | each motion's tally |
//! | `"row_badge": "first-item"` | a list | a badge on its first row (`first_item`: `title`, `issue`, `wrong`) |
//! | `"note": {…}` | a list | a note above its rows |
//!
//! Every verdict a panel shows is read from the engine's report (or from a
//! `dangjian-standards` function), never worked out again.

pub mod calendar;
pub mod checklist;
pub mod minutes;
pub mod review;

use crate::components::{each, Ctx, Env};
use crate::hooks::screen::ScreenHandle;
use crate::tree::UiNode;
use dangjian_core::json_text::Json;
use dangjian_core::Spec;
use serde_json::Value;
use std::rc::Rc;
use yew::prelude::*;

/// A purpose-built panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    /// Attendance and quorum.
    Attendance,
    /// The joint-review verdict.
    ReviewVerdict,
    /// The rectification list of a scored checklist.
    Rectification,
    /// The count of an election.
    Election,
    /// The candidate at a glance.
    CandidateCard,
    /// The joint-review departments.
    DepartmentMatrix,
    /// The tally of a vote, on each row.
    Tally,
    /// The badge of a list's first row.
    FirstItem,
}

impl Panel {
    /// The panel a hint names.
    pub fn named(name: &str) -> Option<Panel> {
        Some(match name {
            "attendance" => Panel::Attendance,
            "review-verdict" => Panel::ReviewVerdict,
            "rectification" => Panel::Rectification,
            "election" => Panel::Election,
            "candidate-card" => Panel::CandidateCard,
            "department-matrix" => Panel::DepartmentMatrix,
            "tally" => Panel::Tally,
            "first-item" => Panel::FirstItem,
            _ => return None,
        })
    }
}

/// Where a spec's hints put panels, read once when the form is mounted.
#[derive(Debug, Default)]
pub struct Hints {
    /// Beside the form: (JSON Pointer of the node the panel is about, "" for the form; panel; its node).
    pub aside: Vec<(String, Panel, Option<Rc<UiNode>>)>,
    /// At the top of a group: (its JSON Pointer, panel, its node).
    pub top: Vec<(String, Panel, Rc<UiNode>)>,
    /// On the rows of a list: (its path without row numbers, panel, its node).
    pub rows: Vec<(String, Panel, Rc<UiNode>)>,
}

/// The names of a hint: one string or a list of them.
fn names(v: Option<&Value>) -> Vec<&str> {
    match v {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

impl Hints {
    /// The hints of `spec`, whose sections are `sections`.
    pub fn read(spec: &Spec, sections: &[Rc<UiNode>]) -> Hints {
        let mut hints = Hints::default();
        for name in names(spec.ui.as_ref().and_then(|u| u.get("aside"))) {
            if let Some(panel) = Panel::named(name) {
                hints.aside.push((String::new(), panel, None));
            }
        }
        for s in sections {
            hints.walk(
                s,
                &crate::data::child("", &s.node.id),
                &format!("/{}", s.node.id),
            );
        }
        hints
    }

    fn walk(&mut self, n: &Rc<UiNode>, path: &str, shape: &str) {
        for name in names(n.hint("aside")) {
            if let Some(panel) = Panel::named(name) {
                self.aside.push((path.to_owned(), panel, Some(n.clone())));
            }
        }
        for name in names(n.hint("panel")) {
            if let Some(panel) = Panel::named(name) {
                self.top.push((path.to_owned(), panel, n.clone()));
            }
        }
        for name in names(n.hint("row_badge")) {
            if let Some(panel) = Panel::named(name) {
                self.rows.push((shape.to_owned(), panel, n.clone()));
            }
        }
        // Lists' rows are not walked: a hint inside a row applies to every row alike.
        if !n.is_list() {
            for c in &n.children {
                self.walk(
                    c,
                    &crate::data::child(path, &c.node.id),
                    &format!("{shape}/{}", c.node.id),
                );
            }
        }
    }

    /// The panels at the top of the group at `path`.
    pub fn at_top<'a>(
        &'a self,
        path: &'a str,
    ) -> impl Iterator<Item = &'a (String, Panel, Rc<UiNode>)> + 'a {
        self.top.iter().filter(move |(p, _, _)| p == path)
    }

    /// The badges on the rows of the list at `path`.
    pub fn on_rows<'a>(
        &'a self,
        path: &str,
    ) -> impl Iterator<Item = &'a (String, Panel, Rc<UiNode>)> + 'a {
        let shape = shape_of(path);
        self.rows.iter().filter(move |(p, _, _)| *p == shape)
    }
}

/// A path without its row numbers: `/a/3/b` → `/a/b`.
fn shape_of(path: &str) -> String {
    path.split('/')
        .filter(|s| !s.is_empty() && !s.bytes().all(|b| b.is_ascii_digit()))
        .fold(String::new(), |mut out, s| {
            out.push('/');
            out.push_str(s);
            out
        })
}

/// Draws one panel beside the form.
/// `screen`: whether the rectification list shows every entry.
pub fn aside(ctx: &Ctx, path: &str, panel: Panel, screen: &ScreenHandle) -> Html {
    let path = AttrValue::from(path.to_owned());
    match panel {
        Panel::Attendance => minutes::attendance_panel(ctx, &path),
        Panel::ReviewVerdict => review::verdict_panel(ctx),
        Panel::Rectification if ctx.state.view.report.score.is_some() => {
            checklist::rectification_panel(ctx, screen)
        }
        _ => html! {},
    }
}

/// The one line a panel beside the form adds to the summary bar of a narrow
/// layout (the verdict it shows), if any.
pub fn summary(ctx: &Ctx, path: &str, panel: Panel) -> Option<(String, &'static str)> {
    match panel {
        Panel::Attendance => minutes::attendance_summary(ctx, path),
        Panel::ReviewVerdict => Some(review::verdict_summary(ctx)),
        _ => None,
    }
}

/// The panels the hints put at the top of the group at `path` (a plain
/// function: each panel is a [`LivePanel`]).
pub fn group_top(env: &Env, path: &str) -> Html {
    each(
        env.setup.hints.at_top(path),
        |(path, panel, node)| match panel {
            Panel::Election | Panel::CandidateCard | Panel::DepartmentMatrix => {
                html! { <LivePanel path={AttrValue::from(path.clone())} node={node.clone()} panel={*panel} env={env.clone()} /> }
            }
            _ => html! {},
        },
    )
}

/// The badges the hints put in the head of row `index` of the list at `list`
/// (a plain function: each badge is a [`LivePanel`]).
pub fn row_badges(env: &Env, list: &AttrValue, index: usize) -> Html {
    each(
        env.setup.hints.on_rows(list),
        |(_, panel, node)| match panel {
            Panel::Tally | Panel::FirstItem => {
                html! { <LivePanel path={list.clone()} node={node.clone()} panel={*panel} row={Some(index)} env={env.clone()} /> }
            }
            _ => html! {},
        },
    )
}

/// Props of [`LivePanel`].
#[derive(Properties, PartialEq)]
pub struct LivePanelProps {
    /// JSON Pointer of the group (a panel at its top) or of the list (a badge on a row).
    pub path: AttrValue,
    /// The node the hint is on (its hints name the places the panel reads).
    pub node: Rc<UiNode>,
    /// Which panel.
    pub panel: Panel,
    /// The row, for a badge on a row.
    #[prop_or_default]
    pub row: Option<usize>,
    /// What stays fixed while the person types (its setup hands the panel the whole state).
    pub env: Env,
}

/// A panel inside the form: at the top of a group, or a badge on a row. One
/// component for them all: it follows the whole state, while the group or
/// list around it is drawn again only when its own share of the record changes.
#[function_component]
pub fn LivePanel(p: &LivePanelProps) -> Html {
    let Some(ctx) = crate::hooks::use_live(&p.env.setup) else {
        return html! {};
    };
    let (path, node) = (p.path.clone(), p.node.clone());
    match (p.panel, p.row) {
        (Panel::Election, _) => minutes::election_results(&ctx, &path),
        (Panel::CandidateCard, _) => {
            review::candidate_card(&ctx, &review::CardProps { path, node })
        }
        (Panel::DepartmentMatrix, _) => {
            review::department_matrix(&ctx, &review::MatrixProps { path, node })
        }
        (Panel::Tally, Some(i)) => minutes::vote_tally(&ctx, &path, i),
        (Panel::FirstItem, Some(i)) => minutes::first_item(&ctx, &node, &path, i),
        _ => html! {},
    }
}

/// The note a hint puts above the rows of the list `node` (not in read-only mode).
pub fn list_note(env: &Env, node: &UiNode) -> Html {
    let note = node
        .hint("note")
        .and_then(|v| dangjian_core::spec::read::text(&Json::view(v)).ok());
    match note {
        Some(t) if !env.read_only && !t.is_empty() => {
            html! { <p class="dj-note">{ t.get(env.locale).to_owned() }</p> }
        }
        _ => html! {},
    }
}

/// The branch a record is about, for file names and list headers: the first
/// text of the first section that names a branch (`branch`, `branch_name`).
pub fn branch_name(data: &Value) -> String {
    data.as_object()
        .into_iter()
        .flat_map(|m| m.values())
        .find_map(|section| {
            ["branch_name", "branch"]
                .iter()
                .find_map(|k| section.get(*k).and_then(Value::as_str))
        })
        .unwrap_or("")
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn hints_pick_the_panels() {
        let spec: Spec = serde_json::from_value(json!({
            "id": "f", "version": "1", "title": "t", "ui": {"aside": ["rectification", "no-such-panel"]},
            "sections": [
                {"id": "att", "ui": {"aside": "attendance"}, "items": [{"id": "expected", "type": "integer"}]},
                {"id": "votes", "items": [
                    {"id": "rows", "repeat": {}, "ui": {"row_badge": "tally"}, "items": [{"id": "yes", "type": "integer"}]}
                ]},
                {"id": "el", "ui": {"panel": "election"}, "items": [{"id": "seats", "type": "integer"}]}
            ]
        }))
        .unwrap();
        let sections = crate::tree::sections(&spec);
        let h = Hints::read(&spec, &sections);
        let aside: Vec<(&str, Panel)> = h.aside.iter().map(|(p, k, _)| (p.as_str(), *k)).collect();
        assert_eq!(
            aside,
            vec![("", Panel::Rectification), ("/att", Panel::Attendance)]
        );
        assert_eq!(h.at_top("/el").count(), 1);
        assert_eq!(h.on_rows("/votes/rows").count(), 1);
        assert_eq!(
            shape_of("/review/departments/2/findings"),
            "/review/departments/findings"
        );
    }

    #[test]
    fn the_branch_is_found_in_any_form() {
        assert_eq!(
            branch_name(&json!({"profile": {"branch_name": "一支部"}})),
            "一支部"
        );
        assert_eq!(
            branch_name(&json!({"meeting": {"branch": "二支部"}})),
            "二支部"
        );
        assert_eq!(branch_name(&json!({"x": 1})), "");
    }
}
