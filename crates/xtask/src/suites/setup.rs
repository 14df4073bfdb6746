//! Installing the tools (idempotent): Rust's wasm target, wasm-bindgen, Node,
//! Chromium and chromedriver, and the npm packages of the test folders.

use crate::paths;
use crate::setup;
use crate::test::{Ctx, Step};
use anyhow::Result;

/// The setup step.
pub fn steps() -> Vec<Step> {
    vec![Step {
        name: "setup",
        about: "install the tools the tests need (quick when present)",
        run,
    }]
}

/// Test folders whose npm packages do not depend on the built package.
pub const NPM_FOLDERS: &[&str] = &["tests/browser-parity"];

fn run(_: &mut Ctx) -> Result<()> {
    setup::main()?;
    for folder in NPM_FOLDERS {
        setup::npm_ci(&paths::root().join(folder))?;
    }
    Ok(())
}
