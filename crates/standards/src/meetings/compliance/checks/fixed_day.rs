//! `compliance.not_fixed_day`: a meeting of a requirement with a fixed day
//! (主题党日: the same day every month) held on another day.

use super::super::context::iso;
use super::super::options::Requirement;
use super::frequency::Counted;
use crate::meetings::fixed_day::FixedDay;
use crate::wording::params;
use dangjian_core::dates::Date;
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// Warns about each counted meeting off the requirement's fixed day.
pub(in super::super) fn check(
    req: &Requirement,
    fixed: &FixedDay,
    counted: &[Counted],
    sink: &mut Sink<'_>,
) {
    let dates: Vec<Date> = counted.iter().map(|c| c.date).collect();
    let Some(rule) = fixed.rule(&dates) else {
        return;
    };
    let locale = sink.locale();
    let expected = rule.describe(locale);
    for c in counted.iter().filter(|c| !rule.holds(c.date)) {
        sink.add(
            &format!("/minutes/{}/meeting/date", c.record),
            "compliance.not_fixed_day",
            Severity::Warning,
            params(json!({
                "requirement": req.id,
                "title": req.title.get(locale),
                "expected": expected,
                "n": c.record + 1,
                "index": c.record,
                "date": iso(c.date),
            })),
        );
    }
}
