//! `supervision.attention.invalid_records`: records with errors, not counted
//! (setting `invalid_records`).

use super::super::branch::BranchReport;
use super::super::options::Thresholds;
use super::params;
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// Adds the reason when enough of the branch's records have errors.
pub(super) fn check(branch: &BranchReport, t: &Thresholds, sink: &mut Sink<'_>) {
    let n = branch.records.invalid;
    if t.invalid_records == 0 || n < t.invalid_records as usize {
        return;
    }
    sink.add(
        "/invalid",
        "supervision.attention.invalid_records",
        Severity::Warning,
        params(json!({
            "setting": "invalid_records",
            "count": n,
            "threshold": t.invalid_records,
        })),
    );
}
