//! Node ≥ 18 through the packed tarball: a fresh project installs it, then
//! `node --test` runs the API tests, every golden vector for parity, and the
//! JSONLogic suite against json-logic-js (installed beside the package), and the
//! package's command line against the Rust one.

use super::support;
use crate::paths;
use crate::sh::{cmd, run};
use crate::test::{Ctx, Step};
use anyhow::Result;
use std::path::PathBuf;

/// The Node suite.
pub fn steps() -> Vec<Step> {
    vec![Step {
        name: "node",
        about: "npm install the tarball into a fresh project; node --test (API + parity)",
        run: node_tests,
    }]
}

fn node_tests(ctx: &mut Ctx) -> Result<()> {
    let package = ctx.package()?;
    // The package's command line is compared with the Rust one (tests/node/cli.test.mjs).
    let cli = support::cli()?;
    let project = support::node_consumer(&package.tarball)?;
    // The reference JSONLogic implementation, for tests/node/jsonlogic.test.mjs.
    support::npm_install(&project, "json-logic-js@2.0.5".as_ref())?;
    let tests = paths::root().join("tests/node");
    let dest = project.join("test");
    support::copy_dir(&tests, &dest, &support::mjs)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dest)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    run(cmd("node", &project)
        .arg("--test")
        .args(files.iter().map(|f| f.strip_prefix(&project).unwrap_or(f)))
        .env("DANGJIAN_VECTORS", paths::root().join("tests/vectors"))
        .env("DANGJIAN_ROOT", paths::root())
        .env("DANGJIAN_CLI", cli))
}
