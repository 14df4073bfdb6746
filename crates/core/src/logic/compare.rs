//! Equality and order, as JavaScript's `==`, `===` and `<` decide them, and
//! the stricter reading a form's rules use ([`Dialect::Form`]): there, a
//! comparison that JavaScript can only make by coercing a missing or
//! mismatched value (`null < 3`, `"abc" == 1`, `[1] == 1`) cannot be made, and
//! the rule holding it does not apply to the record.

use super::coerce::{kind, same_container, string_to_number, to_number, to_text, Kind};
use super::eval::Fault;
use super::value::V;
use std::cmp::Ordering;

/// How strictly values are coerced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// Exactly as json-logic-js: `dangjian rule` and `evaluateRule`.
    Standard,
    /// A form's rules and conditions: arithmetic and order only on numbers
    /// (and texts that are numbers) or on two texts; `==` refuses to compare
    /// across kinds JavaScript would have to coerce; dividing by zero and a
    /// result that is not a number make the rule inapplicable.
    Form,
}

/// `a === b`.
pub(crate) fn strict_eq(a: &V<'_>, b: &V<'_>) -> bool {
    match (a, b) {
        (V::Null, V::Null) => true,
        (V::Bool(x), V::Bool(y)) => x == y,
        (V::Num(x), V::Num(y)) => x.as_f64() == y.as_f64(),
        (V::Str(x), V::Str(y)) => x == y,
        _ if kind(a) == Kind::Object && kind(b) == Kind::Object => same_container(a, b),
        _ => false,
    }
}

/// `a == b` in JavaScript; in [`Dialect::Form`] an error where the kinds
/// cannot be compared without coercing a text that is not a number or a
/// container.
pub(crate) fn loose_eq(a: &V<'_>, b: &V<'_>, dialect: Dialect) -> Result<bool, Fault> {
    let (ka, kb) = (kind(a), kind(b));
    if ka == kb {
        return Ok(strict_eq(a, b));
    }
    if dialect == Dialect::Form {
        let incompatible = match (ka, kb) {
            (Kind::Object, _) | (_, Kind::Object) => true,
            (Kind::Num, Kind::Str) | (Kind::Str, Kind::Num) => {
                let s = if let V::Str(s) = a {
                    s
                } else if let V::Str(s) = b {
                    s
                } else {
                    &""
                };
                string_to_number(s).is_nan() || s.trim().is_empty()
            }
            _ => false,
        };
        if incompatible {
            return Err(Fault::nan());
        }
    }
    Ok(js_eq(a, b))
}

/// JavaScript's abstract equality.
fn js_eq(a: &V<'_>, b: &V<'_>) -> bool {
    let (ka, kb) = (kind(a), kind(b));
    if ka == kb {
        return strict_eq(a, b);
    }
    match (ka, kb) {
        (Kind::Null, _) | (_, Kind::Null) => false,
        (Kind::Num, Kind::Str) | (Kind::Str, Kind::Num) => to_number(a) == to_number(b),
        (Kind::Bool, _) => js_eq(&V::float(to_number(a)), b),
        (_, Kind::Bool) => js_eq(a, &V::float(to_number(b))),
        (Kind::Object, _) => js_eq(&V::Str(&to_text(a)), b),
        (_, Kind::Object) => js_eq(a, &V::Str(&to_text(b))),
        _ => false,
    }
}

/// The text of a container, `None` for primitives.
fn prim_text(v: &V<'_>) -> Option<String> {
    (kind(v) == Kind::Object).then(|| to_text(v))
}

/// The order of `a` and `b` as `<` decides it; `None` when they are not ordered
/// (a `NaN` is involved). In [`Dialect::Form`], an error unless both are
/// texts or both are numbers (texts that are numbers count as numbers).
pub(crate) fn order(a: &V<'_>, b: &V<'_>, dialect: Dialect) -> Result<Option<Ordering>, Fault> {
    if let (V::Str(x), V::Str(y)) = (a, b) {
        return Ok(Some(utf16_order(x, y)));
    }
    if dialect == Dialect::Form {
        let (x, y) = (form_number(a)?, form_number(b)?);
        return Ok(x.partial_cmp(&y));
    }
    // Containers become texts first; two texts compare as texts.
    let (ta, tb) = (prim_text(a), prim_text(b));
    let sa = ta
        .as_deref()
        .or(if let V::Str(s) = a { Some(s) } else { None });
    let sb = tb
        .as_deref()
        .or(if let V::Str(s) = b { Some(s) } else { None });
    if let (Some(x), Some(y)) = (sa, sb) {
        return Ok(Some(utf16_order(x, y)));
    }
    let x = sa.map_or_else(|| to_number(a), string_to_number);
    let y = sb.map_or_else(|| to_number(b), string_to_number);
    Ok(x.partial_cmp(&y))
}

/// Texts in the order of their UTF-16 code units, as JavaScript compares them.
fn utf16_order(x: &str, y: &str) -> Ordering {
    x.encode_utf16().cmp(y.encode_utf16())
}

/// A number for arithmetic in [`Dialect::Form`]: numbers, and texts that are numbers.
pub(crate) fn form_number(v: &V<'_>) -> Result<f64, Fault> {
    match v {
        V::Num(n) if !n.as_f64().is_nan() => Ok(n.as_f64()),
        V::Str(s) if !s.trim().is_empty() => {
            let f = string_to_number(s);
            if f.is_nan() {
                Err(Fault::nan())
            } else {
                Ok(f)
            }
        }
        _ => Err(Fault::nan()),
    }
}
