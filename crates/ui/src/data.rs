//! Editing a record in place by JSON Pointer: the only thing the UI does to data.
//! No checks happen here; the engine judges whatever the record holds.

use serde_json::{Map, Value};

/// The unescaped segments of a JSON Pointer (`/a~1b/0` → `["a/b", "0"]`).
pub fn segments(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer
        .trim_start_matches('/')
        .split('/')
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// `pointer` extended by an object key (the pointer's own string, taken
/// out of it rather than formatted into a copy: every render makes these).
pub fn child(pointer: &str, key: &str) -> String {
    String::from(
        dangjian_core::pointer::Pointer::root()
            .join(pointer)
            .key(key),
    )
}

/// `pointer` extended by an array index.
pub fn index(pointer: &str, i: usize) -> String {
    format!("{pointer}/{i}")
}

/// The value at `pointer`, if any: what `Value::pointer` finds, walked
/// without a `String` per segment (only a segment holding `~` is unescaped
/// into one) — the record is read this way for every slice and scored item
/// of each render.
pub fn get<'a>(data: &'a Value, pointer: &str) -> Option<&'a Value> {
    if pointer.is_empty() {
        return Some(data);
    }
    pointer
        .strip_prefix('/')?
        .split('/')
        .try_fold(data, |here, seg| {
            let seg: std::borrow::Cow<str> = if seg.contains('~') {
                seg.replace("~1", "/").replace("~0", "~").into()
            } else {
                seg.into()
            };
            match here {
                Value::Object(map) => map.get(seg.as_ref()),
                // As `Value::pointer` reads an index: digits, no sign, no leading zero.
                Value::Array(items) if seg == "0" || !seg.starts_with(['0', '+']) => {
                    seg.parse::<usize>().ok().and_then(|i| items.get(i))
                }
                _ => None,
            }
        })
}

/// Writes `value` at `pointer`, creating the objects on the way. Returns false
/// when the way is blocked (a scalar, or an array index past the end).
pub fn set(data: &mut Value, pointer: &str, value: Value) -> bool {
    let segs = segments(pointer);
    let Some((last, parents)) = segs.split_last() else {
        *data = value;
        return true;
    };
    let mut here = data;
    for seg in parents {
        if here.is_null() {
            *here = Value::Object(Map::new());
        }
        here = match here {
            Value::Object(map) => map.entry(seg.clone()).or_insert(Value::Null),
            Value::Array(items) => match seg.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                Some(v) => v,
                None => return false,
            },
            _ => return false,
        };
    }
    if here.is_null() {
        *here = Value::Object(Map::new());
    }
    match here {
        Value::Object(map) => {
            map.insert(last.clone(), value);
            true
        }
        Value::Array(items) => match last.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
            Some(slot) => {
                *slot = value;
                true
            }
            None => false,
        },
        _ => false,
    }
}

/// Appends `row` to the list at `pointer` (a missing or null list is created).
pub fn push(data: &mut Value, pointer: &str, row: Value) -> bool {
    let mut list = match get(data, pointer) {
        Some(Value::Array(items)) => items.clone(),
        None | Some(Value::Null) => Vec::new(),
        Some(_) => return false,
    };
    list.push(row);
    set(data, pointer, Value::Array(list))
}

/// Removes entry `i` of the list at `pointer`.
pub fn remove(data: &mut Value, pointer: &str, i: usize) -> bool {
    match data.pointer_mut(pointer) {
        Some(Value::Array(items)) if i < items.len() => {
            items.remove(i);
            true
        }
        _ => false,
    }
}

/// Removes the object key at `pointer` (the last segment names the key).
pub fn remove_key(data: &mut Value, pointer: &str) -> bool {
    let mut segs = segments(pointer);
    let Some(key) = segs.pop() else {
        return false;
    };
    let parent = if segs.is_empty() {
        Some(data)
    } else {
        let escaped: Vec<String> = segs
            .iter()
            .map(|s| s.replace('~', "~0").replace('/', "~1"))
            .collect();
        data.pointer_mut(&format!("/{}", escaped.join("/")))
    };
    match parent {
        // The map built again without the key rather than `remove`d from: a
        // record's objects are small, and removal alone would link the tree's
        // rebalancing code (bench/README.md, "The UI's share, again").
        Some(Value::Object(map)) if map.contains_key(&key) => {
            for (k, v) in std::mem::take(map) {
                if k != key {
                    map.insert(k, v);
                }
            }
            true
        }
        _ => false,
    }
}

