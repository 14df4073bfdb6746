//! The writer against serde_json: floats by their bits, strings by their
//! characters, random values, every serde data form, and the byte count.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// xorshift64*: a fixed sequence of pseudo-random numbers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn same<T: Serialize + ?Sized>(value: &T) {
    let theirs = serde_json::to_string(value).unwrap();
    let ours = to_string(value).unwrap();
    assert_eq!(ours, theirs);
    let theirs = serde_json::to_string_pretty(value).unwrap();
    let ours = to_string_pretty(value).unwrap();
    assert_eq!(ours, theirs);
}

fn same_f64(v: f64) {
    let theirs = serde_json::to_string(&v).unwrap();
    assert_eq!(to_string(&v).unwrap(), theirs, "{v:e} ({:#x})", v.to_bits());
    let mut out = String::new();
    write_f64(&mut out, v);
    assert_eq!(out, theirs);
}

#[test]
fn floats_edge_values() {
    let edges = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        0.2,
        0.3,
        100.0,
        1e21,
        1e22,
        1.5e-7,
        1e15,
        1e16,
        1e17,
        123456789012345680.0,
        1234567890123456.0,
        0.00001,
        0.0001,
        0.000123,
        0.00000123,
        82.63,
        -82.63,
        5e-324,
        -5e-324,
        2.2250738585072014e-308,
        2.225073858507201e-308,
        1.7976931348623157e308,
        -1.7976931348623157e308,
        f64::EPSILON,
        std::f64::consts::PI,
        9007199254740993.0,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    for v in edges {
        same_f64(v);
    }
    for e in -330..=310 {
        for m in [1.0, 1.5, 2.5, 9.999, 3.25, 7.0] {
            let v: f64 = format!("{m}e{e}").parse().unwrap();
            same_f64(v);
            same_f64(-v);
        }
    }
    for i in 0..2000u64 {
        same_f64(i as f64 / 100.0);
        same_f64(i as f64 * 1000.0);
    }
}

#[test]
fn floats_random_bit_patterns() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..300_000 {
        same_f64(f64::from_bits(rng.next()));
    }
    // Subnormals, and numbers near each power of two.
    for _ in 0..50_000 {
        same_f64(f64::from_bits(rng.below(1 << 52)));
        let exp = rng.below(2047) << 52;
        same_f64(f64::from_bits(exp | rng.below(16)));
        same_f64(f64::from_bits(exp | ((1 << 52) - 1 - rng.below(16))));
    }
}

#[test]
fn floats_f32() {
    let mut rng = Rng(42);
    for _ in 0..100_000 {
        #[allow(clippy::cast_possible_truncation)]
        let v = f32::from_bits(rng.next() as u32);
        same(&v);
    }
    for v in [
        0.0f32,
        -0.0,
        1.0,
        0.1,
        1e12,
        1e13,
        1e-6,
        1e-7,
        16777216.0,
        f32::MAX,
        f32::MIN_POSITIVE,
    ] {
        same(&v);
    }
}

#[test]
fn integers() {
    let mut rng = Rng(7);
    for _ in 0..10_000 {
        let u = rng.next();
        same(&u);
        same(&(u as i64));
        same(&(u as u8));
        same(&(u as i32));
        same(&(u128::from(u) << 40));
        same(&(-(i128::from(u) << 40)));
    }
    same(&[u64::MAX, 0]);
    same(&[i64::MIN, i64::MAX]);
}

#[test]
fn strings_every_escape() {
    for c in (0u32..0x300).filter_map(char::from_u32) {
        same(&c);
        same(&format!("a{c}b{c}{c}"));
    }
    same("\u{2028}\u{2029}\u{feff}中文，党支部𝄞\u{7f}");
    let mut rng = Rng(3);
    for _ in 0..20_000 {
        let len = rng.below(12);
        let s: String = (0..len)
            .filter_map(|_| {
                let pick = rng.below(4);
                let c = match pick {
                    0 => rng.below(0x40),
                    1 => 0x20 + rng.below(0x60),
                    2 => 0x4e00 + rng.below(0x5000),
                    _ => rng.below(0x11_0000),
                };
                char::from_u32(c as u32)
            })
            .collect();
        same(&s);
    }
}

fn random_value(rng: &mut Rng, depth: u32) -> Value {
    let pick = if depth > 4 {
        rng.below(6)
    } else {
        rng.below(8)
    };
    match pick {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 1),
        2 => json!(rng.next() as i64 >> rng.below(64)),
        3 => json!(f64::from_bits(rng.next())),
        4 => json!((rng.below(100_000) as f64) / 100.0),
        5 => {
            let chars = [
                "a", "\"", "\\", "\n", "\u{1}", "中", "€", "𝄞", " ", "\u{1f}",
            ];
            let s: String = (0..rng.below(6))
                .map(|_| chars[rng.below(chars.len() as u64) as usize])
                .collect();
            Value::String(s)
        }
        6 => Value::Array(
            (0..rng.below(5))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        ),
        _ => {
            let mut map = Map::new();
            for i in 0..rng.below(5) {
                map.insert(
                    format!("k{}{}", i, ["", "\"", "é", "\t"][rng.below(4) as usize]),
                    random_value(rng, depth + 1),
                );
            }
            Value::Object(map)
        }
    }
}

