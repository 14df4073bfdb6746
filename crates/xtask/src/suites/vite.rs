//! The Vite example (`www/vite-example`) bundled with the tarball installed,
//! then opened in headless Chromium: for every golden vector of a built-in
//! form, the reports of its headless entry and of its `<dj-form>` (full entry)
//! must be the CLI's.

use super::support;
use crate::paths;
use crate::setup;
use crate::sh::{cmd, run};
use crate::test::{Ctx, Step};
use anyhow::Result;

/// The Vite suite.
pub fn steps() -> Vec<Step> {
    vec![Step {
        name: "vite",
        about: "vite build of www/vite-example with the tarball; vectors through it in Chromium",
        run: vite,
    }]
}

fn vite(ctx: &mut Ctx) -> Result<()> {
    let package = ctx.package()?;
    let runner = support::browser_runner()?;
    let app = paths::root().join("www/vite-example");
    setup::npm_ci(&app)?;
    // Install the tarball as npm would, in place of the link to the package folder.
    support::unpack(&package.tarball, &app.join("node_modules/dangjian-forms"))?;
    let out = paths::scratch("vite-dist");
    let built = run(cmd("node", &app)
        .args([
            "node_modules/vite/bin/vite.js",
            "build",
            "--emptyOutDir",
            "--logLevel",
            "warn",
            "--outDir",
        ])
        .arg(&out));
    relink(&app)?;
    built?;
    let url = support::serve(out)?;
    run(support::in_chromium(&runner, "vite-check.mjs", &url)
        .env("DANGJIAN_VECTORS", paths::root().join("tests/vectors")))
}

/// Puts back the link `npm install` made to the package folder, so `npm run dev`
/// keeps following the latest `cargo xtask dist`.
fn relink(app: &std::path::Path) -> Result<()> {
    let installed = app.join("node_modules/dangjian-forms");
    if installed.exists() {
        std::fs::remove_dir_all(&installed)?;
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink("../../../target/npm/dangjian-forms", &installed)?;
    Ok(())
}
