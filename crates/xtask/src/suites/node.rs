//! Node ≥ 18 through the packed tarball: a fresh project installs it, then
//! `node --test` runs the API tests, every golden vector for parity, and the
//! package's command line against the Rust one.

use crate::paths;
use crate::sh::{cargo, cmd, run};
use crate::test::{Ctx, Step};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

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
    run(cargo(&paths::root()).args(["build", "-p", "dangjian-cli"]))?;
    let cli = paths::target().join("debug").join("dangjian");
    let project = consumer(&package.tarball)?;
    let tests = paths::root().join("tests/node");
    let dest = project.join("test");
    copy_dir(&tests, &dest, &|p| {
        p.extension().is_some_and(|e| e == "mjs")
    })?;
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

/// A fresh Node project in `target/scratch/node-consumer` with the tarball installed.
pub fn consumer(tarball: &Path) -> Result<PathBuf> {
    let project = paths::scratch("node-consumer");
    if project.exists() {
        std::fs::remove_dir_all(&project)?;
    }
    std::fs::create_dir_all(&project)?;
    std::fs::write(
        project.join("package.json"),
        "{\n  \"name\": \"node-consumer\",\n  \"private\": true,\n  \"type\": \"module\"\n}\n",
    )?;
    run(cmd("npm", &project)
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--prefer-offline",
            "--loglevel=error",
        ])
        .arg(tarball))?;
    Ok(project)
}

/// Copies the files of `from` (recursively) that `keep` accepts into `to`.
pub fn copy_dir(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in
        std::fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))?
    {
        let path = entry?.path();
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "node_modules") {
                continue;
            }
            copy_dir(&path, &target, keep)?;
        } else if keep(&path) {
            std::fs::copy(&path, &target)
                .with_context(|| format!("cannot copy {}", path.display()))?;
        }
    }
    Ok(())
}
