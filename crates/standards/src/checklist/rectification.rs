//! The rectification list (整改清单 / 问题清单): every checklist item that was not
//! fully met, with the points it lost, ordered by points lost. Each entry is
//! later given a measure, an owner and a deadline, and closed (销号) with a date
//! and evidence. The list is itself a form (`forms/rectification-list.json`):
//! the value [`rectification_list`] returns serializes to a record of that form.

use dangjian_core::number::Num;
use dangjian_core::report::ItemScoreReport;
use dangjian_core::Report;
use serde::{Deserialize, Serialize};

/// Id of the form that validates a rectification list.
pub const RECTIFICATION_FORM_ID: &str = "rectification-list";

/// What the list needs beyond the report.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RectificationOptions {
    /// The day the list is drawn up (`YYYY-MM-DD`); deadlines may not be earlier.
    pub created_on: String,
    /// The branch's name, shown in the header.
    #[serde(default)]
    pub branch: String,
}

/// A rectification list: a record of the `rectification-list` form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RectificationList {
    /// Which check the list comes from.
    pub header: RectificationHeader,
    /// The entries.
    pub problems: Problems,
}

/// The list's header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RectificationHeader {
    /// Branch name.
    pub branch: String,
    /// The county's code for the branch, when known (see [`crate::branch`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub branch_code: Option<String>,
    /// Id of the checklist form.
    pub checklist: String,
    /// Version of the checklist form.
    pub checklist_version: String,
    /// The score (total) of the check.
    pub score: Num,
    /// The grade reached, in the report's locale (empty when the form has no bands).
    pub grade: String,
    /// The day the list was drawn up.
    pub created_on: String,
}

/// The entries of a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problems {
    /// Automatic-fail items first, then items by points lost, most first.
    pub entries: Vec<RectificationEntry>,
}

/// One problem to fix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RectificationEntry {
    /// Number in the list, from 1.
    pub seq: u32,
    /// `item` for a checklist item, `veto` for an automatic-fail condition.
    pub kind: String,
    /// JSON Pointer of the item in the checklist record (or `/scoring/veto/ID`).
    pub item_path: String,
    /// Title of the section holding the item.
    pub section: String,
    /// Title of the item.
    pub item: String,
    /// `unmet`, `partial`, `deducted`, `shortfall`, `unanswered` or `veto`.
    pub status: String,
    /// Points the item is worth.
    pub points: Num,
    /// Points lost.
    pub points_lost: Num,
    /// Why, one reason per line.
    pub reasons: String,
    /// The measure taken (filled in later).
    pub measure: String,
    /// Who is responsible (filled in later).
    pub owner: String,
    /// By when (filled in later).
    pub deadline: String,
    /// When the entry was closed, 销号 (filled in later).
    pub closed_on: String,
    /// Evidence that it was fixed (filled in later).
    pub closing_evidence: String,
}

/// The rectification list of a scored checklist report. A report without a
/// score gives an empty list.
pub fn rectification_list(report: &Report, options: &RectificationOptions) -> RectificationList {
    let score = report.score.as_ref();
    let section_title = |id: &str| -> String {
        score
            .and_then(|s| s.sections.iter().find(|x| x.id == id))
            .map(|x| x.title.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let mut entries: Vec<RectificationEntry> = Vec::new();
    if let Some(s) = score {
        for v in &s.vetoes {
            entries.push(RectificationEntry {
                seq: 0,
                kind: "veto".to_owned(),
                item_path: v
                    .path
                    .clone()
                    .unwrap_or_else(|| format!("/scoring/veto/{}", v.id)),
                section: String::new(),
                item: v.title.clone(),
                status: "veto".to_owned(),
                points: Num(0.0),
                points_lost: Num(0.0),
                reasons: String::new(),
                ..empty_entry()
            });
        }
        let mut items: Vec<(&ItemScoreReport, f64)> = s
            .items
            .iter()
            .filter(|i| i.applicable)
            .map(|i| (i, Num::round2(i.points.get() - i.earned.get()).get()))
            .filter(|(_, lost)| *lost > 0.0)
            .collect();
        // A stable sort keeps the form's order among equal losses.
        dangjian_core::order::sort_by(&mut items, |a, b| b.1.total_cmp(&a.1));
        for (i, lost) in items {
            entries.push(RectificationEntry {
                seq: 0,
                kind: "item".to_owned(),
                item_path: i.path.clone(),
                section: section_title(&i.section),
                item: i.title.clone(),
                status: status_of(i),
                points: i.points,
                points_lost: Num::round2(lost),
                reasons: i
                    .lost
                    .iter()
                    .map(|l| l.reason.as_str())
                    .collect::<Vec<_>>()
                    .join("\n"),
                ..empty_entry()
            });
        }
    }
    for (n, e) in entries.iter_mut().enumerate() {
        e.seq = u32::try_from(n + 1).unwrap_or(u32::MAX);
    }
    RectificationList {
        header: RectificationHeader {
            branch: options.branch.clone(),
            branch_code: None,
            checklist: report.form.id.clone(),
            checklist_version: report.form.version.clone(),
            score: score.map(|s| s.total).unwrap_or_default(),
            grade: score
                .and_then(|s| s.grade.as_ref())
                .map(|g| g.title.clone())
                .unwrap_or_default(),
            created_on: options.created_on.clone(),
        },
        problems: Problems { entries },
    }
}

fn empty_entry() -> RectificationEntry {
    RectificationEntry {
        seq: 0,
        kind: String::new(),
        item_path: String::new(),
        section: String::new(),
        item: String::new(),
        status: String::new(),
        points: Num(0.0),
        points_lost: Num(0.0),
        reasons: String::new(),
        measure: String::new(),
        owner: String::new(),
        deadline: String::new(),
        closed_on: String::new(),
        closing_evidence: String::new(),
    }
}

/// The finding, in the vocabulary of the rectification-list form.
fn status_of(item: &ItemScoreReport) -> String {
    match item.status.as_str() {
        "unmet" | "partial" | "unanswered" => item.status.clone(),
        "met" => "deducted".to_owned(),
        "answered" if item.lost.iter().any(|l| l.code.starts_with("deduction.")) => {
            "deducted".to_owned()
        }
        _ => "shortfall".to_owned(),
    }
}
