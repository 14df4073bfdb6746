//! Reads the spec types from a [`Json`] (JSON text read into a tree that
//! borrows its strings), without serde's derived deserializers.
//!
//! A derived `Deserialize` is instantiated once per type and per deserializer,
//! and for `&Value` each copy carried serde_json's map and sequence access:
//! about 100 KB of the browser module. Here each type has one plain function
//! that walks its object once, knows its property names, and keeps every
//! mistake it meets: unknown, missing and wrongly typed properties, each with
//! the property it is about. [`crate::compile`] turns those into diagnostics
//! at their JSON Pointers; the `Deserialize` impls of the spec types (for the
//! CLI, tests and `serde_json::from_value`) go through the same functions and
//! give the first mistake, as a derived deserializer would.
//!
//! The messages are serde's, word for word ([`wording`]), so diagnostics did
//! not change when the reader replaced the derived code; what serde accepted
//! the reader accepts, down to a struct written as the array of its fields.

mod types;
pub(crate) mod wording;

pub use types::{locale, text};
pub(crate) use types::{
    node, rule, rule_strict, spec, spec_strict, NODE_SKELETON, RULE_SKELETON, SPEC_SKELETON,
};

pub use crate::json_text::{Json, Members};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::BTreeMap;
use wording::{invalid_length, invalid_type, invalid_value, unknown_field, unknown_variant};

/// What one reading of a `T` may fail with: the text of the first mistake.
pub type Read<T> = Result<T, String>;

/// Reads one property's value into a `T` (left as it was on a mistake).
pub type Setter<T> = fn(&mut T, &Json<'_>) -> Read<()>;

/// The mistakes found in one object: each faulty property with its message,
/// in the object's order, then the required properties that are absent, in
/// the type's order.
#[derive(Debug, Default)]
pub struct Faults {
    /// `(property, message)` for each property that could not be read.
    pub fields: Vec<(String, String)>,
    /// Required properties that are absent.
    pub missing: Vec<&'static str>,
}

impl Faults {
    /// The mistake a derived deserializer stops at: the first faulty
    /// property, else the first missing one.
    pub fn first(&self) -> Option<String> {
        match (self.fields.first(), self.missing.first()) {
            (Some((_, message)), _) => Some(message.clone()),
            (None, Some(name)) => Some(wording::missing_field(name)),
            (None, None) => None,
        }
    }

    /// True when one of `keys` is faulty or missing.
    pub fn touches(&self, keys: &[&str]) -> bool {
        self.fields.iter().any(|(k, _)| keys.contains(&k.as_str()))
            || self.missing.iter().any(|k| keys.contains(k))
    }
}

/// Reads the properties of one object: records each mistake and hands back
/// the values read.
pub struct Fields<'a> {
    map: &'a Members<'a>,
    names: &'static [&'static str],
    faults: Faults,
}

impl<'a> Fields<'a> {
    /// A reader of `map`, whose type has the properties `names`.
    pub fn new(map: &'a Members<'a>, names: &'static [&'static str]) -> Self {
        Fields {
            map,
            names,
            faults: Faults::default(),
        }
    }

    /// The object's properties, in order.
    pub fn entries(&self) -> impl Iterator<Item = (&'a str, &'a Json<'a>)> {
        self.map.iter()
    }

    /// Keeps the value read for `key`, or records why it could not be read.
    pub fn take<T>(&mut self, key: &str, read: Read<T>) -> Option<T> {
        match read {
            Ok(v) => Some(v),
            Err(message) => {
                self.fault(key, message);
                None
            }
        }
    }

    /// Records `message` for `key`: one function for every type read, not
    /// a copy at each property.
    #[inline(never)]
    fn fault(&mut self, key: &str, message: String) {
        self.faults.fields.push((key.to_owned(), message));
    }

    /// Stores what `read` gave for `key` in `slot`, or records the mistake
    /// (`slot` then keeps its value).
    pub fn set<T>(&mut self, key: &str, slot: &mut T, read: Read<T>) {
        if let Some(v) = self.take(key, read) {
            *slot = v;
        }
    }

    /// Reads property `key` into `into` with the setter at the key's place
    /// among the type's names, recording its mistake; records a key the type
    /// does not have. Out of line: the one call in a loop over an object's
    /// members, so the loop stays small code.
    #[inline(never)]
    pub fn put<T>(&mut self, into: &mut T, key: &str, value: &Json<'_>, setters: &[Setter<T>]) {
        match find_name(self.names, key).and_then(|i| setters.get(i)) {
            Some(set) => {
                if let Err(message) = set(into, value) {
                    self.fault(key, message);
                }
            }
            None => self.unknown(key),
        }
    }

    /// Records `name` as missing when the object does not have it (a
    /// faulty one is already recorded): a required property read in place.
    pub fn require(&mut self, name: &'static str) {
        if !self.map.contains_key(name) {
            self.faults.missing.push(name);
        }
    }

    /// Records `key` as a property the type does not have (out of line: a
    /// spec rarely has one).
    #[cold]
    #[inline(never)]
    pub fn unknown(&mut self, key: &str) {
        let message = unknown_field(key, self.names);
        self.fault(key, message);
    }

    /// The value of a required property; records it as missing when the
    /// object does not have it (a faulty one is already recorded).
    pub fn need<T: Default>(&mut self, name: &'static str, value: Option<T>) -> T {
        if value.is_none() {
            self.require(name);
        }
        value.unwrap_or_default()
    }

    /// The mistakes recorded.
    pub fn finish(self) -> Faults {
        self.faults
    }
}

