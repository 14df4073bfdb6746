//! `cargo xtask dist`: the npm package `dangjian-forms`, built into
//! `target/npm/dangjian-forms` and packed into `target/npm/dangjian-forms-<version>.tgz`.
//!
//! Steps: one `cargo build` of the wasm crates (profile `wasm-release`, small
//! first, with the standard library built for size: [`crate::std_for_size`], in
//! `target/wasm-size`, as are the settings and supervision modules), one of the headless crate with profile `wasm-fast`
//! (speed first) for the Node entry, `wasm-bindgen --target web` per entry, `wasm-opt` on the
//! size-first browser modules, short names between each browser module and its glue
//! ([`crate::short_names`]) and esbuild on the browser entries' scripts
//! ([`crate::shrink`]), the files of `npm/`, the size table, `npm pack`.
//!
//! Browsers download the size-first module (`wasm/headless/`, `wasm/full/`);
//! Node, where bytes cost nothing and servers re-check records in bulk, loads
//! the speed-first one (`wasm/node/`), and so does the supervision entry
//! (`wasm/supervision/`): a supervisor's page reads a town's year of records
//! at once, and no clerk's form downloads it. Both are the same source, and the test
//! run gives every golden vector to each of them.
//!
//! The built-in specs: the Node module embeds them (feature `embedded-forms`);
//! the browser modules do not, and the package ships each as `forms/<id>.json`
//! (minified exactly as the build script minifies the embedded ones), fetched
//! when a page needs it.
//!
//! Entries: `headless` is `crates/wasm` alone (validation, no UI code); the full
//! entry is the UI crate's module once `crates/ui` builds to a cdylib (see
//! [`ui_crate`]); until then the full entry re-exports the headless one. The
//! supervision entry (`dangjian-forms/supervision`, `wasm/supervision/`) is the
//! UI crate built again with the feature `supervision`: `supervise` and
//! `<dj-supervision>`, without the form components. The settings entry
//! (`dangjian-forms/settings`, `wasm/settings/`) is the full module plus the
//! settings editor (feature `settings`), which the full entry leaves out.
//! `supervise` is in the Node
//! module too, and in neither the headless nor the full browser module.
//!
//! Each browser entry's size is measured against its budget in
//! `bench/budgets.json` ([`crate::budgets`]).

use crate::budgets::{self, Measured};
use crate::paths;
use crate::setup;
use crate::sh::{self, cmd, read, run};
use crate::short_names;
use crate::shrink;
use crate::size;
use crate::std_for_size;
use crate::wasm_features;
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The minifier the build script of `dangjian-standards` uses for the embedded specs.
#[path = "../../standards/build/compact.rs"]
mod compact;

/// The wasm crate behind the headless entry.
const HEADLESS_CRATE: &str = "dangjian-wasm";
/// The Cargo profile of the modules browsers download: small first.
const SMALL_PROFILE: &str = "wasm-release";
/// The Cargo profile of the Node entry's module: fast first.
const FAST_PROFILE: &str = "wasm-fast";
/// The Cargo profile of the supervision entry's module: `wasm-fast` (fast
/// first, like Node's; see the module doc) under a name of its own, so that
/// its build and the Node module's, with other features, keep their outputs.
const SUPERVISION_PROFILE: &str = "wasm-supervision";
/// The UI crate's modules of one more feature each, as (feature, Cargo
/// profile), built one by one after the headless and full modules: in one
/// build with the others, the feature would reach those modules too. The
/// entry folder is `wasm/<feature>`.
/// - `supervision`: speed first. The supervision entry is a supervisor's tool,
///   never part of the download of a clerk's form, and it reads tens of
///   thousands of records at a time. Its std is built for size all the same:
///   56 KB gzip less, and no slower (bench/README.md, "The standard library
///   built for size").
/// - `settings`: the full module plus the settings editor, size first.
const FEATURE_MODULES: [(&str, &str); 2] = [
    ("supervision", SUPERVISION_PROFILE),
    ("settings", SMALL_PROFILE),
];
/// Base name of the generated files in each entry folder (`dangjian.js`, `dangjian_bg.wasm`).
const OUT_NAME: &str = "dangjian";
/// The files of `npm/` copied into the package as they are.
const TEMPLATE_FILES: &[&str] = &[
    "README.md",
    "headless.js",
    "headless.d.ts",
    "node.js",
    "node.d.ts",
    "types.d.ts",
    "api.d.ts",
    "common.d.ts",
    "ui.d.ts",
    "supervision.js",
    "supervision.d.ts",
    "supervision-worker.js",
    "settings.js",
    "settings.d.ts",
    "errors.js",
    "engine.js",
    "ui.js",
    "cli.js",
];
/// Marks the version in `npm/package.json`.
const VERSION_PLACEHOLDER: &str = "0.0.0-template";

