//! Compact JSON text, written exactly as `serde_json::to_string` writes it,
//! through one serializer of our own.
//!
//! serde_json's writer is generic over the output and the formatter, so each
//! of them (a `Vec<u8>`, a byte counter, `Value`'s `Display`) carried its own
//! copy of every derived `Serialize` impl, of the escaping and of the number
//! printers (itoa, and zmij with its 10 KB table of powers of ten). Here
//! there is one output (a `String`) and one serializer type, so each derived
//! impl is instantiated once; integers are printed by the standard
//! library's formatting, which the module links anyway, and floats from
//! [`crate::decimal`]'s shortest digits (not the standard library's float
//! formatting, which it would link for them alone).
//!
//! What is written, byte for byte as serde_json 1 writes it:
//! - objects and arrays without spaces, members in the order the derived
//!   impl (or the `Map`) gives them;
//! - strings with `"` and `\` escaped, `\b` `\f` `\n` `\r` `\t`, the other
//!   control characters as `\u00XX` (lower-case hex), everything else as is;
//! - integers in decimal; finite floats as zmij prints them (the shortest
//!   digits that read back as the same number; `100.0`, `0.001`, `1e+16`,
//!   `1.5e-7`, `-0.0`), NaN and the infinities as `null`;
//! - map keys that are numbers, booleans or chars quoted, other non-string
//!   keys refused (`key must be a string`).
//!
//! `tests` compares it with serde_json on every golden report, random
//! values and a large set of random and edge `f64` bit patterns.

use serde::ser::{self, Serialize};
use std::fmt::Write as _;

/// Why a value could not be written: a map key that is not a string, or
/// the byte budget of [`written_len`] exceeded. One pointer, so that a
/// `Result<(), WriteError>` is returned in a register by every derived
/// `Serialize` (a `String` made each `?` copy three words).
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::box_collection)]
pub struct WriteError(Box<String>);

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for WriteError {}

impl ser::Error for WriteError {
    fn custom<T: std::fmt::Display>(msg: T) -> WriteError {
        WriteError(Box::new(msg.to_string()))
    }
}

/// `value` as compact JSON text, the bytes `serde_json::to_string` gives.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let mut json = Json::new(usize::MAX);
    value.serialize(&mut json)?;
    Ok(json.out)
}

/// `value` as indented JSON text, the bytes `serde_json::to_string_pretty`
/// gives: two spaces a level, `": "` after a name, empty lists and objects
/// as `[]` and `{}`.
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let mut json = Json::new(usize::MAX);
    json.pretty = true;
    value.serialize(&mut json)?;
    Ok(json.out)
}

/// A JSON value as compact text: what `value.to_string()` gives, without
/// linking serde_json's `Display` (its compact and pretty writers).
pub fn value_text(value: &serde_json::Value) -> String {
    to_string(value).unwrap_or_default()
}

/// The bytes `value` takes as compact JSON, counted up to just past `stop`:
/// the writing stops at the first piece that goes beyond it, the same piece
/// serde_json's writer hands an `io::Write` (a bracket, a separator, a run of
/// a string between escapes, an escape, a number, a literal), so the count is
/// the one a byte counter behind `serde_json::to_writer` gives.
pub fn written_len<T: Serialize + ?Sized>(value: &T, stop: usize) -> usize {
    let mut json = Json::new(stop);
    let _ = value.serialize(&mut json);
    json.out.len()
}

/// Appends `text` as a JSON string (quotes and escapes as serde_json writes them).
pub fn write_str(out: &mut String, text: &str) {
    let mut json = Json::new(usize::MAX);
    json.out = std::mem::take(out);
    let _ = json.string(text);
    *out = json.out;
}

/// Appends `value` as serde_json writes an `f64` (`null` unless finite).
pub fn write_f64(out: &mut String, value: f64) {
    if value.is_finite() {
        float(out, value);
    } else {
        out.push_str("null");
    }
}

