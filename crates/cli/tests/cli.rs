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
}

#[test]
fn ndjson_reports_a_bad_line_and_carries_on() {
    let good = r#"{"basics": {"village": "甲", "inspector": "张三", "date": "2026-01-01"}}"#;
    let input = format!("{good}\nnot json\n\n{{\"basics\": 5}}\n{{\"a\": [1,}}\n{good}\n");
    let (out, err, code) = dangjian(
        &[
            "validate",
            "--ndjson",
            "--form",
            SPEC,
            "-",
            "--today",
            "2026-11-22",
        ],
        &input,
    );
    assert_eq!(code, 2, "unreadable lines make the exit 2: {err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5, "one output line per non-blank input line");
    assert_eq!(lines[0]["valid"], true);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["valid"], false);
    assert_eq!(lines[1]["error"]["code"], "json");
    assert_eq!(lines[1]["error"]["column"], 2);
    assert_eq!(
        lines[1]["error"]["message"],
        "第 2 行不是有效的 JSON（第 2 列）：expected ident"
    );
    assert!(lines[1].get("report_version").is_none());
    assert_eq!(lines[2]["valid"], false, "{}", lines[2]);
    assert_eq!(lines[2]["report_version"], 1);
    assert_eq!(lines[3]["line"], 5);
    assert_eq!(lines[3]["error"]["column"], 10);
    assert_eq!(
        lines[4]["valid"], true,
        "the stream goes on after bad lines"
    );
    assert!(err.contains("line 2, 5"), "{err}");

    // Without bad lines: 1 when a record is invalid, 0 when all are valid.
    let (_, _, code) = dangjian(
        &[
            "validate",
            "--ndjson",
            "--form",
            SPEC,
            "-",
            "--today",
            "2026-11-22",
        ],
        &format!("{good}\n{{\"basics\": 5}}\n"),
    );
    assert_eq!(code, 1);
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
        &format!("{good}\n{good}\n"),
    );
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 2);
}

#[test]
fn ndjson_with_text_format_is_a_usage_error() {
    let (out, err, code) = dangjian(
        &[
            "validate", "--ndjson", "--format", "text", "--form", SPEC, "-",
        ],
        "{}\n",
    );
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("--format text"), "{err}");
}

#[test]
fn today_must_be_a_real_date() {
    for bad in [
        "2026-13-45",
        "2026-02-30",
        "2026-1-05",
        "20260105",
        "2026-02-3x",
    ] {
        let (_, err, code) = dangjian(&["validate", "--form", SPEC, "-", "--today", bad], "{}");
        assert_eq!(code, 2, "--today {bad}");
        assert!(err.contains(bad), "{err}");
        let (_, _, code) = dangjian(&["id-number", "440524188001010014", "--today", bad], "");
        assert_eq!(code, 2, "id-number --today {bad}");
    }
    let (_, _, code) = dangjian(
        &["validate", "--form", SPEC, "-", "--today", "2028-02-29"],
        "{}",
    );
    assert_eq!(code, 1, "a leap day is a date; the empty record is invalid");
}

#[test]
fn schema_is_json() {
    let (out, _, code) = dangjian(&["schema"], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["properties"]["sections"].is_object());
}

#[test]
fn id_number_json_carries_the_full_number_and_text_masks_it() {
    let (out, _, code) = dangjian(
        &["id-number", "440524188001010014", "--today", "2026-11-22"],
        "",
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["valid"], true);
    assert_eq!(v["normalized"], "440524188001010014");
    assert_eq!(v["number"], "4405**********0014");
    assert_eq!(v["birth_date"], "1880-01-01");
    assert_eq!(v["gender"], "male");
    assert_eq!(v["province"]["code"], "44");

    // A legacy 15-digit number shows its upgraded 18-character form.
    let (out, _, code) = dangjian(
        &["id-number", "440524800101001", "--today", "2026-11-22"],
        "",
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["normalized"], "440524198001010013");
    assert_eq!(v["legacy_upgraded"], true);

    let (out, _, code) = dangjian(
        &[
            "id-number",
            "440524800101001",
            "--today",
            "2026-11-22",
            "--format",
            "text",
        ],
        "",
    );
    assert_eq!(code, 0);
    assert!(out.contains("4405**********0013"), "{out}");
    assert!(!out.contains("440524198001010013"), "{out}");
    assert!(!out.contains("440524800101001"), "{out}");
    assert!(out.contains("1980-01-01"), "{out}");
    let (out, _, _) = dangjian(
        &[
            "id-number",
            "440524800101001",
            "--today",
            "2026-11-22",
            "--format",
            "text",
            "--reveal",
        ],
        "",
    );
    assert!(out.contains("440524198001010013"), "{out}");

    // An invalid number: exit 1, no normalized number, the reason.
    let (out, _, code) = dangjian(
        &["id-number", "440524188001010015", "--today", "2026-11-22"],
        "",
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v.get("normalized").is_none());
    assert_eq!(v["problems"][0]["code"], "citizen_id.checksum");
}
