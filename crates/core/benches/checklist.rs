//! Compile and validate a generated 200-item checklist (5 sections, evidence
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]
//! rules, two veto items, bands 90/75/60). Run with `cargo bench -p dangjian-core`;
//! not part of the test run.

use criterion::{criterion_group, criterion_main, Criterion};
use dangjian_core::{Detail, Engine, ValidateOptions};
use serde_json::{json, Map, Value};
use std::hint::black_box;

const ITEMS: usize = 200;
const SECTIONS: usize = 5;

fn spec() -> Value {
    let per = ITEMS / SECTIONS;
    let sections: Vec<Value> = (0..SECTIONS)
        .map(|s| {
            let items: Vec<Value> = (0..per)
                .map(|i| {
                    let n = s * per + i;
                    let mut score = json!({"points": (n % 5 + 1) as f64});
                    if n == 7 || n == 130 {
                        score["veto"] = json!({"on": ["unmet"]});
                    }
                    json!({"id": format!("i{n}"), "type": "checklist_item", "title": format!("检查项 {n}"),
                           "max_length": 500, "evidence": {"min_length": 4}, "score": score})
                })
                .collect();
            json!({"id": format!("s{s}"), "title": format!("第 {s} 部分"), "items": items})
        })
        .collect();
    json!({"id": "bench", "version": "1", "title": "bench", "sections": sections,
           "scoring": {"bands": [
               {"id": "a", "min": 90, "title": "A"}, {"id": "b", "min": 75, "max": 90, "title": "B"},
               {"id": "c", "min": 60, "max": 75, "title": "C"}, {"id": "d", "min": 0, "max": 60, "title": "D"}]}})
}

/// A deterministic submission; about 40 % of them carry a defect.
fn submission(seed: u64) -> Value {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let defective = next() % 10 < 4;
    let per = ITEMS / SECTIONS;
    let mut record = Map::new();
    for s in 0..SECTIONS {
        let mut sec = Map::new();
        for i in 0..per {
            let n = s * per + i;
            let status = ["met", "met", "met", "partial", "unmet", "na"][(next() % 6) as usize];
            let evidence = if defective && n % 50 == 3 {
                "无"
            } else {
                "台账已核查"
            };
            sec.insert(
                format!("i{n}"),
                json!({"status": status, "evidence": evidence}),
            );
        }
        record.insert(format!("s{s}"), Value::Object(sec));
    }
    Value::Object(record)
}

fn benches(c: &mut Criterion) {
    let engine = Engine::new();
    let spec = spec();
    c.bench_function("compile checklist-200", |b| {
        b.iter(|| engine.compile(black_box(&spec)).map(|_| ()))
    });
    let form = engine.compile(&spec).unwrap_or_else(|e| panic!("{e}"));
    let subs: Vec<Value> = (0..64).map(submission).collect();
    let options = ValidateOptions::default();
    let mut i = 0;
    c.bench_function("validate+score checklist-200", |b| {
        b.iter(|| {
            i = (i + 1) % subs.len();
            black_box(form.validate(black_box(&subs[i]), &options))
        })
    });
    let summary = ValidateOptions {
        detail: Detail::Summary,
        ..ValidateOptions::default()
    };
    c.bench_function("validate+score checklist-200 (summary)", |b| {
        b.iter(|| {
            i = (i + 1) % subs.len();
            black_box(form.validate(black_box(&subs[i]), &summary))
        })
    });
}

criterion_group!(checklist, benches);
criterion_main!(checklist);
