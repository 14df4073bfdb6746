//! `supervision.attention.secretary_grade`: the secretary's latest annual
//! review (述职评议) was graded at or below a grade (setting
//! `secretary_grade_at_most`).

use super::super::branch::BranchReport;
use super::super::options::Thresholds;
use super::params;
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// Adds the reason when the review's grade is at or below the setting's.
pub(super) fn check(branch: &BranchReport, t: &Thresholds, sink: &mut Sink<'_>) {
    let (Some(at_most), Some(review)) = (t.secretary_grade_at_most, &branch.secretary_review)
    else {
        return;
    };
    let Some(grade) = review.grade.filter(|g| *g <= at_most) else {
        return;
    };
    sink.add(
        "/secretary_review/grade",
        "supervision.attention.secretary_grade",
        Severity::Warning,
        params(json!({
            "setting": "secretary_grade_at_most",
            "grade": grade.title(sink.locale()),
            "grade_id": grade.id(),
            "at_most": at_most.id(),
            "date": review.held_on.clone().unwrap_or_default(),
            "record": review.record,
        })),
    );
}
