//! The values an expression computes with: a record's values read in place from
//! the arena, literals and settings read in place from the compiled form, and
//! the few lists an expression builds (in the record's arena).

use crate::data::Data;
use datavalue_rs::NumberValue;
use serde_json::Value;

/// A value during evaluation. Copying one never copies what it refers to.
#[derive(Debug, Clone, Copy)]
pub(crate) enum V<'a> {
    /// `null` (also what json-logic-js calls `undefined`).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number; integers stay integers while they can.
    Num(NumberValue),
    /// A text.
    Str(&'a str),
    /// An array or an object of the record (or built in the arena).
    Data(&'a Data<'a>),
    /// An array or an object of the spec (a literal, a setting).
    Json(&'a Value),
    /// A list an expression built.
    List(&'a [V<'a>]),
}

/// An object's entries, wherever it lives.
#[derive(Clone, Copy)]
pub(crate) enum Entries<'a> {
    Data(&'a [(&'a str, Data<'a>)]),
    Json(&'a serde_json::Map<String, Value>),
}

impl<'a> V<'a> {
    /// A value of the record.
    pub(crate) fn data(d: &'a Data<'a>) -> V<'a> {
        match d {
            Data::Null => V::Null,
            Data::Bool(b) => V::Bool(*b),
            Data::Number(n) => V::Num(*n),
            Data::String(s) => V::Str(s),
            Data::Array(_) | Data::Object(_) => V::Data(d),
            #[allow(unreachable_patterns)]
            _ => V::Null,
        }
    }

    /// A value of the spec.
    pub(crate) fn json(v: &'a Value) -> V<'a> {
        match v {
            Value::Null => V::Null,
            Value::Bool(b) => V::Bool(*b),
            Value::Number(n) => V::Num(number(n)),
            Value::String(s) => V::Str(s),
            Value::Array(_) | Value::Object(_) => V::Json(v),
        }
    }

    /// A whole number.
    pub(crate) fn int(i: i64) -> V<'a> {
        V::Num(NumberValue::Integer(i))
    }

    /// A number from a float (kept as a float, as computed).
    pub(crate) fn float(f: f64) -> V<'a> {
        V::Num(NumberValue::Float(f))
    }

    /// True for `null`.
    pub(crate) fn is_null(&self) -> bool {
        matches!(self, V::Null)
    }

    /// The number of elements when the value is a list.
    pub(crate) fn list_len(&self) -> Option<usize> {
        match self {
            V::Data(Data::Array(a)) => Some(a.len()),
            V::Json(Value::Array(a)) => Some(a.len()),
            V::List(l) => Some(l.len()),
            _ => None,
        }
    }

    /// Element `i` of a list.
    pub(crate) fn at(&self, i: usize) -> Option<V<'a>> {
        match *self {
            V::Data(Data::Array(a)) => a.get(i).map(V::data),
            V::Json(Value::Array(a)) => a.get(i).map(V::json),
            V::List(l) => l.get(i).copied(),
            _ => None,
        }
    }

    /// The entries when the value is an object.
    pub(crate) fn entries(&self) -> Option<Entries<'a>> {
        match *self {
            V::Data(Data::Object(p)) => Some(Entries::Data(p)),
            V::Json(Value::Object(m)) => Some(Entries::Json(m)),
            _ => None,
        }
    }

    /// The member `key` of an object, or the element at index `key` of a
    /// list; `None` where json-logic-js finds `undefined`.
    pub(crate) fn member(&self, key: &str) -> Option<V<'a>> {
        if let Some(entries) = self.entries() {
            return match entries {
                Entries::Data(p) => crate::data::get(p, key).map(V::data),
                Entries::Json(m) => m.get(key).map(V::json),
            };
        }
        if self.list_len().is_some() {
            let i = index(key)?;
            return self.at(i);
        }
        None
    }

    /// The value as a `serde_json::Value` (numbers that are not finite become `null`).
    pub(crate) fn to_value(self) -> Value {
        match self {
            V::Null => Value::Null,
            V::Bool(b) => Value::Bool(b),
            V::Num(n) => number_value(n),
            V::Str(s) => Value::String(s.to_owned()),
            V::Data(d) => crate::data::to_value(d),
            V::Json(v) => v.clone(),
            V::List(l) => Value::Array(l.iter().map(|x| x.to_value()).collect()),
        }
    }

    /// A stable address for values that are containers (for sharing conversions).
    pub(crate) fn address(&self) -> Option<usize> {
        match self {
            V::Data(d) => Some(std::ptr::from_ref(*d) as usize),
            V::Json(v) => Some(std::ptr::from_ref(*v) as usize),
            // Empty slices share one address: an empty built list is no one's twin.
            V::List([]) => None,
            V::List(l) => Some(l.as_ptr() as usize),
            _ => None,
        }
    }
}

/// A list index as json-logic-js reads one: digits only, no sign, no leading zeros.
fn index(key: &str) -> Option<usize> {
    if key.is_empty() || (key.len() > 1 && key.starts_with('0')) {
        return None;
    }
    if !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    key.parse().ok()
}

/// A `serde_json` number as a [`NumberValue`].
pub(crate) fn number(n: &serde_json::Number) -> NumberValue {
    match n.as_i64() {
        Some(i) => NumberValue::Integer(i),
        None => NumberValue::Float(n.as_f64().unwrap_or(f64::NAN)),
    }
}

/// A [`NumberValue`] as JSON (`null` when it is not finite).
pub(crate) fn number_value(n: NumberValue) -> Value {
    match n {
        NumberValue::Integer(i) => Value::from(i),
        NumberValue::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
    }
}