/// Reads a struct strictly: the value, or the first mistake. `expected`
/// names the type as serde does (`struct Rule`), `names` are its properties
/// in order. As a derived deserializer did, an array is read as the
/// properties in that order (`[id, title, points, …]`), trailing ones that
/// have a default left out.
pub fn object<T>(
    value: &Json<'_>,
    expected: &str,
    names: &'static [&'static str],
    read: impl FnOnce(&mut Fields<'_>) -> T,
) -> Read<T> {
    let by_position;
    let map = match value {
        Json::Object(map) => map,
        Json::Array(items) => {
            by_position = positional(items, names);
            &by_position
        }
        _ => return Err(invalid_type(value, expected)),
    };
    let mut f = Fields::new(map, names);
    let v = read(&mut f);
    conclude(value, expected, f).map(|()| v)
}

/// The end of [`object`], the same for every type and compiled once: the
/// first mistake `f` recorded, if any.
#[inline(never)]
fn conclude(value: &Json<'_>, expected: &str, f: Fields<'_>) -> Read<()> {
    let names = f.names;
    match first_mistake(value, expected, names, &f.finish()) {
        None => Ok(()),
        Some(message) => Err(message),
    }
}

/// An array of a struct's properties as the object it stands for.
fn positional<'t>(items: &[Json<'t>], names: &[&'static str]) -> Members<'t> {
    names
        .iter()
        .zip(items)
        .map(|(name, v)| (Cow::Borrowed(*name), v.clone()))
        .collect()
}

/// The mistake a derived deserializer stops at. For an object: the first
/// faulty property in the object's order, else the first missing one. For an
/// array: the first faulty or missing property in the type's order, then an
/// array longer than the type.
fn first_mistake(
    value: &Json<'_>,
    expected: &str,
    names: &[&str],
    faults: &Faults,
) -> Option<String> {
    let Json::Array(items) = value else {
        return faults.first();
    };
    for (i, name) in names.iter().enumerate() {
        if i < items.len() {
            if let Some((_, message)) = faults.fields.iter().find(|(k, _)| k == name) {
                return Some(message.clone());
            }
        } else if faults.missing.contains(name) {
            let wanted = match names.len() {
                1 => format!("{expected} with 1 element"),
                n => format!("{expected} with {n} elements"),
            };
            return Some(invalid_length(i, &wanted));
        }
    }
    (items.len() > names.len()).then(|| invalid_length(items.len(), "fewer elements in array"))
}

/// A string.
pub fn string(value: &Json<'_>) -> Read<String> {
    match value {
        Json::String(s) => Ok(String::from(&**s)),
        _ => Err(invalid_type(value, "a string")),
    }
}

/// `true` or `false`.
pub fn boolean(value: &Json<'_>) -> Read<bool> {
    match value {
        Json::Bool(b) => Ok(*b),
        _ => Err(invalid_type(value, "a boolean")),
    }
}

/// Any number, as `f64`.
pub fn float(value: &Json<'_>) -> Read<f64> {
    match value {
        Json::Number(n) => n.as_f64().ok_or_else(|| invalid_type(value, "f64")),
        _ => Err(invalid_type(value, "f64")),
    }
}

/// A whole number from 0 to `max`; `name` is the Rust type (`u64`, `u8`).
fn unsigned(value: &Json<'_>, max: u64, name: &str) -> Read<u64> {
    match value {
        Json::Number(n) => match n.as_u64() {
            Some(u) if u <= max => Ok(u),
            Some(_) => Err(invalid_value(value, name)),
            None if n.is_i64() => Err(invalid_value(value, name)),
            None => Err(invalid_type(value, name)),
        },
        _ => Err(invalid_type(value, name)),
    }
}

/// A whole number ≥ 0.
pub fn count(value: &Json<'_>) -> Read<u64> {
    unsigned(value, u64::MAX, "u64")
}

/// A whole number from 0 to 255.
pub fn small(value: &Json<'_>) -> Read<u8> {
    unsigned(value, u64::from(u8::MAX), "u8").map(|u| u8::try_from(u).unwrap_or(u8::MAX))
}

/// A whole number from 0 to 4,294,967,295.
pub fn uint32(value: &Json<'_>) -> Read<u32> {
    unsigned(value, u64::from(u32::MAX), "u32").map(|u| u32::try_from(u).unwrap_or(u32::MAX))
}

/// A whole number from `min` to `max`; `name` is the Rust type (`i32`, `i64`).
/// As serde: an integer out of range is an invalid value, a fraction an
/// invalid type.
fn signed(value: &Json<'_>, min: i64, max: i64, name: &str) -> Read<i64> {
    match value {
        Json::Number(n) => match n.as_i64() {
            Some(i) if (min..=max).contains(&i) => Ok(i),
            Some(_) => Err(invalid_value(value, name)),
            None if n.is_u64() => Err(invalid_value(value, name)),
            None => Err(invalid_type(value, name)),
        },
        _ => Err(invalid_type(value, name)),
    }
}

/// A whole number that fits `i32`.
pub fn int32(value: &Json<'_>) -> Read<i32> {
    signed(value, i64::from(i32::MIN), i64::from(i32::MAX), "i32")
        .map(|i| i32::try_from(i).unwrap_or_default())
}

/// A whole number that fits `i64`.
pub fn int64(value: &Json<'_>) -> Read<i64> {
    signed(value, i64::MIN, i64::MAX, "i64")
}

/// A JSON object, as it is.
pub fn map(value: &Json<'_>) -> Read<Map<String, Value>> {
    match value {
        Json::Object(m) => Ok(m.to_map()),
        _ => Err(invalid_type(value, "a map")),
    }
}

/// Any value, as it is.
pub fn any(value: &Json<'_>) -> Read<Value> {
    Ok(value.to_value())
}

/// `null` as `None`, anything else read by `read`.
pub fn optional<T>(value: &Json<'_>, read: fn(&Json<'_>) -> Read<T>) -> Read<Option<T>> {
    if value.is_null() {
        Ok(None)
    } else {
        read(value).map(Some)
    }
}

