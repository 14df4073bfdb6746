//! Purpose-built views for the standard forms. The generic renderer asks here for
//! extra panels and badges by form id and place; every verdict they show is read
//! from the engine's report (or from a `dangjian-standards` function), never
//! worked out again.

pub mod calendar;
pub mod checklist;
pub mod minutes;
pub mod review;

use crate::components::Ctx;
use serde_json::Value;
use yew::prelude::*;

fn form_id(ctx: &Ctx) -> &str {
    &ctx.state.setup.form.spec().id
}

/// Panels beside the form (under the score panel).
pub fn aside(ctx: &Ctx, root: &NodeRef) -> Html {
    match form_id(ctx) {
        "meeting-minutes" => html! { <minutes::AttendancePanel root={root.clone()} /> },
        "candidate-review" => html! { <review::VerdictPanel root={root.clone()} /> },
        "member-points" => html! {},
        _ if ctx.state.view.report.score.is_some() => {
            html! { <checklist::RectificationPanel root={root.clone()} /> }
        }
        _ => html! {},
    }
}

/// A panel at the top of a section.
pub fn section_extra(ctx: &Ctx, section: &str) -> Html {
    match (form_id(ctx), section) {
        ("meeting-minutes", "/election") => html! { <minutes::ElectionResults /> },
        ("candidate-review", _) => review::section_extra(section),
        _ => html! {},
    }
}

/// A note above the rows of a list.
pub fn list_extra(ctx: &Ctx, list: &str) -> Html {
    match (form_id(ctx), list) {
        ("meeting-minutes", "/agenda/items") => minutes::agenda_note(ctx),
        _ => html! {},
    }
}

/// A badge in the head of a row.
pub fn row_badge(ctx: &Ctx, list: &str, index: usize) -> Html {
    match (form_id(ctx), list) {
        ("meeting-minutes", "/agenda/items") => minutes::agenda_badge(ctx, index),
        ("meeting-minutes", "/resolutions/votes") => html! { <minutes::VoteTally {index} /> },
        _ => html! {},
    }
}

/// The branch a record is about, for file names and list headers.
pub fn branch_name(data: &Value) -> String {
    [
        "/profile/branch_name",
        "/meeting/branch",
        "/header/branch",
        "/member/branch",
    ]
    .iter()
    .find_map(|p| data.pointer(p).and_then(Value::as_str))
    .unwrap_or("")
    .to_owned()
}
