//! JSON text read with serde_json's exact answers: the same `Value` for
//! every text it accepts, and for every text it refuses the same message at
//! the same line and column (`"expected `,` or `}` at line 3 column 8"`).
//!
//! Specs, settings documents, tables and reports given as text are read
//! here ([`from_str`]), and a record that [`crate::json_reader`] refused is
//! worded here ([`check`]), so the browser modules carry no copy of
//! serde_json's text parser while every message a user sees stays word for
//! word what it was. `tests.rs` compares both with serde_json on every
//! built-in spec, settings file and golden record, mutated many times.
//!
//! Two readings, as serde_json has two:
//! - [`from_str`] is `serde_json::from_str::<Value>`: nesting up to 127
//!   arrays and objects (the 128th is "recursion limit exceeded"), numbers
//!   read as serde_json reads them without `float_roundtrip` (integers as
//!   `u64`/`i64`, others by its own best-effort product of the significand
//!   and a power of ten, so the same `f64` bits), a number too large for
//!   `f64` refused ("number out of range"), a repeated key keeping its last
//!   value;
//! - [`check`] is `serde_json::from_str::<IgnoredAny>`: only the syntax,
//!   at any depth, numbers not evaluated.
//!
//! Positions follow serde_json: the line from 1, the column in bytes from
//! the start of the line; an error about a byte already read points after
//! it, one about a byte looked at points after it too unless the text ended.

mod cursor;
mod member;
mod number;
mod skip;
mod tree;
mod value;

pub use tree::{Json, Members};

#[cfg(test)]
mod tests;

use serde_json::Value;
use std::borrow::Cow;

/// JSON text that was not read: serde_json's message and position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    /// What is wrong, in serde_json's words, without the position.
    pub message: Cow<'static, str>,
    /// Line, from 1 (0 when the message is not about a place in the text).
    pub line: usize,
    /// Column in bytes from the start of the line (0 before its first byte).
    pub column: usize,
}

impl TextError {
    /// The error at byte `at` of `text`.
    pub(crate) fn at(text: &str, at: usize, message: impl Into<Cow<'static, str>>) -> TextError {
        let (line, column) = position(text.as_bytes(), at);
        TextError {
            message: message.into(),
            line,
            column,
        }
    }

    /// An error about the value, not a place in the text (line and column 0).
    pub fn message(message: impl Into<Cow<'static, str>>) -> TextError {
        TextError {
            message: message.into(),
            line: 0,
            column: 0,
        }
    }
}

/// Written as serde_json writes its errors: `"{message} at line {line} column {column}"`.
impl std::fmt::Display for TextError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            f.write_str(&self.message)
        } else {
            write!(
                f,
                "{} at line {} column {}",
                self.message, self.line, self.column
            )
        }
    }
}

impl std::error::Error for TextError {}

/// Line (from 1) and column (bytes since the line's start) of byte `at`.
fn position(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = bytes.get(..at).unwrap_or(bytes);
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = 1 + before.iter().take(start).filter(|&&b| b == b'\n').count();
    (line, before.len() - start)
}

/// `text` as a `Value`, as `serde_json::from_str::<Value>` reads it.
pub fn from_str(text: &str) -> Result<Value, TextError> {
    tree(text).map(Json::into_value)
}

/// `text` as a [`Json`] that borrows its strings from `text`: the same
/// reading and the same errors as [`from_str`] (which is this, made a
/// `Value`), without a `String` per key or a map per object.
pub fn tree(text: &str) -> Result<Json<'_>, TextError> {
    value::read(text)
}

/// `text` read as a `T` through its `Value` (the one deserializer of `&Value`
/// every type already has). A text that is not JSON gives its syntax error
/// with line and column; a value that is not a `T` gives serde's message
/// without a position.
pub fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, TextError> {
    let value = from_str(text)?;
    T::deserialize(&value).map_err(|e| TextError::message(e.to_string()))
}

/// The string member `field` of the object `text`, read as serde_json reads
/// a derived `struct NAME { #[serde(borrow)] field: Cow<str> }` (other
/// members skipped, the struct also given as the array of its one field):
/// serde's messages (`missing field`, `invalid type: …, expected a string`,
/// …) at serde_json's line and column. `catalog::provide` reads a spec's id
/// this way before it takes the text.
pub fn string_member<'a>(
    text: &'a str,
    field: &str,
    name: &str,
) -> Result<Cow<'a, str>, TextError> {
    member::read(text, field, name)
}

/// Checks the syntax of `text` as `serde_json::from_str::<IgnoredAny>` does:
/// `Ok` for any JSON text, however deep, else serde_json's first error.
pub fn check(text: &str) -> Result<(), TextError> {
    skip::check(text)
}
