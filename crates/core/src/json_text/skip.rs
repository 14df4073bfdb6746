//! The syntax of a text checked as `serde_json::from_str::<IgnoredAny>`
//! checks it (its `ignore_value`): at any depth, with a stack of the open
//! containers instead of recursion, numbers not evaluated.

use super::cursor::{self as c, Cursor, Result};

pub(super) fn check(text: &str) -> Result<()> {
    let mut cursor = Cursor::new(text);
    cursor.skip_value()?;
    match cursor.whitespace() {
        Some(_) => Err(cursor.peek_error(c::TRAILING)),
        None => Ok(()),
    }
}

impl Cursor<'_> {
    pub(super) fn skip_value(&mut self) -> Result<()> {
        // The open containers, innermost last (`true` for an object).
        let mut open: Vec<bool> = Vec::new();
        loop {
            let Some(peek) = self.whitespace() else {
                return Err(self.peek_error(c::EOF_VALUE));
            };
            let opened = match peek {
                b'n' => {
                    self.eat();
                    self.ident(b"ull")?;
                    None
                }
                b't' => {
                    self.eat();
                    self.ident(b"rue")?;
                    None
                }
                b'f' => {
                    self.eat();
                    self.ident(b"alse")?;
                    None
                }
                b'-' => {
                    self.eat();
                    self.skip_number()?;
                    None
                }
                b'0'..=b'9' => {
                    self.skip_number()?;
                    None
                }
                b'"' => {
                    self.eat();
                    self.skip_string()?;
                    None
                }
                b'[' | b'{' => {
                    self.eat();
                    Some(peek == b'{')
                }
                _ => return Err(self.peek_error(c::EXPECTED_VALUE)),
            };
            let (mut accept_comma, mut object) = match opened {
                Some(object) => (false, object),
                None => match open.pop() {
                    Some(object) => (true, object),
                    None => return Ok(()),
                },
            };
            loop {
                match self.whitespace() {
                    Some(b',') if accept_comma => {
                        self.eat();
                        break;
                    }
                    Some(b']') if !object => {}
                    Some(b'}') if object => {}
                    Some(_) if accept_comma => {
                        return Err(self.peek_error(if object {
                            c::EXPECTED_OBJECT_COMMA
                        } else {
                            c::EXPECTED_LIST_COMMA
                        }))
                    }
                    Some(_) => break,
                    None => {
                        return Err(self.peek_error(if object {
                            c::EOF_OBJECT
                        } else {
                            c::EOF_LIST
                        }))
                    }
                }
                self.eat();
                match open.pop() {
                    Some(o) => object = o,
                    None => return Ok(()),
                }
                accept_comma = true;
            }
            if object {
                match self.whitespace() {
                    Some(b'"') => self.eat(),
                    Some(_) => return Err(self.peek_error(c::KEY_STRING)),
                    None => return Err(self.peek_error(c::EOF_OBJECT)),
                }
                self.skip_string()?;
                self.colon()?;
            }
            open.push(object);
        }
    }
}
