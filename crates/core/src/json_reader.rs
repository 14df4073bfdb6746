//! Reads JSON text into the validation arena with as little memory as the
//! values themselves need.
//!
//! A general-purpose arena parser grows each array and object in place,
//! doubling as it goes and leaving every outgrown buffer behind in the arena
//! (which frees nothing until the record is done), and gives even a one-key
//! object room for 32. On small values that multiplied a record's size in
//! memory by 25–300. Here the elements of the containers being read wait on
//! two reusable stacks on the heap, and each container is copied into the
//! arena once, at its exact size, when it closes: a record takes about 2–6
//! times its JSON size in the arena (`docs/spec.md` gives the measured figure),
//! and the stacks are freed when the parse ends.
//!
//! Strings without escapes are borrowed from the text. Numbers are read as
//! `i64` when they are integers that fit, else as `f64` (correctly rounded).
//! Nesting deeper than [`MAX_DEPTH`] is refused. Every allocation is fallible:
//! when the arena or a stack cannot grow, the read stops with
//! [`Problem::OutOfMemory`] instead of aborting.

use crate::data::Data;
use bumpalo::Bump;
use datavalue_rs::NumberValue;

/// Deepest nesting read (the top value is at depth 0).
pub(crate) const MAX_DEPTH: usize = 256;

/// Why the text was not read, and at which byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Problem {
    /// Not JSON (the caller words it).
    Syntax(usize),
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep(usize),
    /// Memory could not be had.
    OutOfMemory,
}

/// Reads `text` into `arena`.
pub(crate) fn read<'a>(text: &'a str, arena: &'a Bump) -> Result<Data<'a>, Problem> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        arena,
        values: Vec::new(),
        pairs: Vec::new(),
    };
    let value = reader.value(0)?;
    reader.skip_ws();
    if reader.pos != reader.bytes.len() {
        return Err(Problem::Syntax(reader.pos));
    }
    Ok(value)
}

/// The character a one-letter escape (`\n`, `\"` …) stands for; `None`
/// for `u` and for every letter JSON does not escape. Both readers of JSON
/// text read escapes through it.
pub(crate) fn short_escape(b: u8) -> Option<char> {
    Some(match b {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        _ => return None,
    })
}

/// The number of leading bytes of `bytes` a string may hold as they are (not
/// `"`, `\\` or a control byte below 0x20), whole eight-byte words at a
/// time: strings are most of a record's text, so this is the reader's inner
/// loop. The caller looks at the bytes after the run one by one.
pub(crate) fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let mut run = 0;
    for chunk in bytes.chunks_exact(8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let below_0x20 = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        if below_0x20 | zero(x ^ (ONES * u64::from(b'"'))) | zero(x ^ (ONES * u64::from(b'\\')))
            != 0
        {
            break;
        }
        run += 8;
    }
    run
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    arena: &'a Bump,
    /// Elements of the arrays being read, innermost last.
    values: Vec<Data<'a>>,
    /// Members of the objects being read, innermost last.
    pairs: Vec<(&'a str, Data<'a>)>,
}

