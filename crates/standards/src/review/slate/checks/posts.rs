//! `slate.post_missing` and `slate.duplicate_post`: the secretary and the
//! director (and, when required, their deputies) are proposed, each once.

use super::super::context::Context;
use super::super::figures::Figures;
use super::super::messages::label;
use super::params;
use dangjian_core::{Severity, Sink};
use serde_json::json;

/// The posts checked, in the order they are reported.
const POSTS: [&str; 4] = [
    "branch_secretary",
    "branch_deputy_secretary",
    "committee_director",
    "committee_deputy_director",
];

/// Reports each post nobody stands for, and each single post several stand for.
pub(in super::super) fn check(ctx: &Context<'_>, f: &Figures, sink: &mut Sink<'_>) {
    let mut to_fill = vec!["branch_secretary", "committee_director"];
    if ctx.options.require_deputies {
        to_fill.extend(["branch_deputy_secretary", "committee_deputy_director"]);
    }
    for post in POSTS {
        let holders = ctx
            .people
            .iter()
            .filter(|p| p.posts.contains(&post))
            .count();
        if holders == 0 && to_fill.contains(&post) && f.members > 0 {
            sink.add(
                "",
                "slate.post_missing",
                Severity::Warning,
                params(&[
                    ("post", json!(label(ctx.locale, post))),
                    ("post_id", json!(post)),
                ]),
            );
        }
        let single = matches!(post, "branch_secretary" | "committee_director");
        if single && holders > 1 {
            sink.add(
                "",
                "slate.duplicate_post",
                Severity::Error,
                params(&[
                    ("post", json!(label(ctx.locale, post))),
                    ("post_id", json!(post)),
                    ("count", json!(holders)),
                ]),
            );
        }
    }
}
