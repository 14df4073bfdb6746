//! Reading a value at a JSON Pointer without allocating.
//!
//! `serde_json::Value::pointer` builds a `String` for every reference token
//! (to undo `~1` and `~0`); the domain checks look up fixed pointers like
//! `/candidate/positions` hundreds of times per record, so this walks the
//! tokens in place and falls back to `pointer` only for escaped ones.

use serde_json::Value;

/// Lookup by JSON Pointer (RFC 6901), as `Value::pointer` does it.
pub(crate) trait At {
    /// The value at `pointer` (`""` is the value itself), if there is one.
    fn at(&self, pointer: &str) -> Option<&Value>;
}

impl At for Value {
    fn at(&self, pointer: &str) -> Option<&Value> {
        if pointer.is_empty() {
            return Some(self);
        }
        if !pointer.starts_with('/') {
            return None;
        }
        if pointer.contains('~') {
            return self.pointer(pointer);
        }
        pointer
            .split('/')
            .skip(1)
            .try_fold(self, |target, token| match target {
                Value::Object(map) => map.get(token),
                Value::Array(list) => index(token).and_then(|i| list.get(i)),
                _ => None,
            })
    }
}

/// An array index token: digits, no leading zero (RFC 6901).
fn index(token: &str) -> Option<usize> {
    if token.is_empty() || (token.len() > 1 && token.starts_with('0')) {
        return None;
    }
    if !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::At;
    use serde_json::json;

    #[test]
    fn agrees_with_serde_json_pointer() {
        let v = json!({"a": {"b": [10, {"c": 1}], "x/y": 2, "m~n": 3, "": 4}, "01": 5});
        for p in [
            "",
            "/",
            "/a",
            "/a/b",
            "/a/b/0",
            "/a/b/1/c",
            "/a/b/2",
            "/a/b/01",
            "/a/b/-",
            "/a/x~1y",
            "/a/m~0n",
            "/a/",
            "/01",
            "a",
            "/a/b/1/c/d",
            "/a/b/+1",
        ] {
            assert_eq!(v.at(p), v.pointer(p), "{p}");
        }
    }
}
