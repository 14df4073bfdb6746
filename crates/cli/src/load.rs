//! Reading inputs: JSON files or standard input (bad JSON is reported with its
//! line and column), and forms by built-in id or spec file.

use crate::Failure;
use dangjian_core::{Engine, Form, Locale, SpecError};
use std::io::Read;
use std::path::Path;

/// Reads a file, or standard input for `-`.
pub fn read_text(path: &str) -> Result<String, Failure> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| Failure(format!("cannot read standard input: {e}")))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| Failure(format!("cannot read {path}: {e}")))
    }
}

/// Parses JSON text, naming the source, line and column of a mistake.
pub fn parse_json(text: &str, source: &str) -> Result<serde_json::Value, Failure> {
    serde_json::from_str(text).map_err(|e| {
        Failure(format!(
            "{source}: invalid JSON at line {}, column {}: {e}",
            e.line(),
            e.column()
        ))
    })
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
        _ => Err(Failure(format!("{source}: expected a JSON object"))),
    }
}

/// Compiles a built-in form by id, or a spec file by path.
pub fn form(engine: &Engine, form: &str, locale: Locale) -> Result<Form, Failure> {
    if let Some(result) = dangjian_standards::compile_builtin(engine, form) {
        return result.map_err(|e| spec_failure(form, &e, locale));
    }
    if !Path::new(form).exists() {
        let ids: Vec<&str> = dangjian_standards::builtin_forms()
            .iter()
            .map(|f| f.id)
            .collect();
        return Err(Failure(format!(
            "no built-in form or spec file named “{form}” (built-in forms: {})",
            if ids.is_empty() {
                "none".to_owned()
            } else {
                ids.join(", ")
            }
        )));
    }
    let text = read_text(form)?;
    engine
        .compile_str(&text)
        .map_err(|e| spec_failure(form, &e, locale))
}

/// A spec error as a failure message listing every mistake.
pub fn spec_failure(source: &str, e: &SpecError, locale: Locale) -> Failure {
    let mut msg = format!("{source}: the spec has mistakes:");
    for d in &e.diagnostics {
        let path = if d.path.is_empty() { "(root)" } else { &d.path };
        msg.push_str(&format!("\n  {path}: {} [{}]", d.message(locale), d.code));
    }
    Failure(msg)
}
