//! Records in memory while they are validated: JSON parsed once into an arena
//! (datavalue-rs values), read in place
//! by the walk, the field checks, scoring and every JSONLogic expression.
//!
//! A record given as JSON text is parsed straight into the arena (strings without
//! escapes are borrowed from the text); one given as a `serde_json::Value` is
//! copied into it once. Either way nothing is converted again per expression,
//! and the whole record is freed at once with its arena.

use bumpalo::Bump;
use serde_json::Value;

/// A record, or part of one, living in a validation arena.
pub(crate) type Data<'a> = datavalue_rs::DataValue<'a>;

/// The key/value pairs of an object, in the order of the input.
pub(crate) type Pairs<'a> = &'a [(&'a str, Data<'a>)];

/// JSON text that was not read: not a JSON document, or beyond a record
/// budget ([`crate::Limits`]: its bytes, its number of values), refused before parsing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// Line of the first bad character, from 1 (0 when the text was refused for its size).
    pub line: usize,
    /// Column of the first bad byte: bytes from the start of its line, as serde_json counts
    /// (0 when refused for its size).
    pub column: usize,
    /// What is wrong, in English (the parser's words).
    pub detail: String,
    /// The budget the text exceeded, when it was refused for its size.
    pub exceeded: Option<crate::Exceeded>,
    /// The memory to read it could not be had (the text may be fine).
    pub out_of_memory: bool,
}

impl JsonError {
    /// The error for text beyond a budget.
    pub(crate) fn exceeded(e: crate::Exceeded) -> JsonError {
        JsonError {
            line: 0,
            column: 0,
            detail: e.to_string(),
            exceeded: Some(e),
            out_of_memory: false,
        }
    }

    /// The error when memory ran out while reading.
    pub(crate) fn out_of_memory() -> JsonError {
        JsonError {
            line: 0,
            column: 0,
            detail: "out of memory while reading the record".to_owned(),
            exceeded: None,
            out_of_memory: true,
        }
    }

    /// A stable code: `too_large` for text beyond a budget, `out_of_memory`
    /// when memory ran out, else `bad_json`.
    pub fn code(&self) -> &'static str {
        if self.exceeded.is_some() {
            "too_large"
        } else if self.out_of_memory {
            "out_of_memory"
        } else {
            "bad_json"
        }
    }
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.exceeded.is_some() {
            return write!(f, "too large to read: {}", self.detail);
        }
        if self.out_of_memory {
            return write!(f, "{}", self.detail);
        }
        write!(
            f,
            "invalid JSON at line {}, column {}: {}",
            self.line, self.column, self.detail
        )
    }
}

impl std::error::Error for JsonError {}

/// Parses JSON text into `arena` ([`crate::json_reader`]: each container at
/// its exact size).
///
/// On the rare text that does not parse, [`crate::json_text::check`] reads it
/// once more to word the error as serde_json does (what was expected, not
/// only which byte was found), so every runtime describes bad JSON the same way.
pub(crate) fn parse<'a>(text: &'a str, arena: &'a Bump) -> Result<Data<'a>, JsonError> {
    use crate::json_reader::Problem;
    crate::json_reader::read(text, arena).map_err(|problem| {
        let at = match problem {
            Problem::OutOfMemory => return JsonError::out_of_memory(),
            Problem::Syntax(at) | Problem::TooDeep(at) => at,
        };
        if let Err(e) = crate::json_text::check(text) {
            return JsonError {
                line: e.line,
                column: e.column,
                detail: e.message.into_owned(),
                exceeded: None,
                out_of_memory: false,
            };
        }
        let at = at.min(text.len());
        let before = text.get(..at).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        JsonError {
            line,
            column,
            detail: "nesting depth limit exceeded".to_owned(),
            exceeded: None,
            out_of_memory: false,
        }
    })
}

/// Copies a `serde_json::Value` into `arena`.
pub(crate) fn from_value<'a>(value: &Value, arena: &'a Bump) -> Data<'a> {
    Data::from_serde_value_in(value, arena)
}

/// The value as a `serde_json::Value`, for issue parameters.
pub(crate) fn to_value(data: &Data<'_>) -> Value {
    data.to_serde_value()
}

/// The value of `key` in an object. A repeated key is an issue of its own
/// (`duplicate_key`); reading the last one matches `JSON.parse`.
pub(crate) fn get<'a>(pairs: Pairs<'a>, key: &str) -> Option<&'a Data<'a>> {
    pairs.iter().rev().find(|(k, _)| *k == key).map(|(_, v)| v)
}

/// The value of `key` when `data` is an object holding it and it is not null.
pub(crate) fn field<'a>(data: &'a Data<'a>, key: &str) -> Option<&'a Data<'a>> {
    match data {
        Data::Object(pairs) => get(pairs, key).filter(|v| !v.is_null()),
        _ => None,
    }
}

/// A whole number ≥ 0 written without a fraction (`3`, not `3.0`).
pub(crate) fn as_count(data: &Data<'_>) -> Option<u64> {
    match data {
        Data::Number(datavalue_rs::NumberValue::Integer(i)) => u64::try_from(*i).ok(),
        _ => None,
    }
}

/// True for values that count as "not given": null, blank text, `[]`, `{}`.
pub(crate) fn is_empty(v: Option<&Data<'_>>) -> bool {
    match v {
        None | Some(Data::Null) => true,
        Some(Data::String(s)) => s.trim().is_empty(),
        Some(Data::Array(a)) => a.is_empty(),
        Some(Data::Object(o)) => o.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_json_has_its_line_and_column() {
        let arena = Bump::new();
        let e = parse("{\n  \"a\": 1,\n  \"b\": ]\n}", &arena).unwrap_err();
        assert_eq!((e.line, e.column), (3, 8), "{e}");
        assert_eq!(e.detail, "expected value");
        let deep = format!("{}{}", "[".repeat(300), "]".repeat(300));
        let e = parse(&deep, &arena).unwrap_err();
        assert_eq!(e.detail, "nesting depth limit exceeded", "{e}");
    }

    #[test]
    fn repeated_keys_read_the_last() {
        let arena = Bump::new();
        let d = parse(r#"{"a": 1, "a": 2}"#, &arena).unwrap();
        let Data::Object(pairs) = d else { panic!() };
        assert_eq!(get(pairs, "a").and_then(Data::as_i64), Some(2));
    }

    #[test]
    fn counts_are_whole_numbers_without_a_fraction() {
        let arena = Bump::new();
        let d = parse("[3, 3.0, -1]", &arena).unwrap();
        let counts: Vec<Option<u64>> = d.members().map(as_count).collect();
        assert_eq!(counts, [Some(3), None, None]);
    }
}
