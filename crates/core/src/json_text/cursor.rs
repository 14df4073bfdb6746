//! The bytes of a JSON text one at a time, with serde_json's reading of
//! literals, strings and numbers and its rule for where an error points.

use super::TextError;
use crate::json_reader::short_escape;
use std::borrow::Cow;

pub(crate) const EOF_LIST: &str = "EOF while parsing a list";
pub(crate) const EOF_OBJECT: &str = "EOF while parsing an object";
pub(crate) const EOF_STRING: &str = "EOF while parsing a string";
pub(crate) const EOF_VALUE: &str = "EOF while parsing a value";
pub(crate) const EXPECTED_COLON: &str = "expected `:`";
pub(crate) const EXPECTED_LIST_COMMA: &str = "expected `,` or `]`";
pub(crate) const EXPECTED_OBJECT_COMMA: &str = "expected `,` or `}`";
pub(crate) const EXPECTED_IDENT: &str = "expected ident";
pub(crate) const EXPECTED_VALUE: &str = "expected value";
pub(crate) const INVALID_ESCAPE: &str = "invalid escape";
pub(crate) const INVALID_NUMBER: &str = "invalid number";
pub(crate) const OUT_OF_RANGE: &str = "number out of range";
pub(crate) const CONTROL: &str = "control character (\\u0000-\\u001F) found while parsing a string";
pub(crate) const KEY_STRING: &str = "key must be a string";
pub(crate) const LONE_SURROGATE: &str = "lone leading surrogate in hex escape";
pub(crate) const TRAILING_COMMA: &str = "trailing comma";
pub(crate) const TRAILING: &str = "trailing characters";
pub(crate) const END_OF_HEX: &str = "unexpected end of hex escape";
pub(crate) const RECURSION: &str = "recursion limit exceeded";

/// A number as serde_json's parser hands it on.
pub(crate) enum Number {
    U64(u64),
    I64(i64),
    F64(f64),
}

pub(crate) type Result<T> = std::result::Result<T, TextError>;

