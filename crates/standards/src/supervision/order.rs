//! The orders of a report's lists, all through one sort: a list is ordered by
//! a key of one shape, `(number, text, number, number)`, so the report's many
//! orders cost the code of a single sort (every sort of a distinct type or
//! closure is compiled anew, and the WebAssembly build is downloaded by every
//! clerk's browser).

/// A sort key: compared field by field.
pub(super) type Key = (i64, String, i64, i64);

/// `items` ordered by `key`; items with equal keys keep their order.
pub(super) fn by_key<T>(items: Vec<T>, key: impl Fn(&T) -> Key) -> Vec<T> {
    let mut keyed: Vec<(Key, usize)> = items.iter().map(&key).zip(0..).collect();
    keyed.sort_unstable();
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    keyed
        .into_iter()
        .filter_map(|(_, i)| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// Two lists, each ordered by `index`, as one ordered list.
pub(super) fn merged<T>(a: Vec<T>, b: Vec<T>, index: impl Fn(&T) -> usize) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => index(x) <= index(y),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return out,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
}

/// A number as a key: hundredths, rounded (report numbers have two decimals).
#[allow(clippy::cast_possible_truncation)]
pub(super) fn hundredths(value: f64) -> i64 {
    (value * 100.0).round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_and_stable() {
        let v = vec![(2, "b"), (1, "z"), (2, "a"), (1, "a")];
        let o = by_key(v, |(n, _)| (*n, String::new(), 0, 0));
        assert_eq!(o, [(1, "z"), (1, "a"), (2, "b"), (2, "a")]);
        assert_eq!(
            merged(vec![1, 4, 6], vec![2, 3, 7, 8], |x| *x),
            [1, 2, 3, 4, 6, 7, 8]
        );
        assert_eq!(hundredths(93.455), 9346);
    }
}
