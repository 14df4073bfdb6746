//! `supervision.attention.no_checklist`: no branch checklist in the period
//! (setting `no_checklist`).

use super::super::branch::BranchReport;
use super::{params, Judge};
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// Adds the reason when the branch has no checklist.
pub(super) fn check(branch: &BranchReport, judge: &Judge<'_>, sink: &mut Sink<'_>) {
    if !judge.thresholds.no_checklist || branch.checklist.is_some() {
        return;
    }
    sink.add(
        "/checklist",
        "supervision.attention.no_checklist",
        Severity::Warning,
        params(json!({
            "setting": "no_checklist",
            "from": judge.from,
            "as_of": judge.as_of,
        })),
    );
}
