//! The native Rust checks: formatting, clippy, and the workspace's tests
//! (core, standards, CLI with its golden vectors, xtask itself).

use crate::paths;
use crate::sh::{cargo, run};
use crate::test::{Ctx, Step};
use anyhow::Result;

/// fmt, clippy, cargo test.
pub fn steps() -> Vec<Step> {
    vec![
        Step {
            name: "fmt",
            about: "cargo fmt --check",
            run: fmt,
        },
        Step {
            name: "clippy",
            about: "cargo clippy --workspace --all-targets -- -D warnings",
            run: clippy,
        },
        Step {
            name: "clippy-wasm",
            about: "cargo clippy of the wasm crates for wasm32 (code the host build skips)",
            run: clippy_wasm,
        },
        Step {
            name: "cargo-test",
            about: "cargo test --workspace (native)",
            run: cargo_test,
        },
    ]
}

fn fmt(_: &mut Ctx) -> Result<()> {
    run(cargo(&paths::root()).args(["fmt", "--all", "--", "--check"]))
}

fn clippy(_: &mut Ctx) -> Result<()> {
    run(cargo(&paths::root()).args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))
}

fn clippy_wasm(_: &mut Ctx) -> Result<()> {
    let ui = crate::dist::ui_crate().map(|(name, _)| name);
    // The headless and full modules; then the supervision entry's (the same
    // crates with the feature on) and the settings entry's (the full one with
    // the settings editor).
    let mut builds = vec![(vec!["dangjian-wasm".to_owned()], None)];
    if let Some(name) = &ui {
        builds[0].0.push(name.clone());
        builds.push((
            vec![name.clone(), "dangjian-wasm".to_owned()],
            Some(format!("{name}/supervision")),
        ));
        builds.push((vec![name.clone()], Some("settings".to_owned())));
    }
    for (packages, features) in builds {
        let mut command = cargo(&paths::root());
        command.args([
            "clippy",
            "--target",
            "wasm32-unknown-unknown",
            "--all-targets",
        ]);
        for package in &packages {
            command.args(["-p", package]);
        }
        if let Some(features) = &features {
            command.args(["--features", features]);
        }
        run(command.args(["--", "-D", "warnings"]))?;
    }
    Ok(())
}

fn cargo_test(_: &mut Ctx) -> Result<()> {
    run(cargo(&paths::root()).args(["test", "--workspace"]))?;
    // The supervision component's own tests (feature `supervision` of the UI crate).
    if let Some((name, _)) = crate::dist::ui_crate() {
        run(cargo(&paths::root()).args([
            "test",
            "-p",
            &name,
            "--features",
            "supervision",
            "--lib",
            "supervision",
        ]))?;
    }
    Ok(())
}
