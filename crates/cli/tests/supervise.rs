//! `dangjian supervise` as a town's office and a province meet it: folders,
//! NDJSON in and out, text and CSV, shards merged, exit codes.

mod common;

use common::dangjian;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn town() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/supervision/town")
}

/// The sample town's branch folders, in name order.
fn branch_folders() -> Vec<String> {
    let mut dirs: Vec<String> = std::fs::read_dir(town())
        .unwrap()
        .flatten()
        .map(|e| e.path().display().to_string())
        .collect();
    dirs.sort();
    dirs
}

/// A file of this test's own, written aside and renamed into place.
fn scratch(name: &str, text: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("supervise");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let aside = dir.join(format!("{name}.{}", std::process::id()));
    std::fs::write(&aside, text).unwrap();
    std::fs::rename(&aside, &path).unwrap();
    path
}

fn as_of(extra: &[&str]) -> Vec<String> {
    let mut a = vec![
        "supervise".to_owned(),
        "--as-of".into(),
        "2026-10-31".into(),
        "--today".into(),
        "2026-12-31".into(),
    ];
    a.extend(extra.iter().map(|s| (*s).to_owned()));
    a
}

fn run(args: &[String], stdin: &str) -> (String, String, i32) {
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    dangjian(&refs, stdin)
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

#[test]
fn a_folder_gives_the_report_and_exit_1_when_branches_need_attention() {
    let (out, err, code) = run(&as_of(&[town().to_str().unwrap()]), "");
    assert_eq!(code, 1, "{err}");
    let r = json(&out);
    assert_eq!(r["counts"]["branches"], 12);
    assert_eq!(r["counts"]["records"], 900);
    assert!(r["attention"].as_array().unwrap().len() > 1);
    // Nothing needs attention when every reason is off.
    let mut off = as_of(&[town().to_str().unwrap()]);
    for s in [
        "score_below=0",
        "vetoed=false",
        "no_checklist=false",
        "missing_monthly=0",
        "missing_quarterly=0",
        "missing_yearly=0",
        "overdue_rectifications=0",
        "secretary_grade_at_most=null",
        "invalid_records=0",
    ] {
        off.extend(["--set".to_owned(), s.to_owned()]);
    }
    let (out, err, code) = run(&off, "");
    assert_eq!(code, 0, "{err}");
    assert_eq!(json(&out)["counts"]["needing_attention"], 0);
}

#[test]
fn text_and_csv_for_people_and_spreadsheets() {
    let (out, _, _) = run(&as_of(&[town().to_str().unwrap(), "--format", "text"]), "");
    for part in [
        "党建督导",
        "排名",
        "需关注的支部",
        "逾期未销号的整改事项",
        "月度调度",
        "季度检查",
    ] {
        assert!(out.contains(part), "{part}\n{out}");
    }
    let (out, _, _) = run(
        &as_of(&[
            town().to_str().unwrap(),
            "--format",
            "csv",
            "--locale",
            "en",
        ]),
        "",
    );
    assert!(out.starts_with("\u{feff}rank,key,name,code,"), "{out}");
    assert_eq!(out.lines().count(), 13);
}

#[test]
fn ndjson_in_and_out() {
    let mut lines = String::new();
    for f in branch_folders().iter().take(2) {
        let mut files: Vec<_> = std::fs::read_dir(f)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        for p in files {
            let v = json(&std::fs::read_to_string(p).unwrap());
            lines.push_str(&v.to_string());
            lines.push('\n');
        }
    }
    lines.push_str("{not json\n\n");
    let (out, err, code) = run(&as_of(&["--ndjson", "--format", "ndjson"]), &lines);
    assert!(code == 0 || code == 1, "{err}");
    let out: Vec<Value> = out.lines().map(json).collect();
    assert!(out[0]["head"]["as_of"] == "2026-10-31");
    assert_eq!(out.len(), 4, "a head, two branches, the report");
    assert!(out[1]["branch"]["key"].is_string() && out[2]["branch"]["key"].is_string());
    let report = &out[3]["report"];
    assert_eq!(report["counts"]["unreadable"], 1);
    assert_eq!(report["branches"].as_array().unwrap().len(), 0);
    assert!(report["issues"][0]["message"]
        .as_str()
        .unwrap()
        .contains("stdin:"));
}

#[test]
fn shards_merged_are_the_whole_town() {
    let folders = branch_folders();
    let whole = json(&run(&as_of(&[town().to_str().unwrap()]), "").0);
    let shard = |dirs: &[String], name: &str| {
        let mut a = as_of(&["--format", "ndjson"]);
        a.extend(dirs.iter().cloned());
        scratch(name, &run(&a, "").0)
    };
    let a = shard(&folders[..5], "a.ndjson");
    let b = shard(&folders[5..], "b.ndjson");
    let (out, err, code) = dangjian(
        &[
            "supervise",
            "--merge",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 1, "{err}");
    let merged = json(&out);
    for key in ["ranking", "attention", "distributions", "totals", "months"] {
        assert_eq!(merged[key], whole[key], "{key}");
    }
    assert_eq!(merged["counts"], whole["counts"]);
    // A JSON shard merges too, and a branch in two shards is refused.
    let c = scratch("c.json", &run(&as_of(&[folders[0].as_str()]), "").0);
    let (_, err, code) = dangjian(
        &[
            "supervise",
            "--merge",
            a.to_str().unwrap(),
            c.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 2);
    assert!(err.contains("two shards"), "{err}");
    // Shards drawn up as of other days do not fit together.
    let mut later = vec![
        "supervise".to_owned(),
        "--as-of".into(),
        "2026-11-30".into(),
        "--format".into(),
        "ndjson".into(),
    ];
    later.push(folders[11].clone());
    let d = scratch("d.ndjson", &run(&later, "").0);
    let (_, err, code) = dangjian(
        &[
            "supervise",
            "--merge",
            a.to_str().unwrap(),
            d.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 2);
    assert!(err.contains("as_of"), "{err}");
    // The merge judges attention with its own thresholds.
    let (out, _, _) = dangjian(
        &[
            "supervise",
            "--merge",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--set",
            "missing_monthly=0",
        ],
        "",
    );
    assert_eq!(json(&out)["attention_settings"]["missing_monthly"], 0);
}

#[test]
fn usage_errors_exit_2() {
    let t = town();
    let t = t.to_str().unwrap();
    for args in [
        vec!["supervise", t],
        vec!["supervise", t, "--as-of", "2026-02-30"],
        vec!["supervise", t, "--as-of", "2026-10-31", "--today", "soon"],
        vec!["supervise", "--as-of", "2026-10-31"],
        vec!["supervise", "--merge"],
        vec![
            "supervise",
            t,
            "--as-of",
            "2026-10-31",
            "--set",
            "score_bellow=70",
        ],
    ] {
        let (_, err, code) = dangjian(&args, "");
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            err.starts_with("dangjian: ") || err.contains("error:"),
            "{err}"
        );
    }
}