/// What `dist` builds.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Leave the size-first browser modules as wasm-bindgen wrote them and
    /// the browser entries' scripts as written (`--no-shrink`): faster to
    /// build, larger to download. By default both go through [`shrink`].
    pub no_shrink: bool,
}

/// The built package.
#[derive(Debug, Clone)]
pub struct Package {
    /// The folder `npm pack` packed.
    pub dir: PathBuf,
    /// The tarball.
    pub tarball: PathBuf,
    /// Each browser entry's files measured against its budget.
    pub sizes: Vec<Measured>,
    /// Whether the full entry carries the UI.
    pub has_ui: bool,
}

/// `cargo xtask dist [--no-shrink]`.
pub fn main(args: &[String]) -> Result<()> {
    let package = build(Options {
        no_shrink: args.iter().any(|a| a == "--no-shrink"),
    })?;
    println!(
        "package: {}\ntarball: {}",
        package.dir.display(),
        package.tarball.display()
    );
    Ok(())
}

/// The UI crate, when it exists and builds to a cdylib: (package name, folder).
///
/// This is the hook for the full entry: once `crates/ui/Cargo.toml` declares
/// `crate-type = ["cdylib", …]`, `dist` builds it in the same `cargo build` as
/// the headless crate, runs wasm-bindgen on it into `wasm/full/`, and the
/// package's main entry (`index.js`, from `npm/index.full.js`) exports it.
/// The UI crate should re-export the headless API (`pub use dangjian_wasm::*;`)
/// so the full module answers exactly like the headless one, and must not
/// declare its own `#[wasm_bindgen(start)]` (the headless crate has it).
pub fn ui_crate() -> Option<(String, PathBuf)> {
    let dir = paths::root().join("crates/ui");
    let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).ok()?;
    if !manifest.contains("cdylib") {
        return None;
    }
    let name = manifest.lines().find_map(|l| {
        l.trim().strip_prefix("name").map(|r| {
            r.trim_start_matches([' ', '='])
                .trim()
                .trim_matches('"')
                .to_owned()
        })
    })?;
    Some((name, dir))
}

