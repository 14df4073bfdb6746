//! The compliance report: totals, each requirement with its periods, and the
//! issues (core's [`Issue`], paths into the input's `minutes`).

use crate::meetings::period::Period;
use dangjian_core::Issue;
use serde::{Deserialize, Serialize};

/// Version of the [`ComplianceReport`] JSON shape.
pub const COMPLIANCE_REPORT_VERSION: u32 = 1;

/// The annual compliance report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplianceReport {
    /// Shape version, [`COMPLIANCE_REPORT_VERSION`].
    pub report_version: u32,
    /// First day checked (empty when the range is invalid).
    pub from: String,
    /// Last day checked.
    pub to: String,
    /// Locale of messages and titles.
    pub locale: String,
    /// True when no period of any requirement is missing and the range is valid.
    pub compliant: bool,
    /// Totals.
    pub counts: ComplianceCounts,
    /// Each enabled requirement with its periods.
    pub requirements: Vec<RequirementResult>,
    /// Every missing period and unreadable record, in requirement then period order.
    /// Codes: `compliance.missing`, `compliance.invalid_record`,
    /// `compliance.unreadable_record`, `compliance.not_fixed_day`,
    /// `compliance.unusual_time`, `compliance.invalid_range`, `compliance.minutes_form`.
    pub issues: Vec<Issue>,
}

/// Totals of a compliance report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ComplianceCounts {
    /// Records given.
    pub records: usize,
    /// Records dated inside the range.
    pub in_range: usize,
    /// Records dated outside the range (ignored).
    pub outside_range: usize,
    /// Records without a meeting type or a valid date (ignored).
    pub unreadable: usize,
    /// Records in the range whose validation with the `meeting-minutes` form found
    /// errors (not counted as held unless `minutes_check` is `count_invalid`).
    pub invalid_records: usize,
    /// Periods judged (met or missing).
    pub periods_judged: usize,
    /// Periods with enough meetings.
    pub periods_met: usize,
    /// Periods without enough meetings.
    pub periods_missing: usize,
    /// Issues of severity error.
    pub errors: usize,
    /// Issues of severity warning.
    pub warnings: usize,
}

/// One requirement over the whole range.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequirementResult {
    /// Requirement id.
    pub id: String,
    /// What must be held, in the report's locale.
    pub title: String,
    /// How often.
    pub period: Period,
    /// Fewest meetings per period.
    pub min: u32,
    /// The frequency as people read it: 每季度至少 1 次.
    pub frequency: String,
    /// Meetings counted in the range.
    pub held: usize,
    /// Matching records with errors in the range (see [`PeriodResult::invalid`]).
    pub invalid: usize,
    /// Periods missing.
    pub missing: usize,
    /// Every period overlapping the range.
    pub periods: Vec<PeriodResult>,
}

/// One period of one requirement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodResult {
    /// Stable key: `2026-03`, `2026-Q2`, `2026-H1`, `2026`, `2026-W05`.
    pub key: String,
    /// The period as people read it.
    pub label: String,
    /// First day.
    pub from: String,
    /// Last day.
    pub to: String,
    /// Meetings counted.
    pub held: usize,
    /// Their dates, in record order.
    pub dates: Vec<String>,
    /// Their indexes in the list of minutes.
    pub records: Vec<usize>,
    /// Matching records whose minutes have errors: held, but not counted (unless
    /// `minutes_check` is `count_invalid`, when they are counted and also listed here).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invalid: Vec<InvalidRecord>,
    /// The verdict.
    pub status: PeriodStatus,
}

/// A record whose minutes have errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvalidRecord {
    /// Index in the list of minutes.
    pub record: usize,
    /// The meeting's date.
    pub date: String,
    /// Number of errors.
    pub errors: usize,
    /// Their codes, each once, in the order of the report (`minutes.quorum`, …).
    pub codes: Vec<String>,
}

/// What a caller's own validation found in a record (see
/// [`super::compliance_checked`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RecordErrors {
    /// Number of errors.
    pub errors: usize,
    /// Their codes, each once.
    pub codes: Vec<String>,
}

/// The verdict on one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodStatus {
    /// Enough meetings were held.
    Met,
    /// Too few meetings, and the period is over: a frequency violation.
    Missing,
    /// Too few so far, but the period holds `today`.
    Open,
    /// The period starts after `today`.
    Future,
    /// Too few, but the period lies partly outside the range, so it is not judged.
    Partial,
}
