//! Meetings of a branch: the annual compliance calendar over many minutes.
//!
//! Each record is checked by the `meeting-minutes` form (`forms/meeting-minutes.json`),
//! whose rules carry every check one record can answer: attendance sums, the first
//! agenda item, quorums, votes, elections, the three stages of an organisational
//! life meeting, the share of 优秀 in a democratic evaluation. What needs many
//! records at once — how often each kind of meeting was held — lives here.

pub mod compliance;
pub mod fixed_day;
pub mod period;

pub use compliance::{
    compliance, compliance_of, compliance_with_form, default_requirements, ComplianceCounts,
    ComplianceInput, ComplianceIssue, ComplianceOptions, ComplianceReport, InvalidRecord, Matcher,
    MinutesCheck, PeriodResult, PeriodStatus, Requirement, RequirementResult,
    COMPLIANCE_REPORT_VERSION, MINUTES_FORM_ID,
};
pub use fixed_day::FixedDay;
pub use period::{Period, Span};
