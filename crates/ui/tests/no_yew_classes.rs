//! The form's components and the settings editor set no class through Yew's
//! `Classes`: `classes!(…)` and `class={…}` (anything but a literal) link its
//! `IndexSet` with its hashing into the full and settings modules (~6.6 KB of
//! code). A class built at run time is `~className={…}`, its value made by
//! `components::parts::classes` or `format!`. The supervision view (a module of
//! its own, built speed first) is not held to it.
// Helpers of a test file: an unreadable folder is a failed test.
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, the folders named `skip` left out.
fn sources(dir: &Path, skip: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != skip) {
                sources(&path, skip, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn form_components_set_no_class_through_yew_classes() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, "supervision", &mut files);
    assert!(files.len() > 20, "the sources were not found under {src:?}");
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("classes!(") || code.contains(" class={") {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "a class set through Yew's Classes (use `~className={{…}}` with \
         `parts::classes` or `format!`):\n{}",
        found.join("\n")
    );
}
