//! `slate.empty`, `slate.committee_size` and `slate.cross_appointment`: the two
//! committees exist, have a lawful size, and share members (交叉任职).

use super::super::context::Context;
use super::super::figures::{n, Figures};
use super::super::messages::label;
use super::params;
use dangjian_core::report::Params;
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// Reports a slate that proposes nobody for either committee.
pub(in super::super) fn empty(f: &Figures, sink: &mut Sink<'_>) {
    if f.members == 0 {
        sink.add("", "slate.empty", Severity::Error, Params::new());
    }
}

/// Reports a committee with too few or too many members; the village party
/// committee only when the slate proposes one (two or more party posts).
pub(in super::super) fn sizes(ctx: &Context<'_>, f: &Figures, sink: &mut Sink<'_>) {
    let o = ctx.options;
    size(
        ctx,
        "village",
        f.village,
        o.village_committee_min,
        o.village_committee_max,
        sink,
    );
    if f.branch >= 2 {
        size(
            ctx,
            "branch",
            f.branch,
            o.branch_committee_min,
            o.branch_committee_max,
            sink,
        );
    }
}

fn size(ctx: &Context<'_>, key: &str, count: usize, min: u32, max: u32, sink: &mut Sink<'_>) {
    let c = u32::try_from(count).unwrap_or(u32::MAX);
    if c < min || c > max {
        sink.add(
            "",
            "slate.committee_size",
            Severity::Error,
            params(&[
                ("committee", json!(label(ctx.locale, key))),
                ("committee_id", json!(key)),
                ("count", json!(count)),
                ("min", json!(min)),
                ("max", json!(max)),
            ]),
        );
    }
}

/// Reports a share of members on both committees below the county's minimum, if it sets one.
pub(in super::super) fn cross_appointment(ctx: &Context<'_>, f: &Figures, sink: &mut Sink<'_>) {
    if let Some(min) = ctx
        .options
        .min_cross_appointment_percent
        .filter(|m| f.members > 0 && f.cross_percent < *m)
    {
        sink.add(
            "",
            "slate.cross_appointment",
            Severity::Warning,
            params(&[("percent", n(f.cross_percent)), ("min", n(min))]),
        );
    }
}
