//! Text to `serde_json::Value`, as `serde_json::from_str::<Value>` reads it.

use super::cursor::{self as c, Cursor, Number, Result};
use super::TextError;
use serde_json::{Map, Value};

/// serde_json's recursion limit: the 128th array or object opened is refused.
const DEPTH: usize = 128;

pub(super) fn read(text: &str) -> std::result::Result<Value, TextError> {
    let mut cursor = Cursor::new(text);
    let value = cursor.value(DEPTH)?;
    match cursor.whitespace() {
        Some(_) => Err(cursor.peek_error(c::TRAILING)),
        None => Ok(value),
    }
}

impl Cursor<'_> {
    /// One value; `remaining` is how many more containers may open.
    fn value(&mut self, remaining: usize) -> Result<Value> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error(c::EOF_VALUE));
        };
        Ok(match peek {
            b'n' => {
                self.eat();
                self.ident(b"ull")?;
                Value::Null
            }
            b't' => {
                self.eat();
                self.ident(b"rue")?;
                Value::Bool(true)
            }
            b'f' => {
                self.eat();
                self.ident(b"alse")?;
                Value::Bool(false)
            }
            b'-' => {
                self.eat();
                number(self.number(false)?)
            }
            b'0'..=b'9' => number(self.number(true)?),
            b'"' => {
                self.eat();
                Value::String(self.string()?.into_owned())
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

    fn array(&mut self, remaining: usize) -> Result<Value> {
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
        Ok(Value::Array(items))
    }

    fn object(&mut self, remaining: usize) -> Result<Value> {
        let mut map = Map::new();
        let mut first = true;
        while self.next_key(first)? {
            first = false;
            self.eat();
            let key = self.string()?.into_owned();
            self.colon()?;
            let value = self.value(remaining)?;
            map.insert(key, value);
        }
        self.eat();
        Ok(Value::Object(map))
    }
}

pub(super) fn number(n: Number) -> Value {
    match n {
        Number::U64(u) => Value::from(u),
        Number::I64(i) => Value::from(i),
        Number::F64(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
    }
}
