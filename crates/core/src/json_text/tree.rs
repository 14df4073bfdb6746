//! JSON read into a tree that borrows its strings from the text: what the
//! spec's readers walk.
//!
//! A spec read through `serde_json::Value` cost one `String` per key, one per
//! string value and a B-tree per object, about half the allocations of a
//! compile, all of them dropped once the spec is read. A [`Json`] borrows every
//! string without escapes from the text and keeps an object's members in one
//! `Vec`. It reads as the `Value` would: the same errors at the same places
//! (the same reader), members in the `Value`'s order (by key, bytewise)
//! and a repeated key keeping its last value.

use super::cursor::Number;
use super::value::{number, Tree};
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

    /// How many members.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The members as a `serde_json::Map`.
    pub fn to_map(&self) -> Map<String, Value> {
        self.0
            .iter()
            .map(|(k, v)| ((**k).to_owned(), v.to_value()))
            .collect()
    }

    /// Members in the order they were read, put in key order, the last of a
    /// repeated key kept (as `Map::insert` does).
    fn ordered(mut members: Vec<(Cow<'t, str>, Json<'t>)>) -> Members<'t> {
        if !members.windows(2).all(|w| matches!(w, [a, b] if a.0 < b.0)) {
            members.sort_by(|a, b| a.0.cmp(&b.0));
            members.dedup_by(|later, kept| {
                let same = later.0 == kept.0;
                if same {
                    std::mem::swap(&mut later.1, &mut kept.1);
                }
                same
            });
        }
        Members(members)
    }
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

impl<'a> Tree<'a> for Json<'a> {
    type Members = Vec<(Cow<'a, str>, Json<'a>)>;
    fn literal(value: Option<bool>) -> Self {
        value.map_or(Json::Null, Json::Bool)
    }
    fn number(n: Number) -> Self {
        match number(n) {
            Value::Number(n) => Json::Number(n),
            _ => Json::Null,
        }
    }
    fn string(s: Cow<'a, str>) -> Self {
        Json::String(s)
    }
    fn array(items: Vec<Self>) -> Self {
        Json::Array(items)
    }
    fn insert(members: &mut Self::Members, key: Cow<'a, str>, value: Self) {
        members.push((key, value));
    }
    fn object(members: Self::Members) -> Self {
        Json::Object(Members::ordered(members))
    }
}
