//! Text to a [`Json`], as `serde_json::from_str::<Value>` reads it (a
//! `Value` is made from the tree: [`super::from_str`]).

use super::cursor::{self as c, Cursor, Number, Result};
use super::tree::Members;
use super::{Json, TextError};

/// serde_json's recursion limit: the 128th array or object opened is refused.
const DEPTH: usize = 128;

/// The whole of `text` as one value.
pub(super) fn read(text: &str) -> std::result::Result<Json<'_>, TextError> {
    let mut cursor = Cursor::new(text);
    let value = cursor.value(DEPTH)?;
    match cursor.whitespace() {
        Some(_) => Err(cursor.peek_error(c::TRAILING)),
        None => Ok(value),
    }
}

impl<'a> Cursor<'a> {
    /// One value; `remaining` is how many more containers may open.
    fn value(&mut self, remaining: usize) -> Result<Json<'a>> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(c::EOF_VALUE));
        };
        Ok(match peek {
            b'n' => {
                self.eat();
                self.ident(b"ull")?;
                Json::Null
            }
            b't' => {
                self.eat();
                self.ident(b"rue")?;
                Json::Bool(true)
            }
            b'f' => {
                self.eat();
                self.ident(b"alse")?;
                Json::Bool(false)
            }
            b'-' => {
                self.eat();
                number(self.number(false)?)
            }
            b'0'..=b'9' => number(self.number(true)?),
            b'"' => {
                self.eat();
                Json::String(self.string()?)
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

    fn array(&mut self, remaining: usize) -> Result<Json<'a>> {
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
        Ok(Json::Array(items))
    }

    fn object(&mut self, remaining: usize) -> Result<Json<'a>> {
        let mut members = Vec::new();
        let mut first = true;
        while self.next_key(first)? {
            first = false;
            self.eat();
            let key = self.string()?;
            self.colon()?;
            let value = self.value(remaining)?;
            members.push((key, value));
        }
        self.eat();
        Ok(Json::Object(Members::ordered(members)))
    }
}

/// A number as the tree holds it (serde_json's `Number`).
pub(super) fn number(n: Number) -> Json<'static> {
    match n {
        Number::U64(u) => Json::Number(u.into()),
        Number::I64(i) => Json::Number(i.into()),
        Number::F64(f) => serde_json::Number::from_f64(f).map_or(Json::Null, Json::Number),
    }
}