/// What the writer needs of a float type: its shortest digits, and the
/// exponents zmij writes without `e`.
trait Float: Copy {
    /// The exponents (of `d.ddd×10^x`) written in plain notation.
    const PLAIN: std::ops::RangeInclusive<i32>;
    fn finite(self) -> bool;
    /// The magnitude of a number of at most two decimals between 0.01 and 10^13 as
    /// its hundredths: there its shortest digits are those of the hundredths
    /// (no other string of as few digits reads back as it).
    fn cents(self) -> Option<u64>;
    fn negative(self) -> bool;
    /// The shortest digits of the magnitude, ties to the even one, as zmij
    /// gives them ([`crate::decimal`]: without the standard library's float
    /// formatting).
    fn shortest(self) -> crate::decimal::Shortest;
}

impl Float for f64 {
    const PLAIN: std::ops::RangeInclusive<i32> = -5..=15;
    fn finite(self) -> bool {
        self.is_finite()
    }
    fn cents(self) -> Option<u64> {
        let magnitude = self.abs();
        if !(0.01..1e13).contains(&magnitude) {
            return None;
        }
        let cents = (magnitude * 100.0).round();
        (cents / 100.0 == magnitude).then_some(cents as u64)
    }
    fn negative(self) -> bool {
        self.is_sign_negative()
    }
    fn shortest(self) -> crate::decimal::Shortest {
        crate::decimal::shortest_f64(self)
    }
}

impl Float for f32 {
    const PLAIN: std::ops::RangeInclusive<i32> = -6..=12;
    fn finite(self) -> bool {
        self.is_finite()
    }
    fn cents(self) -> Option<u64> {
        None
    }
    fn negative(self) -> bool {
        self.is_sign_negative()
    }
    fn shortest(self) -> crate::decimal::Shortest {
        crate::decimal::shortest_f32(self)
    }
}

/// A finite float as zmij writes it, from its shortest digits.
fn float<F: Float>(out: &mut String, value: F) {
    if value.negative() {
        out.push('-');
    }
    if let Some(cents) = value.cents() {
        // Hundredths (scores, percentages): their digits are those of the
        // cents, without the big integers.
        let _ = write!(out, "{}.", cents / 100);
        let fraction = cents % 100;
        if fraction % 10 == 0 {
            let _ = write!(out, "{}", fraction / 10);
        } else {
            let _ = write!(out, "{fraction:02}");
        }
        return;
    }
    let shortest = value.shortest();
    let (digits, exp) = (shortest.digits(), shortest.exp());
    if digits == "0" {
        out.push_str("0.0");
        return;
    }
    let plain = F::PLAIN;
    let len = digits.len() as i32;
    if plain.contains(&exp) {
        // 1234e-2 → 12.34, 1234e-6 → 0.001234; 1234e7 → 12340000000.0
        crate::decimal::write_digits_plain(out, digits, exp);
        if len - 1 <= exp {
            out.push_str(".0");
        }
        return;
    }
    // 1234e30 → 1.234e+33
    crate::decimal::write_significand(out, digits);
    out.push('e');
    out.push(if exp >= 0 { '+' } else { '-' });
    let _ = write!(out, "{}", exp.unsigned_abs());
}

/// The serializer: the text so far, the byte budget, whether a map key is
/// being written (keys that are numbers, booleans or chars are quoted), and
/// for indented text the depth.
struct Json {
    out: String,
    stop: usize,
    key: bool,
    pretty: bool,
    depth: usize,
}

type Result<T> = std::result::Result<T, WriteError>;

fn key_must_be_a_string() -> WriteError {
    WriteError(Box::new("key must be a string".to_owned()))
}

impl Json {
    fn new(stop: usize) -> Json {
        Json {
            out: String::with_capacity(128),
            stop,
            key: false,
            pretty: false,
            depth: 0,
        }
    }

    /// Appends one piece, stopping once the text is longer than the budget.
    #[inline(never)]
    fn put(&mut self, piece: &str) -> Result<()> {
        self.out.push_str(piece);
        if self.out.len() > self.stop {
            return Err(WriteError(Box::new("over the limit".to_owned())));
        }
        Ok(())
    }

