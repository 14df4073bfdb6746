//! JSON read into a tree that borrows its strings from the text: what the
//! spec's readers walk.
//!
//! A spec read through `serde_json::Value` cost one `String` per key, one per
//! string value and a B-tree per object, about half the allocations of a
//! compile, all of them dropped once the spec is read. A [`Json`] borrows every
//! string without escapes from the text and keeps an object's members in one
//! `Vec`. It reads as the `Value` would: the same errors at the same places
//! (of serde_json), members in the `Value`'s order (by key, bytewise)
//! and a repeated key keeping its last value.

use serde_json::{Map, Value};
use std::borrow::Cow;

/// A JSON value whose strings borrow from the text (or from the `Value`) it
/// was read from, where they can.
#[derive(Debug, Clone, PartialEq)]
pub enum Json<'t> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as serde_json holds it.
    Number(serde_json::Number),
    /// A string.
    String(Cow<'t, str>),
    /// An array.
    Array(Vec<Json<'t>>),
    /// An object.
    Object(Members<'t>),
}

/// An object's members, ordered by key (bytewise, as `serde_json::Map`
/// orders them), each key once.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Members<'t>(Vec<(Cow<'t, str>, Json<'t>)>);

impl<'t> Members<'t> {
    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Json<'t>> {
        let i = self.0.binary_search_by(|(k, _)| (**k).cmp(key)).ok()?;
        self.0.get(i).map(|(_, v)| v)
    }

    /// Whether the object has `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The members, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Json<'t>)> {
        self.0.iter().map(|(k, v)| (&**k, v))
    }

    /// The members as a `serde_json::Map`.
    pub fn to_map(&self) -> Map<String, Value> {
        let mut map = Map::new();
        for (k, v) in &self.0 {
            map.insert((**k).to_owned(), v.to_value());
        }
        map
    }

    /// The members as a `serde_json::Map`, their strings moved.
    fn into_map(self) -> Map<String, Value> {
        let mut map = Map::new();
        for (k, v) in self.0 {
            map.insert(k.into_owned(), v.into_value());
        }
        map
    }

    /// Members in the order they were read, put in key order, the last of a
    /// repeated key kept (as `Map::insert` does). Small code, called for
    /// every object: the few members of most objects are sorted in place;
    /// a long object and a repeated key go out of line.
    pub(super) fn ordered(mut members: Vec<(Cow<'t, str>, Json<'t>)>) -> Members<'t> {
        if members.len() > SHORT {
            members = by_key_order(members);
        } else {
            for i in 1..members.len() {
                let mut j = i;
                while j > 0 {
                    match (members.get(j - 1), members.get(j)) {
                        (Some(a), Some(b)) if a.0 > b.0 => members.swap(j - 1, j),
                        _ => break,
                    }
                    j -= 1;
                }
            }
        }
        if members
            .windows(2)
            .any(|w| matches!(w, [a, b] if a.0 == b.0))
        {
            keep_last(&mut members);
        }
        Members(members)
    }
}

/// How many members an object may have to be sorted in place.
const SHORT: usize = 16;

/// Members in key order, equal keys in the order given.
#[cold]
#[inline(never)]
fn by_key_order<'t>(members: Vec<(Cow<'t, str>, Json<'t>)>) -> Vec<(Cow<'t, str>, Json<'t>)> {
    let keys: Vec<&str> = members.iter().map(|(k, _)| &**k).collect();
    let order = key_order(&keys);
    drop(keys);
    let mut slots: Vec<Option<(Cow<'t, str>, Json<'t>)>> = members.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// Of each run of equal keys (in the order written), the last member only.
#[cold]
#[inline(never)]
fn keep_last(members: &mut Vec<(Cow<'_, str>, Json<'_>)>) {
    members.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            std::mem::swap(&mut later.1, &mut kept.1);
        }
        same
    });
}

/// The positions of `keys` in key order (bytewise), equal keys in the order
/// given: a merge sort of positions, of one type only (the standard
/// library's sorts are large code in each module, instantiated per type).
fn key_order(keys: &[&str]) -> Vec<usize> {
    let key = |i: usize| keys.get(i).copied().unwrap_or_default();
    let mut order: Vec<usize> = (0..keys.len()).collect();
    let mut width = 1;
    while width < order.len() {
        let mut next = Vec::with_capacity(order.len());
        for chunk in order.chunks(2 * width) {
            let (left, right) = chunk.split_at(width.min(chunk.len()));
            let (mut l, mut r) = (left.iter().peekable(), right.iter().peekable());
            loop {
                let take_right = match (l.peek(), r.peek()) {
                    (Some(&&a), Some(&&b)) => key(b) < key(a),
                    (None, Some(_)) => true,
                    (_, None) => false,
                };
                let taken = if take_right { r.next() } else { l.next() };
                match taken {
                    Some(&i) => next.push(i),
                    None => break,
                }
            }
        }
        order = next;
        width *= 2;
    }
    order
}

impl<'t> FromIterator<(Cow<'t, str>, Json<'t>)> for Members<'t> {
    /// Members given in any order, put in key order (the last of a repeated
    /// key kept).
    fn from_iter<I: IntoIterator<Item = (Cow<'t, str>, Json<'t>)>>(members: I) -> Self {
        Members::ordered(members.into_iter().collect())
    }
}

impl<'t> Json<'t> {
    /// The same value as a `serde_json::Value`.
    pub fn to_value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Number(n) => Value::Number(n.clone()),
            Json::String(s) => Value::String((**s).to_owned()),
            Json::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Object(members) => Value::Object(members.to_map()),
        }
    }

    /// The same value as a `serde_json::Value`, its strings moved.
    pub fn into_value(self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(b),
            Json::Number(n) => Value::Number(n),
            Json::String(s) => Value::String(s.into_owned()),
            Json::Array(items) => Value::Array(items.into_iter().map(Json::into_value).collect()),
            Json::Object(members) => Value::Object(members.into_map()),
        }
    }

    /// `value` seen as a `Json`, its strings borrowed.
    pub fn view(value: &'t Value) -> Json<'t> {
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(n.clone()),
            Value::String(s) => Json::String(Cow::Borrowed(s)),
            Value::Array(items) => Json::Array(items.iter().map(Json::view).collect()),
            Value::Object(map) => Json::Object(Members(
                map.iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Json::view(v)))
                    .collect(),
            )),
        }
    }

    /// The value of `key` when this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Json<'t>> {
        match self {
            Json::Object(members) => members.get(key),
            _ => None,
        }
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
}
