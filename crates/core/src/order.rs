//! Stable sorting through one shared routine.
//!
//! `slice::sort_by` is generic: each element type sorted carries its own copy
//! of the standard library's sort (~3 KB of wasm each). [`sort_by`] sorts a
//! list of positions instead, with one non-generic routine, then moves the
//! elements into that order. The result is what `sort_by` gives (the sort is
//! stable); the cost is one extra buffer, fine for the short lists sorted here
//! (diagnostics, grade bands, ids, ranked members).

use std::cmp::Ordering;

/// Sorts `items` stably by `cmp`, as `items.sort_by(cmp)` would.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let list: &[T] = items;
        positions(list.len(), &|a, b| match (list.get(a), list.get(b)) {
            (Some(x), Some(y)) => cmp(x, y),
            _ => Ordering::Equal,
        })
    };
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `items` stably by the key `key` gives, as `items.sort_by_key(key)` would.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// For each key, whether an equal key stands before it (a `None` key takes no
/// part): what inserting the keys one by one into a set would refuse, found
/// through the one sort instead of a hash set of each key type.
pub fn repeats(keys: &[Option<&str>]) -> Vec<bool> {
    let order = positions(keys.len(), &|a, b| keys.get(a).cmp(&keys.get(b)));
    let mut out = vec![false; keys.len()];
    let mut before: Option<&str> = None;
    for i in order {
        let key = keys.get(i).copied().flatten();
        if key.is_some() && key == before {
            if let Some(o) = out.get_mut(i) {
                *o = true;
            }
        }
        before = key;
    }
    out
}

/// The positions `0..len` stably sorted by `cmp`: the one instantiated sort.
fn positions(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_as_a_set_refuses_them() {
        let mut state = 11u64;
        for len in 0..80 {
            let words = ["a", "b", "ab", "", "b2", "中"];
            let keys: Vec<Option<&str>> = (0..len)
                .map(|_| {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
                    let pick = (state >> 59) as usize % (words.len() + 1);
                    words.get(pick).copied()
                })
                .collect();
            let mut seen = std::collections::HashSet::new();
            let theirs: Vec<bool> = keys
                .iter()
                .map(|k| k.is_some_and(|k| !seen.insert(k)))
                .collect();
            assert_eq!(repeats(&keys), theirs, "{keys:?}");
        }
    }

    #[test]
    fn sorts_as_the_standard_stable_sort() {
        let mut state = 7u64;
        for len in 0..60 {
            let list: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
                    ((state >> 60) as u8, i)
                })
                .collect();
            let mut mine = list.clone();
            sort_by_key(&mut mine, |e| e.0);
            let mut theirs = list.clone();
            theirs.sort_by_key(|e| e.0);
            assert_eq!(mine, theirs);
            let mut mine = list.clone();
            sort_by(&mut mine, |a, b| b.0.cmp(&a.0));
            let mut theirs = list;
            theirs.sort_by_key(|e| std::cmp::Reverse(e.0));
            assert_eq!(mine, theirs);
        }
    }
}
