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
mod weekday_name;

pub(crate) use weekday_name::install;

pub use compliance::{
    compliance, compliance_checked, compliance_of, compliance_with_form, default_requirements,
    ComplianceCounts, ComplianceInput, ComplianceOptions, ComplianceReport, InvalidRecord, Matcher,
    MinutesCheck, PeriodResult, PeriodStatus, RecordErrors, Requirement, RequirementResult,
    COMPLIANCE_REPORT_VERSION, MINUTES_FORM_ID,
};
pub use fixed_day::FixedDay;
pub use period::{Period, Span};
