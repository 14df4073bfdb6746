//! Headless Chromium, no bundler: the unpacked tarball dropped into a static
//! folder, loaded by `<script type="module">` under a strict CSP from the
//! xtask server; every golden vector must give the CLI's bytes.

use crate::paths;
use crate::serve;
use crate::setup::{self, CHROMIUM};
use crate::sh::{cmd, run};
use crate::test::{Ctx, Step};
use anyhow::Result;
use std::path::{Path, PathBuf};

/// The browser parity suite.
pub fn steps() -> Vec<Step> {
    vec![Step {
        name: "browser-parity",
        about:
            "static folder + <script type=module> in headless Chromium: every vector byte-identical",
        run: parity,
    }]
}

fn parity(ctx: &mut Ctx) -> Result<()> {
    let package = ctx.package()?;
    setup::chromium()?;
    let runner = paths::root().join("tests/browser-parity");
    setup::npm_ci(&runner)?;
    let site = paths::scratch("static-site");
    if site.exists() {
        std::fs::remove_dir_all(&site)?;
    }
    std::fs::create_dir_all(&site)?;
    unpack(&package.tarball, &site.join("dangjian-forms"))?;
    super::node::copy_dir(&runner.join("site"), &site, &|_| true)?;
    super::node::copy_dir(
        &paths::root().join("tests/node/lib"),
        &site.join("lib"),
        &|_| true,
    )?;
    let addr = serve::spawn(vec![("/".to_owned(), site.clone())])?;
    run(cmd("node", &runner)
        .arg("run.mjs")
        .arg(format!("http://{addr}/"))
        .env("SITE_DIR", &site)
        .env("DANGJIAN_VECTORS", paths::root().join("tests/vectors"))
        .env("CHROMIUM", CHROMIUM))
}

/// Extracts an npm tarball (its `package/` folder) into `dest`.
pub fn unpack(tarball: &Path, dest: &PathBuf) -> Result<()> {
    if dest.exists() {
        std::fs::remove_dir_all(dest)?;
    }
    std::fs::create_dir_all(dest)?;
    run(cmd("tar", dest)
        .arg("-xzf")
        .arg(tarball)
        .args(["--strip-components=1"]))
}
