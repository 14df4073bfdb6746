//! Proof of identity with serde_json: every JSON text of the repository
//! (built-in specs, settings files, tables, golden records and reports),
//! each mutated many times, read by both readings and by serde_json's — the
//! same acceptance, the same `Value` (floats compared bit for bit through
//! their text), the same message, line and column.

use super::*;
use std::path::{Path, PathBuf};

/// Compares both readings with serde_json's on `text`.
fn same(text: &str) {
    let ours = from_str(text);
    let theirs = serde_json::from_str::<Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => {
            assert!(
                a == b && serde_json::to_string(a).ok() == serde_json::to_string(b).ok(),
                "{text:?}: {a} / {b}"
            )
        }
        (Err(a), Err(b)) => {
            assert_eq!(a.to_string(), b.to_string(), "{text:?}");
            assert_eq!((a.line, a.column), (b.line(), b.column()), "{text:?}");
        }
        _ => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
    // The tree that borrows the text: the same value, members in the same
    // order, the same error.
    match (tree(text), &theirs) {
        (Ok(t), Ok(b)) => {
            assert!(t == Json::view(b), "tree {text:?}");
            assert_eq!(
                serde_json::to_string(&t.to_value()).ok(),
                serde_json::to_string(b).ok(),
                "tree {text:?}"
            );
        }
        (Err(a), Err(b)) => {
            assert_eq!(a.to_string(), b.to_string(), "tree {text:?}");
            assert_eq!((a.line, a.column), (b.line(), b.column()), "tree {text:?}");
        }
        (t, _) => panic!("tree {text:?}: ours {t:?}, serde_json {theirs:?}"),
    }
    let ours = check(text);
    let theirs = serde_json::from_str::<serde::de::IgnoredAny>(text);
    match (&ours, &theirs) {
        (Ok(()), Ok(_)) => {}
        (Err(a), Err(b)) => {
            assert_eq!(a.to_string(), b.to_string(), "check {text:?}");
            assert_eq!((a.line, a.column), (b.line(), b.column()), "check {text:?}");
        }
        _ => panic!("check {text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
}

/// A small generator (xorshift), so runs repeat.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces inserted by the mutations.
const PIECES: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u",
    "\\ud800",
    "\\udc00",
    "\\ud83d\\ude00",
    "\\ud83d\\u0041",
    "\\ud83dx",
    "\\u12",
    "\\x",
    "0",
    "-",
    ".",
    "e",
    "E",
    "+",
    "1e400",
    "-1e400",
    "1e-400",
    "18446744073709551616",
    "-9223372036854775809",
    "123456789012345678901234.5e3",
    "0.1e99999999999",
    "1e99999999999",
    "00",
    "-0",
    "1.",
    ".5",
    "tru",
    "nul",
    "fals",
    "true",
    "null",
    " ",
    "\t",
    "\n",
    "\r\n",
    "\u{feff}",
    "中",
    "支部",
    "\u{1}",
    "\u{1f}",
    "\u{7f}",
    "é",
    "//",
    "/*",
    "'",
    "NaN",
    "Infinity",
    "\"k\":",
    ",]",
    ",}",
    "\"\\",
    "1e",
    "1e+",
    "-a",
];

/// Byte offsets of char boundaries in `text`.
fn boundaries(text: &str) -> Vec<usize> {
    (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect()
}

fn mutate(text: &str, rng: &mut Rng) -> String {
    let at = boundaries(text);
    let pick = |rng: &mut Rng| at[rng.below(at.len())];
    let (a, b) = {
        let (x, y) = (pick(rng), pick(rng));
        (x.min(y), x.max(y))
    };
    let b = b.min(a + 1 + rng.below(8)).min(text.len());
    let b = (b..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let piece = PIECES[rng.below(PIECES.len())];
    match rng.below(6) {
        0 => format!("{}{}", &text[..a], &text[b..]),
        1 => format!("{}{}{}", &text[..a], piece, &text[a..]),
        2 => format!("{}{}{}", &text[..a], piece, &text[b..]),
        3 => text[..a].to_owned(),
        4 => {
            // Two characters swapped.
            let mut chars: Vec<char> = text.chars().collect();
            if chars.len() > 1 {
                let i = rng.below(chars.len() - 1);
                chars.swap(i, i + 1);
            }
            chars.into_iter().collect()
        }
        _ => {
            let mut s = text[..a].to_owned();
            for _ in 0..1 + rng.below(4) {
                s.push_str(PIECES[rng.below(PIECES.len())]);
            }
            s.push_str(&text[a..]);
            s
        }
    }
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// Every JSON file of the repository's specs, settings, tables and vectors.
fn corpus() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in [
        "crates/standards/forms",
        "crates/standards/src",
        "crates/core/tests",
        "examples",
        "tests/vectors",
    ] {
        json_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 500, "{} files", files.len());
    files
        .into_iter()
        .filter_map(|p| Some((p.clone(), std::fs::read_to_string(&p).ok()?)))
        .collect()
}

#[test]
fn every_repository_text_and_its_mutations_read_as_serde_json_reads_them() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut texts = 0;
    for (path, text) in corpus() {
        same(&text);
        // Small texts cut at every character; every text mutated, the more
        // the smaller it is.
        if text.len() <= 400 {
            for at in boundaries(&text) {
                same(&text[..at]);
                texts += 1;
            }
        }
        let rounds = (40_000 / text.len().max(1)).clamp(2, 40);
        for _ in 0..rounds {
            let mutated = mutate(&text, &mut rng);
            same(&mutated);
            // A second mutation on top: errors after the first.
            same(&mutate(&mutated, &mut rng));
            texts += 2;
        }
        let _ = path;
    }
    assert!(texts > 30_000, "{texts} texts");
    eprintln!("{texts} mutated texts");
}

#[test]
fn random_garbage_reads_as_serde_json_reads_it() {
    let mut rng = Rng(12345);
    for _ in 0..30_000 {
        let mut s = String::new();
        for _ in 0..rng.below(12) {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        }
        same(&s);
    }
}

#[test]
fn nesting_around_the_limits_reads_as_serde_json_reads_it() {
    for depth in [1, 2, 126, 127, 128, 129, 255, 256, 257, 1_000] {
        for (open, close, inner) in [
            ("[", "]", "1"),
            ("{\"a\":", "}", "[]"),
            ("[{\"k\":", "}]", "0"),
        ] {
            let whole = format!("{}{inner}{}", open.repeat(depth), close.repeat(depth));
            same(&whole);
            same(&whole[..whole.len() - 1]);
            same(&format!("{}{inner}x", open.repeat(depth)));
            same(&format!("\n {}", &whole));
        }
    }
}

#[test]
fn numbers_read_as_serde_json_reads_them() {
    let mut rng = Rng(777);
    let mut cases: Vec<String> = [
        "0",
        "-0",
        "-0.0",
        "0e0",
        "1e308",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "17976931348623157e292",
        "179769313486231580000e288",
        "1e309",
        "-1e309",
        "1e-324",
        "4.9e-324",
        "2.2250738585072014e-308",
        "1e-400",
        "0.0000001e-330",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "123456789012345678901234567890",
        "1.23456789012345678901234567890",
        "0.1",
        "0.3",
        "2.5",
        "1e22",
        "1e23",
        "9007199254740993",
        "1e2147483647",
        "1e2147483648",
        "1e-2147483648",
        "1e-2147483649",
        "0e99999999999",
        "-0e99999999999",
        "1e-99999999999",
        "12345678901234567890123e-99999",
        "1.5e+3",
        "1E3",
        "01",
        "-01",
        "1.e3",
        "1e",
        "1e-",
        "-",
        "--1",
        "1.0e",
        "1x",
        "[1e400]",
        "{\"a\": 1e400}",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for _ in 0..20_000 {
        let digits = |rng: &mut Rng, n: usize| -> String {
            (0..n)
                .map(|_| char::from(b'0' + rng.below(10) as u8))
                .collect()
        };
        let n = 1 + rng.below(25);
        let int = digits(&mut rng, n);
        let n = rng.below(25);
        let frac = digits(&mut rng, n);
        let exp = rng.below(700) as i64 - 350;
        let mut s = int.trim_start_matches('0').to_owned();
        if s.is_empty() {
            s.push('0');
        }
        if !frac.is_empty() {
            s = format!("{s}.{frac}");
        }
        if rng.below(2) == 0 {
            s = format!("{s}e{exp}");
        }
        if rng.below(2) == 0 {
            s = format!("-{s}");
        }
        cases.push(s);
    }
    for case in cases {
        same(&case);
        same(&format!("[{case}]"));
    }
}

#[test]
fn strings_read_as_serde_json_reads_them() {
    for body in [
        "",
        "a",
        "支部",
        "\\n",
        "\\u4e2d",
        "\\ud83d\\ude00",
        "\\ud83d",
        "\\ud83d\\",
        "\\ud83d\\u",
        "\\ud83d\\u12",
        "\\ud83d\\uzzzz",
        "\\ud83d\\ud83d",
        "\\udc00",
        "\\u00e9\\u0000",
        "\\uD83D\\uDE00",
        "\t",
        "\u{1}",
        "\\",
        "\\\"",
        "\\/",
        "\\q",
        "\\u",
        "\\u1",
        "\\u12\"",
        "\\u中文",
        "a\u{feff}b",
        "\r\n",
        "\\ud800\\n",
    ] {
        same(&format!("\"{body}\""));
        same(&format!("\"{body}"));
        same(&format!("{{\"{body}\": 1}}"));
        same(&format!("[\"x\", \"{body}\"]"));
        same(&format!("\u{feff}\"{body}\""));
        same(&format!("[\n  \"支部\",\r\n  \"{body}\"\n]"));
    }
}

#[test]
fn errors_print_as_serde_json_prints_them() {
    let e = from_str("{\n  \"a\": 1,\n  \"b\": ]\n}").unwrap_err();
    assert_eq!(e.to_string(), "expected value at line 3 column 8");
    assert_eq!(TextError::message("x").to_string(), "x");
}

/// What `catalog::provide` read a spec's id with before.
#[derive(serde::Deserialize, Debug)]
struct Head<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
}

fn same_member(text: &str) {
    let ours = string_member(text, "id", "Head");
    let theirs = serde_json::from_str::<Head<'_>>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert_eq!(a, &b.id, "{text:?}"),
        (Err(a), Err(b)) => {
            assert_eq!(a.to_string(), b.to_string(), "{text:?}");
            assert_eq!((a.line, a.column), (b.line(), b.column()), "{text:?}");
        }
        _ => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
    }
}

#[test]
fn a_string_member_reads_as_a_derived_struct_reads_it() {
    for text in [
        "{\"id\": \"x\"}",
        "{\"id\": \"x\", \"id\": \"y\"}",
        "{\"id\" \"x\"}",
        "{}",
        "[]",
        "[\"x\"]",
        "[\"x\", 1]",
        "[\"x\",]",
        "[\"x\"",
        "[1]",
        "[null]",
        "{\"id\": null}",
        "{\"id\": true}",
        "{\"id\": fals}",
        "{\"id\": -1.5e3}",
        "{\"id\": 12}",
        "{\"id\": -0}",
        "{\"id\": 01}",
        "{\"id\": [1]}",
        "{\"id\": {}}",
        "{\"id\": \"a\\u00e9\\n\"}",
        "{\"id\": x}",
        "{\"id\":",
        "{\"a\": [1, {\"b\": 2}], \"id\": \"x\"}",
        "{\"a\": [1 2], \"id\": \"x\"}",
        "\"x\"",
        "null",
        "5",
        "1.5",
        "-",
        "",
        "  ",
        "<html>Not found</html>",
        "{\"id\": \"x\"} x",
        "{\"id\": \"x\",}",
        "{\"id\": \"x\"  ,  \"id\"  :  1}",
        "[\"x\"] ,",
        "{1: 2}",
        "{\"id\": \"\\ud800\"}",
        "{\"x\": 1e400, \"id\": \"y\"}",
        "{\"id\": 1e400}",
        "{\"id\": \"\u{1}\"}",
    ] {
        same_member(text);
    }
    let mut rng = Rng(99);
    for (_, text) in corpus()
        .into_iter()
        .filter(|(p, _)| p.parent().is_some_and(|d| d.ends_with("forms")))
    {
        same_member(&text);
        for _ in 0..300 {
            let head = text.char_indices().nth(300).map_or(text.len(), |(i, _)| i);
            same_member(&mutate(&text[..head], &mut rng));
            same_member(&mutate(&text, &mut rng));
        }
    }
}

#[test]
fn a_tree_orders_members_by_key_and_keeps_a_repeated_keys_last_value() {
    for text in [
        r#"{"b": 1, "a": 2, "b": 3}"#,
        r#"{"a": 1, "a": 2, "a": 3}"#,
        r#"{"z": {"y": 1, "x": [{"q": 1, "p": 2, "q": 3}]}, "é": 1, "e": 2, "": 0}"#,
        r#"{"a\u0062": 1, "ab": 2, "a": {"k": "\"v\""}}"#,
        r#"{"10": 1, "9": 2, "1": 3, "a": null}"#,
    ] {
        same(text);
        let t = tree(text).unwrap();
        let Json::Object(members) = &t else {
            panic!("{text}")
        };
        let keys: Vec<&str> = members.iter().map(|(k, _)| k).collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(keys, sorted, "{text}");
    }
    // Objects of every size up to 3,000 members, with keys repeated, in
    // random order.
    let mut rng = Rng(77);
    for n in (0..40).chain([100, 257, 1000, 3000]) {
        let members: Vec<String> = (0..n)
            .map(|i| format!("\"k{}\": {i}", rng.below(n / 2 + 1)))
            .collect();
        same(&format!("{{{}}}", members.join(", ")));
    }
    let t = tree(r#"{"b": 1, "a": 2, "b": 3}"#).unwrap();
    assert_eq!(t.get("b"), Some(&Json::Number(3.into())));
    assert_eq!(t.get("a"), Some(&Json::Number(2.into())));
    assert_eq!(t.get("c"), None);
}
