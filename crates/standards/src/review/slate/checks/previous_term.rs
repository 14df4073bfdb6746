//! `slate.age_not_down` and `slate.education_not_up`: “一降一升” against the
//! previous term's figures, when the county gives them.

use super::super::context::Context;
use super::super::figures::{n, Figures};
use super::super::messages::label;
use super::params;
use dangjian_core::number::Num;
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// Whether the average age went down and education up; none without a previous figure.
pub(in super::super) struct Trend {
    /// Average age below the previous term's.
    pub(in super::super) age_down: Option<bool>,
    /// Education shares above the previous term's.
    pub(in super::super) education_up: Option<bool>,
}

/// Compares the figures with the previous term's; reports each that did not improve.
pub(in super::super) fn check(ctx: &Context<'_>, f: &Figures, sink: &mut Sink<'_>) -> Trend {
    let prev = ctx.options.previous_term.unwrap_or_default();
    let age_down = match (f.average_age, prev.average_age) {
        (Some(now), Some(before)) => Some(Num::round2(now).get() < before),
        _ => None,
    };
    if let (Some(false), Some(now), Some(before)) = (age_down, f.average_age, prev.average_age) {
        sink.add(
            "",
            "slate.age_not_down",
            Severity::Warning,
            params(&[("average", n(now)), ("previous", n(before))]),
        );
    }
    let mut education_up = None;
    for (key, now, before) in [
        (
            "senior_high",
            f.senior_high_percent,
            prev.senior_high_percent,
        ),
        ("college", f.college_percent, prev.college_percent),
    ] {
        let Some(before) = before else { continue };
        let now = Num::round2(now).get();
        let up = now > before || (before >= 100.0 && now >= 100.0);
        education_up = Some(education_up.unwrap_or(true) && up);
        if !up && f.members > 0 {
            sink.add(
                "",
                "slate.education_not_up",
                Severity::Warning,
                params(&[
                    ("measure", json!(label(ctx.locale, key))),
                    ("measure_id", json!(key)),
                    ("percent", n(now)),
                    ("previous", n(before)),
                ]),
            );
        }
    }
    Trend {
        age_down,
        education_up,
    }
}
