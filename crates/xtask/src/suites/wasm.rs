//! The package build, its size budget, and the wasm-bindgen-test unit tests of
//! the bindings in Node and in headless Chromium.

use crate::paths;
use crate::setup::{CHROMEDRIVER, CHROMIUM};
use crate::sh::{cargo, run};
use crate::test::{Ctx, Step};
use anyhow::{bail, Result};

/// dist, size budget, wasm-bindgen-test ×2.
pub fn steps() -> Vec<Step> {
    vec![
        Step {
            name: "dist",
            about: "build and pack the npm package, print sizes",
            run: dist,
        },
        Step {
            name: "size-budget",
            about: "the browser entries' gzip -9 sizes within their gates (bench/budgets.json)",
            run: budget,
        },
        Step {
            name: "wasm-unit-node",
            about: "wasm-bindgen-test of the bindings in Node",
            run: unit_node,
        },
        Step {
            name: "wasm-unit-chromium",
            about: "wasm-bindgen-test of the bindings in headless Chromium",
            run: unit_chromium,
        },
    ]
}

fn dist(ctx: &mut Ctx) -> Result<()> {
    ctx.package().map(|_| ())
}

/// Sizes are deterministic, so the budgets are a gate: an entry over its gate
/// (`bench/budgets.json`) fails the run. Each line also says how far the entry
/// is from the target when its gate is above it.
fn budget(ctx: &mut Ctx) -> Result<()> {
    let package = ctx.package()?;
    let mut over = Vec::new();
    for m in &package.sizes {
        println!("{}", m.verdict());
        if !m.within_gate() {
            over.push(m.budget.id.clone());
        }
    }
    if package.sizes.is_empty() {
        bail!("no browser entry was measured (bench/budgets.json names files the package lacks)");
    }
    if !over.is_empty() {
        bail!(
            "over the size gate of bench/budgets.json: {}",
            over.join(", ")
        );
    }
    Ok(())
}

/// `cargo test -p dangjian-wasm --target wasm32-unknown-unknown`: the runner
/// (`.cargo/config.toml`) is wasm-bindgen-test-runner, which uses Node by default.
/// The tests compile built-in forms by id, so the module embeds the specs (the
/// package's JavaScript tests cover the build that fetches them).
fn unit_node(_: &mut Ctx) -> Result<()> {
    crate::setup::wasm_bindgen()?;
    run(&mut unit_tests())
}

/// The same tests in headless Chromium through chromedriver
/// (`crates/wasm/webdriver.json` adds the flags Chromium needs here).
fn unit_chromium(_: &mut Ctx) -> Result<()> {
    crate::setup::wasm_bindgen()?;
    crate::setup::chromium()?;
    run(unit_tests()
        .env("WASM_BINDGEN_USE_BROWSER", "1")
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("CHROME_BIN", CHROMIUM))
}

/// `cargo test` of the bindings' unit tests for the wasm target, the built-in
/// specs embedded.
fn unit_tests() -> std::process::Command {
    let mut command = cargo(&paths::root());
    command.args([
        "test",
        "-p",
        "dangjian-wasm",
        "--features",
        "embedded-forms",
        "--target",
        "wasm32-unknown-unknown",
    ]);
    command
}
