//! Embeds the built-in specs of `forms/` without the whitespace between JSON
//! tokens: the same documents in half the bytes of the binary and the .wasm.

use std::path::Path;

fn main() {
    let forms = Path::new("forms");
    println!("cargo:rerun-if-changed=forms");
    let Some(out) = std::env::var_os("OUT_DIR") else {
        return;
    };
    let out = Path::new(&out).join("forms");
    if std::fs::create_dir_all(&out).is_err() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(forms) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let (Ok(text), Some(name)) = (std::fs::read_to_string(&path), path.file_name()) else {
            continue;
        };
        let _ = std::fs::write(out.join(name), compact(&text));
    }
}

/// JSON text with the whitespace between tokens removed (strings untouched).
fn compact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_ascii_whitespace() {
            out.push(c);
        }
    }
    out
}
