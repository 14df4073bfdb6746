//! The command line as a user meets it: exit codes, messages, formats.

mod common;

use common::dangjian;
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
    let (out, err, code) = dangjian(
        &["check-spec", path.to_str().unwrap(), "--locale", "en"],
        "",
    );
    assert_eq!(code, 2);
    // The code compile() throws for the same spec, as every refusal ends.
    assert!(err.trim_end().ends_with("[spec_invalid]"), "{err}");
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
    assert_eq!(lines[1]["error"]["code"], "bad_json");
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

fn vectors(path: &str) -> String {
    format!("{}/../../tests/vectors/{path}", env!("CARGO_MANIFEST_DIR"))
}

fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("dangjian-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    // Written aside and renamed into place: tests run in parallel, and a test
    // reading a file another test is rewriting must never see it half written.
    let aside = dir.join(format!("{name}.{:?}.tmp", std::thread::current().id()));
    std::fs::write(&aside, text).unwrap();
    std::fs::rename(&aside, &path).unwrap();
    path.to_string_lossy().into_owned()
}

/// The minutes of a compliance vector, written to a file of their own.
fn minutes_file(case: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(vectors(&format!("compliance/{case}.input.json"))).unwrap(),
    )
    .unwrap();
    temp_file(&format!("{case}.minutes.json"), &v["minutes"].to_string())
}

fn json_out(out: &str) -> serde_json::Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

#[test]
fn compliance_options_change_the_thresholds() {
    let minutes = minutes_file("half-the-voters-quorate-with-the-lenient-reading");
    // Default reading of “半数以上”: the Q1 general meeting (5 of 10 voters) does not count.
    let (out, _, code) = dangjian(
        &[
            "compliance",
            "--year",
            "2026",
            "--today",
            "2027-01-10",
            &minutes,
        ],
        "",
    );
    assert_eq!(code, 1);
    let r = json_out(&out);
    assert_eq!(r["counts"]["invalid_records"], 1);
    assert_eq!(
        r["requirements"][0]["periods"][0]["invalid"][0]["codes"][0],
        "minutes.quorum"
    );
    // The county reads it as “at least half”: inline JSON.
    let (out, _, code) = dangjian(
        &[
            "compliance",
            "--year",
            "2026",
            "--today",
            "2027-01-10",
            "--options",
            r#"{"minutes_settings": {"majority_strict": false}}"#,
            &minutes,
        ],
        "",
    );
    assert_eq!(code, 0, "{out}");
    assert_eq!(json_out(&out)["counts"]["invalid_records"], 0);
    // Or from a file, with the year in it and records counted whatever their errors.
    let options = temp_file(
        "compliance-options.json",
        r#"{"year": 2026, "today": "2027-01-10", "minutes_check": "count_invalid", "locale": "en"}"#,
    );
    let (out, _, code) = dangjian(&["compliance", "--options", &options, &minutes], "");
    assert_eq!(code, 0, "{out}");
    let r = json_out(&out);
    assert_eq!(r["locale"], "en");
    assert_eq!(r["issues"][0]["code"], "compliance.invalid_record");
    assert_eq!(r["issues"][0]["params"]["counted"], true);
    // A misspelt option is a usage error, not a silent default.
    let (_, err, code) = dangjian(
        &[
            "compliance",
            "--year",
            "2026",
            "--options",
            r#"{"minute_check": "off"}"#,
            &minutes,
        ],
        "",
    );
    assert_eq!(code, 2);
    assert!(err.contains("minute_check"), "{err}");
    // --options and --vector do not go together; bad dates are usage errors.
    let vector = vectors("compliance/full-year-compliant.input.json");
    assert_eq!(
        dangjian(&["compliance", "--vector", &vector, "--options", "{}"], "").2,
        2
    );
    assert_eq!(
        dangjian(
            &[
                "compliance",
                "--from",
                "2026-02-30",
                "--to",
                "2026-03-31",
                &minutes
            ],
            ""
        )
        .2,
        2
    );
    assert_eq!(
        dangjian(
            &[
                "compliance",
                "--options",
                r#"{"year": 2026, "today": "2026-13-01"}"#,
                &minutes
            ],
            ""
        )
        .2,
        2
    );
}

