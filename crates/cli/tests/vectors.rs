//! Golden vectors: the CLI turns every `tests/vectors/**/<case>.input.json` into
//! exactly `<case>.expected.json`. The npm package and the browser run the same files.
//!
//! `UPDATE_VECTORS=1` writes the expected files instead of comparing.

mod common;

use common::dangjian as run;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors")
}

fn inputs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            inputs(&p, out);
        } else if p.to_string_lossy().ends_with(".input.json") {
            out.push(p);
        }
    }
}

/// The command line and standard input that reproduce one vector.
fn invocation(input: &Path, v: &Value) -> Option<(Vec<String>, String)> {
    let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    let locale = s("locale").unwrap_or_else(|| "zh-CN".into());
    let dir = input.parent()?.file_name()?.to_string_lossy().into_owned();
    match dir.as_str() {
        "supervision" => Some((
            vec![
                "supervise".to_owned(),
                "--locale".into(),
                locale,
                "--vector".into(),
                "-".into(),
            ],
            v.to_string(),
        )),
        "compliance" | "slate" => {
            // Run by their own subcommands once they exist (see the standards crate).
            let sub = if dir == "compliance" {
                "compliance"
            } else {
                "review-slate"
            };
            let mut args = vec![
                sub.to_owned(),
                "--locale".into(),
                locale,
                "--vector".into(),
                "-".into(),
            ];
            if let Some(t) = s("today") {
                args.extend(["--today".into(), t]);
            }
            Some((args, v.to_string()))
        }
        _ => {
            let form = match (s("form"), s("spec_file")) {
                (Some(f), _) => f,
                (None, Some(p)) => input.parent()?.join(p).to_string_lossy().into_owned(),
                _ => return None,
            };
            let mut args = vec![
                "validate".into(),
                "--form".into(),
                form,
                "--locale".into(),
                locale,
            ];
            if let Some(Value::Object(settings)) = v.get("settings") {
                for (name, value) in settings {
                    args.extend(["--set".into(), format!("{name}={value}")]);
                }
            }
            if let Some(t) = s("today") {
                args.extend(["--today".into(), t]);
            }
            args.push("-".into());
            Some((
                args,
                v.get("data").cloned().unwrap_or(Value::Null).to_string(),
            ))
        }
    }
}

#[test]
fn every_vector_gives_its_expected_report() {
    let mut files = Vec::new();
    inputs(&root(), &mut files);
    files.sort();
    assert!(
        !files.is_empty(),
        "no vectors found under {}",
        root().display()
    );
    let update = std::env::var_os("UPDATE_VECTORS").is_some();
    let mut failures = Vec::new();
    let mut checked = 0;
    for input in &files {
        let name = input
            .strip_prefix(root())
            .unwrap_or(input)
            .display()
            .to_string();
        let v: Value = serde_json::from_str(&std::fs::read_to_string(input).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let Some((args, stdin)) = invocation(input, &v) else {
            failures.push(format!("{name}: needs `form` or `spec_file`"));
            continue;
        };
        let (stdout, stderr, code) = run(&args, &stdin);
        if code != 0 && code != 1 {
            failures.push(format!("{name}: exit code {code}: {stderr}"));
            continue;
        }
        let report: Value = serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("{name}: output is not JSON ({e})"));
        if let Some(valid) = report.get("valid").and_then(Value::as_bool) {
            assert_eq!(
                code,
                if valid { 0 } else { 1 },
                "{name}: exit code disagrees with `valid`"
            );
        }
        let expected_path = PathBuf::from(
            input
                .to_string_lossy()
                .replace(".input.json", ".expected.json"),
        );
        if update {
            std::fs::write(&expected_path, &stdout).unwrap();
        } else {
            match std::fs::read_to_string(&expected_path) {
                Ok(expected) if expected == stdout => {}
                Ok(_) => failures.push(format!(
                    "{name}: report differs from {}",
                    expected_path.display()
                )),
                Err(_) => failures.push(format!(
                    "{name}: no expected file (run with UPDATE_VECTORS=1)"
                )),
            }
        }
        checked += 1;
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    println!("{checked} vectors checked");
}
