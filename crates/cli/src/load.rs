//! Reading inputs: JSON files or standard input (bad JSON is reported with its
//! line and column), and forms by built-in id or spec file.

use crate::Failure;
use dangjian_core::{Engine, Form, Locale, SpecError};
use std::io::{BufRead, Read};
use std::path::Path;

/// Reads a file, or standard input for `-`.
pub fn read_text(path: &str) -> Result<String, Failure> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| Failure::usage(format!("cannot read standard input: {e}")))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path)
            .map_err(|e| Failure::usage(format!("cannot read {path}: {e}")))
    }
}

/// Reads one record's text from a file or standard input (`-`), refusing one
/// larger than `max` bytes (`too_large`) without reading it whole.
pub fn read_record(path: &str, max: usize) -> Result<String, Failure> {
    let too_large = |found: u64| {
        Failure::new(
            "too_large",
            format!("{path}: the record has {found} bytes or more; at most {max} are read (max_record_bytes)"),
        )
    };
    let limit = u64::try_from(max).unwrap_or(u64::MAX);
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::new("io", format!("cannot read standard input: {e}")))?;
    } else {
        let file = std::fs::File::open(path)
            .map_err(|e| Failure::usage(format!("cannot read {path}: {e}")))?;
        if let Ok(meta) = file.metadata() {
            if meta.len() > limit {
                return Err(too_large(meta.len()));
            }
        }
        file.take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| Failure::new("io", format!("cannot read {path}: {e}")))?;
    }
    if bytes.len() > max {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        Failure::new(
            "bad_json",
            format!("{path}: the record is not UTF-8 text: {e}"),
        )
    })
}

/// What [`read_line`] read.
pub enum Line {
    /// A line (without its `\n`) is in the buffer.
    Read,
    /// The line is longer than the limit: this many bytes were skipped, unkept.
    TooLong(usize),
    /// The input has ended.
    End,
}

/// Reads the next line into `buf`, keeping at most `max` bytes of it: a longer
/// line is skipped to its end without being held.
pub fn read_line(input: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> std::io::Result<Line> {
    buf.clear();
    let mut skipped: Option<usize> = None;
    let mut any = false;
    loop {
        let available = input.fill_buf()?;
        if available.is_empty() {
            break;
        }
        any = true;
        let (chunk, found_end) = match available.iter().position(|b| *b == b'\n') {
            Some(at) => (available.get(..at).unwrap_or_default(), true),
            None => (available, false),
        };
        let used = chunk.len() + usize::from(found_end);
        match skipped.as_mut() {
            Some(n) => *n += chunk.len(),
            None if buf.len() + chunk.len() > max => skipped = Some(buf.len() + chunk.len()),
            None => buf.extend_from_slice(chunk),
        }
        if skipped.is_some() {
            buf.clear();
        }
        input.consume(used);
        if found_end {
            break;
        }
    }
    Ok(match (any, skipped) {
        (false, _) => Line::End,
        (true, Some(n)) => Line::TooLong(n),
        (true, None) => Line::Read,
    })
}

/// Parses JSON text, naming the source, line and column of a mistake.
pub fn parse_json(text: &str, source: &str) -> Result<serde_json::Value, Failure> {
    dangjian_core::json_text::from_str(text).map_err(|e| {
        Failure::new(
            "bad_json",
            format!(
                "{source}: invalid JSON at line {}, column {}: {e}",
                e.line, e.column
            ),
        )
    })
}

/// Reads and parses the JSON of a file, or of standard input for `-`.
pub fn read_json(path: &str) -> Result<serde_json::Value, Failure> {
    parse_json(&read_text(path)?, path)
}

/// The JSON object of a document (`--vector`): a file, or standard input for `-`.
pub fn json_document(path: &str) -> Result<serde_json::Map<String, serde_json::Value>, Failure> {
    match read_json(path)? {
        serde_json::Value::Object(map) => Ok(map),
        _ => Err(Failure::usage(format!("{path}: expected a JSON object"))),
    }
}

/// The object of an optional option like `--options` (see [`json_object`]),
/// or `absent` when it is not given.
pub fn json_object_or(
    arg: Option<&str>,
    option: &str,
    absent: serde_json::Map<String, serde_json::Value>,
) -> Result<serde_json::Map<String, serde_json::Value>, Failure> {
    match arg {
        Some(arg) => json_object(arg, option),
        None => Ok(absent),
    }
}

/// The JSON object of an option like `--options`: inline JSON when the value
/// starts with `{`, else the path of a file holding it (`-` for standard input).
pub fn json_object(
    arg: &str,
    option: &str,
) -> Result<serde_json::Map<String, serde_json::Value>, Failure> {
    let (text, source) = if arg.trim_start().starts_with('{') {
        (arg.to_owned(), option.to_owned())
    } else {
        (read_text(arg)?, format!("{option} {arg}"))
    };
    match parse_json(&text, &source)? {
        serde_json::Value::Object(map) => Ok(map),
        _ => Err(Failure::usage(format!("{source}: expected a JSON object"))),
    }
}

/// Compiles a built-in form by id, or a spec file by path.
pub fn form(engine: &Engine, form: &str, locale: Locale) -> Result<Form, Failure> {
    if let Some(result) = dangjian_standards::compile_builtin(engine, form) {
        return result.map_err(|e| spec_failure(form, &e, locale));
    }
    if !Path::new(form).exists() {
        return Err(Failure::new(
            "unknown_form",
            format!(
                "no built-in form or spec file named “{form}” (built-in forms: {})",
                builtin_ids()
            ),
        ));
    }
    let text = read_text(form)?;
    engine
        .compile_str(&text)
        .map_err(|e| spec_failure(form, &e, locale))
}

/// The built-in forms' ids, for the message of an unknown one: `a, b, c` (or `none`).
pub fn builtin_ids() -> String {
    let ids: Vec<&str> = dangjian_standards::catalogue()
        .iter()
        .map(|f| f.id)
        .collect();
    if ids.is_empty() {
        "none".to_owned()
    } else {
        ids.join(", ")
    }
}

/// A spec error as a failure message listing every mistake.
pub fn spec_failure(source: &str, e: &SpecError, locale: Locale) -> Failure {
    let mut msg = format!("{source}: the spec has mistakes:");
    for d in &e.diagnostics {
        let path = if d.path.is_empty() { "(root)" } else { &d.path };
        msg.push_str(&format!("\n  {path}: {} [{}]", d.message(locale), d.code));
    }
    Failure::new("spec_invalid", msg)
}
