//! The attack suite: the hostile corpus of `tests/attack/` through the Node
//! entry and the headless entry in Node, through both browser entries in
//! headless Chromium (with forms on the page living through an engine reset),
//! and through the CLI. Each case asserts an error value or a report and a
//! healthy engine afterwards; budgets bound every case, so nothing is timed.

use crate::paths;
use crate::serve;
use crate::setup::{self, CHROMIUM};
use crate::sh::{cargo, cmd, run};
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
    let project = super::node_consumer(&package.tarball)?;
    let dest = project.join("test/attack");
    super::node::copy_dir(&paths::root().join("tests/attack"), &dest, &|p| {
        p.extension().is_some_and(|e| e == "mjs")
    })?;
    run(cmd("node", &project).args(["--test", "test/attack/node.test.mjs"]))
}

fn browser(ctx: &mut Ctx) -> Result<()> {
    let package = ctx.package()?;
    setup::chromium()?;
    let runner = paths::root().join("tests/browser-parity");
    setup::npm_ci(&runner)?;
    let site = paths::scratch("attack-site");
    if site.exists() {
        std::fs::remove_dir_all(&site)?;
    }
    std::fs::create_dir_all(&site)?;
    super::browser::unpack(&package.tarball, &site.join("dangjian-forms"))?;
    let attack = paths::root().join("tests/attack");
    super::node::copy_dir(&attack.join("site"), &site, &|_| true)?;
    std::fs::copy(attack.join("corpus.mjs"), site.join("corpus.mjs"))?;
    let addr = serve::spawn(vec![("/".to_owned(), site)])?;
    run(cmd("node", &runner)
        .arg("attack.mjs")
        .arg(format!("http://{addr}/"))
        .env("CHROMIUM", CHROMIUM))
}

fn cli(_: &mut Ctx) -> Result<()> {
    let root = paths::root();
    run(cargo(&root).args(["build", "-p", "dangjian-cli"]))?;
    let binary = paths::target().join("debug").join("dangjian");
    run(cmd("node", &root.join("tests/attack"))
        .arg("cli.mjs")
        .env("DANGJIAN_CLI", binary))
}
