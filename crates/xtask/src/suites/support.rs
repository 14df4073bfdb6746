//! What the suites share to set up: fresh scratch folders, the packed tarball
//! installed or unpacked, test files copied, the browser runner
//! (`tests/browser-parity` with Chromium), a folder served over HTTP, and the
//! debug build of the command line.

use crate::paths;
use crate::serve;
use crate::setup::{self, CHROMIUM};
use crate::sh::{cargo, cmd, run};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// `target/scratch/NAME`, emptied (or made).
pub fn fresh_scratch(name: &str) -> Result<PathBuf> {
    let dir = paths::scratch(name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// A fresh Node project in `target/scratch/node-consumer` with the tarball installed.
pub fn node_consumer(tarball: &Path) -> Result<PathBuf> {
    let project = fresh_scratch("node-consumer")?;
    std::fs::write(
        project.join("package.json"),
        "{\n  \"name\": \"node-consumer\",\n  \"private\": true,\n  \"type\": \"module\"\n}\n",
    )?;
    npm_install(&project, tarball.as_os_str())?;
    Ok(project)
}

/// `npm install SPEC` in `project`, quietly and from the cache when it can.
pub fn npm_install(project: &Path, spec: &std::ffi::OsStr) -> Result<()> {
    run(cmd("npm", project)
        .args([
            "install",
            "--no-audit",
            "--no-fund",
            "--prefer-offline",
            "--loglevel=error",
        ])
        .arg(spec))
}

/// Extracts an npm tarball (its `package/` folder) into `dest`, emptied first.
pub fn unpack(tarball: &Path, dest: &Path) -> Result<()> {
    if dest.exists() {
        std::fs::remove_dir_all(dest)?;
    }
    std::fs::create_dir_all(dest)?;
    run(cmd("tar", dest)
        .arg("-xzf")
        .arg(tarball)
        .args(["--strip-components=1"]))
}

/// Copies the files of `from` (recursively, `node_modules` left out) that `keep` accepts into `to`.
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

/// Every file passes.
pub fn all(_: &Path) -> bool {
    true
}

/// The `.mjs` files pass.
pub fn mjs(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "mjs")
}

/// The browser runner, `tests/browser-parity` with its npm packages, and Chromium.
pub fn browser_runner() -> Result<PathBuf> {
    setup::chromium()?;
    let runner = paths::root().join("tests/browser-parity");
    setup::npm_ci(&runner)?;
    Ok(runner)
}

/// `node SCRIPT URL` in `runner`, told where Chromium is.
pub fn in_chromium(runner: &Path, script: &str, url: &str) -> Command {
    let mut command = cmd("node", runner);
    command.arg(script).arg(url).env("CHROMIUM", CHROMIUM);
    command
}

/// Serves `dir` at the root of a local address (strict CSP, the xtask
/// server) for the rest of the run; its URL, ending in `/`.
pub fn serve(dir: PathBuf) -> Result<String> {
    let addr = serve::spawn(vec![("/".to_owned(), dir)])?;
    Ok(format!("http://{addr}/"))
}

/// The command line's debug build (`cargo build -p dangjian-cli`): its path.
pub fn cli() -> Result<PathBuf> {
    run(cargo(&paths::root()).args(["build", "-p", "dangjian-cli"]))?;
    Ok(paths::target().join("debug").join("dangjian"))
}
