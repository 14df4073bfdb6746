//! The supervision report: the branches, each with its figures and the
//! reasons it needs attention, and across branches the ranking, the attention
//! list, the overdue rectification items, the distributions and the totals of
//! each month (一月一调度) and quarter (一季度一检查). Plain data, serializable:
//! a table, a heat map, charts and a drill-down are drawn from it directly.

use super::branch::BranchReport;
use super::figures::points::StarCount;
use super::supervisor::ReportHead;
use crate::meetings::Period;
use dangjian_core::number::Num;
use dangjian_core::Issue;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the [`SupervisionReport`] JSON shape.
pub const SUPERVISION_REPORT_VERSION: u32 = 1;

/// What a supervisor sees of many branches' records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupervisionReport {
    /// Version, days, locale and thresholds.
    #[serde(flatten)]
    pub head: ReportHead,
    /// Records and branches counted.
    pub counts: SupervisionCounts,
    /// The months of the period: the columns of a heat map and of the totals.
    pub months: Vec<PeriodHead>,
    /// The quarters of the period.
    pub quarters: Vec<PeriodHead>,
    /// Every branch, by key.
    pub branches: Vec<BranchReport>,
    /// Branches with a checklist, best first; equal scores share a rank, and a
    /// branch with a veto ranks below every branch without one.
    pub ranking: Vec<RankEntry>,
    /// Branches needing attention, most reasons first.
    pub attention: Vec<AttentionEntry>,
    /// Rectification items overdue, longest overdue first.
    pub overdue: Vec<OverdueEntry>,
    /// How the branches spread over scores, stars and grades.
    pub distributions: Distributions,
    /// Totals of each month and quarter.
    pub totals: Totals,
    /// Problems with the options and with records that could not be counted
    /// (paths into the options, or `/records/<index>`).
    pub issues: Vec<Issue>,
}

/// Records and branches.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SupervisionCounts {
    /// Records given.
    pub records: usize,
    /// Records counted for a branch.
    pub counted: usize,
    /// Records with errors (listed under their branch, not counted).
    pub invalid: usize,
    /// Records dated outside the period or after the as-of date (ignored).
    pub outside: usize,
    /// Records that could not be read (not JSON).
    pub unreadable: usize,
    /// Records of no supervised form.
    pub unrecognised: usize,
    /// Records that name no branch.
    pub unassigned: usize,
    /// Records of a form whose settings are wrong (not checked).
    pub unchecked: usize,
    /// Branches.
    pub branches: usize,
    /// Branches needing attention.
    pub needing_attention: usize,
    /// By form id.
    pub by_form: BTreeMap<String, FormTotals>,
}

/// One form's records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FormTotals {
    /// Records given.
    pub records: usize,
    /// Counted.
    pub counted: usize,
    /// With errors.
    pub invalid: usize,
    /// Dated outside the period.
    pub outside: usize,
}

/// Where a period stands on the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodState {
    /// Over by the as-of date (it ends on or before it).
    Closed,
    /// Holds the as-of date, and ends after it.
    Open,
    /// Starts after it.
    Future,
}

/// A month or quarter of the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodHead {
    /// `2026-03`, `2026-Q2`.
    pub key: String,
    /// As people read it.
    pub label: String,
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
    /// Where it stands.
    pub state: PeriodState,
}

/// A branch's place in the ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankEntry {
    /// From 1; equal scores share a rank (1, 2, 2, 4).
    pub rank: u32,
    /// The branch's key.
    pub branch: String,
    /// Its name.
    pub name: String,
    /// Its latest checklist score.
    pub score: Num,
    /// The grade in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// Stars.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<u8>,
    /// True when the checklist hit a veto.
    pub vetoed: bool,
}

/// A branch needing attention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttentionEntry {
    /// The branch's key.
    pub branch: String,
    /// Its name.
    pub name: String,
    /// The codes of its reasons (the messages are in the branch's `attention`).
    pub reasons: Vec<String>,
}

/// An overdue rectification item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OverdueEntry {
    /// The branch's key.
    pub branch: String,
    /// Its name.
    pub name: String,
    /// Index of the list among the supervised records.
    pub record: usize,
    /// Where the list came from.
    pub source: String,
    /// Number in the list.
    pub seq: u64,
    /// The item.
    pub item: String,
    /// Who is responsible.
    pub owner: String,
    /// The deadline.
    pub deadline: String,
    /// Days past it on the as-of date.
    pub days_late: i64,
}

/// How the branches spread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distributions {
    /// Branches by latest checklist score, in bins of 10 points (the last bin
    /// holds 90 to 100 and anything above).
    pub scores: Vec<ScoreBin>,
    /// Branches by stars of the latest checklist, five down to one.
    pub stars: Vec<StarCount>,
    /// Branches by grade of the latest checklist, highest first.
    pub grades: Vec<GradeCount>,
    /// Branches without a checklist.
    pub unscored: usize,
    /// Branches by their secretary's review grade, 好 down to 差.
    pub secretary_grades: Vec<GradeCount>,
    /// Members of all branches by stars, five down to none.
    pub member_stars: Vec<StarCount>,
}

/// Branches with a score in `from..to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreBin {
    /// Lowest score of the bin.
    pub from: u32,
    /// Score the next bin starts at.
    pub to: u32,
    /// Branches.
    pub count: usize,
}

/// Branches with a grade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradeCount {
    /// Grade id.
    pub id: String,
    /// In words.
    pub title: String,
    /// Branches.
    pub count: usize,
}

/// The totals of the monthly 调度 and the quarterly 检查.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    /// One per month of the period.
    pub months: Vec<PeriodTotal>,
    /// One per quarter.
    pub quarters: Vec<PeriodTotal>,
}

/// Every branch together over one month or quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodTotal {
    /// `2026-03`, `2026-Q2`.
    pub key: String,
    /// As people read it.
    pub label: String,
    /// Where it stands on the as-of date.
    pub state: PeriodState,
    /// Branches supervised.
    pub branches: usize,
    /// Branches whose every meeting period inside this one is met.
    pub met: usize,
    /// Branches with a meeting period inside this one missing.
    pub missing: usize,
    /// Each requirement whose periods fall inside this one.
    pub requirements: Vec<RequirementTotal>,
    /// Minutes counted, dated in the period.
    pub minutes: usize,
    /// Minutes with errors, dated in the period.
    pub invalid_minutes: usize,
    /// Checklists assessed in the period.
    pub checklists: usize,
    /// Their average score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub average_score: Option<Num>,
    /// Of those, checklists with a veto.
    pub vetoed: usize,
    /// Rectification items due, closed and overdue.
    pub rectification: RectificationFlow,
}

/// One requirement over every branch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequirementTotal {
    /// Requirement id.
    pub id: String,
    /// What must be held.
    pub title: String,
    /// How often.
    pub period: Period,
    /// Meetings counted.
    pub held: usize,
    /// Periods met (over all branches).
    pub met: usize,
    /// Periods missing.
    pub missing: usize,
    /// Branches with a period missing.
    pub branches_missing: usize,
}

/// Rectification items over one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RectificationFlow {
    /// Items whose deadline falls in the period.
    pub due: usize,
    /// Items closed in the period.
    pub closed: usize,
    /// Items overdue at the period's end (or on the as-of date, when earlier).
    pub overdue_at_end: usize,
}
