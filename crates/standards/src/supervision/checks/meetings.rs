//! `supervision.attention.missing_weekly`, `…_monthly`, `…_quarterly` and
//! `…_yearly`: enough meetings of one frequency missing (settings
//! `missing_weekly`, `missing_monthly`, `missing_quarterly`, `missing_yearly`,
//! the last one for half-yearly and yearly meetings together).

use super::super::branch::BranchReport;
use super::super::messages::text;
use super::super::options::Thresholds;
use super::super::periods::span;
use super::params;
use crate::meetings::{Period, PeriodStatus};
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// The classes of frequency, each with its setting.
const CLASSES: [(&str, &[Period]); 4] = [
    ("weekly", &[Period::Week]),
    ("monthly", &[Period::Month]),
    ("quarterly", &[Period::Quarter]),
    ("yearly", &[Period::HalfYear, Period::Year]),
];

/// Adds one reason per class with enough missing meetings.
pub(super) fn check(branch: &BranchReport, t: &Thresholds, sink: &mut Sink<'_>) {
    let locale = sink.locale();
    let sep = text("supervision.list.separator", locale, &json!({}));
    let comma = text("supervision.list.comma", locale, &json!({}));
    for (class, periods) in CLASSES {
        let threshold = match class {
            "weekly" => t.missing_weekly,
            "monthly" => t.missing_monthly,
            "quarterly" => t.missing_quarterly,
            _ => t.missing_yearly,
        };
        if threshold == 0 {
            continue;
        }
        let mut count = 0usize;
        let mut parts = Vec::new();
        let mut keys = Vec::new();
        for r in branch
            .meetings
            .requirements
            .iter()
            .filter(|r| periods.contains(&r.period))
        {
            let missing: Vec<String> = r
                .periods
                .iter()
                .filter(|p| p.status == PeriodStatus::Missing)
                .map(|p| span(r.period, &p.key).map_or_else(|| p.key.clone(), |s| s.label(locale)))
                .collect();
            if missing.is_empty() {
                continue;
            }
            count += missing.len();
            keys.extend(
                r.periods
                    .iter()
                    .filter(|p| p.status == PeriodStatus::Missing)
                    .map(|p| format!("{}:{}", r.id, p.key)),
            );
            parts.push(text(
                "supervision.list.item",
                locale,
                &json!({"title": r.title, "periods": missing.join(&comma)}),
            ));
        }
        if count < threshold as usize {
            continue;
        }
        let per = text(&format!("supervision.per.{class}"), locale, &json!({}));
        sink.add_worded(
            "/meetings/requirements",
            &format!("supervision.attention.missing_{class}"),
            "supervision.attention.missing_meetings",
            Severity::Warning,
            params(json!({
                "setting": format!("missing_{class}"),
                "count": count,
                "threshold": threshold,
                "per": per,
                "list": parts.join(&sep),
                "missing": keys,
            })),
        );
    }
}