/// Builds and packs the package.
pub fn build(options: Options) -> Result<Package> {
    setup::wasm_target()?;
    let bindgen = setup::wasm_bindgen()?;
    let root = paths::root();
    let ui = ui_crate();

    if std_for_size::enabled() {
        std_for_size::rust_src()?;
    }
    // The browser modules' target folder (std built for size), and Cargo's own (the Node module).
    let small = std_for_size::target_dir();
    let ordinary = paths::target();

    // One cargo build for every size-first wasm crate, so shared crates compile
    // once; std built for size, in a target folder of its own ([`std_for_size`]).
    let mut cargo = std_for_size::cargo_build(&root, SMALL_PROFILE);
    cargo.args(["-p", HEADLESS_CRATE]);
    if let Some((name, _)) = &ui {
        cargo.args(["-p", name]);
    }
    run(&mut cargo)?;
    // The same file names are written again by the settings build below.
    let headless_wasm_built = stash(&compiled(&small, HEADLESS_CRATE, SMALL_PROFILE), "headless")?;
    let full_wasm_built = match &ui {
        Some((name, _)) => Some(stash(&compiled(&small, name, SMALL_PROFILE), "full")?),
        None => None,
    };
    // The UI crate again for each module of one more feature, a build each.
    let mut feature_wasm_built = Vec::new();
    if let Some((name, _)) = &ui {
        for (feature, profile) in FEATURE_MODULES {
            let built = ui_module(
                &mut std_for_size::cargo_build(&root, profile),
                &compiled(&small, name, profile),
                name,
                feature,
            )?;
            feature_wasm_built.push((feature, built));
        }
    }
    run(sh::cargo(&root).args([
        "build",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        FAST_PROFILE,
        "-p",
        HEADLESS_CRATE,
        "--features",
        "embedded-forms,supervision,serde-json-writer",
    ]))?;

    let dir = paths::package();
    let _lock = Lock::take(&paths::target().join("npm.lock"))?;
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("cannot clear {}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir)?;
    let shrink_tools = if options.no_shrink {
        None
    } else {
        Some(shrink::tools()?)
    };
    // The size-first modules, shrunk together once bound, and the speed-first
    // browser module (supervision), whose functions are only ordered.
    let mut size_first = Vec::new();
    let mut speed_first = Vec::new();

    // The browser modules keep their function names until wasm-opt has
    // ordered the functions by them ([`shrink`]), which then drops them.
    let names = if shrink_tools.is_some() {
        Names::UntilShrunk
    } else {
        Names::Removed
    };
    let headless_dir = dir.join("wasm/headless");
    bind(&bindgen, &headless_wasm_built, &headless_dir, names)?;
    let node_dir = dir.join("wasm/node");
    bind(
        &bindgen,
        &compiled(&ordinary, HEADLESS_CRATE, FAST_PROFILE),
        &node_dir,
        Names::Removed,
    )?;
    forbid_ui_code(&node_dir.join(format!("{OUT_NAME}_bg.wasm")))?;
    forbid(
        &node_dir.join(format!("{OUT_NAME}_bg.wasm")),
        &FLOAT_READING,
    )?;
    let headless_wasm = headless_dir.join(format!("{OUT_NAME}_bg.wasm"));
    check_features(&headless_wasm)?;
    forbid_ui_code(&headless_wasm)?;
    forbid(&headless_wasm, &FLOAT_READING)?;
    forbid(&headless_wasm, &FLOAT_WRITING)?;
    forbid_supervision(&headless_dir)?;
    size_first.push(headless_wasm);
    let ui_modules = full_wasm_built
        .iter()
        .map(|built| ("full", built))
        .chain(feature_wasm_built.iter().map(|(f, built)| (*f, built)));
    for (entry, built) in ui_modules {
        let out = dir.join("wasm").join(entry);
        bind(&bindgen, built, &out, names)?;
        let wasm = out.join(format!("{OUT_NAME}_bg.wasm"));
        check_features(&wasm)?;
        forbid(&wasm, &FLOAT_READING)?;
        if entry == "supervision" {
            speed_first.push(wasm);
        } else {
            forbid(&wasm, &FLOAT_WRITING)?;
            forbid_supervision(&out)?;
            size_first.push(wasm);
        }
    }
    if let Some(tools) = &shrink_tools {
        shrink::modules(tools, &size_first, &speed_first)?;
        // Every browser module, the speed-first supervision one too.
        for wasm in size_first.iter().chain(&speed_first) {
            short_names::apply(wasm)?;
        }
    }

    copy_template(&dir, ui.is_some())?;
    if let Some(tools) = &shrink_tools {
        shrink::scripts(tools, &dir, &browser_scripts(&dir)?)?;
    }
    let forms = copy_forms(&dir)?;
    write_examples(&dir, &forms)?;
    let sizes = report_sizes(&dir, ui.is_some(), &forms)?;
    let tarball = pack(&dir)?;
    Ok(Package {
        dir,
        tarball,
        sizes,
        has_ui: ui.is_some(),
    })
}

/// Builds the UI crate `name` with one extra `feature` by `cargo` (a `cargo
/// build` of the wasm target and profile) and stashes the module it writes,
/// `built`, under the feature's name (the next build writes the same file name).
fn ui_module(cargo: &mut Command, built: &Path, name: &str, feature: &str) -> Result<PathBuf> {
    run(cargo.args(["-p", name, "--features", feature]))?;
    stash(built, feature)
}

/// The compiled module of `crate_name`, built with `profile`, in the target folder `target`.
fn compiled(target: &Path, crate_name: &str, profile: &str) -> PathBuf {
    target
        .join("wasm32-unknown-unknown")
        .join(profile)
        .join(format!("{}.wasm", crate_name.replace('-', "_")))
}

/// A copy of a freshly built module under `target/npm-build/<name>.wasm`, kept
/// apart from Cargo's output, which a later build with other features rewrites.
fn stash(built: &Path, name: &str) -> Result<PathBuf> {
    let folder = paths::target().join("npm-build");
    std::fs::create_dir_all(&folder)?;
    let to = folder.join(format!("{name}.wasm"));
    std::fs::copy(built, &to).with_context(|| format!("cannot copy {}", built.display()))?;
    Ok(to)
}

/// [`wasm_features::check`] on a bound browser module: a failure stops the
/// build, but with std built for size off (`DANGJIAN_STD_FOR_SIZE=0`), whose
/// prebuilt std has reference types on, it is only printed (that build is
/// for diagnosis: its size gates fail too).
fn check_features(wasm: &Path) -> Result<()> {
    match wasm_features::check(wasm) {
        Err(e) if !std_for_size::enabled() => {
            println!("warning: {e:#}");
            Ok(())
        }
        other => other,
    }
}

/// `supervise` lives in the supervision and Node modules only: the headless
/// and full browser modules must not export it.
fn forbid_supervision(out_dir: &Path) -> Result<()> {
    let glue = std::fs::read_to_string(out_dir.join(format!("{OUT_NAME}.js")))?;
    if glue.contains("supervise") {
        bail!(
            "{} exports supervise: it belongs to the supervision entry only",
            out_dir.display()
        );
    }
    Ok(())
}

/// What [`bind`] does with the module's name section (the functions' Rust names).
#[derive(Debug, Clone, Copy)]
enum Names {
    /// Removed by wasm-bindgen.
    Removed,
    /// Kept for `wasm-opt`, which orders the functions by them and removes them ([`shrink`]).
    UntilShrunk,
}

/// `wasm-bindgen --target web` into `out_dir`, without producers section and,
/// unless `names` keeps them for `wasm-opt`, without names; the glue is then
/// made a factory of instances ([`crate::glue`]), and its declarations, which describe the glue's own shape, are removed
/// (the package's types are `npm/*.d.ts`).
fn bind(bindgen: &Path, wasm: &Path, out_dir: &Path, names: Names) -> Result<()> {
    let mut bindgen = cmd(bindgen, &paths::root());
    bindgen.arg(wasm).arg("--out-dir").arg(out_dir).args([
        "--out-name",
        OUT_NAME,
        "--target",
        "web",
        "--remove-producers-section",
    ]);
    if let Names::Removed = names {
        bindgen.arg("--remove-name-section");
    }
    run(&mut bindgen)?;
    let glue = out_dir.join(format!("{OUT_NAME}.js"));
    let text = std::fs::read_to_string(&glue)?;
    let made = crate::glue::factory(&text).with_context(|| format!("{}", glue.display()))?;
    std::fs::write(&glue, made)?;
    for declarations in [
        format!("{OUT_NAME}.d.ts"),
        format!("{OUT_NAME}_bg.wasm.d.ts"),
    ] {
        let _ = std::fs::remove_file(out_dir.join(declarations));
    }
    Ok(())
}

/// The headless module must hold no UI code: no Yew and no DOM bindings of web-sys.
fn forbid_ui_code(wasm: &Path) -> Result<()> {
    let bytes = std::fs::read(wasm)?;
    let glue = std::fs::read_to_string(wasm.with_file_name(format!("{OUT_NAME}.js")))?;
    for needle in ["yew", "gloo"] {
        if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
            bail!(
                "the headless module contains UI code (found “{needle}” in {})",
                wasm.display()
            );
        }
    }
    if glue.contains("createElement") || glue.contains("addEventListener") {
        bail!("the headless glue binds DOM functions: UI code leaked into the headless entry");
    }
    Ok(())
}

