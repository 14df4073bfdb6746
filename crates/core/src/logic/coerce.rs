//! JavaScript's conversions, as json-logic-js relies on them: truthiness,
//! `Number(x)`, `parseFloat(x)` and `String(x)`.

use super::value::V;
use datavalue_rs::NumberValue;

/// JSONLogic truthiness: `[]` is false; otherwise JavaScript's `!!x`
/// (`0`, `NaN`, `""`, `null`, `false` are false; `"0"` and `{}` are true).
pub(crate) fn truthy(v: &V<'_>) -> bool {
    match v {
        V::Null => false,
        V::Bool(b) => *b,
        V::Num(n) => {
            let f = n.as_f64();
            f != 0.0 && !f.is_nan()
        }
        V::Str(s) => !s.is_empty(),
        V::Data(_) | V::Json(_) | V::List(_) => v.list_len().is_none_or(|n| n > 0),
    }
}

/// The value as a plain number: `Number(x)` in JavaScript.
pub(crate) fn to_number(v: &V<'_>) -> f64 {
    match v {
        V::Null => 0.0,
        V::Bool(b) => f64::from(u8::from(*b)),
        V::Num(n) => n.as_f64(),
        V::Str(s) => string_to_number(s),
        V::Data(_) | V::Json(_) | V::List(_) => match primitive_text(v) {
            Some(s) => string_to_number(&s),
            None => f64::NAN,
        },
    }
}

/// `Number(text)`: whitespace trimmed, `""` is 0, decimal, `0x`/`0o`/`0b`, `Infinity`.
pub(crate) fn string_to_number(s: &str) -> f64 {
    let t = s.trim_matches(is_js_space);
    if t.is_empty() {
        return 0.0;
    }
    for (prefix, radix) in [
        ("0x", 16),
        ("0X", 16),
        ("0o", 8),
        ("0O", 8),
        ("0b", 2),
        ("0B", 2),
    ] {
        if let Some(digits) = t.strip_prefix(prefix) {
            if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                return f64::NAN;
            }
            return digits
                .chars()
                .filter_map(|c| c.to_digit(radix))
                .fold(0.0, |acc, d| acc * f64::from(radix) + f64::from(d));
        }
    }
    match t {
        "Infinity" | "+Infinity" => return f64::INFINITY,
        "-Infinity" => return f64::NEG_INFINITY,
        _ => {}
    }
    if !decimal_literal(t) {
        return f64::NAN;
    }
    crate::decimal::parse_f64(t).unwrap_or(f64::NAN)
}

/// `parseFloat(x)`: the longest decimal prefix of `String(x)` after leading whitespace.
pub(crate) fn parse_float(v: &V<'_>) -> f64 {
    if let V::Num(n) = v {
        return n.as_f64();
    }
    let text = to_text(v);
    let t = text.trim_start_matches(is_js_space);
    for (word, value) in [
        ("Infinity", f64::INFINITY),
        ("+Infinity", f64::INFINITY),
        ("-Infinity", f64::NEG_INFINITY),
    ] {
        if t.starts_with(word) {
            return value;
        }
    }
    let end = decimal_prefix(t);
    t.get(..end)
        .filter(|p| !p.is_empty())
        .and_then(crate::decimal::parse_f64)
        .unwrap_or(f64::NAN)
}

/// The length of the longest decimal literal at the start of `t`.
fn decimal_prefix(t: &str) -> usize {
    let b = t.as_bytes();
    let digits_from = |mut i: usize| {
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let int_end = digits_from(i);
    let mut digits = int_end - i;
    i = int_end;
    if b.get(i) == Some(&b'.') {
        let frac_end = digits_from(i + 1);
        digits += frac_end - (i + 1);
        if digits > 0 {
            i = frac_end;
        }
    }
    if digits == 0 {
        return 0;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let exp_end = digits_from(j);
        if exp_end > j {
            i = exp_end;
        }
    }
    i
}

/// A whole decimal literal as JavaScript reads one: sign, digits with an
/// optional fraction, optional exponent.
fn decimal_literal(t: &str) -> bool {
    !t.is_empty() && decimal_prefix(t) == t.len()
}

/// JavaScript's white space and line terminators.
fn is_js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// `String(x)` in JavaScript: `null` → `"null"`, lists joined with `,`
/// (`null` elements empty), objects `"[object Object]"`.
pub(crate) fn to_text(v: &V<'_>) -> String {
    let mut out = String::new();
    write_text(v, &mut out, false);
    out
}

/// Appends `String(x)`; inside a list `null` is empty (as `Array.prototype.join` does).
pub(crate) fn write_text(v: &V<'_>, out: &mut String, in_list: bool) {
    match v {
        V::Null if in_list => {}
        V::Null => out.push_str("null"),
        V::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        V::Num(n) => out.push_str(&number_text(*n)),
        V::Str(s) => out.push_str(s),
        V::Data(_) | V::Json(_) | V::List(_) => match v.list_len() {
            Some(n) => {
                for i in 0..n {
                    if i > 0 {
                        out.push(',');
                    }
                    if let Some(x) = v.at(i) {
                        write_text(&x, out, true);
                    }
                }
            }
            None => out.push_str("[object Object]"),
        },
    }
}

/// The text of a list (`String(list)`); `None` for objects and non-containers.
fn primitive_text(v: &V<'_>) -> Option<String> {
    v.list_len().map(|_| to_text(v))
}

/// A number as JavaScript prints it.
pub(crate) fn number_text(n: NumberValue) -> String {
    match n {
        NumberValue::Integer(i) => i.to_string(),
        NumberValue::Float(f) => float_text(f),
    }
}

/// An `f64` as JavaScript's `String(x)` prints it.
pub(crate) fn float_text(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "Infinity" } else { "-Infinity" }.into();
    }
    if f == 0.0 {
        return "0".into();
    }
    let a = f.abs();
    if (1e-6..1e21).contains(&a) {
        // The shortest digits that round-trip, as JavaScript prints them
        // (and the standard library's `{}`).
        return crate::decimal::plain(f);
    }
    let mut e = String::new();
    crate::decimal::write_exp(&mut e, f);
    match e.split_once('e') {
        Some((m, x)) if !x.starts_with('-') => format!("{m}e+{x}"),
        _ => e,
    }
}

/// What a value is to JavaScript's `typeof` (with `null` apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Null,
    Bool,
    Num,
    Str,
    Object,
}

/// The kind of a value.
pub(crate) fn kind(v: &V<'_>) -> Kind {
    match v {
        V::Null => Kind::Null,
        V::Bool(_) => Kind::Bool,
        V::Num(_) => Kind::Num,
        V::Str(_) => Kind::Str,
        _ => Kind::Object,
    }
}

/// Reference equality of two containers, as JavaScript compares objects:
/// the same value of the record (or of the spec) is equal to itself only.
pub(crate) fn same_container(a: &V<'_>, b: &V<'_>) -> bool {
    matches!((a.address(), b.address()), (Some(x), Some(y)) if x == y)
}
