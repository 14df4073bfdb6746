//! Headless Chromium, no bundler: the unpacked tarball dropped into a static
//! folder, loaded by `<script type="module">` under a strict CSP from the
//! xtask server; every golden vector must give the CLI's bytes.

use super::support;
use crate::paths;
use crate::sh::run;
use crate::test::{Ctx, Step};
use anyhow::Result;

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
    let runner = support::browser_runner()?;
    let site = support::fresh_scratch("static-site")?;
    support::unpack(&package.tarball, &site.join("dangjian-forms"))?;
    support::copy_dir(&runner.join("site"), &site, &support::all)?;
    support::copy_dir(
        &paths::root().join("tests/node/lib"),
        &site.join("lib"),
        &support::all,
    )?;
    let url = support::serve(site.clone())?;
    run(support::in_chromium(&runner, "run.mjs", &url)
        .env("SITE_DIR", &site)
        .env("DANGJIAN_VECTORS", paths::root().join("tests/vectors")))
}