impl<'a> Reader<'a> {
    fn syntax(&self) -> Problem {
        Problem::Syntax(self.pos)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Data<'a>, Problem> {
        if depth > MAX_DEPTH {
            return Err(Problem::TooDeep(self.pos));
        }
        self.skip_ws();
        match self.peek() {
            Some(b'"') => self.string().map(Data::String),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b't') => self.literal("true", Data::Bool(true)),
            Some(b'f') => self.literal("false", Data::Bool(false)),
            Some(b'n') => self.literal("null", Data::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.syntax()),
        }
    }

    fn literal(&mut self, word: &str, value: Data<'a>) -> Result<Data<'a>, Problem> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.syntax())
        }
    }

    fn array(&mut self, depth: usize) -> Result<Data<'a>, Problem> {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Data::Array(&[]));
        }
        let start = self.values.len();
        loop {
            let v = self.value(depth + 1)?;
            self.values
                .try_reserve(1)
                .map_err(|_| Problem::OutOfMemory)?;
            self.values.push(v);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    break;
                }
                _ => return Err(self.syntax()),
            }
        }
        let items = self.values.get(start..).unwrap_or_default();
        let slice = self
            .arena
            .try_alloc_slice_copy(items)
            .map_err(|_| Problem::OutOfMemory)?;
        self.values.truncate(start);
        Ok(Data::Array(slice))
    }

    fn object(&mut self, depth: usize) -> Result<Data<'a>, Problem> {
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Data::Object(&[]));
        }
        let start = self.pairs.len();
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.syntax());
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.syntax());
            }
            self.pos += 1;
            let v = self.value(depth + 1)?;
            self.pairs
                .try_reserve(1)
                .map_err(|_| Problem::OutOfMemory)?;
            self.pairs.push((key, v));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                _ => return Err(self.syntax()),
            }
        }
        let members = self.pairs.get(start..).unwrap_or_default();
        let slice = self
            .arena
            .try_alloc_slice_copy(members)
            .map_err(|_| Problem::OutOfMemory)?;
        self.pairs.truncate(start);
        Ok(Data::Object(slice))
    }

    fn number(&mut self) -> Result<Data<'a>, Problem> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.syntax()),
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            integer = false;
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.syntax());
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            integer = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.syntax());
            }
            self.digits();
        }
        let literal = self.text.get(start..self.pos).unwrap_or_default();
        if integer {
            if let Ok(i) = literal.parse::<i64>() {
                return Ok(Data::Number(NumberValue::Integer(i)));
            }
        }
        crate::decimal::parse_f64(literal)
            .map(|f| Data::Number(NumberValue::Float(f)))
            .ok_or(Problem::Syntax(start))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    /// A string (the cursor on its opening quote): borrowed when it has no escapes.
    fn string(&mut self) -> Result<&'a str, Problem> {
        self.pos += 1;
        let start = self.pos;
        loop {
            self.pos += plain_run(self.bytes.get(self.pos..).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    let s = self.text.get(start..self.pos).ok_or(self.syntax())?;
                    self.pos += 1;
                    return Ok(s);
                }
                Some(b'\\') => return self.escaped(start),
                Some(b) if b >= 0x20 => self.pos += 1,
                _ => return Err(self.syntax()),
            }
        }
    }

    /// The rest of a string that has escapes, unescaped into the arena.
    fn escaped(&mut self, start: usize) -> Result<&'a str, Problem> {
        let mut out = String::new();
        out.try_reserve(self.pos - start + 16)
            .map_err(|_| Problem::OutOfMemory)?;
        out.push_str(self.text.get(start..self.pos).unwrap_or_default());
        loop {
            let run = self.pos;
            self.pos += plain_run(self.bytes.get(self.pos..).unwrap_or_default());
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            let plain = self.text.get(run..self.pos).ok_or(self.syntax())?;
            out.try_reserve(plain.len() + 4)
                .map_err(|_| Problem::OutOfMemory)?;
            out.push_str(plain);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return self
                        .arena
                        .try_alloc_str(&out)
                        .map(|s| &*s)
                        .map_err(|_| Problem::OutOfMemory);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = match self.peek() {
                        Some(b'u') => {
                            self.pos += 1;
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        b => b.and_then(short_escape).ok_or_else(|| self.syntax())?,
                    };
                    self.pos += 1;
                    out.push(c);
                }
                _ => return Err(self.syntax()),
            }
        }
    }

    /// The character of `\uXXXX` (the cursor after the `u`), a surrogate pair
    /// read whole; a lone surrogate is refused.
    fn unicode_escape(&mut self) -> Result<char, Problem> {
        let high = self.hex4()?;
        let code = match high {
            0xD800..=0xDBFF => {
                if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return Err(self.syntax());
                }
                self.pos += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.syntax());
                }
                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.syntax()),
            _ => high,
        };
        char::from_u32(code).ok_or(self.syntax())
    }

    fn hex4(&mut self) -> Result<u32, Problem> {
        let digits = self.text.get(self.pos..self.pos + 4).ok_or(self.syntax())?;
        let value = u32::from_str_radix(digits, 16).map_err(|_| self.syntax())?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.syntax());
        }
        self.pos += 4;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads what serde_json reads (and refuses what it refuses), to the values
    /// datavalue-rs's own parser gives (`-0` an integer, as before).
    fn same_as_serde(text: &str) {
        let arena = Bump::new();
        let ours = read(text, &arena).map(|d| d.to_serde_value());
        let accepted = serde_json::from_str::<serde_json::Value>(text).is_ok();
        let before = Data::from_str(text, &arena).map(|d| d.to_serde_value());
        match (ours, accepted) {
            (Ok(a), true) => assert_eq!(Ok(a), before.map_err(|_| ()), "{text}"),
            (Err(_), false) => {}
            (a, b) => panic!("{text}: ours {a:?}, serde_json accepts: {b}"),
        }
    }

    #[test]
    fn reads_what_serde_json_reads_and_refuses_what_it_refuses() {
        for text in [
            "null",
            " true ",
            "false",
            "0",
            "-0",
            "12",
            "-12",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "1.5",
            "1e3",
            "1E-3",
            "-0.0",
            "1.7976931348623157e308",
            r#""plain""#,
            r#""esc\"aped\\ \/ \b\f\n\r\t""#,
            r#""\u4e2d\u6587 \ud83d\ude00""#,
            r#"{"a": [1, 2, {"b": null}], "c": "d", "a": 3}"#,
            "[[], {}, [[]], {\"k\": {}}]",
            // Refused by both.
            "",
            "01",
            "1.",
            ".5",
            "-",
            "+1",
            "1e",
            "tru",
            "nul",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{\"a\": 1,}",
            "{a: 1}",
            "\"unterminated",
            "\"tab\there\"",
            r#""\x""#,
            r#""\u12""#,
            r#""\ud800""#,
            r#""\udc00""#,
            r#""\ud800\u0041""#,
            "[1] x",
            "{\"a\": 1}}",
        ] {
            same_as_serde(text);
        }
    }

    /// Strings long enough for whole words, with a quote, an escape or a
    /// control byte at every position of a word, in plain and escaped strings.
    #[test]
    fn long_strings_are_read_word_by_word_and_byte_by_byte_alike() {
        let body = "支部台账abcdefghijklmnopqrstuvwxyz0123456789";
        for at in 0..body.len() {
            let Some((head, tail)) = body.get(..at).zip(body.get(at..)) else {
                continue;
            };
            for special in ["\\\"", "\\\\", "\\n", "\\u4e2d", "\t", "\"", "\u{1}"] {
                same_as_serde(&format!("\"{head}{special}{tail}\""));
                same_as_serde(&format!("[\"a\\n{head}{special}{tail}\", 1]"));
            }
            same_as_serde(&format!("{{\"{head}\": \"{tail}\"}}"));
        }
    }

    #[test]
    fn integers_stay_integers_and_others_are_floats() {
        let arena = Bump::new();
        let Ok(Data::Array(items)) = read("[3, 3.0, 1e2, 9223372036854775808]", &arena) else {
            panic!()
        };
        assert!(matches!(items[0], Data::Number(NumberValue::Integer(3))));
        assert!(matches!(items[1], Data::Number(NumberValue::Float(f)) if f == 3.0));
        assert!(matches!(items[2], Data::Number(NumberValue::Float(f)) if f == 100.0));
        assert!(matches!(items[3], Data::Number(NumberValue::Float(_))));
    }

    #[test]
    fn plain_strings_are_borrowed_from_the_text() {
        let text = r#"{"name": "张三"}"#;
        let arena = Bump::new();
        let Ok(Data::Object(pairs)) = read(text, &arena) else {
            panic!()
        };
        let (key, Data::String(value)) = pairs[0] else {
            panic!()
        };
        let range = text.as_bytes().as_ptr_range();
        assert!(range.contains(&key.as_ptr()) && range.contains(&value.as_ptr()));
    }

    #[test]
    fn nesting_is_bounded() {
        let arena = Bump::new();
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(read(&ok, &arena).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 2), "]".repeat(MAX_DEPTH + 2));
        assert!(matches!(read(&deep, &arena), Err(Problem::TooDeep(_))));
    }

    #[test]
    fn the_arena_holds_little_more_than_the_values() {
        // 100,000 one-key objects: 8 bytes of JSON each.
        let text = format!("[{}]", vec![r#"{"a":1}"#; 100_000].join(","));
        let arena = Bump::new();
        assert!(read(&text, &arena).is_ok());
        let per_value = std::mem::size_of::<Data<'_>>() + std::mem::size_of::<(&str, Data<'_>)>();
        assert!(
            arena.allocated_bytes() < 100_000 * per_value * 3 / 2,
            "{} bytes in the arena for {} of text",
            arena.allocated_bytes(),
            text.len()
        );
    }
}