#[test]
fn random_values() {
    let mut rng = Rng(11);
    for _ in 0..20_000 {
        let value = random_value(&mut rng, 0);
        same(&value);
        assert_eq!(value_text(&value), value.to_string());
    }
}

#[derive(Serialize)]
struct Unit;

#[derive(Serialize)]
struct Newtype(u32);

#[derive(Serialize)]
struct Pair(i8, &'static str);

#[derive(Serialize)]
enum Every {
    Unit,
    Newtype(f64),
    Tuple(u8, Option<bool>),
    Struct { a: Vec<u8>, b: () },
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Tagged {
    One { n: u32 },
    Two(Inner),
}

#[derive(Serialize)]
#[serde(untagged)]
enum Untagged {
    N(f64),
    S(String),
}

#[derive(Serialize)]
struct Inner {
    #[serde(skip_serializing_if = "Option::is_none")]
    skip: Option<u32>,
    #[serde(rename = "the name")]
    name: String,
    #[serde(flatten)]
    rest: BTreeMap<String, Value>,
}

#[derive(Serialize)]
struct Outer {
    unit: Unit,
    newtype: Newtype,
    pair: Pair,
    every: Vec<Every>,
    tagged: Vec<Tagged>,
    untagged: Vec<Untagged>,
    inner: Inner,
    empty: Vec<u32>,
    empty_map: BTreeMap<String, u32>,
    tuple: (u8, char, &'static str),
    bytes: serde_bytes_like::Bytes,
}

mod serde_bytes_like {
    /// Bytes written through `serialize_bytes`.
    pub struct Bytes(pub Vec<u8>);
    impl serde::Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(&self.0)
        }
    }
}

#[test]
fn every_data_form() {
    let mut rest = BTreeMap::new();
    rest.insert("extra".to_owned(), json!({"x": [1, 2.5, null]}));
    let outer = Outer {
        unit: Unit,
        newtype: Newtype(7),
        pair: Pair(-3, "p"),
        every: vec![
            Every::Unit,
            Every::Newtype(2.0),
            Every::Tuple(1, None),
            Every::Struct { a: vec![], b: () },
        ],
        tagged: vec![
            Tagged::One { n: 1 },
            Tagged::Two(Inner {
                skip: Some(1),
                name: "n".into(),
                rest: BTreeMap::new(),
            }),
        ],
        untagged: vec![Untagged::N(1e300), Untagged::S("s".into())],
        inner: Inner {
            skip: None,
            name: "名".into(),
            rest,
        },
        empty: vec![],
        empty_map: BTreeMap::new(),
        tuple: (1, '\u{0}', "\u{7}"),
        bytes: serde_bytes_like::Bytes(vec![0, 255]),
    };
    same(&outer);
}

#[test]
fn map_keys() {
    let mut numbers = BTreeMap::new();
    numbers.insert(-5i64, "a");
    numbers.insert(17, "b");
    same(&numbers);
    let mut flags = BTreeMap::new();
    flags.insert(true, 1);
    flags.insert(false, 2);
    same(&flags);
    let mut chars = BTreeMap::new();
    chars.insert('"', 1);
    same(&chars);
    let mut keys = BTreeMap::new();
    keys.insert(Some("k".to_owned()), 1);
    same(&keys);
    let mut bad = BTreeMap::new();
    bad.insert(vec![1u8], 1);
    assert!(serde_json::to_string(&bad).is_err());
    assert_eq!(
        to_string(&bad).unwrap_err().to_string(),
        "key must be a string"
    );
}

/// serde_json's writer behind a byte counter that stops past `stop`, as
/// `limits::json_bytes` counted before.
fn counted<T: Serialize>(value: &T, stop: usize) -> usize {
    struct Counter {
        bytes: usize,
        stop: usize,
    }
    impl std::io::Write for Counter {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.bytes = self.bytes.saturating_add(buf.len());
            if self.bytes > self.stop {
                return Err(std::io::Error::other("over the limit"));
            }
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut counter = Counter { bytes: 0, stop };
    let _ = serde_json::to_writer(&mut counter, value);
    counter.bytes
}

#[test]
fn byte_count_stops_where_serde_json_stops() {
    let mut rng = Rng(5);
    for _ in 0..3_000 {
        let value = random_value(&mut rng, 0);
        let full = serde_json::to_string(&value).unwrap().len();
        assert_eq!(written_len(&value, usize::MAX), full);
        for stop in 0..full.min(80) {
            assert_eq!(
                written_len(&value, stop),
                counted(&value, stop),
                "{value} at {stop}"
            );
        }
    }
}
