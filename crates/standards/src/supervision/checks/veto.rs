//! `supervision.attention.vetoed`: the latest checklist hit an automatic fail
//! (一票否决; setting `vetoed`).

use super::super::branch::BranchReport;
use super::super::options::Thresholds;
use super::params;
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// Adds the reason when the latest checklist has a veto.
pub(super) fn check(branch: &BranchReport, t: &Thresholds, sink: &mut Sink<'_>) {
    let Some(c) = branch
        .checklist
        .as_ref()
        .filter(|c| t.vetoed && !c.vetoes.is_empty())
    else {
        return;
    };
    let comma = super::super::messages::text("supervision.list.comma", sink.locale(), &json!({}));
    let titles: Vec<&str> = c.vetoes.iter().map(|v| v.title.as_str()).collect();
    let ids: Vec<&str> = c.vetoes.iter().map(|v| v.id.as_str()).collect();
    sink.add(
        "/checklist/vetoes",
        "supervision.attention.vetoed",
        Severity::Warning,
        params(json!({
            "setting": "vetoed",
            "vetoes": titles.join(&comma),
            "ids": ids,
            "date": c.assessed_on.clone().unwrap_or_default(),
            "record": c.record,
        })),
    );
}
