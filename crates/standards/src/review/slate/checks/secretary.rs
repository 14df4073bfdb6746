//! `slate.secretary_age` and `slate.one_shoulder`: the candidate secretary's age
//! on election day, and whether the secretary also stands for director (一肩挑).

use super::super::context::Context;
use super::super::figures::Figures;
use super::params;
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// Reports a secretary older than the cap.
pub(in super::super) fn age(ctx: &Context<'_>, f: &Figures, sink: &mut Sink<'_>) {
    let max = ctx.options.secretary_max_age;
    if let (Some(s), Some(age)) = (ctx.secretary(), f.secretary_age) {
        if age > max {
            sink.add(
                &format!("/{}", s.index),
                "slate.secretary_age",
                Severity::Warning,
                params(&[
                    ("name", json!(s.name)),
                    ("age", json!(age)),
                    ("max", json!(max)),
                ]),
            );
        }
    }
}

/// Reports a secretary who does not also stand for director, when expected.
pub(in super::super) fn one_shoulder(ctx: &Context<'_>, f: &Figures, sink: &mut Sink<'_>) {
    let expected = ctx.options.expect_one_shoulder;
    if let (Some(s), Some(false), true) = (ctx.secretary(), f.one_shoulder, expected) {
        sink.add(
            &format!("/{}", s.index),
            "slate.one_shoulder",
            Severity::Warning,
            params(&[("name", json!(s.name))]),
        );
    }
}
