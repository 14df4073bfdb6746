//! Validates every line of an NDJSON file with one spec and prints the time per
//! record: a driver for profilers (`perf record`, `valgrind --tool=callgrind`),
//! since criterion's own loop hides the engine's share of the work.
//!
//! ```sh
//! cargo build --release -p dangjian-core --example throughput
//! target/release/examples/throughput spec.json records.ndjson [--summary] [--passes N] [--today YYYY-MM-DD]
//! ```
//!
//! Each pass parses, validates, scores and serialises every record, as
//! `dangjian validate --ndjson` does without its I/O.

use dangjian_core::{Detail, Engine, ValidateOptions};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage =
        "usage: throughput SPEC.json RECORDS.ndjson [--summary] [--passes N] [--today YYYY-MM-DD]";
    let (Some(spec_path), Some(data_path)) = (args.first(), args.get(1)) else {
        return Err(usage.into());
    };
    let flag = |name: &str| args.iter().position(|a| a == name);
    let value = |name: &str| flag(name).and_then(|i| args.get(i + 1));
    let passes: usize = value("--passes").map_or(Ok(3), |v| v.parse())?;
    let options = ValidateOptions {
        today: Some(
            value("--today")
                .map_or("2026-06-30", String::as_str)
                .to_owned(),
        ),
        detail: if flag("--summary").is_some() {
            Detail::Summary
        } else {
            Detail::Full
        },
        ..ValidateOptions::default()
    };

    let spec = std::fs::read_to_string(spec_path)?;
    let data = std::fs::read_to_string(data_path)?;
    let lines: Vec<&str> = data.lines().filter(|l| !l.trim().is_empty()).collect();
    let started = Instant::now();
    let form = Engine::new()
        .compile_str(&spec)
        .map_err(|e| format!("{e:?}"))?;
    println!("compile: {:.2} ms", started.elapsed().as_secs_f64() * 1e3);

    let mut batch = form.batch();
    for pass in 0..passes {
        let started = Instant::now();
        let mut bytes = 0;
        for line in &lines {
            let report = batch.validate_json(line, &options)?;
            bytes += serde_json::to_string(&report)?.len();
        }
        let per = started.elapsed().as_secs_f64() * 1e6 / lines.len().max(1) as f64;
        println!(
            "pass {pass}: {per:.1} µs per record ({:.0} bytes per report, {:?} detail)",
            bytes as f64 / lines.len().max(1) as f64,
            options.detail
        );
    }
    Ok(())
}
