//! Supervision across branches (一月一调度、一季度一检查): the records of many
//! branches for a period — checklists, minutes, rectification lists, member
//! points, candidate reviews, secretaries' annual reviews — each validated
//! first (records with errors are listed under their branch, not counted),
//! grouped by branch ([`crate::branch`]), and summed up as of a date.
//!
//! Per branch ([`BranchReport`]): the latest checklist's score, grade, stars,
//! vetoes and lost points; meeting compliance per type and period (the
//! compliance check itself, [`crate::meetings::compliance_checked`]); the
//! rectification items open, overdue and closed; member points; candidates'
//! verdicts; the secretary's review; and the reasons it needs attention, each
//! a setting ([`Thresholds`], `attention.json`). Across branches
//! ([`SupervisionReport`]): a ranking, the attention list, the overdue items,
//! distributions and the totals of every month and quarter.
//!
//! One entry, [`supervise`] (records given at once), or [`Supervisor`]
//! (records given one at a time, memory holding each branch's figures rather
//! than the records). The figures (`figures/`), the attention checks
//! (`checks/`) and the summary across branches (`summary/`) are one file
//! each; every message is in one table (`messages.rs`). Reports of shards of
//! branches (a province's counties) combine with [`Merger`]; a run split over
//! a browser's cores checks one [`Shard`] of the branches per worker, and
//! [`merge_shards`] gives back the report of the whole run.
//!
//! # Example
//!
//! ```
//! use dangjian_standards::supervision::{supervise, SupervisionOptions};
//! use serde_json::json;
//!
//! let minutes = json!({"meeting": {"type": "committee", "branch": "鹤峰村党支部", "date": "2026-01-05"}});
//! let report = supervise(&[minutes], &SupervisionOptions::as_of("2026-03-31"));
//! assert_eq!(report.counts.branches, 1);
//! // The minutes lack most of what minutes must record: listed, not counted.
//! assert_eq!(report.branches[0].records.invalid, 1);
//! assert!(!report.branches[0].attention.is_empty());
//! ```

mod branch;
mod checks;
pub mod csv;
mod figures;
mod forms;
mod input;
mod json_text;
mod merge;
mod messages;
mod names;
mod options;
mod order;
mod periods;
mod report;
mod setup;
mod shards;
mod summary;
mod supervisor;
mod symbols;
#[cfg(test)]
mod tests;

pub use branch::{BranchReport, InvalidRecord, RecordCounts};
pub use figures::calendar::{CalendarCell, CalendarRow};
pub use figures::checklist::{ChecklistFigures, ChecklistScore, LostPoints};
pub use figures::meetings::{MeetingFigures, PeriodFigures, RequirementFigures};
pub use figures::points::{PointsFigures, StarCount};
pub use figures::rectification::{
    ItemStatus, ListFigures, RectificationFigures, RectificationItem,
};
pub use figures::reviews::{CandidateVerdict, ReviewFigures};
pub use figures::secretary::SecretaryFigures;
pub use json_text::json_error;
pub use merge::{merge, MergeError, Merger};
pub use options::{attention_settings, SupervisionOptions, Thresholds};
pub use report::{
    AttentionEntry, Distributions, FormTotals, GradeCount, OverdueEntry, PeriodHead, PeriodState,
    PeriodTotal, RankEntry, RectificationFlow, RequirementTotal, ScoreBin, SupervisionCounts,
    SupervisionReport, Totals, SUPERVISION_REPORT_VERSION,
};
pub use shards::{merge_shards, Shard};
pub use supervisor::{ReportHead, Supervisor};

use serde_json::Value;

/// The ids of the built-in forms a supervision reads (their specs must be at
/// hand: a browser module fetches them first, see [`crate::catalog`]).
pub fn forms() -> impl Iterator<Item = &'static str> {
    input::plans().iter().map(|p| p.form.as_str())
}

/// Supervises `records` (bare records of the built-in forms, or envelopes
/// `{"form"?, "source"?, "data"}`) with `options`. Never fails: wrong options
/// and records that cannot be counted are issues of the report. A record's
/// source, unless its envelope gives one, is `#n` (its place, from 1).
pub fn supervise(records: &[Value], options: &SupervisionOptions) -> SupervisionReport {
    let mut run = Supervisor::new(options);
    for (i, r) in records.iter().enumerate() {
        run.add(r, &format!("#{}", i + 1));
    }
    run.finish()
}
