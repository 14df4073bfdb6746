//! The shape of the crate (ARCHITECTURE.md): no source file reaches 500 lines
//! and no function 100, so each check stays small enough to read at once.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `(name, first line, lines)` of every function with a body: from its `fn` line
/// to the closing brace at the same indentation.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        let head = trimmed
            .trim_start_matches("pub ")
            .trim_start_matches("pub(crate) ")
            .trim_start_matches("pub(super) ")
            .trim_start_matches("const ");
        let Some(rest) = head.strip_prefix("fn ") else {
            continue;
        };
        if trimmed.trim_end().ends_with(';') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = format!("{indent}}}");
        if let Some(end) = lines[i + 1..].iter().position(|l| *l == close) {
            out.push((name, i + 1, end + 2));
        }
    }
    out
}

#[test]
fn files_stay_under_500_lines_and_functions_under_100() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20);
    let mut too_big = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let n = text.lines().count();
        if n >= 500 {
            too_big.push(format!("{}: {n} lines", file.display()));
        }
        for (name, at, len) in functions(&text) {
            if len > 100 {
                too_big.push(format!(
                    "{}:{at}: fn {name} has {len} lines",
                    file.display()
                ));
            }
        }
    }
    assert!(too_big.is_empty(), "{}", too_big.join("\n"));
}

#[test]
fn the_function_reader_measures_bodies() {
    let text = "fn a() {\n    x;\n}\n\n    pub(crate) fn b(\n        y: u8,\n    ) -> u8 {\n        y\n    }\nfn c();\n";
    assert_eq!(
        functions(text),
        [("a".to_owned(), 1, 3), ("b".to_owned(), 5, 5)]
    );
}