/// An array, each element read by `read`; stops at the first mistake.
pub fn list<T>(value: &Json<'_>, read: fn(&Json<'_>) -> Read<T>) -> Read<Vec<T>> {
    let Json::Array(items) = value else {
        return Err(invalid_type(value, "a sequence"));
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(read(item)?);
    }
    Ok(out)
}

/// An object of named values, each read by `read`; stops at the first
/// mistake. (Inserted one by one: the object's keys are already in order.)
pub fn named<T>(value: &Json<'_>, read: fn(&Json<'_>) -> Read<T>) -> Read<BTreeMap<String, T>> {
    let Json::Object(map) = value else {
        return Err(invalid_type(value, "a map"));
    };
    let mut out = BTreeMap::new();
    for (k, v) in map.iter() {
        out.insert(k.to_owned(), read(v)?);
    }
    Ok(out)
}

/// One of the unit variants `all`, named by `name`: a string, or (as serde
/// reads an enum) an object with that name as its only key and `null` as its
/// value.
pub fn variant<T: Copy>(value: &Json<'_>, all: &[T], name: fn(T) -> &'static str) -> Read<T> {
    let (given, payload) = match value {
        Json::String(s) => (&**s, None),
        Json::Object(map) => {
            let mut entries = map.iter();
            match (entries.next(), entries.next()) {
                (Some((k, v)), None) => (k, Some(v)),
                _ => return Err(invalid_value(value, "map with a single key")),
            }
        }
        _ => return Err(invalid_type(value, "string or map")),
    };
    let Some(found) = find_variant(all, name, given) else {
        let names: Vec<&str> = all.iter().map(|t| name(*t)).collect();
        return Err(unknown_variant(given, &names));
    };
    match payload {
        Some(p) if !p.is_null() => Err(invalid_type(p, "unit")),
        _ => Ok(found),
    }
}

/// The variant of `all` that `name` calls `given`. Out of line and small: V8
/// charges each turn of a loop with the size of its function's code toward
/// compiling it again with its optimizing tier, and the search turns up to
/// `all.len()` times for every node of a spec (its `type`).
#[inline(never)]
fn find_variant<T: Copy>(all: &[T], name: fn(T) -> &'static str, given: &str) -> Option<T> {
    all.iter().copied().find(|t| name(*t) == given)
}

/// The place of `key` among a type's property `names`. Out of line and
/// small, as [`find_variant`].
#[inline(never)]
fn find_name(names: &[&str], key: &str) -> Option<usize> {
    names.iter().position(|n| *n == key)
}

/// Implements `Deserialize` for a type through its reader: the value is
/// taken as a [`Value`] (one instantiation shared by every type) and read
/// through its [`Json`] view.
/// Used by the spec types here and by the options types of
/// `dangjian_standards`.
#[macro_export]
macro_rules! deserialize_by {
    ($ty:ty, $read:path) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let value = <serde_json::Value as serde::Deserialize>::deserialize(d)?;
                $read(&$crate::json_text::Json::view(&value))
                    .map_err(<D::Error as serde::de::Error>::custom)
            }
        }
    };
}
pub use crate::deserialize_by;

#[cfg(test)]
mod tests;
