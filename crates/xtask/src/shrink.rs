//! `wasm-opt` (npm `binaryen`, installed by `npm ci` in `crates/xtask/js`) on
//! the size-first browser modules, after wasm-bindgen: binaryen's size passes
//! **with its inlining limited to small functions that have one caller**.
//!
//! Its default `-Oz` inlines small functions: the module then has half as many
//! functions but is ~6 % larger gzipped (measured on the full module: 510,751
//! → 541,696 bytes gzip -9). Without inlining the same passes only remove —
//! identical functions merged, dead code, locals and blocks simplified — and
//! `-Os` does a little better than `-Oz` then. Measured on the modules built
//! with std for size (`wasm-bindgen --remove-name-section
//! --remove-producers-section`, `gzip -9 -n`): headless 255,984 → 250,526
//! bytes, full 478,295 → 466,964 (`-Oz`, no inlining), with ~12 % fewer
//! functions, each of which V8 compiles on its first call;
//! `--low-memory-unused` (below) takes the headless module to 248,661. `--converge` gained
//! 23 bytes for four times the time.
//!
//! A function with one caller is inlined into it when it is at most 20 of
//! binaryen's size units (a handful of instructions): the call, the function's
//! header and its entry in the tables go, and V8 compiles one function where it
//! compiled two. Full module: 5,717 → 5,069 functions, 400,713 → 399,325 B
//! gzip -9; with no limit 3,140 functions but 424,779 B. At 20 the entries are
//! 1.1–1.3 KB smaller and checklist-200's first render compiles 1,564
//! functions lazily instead of 1,700. The limits tried and the commands are in
//! bench/README.md, "Small functions inlined into their one caller".
//!
//! The speed-first modules are not optimised for size: the Node module is left
//! as it is, and the supervision module, which browsers download, only has its
//! functions ordered by name ([`ORDER_ONLY`]), which moves no code.
//!
//! The browser entries' JavaScript is minified too ([`scripts`], esbuild),
//! each file beside its source map: the headless entry's four files went from
//! 12.9 to 6.8 KB gzip -9. The Node entry's files and the CLI stay as written.
//!
//! `cargo xtask dist --no-shrink` skips both, and the short names of
//! [`crate::short_names`] (faster, larger, readable).

use crate::paths;
use crate::setup;
use crate::sh::{cmd, run};
use anyhow::{anyhow, bail, Context, Result};
use std::path::{Path, PathBuf};

/// binaryen's size passes, its inlining limited to small one-caller functions, debug, producer and
/// target-features sections dropped. The wasm features come from the
/// module's target-features section, read before it is dropped.
///
/// `--low-memory-unused` lets it fold small constant offsets into loads and
/// stores (−1 KB gzip on the headless module). It assumes that no address
/// below 1024 is used: Rust lays the 1 MB stack first, growing down from
/// 1 MB to 0, so those bytes are its last kilobyte, reached only by a stack
/// ~1 MB deep, which the engine's depth limits keep far off.
///
/// `--reorder-functions-by-name` then lays the functions out in the order of
/// their Rust names, which the module keeps until here (`dist` binds it
/// without `--remove-name-section`; `--strip-debug` drops the names after):
/// one module's and one type's functions, and the copies of one generic
/// function, come next to each other, and gzip's 32 KB window finds what
/// they share. Only the
/// functions' indices change. gzip -9 of the full module 441,882 → 432,814
/// bytes, headless 243,097 → 240,420 (bound and shrunk as `dist` does,
/// before the short names; raw size and function count unchanged). Ordered
/// by use instead (`--reorder-functions`, smaller call indices): 5 KB
/// smaller raw, 10–22 KB larger gzipped.
const FLAGS: &[&str] = &[
    "-Os",
    "--low-memory-unused",
    "--always-inline-max-function-size",
    "0",
    "--flexible-inline-max-function-size",
    "0",
    "--one-caller-inline-max-function-size",
    "20",
    "--reorder-functions-by-name",
    "--strip-debug",
    "--strip-producers",
    // The features section only tells tools what the module uses (wasm-opt
    // has read it by then); browsers ignore it: ~0.13 KB gzip a module.
    "--strip-target-features",
];

