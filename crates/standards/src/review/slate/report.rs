//! What the slate check reads as one document, and what it reports: issues in
//! the shape of the validation report's, and the figures they were made on.

use super::options::SlateOptions;
use dangjian_core::number::Num;
use dangjian_core::report::Counts;
use dangjian_core::{Issue, Locale};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Version of the slate report's JSON shape.
pub const SLATE_REPORT_VERSION: u32 = 1;

/// What the CLI's `review-slate` reads: `{today, locale, candidates, options}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct SlateInput {
    /// Today, `YYYY-MM-DD` (overrides `options.today`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today: Option<String>,
    /// Language (overrides `options.locale`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// The candidate-review records.
    #[serde(default)]
    pub candidates: Vec<Value>,
    /// Thresholds.
    #[serde(default)]
    pub options: SlateOptions,
}

impl SlateInput {
    /// Runs the slate checks on this input.
    pub fn run(&self) -> SlateReport {
        let mut options = self.options.clone();
        if self.today.is_some() {
            options.today.clone_from(&self.today);
        }
        if let Some(l) = self.locale {
            options.locale = l;
        }
        super::slate(&self.candidates, &options)
    }
}

/// The slate report: issues in the shape of the validation report's, and the figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlateReport {
    /// Shape version, [`SLATE_REPORT_VERSION`].
    pub report_version: u32,
    /// Locale of the messages.
    pub locale: String,
    /// True when there is no issue of severity `error`.
    pub valid: bool,
    /// Issues by severity.
    pub counts: Counts,
    /// Every issue; paths point into the list of candidates.
    pub issues: Vec<Issue>,
    /// The figures the checks were made on.
    pub summary: SlateSummary,
}

/// The composition of the proposed committees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlateSummary {
    /// The day ages are counted to.
    pub reference_date: Option<String>,
    /// Candidates given.
    pub candidates: usize,
    /// Indexes of candidates left out (建议不予提名).
    pub excluded: Vec<usize>,
    /// Members of the villagers' committee.
    pub village_committee: usize,
    /// Members of the village party committee.
    pub branch_committee: usize,
    /// Distinct members of the two committees (“两委”).
    pub members: usize,
    /// Women on the villagers' committee.
    pub village_committee_women: usize,
    /// Women among all members.
    pub women: usize,
    /// Members aged `young_max_age` or under.
    pub young: usize,
    /// Members with senior-high education or more.
    pub senior_high: usize,
    /// Their share, %.
    pub senior_high_percent: Num,
    /// Members with a college diploma or more.
    pub college: usize,
    /// Their share, %.
    pub college_percent: Num,
    /// Average age of the members whose age is known.
    pub average_age: Option<Num>,
    /// The secretary's age.
    pub secretary_age: Option<i64>,
    /// Whether the secretary also stands for director (一肩挑); none without a secretary.
    pub one_shoulder: Option<bool>,
    /// Members on both committees (交叉任职).
    pub cross_appointed: usize,
    /// Their share, %.
    pub cross_appointment_percent: Num,
    /// Average age below the previous term's; none without a previous figure.
    pub age_down: Option<bool>,
    /// Senior-high (or college) share above the previous term's; none without a previous figure.
    pub education_up: Option<bool>,
}
