//! `slate.no_woman`: women on the villagers' committee (村民委员会组织法第六条).

use super::super::context::Context;
use super::super::figures::Figures;
use super::params;
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// Reports a villagers' committee with fewer women than required.
pub(in super::super) fn check(ctx: &Context<'_>, f: &Figures, sink: &mut Sink<'_>) {
    if u32::try_from(f.village_women).unwrap_or(u32::MAX) < ctx.options.min_women {
        sink.add(
            "",
            "slate.no_woman",
            Severity::Error,
            params(&[
                ("count", json!(f.village_women)),
                ("min", json!(ctx.options.min_women)),
            ]),
        );
    }
}