/// Swaps entries `i` and `j` of the list at `pointer`.
pub fn swap(data: &mut Value, pointer: &str, i: usize, j: usize) -> bool {
    match data.pointer_mut(pointer) {
        Some(Value::Array(items)) if i < items.len() && j < items.len() => {
            items.swap(i, j);
            true
        }
        _ => false,
    }
}

/// How many answers `v` holds: its values that are not blank, lists and groups counted by their parts.
pub fn filled(v: &Value) -> usize {
    match v {
        Value::Object(o) => o.values().map(filled).sum(),
        Value::Array(a) => a.iter().map(filled).sum(),
        other => usize::from(!is_blank(Some(other))),
    }
}

/// The first text `v` holds (depth first, in key order), for telling records apart.
pub fn first_text(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.as_str()),
        Value::Object(o) => o.values().find_map(first_text),
        Value::Array(a) => a.iter().find_map(first_text),
        _ => None,
    }
}

/// True for values that show as blank: null, "", [], {}.
pub fn is_blank(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Object(o)) => o.values().all(|v| is_blank(Some(v))),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn set_creates_objects_on_the_way() {
        let mut d = json!({"a": null});
        assert!(set(&mut d, "/a/b/c", json!(1)));
        assert_eq!(d, json!({"a": {"b": {"c": 1}}}));
    }

    #[test]
    fn set_into_lists_and_refuse_past_the_end() {
        let mut d = json!({"rows": [{"x": 1}]});
        assert!(set(&mut d, "/rows/0/x", json!(2)));
        assert!(!set(&mut d, "/rows/3/x", json!(2)));
        assert!(!set(&mut d, "/rows/0/x/y", json!(2)));
        assert_eq!(d, json!({"rows": [{"x": 2}]}));
    }

    #[test]
    fn get_reads_as_value_pointer_does() {
        let d = json!({"a": {"b/c": [1, {"~d": 2}], "": 3, "01": 4}, "l": [5, 6]});
        for p in [
            "",
            "/",
            "/a",
            "/a/b~1c",
            "/a/b~1c/0",
            "/a/b~1c/1/~0d",
            "/a/",
            "/a/01",
            "/l/1",
            "/l/01",
            "/l/+1",
            "/l/-1",
            "/l/2",
            "/l/00",
            "a",
            "/x/y",
            "/a/b~1c/0/z",
        ] {
            assert_eq!(get(&d, p), d.pointer(p), "{p}");
        }
    }

    #[test]
    fn escaped_keys_round_trip() {
        let p = child("", "a/b");
        assert_eq!(p, "/a~1b");
        assert_eq!(segments(&p), vec!["a/b".to_owned()]);
        let mut d = json!({});
        assert!(set(&mut d, &p, json!("v")));
        assert_eq!(get(&d, &p), Some(&json!("v")));
    }

    #[test]
    fn push_remove_swap() {
        let mut d = json!({"s": {}});
        assert!(push(&mut d, "/s/l", json!(1)));
        assert!(push(&mut d, "/s/l", json!(2)));
        assert!(swap(&mut d, "/s/l", 0, 1));
        assert_eq!(d, json!({"s": {"l": [2, 1]}}));
        assert!(remove(&mut d, "/s/l", 0));
        assert!(!remove(&mut d, "/s/l", 5));
        assert_eq!(d, json!({"s": {"l": [1]}}));
    }

    #[test]
    fn remove_keys() {
        let mut d = json!({"a": {"old": 1, "x~/y": 2}, "gone": {}});
        assert!(remove_key(&mut d, "/a/old"));
        assert!(remove_key(&mut d, &child("/a", "x~/y")));
        assert!(remove_key(&mut d, "/gone"));
        assert!(!remove_key(&mut d, "/a/missing"));
        assert!(!remove_key(&mut d, ""));
        assert_eq!(d, json!({"a": {}}));
    }

    #[test]
    fn what_a_record_holds() {
        let d = json!({"a": {"x": "", "y": 3, "z": false}, "b": [{"n": "张三"}, {"n": null}]});
        assert_eq!(filled(&d), 3);
        assert_eq!(first_text(&d), Some("张三"));
        assert_eq!(first_text(&json!({"a": 1})), None);
    }

    #[test]
    fn blank_values() {
        assert!(is_blank(Some(&json!({"status": null, "evidence": " "}))));
        assert!(!is_blank(Some(&json!(0))));
        assert!(!is_blank(Some(&json!(false))));
    }
}
