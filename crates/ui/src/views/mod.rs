//! Purpose-built views for the standard forms. The generic renderer asks here for
//! extra panels and badges by form id and place; every verdict they show is read
//! from the engine's report (or from a `dangjian-standards` function), never
//! worked out again.

pub mod calendar;
pub mod checklist;
pub mod minutes;
pub mod review;

use crate::components::{use_ctx, Ctx};
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
        id if has_rectification(id, ctx.state.view.report.score.is_some()) => {
            html! { <checklist::RectificationPanel root={root.clone()} /> }
        }
        _ => html! {},
    }
}

/// Whether a form gets a rectification list (问题整改清单): scored checklists do;
/// member points, whose lost points are the member's own, do not.
pub fn has_rectification(form_id: &str, scored: bool) -> bool {
    scored && form_id != "member-points"
}

/// Props of [`SectionExtra`].
#[derive(Properties, PartialEq)]
pub struct SectionProps {
    /// JSON Pointer of the section.
    pub section: AttrValue,
}

/// A panel at the top of a section.
#[function_component]
pub fn SectionExtra(p: &SectionProps) -> Html {
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    match (form_id(&ctx), p.section.as_str()) {
        ("meeting-minutes", "/election") => html! { <minutes::ElectionResults /> },
        ("candidate-review", section) => review::section_extra(section),
        _ => html! {},
    }
}

/// Props of [`ListExtra`].
#[derive(Properties, PartialEq)]
pub struct ListProps {
    /// JSON Pointer of the list.
    pub list: AttrValue,
}

/// A note above the rows of a list.
#[function_component]
pub fn ListExtra(p: &ListProps) -> Html {
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    match (form_id(&ctx), p.list.as_str()) {
        ("meeting-minutes", "/agenda/items") => minutes::agenda_note(&ctx),
        _ => html! {},
    }
}

/// Props of [`RowBadge`].
#[derive(Properties, PartialEq)]
pub struct RowProps {
    /// JSON Pointer of the list.
    pub list: AttrValue,
    /// Row index.
    pub index: usize,
}

/// A badge in the head of a row.
#[function_component]
pub fn RowBadge(p: &RowProps) -> Html {
    let Some(ctx) = use_ctx() else {
        return html! {};
    };
    match (form_id(&ctx), p.list.as_str()) {
        ("meeting-minutes", "/agenda/items") => minutes::agenda_badge(&ctx, p.index),
        ("meeting-minutes", "/resolutions/votes") => {
            html! { <minutes::VoteTally index={p.index} /> }
        }
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
