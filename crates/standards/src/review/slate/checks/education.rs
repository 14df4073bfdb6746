//! `slate.senior_high_share` and `slate.no_college`: the members' education
//! (local structure targets).

use super::super::context::Context;
use super::super::figures::{n, Figures};
use super::params;
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// Reports a share of senior-high education below the lowest expected.
pub(in super::super) fn senior_high(ctx: &Context<'_>, f: &Figures, sink: &mut Sink<'_>) {
    let min = ctx.options.senior_high_min_percent;
    if f.members > 0 && f.senior_high_percent < min {
        sink.add(
            "",
            "slate.senior_high_share",
            Severity::Warning,
            params(&[
                ("percent", n(f.senior_high_percent)),
                ("min", n(min)),
                ("count", json!(f.senior_high)),
                ("members", json!(f.members)),
            ]),
        );
    }
}

/// Reports fewer members with a college diploma than expected.
pub(in super::super) fn college(ctx: &Context<'_>, f: &Figures, sink: &mut Sink<'_>) {
    let min = ctx.options.min_college;
    if f.members > 0 && u32::try_from(f.college).unwrap_or(u32::MAX) < min {
        sink.add(
            "",
            "slate.no_college",
            Severity::Warning,
            params(&[("count", json!(f.college)), ("min", json!(min))]),
        );
    }
}
