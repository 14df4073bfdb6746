//! End-to-end suites of the demo portal (`tests/e2e`, Playwright). The step
//! exists once `tests/e2e/package.json` does. It runs `npm test` there after
//! assembling the demo site; the suite finds it through environment variables:
//! `DANGJIAN_SITE` (the folder to serve), `DANGJIAN_SITE_URL` (the same folder
//! already served by the xtask server, strict CSP) and `CHROMIUM`.

use super::support;
use crate::paths;
use crate::setup::{self, CHROMIUM};
use crate::sh::{cmd, run};
use crate::test::{Ctx, Step};
use anyhow::Result;

/// The e2e suite, when it exists.
pub fn steps() -> Vec<Step> {
    if paths::root().join("tests/e2e/package.json").is_file() {
        vec![Step {
            name: "e2e",
            about: "tests/e2e: npm test (Playwright, headless Chromium) on the demo site",
            run: e2e,
        }]
    } else {
        Vec::new()
    }
}

fn e2e(ctx: &mut Ctx) -> Result<()> {
    let site = ctx.site()?;
    setup::chromium()?;
    crate::ui::cjk_fonts()?;
    let dir = paths::root().join("tests/e2e");
    setup::npm_ci(&dir)?;
    let url = support::serve(site.clone())?;
    run(cmd("npm", &dir)
        .args(["test", "--silent"])
        .env("DANGJIAN_SITE", &site)
        .env("DANGJIAN_SITE_URL", url)
        .env("CHROMIUM", CHROMIUM))
}
