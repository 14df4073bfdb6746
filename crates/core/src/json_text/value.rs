//! Text to a tree of values, as `serde_json::from_str::<Value>` reads it, in
//! the tree's constructors ([`Tree`]: a [`super::Json`], which borrows its
//! strings from the text; a `Value` is made from it).

use super::cursor::{self as c, Cursor, Number, Result};
use super::TextError;
use serde_json::Value;
use std::borrow::Cow;

/// serde_json's recursion limit: the 128th array or object opened is refused.
const DEPTH: usize = 128;

/// What the reader builds: one constructor per kind of value.
pub(super) trait Tree<'a>: Sized {
    /// An object being read.
    type Members: Default;
    /// `null`, `true`, `false`.
    fn literal(value: Option<bool>) -> Self;
    /// A number.
    fn number(n: Number) -> Self;
    /// A string (borrowed from the text when it has no escapes).
    fn string(s: Cow<'a, str>) -> Self;
    /// An array.
    fn array(items: Vec<Self>) -> Self;
    /// Adds a member to an object being read.
    fn insert(members: &mut Self::Members, key: Cow<'a, str>, value: Self);
    /// An object read.
    fn object(members: Self::Members) -> Self;
}

/// The whole of `text` as one value.
pub(super) fn read<'a, T: Tree<'a>>(text: &'a str) -> std::result::Result<T, TextError> {
    let mut cursor = Cursor::new(text);
    let value = cursor.value(DEPTH)?;
    match cursor.whitespace() {
        Some(_) => Err(cursor.peek_error(c::TRAILING)),
        None => Ok(value),
    }
}

impl<'a> Cursor<'a> {
    /// One value; `remaining` is how many more containers may open.
    fn value<T: Tree<'a>>(&mut self, remaining: usize) -> Result<T> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(c::EOF_VALUE));
        };
        Ok(match peek {
            b'n' => {
                self.eat();
                self.ident(b"ull")?;
                T::literal(None)
            }
            b't' => {
                self.eat();
                self.ident(b"rue")?;
                T::literal(Some(true))
            }
            b'f' => {
                self.eat();
                self.ident(b"alse")?;
                T::literal(Some(false))
            }
            b'-' => {
                self.eat();
                T::number(self.number(false)?)
            }
            b'0'..=b'9' => T::number(self.number(true)?),
            b'"' => {
                self.eat();
                T::string(self.string()?)
            }
            b'[' | b'{' if remaining <= 1 => return Err(self.peek_error(c::RECURSION)),
            b'[' => {
                self.eat();
                self.array(remaining - 1)?
            }
            b'{' => {
                self.eat();
                self.object(remaining - 1)?
            }
            _ => return Err(self.peek_error(c::EXPECTED_VALUE)),
        })
    }

    fn array<T: Tree<'a>>(&mut self, remaining: usize) -> Result<T> {
        let mut items = Vec::new();
        loop {
            match self.whitespace() {
                None => return Err(self.peek_error(c::EOF_LIST)),
                Some(b']') => break,
                Some(_) if items.is_empty() => {}
                Some(b',') => {
                    self.eat();
                    match self.whitespace() {
                        Some(b']') => return Err(self.peek_error(c::TRAILING_COMMA)),
                        Some(_) => {}
                        None => return Err(self.peek_error(c::EOF_VALUE)),
                    }
                }
                Some(_) => return Err(self.peek_error(c::EXPECTED_LIST_COMMA)),
            }
            items.push(self.value(remaining)?);
        }
        self.eat();
        Ok(T::array(items))
    }

    fn object<T: Tree<'a>>(&mut self, remaining: usize) -> Result<T> {
        let mut members = T::Members::default();
        let mut first = true;
        while self.next_key(first)? {
            first = false;
            self.eat();
            let key = self.string()?;
            self.colon()?;
            let value = self.value(remaining)?;
            T::insert(&mut members, key, value);
        }
        self.eat();
        Ok(T::object(members))
    }
}

pub(super) fn number(n: Number) -> Value {
    match n {
        Number::U64(u) => Value::from(u),
        Number::I64(i) => Value::from(i),
        Number::F64(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
    }
}
