//! The harness every standards test shares: paths, the built-in specs, golden
//! vector inputs run the way every runtime runs them, issue look-ups, and the
//! check that a form's doc names every rule and setting.
#![allow(
    dead_code,
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use dangjian_core::{Form, Locale, Report, ValidateOptions};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A JSON file.
pub fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The spec of the built-in form `id`.
pub fn spec(id: &str) -> Value {
    serde_json::from_str(dangjian_standards::builtin(id).unwrap().spec).unwrap()
}

/// The built-in form `id`, compiled with the domain engine.
pub fn form(id: &str) -> Form {
    compile(&spec(id))
}

/// A spec compiled with the domain engine.
pub fn compile(spec: &Value) -> Form {
    dangjian_standards::engine()
        .compile(spec)
        .unwrap_or_else(|e| panic!("{:#?}", e.diagnostics))
}

/// zh-CN, today 2026-11-22: the options of the vectors.
pub fn options() -> ValidateOptions {
    ValidateOptions {
        locale: Locale::ZhCn,
        today: Some("2026-11-22".into()),
        ..ValidateOptions::default()
    }
}

/// `data` validated with `spec` and [`options`].
pub fn validate(spec: &Value, data: &Value) -> Report {
    compile(spec).validate(data, &options())
}

/// The input of the vector `tests/vectors/<dir>/<name>.input.json`.
pub fn input(dir: &str, name: &str) -> Value {
    read(&root().join(format!("tests/vectors/{dir}/{name}.input.json")))
}

/// The record of a vector.
pub fn case(dir: &str, name: &str) -> Value {
    input(dir, name)["data"].clone()
}

/// The options a vector input gives: its locale and its today.
pub fn options_of(input: &Value) -> ValidateOptions {
    ValidateOptions {
        locale: Locale::parse(input["locale"].as_str().unwrap_or("zh-CN")).unwrap(),
        today: input["today"].as_str().map(str::to_owned),
        ..ValidateOptions::default()
    }
}

/// Validates a vector input the way every runtime does: the built-in spec with
/// the input's setting overrides, its `today` and its locale.
pub fn run_input(input: &Value) -> Report {
    let mut spec = spec(input["form"].as_str().unwrap());
    if let Some(overrides) = input.get("settings").and_then(Value::as_object) {
        for (name, value) in overrides {
            spec["settings"][name]["value"] = value.clone();
        }
    }
    compile(&spec).validate(&input["data"], &options_of(input))
}

/// Every `*.input.json` under `tests/vectors/<dir>`, sorted.
pub fn vector_inputs(dir: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join(format!("tests/vectors/{dir}")))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".input.json"))
        .collect();
    out.sort();
    out
}

/// `(code, path)` of every issue.
pub fn codes(r: &Report) -> Vec<(String, String)> {
    r.issues
        .iter()
        .map(|i| (i.code.clone(), i.path.clone()))
        .collect()
}

/// True when the report has `code` at `path`.
pub fn has(r: &Report, code: &str, path: &str) -> bool {
    r.issues.iter().any(|i| i.code == code && i.path == path)
}

/// True when the report has `code` anywhere.
pub fn has_code(r: &Report, code: &str) -> bool {
    r.issues.iter().any(|i| i.code == code)
}

/// Every rule code, settings check code and setting name of the built-in form appears in its doc,
/// `docs/forms/<id>.md`, written as code.
pub fn assert_doc_complete(form_id: &str) {
    fn codes_in(node: &Value, out: &mut Vec<String>) {
        for r in node["rules"].as_array().into_iter().flatten() {
            out.push(r["code"].as_str().unwrap().to_owned());
        }
        for key in ["sections", "items"] {
            for c in node[key].as_array().into_iter().flatten() {
                codes_in(c, out);
            }
        }
    }
    let spec = spec(form_id);
    let doc_path = root().join(format!("docs/forms/{form_id}.md"));
    let doc = std::fs::read_to_string(doc_path).unwrap();
    let mut names = Vec::new();
    codes_in(&spec, &mut names);
    names.extend(
        spec["settings_checks"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| c["code"].as_str().unwrap().to_owned()),
    );
    names.extend(
        spec["settings"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(k, _)| k.clone()),
    );
    for name in names {
        assert!(
            doc.contains(&format!("`{name}`")),
            "docs/forms/{form_id}.md does not mention `{name}`"
        );
    }
}
