//! `slate.no_young_member` and `slate.average_age`: young members, and the
//! members' average age (local structure targets).

use super::super::context::Context;
use super::super::figures::{n, Figures};
use super::params;
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// Reports fewer young members than expected.
pub(in super::super) fn young(ctx: &Context<'_>, f: &Figures, sink: &mut Sink<'_>) {
    let o = ctx.options;
    if f.members > 0 && ctx.on.is_some() && u32::try_from(f.young).unwrap_or(u32::MAX) < o.min_young
    {
        sink.add(
            "",
            "slate.no_young_member",
            Severity::Warning,
            params(&[
                ("count", json!(f.young)),
                ("min", json!(o.min_young)),
                ("max_age", json!(o.young_max_age)),
            ]),
        );
    }
}

/// Reports an average age above the highest expected.
pub(in super::super) fn average_age(ctx: &Context<'_>, f: &Figures, sink: &mut Sink<'_>) {
    let max = ctx.options.max_average_age;
    if let Some(avg) = f.average_age.filter(|a| *a > max) {
        sink.add(
            "",
            "slate.average_age",
            Severity::Warning,
            params(&[("average", n(avg)), ("max", n(max))]),
        );
    }
}