/// The supervision module (speed first, downloaded by a supervisor's browser):
/// its functions ordered by their Rust names as in [`FLAGS`], and its names,
/// producers and features sections dropped, with no optimisation pass, so its
/// code stays the speed-first build's. gzip -9 of the module 674,836 →
/// 643,009 bytes (bound as `dist` binds it, before the short names).
const ORDER_ONLY: &[&str] = &[
    "--reorder-functions-by-name",
    "--strip-debug",
    "--strip-producers",
    "--strip-target-features",
];

/// The shrinking tools: `wasm-opt` and `esbuild` of `crates/xtask/js`, pinned
/// by its lockfile and installed when missing.
pub struct Tools {
    wasm_opt: PathBuf,
    esbuild: PathBuf,
}

/// Installs (when missing) and finds the tools.
pub fn tools() -> Result<Tools> {
    let dir = paths::root().join("crates/xtask/js");
    setup::npm_ci(&dir).context(
        "wasm-opt and esbuild (crates/xtask/js) could not be installed; `cargo xtask dist --no-shrink` builds without them",
    )?;
    let bin = dir.join("node_modules/.bin");
    let tools = Tools {
        wasm_opt: bin.join("wasm-opt"),
        esbuild: bin.join("esbuild"),
    };
    for tool in [&tools.wasm_opt, &tools.esbuild] {
        if !tool.is_file() {
            bail!("{} is missing after npm ci", tool.display());
        }
    }
    Ok(tools)
}

/// Minifies each script in place (names of exports kept; local names
/// shortened) and writes its source map beside it (`<file>.map`, which a
/// browser fetches only when its developer tools are open).
pub fn scripts(tools: &Tools, dir: &Path, files: &[PathBuf]) -> Result<()> {
    if files.is_empty() {
        return Ok(());
    }
    run(cmd(&tools.esbuild, dir)
        .args(files)
        .arg("--minify")
        // The oldest browser the package supports (README "Browsers",
        // tests/compat): no newer syntax may come out of the minifier.
        .arg("--target=chrome86")
        .arg("--sourcemap")
        .arg("--log-level=warning")
        .arg("--allow-overwrite")
        .arg(format!("--outdir={}", dir.display()))
        .arg(format!("--outbase={}", dir.display())))
    .context("esbuild on the browser entries' scripts")
}

/// Runs [`FLAGS`] on each size-first module and [`ORDER_ONLY`] on each
/// speed-first one, in place, the modules side by side (one thread each: each
/// run is single-threaded and takes 10–30 s).
pub fn modules(tools: &Tools, size_first: &[PathBuf], speed_first: &[PathBuf]) -> Result<()> {
    let tool = tools.wasm_opt.as_path();
    std::thread::scope(|scope| {
        let runs: Vec<_> = size_first
            .iter()
            .map(|w| (w, FLAGS))
            .chain(speed_first.iter().map(|w| (w, ORDER_ONLY)))
            .map(|(w, flags)| scope.spawn(move || one(tool, w, flags)))
            .collect();
        runs.into_iter().try_for_each(|run| {
            run.join()
                .map_err(|_| anyhow!("a wasm-opt run stopped unexpectedly"))?
        })
    })
}

fn one(tool: &Path, wasm: &Path, flags: &[&str]) -> Result<()> {
    let out = wasm.with_extension("opt.wasm");
    run(cmd(tool, &paths::root())
        .arg(wasm)
        .arg("-o")
        .arg(&out)
        .args(flags))
    .with_context(|| format!("wasm-opt on {}", wasm.display()))?;
    std::fs::rename(&out, wasm)
        .with_context(|| format!("cannot replace {} by its optimised copy", wasm.display()))
}
