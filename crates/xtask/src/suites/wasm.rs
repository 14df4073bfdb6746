//! The package build, its size budget, and the wasm-bindgen-test unit tests of
//! the bindings in Node and in headless Chromium.

use crate::paths;
use crate::setup::{CHROMEDRIVER, CHROMIUM};
use crate::sh::{cargo, run};
use crate::size::{kb, HEADLESS_BUDGET_GZIP};
use crate::test::{Ctx, Step};
use anyhow::Result;

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
            about:
                "report the entries' sizes against their gzip -9 budgets (measured, not asserted)",
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

/// Budgets are measurements, like speed: a miss is reported loudly (and in the
/// benchmark report), but it does not fail the tests.
fn budget(ctx: &mut Ctx) -> Result<()> {
    let gzip = ctx.package()?.headless_gzip();
    if gzip > HEADLESS_BUDGET_GZIP {
        println!(
            "warning: the headless entry is {} gzip -9, over its {} budget (see bench/README.md)",
            kb(gzip),
            kb(HEADLESS_BUDGET_GZIP)
        );
    } else {
        println!(
            "headless entry: {} gzip -9 (budget {})",
            kb(gzip),
            kb(HEADLESS_BUDGET_GZIP)
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
    run(cargo(&paths::root()).args([
        "test",
        "-p",
        "dangjian-wasm",
        "--features",
        "embedded-forms",
        "--target",
        "wasm32-unknown-unknown",
    ]))
}

/// The same tests in headless Chromium through chromedriver
/// (`crates/wasm/webdriver.json` adds the flags Chromium needs here).
fn unit_chromium(_: &mut Ctx) -> Result<()> {
    crate::setup::wasm_bindgen()?;
    crate::setup::chromium()?;
    run(cargo(&paths::root())
        .args([
            "test",
            "-p",
            "dangjian-wasm",
            "--features",
            "embedded-forms",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .env("WASM_BINDGEN_USE_BROWSER", "1")
        .env("CHROMEDRIVER", CHROMEDRIVER)
        .env("CHROME_BIN", CHROMIUM))
}
