//! `cargo xtask test`: every test suite, one step at a time, then the line
//! `N passed, N failed`. A failed step does not stop the others.
//!
//! Steps come from the suite modules in `suites/` (one module per suite, each
//! with a `steps()` function); a new suite registers by adding its module to
//! [`crate::suites::all`]. Steps share a [`Ctx`] so the package is built once.

use crate::dist::{self, Package};
use crate::paths;
use anyhow::{anyhow, Result};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// One step of the test run.
pub struct Step {
    /// Name, for the log and for `cargo xtask test NAME`.
    pub name: &'static str,
    /// What it checks, one line.
    pub about: &'static str,
    /// Runs the step; an error fails it.
    pub run: fn(&mut Ctx) -> Result<()>,
}

/// What steps share: things built once per run.
#[derive(Default)]
pub struct Ctx {
    package: Option<Result<Package, String>>,
    site: Option<Result<PathBuf, String>>,
}

impl Ctx {
    /// The npm package, built (and packed) on first use.
    pub fn package(&mut self) -> Result<Package> {
        let built = self.package.get_or_insert_with(|| {
            dist::build(dist::Options::default()).map_err(|e| format!("{e:#}"))
        });
        built
            .clone()
            .map_err(|e| anyhow!("the npm package could not be built: {e}"))
    }

    /// The demo site (`www/` with the package in `pkg/`), assembled on first use.
    pub fn site(&mut self) -> Result<PathBuf> {
        if self.site.is_none() {
            let built = self
                .package()
                .and_then(|p| crate::demo::assemble_site(&p))
                .map_err(|e| format!("{e:#}"));
            self.site = Some(built);
        }
        self.site
            .clone()
            .unwrap_or_else(|| Err("no site".to_owned()))
            .map_err(|e| anyhow!("the demo site could not be assembled: {e}"))
    }
}

/// `cargo xtask test [--list] [STEP…]`.
pub fn main(args: &[String]) -> ExitCode {
    let steps = crate::suites::all();
    if args.iter().any(|a| a == "--list") {
        for step in &steps {
            println!("{:<20} {}", step.name, step.about);
        }
        return ExitCode::SUCCESS;
    }
    let unknown: Vec<&String> = args
        .iter()
        .filter(|a| !steps.iter().any(|s| s.name == a.as_str()))
        .collect();
    if !unknown.is_empty() {
        eprintln!("unknown step(s): {unknown:?}; `cargo xtask test --list` shows them");
        return ExitCode::from(2);
    }
    let selected: Vec<&Step> = steps
        .iter()
        .filter(|s| args.is_empty() || args.iter().any(|a| a == s.name))
        .collect();

    let started = Instant::now();
    let mut ctx = Ctx::default();
    let mut results: Vec<(&'static str, Duration, Option<String>)> = Vec::new();
    for step in selected {
        println!("\n=== {} — {}", step.name, step.about);
        let t = Instant::now();
        let outcome = (step.run)(&mut ctx).err().map(|e| format!("{e:#}"));
        let took = t.elapsed();
        match &outcome {
            None => println!("--- {}: ok ({:.1} s)", step.name, took.as_secs_f64()),
            Some(e) => println!(
                "--- {}: FAILED ({:.1} s): {e}",
                step.name,
                took.as_secs_f64()
            ),
        }
        results.push((step.name, took, outcome));
    }

    println!("\n=== summary ({:.0} s)", started.elapsed().as_secs_f64());
    for (name, took, outcome) in &results {
        let verdict = if outcome.is_none() { "ok" } else { "FAILED" };
        println!("  {verdict:<7} {name:<20} {:>6.1} s", took.as_secs_f64());
    }
    if let Ok(sizes) = std::fs::read_to_string(paths::target().join("npm/sizes.txt")) {
        if let Some(line) = sizes.lines().find(|l| l.starts_with("headless budget")) {
            println!("  {line}");
        }
    }
    let failed = results.iter().filter(|r| r.2.is_some()).count();
    println!("{} passed, {failed} failed", results.len() - failed);
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