#[test]
fn compliance_locale_is_the_fallback_of_the_document() {
    let text =
        std::fs::read_to_string(vectors("compliance/full-year-compliant.input.json")).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    doc.as_object_mut().unwrap().remove("locale");
    let (out, _, code) = dangjian(
        &["compliance", "--locale", "en", "--vector", "-"],
        &doc.to_string(),
    );
    assert_eq!(code, 0);
    let r = json_out(&out);
    assert_eq!(r["locale"], "en");
    assert_eq!(r["requirements"][0]["title"], "General meeting");
    // The document's own locale wins.
    let (out, _, _) = dangjian(&["compliance", "--locale", "en", "--vector", "-"], &text);
    assert_eq!(json_out(&out)["locale"], "zh-CN");
}

#[test]
fn compliance_text_is_a_table_of_held_and_required() {
    let vector = vectors("compliance/inquorate-general-meeting-not-counted.input.json");
    let (out, _, code) = dangjian(&["compliance", "--vector", &vector, "--format", "text"], "");
    assert_eq!(code, 1);
    assert!(out.contains("✘ 支部党员大会（每季度至少 1 次）"), "{out}");
    assert!(
        out.contains("Q1 0/1✘[1]  Q2 1/1✔  Q3 1/1✔  Q4 2/1✔"),
        "{out}"
    );
    assert!(out.contains("01 1/1✔  02 1/1✔  03 1/1✔"), "{out}");
    assert!(out.contains("[compliance.invalid_record]"), "{out}");
    assert!(out.contains("✘ 有缺漏"), "{out}");
    let (out, _, _) = dangjian(
        &[
            "compliance",
            "--vector",
            &vectors("compliance/two-months-without-party-group-en.input.json"),
            "--format",
            "text",
        ],
        "",
    );
    assert!(
        out.contains("✘ Party-group meeting (at least 1 per month)"),
        "{out}"
    );
    assert!(out.contains("07 0/1✘  08 0/1✘"), "{out}");
}

#[test]
fn review_slate_options_give_thresholds_and_the_previous_term() {
    let text = std::fs::read_to_string(vectors("slate/valid.input.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let candidates = temp_file("slate-candidates.json", &v["candidates"].to_string());
    let codes = |out: &str| -> Vec<String> {
        json_out(out)["issues"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["code"].as_str().unwrap().to_owned())
            .collect()
    };
    let (out, _, code) = dangjian(&["review-slate", "--today", "2026-11-22", &candidates], "");
    assert_eq!(code, 0, "{out}");
    assert!(!codes(&out).iter().any(|c| c == "slate.age_not_down"));
    // “一降一升” against a previous term that was younger and better educated.
    let (out, _, _) = dangjian(
        &[
            "review-slate",
            "--today",
            "2026-11-22",
            "--locale",
            "en",
            "--options",
            r#"{"previous_term": {"average_age": 30, "senior_high_percent": 100}}"#,
            &candidates,
        ],
        "",
    );
    let c = codes(&out);
    assert!(c.contains(&"slate.age_not_down".to_owned()), "{c:?}");
    assert!(c.contains(&"slate.education_not_up".to_owned()), "{c:?}");
    assert_eq!(json_out(&out)["locale"], "en");
    // A stricter county: at least 3 young members.
    let (out, _, _) = dangjian(
        &[
            "review-slate",
            "--today",
            "2026-11-22",
            "--options",
            r#"{"min_young": 3}"#,
            &candidates,
        ],
        "",
    );
    assert!(
        codes(&out).contains(&"slate.no_young_member".to_owned()),
        "{out}"
    );
    let (_, err, code) = dangjian(
        &[
            "review-slate",
            "--options",
            r#"{"min_yuong": 3}"#,
            &candidates,
        ],
        "",
    );
    assert_eq!(code, 2);
    assert!(err.contains("min_yuong"), "{err}");
    // --locale is the fallback when the vector has no locale.
    let mut doc = v.clone();
    doc.as_object_mut().unwrap().remove("locale");
    let (out, _, _) = dangjian(
        &["review-slate", "--locale", "en", "--vector", "-"],
        &doc.to_string(),
    );
    assert_eq!(json_out(&out)["locale"], "en");
    let (out, _, _) = dangjian(&["review-slate", "--locale", "en", "--vector", "-"], &text);
    assert_eq!(json_out(&out)["locale"], "zh-CN");
}

#[test]
fn text_output_states_the_review_verdict() {
    let example = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/candidate-review.json"
    );
    let (out, _, code) = dangjian(
        &[
            "validate",
            "--form",
            "candidate-review",
            "--today",
            "2026-11-22",
            "--format",
            "text",
            example,
        ],
        "",
    );
    assert_eq!(code, 0);
    assert!(
        out.contains("资格联审结论：通过——14个部门核查均无问题"),
        "{out}"
    );
    let mut record: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(example).unwrap()).unwrap();
    record["candidate"]["name"] = serde_json::json!("");
    let (out, _, code) = dangjian(
        &[
            "validate",
            "--form",
            "candidate-review",
            "--today",
            "2026-11-22",
            "--format",
            "text",
            "-",
        ],
        &record.to_string(),
    );
    assert_eq!(code, 1);
    assert!(
        out.contains("资格联审结论：待审——记录有1处错误待改正"),
        "{out}"
    );
    // The JSON report carries the same verdict as an outcome.
    let (out, _, _) = dangjian(
        &[
            "validate",
            "--form",
            "candidate-review",
            "--today",
            "2026-11-22",
            "-",
        ],
        &record.to_string(),
    );
    let r = json_out(&out);
    assert_eq!(r["outcomes"]["verdict"]["status"], "pending");
    assert_eq!(
        r["outcomes"]["verdict"]["blocking"],
        serde_json::json!(["required"])
    );
}