    /// Whether the list or object just opened has nothing in it yet.
    fn at_open(&self) -> bool {
        matches!(self.out.as_bytes().last(), Some(b'[' | b'{'))
    }

    /// A separator before an element or member unless it is the first (and
    /// in indented text a new line, indented).
    #[inline(never)]
    fn next(&mut self) -> Result<()> {
        if self.pretty {
            let first = self.at_open();
            self.put(if first { "\n" } else { ",\n" })?;
            return self.indent();
        }
        if self.at_open() {
            return Ok(());
        }
        self.put(",")
    }

    fn indent(&mut self) -> Result<()> {
        for _ in 0..self.depth {
            self.put("  ")?;
        }
        Ok(())
    }

    /// `[` or `{`.
    #[inline(never)]
    fn open(&mut self, bracket: &str) -> Result<()> {
        self.depth += 1;
        self.put(bracket)
    }

    /// `]` or `}`: in indented text on a line of its own unless empty.
    #[inline(never)]
    fn close(&mut self, bracket: &str) -> Result<()> {
        self.depth = self.depth.saturating_sub(1);
        if self.pretty && !self.at_open() {
            self.put("\n")?;
            self.indent()?;
        }
        self.put(bracket)
    }

    /// `:` after a member's name (`": "` when indented).
    fn colon(&mut self) -> Result<()> {
        self.put(if self.pretty { ": " } else { ":" })
    }

    /// `text` as a JSON string.
    #[inline(never)]
    fn string(&mut self, text: &str) -> Result<()> {
        self.put("\"")?;
        let bytes = text.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                0x08 => "\\b",
                0x0c => "\\f",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0..=0x1f => "",
                _ => continue,
            };
            if start < i {
                self.put(text.get(start..i).unwrap_or(""))?;
            }
            if escape.is_empty() {
                let mut code = String::from("\\u00");
                let _ = write!(code, "{b:02x}");
                self.put(&code)?;
            } else {
                self.put(escape)?;
            }
            start = i + 1;
        }
        if start < bytes.len() {
            self.put(text.get(start..).unwrap_or(""))?;
        }
        self.put("\"")
    }

    /// A number printed by `Display` (quoted when it is a map key).
    #[inline(never)]
    fn display<N: std::fmt::Display>(&mut self, n: N) -> Result<()> {
        self.number(|out| {
            let _ = write!(out, "{n}");
        })
    }

    /// A number written straight into the text by `write`, in quotes when it
    /// is a map key (three pieces, as serde_json writes them).
    fn number(&mut self, write: impl FnOnce(&mut String)) -> Result<()> {
        if self.key {
            self.put("\"")?;
        }
        write(&mut self.out);
        self.put("")?;
        if self.key {
            self.put("\"")?;
        }
        Ok(())
    }

    /// `true` or `false`, in quotes when it is a map key.
    fn quoted(&mut self, literal: &str) -> Result<()> {
        self.number(|out| out.push_str(literal))
    }

    fn floating<F: Float>(&mut self, value: F) -> Result<()> {
        if !value.finite() {
            if self.key {
                return Err(WriteError(Box::new(
                    "float key must be finite (got NaN or +/-inf)".to_owned(),
                )));
            }
            return self.put("null");
        }
        self.number(|out| float(out, value))
    }

    #[inline(never)]
    fn container(&mut self, open: &str) -> Result<&mut Json> {
        if self.key {
            return Err(key_must_be_a_string());
        }
        self.open(open)?;
        Ok(self)
    }

    /// `{"variant":` before a variant's content.
    #[inline(never)]
    fn variant(&mut self, variant: &str) -> Result<()> {
        if self.key {
            return Err(key_must_be_a_string());
        }
        self.open("{")?;
        self.name(variant)
    }

    /// What comes before a member's value: a separator, its name and `:`
    /// (one function, not a copy in each type's `Serialize`).
    #[inline(never)]
    fn name(&mut self, name: &str) -> Result<()> {
        self.next()?;
        self.string(name)?;
        self.colon()
    }

    /// One member: shared by every struct with a member of type `T`.
    #[inline(never)]
    fn member<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<()> {
        self.name(name)?;
        value.serialize(&mut *self)
    }

    /// One element: shared by every list of `T`.
    #[inline(never)]
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.next()?;
        value.serialize(&mut *self)
    }
}

