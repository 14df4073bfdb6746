//! Cycles between conditions: a field shown only when another is shown only
//! when the first is shown can never be decided.

use super::exprs::paths::{resolve, ScopeRef};
use super::Ctx;
use crate::logic::refs::var_refs;
use crate::params;
use crate::pointer::Pointer;
use crate::spec::{Node, Spec};

/// A condition's node: where it is in the spec and the nodes its conditions read.
struct Entry<'s> {
    node: *const Node,
    spec_path: Pointer,
    deps: Vec<&'s Node>,
}

/// The nodes in spec order, and each node's position among them.
///
/// (Plain lists: the walk visits the nodes in spec order, so the cycles found
/// are reported in the same order on every run; a node's position is found
/// by its address in the positions sorted by address, through the one sort.)
#[derive(Default)]
struct Graph<'s> {
    entries: Vec<Entry<'s>>,
    by_address: Vec<usize>,
}

impl Graph<'_> {
    fn address(&self, at: usize) -> usize {
        self.entries.get(at).map_or(0, |e| e.node as usize)
    }

    /// Sorts the positions by address, once every node is in.
    fn index(&mut self) {
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        crate::order::sort_by_key(&mut order, |&i| self.address(i));
        self.by_address = order;
    }

    /// The position of `node`, if it is in the graph.
    fn position(&self, node: &Node) -> Option<usize> {
        let key = node as *const Node as usize;
        let found = self
            .by_address
            .binary_search_by(|&i| self.address(i).cmp(&key))
            .ok()?;
        self.by_address.get(found).copied()
    }
}

/// Reports every cycle among `visible_if`, `enabled_if` and `required_if`.
pub(super) fn check(ctx: &mut Ctx<'_>, spec: &Spec) {
    let mut graph = Graph::default();
    let root = Pointer::root().key("sections");
    for (i, s) in spec.sections.iter().enumerate() {
        collect(spec, s, ScopeRef::ROOT, root.index(i), &mut graph);
    }
    graph.index();
    // 0 = not seen, 1 = on the stack, 2 = done.
    let mut state: Vec<u8> = vec![0; graph.entries.len()];
    let mut reported: Vec<usize> = Vec::new();
    for start in 0..graph.entries.len() {
        // Iterative DFS.
        if state.get(start).copied().unwrap_or(0) != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        set(&mut state, start, 1);
        while let Some((node, next)) = stack.pop() {
            let dep = graph.entries.get(node).and_then(|e| e.deps.get(next));
            if let Some(dep) = dep {
                stack.push((node, next + 1));
                // A node outside the graph has no conditions: no cycle runs through it.
                let Some(d) = graph.position(dep) else {
                    continue;
                };
                match state.get(d).copied().unwrap_or(0) {
                    0 => {
                        set(&mut state, d, 1);
                        stack.push((d, 0));
                    }
                    1 if !reported.contains(&d) => {
                        reported.push(d);
                        if let Some(e) = graph.entries.get(d) {
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
                set(&mut state, node, 2);
            }
        }
    }
}

/// `state[at] = value`, for a position the graph gave.
fn set(state: &mut [u8], at: usize, value: u8) {
    if let Some(s) = state.get_mut(at) {
        *s = value;
    }
}

fn collect<'s>(
    spec: &'s Spec,
    node: &'s Node,
    scope: ScopeRef<'s>,
    at: Pointer,
    graph: &mut Graph<'s>,
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
    // (Each node is reached once: the spec is a tree.) A node whose
    // conditions read no other node is left out: no cycle runs through it,
    // as through any node outside the graph.
    if !deps.is_empty() {
        graph.entries.push(Entry {
            node,
            spec_path: at.clone(),
            deps,
        });
    }
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
