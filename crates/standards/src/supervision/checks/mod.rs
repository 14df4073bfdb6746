//! Why a branch needs attention: one check per reason, one file each, each a
//! setting of [`Thresholds`] (0, `false` or `null` turns it off). Each check
//! reads the branch's report and adds its finding to one issue collector,
//! worded by the supervision's table; paths point into the branch's report.

mod invalid;
mod meetings;
mod no_checklist;
mod overdue;
mod score;
mod secretary;
mod veto;

use super::branch::BranchReport;
use super::messages::MESSAGES;
use super::options::Thresholds;
use dangjian_core::{Issue, Locale, Sink};

/// What the checks read besides the branch.
pub(super) struct Judge<'a> {
    /// The thresholds.
    pub(super) thresholds: &'a Thresholds,
    /// First day of the period.
    pub(super) from: &'a str,
    /// The as-of date.
    pub(super) as_of: &'a str,
    /// Language of the messages.
    pub(super) locale: Locale,
}

/// Every reason `branch` needs attention, in a fixed order.
pub(super) fn attention(branch: &BranchReport, judge: &Judge<'_>) -> Vec<Issue> {
    let mut sink = Sink::new(judge.locale, MESSAGES).with_max(usize::MAX);
    let t = judge.thresholds;
    score::check(branch, t, &mut sink);
    veto::check(branch, t, &mut sink);
    no_checklist::check(branch, judge, &mut sink);
    meetings::check(branch, t, &mut sink);
    overdue::check(branch, t, &mut sink);
    secretary::check(branch, t, &mut sink);
    invalid::check(branch, t, &mut sink);
    sink.finish().0
}

/// The issue params of a JSON object.
pub(super) fn params(value: serde_json::Value) -> dangjian_core::report::Params {
    crate::wording::params(value)
}