fn vector_data(path: &str, name: &str) -> String {
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(vectors(path)).unwrap()).unwrap();
    temp_file(name, &v["data"].to_string())
}

#[test]
fn rectification_lists_what_a_checklist_lost_most_first() {
    let low = vector_data("branch-checklist/low-score.input.json", "low-score.json");
    let (out, _, code) = dangjian(
        &[
            "rectification",
            &low,
            "--today",
            "2026-11-22",
            "--branch",
            "鹤峰村党支部",
        ],
        "",
    );
    assert_eq!(code, 0, "a valid checklist record");
    let list = json_out(&out);
    assert_eq!(list["header"]["branch"], "鹤峰村党支部");
    assert_eq!(list["header"]["created_on"], "2026-11-22");
    let entries = list["problems"]["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 17);
    let lost: Vec<f64> = entries
        .iter()
        .map(|e| e["points_lost"].as_f64().unwrap())
        .collect();
    assert!(lost.windows(2).all(|w| w[0] >= w[1]), "{lost:?}");
    assert_eq!(entries[0]["item_path"], "/activities/meetings_frequency");
    // The list is a record of the rectification-list form: fresh, it only lacks owners.
    let (out, _, code) = dangjian(
        &[
            "validate",
            "--form",
            "rectification-list",
            "--today",
            "2026-11-22",
            "-",
        ],
        &list.to_string(),
    );
    assert_eq!(code, 0, "{out}");
    // The text table, with the grade of the scheme asked for.
    let (out, _, _) = dangjian(
        &[
            "rectification",
            &low,
            "--today",
            "2026-11-22",
            "--format",
            "text",
            "--set",
            "grade_scheme=words",
        ],
        "",
    );
    assert!(out.contains("得分 42，等级：不达标"), "{out}");
    assert!(
        out.contains("1     8      8      未达标     “三会一课”按期召开、记录完整（基本活动）"),
        "{out}"
    );
    assert!(out.contains("共 17 项"), "{out}");
    // An invalid checklist record: exit 1, the list all the same; ID numbers masked in text.
    let (out, _, code) = dangjian(
        &[
            "rectification",
            "-",
            "--today",
            "2026-11-22",
            "--format",
            "text",
            "--branch",
            "联系人 440524188001010014",
        ],
        r#"{"profile": {}}"#,
    );
    assert_eq!(code, 1);
    assert!(out.contains("4405**********0014"), "{out}");
    assert!(!out.contains("440524188001010014"), "{out}");
    assert!(out.contains("✘ 评分表记录有"), "{out}");
    // Usage errors: exit 2.
    assert_eq!(dangjian(&["rectification", "-"], "{").2, 2);
    assert_eq!(
        dangjian(&["rectification", &low, "--created-on", "2026-02-30"], "").2,
        2
    );
    assert_eq!(
        dangjian(&["rectification", &low, "--form", "meeting-minutes"], "").2,
        2,
        "a form that is not scored"
    );
}

#[test]
fn rectification_lists_the_problems_of_a_secretarys_review() {
    let review = vector_data("secretary-review/valid.input.json", "review.json");
    let (out, _, code) = dangjian(
        &[
            "rectification",
            &review,
            "--form",
            "secretary-review",
            "--today",
            "2026-11-22",
            "--created-on",
            "2026-01-25",
        ],
        "",
    );
    assert_eq!(code, 0, "a valid review record");
    let list = json_out(&out);
    assert_eq!(list["header"]["branch"], "中共南海区西樵镇大岗村委员会");
    assert_eq!(list["header"]["checklist"], "secretary-review");
    assert_eq!(list["header"]["grade"], "好");
    assert_eq!(list["header"]["score"], 92.02);
    let entries = list["problems"]["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 3);
    assert_eq!(
        (
            &entries[0]["kind"],
            &entries[0]["status"],
            &entries[0]["section"]
        ),
        (
            &serde_json::json!("problem"),
            &serde_json::json!("raised"),
            &serde_json::json!("上级点评指出")
        )
    );
    // A record of the rectification-list form, deadlines and owners carried over.
    let (out, _, code) = dangjian(
        &[
            "validate",
            "--form",
            "rectification-list",
            "--today",
            "2026-02-01",
            "-",
        ],
        &list.to_string(),
    );
    assert_eq!(code, 0, "{out}");
    assert_eq!(json_out(&out)["counts"]["warnings"], 0, "{out}");
    let (out, _, _) = dangjian(
        &[
            "rectification",
            &review,
            "--form",
            "secretary-review",
            "--today",
            "2026-11-22",
            "--format",
            "text",
        ],
        "",
    );
    assert!(out.contains("已指出") && out.contains("共 3 项"), "{out}");
}

#[test]
fn rank_orders_members_and_leaves_out_invalid_records() {
    let dir = std::env::temp_dir().join(format!("dangjian-cli-{}-rank", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for case in [
        "valid",
        "additions-capped",
        "veto-party-sanction",
        "many-errors",
    ] {
        let v: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(vectors(&format!("member-points/{case}.input.json"))).unwrap(),
        )
        .unwrap();
        let mut data = v["data"].clone();
        data["member"]["name"] = serde_json::json!(match case {
            "valid" => "梁发康",
            "additions-capped" => "冼美华",
            "veto-party-sanction" => "何志强",
            _ => "李四440524188001010014",
        });
        std::fs::write(dir.join(format!("{case}.json")), data.to_string()).unwrap();
    }
    let d = dir.to_str().unwrap();
    let (out, _, code) = dangjian(&["rank", d, "--today", "2026-11-22"], "");
    assert_eq!(code, 1, "a record with errors is not ranked");
    let r = json_out(&out);
    let names: Vec<&str> = r["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["member"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["冼美华", "梁发康", "何志强"],
        "the vetoed member ranks last"
    );
    assert_eq!(r["entries"][0]["rank"], 1);
    assert_eq!(r["entries"][2]["vetoed"], true);
    assert_eq!(r["unranked"][0]["reason"], "invalid");
    let (out, _, _) = dangjian(
        &["rank", d, "--today", "2026-11-22", "--format", "text"],
        "",
    );
    assert!(out.contains("1     102      10     冼美华"), "{out}");
    assert!(out.contains("不合格（一票否决）"), "{out}");
    assert!(out.contains("李四4405**********0014"), "{out}");
    assert!(!out.contains("440524188001010014"), "{out}");
    // Only valid records: exit 0.
    let valid = dir.join("valid.json");
    assert_eq!(
        dangjian(
            &["rank", valid.to_str().unwrap(), "--today", "2026-11-22"],
            ""
        )
        .2,
        0
    );
    assert_eq!(dangjian(&["rank"], "").2, 2);
    assert_eq!(dangjian(&["rank", "/no/such/file.json"], "").2, 2);
}

#[test]
fn a_reader_that_stops_early_is_a_normal_end() {
    // Far more output than a pipe holds; the reader takes 10 bytes and goes away.
    let line = r#"{"basics": {"village": "甲", "inspector": "张三", "date": "2026-01-01"}}"#;
    let input = format!("{line}\n").repeat(3_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_dangjian"))
        .args([
            "validate",
            "--ndjson",
            "--form",
            SPEC,
            "-",
            "--today",
            "2026-11-22",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut first = [0u8; 10];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}

#[test]
fn ndjson_skips_lines_over_the_record_limit_and_names_a_bounded_number() {
    let good = r#"{"basics": {"village": "甲", "inspector": "张三", "date": "2026-01-01"}}"#;
    let long = format!(r#"{{"basics": {{"village": "{}"}}}}"#, "村".repeat(400));
    let mut input = format!("{good}\n{long}\n{good}\n");
    for _ in 0..30 {
        input.push_str("not json\n");
    }
    let (out, err, code) = dangjian(
        &[
            "validate",
            "--ndjson",
            "--form",
            SPEC,
            "-",
            "--today",
            "2026-11-22",
            "--limit",
            "max_record_bytes=1000",
        ],
        &input,
    );
    assert_eq!(code, 2, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 33);
    assert_eq!(lines[1]["error"]["code"], "too_large");
    assert_eq!(lines[1]["error"]["limit"], "max_record_bytes");
    assert_eq!(
        lines[2]["valid"], true,
        "the stream goes on after a long line"
    );
    assert!(err.contains("31 line(s)"), "{err}");
    assert!(err.contains("and 11 more"), "{err}");
    assert!(err.len() < 400, "the final message stays short: {err}");
}

#[test]
fn refusals_carry_the_codes_the_npm_package_throws() {
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["validate", "--form", SPEC, "-", "--today", "2026-13-45"],
            "{}",
            "[bad_options]",
        ),
        (
            &["validate", "--form", SPEC, "-", "--locale", "fr"],
            "{}",
            "[bad_options]",
        ),
        (
            &["validate", "--form", SPEC, "-"],
            "{ not json",
            "[bad_json]",
        ),
        (
            &["validate", "--form", "no-such-form", "-"],
            "{}",
            "[unknown_form]",
        ),
        (
            &[
                "validate",
                "--form",
                SPEC,
                "-",
                "--limit",
                "max_record_bytes=10",
            ],
            r#"{"basics": {"village": "甲"}}"#,
            "[too_large]",
        ),
    ];
    for (args, input, code) in cases {
        let (_, err, exit) = dangjian(args, input);
        assert_eq!(exit, 2, "{args:?}: {err}");
        assert!(err.contains(code), "{args:?}: {err}");
    }
}

#[test]
fn rule_evaluates_one_expression_on_data() {
    let (out, err, code) = dangjian(&["rule", r#"{"+": [1, {"var": "a"}]}"#, r#"{"a": 2}"#], "");
    assert_eq!((out.trim(), code), ("3", 0), "{err}");
    // Data from standard input; standard JSONLogic reads `null < 1` as true.
    let (out, _, code) = dangjian(&["rule", r#"{"<": [{"var": "x"}, 1]}"#, "-"], "{}");
    assert_eq!((out.trim(), code), ("true", 0));
    // Domain operators, $today and $settings.
    let (out, _, _) = dangjian(
        &[
            "rule",
            r#"{"weekday": [{"var": "$today"}]}"#,
            "--today",
            "2026-12-06",
        ],
        "",
    );
    assert_eq!(out.trim(), "7");
    let (out, _, _) = dangjian(&["rule", r#"{"var": "$settings.q"}"#, "--set", "q=3"], "");
    assert_eq!(out.trim(), "3");
    // No data: null.
    let (out, _, _) = dangjian(&["rule", r#"{"var": ""}"#], "");
    assert_eq!(out.trim(), "null");
}

#[test]
fn rule_errors_exit_2_with_their_code() {
    let (_, err, code) = dangjian(&["rule", r#"{"nope": 1}"#], "");
    assert_eq!(code, 2);
    assert!(
        err.contains("[invalid_rule]") && err.contains("nope"),
        "{err}"
    );
    let (_, err, code) = dangjian(&["rule", "{oops"], "");
    assert_eq!(code, 2);
    assert!(err.contains("[bad_json]"), "{err}");
    let doubling = r#"{"reduce": [{"var": ""}, {"merge": [{"var": "accumulator"}, {"var": "accumulator"}, [1]]}, []]}"#;
    let list = format!("[{}]", vec!["0"; 26].join(","));
    let (_, err, code) = dangjian(&["rule", doubling, &list], "");
    assert_eq!(code, 2);
    assert!(
        err.contains("[rule_budget]") && err.contains("max_rule_size"),
        "{err}"
    );
    let (_, err, code) = dangjian(
        &[
            "rule",
            r#"{"map": [{"var": ""}, 1]}"#,
            "[1,2,3]",
            "--limit",
            "max_items=2",
        ],
        "",
    );
    assert_eq!(code, 2);
    assert!(err.contains("max_items"), "{err}");
}
