//! Unit tests of a supervision run (the golden vectors are in `tests/vectors/supervision`).
use super::*;
use serde_json::{json, Value};
use std::path::Path;

/// The committed sample town, as `(source, record)` in file order.
fn town() -> Vec<(String, Value)> {
    fn walk(dir: &Path, out: &mut Vec<(String, Value)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else {
                let v = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
                out.push((p.display().to_string(), v));
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/supervision/town"),
        &mut out,
    );
    assert!(out.len() > 500);
    out
}

fn options(as_of: &str) -> SupervisionOptions {
    SupervisionOptions {
        today: Some("2026-12-31".into()),
        ..SupervisionOptions::as_of(as_of)
    }
}

fn run(records: &[(String, Value)], o: &SupervisionOptions) -> SupervisionReport {
    let mut s = Supervisor::new(o);
    for (source, r) in records {
        s.add(r, source);
    }
    s.finish()
}

/// What does not depend on how the records were split or numbered.
fn summary(r: &SupervisionReport) -> Value {
    json!([
        r.counts.branches,
        r.counts.needing_attention,
        r.ranking,
        r.attention,
        r.distributions,
        r.totals
    ])
}

#[test]
fn one_at_a_time_at_once_and_branch_by_branch_agree() {
    let town = town();
    let o = options("2026-10-31");
    let streamed = run(&town, &o);
    let values: Vec<Value> = town.iter().map(|(_, v)| v.clone()).collect();
    let at_once = supervise(&values, &o);
    assert_eq!(summary(&streamed), summary(&at_once));
    let mut s = Supervisor::new(&o);
    for (source, r) in &town {
        s.add(r, source);
    }
    let mut each = Vec::new();
    let without = s.finish_each(|b| each.push(b));
    assert!(without.branches.is_empty());
    assert_eq!(each, streamed.branches);
    assert_eq!(streamed.counts.branches, 12);
    assert!(streamed.counts.needing_attention > 0 && streamed.counts.needing_attention < 12);
    assert!(!streamed.overdue.is_empty());
    assert_eq!(streamed.counts.records, town.len());
}

#[test]
fn shards_merged_give_the_whole_town() {
    let town = town();
    let o = options("2026-10-31");
    let whole = run(&town, &o);
    let (a, b): (Vec<_>, Vec<_>) = town.into_iter().partition(|(source, _)| {
        ["-岗岭村", "-伏洲村", "-岭新村", "-口大村"]
            .iter()
            .any(|n| source.contains(n))
    });
    let merged = merge(vec![run(&a, &o), run(&b, &o)], None).unwrap();
    assert_eq!(summary(&merged), summary(&whole));
    assert_eq!(merged.counts, whole.counts);
    let keys = |r: &SupervisionReport| r.branches.iter().map(|b| b.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&merged), keys(&whole));
    // A merge judges attention again, with its own thresholds.
    let lenient = Thresholds {
        missing_monthly: 0,
        missing_quarterly: 0,
        missing_yearly: 0,
        overdue_rectifications: 0,
        invalid_records: 0,
        secretary_grade_at_most: None,
        ..Thresholds::default()
    };
    let fewer = merge(vec![run(&a, &o), run(&b, &o)], Some(lenient.clone())).unwrap();
    assert!(fewer.counts.needing_attention < whole.counts.needing_attention);
    assert_eq!(fewer.head.attention_settings, lenient);
}

#[test]
fn shards_that_do_not_fit_together_are_refused() {
    let town = town();
    let o = options("2026-10-31");
    let a = run(&town[..100], &o);
    let err = merge(vec![a.clone(), a.clone()], None).unwrap_err();
    assert!(matches!(err, MergeError::Duplicate { .. }), "{err}");
    let later = run(&town[100..200], &options("2026-11-30"));
    let err = merge(vec![a, later], None).unwrap_err();
    assert!(
        matches!(err, MergeError::Mismatch { field: "as_of", .. }),
        "{err}"
    );
    let mut m = Merger::new(None);
    assert_eq!(
        m.branch(run(&town[..100], &o).branches.remove(0))
            .unwrap_err(),
        MergeError::NoHead
    );
}

#[test]
fn wrong_options_are_issues_and_nothing_is_counted() {
    let r = supervise(
        &[json!({"meeting": {}})],
        &SupervisionOptions::as_of("2026-02-30"),
    );
    assert_eq!((r.counts.records, r.counts.branches), (1, 0));
    assert_eq!(r.issues[0].path, "/as_of");
    assert_eq!(r.issues[0].code, "supervision.invalid_options");
    let mut o = SupervisionOptions::as_of("2026-06-30");
    o.today = Some("tomorrow".into());
    o.form_settings
        .insert("survey".into(), serde_json::Map::new());
    let r = supervise(&[], &o);
    let paths: Vec<&str> = r.issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["/today", "/form_settings/survey"]);
    assert!(r.months.is_empty() && r.totals.months.is_empty());
}

