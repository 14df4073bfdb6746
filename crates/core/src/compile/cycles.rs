//! Cycles between conditions: a field shown only when another is shown only
//! when the first is shown can never be decided.

use super::exprs::paths::{resolve, ScopeRef};
use super::Ctx;
use crate::logic::refs::var_refs;
use crate::params;
use crate::pointer::Pointer;
use crate::spec::{Node, Spec};
use std::collections::HashMap;

struct Entry<'s> {
    spec_path: Pointer,
    deps: Vec<&'s Node>,
}

/// Reports every cycle among `visible_if`, `enabled_if` and `required_if`.
pub(super) fn check(ctx: &mut Ctx<'_>, spec: &Spec) {
    let mut graph: HashMap<*const Node, Entry<'_>> = HashMap::new();
    let root = Pointer::root().key("sections");
    for (i, s) in spec.sections.iter().enumerate() {
        collect(spec, s, ScopeRef::ROOT, root.index(i), &mut graph);
    }
    let mut state: HashMap<*const Node, u8> = HashMap::new();
    let mut reported: Vec<*const Node> = Vec::new();
    let keys: Vec<*const Node> = graph.keys().copied().collect();
    for start in keys {
        // Iterative DFS; state 1 = on the stack, 2 = done.
        let mut stack: Vec<(*const Node, usize)> = vec![(start, 0)];
        if state.get(&start).copied().unwrap_or(0) != 0 {
            continue;
        }
        state.insert(start, 1);
        while let Some((node, next)) = stack.pop() {
            let deps = graph.get(&node).map(|e| e.deps.as_slice()).unwrap_or(&[]);
            if let Some(dep) = deps.get(next) {
                stack.push((node, next + 1));
                let d: *const Node = *dep;
                match state.get(&d).copied().unwrap_or(0) {
                    0 => {
                        state.insert(d, 1);
                        stack.push((d, 0));
                    }
                    1 if !reported.contains(&d) => {
                        reported.push(d);
                        if let Some(e) = graph.get(&d) {
                            let path = e.spec_path.as_str().to_owned();
                            ctx.error(
                                    &path,
                                    "spec.cycle",
                                    "条件之间循环依赖：此项的显示、启用或必填条件最终又依赖它自己",
                                    "Conditions form a cycle: this node's visible/enabled/required condition ends up depending on itself.",
                                    params! {},
                                );
                        }
                    }
                    _ => {}
                }
            } else {
                state.insert(node, 2);
            }
        }
    }
}

fn collect<'s>(
    spec: &'s Spec,
    node: &'s Node,
    scope: ScopeRef<'s>,
    at: Pointer,
    graph: &mut HashMap<*const Node, Entry<'s>>,
) {
    let mut deps = Vec::new();
    for cond in [&node.visible_if, &node.enabled_if, &node.required_if]
        .into_iter()
        .flatten()
    {
        for r in var_refs(cond) {
            if let Some(res) = resolve(spec, scope, &r.path) {
                if let Some(n) = res.node {
                    deps.push(n);
                }
            }
        }
    }
    graph.insert(
        node as *const Node,
        Entry {
            spec_path: at.clone(),
            deps,
        },
    );
    let inner = if node.repeat.is_some() {
        ScopeRef {
            item_of: Some(node),
            outcome: false,
        }
    } else {
        scope
    };
    for (i, child) in node.items.iter().enumerate() {
        collect(spec, child, inner, at.key("items").index(i), graph);
    }
}
