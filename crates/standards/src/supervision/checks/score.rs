//! `supervision.attention.score_below`: the latest checklist scored below the
//! cut-off (`score_below`).

use super::super::branch::BranchReport;
use super::super::options::Thresholds;
use super::params;
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// Adds the reason when the latest checklist's score is below the cut-off.
pub(super) fn check(branch: &BranchReport, t: &Thresholds, sink: &mut Sink<'_>) {
    let Some(c) = &branch.checklist else {
        return;
    };
    if c.score.get() >= t.score_below.get() {
        return;
    }
    sink.add(
        "/checklist/score",
        "supervision.attention.score_below",
        Severity::Warning,
        params(json!({
            "setting": "score_below",
            "score": c.score,
            "cut_off": t.score_below,
            "date": c.assessed_on.clone().unwrap_or_default(),
            "record": c.record,
        })),
    );
}