/// A table of the standard library that a browser module must not link,
/// recognised by its first entry.
struct StdTable {
    /// What links it, for the message.
    what: &'static str,
    /// Its first entry, as the `u64` words the module's data holds.
    first: &'static [u64],
    /// What to write instead.
    instead: &'static str,
}

/// std's reading of floats (`str::parse` into `f64` or `f32`): its table of
/// powers of five is 10 KB of data that gzip cannot shrink. No module may
/// link it: the engine reads floats with `dangjian_core::decimal`. Its first
/// entry is 5^-342 (`POWER_OF_FIVE_128`), the high word then the low one.
const FLOAT_READING: StdTable = StdTable {
    what: "the standard library's float reading (its 10 KB table)",
    first: &[0xeef4_53d6_923b_d65a, 0x113f_aa29_06a1_3b3f],
    instead: "read floats with dangjian_core::decimal, not str::parse",
};

/// std's writing of floats (`{}`, `{:e}`, `{:.1}` of an `f64` or `f32`:
/// `core::num::flt2dec`, Grisu with its table of cached powers and Dragon's
/// big integers). No size-first browser module (headless, full, settings)
/// may link it: the engine and the components write floats with
/// `dangjian_core::decimal`. The supervision module keeps it: serde's
/// message for a float where its derived options reader expected something
/// else (`Unexpected::Float`) writes one. Its first entry is 10^-308's
/// significand (`CACHED_POW10`).
const FLOAT_WRITING: StdTable = StdTable {
    what: "the standard library's float formatting (flt2dec)",
    first: &[0xe61a_cf03_3d1a_45df],
    instead: "write floats with dangjian_core::decimal (plain, write_exp, fixed, shortest_f64), not format!/to_string",
};

