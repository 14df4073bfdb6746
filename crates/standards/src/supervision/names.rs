//! Records that give only a branch's name, when other records of the same
//! name also give the county's code: the same branch. Before the branches are
//! drawn up, each name-only branch whose name is that of exactly one coded
//! branch is taken into it.

use super::branch::{BranchState, Run};
use std::collections::BTreeMap;

/// Marks a name that more than one coded branch has.
pub(super) const AMBIGUOUS: usize = usize::MAX;

/// Moves each name-only branch into the one coded branch of that name:
/// `index` gives each branch's position in `branches` by key; a branch taken
/// into another leaves its key and its place (`None`).
pub(super) fn merge(
    index: &mut BTreeMap<String, usize>,
    branches: &mut [Option<BranchState>],
    run: &Run,
) {
    let coded = coded(branches);
    merge_into(index, branches, run, &coded);
}

/// The one coded branch of each name, by its position in `branches`
/// ([`AMBIGUOUS`] when more than one coded branch has the name).
fn coded(branches: &[Option<BranchState>]) -> BTreeMap<String, usize> {
    let mut coded: BTreeMap<String, usize> = BTreeMap::new();
    for (slot, state) in branches.iter().enumerate() {
        let Some(b) = state.as_ref().map(BranchState::branch) else {
            continue;
        };
        if b.code.is_some() && !b.name.is_empty() {
            let entry = coded.entry(b.name.clone()).or_insert(slot);
            if *entry != slot {
                *entry = AMBIGUOUS;
            }
        }
    }
    coded
}

/// Moves each name-only branch into the coded branch `coded` gives for its
/// name (a position in `branches`, or [`AMBIGUOUS`]).
pub(super) fn merge_into(
    index: &mut BTreeMap<String, usize>,
    branches: &mut [Option<BranchState>],
    run: &Run,
    coded: &BTreeMap<String, usize>,
) {
    let moves: Vec<(String, usize, usize)> = index
        .iter()
        .filter_map(|(key, slot)| {
            let b = branches.get(*slot)?.as_ref()?.branch();
            let into = *coded.get(&b.name).filter(|_| b.code.is_none())?;
            (into != AMBIGUOUS).then(|| (key.clone(), *slot, into))
        })
        .collect();
    for (key, from, into) in moves {
        let Some(state) = branches.get_mut(from).and_then(Option::take) else {
            continue;
        };
        if let Some(Some(target)) = branches.get_mut(into) {
            target.absorb(state, run);
            index.remove(&key);
        }
    }
}
