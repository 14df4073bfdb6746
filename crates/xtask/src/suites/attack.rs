//! The attack suite: the hostile corpus of `tests/attack/` through the Node
//! entry and the headless entry in Node, through both browser entries in
//! headless Chromium (with forms on the page living through an engine reset),
//! and through the CLI. Each case asserts an error value or a report and a
//! healthy engine afterwards; budgets bound every case, so nothing is timed.

use super::support;
use crate::paths;
use crate::sh::{cmd, run};
use crate::test::{Ctx, Step};
use anyhow::Result;

/// The attack steps.
pub fn steps() -> Vec<Step> {
    vec![
        Step {
            name: "attack-node",
            about: "hostile corpus through dangjian-forms/node and /headless in Node",
            run: node,
        },
        Step {
            name: "attack-browser",
            about: "hostile corpus in Chromium; forms on the page survive an engine reset",
            run: browser,
        },
        Step {
            name: "attack-cli",
            about: "hostile corpus through the dangjian command line",
            run: cli,
        },
    ]
}

fn node(ctx: &mut Ctx) -> Result<()> {
    let package = ctx.package()?;
    let project = support::node_consumer(&package.tarball)?;
    let dest = project.join("test/attack");
    support::copy_dir(&paths::root().join("tests/attack"), &dest, &support::mjs)?;
    run(cmd("node", &project).args(["--test", "test/attack/node.test.mjs"]))
}

fn browser(ctx: &mut Ctx) -> Result<()> {
    let package = ctx.package()?;
    let runner = support::browser_runner()?;
    let site = support::fresh_scratch("attack-site")?;
    support::unpack(&package.tarball, &site.join("dangjian-forms"))?;
    let attack = paths::root().join("tests/attack");
    support::copy_dir(&attack.join("site"), &site, &support::all)?;
    std::fs::copy(attack.join("corpus.mjs"), site.join("corpus.mjs"))?;
    let url = support::serve(site)?;
    run(&mut support::in_chromium(&runner, "attack.mjs", &url))
}

fn cli(_: &mut Ctx) -> Result<()> {
    let binary = support::cli()?;
    run(cmd("node", &paths::root().join("tests/attack"))
        .arg("cli.mjs")
        .env("DANGJIAN_CLI", binary))
}
