//! The TypeScript declarations: a typed example must compile with
//! `tsc --noEmit`, and the mistakes it marks with `@ts-expect-error` must be caught.

use crate::paths;
use crate::setup;
use crate::sh::{cmd, run};
use crate::test::{Ctx, Step};
use anyhow::Result;

/// The TypeScript suite.
pub fn steps() -> Vec<Step> {
    vec![Step {
        name: "typescript",
        about: "tsc --noEmit on tests/typed-example against the package's .d.ts",
        run: typecheck,
    }]
}

fn tsc(dir: &std::path::Path) -> Result<()> {
    run(cmd("node", dir).args(["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]))
}

fn typecheck(ctx: &mut Ctx) -> Result<()> {
    ctx.package()?;
    let dir = paths::root().join("tests/typed-example");
    setup::npm_ci(&dir)?;
    tsc(&dir)
}
