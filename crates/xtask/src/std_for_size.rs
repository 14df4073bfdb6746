//! The build of the browser modules (headless, full and settings, size first;
//! supervision, speed first with a smaller std): the standard library
//! compiled again from its source, for size
//! (`-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size`), and
//! `-Cpanic=immediate-abort`, so that no panic message, formatting or location
//! is linked. About 25 KB gzip off the headless module, 32 KB off the full
//! one and 56 KB off the supervision one; ARCHITECTURE.md ("The standard library built for size") gives the
//! numbers, what it costs and why the stable toolchain is asked for its
//! unstable flags (`RUSTC_BOOTSTRAP=1`).
//!
//! These builds use a target folder of their own (`target/wasm-size`): other
//! flags would otherwise invalidate the ordinary builds (tests, clippy, the
//! CLI, the Node module) each time. `DANGJIAN_STD_FOR_SIZE=0` turns it
//! all off: the prebuilt std, panic messages, the ordinary target folder.

use crate::paths;
use crate::sh;
use anyhow::Result;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The environment variable that turns the std build off when set to `0`.
pub const SWITCH: &str = "DANGJIAN_STD_FOR_SIZE";

/// The flags given to rustc for the browser modules (after any `RUSTFLAGS` of the caller).
///
/// `-Ctarget-feature=-reference-types`: rustc enables WebAssembly reference
/// types by default for `wasm32-unknown-unknown` since 1.82, and wasm-bindgen
/// then passes every JavaScript value as an `externref` through a table the
/// module grows. Chromium runs modules with reference types from 96 on; the
/// package supports 86 (README, "Browsers"), where such a module does not
/// compile. Without them wasm-bindgen keeps JavaScript values in its glue's
/// array, indexed by number. The module needs nothing else beyond Chromium 86
/// (the other features rustc enables: bulk memory, sign extension,
/// non-trapping float-to-int and mutable globals from 75, multi-value from
/// 85), which `wasm-opt` checks ([`crate::shrink`]). It also makes the
/// modules smaller: gzip -9 of the full module 443,868 → 441,882 bytes and
/// 248 fewer functions, headless 244,003 → 243,097 (bound and shrunk as
/// `dist` does, before the short names); the glue gains the array's code.
/// std is built again with the same features, so that none of its code
/// asks for them either. The prebuilt std (`SWITCH=0`) has them on, and so
/// has every module linked with it: for Chromium 96 and later only, which
/// `dist` then prints as a warning ([`crate::wasm_features`]).
///
/// `-Zlocation-detail=none`: the `Location` a check carries (the file, line
/// and column of a failed `unwrap`, of Yew's and js-sys's checks) is
/// written without the file and the numbers, and the ~35 source paths
/// leave the data segment. Nothing reads them: with `immediate-abort` a
/// panic is a bare trap, and wasm-bindgen's `unwrap_throw` /
/// `expect_throw` put a location in their thrown message only with debug
/// assertions, which these profiles do not have. ARCHITECTURE.md ("The
/// standard library built for size") gives the bytes.
const RUSTFLAGS: &str = "-Zunstable-options -Cpanic=immediate-abort \
     -Ctarget-feature=-reference-types -Zlocation-detail=none";

/// Cargo's unstable options that rebuild std for size.
const BUILD_STD: &[&str] = &[
    "-Zbuild-std=std,panic_abort",
    "-Zbuild-std-features=optimize_for_size",
];

/// Whether the size-first modules are built with std built for size (unless `DANGJIAN_STD_FOR_SIZE=0`).
pub fn enabled() -> bool {
    std::env::var(SWITCH).map_or(true, |v| v.trim() != "0")
}

/// The target folder of the size-first builds: `target/wasm-size`, or Cargo's
/// own when the std build is off.
pub fn target_dir() -> PathBuf {
    if enabled() {
        paths::target().join("wasm-size")
    } else {
        paths::target()
    }
}

/// `cargo build --target wasm32-unknown-unknown --profile PROFILE` of a
/// browser module, with std built for size when [`enabled`]; the caller adds
/// the packages and features.
pub fn cargo_build(root: &Path, profile: &str) -> Command {
    let mut cargo = sh::cargo(root);
    cargo.args([
        "build",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        profile,
    ]);
    if enabled() {
        let flags = match std::env::var("RUSTFLAGS") {
            Ok(theirs) if !theirs.trim().is_empty() => format!("{} {RUSTFLAGS}", theirs.trim()),
            _ => RUSTFLAGS.to_owned(),
        };
        println!("(std built for size: RUSTC_BOOTSTRAP=1 RUSTFLAGS=\"{flags}\"; {SWITCH}=0 turns it off)");
        cargo
            .env("RUSTC_BOOTSTRAP", "1")
            .env("RUSTFLAGS", flags)
            .env_remove("CARGO_ENCODED_RUSTFLAGS")
            .arg("--target-dir")
            .arg(target_dir())
            .args(BUILD_STD);
    }
    cargo
}

/// The source of the standard library (`rust-src`) of the active toolchain,
/// which the std build compiles; added with rustup when missing.
pub fn rust_src() -> Result<()> {
    crate::setup::rustup_component(
        "lib/rustlib/src/rust/library/std/Cargo.toml",
        &["component", "add", "rust-src"],
        &format!(
            "the standard library's source (rust-src) is missing and there is no rustup to add it; \
             {SWITCH}=0 builds the browser modules with the prebuilt std"
        ),
    )
}