#[test]
fn a_form_with_wrong_settings_is_reported_once_and_its_records_not_checked() {
    let town = town();
    let mut o = options("2026-10-31");
    o.form_settings.insert(
        "meeting-minutes".into(),
        json!({"majority_strict": "yes"})
            .as_object()
            .cloned()
            .unwrap(),
    );
    let r = run(&town, &o);
    let settings: Vec<_> = r
        .issues
        .iter()
        .filter(|i| i.code == "supervision.form_settings")
        .collect();
    assert_eq!(settings.len(), 1);
    assert_eq!(settings[0].path, "/form_settings/meeting-minutes");
    assert!(r.counts.unchecked > 400);
    assert_eq!(r.counts.by_form["meeting-minutes"].counted, 0);
}

#[test]
fn each_reason_is_turned_off_by_its_setting() {
    let town = town();
    let mut o = options("2026-10-31");
    o.attention = super::options::off();
    let r = run(&town, &o);
    assert_eq!(r.counts.needing_attention, 0);
    assert!(r.branches.iter().all(|b| b.attention.is_empty()));
    // …and the figures are the same.
    let all = run(&town, &options("2026-10-31"));
    assert_eq!(r.totals, all.totals);
}

#[test]
fn unreadable_text_is_counted_and_named() {
    let mut s = Supervisor::new(&options("2026-10-31"));
    s.unreadable("a.ndjson:3", "invalid JSON at line 1, column 2");
    s.add(&json!("text"), "a.ndjson:4");
    let r = s.finish();
    assert_eq!(
        (r.counts.records, r.counts.unreadable, r.counts.unrecognised),
        (2, 1, 1)
    );
    assert_eq!(r.issues[0].path, "/records/0");
    assert!(r.issues[0].message.contains("a.ndjson:3"));
}

#[test]
fn a_branch_report_reads_back() {
    let r = run(&town()[..200], &options("2026-10-31"));
    let text = serde_json::to_string(&r).unwrap();
    let back: SupervisionReport = serde_json::from_str(&text).unwrap();
    assert_eq!(back, r);
}

#[test]
fn shards_merged_give_the_report_of_one_run() {
    let mut town = town();
    // Minutes that give a code before any record gives its name, and minutes
    // that give only the name a code's candidates' review gives.
    let minutes = town
        .iter()
        .rev()
        .find(|(_, r)| r.pointer("/meeting/branch_code").is_some())
        .map(|(_, r)| r.clone())
        .unwrap();
    let mut coded_only = minutes.clone();
    coded_only["meeting"]["branch"] = json!("");
    town.insert(0, ("early.json".into(), coded_only));
    let mut village = minutes;
    village["meeting"]["branch_code"] = json!("");
    village["meeting"]["branch"] = json!("岗岭村");
    town.push(("village.json".into(), village));
    // A record of no branch, one of no form and text that is not JSON: counted once.
    town.push(("x.json".into(), json!({"meeting": {"date": "2026-03-01"}})));
    town.push(("y.json".into(), json!({"survey": {}})));
    for as_of in ["2026-06-30", "2026-12-31"] {
        let o = options(as_of);
        let whole = {
            let mut s = Supervisor::new(&o);
            for (source, r) in &town {
                s.add(r, source);
            }
            s.unreadable("z.ndjson:1", "invalid JSON");
            s.finish()
        };
        for count in [1, 2, 3, 5] {
            let parts: Vec<SupervisionReport> = (0..count)
                .map(|index| {
                    let mut s = Supervisor::new(&o).with_shard(Shard::new(index, count).unwrap());
                    for (source, r) in &town {
                        s.add(r, source);
                    }
                    s.unreadable("z.ndjson:1", "invalid JSON");
                    s.finish()
                })
                .collect();
            if count > 1 {
                assert!(parts
                    .iter()
                    .all(|p| p.branches.len() < whole.branches.len()));
            }
            let merged = merge_shards(parts).unwrap();
            assert_eq!(
                serde_json::to_string(&merged).unwrap(),
                serde_json::to_string(&whole).unwrap(),
                "{count} shards as of {as_of}"
            );
        }
    }
    assert_eq!(Shard::new(2, 2), None);
    assert!(matches!(merge_shards(Vec::new()), Err(MergeError::NoHead)));
}
