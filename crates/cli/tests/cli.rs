//! The command line as a user meets it: exit codes, messages, formats.

use std::io::Write;
use std::process::{Command, Stdio};

const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/specs/village-safety-checklist.json"
);
const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/village-safety-checklist.json"
);

fn dangjian(args: &[&str], stdin: &str) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dangjian"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The process may exit before reading its input (usage errors): ignore a broken pipe.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn valid_record_exits_0_and_explains_lost_points() {
    let (out, _, code) = dangjian(
        &[
            "validate",
            "--form",
            SPEC,
            DATA,
            "--format",
            "text",
            "--today",
            "2026-11-22",
        ],
        "",
    );
    assert_eq!(code, 0);
    assert!(out.contains("等级：达标"), "{out}");
    assert!(out.contains("缺少记录：3 次 × 2 分，扣 6 分"), "{out}");
}

#[test]
fn english_text_output() {
    let (out, _, code) = dangjian(
        &[
            "validate",
            "--form",
            SPEC,
            DATA,
            "--format",
            "text",
            "--locale",
            "en",
            "--today",
            "2026-11-22",
        ],
        "",
    );
    assert_eq!(code, 0);
    assert!(out.contains("grade: Pass"), "{out}");
}

#[test]
fn invalid_record_exits_1() {
    let (out, _, code) = dangjian(
        &["validate", "--form", SPEC, "-", "--today", "2026-11-22"],
        r#"{"basics": {"village": 3}}"#,
    );
    assert_eq!(code, 1);
    assert!(out.contains("\"valid\": false"));
}

#[test]
fn bad_json_exits_2_with_line_and_column() {
    let (_, err, code) = dangjian(
        &["validate", "--form", SPEC, "-"],
        "{\n  \"basics\": {,}\n}",
    );
    assert_eq!(code, 2);
    assert!(err.contains("line 2, column 14"), "{err}");
}

#[test]
fn bad_spec_exits_2_listing_every_mistake() {
    let spec = r#"{"id": "x", "version": "1", "title": "t", "sections": [{"id": "s", "items": [
        {"id": "a", "type": "text", "visible_if": {"var": "s.missing"}},
        {"id": "b", "type": "integer", "min": 5, "max": 1}]}]}"#;
    let dir = std::env::temp_dir().join(format!("dangjian-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.json");
    std::fs::write(&path, spec).unwrap();
    let (out, _, code) = dangjian(
        &["check-spec", path.to_str().unwrap(), "--locale", "en"],
        "",
    );
    assert_eq!(code, 2);
    assert!(out.contains("/sections/0/items/0/visible_if/var"), "{out}");
    assert!(out.contains("/sections/0/items/1/min"), "{out}");
    let (_, err, code) = dangjian(&["validate", "--form", path.to_str().unwrap(), "-"], "{}");
    assert_eq!(code, 2);
    assert!(err.contains("spec.unknown_reference"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(dangjian(&["validate"], "").2, 2);
    assert_eq!(
        dangjian(&["validate", "--form", "no-such-form", "-"], "{}").2,
        2
    );
    assert_eq!(
        dangjian(&["validate", "--form", SPEC, "--locale", "fr", "-"], "{}").2,
        2
    );
    assert_eq!(dangjian(&["frobnicate"], "").2, 2);
}

#[test]
fn ndjson_streams_one_report_per_line() {
    let input = "{\"basics\": {\"village\": \"甲\", \"inspector\": \"张三\", \"date\": \"2026-01-01\"}}\n\n{\"basics\": 5}\n";
    let (out, _, code) = dangjian(
        &[
            "validate",
            "--ndjson",
            "--form",
            SPEC,
            "-",
            "--today",
            "2026-11-22",
        ],
        input,
    );
    assert_eq!(code, 1);
    let lines: Vec<_> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].contains("\"valid\":true"), "{}", lines[0]);
    assert!(lines[1].contains("\"valid\":false"));
    let (_, err, code) = dangjian(
        &["validate", "--ndjson", "--form", SPEC, "-"],
        "{}\nnot json\n",
    );
    assert_eq!(code, 2);
    assert!(err.contains("line 2"), "{err}");
}

#[test]
fn schema_is_json() {
    let (out, _, code) = dangjian(&["schema"], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["properties"]["sections"].is_object());
}
