//! A spec compiled from its text (`compile_str`, read into a tree that
//! borrows the text) and from its parsed `Value` (`compile`) gives the same
//! answer: the same form, or the same diagnostics in the same order. Every
//! spec of the repository is tried as it is and mutated many times: members
//! of every kind given wrong values, removed, added, and keys written twice.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// Every `*.json` under `dir` whose text is a JSON object with `sections`.
fn specs(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "node_modules") {
                specs(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "json") {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            if text.contains("\"sections\"") && text.trim_start().starts_with('{') {
                out.push((path, text));
            }
        }
    }
}

/// Compiles `text` both ways and compares the answers.
fn same(text: &str, what: &str) {
    let engine = dangjian_standards::engine();
    let from_text = engine.compile_str(text);
    let from_value = match dangjian_core::json_text::from_str(text) {
        Ok(v) => engine.compile(&v),
        Err(_) => {
            assert!(from_text.is_err(), "{what}: text not JSON but compiled");
            return;
        }
    };
    match (from_text, from_value) {
        (Ok(a), Ok(b)) => assert_eq!(a.spec(), b.spec(), "{what}"),
        (Err(a), Err(b)) => assert_eq!(a.diagnostics, b.diagnostics, "{what}"),
        (a, b) => panic!("{what}: from text {:?}, from value {:?}", a.err(), b.err()),
    }
}

/// A small generator (xorshift), so runs repeat.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// The JSON Pointer of every member of every object in `v`.
fn members(v: &Value, at: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let here = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                out.push(here.clone());
                members(child, &here, out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                members(child, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Values of every kind, and the shapes the spec's types are written in.
fn palette() -> Vec<Value> {
    vec![
        json!(null),
        json!(true),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(300),
        json!("text"),
        json!("integer"),
        json!([]),
        json!([1, "a"]),
        json!({}),
        json!({"zh-CN": "甲", "en": "a"}),
        json!({"setting": "x"}),
        json!({"var": "s.a"}),
    ]
}

/// `spec` changed at one member picked by `rng`.
fn mutate(spec: &Value, rng: &mut Rng) -> Value {
    let mut pointers = Vec::new();
    members(spec, "", &mut pointers);
    let mut out = spec.clone();
    if pointers.is_empty() {
        return out;
    }
    let at = &pointers[rng.below(pointers.len())];
    let (parent, key) = at.rsplit_once('/').unwrap();
    let key = key.replace("~1", "/").replace("~0", "~");
    let Some(Value::Object(map)) = out.pointer_mut(parent) else {
        return out;
    };
    match rng.below(4) {
        0 => {
            map.remove(&key);
        }
        1 => {
            map.insert("colour".to_owned(), json!("red"));
        }
        _ => {
            let values = palette();
            map.insert(key, values[rng.below(values.len())].clone());
        }
    }
    out
}

/// `text` with a key written twice in one object: before or after the
/// object's own members, so the first or the last one is the key's.
fn repeat_key(text: &str, rng: &mut Rng) -> String {
    let opens: Vec<usize> = text.match_indices('{').map(|(i, _)| i).collect();
    let keys = ["\"id\"", "\"type\"", "\"title\"", "\"points\"", "\"zz\""];
    let key = keys[rng.below(keys.len())];
    let values = ["7", "\"x\"", "null", "[]"];
    let value = values[rng.below(values.len())];
    let at = opens[rng.below(opens.len())];
    if rng.below(2) == 0 {
        format!("{}{{{key}: {value}, {}", &text[..at], &text[at + 1..])
    } else {
        // Just before the object's closing brace.
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        for (i, b) in text.bytes().enumerate().skip(at) {
            if in_string {
                match b {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        let empty = text[at + 1..i].trim().is_empty();
                        let comma = if empty { "" } else { ", " };
                        return format!("{}{comma}{key}: {value}{}", &text[..i], &text[i..]);
                    }
                }
                _ => {}
            }
        }
        text.to_owned()
    }
}

#[test]
fn a_spec_compiles_the_same_from_its_text_and_from_its_value() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut all = Vec::new();
    for dir in [
        "crates/standards/forms",
        "crates/core/tests",
        "examples",
        "tests/vectors",
    ] {
        specs(&root.join(dir), &mut all);
    }
    assert!(all.len() >= 10, "{} specs", all.len());
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut tried = 0;
    for (path, text) in &all {
        let what = path.display().to_string();
        same(text, &what);
        tried += 1;
        let Ok(spec) = serde_json::from_str::<Value>(text) else {
            continue;
        };
        let rounds = (2_000_000 / text.len().max(1)).clamp(20, 200);
        for round in 0..rounds {
            let mut changed = mutate(&spec, &mut rng);
            if round % 3 == 0 {
                changed = mutate(&changed, &mut rng);
            }
            let changed = serde_json::to_string_pretty(&changed).unwrap();
            same(&changed, &format!("{what}, round {round}: {changed}"));
            let twice = repeat_key(&changed, &mut rng);
            same(
                &twice,
                &format!("{what}, round {round}, key twice: {twice}"),
            );
            tried += 2;
        }
    }
    assert!(tried >= 15_000, "{tried} spec texts");
    eprintln!("{tried} spec texts");
}
