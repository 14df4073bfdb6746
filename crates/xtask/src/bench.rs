//! `cargo xtask bench`: the npm package in Node, timing records passed as
//! objects (`validate`) against records passed as JSON text (`validateJson`).

use crate::dist;
use crate::paths;
use crate::sh::{cmd, run};
use anyhow::Result;

/// Builds the package, installs it into a fresh project and runs `tests/node/bench.mjs`.
pub fn main() -> Result<()> {
    let package = dist::build(dist::Options::default())?;
    let project = crate::suites::node_consumer(&package.tarball)?;
    let lib = project.join("lib");
    std::fs::create_dir_all(&lib)?;
    for file in ["lib/parity.mjs", "lib/vectors.mjs", "bench.mjs"] {
        std::fs::copy(
            paths::root().join("tests/node").join(file),
            project.join(file),
        )?;
    }
    run(cmd("node", &project)
        .arg("bench.mjs")
        .env("DANGJIAN_VECTORS", paths::root().join("tests/vectors")))
}
