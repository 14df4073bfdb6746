//! `supervision.attention.overdue`: rectification items overdue, deadline
//! passed and not closed (setting `overdue_rectifications`).

use super::super::branch::BranchReport;
use super::super::options::Thresholds;
use super::params;
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// Adds the reason when enough items are overdue.
pub(super) fn check(branch: &BranchReport, t: &Thresholds, sink: &mut Sink<'_>) {
    let r = &branch.rectification;
    if t.overdue_rectifications == 0 || r.overdue < t.overdue_rectifications as usize {
        return;
    }
    let days = r
        .lists
        .iter()
        .flat_map(|l| &l.items)
        .filter(|i| i.status == super::super::figures::rectification::ItemStatus::Overdue)
        .filter_map(|i| i.days_late)
        .max()
        .unwrap_or(0);
    sink.add(
        "/rectification/overdue",
        "supervision.attention.overdue",
        Severity::Warning,
        params(json!({
            "setting": "overdue_rectifications",
            "count": r.overdue,
            "threshold": t.overdue_rectifications,
            "days": days,
        })),
    );
}
