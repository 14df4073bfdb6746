//! Installs what the build and the tests need, idempotently: quick when every
//! tool is already there, complete on a fresh Debian machine.
//!
//! Only package registries are used (crates.io, npm, Debian apt): no tool is
//! downloaded from anywhere else.

use crate::paths;
use crate::sh::{self, cmd, read, run, which};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

/// `cargo xtask setup`: everything.
pub fn main() -> Result<()> {
    wasm_target()?;
    if crate::std_for_size::enabled() {
        crate::std_for_size::rust_src()?;
    }
    wasm_bindgen()?;
    node()?;
    chromium()?;
    Ok(())
}

/// The `wasm32-unknown-unknown` standard library.
pub fn wasm_target() -> Result<()> {
    rustup_component(
        "lib/rustlib/wasm32-unknown-unknown",
        &["target", "add", "wasm32-unknown-unknown"],
        "the wasm32-unknown-unknown target is missing and there is no rustup to add it",
    )
}

/// A part of the active toolchain: there when `marker` (a path inside the
/// sysroot) exists, otherwise added with `rustup` and `add` (`target add …`,
/// `component add …`); with no rustup, the error `missing`.
pub fn rustup_component(marker: &str, add: &[&str], missing: &str) -> Result<()> {
    let root = paths::root();
    let sysroot = read(cmd("rustc", &root).args(["--print", "sysroot"]))?;
    if Path::new(sysroot.trim()).join(marker).exists() {
        return Ok(());
    }
    if which("rustup").is_none() {
        bail!("{missing}");
    }
    run(cmd("rustup", &root).args(add))
}

/// The version of the `wasm-bindgen` crate in Cargo.lock: the CLI must match it exactly.
pub fn locked_wasm_bindgen_version() -> Result<String> {
    let lock = std::fs::read_to_string(paths::root().join("Cargo.lock"))
        .context("cannot read Cargo.lock")?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(version.trim_matches('"').to_owned());
            }
        }
    }
    bail!("Cargo.lock has no wasm-bindgen package")
}

/// `wasm-bindgen` and `wasm-bindgen-test-runner` at the locked version; returns the CLI's path.
pub fn wasm_bindgen() -> Result<PathBuf> {
    let wanted = locked_wasm_bindgen_version()?;
    let root = paths::root();
    let installed = |program: &str| -> Option<PathBuf> {
        let path = which(program)?;
        let version = read(cmd(&path, &root).arg("--version")).ok()?;
        (version.split_whitespace().nth(1) == Some(wanted.as_str())).then_some(path)
    };
    if let (Some(cli), Some(_)) = (
        installed("wasm-bindgen"),
        installed("wasm-bindgen-test-runner"),
    ) {
        return Ok(cli);
    }
    // No --locked: the tool's own lockfile pins a crate the registry mirror lacks.
    run(sh::cargo(&root).args(["install", "wasm-bindgen-cli", "--version", &wanted]))?;
    installed("wasm-bindgen")
        .with_context(|| format!("wasm-bindgen {wanted} is still not on PATH after installing it"))
}

/// Node.js ≥ 18 and npm.
pub fn node() -> Result<()> {
    let root = paths::root();
    let major = read(cmd("node", &root).arg("--version"))
        .ok()
        .and_then(|v| {
            v.trim()
                .trim_start_matches('v')
                .split('.')
                .next()
                .and_then(|m| m.parse::<u32>().ok())
        });
    match major {
        Some(m) if m >= 18 && which("npm").is_some() => Ok(()),
        Some(m) if m < 18 => bail!("Node.js {m} is too old: the package needs Node ≥ 18"),
        _ => apt_install(&["nodejs", "npm"]),
    }
}

/// Chromium and its WebDriver, from Debian's packages.
pub fn chromium() -> Result<()> {
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        return Ok(());
    }
    apt_install(&["chromium", "chromium-driver"])
}

/// Where Debian's chromium package puts the browser.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Where Debian's chromium-driver package puts chromedriver.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// `apt-get update && apt-get install -y PACKAGES`, non-interactive (via `sudo -n` when not root).
pub fn apt_install(packages: &[&str]) -> Result<()> {
    if which("apt-get").is_none() {
        bail!("please install {} (no apt-get here)", packages.join(" "));
    }
    let root = paths::root();
    let is_root = read(cmd("id", &root).arg("-u"))
        .map(|u| u.trim() == "0")
        .unwrap_or(false);
    let apt = |args: &[&str]| {
        let mut command = if is_root {
            cmd("apt-get", &root)
        } else {
            cmd("sudo", &root)
        };
        if !is_root {
            command.args(["-n", "apt-get"]);
        }
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut command)
    };
    apt(&["update"])?;
    let mut args = vec!["install", "-y", "--no-install-recommends"];
    args.extend_from_slice(packages);
    apt(&args)
}

/// `npm ci` in `dir` unless `node_modules` already matches `package-lock.json`.
pub fn npm_ci(dir: &Path) -> Result<()> {
    let lock = std::fs::read(dir.join("package-lock.json"))
        .with_context(|| format!("{} has no package-lock.json", dir.display()))?;
    let stamp_file = dir.join("node_modules").join(".xtask-lock-stamp");
    let stamp = format!("{:016x}", fnv1a(&lock));
    if std::fs::read_to_string(&stamp_file).is_ok_and(|s| s == stamp) {
        return Ok(());
    }
    run(cmd("npm", dir).args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]))?;
    std::fs::write(&stamp_file, stamp)
        .with_context(|| format!("cannot write {}", stamp_file.display()))
}

/// A 64-bit FNV-1a hash: stable across Rust versions, enough to notice a changed file.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locked_wasm_bindgen_is_the_pinned_one() {
        let manifest = std::fs::read_to_string(paths::root().join("Cargo.toml")).unwrap();
        let version = locked_wasm_bindgen_version().unwrap();
        assert!(
            manifest.contains(&format!("wasm-bindgen = \"={version}\"")),
            "Cargo.toml pins another wasm-bindgen than {version}"
        );
    }

    #[test]
    fn fnv1a_tells_files_apart() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_ne!(fnv1a(b"lock 1"), fnv1a(b"lock 2"));
    }
}