/// The text and the index of the next byte.
pub(crate) struct Cursor<'a> {
    pub(crate) text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(text: &'a str) -> Cursor<'a> {
        Cursor {
            text,
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    pub(crate) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(crate) fn eat(&mut self) {
        self.pos += 1;
    }

    pub(crate) fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    /// An error about a byte already read (serde_json's `error`).
    #[cold]
    pub(crate) fn error(&self, message: &'static str) -> TextError {
        TextError::at(self.text, self.pos, message)
    }

    /// A message placed where the cursor is.
    #[cold]
    pub(crate) fn error_with(&self, message: std::borrow::Cow<'static, str>) -> TextError {
        TextError::at(self.text, self.pos, message)
    }

    /// An error about the byte looked at (serde_json's `peek_error`).
    #[cold]
    pub(crate) fn peek_error(&self, message: &'static str) -> TextError {
        TextError::at(self.text, (self.pos + 1).min(self.bytes.len()), message)
    }

    /// Skips whitespace; the next byte, not read.
    pub(crate) fn whitespace(&mut self) -> Option<u8> {
        loop {
            match self.peek() {
                Some(b' ' | b'\n' | b'\t' | b'\r') => self.eat(),
                other => return other,
            }
        }
    }

    /// The rest of `null`, `true` or `false`.
    pub(crate) fn ident(&mut self, rest: &[u8]) -> Result<()> {
        for expected in rest {
            match self.next() {
                None => return Err(self.error(EOF_VALUE)),
                Some(b) if b != *expected => return Err(self.error(EXPECTED_IDENT)),
                Some(_) => {}
            }
        }
        Ok(())
    }

    /// Moves to the next `"`, `\` or control byte of a string (or the end):
    /// whole words at a time as `json_reader` skips them, then byte by byte.
    fn skip_plain(&mut self) {
        self.pos += crate::json_reader::plain_run(self.bytes.get(self.pos..).unwrap_or_default());
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        self.pos += rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(rest.len());
    }

    /// A string, the cursor after its opening quote: borrowed when it has no
    /// escapes.
    pub(crate) fn string(&mut self) -> Result<Cow<'a, str>> {
        let mut start = self.pos;
        let mut out: Option<String> = None;
        loop {
            self.skip_plain();
            let plain = self.text.get(start..self.pos).unwrap_or_default();
            match self.peek() {
                None => return Err(self.error(EOF_STRING)),
                Some(b'"') => {
                    self.eat();
                    return Ok(match out {
                        None => Cow::Borrowed(plain),
                        Some(mut s) => {
                            s.push_str(plain);
                            Cow::Owned(s)
                        }
                    });
                }
                Some(b'\\') => {
                    let s = out.get_or_insert_with(String::new);
                    s.push_str(plain);
                    self.eat();
                    self.escape(s)?;
                    start = self.pos;
                }
                Some(_) => {
                    self.eat();
                    return Err(self.error(CONTROL));
                }
            }
        }
    }

    /// Between an object's members, as serde_json's map access reads them:
    /// `true` with the cursor on the next key's opening quote, `false` on the
    /// closing `}`; `first` when no member has been read yet.
    pub(crate) fn next_key(&mut self, first: bool) -> Result<bool> {
        match self.whitespace() {
            None => Err(self.peek_error(EOF_OBJECT)),
            Some(b'}') => Ok(false),
            Some(b'"') if first => Ok(true),
            Some(_) if first => Err(self.peek_error(KEY_STRING)),
            Some(b',') => {
                self.eat();
                match self.whitespace() {
                    Some(b'"') => Ok(true),
                    Some(b'}') => Err(self.peek_error(TRAILING_COMMA)),
                    Some(_) => Err(self.peek_error(KEY_STRING)),
                    None => Err(self.peek_error(EOF_VALUE)),
                }
            }
            Some(_) => Err(self.peek_error(EXPECTED_OBJECT_COMMA)),
        }
    }

    /// The `:` after an object's key, eaten.
    pub(crate) fn colon(&mut self) -> Result<()> {
        match self.whitespace() {
            Some(b':') => {
                self.eat();
                Ok(())
            }
            Some(_) => Err(self.peek_error(EXPECTED_COLON)),
            None => Err(self.peek_error(EOF_OBJECT)),
        }
    }

    /// A string skipped (serde_json's `ignore_str`: escapes checked, `\u`
    /// only for four hex digits).
    pub(crate) fn skip_string(&mut self) -> Result<()> {
        loop {
            self.skip_plain();
            match self.peek() {
                None => return Err(self.error(EOF_STRING)),
                Some(b'"') => {
                    self.eat();
                    return Ok(());
                }
                Some(b'\\') => {
                    self.eat();
                    match self.next() {
                        None => return Err(self.error(EOF_STRING)),
                        Some(b'u') => {
                            self.hex4()?;
                        }
                        Some(b) if short_escape(b).is_some() => {}
                        Some(_) => return Err(self.error(INVALID_ESCAPE)),
                    }
                }
                Some(_) => return Err(self.error(CONTROL)),
            }
        }
    }

    /// One escape, the cursor after its `\`.
    fn escape(&mut self, out: &mut String) -> Result<()> {
        let c = match self.next() {
            None => return Err(self.error(EOF_STRING)),
            Some(b'u') => self.unicode_escape()?,
            Some(b) => short_escape(b).ok_or_else(|| self.error(INVALID_ESCAPE))?,
        };
        out.push(c);
        Ok(())
    }

    /// The character of `\uXXXX`, a surrogate pair read whole.
    fn unicode_escape(&mut self) -> Result<char> {
        let n = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&n) {
            return Err(self.error(LONE_SURROGATE));
        }
        if !(0xD800..=0xDBFF).contains(&n) {
            return char::from_u32(n).ok_or_else(|| self.error(INVALID_ESCAPE));
        }
        for expected in [b'\\', b'u'] {
            match self.peek() {
                None => return Err(self.error(EOF_STRING)),
                Some(b) if b == expected => self.eat(),
                Some(_) => {
                    self.eat();
                    return Err(self.error(END_OF_HEX));
                }
            }
        }
        let low = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&low) {
            return Err(self.error(LONE_SURROGATE));
        }
        char::from_u32(0x1_0000 + ((n - 0xD800) << 10) + (low - 0xDC00))
            .ok_or_else(|| self.error(INVALID_ESCAPE))
    }

    /// Four hex digits (serde_json's `decode_hex_escape`).
    fn hex4(&mut self) -> Result<u32> {
        let Some(four) = self.bytes.get(self.pos..self.pos + 4) else {
            self.pos = self.bytes.len();
            return Err(self.error(EOF_STRING));
        };
        self.pos += 4;
        let mut n = 0;
        for &b in four {
            let digit = char::from(b)
                .to_digit(16)
                .ok_or_else(|| self.error(INVALID_ESCAPE))?;
            n = n * 16 + digit;
        }
        Ok(n)
    }
}
