//! One string member of an object read as serde_json reads a derived struct
//! of one borrowed string field: its `deserialize_struct`, `deserialize_str`
//! and `peek_invalid_type`, with serde's wording of each mistake and
//! serde_json's rule for placing a message that has no position (where the
//! cursor is when it comes back up).

use super::cursor::{self as c, Cursor, Result};
use super::value::number;
use super::{Json, Members, TextError};
use crate::spec::read::wording;
use std::borrow::Cow;

pub(super) fn read<'a>(
    text: &'a str,
    field: &str,
    name: &str,
) -> std::result::Result<Cow<'a, str>, TextError> {
    let mut cursor = Cursor::new(text);
    let value = cursor.one_field_struct(field, name)?;
    match cursor.whitespace() {
        Some(_) => Err(cursor.peek_error(c::TRAILING)),
        None => Ok(value),
    }
}

impl<'a> Cursor<'a> {
    /// A message without a position placed where the cursor is.
    fn fix(&self, e: TextError) -> TextError {
        if e.line == 0 {
            self.error_with(e.message)
        } else {
            e
        }
    }

    fn one_field_struct(&mut self, field: &str, name: &str) -> Result<Cow<'a, str>> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(c::EOF_VALUE));
        };
        let value = match peek {
            b'[' => {
                self.eat();
                let value = self.first_element(name);
                let end = self.end_seq();
                value.and_then(|v| end.map(|()| v))
            }
            b'{' => {
                self.eat();
                let value = self.string_field(field);
                let end = self.end_map();
                value.and_then(|v| end.map(|()| v))
            }
            _ => Err(self.peek_invalid_type(&format!("struct {name}"))),
        };
        value.map_err(|e| self.fix(e))
    }

    fn first_element(&mut self, name: &str) -> Result<Cow<'a, str>> {
        match self.whitespace() {
            None => Err(self.peek_error(c::EOF_LIST)),
            Some(b']') => Err(TextError::message(wording::invalid_length(
                0,
                &format!("struct {name} with 1 element"),
            ))),
            Some(_) => self.str_value(),
        }
    }

    fn string_field(&mut self, field: &str) -> Result<Cow<'a, str>> {
        let mut found = None;
        let mut first = true;
        while self.next_key(first)? {
            first = false;
            self.eat();
            let key = self.string()?;
            let mine = key == field;
            if mine && found.is_some() {
                return Err(TextError::message(format!("duplicate field `{field}`")));
            }
            self.colon()?;
            if mine {
                found = Some(self.str_value()?);
            } else {
                self.skip_value()?;
            }
        }
        found.ok_or_else(|| TextError::message(wording::missing_field(field)))
    }

    /// serde_json's `end_seq`.
    fn end_seq(&mut self) -> Result<()> {
        match self.whitespace() {
            Some(b']') => {
                self.eat();
                Ok(())
            }
            Some(b',') => {
                self.eat();
                match self.whitespace() {
                    Some(b']') => Err(self.peek_error(c::TRAILING_COMMA)),
                    _ => Err(self.peek_error(c::TRAILING)),
                }
            }
            Some(_) => Err(self.peek_error(c::TRAILING)),
            None => Err(self.peek_error(c::EOF_LIST)),
        }
    }

    /// serde_json's `end_map`.
    fn end_map(&mut self) -> Result<()> {
        match self.whitespace() {
            Some(b'}') => {
                self.eat();
                Ok(())
            }
            Some(b',') => Err(self.peek_error(c::TRAILING_COMMA)),
            Some(_) => Err(self.peek_error(c::TRAILING)),
            None => Err(self.peek_error(c::EOF_OBJECT)),
        }
    }

    /// A string, borrowed when it has no escapes (serde_json's `deserialize_str`).
    fn str_value(&mut self) -> Result<Cow<'a, str>> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(c::EOF_VALUE));
        };
        let value = if peek == b'"' {
            self.eat();
            self.string()
        } else {
            Err(self.peek_invalid_type("a string"))
        };
        value.map_err(|e| self.fix(e))
    }

    /// serde_json's `peek_invalid_type`: the value looked at, read as far as
    /// naming it needs, in `invalid type: …, expected …`.
    fn peek_invalid_type(&mut self, expected: &str) -> TextError {
        let found = match self.peek() {
            Some(b'n') => {
                self.eat();
                self.ident(b"ull").map(|()| Json::Null)
            }
            Some(b't') => {
                self.eat();
                self.ident(b"rue").map(|()| Json::Bool(true))
            }
            Some(b'f') => {
                self.eat();
                self.ident(b"alse").map(|()| Json::Bool(false))
            }
            Some(b'-') => {
                self.eat();
                self.number(false).map(number)
            }
            Some(b'0'..=b'9') => self.number(true).map(number),
            Some(b'"') => {
                self.eat();
                self.string().map(Json::String)
            }
            Some(b'[') => Ok(Json::Array(Vec::new())),
            Some(b'{') => Ok(Json::Object(Members::default())),
            _ => return self.peek_error(c::EXPECTED_VALUE),
        };
        match found {
            Ok(v) => self.fix(TextError::message(wording::invalid_type(&v, expected))),
            Err(e) => e,
        }
    }
}