/// Fails when the module at `wasm` links `table`.
fn forbid(wasm: &Path, table: &StdTable) -> Result<()> {
    if holds(&std::fs::read(wasm)?, table) {
        bail!("{} links {}: {}", wasm.display(), table.what, table.instead);
    }
    Ok(())
}

/// Whether `module` holds the first entry of `table`.
fn holds(module: &[u8], table: &StdTable) -> bool {
    let first: Vec<u8> = table.first.iter().flat_map(|w| w.to_le_bytes()).collect();
    module.windows(first.len()).any(|w| w == first.as_slice())
}

/// Keeps two builds of the package (say, two people's test runs in one tree)
/// from writing the same folder at once. Released when dropped.
struct Lock(PathBuf);

impl Lock {
    /// Waits until no other live process holds `path`, then holds it.
    fn take(path: &Path) -> Result<Lock> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut told = false;
        loop {
            match std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
            {
                Ok(mut file) => {
                    use std::io::Write;
                    write!(file, "{}", std::process::id())?;
                    return Ok(Lock(path.to_path_buf()));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let holder = std::fs::read_to_string(path).unwrap_or_default();
                    let alive = !holder.trim().is_empty()
                        && Path::new("/proc").join(holder.trim()).exists();
                    if !alive && Path::new("/proc/self").exists() {
                        let _ = std::fs::remove_file(path);
                        continue;
                    }
                    if !told {
                        println!(
                            "waiting for another build of the package (process {})…",
                            holder.trim()
                        );
                        told = true;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(500));
                }
                Err(e) => {
                    return Err(e).with_context(|| format!("cannot create {}", path.display()))
                }
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The scripts only browsers load (the Node entry's `node.js`, `wasm/node/`
/// and the CLI excepted): the package root's `.js` files and each browser
/// module's glue.
fn browser_scripts(dir: &Path) -> Result<Vec<PathBuf>> {
    const NOT_FOR_BROWSERS: &[&str] = &["node.js", "cli.js"];
    let mut files = Vec::new();
    for folder in [
        dir.to_path_buf(),
        dir.join("wasm/headless"),
        dir.join("wasm/full"),
        dir.join("wasm/settings"),
        dir.join("wasm/supervision"),
    ] {
        if !folder.is_dir() {
            continue;
        }
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            if name.ends_with(".js") && !(folder == dir && NOT_FOR_BROWSERS.contains(&name)) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Copies `npm/` into the package, with the version filled in.
fn copy_template(dir: &Path, has_ui: bool) -> Result<()> {
    let template = paths::root().join("npm");
    for file in TEMPLATE_FILES {
        std::fs::copy(template.join(file), dir.join(file))
            .with_context(|| format!("cannot copy npm/{file}"))?;
    }
    let (index_js, index_dts) = if has_ui {
        ("index.full.js", "index.full.d.ts")
    } else {
        ("index.headless.js", "index.headless.d.ts")
    };
    std::fs::copy(template.join(index_js), dir.join("index.js"))?;
    std::fs::copy(template.join(index_dts), dir.join("index.d.ts"))?;
    let manifest = std::fs::read_to_string(template.join("package.json"))?;
    if !manifest.contains(VERSION_PLACEHOLDER) {
        bail!("npm/package.json must carry the version placeholder {VERSION_PLACEHOLDER}");
    }
    std::fs::write(
        dir.join("package.json"),
        manifest.replace(VERSION_PLACEHOLDER, env!("CARGO_PKG_VERSION")),
    )?;
    // The schema of specs, so an editor checks a county's spec through `"$schema"`.
    std::fs::copy(
        paths::root().join("spec.schema.json"),
        dir.join("spec.schema.json"),
    )
    .context("cannot copy spec.schema.json")?;
    // wasm-bindgen writes a .gitignore and package.json-less folders; the package's `files` list decides.
    for entry in [
        "wasm/headless/.gitignore",
        "wasm/node/.gitignore",
        "wasm/full/.gitignore",
        "wasm/supervision/.gitignore",
        "wasm/settings/.gitignore",
    ] {
        let _ = std::fs::remove_file(dir.join(entry));
    }
    Ok(())
}

/// Writes each built-in spec of `crates/standards/forms/` into `forms/` of the
/// package, minified; returns their paths relative to the package.
fn copy_forms(dir: &Path) -> Result<Vec<PathBuf>> {
    let from = paths::root().join("crates/standards/forms");
    let to = dir.join("forms");
    std::fs::create_dir_all(&to)?;
    let mut written = Vec::new();
    for entry in
        std::fs::read_dir(&from).with_context(|| format!("cannot read {}", from.display()))?
    {
        let path = entry?.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let name = path.file_name().unwrap_or_default();
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        std::fs::write(to.join(name), compact::compact(&text))?;
        written.push(Path::new("forms").join(name));
    }
    written.sort();
    if written.is_empty() {
        bail!("no built-in specs in {}", from.display());
    }
    Ok(written)
}

/// Writes `examples/<id>.json` for each built-in form: the records the settings
/// editor re-checks to preview a county's settings — `examples/<id>.json` of the
/// repository (a bare record) and the inputs of `tests/vectors/<id>/` — as
/// `{"form": id, "examples": [{"name", "record"} | {"name", "input"}]}`,
/// minified. The editor reads each input's `today`, `locale` and `data`, and
/// leaves out inputs that carry their own settings or spec.
fn write_examples(dir: &Path, forms: &[PathBuf]) -> Result<()> {
    let to = dir.join("examples");
    std::fs::create_dir_all(&to)?;
    for form in forms {
        let Some(id) = form.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let mut items = Vec::new();
        let example = paths::root().join("examples").join(format!("{id}.json"));
        if let Ok(text) = std::fs::read_to_string(&example) {
            items.push(format!(
                "{{\"name\":\"examples/{id}.json\",\"record\":{}}}",
                compact::compact(&text)
            ));
        }
        let vectors = paths::root().join("tests/vectors").join(id);
        let mut inputs: Vec<PathBuf> = std::fs::read_dir(&vectors)
            .map(|list| list.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        inputs.retain(|p| p.to_string_lossy().ends_with(".input.json"));
        inputs.sort();
        for input in inputs {
            let name = input
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .trim_end_matches(".input.json")
                .to_owned();
            let text = std::fs::read_to_string(&input)
                .with_context(|| format!("cannot read {}", input.display()))?;
            items.push(format!(
                "{{\"name\":\"{name}\",\"input\":{}}}",
                compact::compact(&text)
            ));
        }
        std::fs::write(
            to.join(format!("{id}.json")),
            format!("{{\"form\":\"{id}\",\"examples\":[{}]}}", items.join(",")),
        )?;
    }
    Ok(())
}

/// Prints each module's size table and each browser entry against its budget
/// (`bench/budgets.json`); writes the text to `target/npm/sizes.txt`; returns
/// the browser entries measured.
fn report_sizes(dir: &Path, has_ui: bool, forms: &[PathBuf]) -> Result<Vec<Measured>> {
    let budgets = budgets::read()?;
    let measured = budgets::measure(dir, &budgets)?;
    let mut text = String::new();
    for m in &measured {
        text.push_str(&size::table(&m.budget.title, &m.files));
    }
    if !has_ui {
        text.push_str(
            "full entry (dangjian-forms): no UI crate yet, re-exports the headless entry\n",
        );
    }
    let node = size::measure(
        dir,
        &[
            PathBuf::from(format!("wasm/node/{OUT_NAME}_bg.wasm")),
            PathBuf::from(format!("wasm/node/{OUT_NAME}.js")),
            PathBuf::from("node.js"),
        ],
    )?;
    text.push_str(&size::table(
        "node entry (dangjian-forms/node: the speed-first build, never sent to browsers)",
        &node,
    ));
    text.push_str(&size::table(
        "built-in specs (fetched by browsers one at a time, when a page needs them)",
        &size::measure(dir, forms)?,
    ));
    for m in &measured {
        text.push_str(&m.verdict());
        text.push('\n');
    }
    print!("{text}");
    std::fs::write(dir.parent().unwrap_or(dir).join("sizes.txt"), &text)?;
    Ok(measured)
}

/// `npm pack` of `dir` next to it; returns the tarball.
fn pack(dir: &Path) -> Result<PathBuf> {
    let destination = dir.parent().unwrap_or(dir).to_path_buf();
    let json = read(
        cmd("npm", dir)
            .args(["pack", "--json", "--loglevel=error", "--pack-destination"])
            .arg(&destination),
    )?;
    let filename = json
        .split("\"filename\"")
        .nth(1)
        .and_then(|rest| rest.split('"').nth(1))
        .context("npm pack did not say which file it wrote")?;
    let tarball = destination.join(filename);
    println!("packed {}", tarball.display());
    Ok(tarball)
}

#[cfg(test)]
mod tests {
    use super::{holds, FLOAT_READING, FLOAT_WRITING};

    #[test]
    fn the_float_table_is_recognised() {
        // 5^-342 as std's table stores it: the high word, then the low one.
        let mut module = b"\0asm....".to_vec();
        assert!(!holds(&module, &FLOAT_READING));
        module.extend(0xeef4_53d6_923b_d65a_u64.to_le_bytes());
        module.extend(0x113f_aa29_06a1_3b3f_u64.to_le_bytes());
        module.extend(b"rest");
        assert!(holds(&module, &FLOAT_READING));
    }

    #[test]
    fn the_float_writing_table_is_recognised() {
        let mut module = b"\0asm....".to_vec();
        assert!(!holds(&module, &FLOAT_WRITING));
        module.extend(0xe61a_cf03_3d1a_45df_u64.to_le_bytes());
        module.extend((-1087i16).to_le_bytes());
        assert!(holds(&module, &FLOAT_WRITING));
    }
}