impl<'a> ser::Serializer for &'a mut Json {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = &'a mut Json;
    type SerializeTuple = &'a mut Json;
    type SerializeTupleStruct = &'a mut Json;
    type SerializeTupleVariant = &'a mut Json;
    type SerializeMap = &'a mut Json;
    type SerializeStruct = &'a mut Json;
    type SerializeStructVariant = &'a mut Json;

    fn serialize_bool(self, v: bool) -> Result<()> {
        match (self.key, v) {
            (true, true) => self.quoted("true"),
            (true, false) => self.quoted("false"),
            (false, true) => self.put("true"),
            (false, false) => self.put("false"),
        }
    }
    fn serialize_i8(self, v: i8) -> Result<()> {
        self.display(v)
    }
    fn serialize_i16(self, v: i16) -> Result<()> {
        self.display(v)
    }
    fn serialize_i32(self, v: i32) -> Result<()> {
        self.display(v)
    }
    fn serialize_i64(self, v: i64) -> Result<()> {
        self.display(v)
    }
    fn serialize_i128(self, v: i128) -> Result<()> {
        self.display(v)
    }
    fn serialize_u8(self, v: u8) -> Result<()> {
        self.display(v)
    }
    fn serialize_u16(self, v: u16) -> Result<()> {
        self.display(v)
    }
    fn serialize_u32(self, v: u32) -> Result<()> {
        self.display(v)
    }
    fn serialize_u64(self, v: u64) -> Result<()> {
        self.display(v)
    }
    fn serialize_u128(self, v: u128) -> Result<()> {
        self.display(v)
    }
    fn serialize_f32(self, v: f32) -> Result<()> {
        self.floating(v)
    }
    fn serialize_f64(self, v: f64) -> Result<()> {
        self.floating(v)
    }
    fn serialize_char(self, v: char) -> Result<()> {
        self.string(v.encode_utf8(&mut [0u8; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<()> {
        self.string(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        let seq = self.container("[")?;
        for b in v {
            seq.element(b)?;
        }
        seq.close("]")
    }
    fn serialize_none(self) -> Result<()> {
        if self.key {
            return Err(key_must_be_a_string());
        }
        self.put("null")
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<()> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        self.variant(variant)?;
        value.serialize(&mut *self)?;
        self.close("}")
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        self.container("[")
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        self.container("[")
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        self.container("[")
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        self.variant(variant)?;
        self.open("[")?;
        Ok(self)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        self.container("{")
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        self.container("{")
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        self.variant(variant)?;
        self.open("{")?;
        Ok(self)
    }
}

impl ser::SerializeSeq for &mut Json {
    type Ok = ();
    type Error = WriteError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        self.close("]")
    }
}

impl ser::SerializeTuple for &mut Json {
    type Ok = ();
    type Error = WriteError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        self.close("]")
    }
}

impl ser::SerializeTupleStruct for &mut Json {
    type Ok = ();
    type Error = WriteError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        self.close("]")
    }
}

impl ser::SerializeTupleVariant for &mut Json {
    type Ok = ();
    type Error = WriteError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        self.close("]")?;
        self.close("}")
    }
}

impl ser::SerializeMap for &mut Json {
    type Ok = ();
    type Error = WriteError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.next()?;
        self.key = true;
        let written = key.serialize(&mut **self);
        self.key = false;
        written
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.colon()?;
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<()> {
        self.close("}")
    }
}

impl ser::SerializeStruct for &mut Json {
    type Ok = ();
    type Error = WriteError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        self.member(name, value)
    }
    fn end(self) -> Result<()> {
        self.close("}")
    }
}

impl ser::SerializeStructVariant for &mut Json {
    type Ok = ();
    type Error = WriteError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        self.member(name, value)
    }
    fn end(self) -> Result<()> {
        self.close("}")?;
        self.close("}")
    }
}

#[cfg(test)]
mod tests;
