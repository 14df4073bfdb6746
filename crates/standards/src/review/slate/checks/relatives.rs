//! `slate.close_relatives`: no spouses, parents and children or siblings on the
//! same committee (广东省村民委员会选举办法), by ID number or else by name.

use super::super::context::{text, Context, Person};
use super::super::messages::label;
use super::params;
use crate::ident::citizen_id;
use crate::lookup::At;
use dangjian_core::{Severity, Sink};
use serde_json::{json, Value};

/// Reports each pair of close relatives on one committee, once.
pub(in super::super) fn check(ctx: &Context<'_>, sink: &mut Sink<'_>) {
    let village = ctx.village();
    let branch = ctx.branch();
    let mut committees: Vec<(&str, &Vec<&Person<'_>>)> = vec![("village", &village)];
    if ctx.options.relatives_rule_on_branch_committee {
        committees.push(("branch", &branch));
    }
    for (key, committee) in committees {
        let mut reported: Vec<(usize, usize)> = Vec::new();
        for a in committee.iter() {
            let relations = a
                .record
                .at("/candidate/relations")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            for (j, r) in relations.iter().enumerate() {
                let Some((relation, b)) = relative_on(ctx, r, a, committee) else {
                    continue;
                };
                let pair = (a.index.min(b.index), a.index.max(b.index));
                if reported.contains(&pair) {
                    continue;
                }
                reported.push(pair);
                sink.add(
                    &format!("/{}/candidate/relations/{j}", a.index),
                    "slate.close_relatives",
                    Severity::Error,
                    params(&[
                        ("name", json!(a.name)),
                        ("relative", json!(b.name)),
                        ("relative_index", json!(b.index)),
                        ("relation", json!(label(ctx.locale, relation))),
                        ("relation_id", json!(relation)),
                        ("committee", json!(label(ctx.locale, key))),
                        ("committee_id", json!(key)),
                    ]),
                );
            }
        }
    }
}

/// The close relation a declared relative `r` of `a` names, and the member of
/// `committee` it is.
fn relative_on<'c, 'a>(
    ctx: &Context<'_>,
    r: &'c Value,
    a: &Person<'_>,
    committee: &[&'c Person<'a>],
) -> Option<(&'c str, &'c Person<'a>)> {
    let relation = text(r, "/relation")?;
    if !ctx.options.close_relations.iter().any(|c| c == relation) {
        return None;
    }
    let rel_id = text(r, "/citizen_id")
        .and_then(|s| citizen_id::parse(s, None).ok())
        .map(|p| p.normalized);
    let rel_name = text(r, "/name");
    let found = committee.iter().find(|b| {
        b.index != a.index
            && match (&rel_id, &b.id) {
                (Some(x), Some(y)) => x == y,
                _ => rel_name.is_some_and(|nm| nm == b.name),
            }
    })?;
    Some((relation, found))
}
