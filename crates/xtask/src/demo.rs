//! `cargo xtask demo`: builds everything and serves the demo portal (`www/`)
//! on 127.0.0.1, with the package next to it in `pkg/`.
//!
//! Before serving, the CLI checks each record in `examples/` and prints its
//! report for people: a spec in `examples/specs/<name>.json` when there is one,
//! else the built-in form `<name>`.

use crate::dist::{self, Package};
use crate::paths;
use crate::serve;
use crate::setup;
use crate::sh::{cargo, run};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};

/// Folders of `www/` that are not part of the portal.
const NOT_IN_SITE: &[&str] = &["vite-example", "node_modules", "dist"];

/// `cargo xtask demo [--port N]`.
pub fn main(args: &[String]) -> Result<()> {
    let port = serve::port_arg(args)?;
    setup::node()?;
    examples_with_cli()?;
    let package = dist::build(dist::Options::default())?;
    let site = assemble_site(&package)?;
    if package.has_ui {
        println!("the package's main entry carries the UI components (pkg/index.js)");
    } else {
        println!("no UI crate yet: pkg/index.js is the headless engine");
    }
    serve::serve_forever(vec![("/".to_owned(), site)], port)
}

/// Runs `dangjian validate --format text` on every example record.
fn examples_with_cli() -> Result<()> {
    let root = paths::root();
    let mut records: Vec<PathBuf> = std::fs::read_dir(root.join("examples"))
        .context("cannot read examples/")?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    records.sort();
    run(cargo(&root).args(["build", "--quiet", "-p", "dangjian-cli"]))?;
    for record in records {
        let name = record
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let spec = Path::new("examples/specs").join(format!("{name}.json"));
        let form = if root.join(&spec).is_file() {
            spec.to_string_lossy().into_owned()
        } else {
            name.clone()
        };
        let relative = Path::new("examples").join(record.file_name().unwrap_or_default());
        println!("\n##### {}", relative.display());
        // Exit code 1 only means "this record is invalid": the report says why.
        let status = cargo(&root)
            .args([
                "run",
                "--quiet",
                "-p",
                "dangjian-cli",
                "--",
                "validate",
                "--form",
                &form,
            ])
            .arg(&relative)
            .args(["--format", "text"])
            .status()?;
        if status.code() == Some(2) {
            println!(
                "(the CLI could not check {}: see above)",
                relative.display()
            );
        }
    }
    Ok(())
}

/// `target/site`: a copy of `www/` with the package in `pkg/` and the example
/// records in `examples/`, each text and WebAssembly file with a gzip copy
/// beside it for the server to send (see [`serve::precompress`]).
pub fn assemble_site(package: &Package) -> Result<PathBuf> {
    let root = paths::root();
    let site = paths::site();
    if site.exists() {
        std::fs::remove_dir_all(&site)?;
    }
    std::fs::create_dir_all(&site)?;
    copy_tree(&root.join("www"), &site, true)?;
    copy_tree(&package.dir, &site.join("pkg"), false)?;
    crate::ui::add_examples(&site)?;
    crate::ui::add_supervision_examples(&site)?;
    serve::precompress(&site)?;
    Ok(site)
}

fn copy_tree(from: &Path, to: &Path, top: bool) -> Result<()> {
    std::fs::create_dir_all(to)?;
    let Ok(entries) = std::fs::read_dir(from) else {
        return Ok(());
    };
    for entry in entries {
        let path = entry?.path();
        let name = path.file_name().unwrap_or_default();
        if top && NOT_IN_SITE.iter().any(|n| name == *n) {
            continue;
        }
        if path.is_dir() {
            copy_tree(&path, &to.join(name), false)?;
        } else {
            std::fs::copy(&path, to.join(name))
                .with_context(|| format!("cannot copy {}", path.display()))?;
        }
    }
    Ok(())
}
