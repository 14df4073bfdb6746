//! Prepares the built-in specs of `forms/`:
//!
//! - `OUT_DIR/forms/<id>.json`: each spec without the whitespace between JSON
//!   tokens (the same document in half the bytes);
//! - `OUT_DIR/embedded.rs`: a `match` from id to that text (`include_str!`),
//!   compiled in with the feature `embedded-forms`;
//! - `OUT_DIR/requirements.json`: the default meeting frequencies
//!   (`src/meetings/compliance/requirements.json`), compacted the same way;
//! - `OUT_DIR/index.rs`: the catalogue — id, version and title of every form in
//!   [`CATALOGUE`] order — compiled in always, so a build without the specs
//!   still lists them.
//!
//! A form listed in [`CATALOGUE`] without its file, or a file that does not
//! name its id, version and title, stops the build with `compile_error!`.

#[path = "build/compact.rs"]
mod compact;

use std::fmt::Write as _;
use std::path::Path;

/// The built-in forms, in the order `dangjian forms` and `forms()` list them.
/// Each is `forms/<id>.json`.
const CATALOGUE: &[&str] = &[
    "branch-checklist",
    "rectification-list",
    "meeting-minutes",
    "village-decision",
    "member-points",
    "candidate-review",
    "secretary-review",
];

fn main() {
    println!("cargo:rerun-if-changed=forms");
    println!("cargo:rerun-if-changed=build/compact.rs");
    let Some(out) = std::env::var_os("OUT_DIR") else {
        return;
    };
    let out = Path::new(&out);
    let forms = out.join("forms");
    let _ = std::fs::create_dir_all(&forms);
    let mut index = String::from("&[\n");
    let mut embedded = String::from("match id {\n");
    for id in CATALOGUE {
        let path = Path::new("forms").join(format!("{id}.json"));
        println!("cargo:rerun-if-changed={}", path.display());
        match std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| entry(id, &text).map(|row| (text, row)))
        {
            Ok((text, row)) => {
                let file = forms.join(format!("{id}.json"));
                let _ = std::fs::write(&file, compact::compact(&text));
                index.push_str(&row);
                let _ = writeln!(
                    embedded,
                    "    {id:?} => Some(include_str!({:?})),",
                    file.display().to_string()
                );
            }
            Err(e) => {
                let _ = writeln!(
                    index,
                    "compile_error!({:?}),",
                    format!("built-in form {}: {e}", path.display())
                );
            }
        }
    }
    index.push(']');
    embedded.push_str("    _ => None,\n}");
    let _ = std::fs::write(out.join("index.rs"), index);
    let _ = std::fs::write(out.join("embedded.rs"), embedded);
    compact_data(out);
}

/// The data files of the source embedded with `include_str!`, written to
/// `OUT_DIR` without the whitespace between JSON tokens: `requirements.json`
/// (the default meeting frequencies) is 3,878 bytes as written, 3,223 compact.
fn compact_data(out: &Path) {
    let path = Path::new("src/meetings/compliance/requirements.json");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let _ = std::fs::write(out.join("requirements.json"), compact::compact(&text));
}

/// The index row of one spec: `FormInfo { id, version, title_zh, title_en },`.
fn entry(id: &str, text: &str) -> Result<String, String> {
    let spec: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if spec.get("id").and_then(|v| v.as_str()) != Some(id) {
        return Err(format!("its \"id\" is not \"{id}\""));
    }
    let version = spec
        .get("version")
        .and_then(|v| v.as_str())
        .ok_or("no \"version\"")?;
    let (zh, en) = match spec.get("title") {
        Some(serde_json::Value::String(s)) => (s.as_str(), s.as_str()),
        Some(t) => {
            let zh = t.get("zh-CN").and_then(|v| v.as_str());
            let en = t.get("en").and_then(|v| v.as_str());
            match (zh.or(en), en.or(zh)) {
                (Some(zh), Some(en)) => (zh, en),
                _ => return Err("no \"title\"".to_owned()),
            }
        }
        None => return Err("no \"title\"".to_owned()),
    };
    Ok(format!(
        "    FormInfo {{ id: {id:?}, version: {version:?}, title_zh: {zh:?}, title_en: {en:?} }},\n"
    ))
}
