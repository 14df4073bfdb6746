//! `dangjian_core::json_writer` against serde_json on what the browser
//! modules write: every golden vector's report (through the derived
//! `Serialize` of the report types and as a `Value`), every built-in form's
//! spec, settings, settings rows, empty record and warnings, the compliance
//! reports, and mutations of the reports' numbers and texts.
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod common;

use dangjian_core::json_writer;
use dangjian_core::Locale;
use serde::Serialize;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn same<T: Serialize + ?Sized>(what: &str, value: &T) {
    let theirs = serde_json::to_string(value).unwrap();
    let ours = json_writer::to_string(value).unwrap();
    assert!(
        ours == theirs,
        "{what}: the texts differ\nours:   {ours}\ntheirs: {theirs}"
    );
}

fn files(dir: &Path, end: &str, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, end, out);
        } else if p.to_string_lossy().ends_with(end) {
            out.push(p);
        }
    }
}

/// A fixed sequence of pseudo-random numbers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// `value` with some numbers and texts replaced.
fn mutate(value: &mut Value, rng: &mut Rng) {
    match value {
        Value::Number(_) => {
            *value = match rng.next() % 4 {
                0 => serde_json::json!(f64::from_bits(rng.next())),
                1 => serde_json::json!((rng.next() % 100_000) as f64 / 100.0),
                2 => serde_json::json!(rng.next() as i64),
                _ => value.clone(),
            }
        }
        Value::String(s) if rng.next().is_multiple_of(3) => {
            s.push_str(["\"", "\\", "\n", "\u{1}", "中", "\u{7f}", "𝄞"][(rng.next() % 7) as usize]);
        }
        Value::Array(items) => items.iter_mut().for_each(|v| mutate(v, rng)),
        Value::Object(map) => map.values_mut().for_each(|v| mutate(v, rng)),
        _ => {}
    }
}

#[test]
fn every_expected_report_as_a_value() {
    let mut expected = Vec::new();
    files(
        &common::root().join("tests/vectors"),
        ".expected.json",
        &mut expected,
    );
    assert!(expected.len() > 50, "{} files", expected.len());
    let mut rng = Rng(1);
    for path in expected {
        let mut value = common::read(&path);
        same(&path.display().to_string(), &value);
        for _ in 0..20 {
            mutate(&mut value, &mut rng);
            same(&path.display().to_string(), &value);
        }
    }
}

#[test]
fn every_form_vector_report() {
    let mut inputs = Vec::new();
    files(
        &common::root().join("tests/vectors"),
        ".input.json",
        &mut inputs,
    );
    let mut n = 0;
    for path in inputs {
        let input = common::read(&path);
        let report = if input.get("form").is_some() {
            common::run_input(&input)
        } else if let Some(file) = input.get("spec_file").and_then(Value::as_str) {
            let spec = common::read(&path.parent().unwrap().join(file));
            common::compile(&spec).validate(&input["data"], &common::options_of(&input))
        } else {
            continue;
        };
        same(&path.display().to_string(), &report);
        n += 1;
    }
    assert!(n > 40, "{n} reports");
}

#[test]
fn every_compliance_vector_report() {
    let mut n = 0;
    for path in common::vector_inputs("compliance") {
        let input = common::read(&path);
        let Ok(input) =
            serde_json::from_value::<dangjian_standards::meetings::ComplianceInput>(input)
        else {
            continue;
        };
        same(
            &path.display().to_string(),
            &dangjian_standards::meetings::compliance_of(&input),
        );
        n += 1;
    }
    assert!(n > 5, "{n} reports");
}

#[test]
fn every_builtin_form_and_its_settings() {
    for builtin in dangjian_standards::builtin_forms() {
        let form = common::form(builtin.id);
        same(builtin.id, form.spec());
        same(builtin.id, form.settings());
        same(builtin.id, form.warnings());
        same(builtin.id, &form.empty_data());
        for locale in [Locale::ZhCn, Locale::En] {
            same(builtin.id, &form.describe_settings(None, locale));
        }
        let spec: Value = serde_json::from_str(builtin.spec).unwrap();
        same(builtin.id, &spec);
        if let Some(settings) = spec.get("settings") {
            let full = serde_json::to_string(settings).unwrap().len();
            for stop in (0..full).step_by(7) {
                let counted = json_writer::written_len(settings, stop);
                assert!(counted > stop && counted <= full, "{counted} at {stop}");
            }
            assert_eq!(json_writer::written_len(settings, usize::MAX), full);
        }
    }
}
