//! The wording of every reading mistake, in one place. Each form is the text
//! serde and serde_json give for the same mistake, so diagnostics read as they
//! did when the spec types were read by derived deserializers (and tests pin
//! them against serde's own output).

use crate::json_text::Json;
use serde_json::Value;
use std::fmt::Write as _;

/// How a value is named in a message: `null`, ``boolean `true` ``,
/// ``integer `5` ``, ``floating point `1.5` ``, `string "a"`, `sequence`, `map`.
pub(crate) fn unexpected(value: &Json<'_>) -> String {
    match value {
        Json::Null => "null".to_owned(),
        Json::Bool(b) => format!("boolean `{b}`"),
        Json::Number(n) => {
            let text = crate::json_writer::value_text(&Value::Number(n.clone()));
            if n.is_f64() {
                format!("floating point `{text}`")
            } else {
                format!("integer `{text}`")
            }
        }
        Json::String(s) => format!("string {}", quoted(s)),
        Json::Array(_) => "sequence".to_owned(),
        Json::Object(_) => "map".to_owned(),
    }
}

/// `text` between double quotes, escaped as serde's messages (`{:?}`) escape
/// it: `\"`, `\\`, `\0`, `\t`, `\r`, `\n`, and as `\u{…}` the control
/// characters, the spaces other than U+0020, the invisible formatting
/// characters, the combining marks and variation selectors of Latin and
/// Chinese text, private-use characters and noncharacters ([`ESCAPED`]).
/// The same text as `{:?}` for every character of the blocks a form is
/// written in (ASCII, Latin-1, general punctuation, the CJK symbols,
/// ideographs and full-width forms, emoji; `tests` compares them); `{:?}`
/// also escapes unassigned code points and the combining marks of other
/// scripts, which this writes as they are. Not `{:?}` itself: its Unicode
/// tables (`printable`, `grapheme_extend`) were linked for this message alone.
pub(crate) fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\0' => out.push_str("\\0"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if escaped(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether [`quoted`] writes `c` as `\u{…}`.
fn escaped(c: char) -> bool {
    let c = u32::from(c);
    c < 0x20 || ESCAPED.iter().any(|&(low, high)| (low..=high).contains(&c))
}

/// The code points, beyond the ASCII controls, that [`quoted`] escapes (as
/// `{:?}` does): first and last of each run.
const ESCAPED: [(u32, u32); 23] = [
    (0x7f, 0xa0),        // DEL, the C1 controls, no-break space
    (0xad, 0xad),        // soft hyphen
    (0x300, 0x36f),      // combining diacritical marks
    (0x1680, 0x1680),    // ogham space
    (0x180b, 0x180f),    // Mongolian variation selectors
    (0x1dc0, 0x1dff),    // combining diacritical marks supplement
    (0x2000, 0x200f),    // spaces, zero-width characters, direction marks
    (0x2028, 0x202f),    // line and paragraph separators, embeddings
    (0x205f, 0x206f),    // medium mathematical space, invisible operators
    (0x20d0, 0x20ff),    // combining marks for symbols
    (0x3000, 0x3000),    // ideographic space
    (0x302a, 0x302f),    // ideographic tone marks
    (0x3099, 0x309a),    // combining kana voiced marks
    (0xe000, 0xf8ff),    // private use
    (0xfe00, 0xfe0f),    // variation selectors
    (0xfe20, 0xfe2f),    // combining half marks
    (0xfeff, 0xfeff),    // byte order mark
    (0xff00, 0xff00),    // unassigned
    (0xff9e, 0xff9f),    // half-width voiced marks
    (0xfff0, 0xfffb),    // unassigned, interlinear annotation
    (0xfffe, 0xffff),    // noncharacters
    (0x40000, 0xe0fff),  // planes 4 to 14: unassigned, tags, variation selectors
    (0xf0000, 0x10ffff), // private use planes
];

/// `invalid type: string "a", expected u64`.
pub(crate) fn invalid_type(value: &Json<'_>, expected: &str) -> String {
    format!("invalid type: {}, expected {expected}", unexpected(value))
}

/// `invalid value: integer `-1`, expected u64`.
pub(crate) fn invalid_value(value: &Json<'_>, expected: &str) -> String {
    format!("invalid value: {}, expected {expected}", unexpected(value))
}

/// `invalid length 2, expected struct Band with 5 elements`.
pub(crate) fn invalid_length(length: usize, expected: &str) -> String {
    format!("invalid length {length}, expected {expected}")
}

/// ``missing field `id` ``.
pub(crate) fn missing_field(name: &str) -> String {
    format!("missing field `{name}`")
}

/// ``unknown field `x`, expected one of `a`, `b`, `c` `` (or `expected `a``,
/// `expected `a` or `b``, `there are no fields`).
pub(crate) fn unknown_field(name: &str, fields: &[&str]) -> String {
    format!("unknown field `{name}`, {}", one_of(fields, "fields"))
}

/// ``unknown variant `x`, expected one of `a`, `b`, `c` ``.
pub(crate) fn unknown_variant(name: &str, variants: &[&str]) -> String {
    format!("unknown variant `{name}`, {}", one_of(variants, "variants"))
}

/// `data did not match any variant of untagged enum Text`.
pub(crate) fn untagged(name: &str) -> String {
    format!("data did not match any variant of untagged enum {name}")
}

fn one_of(names: &[&str], what: &str) -> String {
    match names {
        [] => format!("there are no {what}"),
        [one] => format!("expected `{one}`"),
        [a, b] => format!("expected `{a}` or `{b}`"),
        _ => {
            let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
            format!("expected one of {}", quoted.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::quoted;

    /// The same text as `{:?}` for every character of the blocks a form is
    /// written in, alone and between letters.
    #[test]
    fn quoted_as_debug() {
        let blocks = [
            (0x0, 0x370),
            (0x1dc0, 0x1e00),
            (0x2000, 0x2070),
            (0x20d0, 0x2100),
            (0x3000, 0x3040),
            (0x3099, 0x3100),
            (0x4e00, 0xa000),
            (0xe000, 0xe100),
            (0xfe00, 0xfe10),
            (0xfe20, 0xfe30),
            (0xfeff, 0xffbf),
            (0xfff0, 0x10000),
            (0x1f300, 0x1f650),
            (0x1f900, 0x1fa00),
            (0xe0000, 0xe1000),
            (0x10fff0, 0x110000),
        ];
        for (low, high) in blocks {
            for c in (low..high).filter_map(char::from_u32) {
                for text in [c.to_string(), format!("a{c}b"), format!("{c}{c}")] {
                    assert_eq!(quoted(&text), format!("{text:?}"), "U+{:04X}", u32::from(c));
                }
            }
        }
        for text in [
            "",
            "党支部",
            "第一季度\n会议",
            "a\"b\\c",
            "\0\t\r\u{7f}",
            "x\u{3000}y",
        ] {
            assert_eq!(quoted(text), format!("{text:?}"));
        }
    }
}
