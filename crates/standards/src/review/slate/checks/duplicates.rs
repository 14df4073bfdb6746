//! `slate.duplicate_candidate`: the same person (by citizen ID number) twice.

use super::super::context::Context;
use super::params;
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// Reports each candidate whose ID number an earlier candidate has.
pub(in super::super) fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    for (a_pos, a) in ctx.people.iter().enumerate() {
        if let Some(other) = ctx
            .people
            .iter()
            .take(a_pos)
            .find(|b| b.id.is_some() && b.id == a.id)
        {
            sink.add(
                &format!("/{}/candidate/citizen_id", a.index),
                "slate.duplicate_candidate",
                Severity::Error,
                params(&[("name", json!(a.name)), ("other", json!(other.index + 1))]),
            );
        }
    }
}
