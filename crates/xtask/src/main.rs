//! `cargo xtask <task>`: the build system of dangjian-forms.
//!
//! - `cargo xtask test` runs every test suite (installing what it needs first)
//!   and ends with the line `N passed, N failed`.
//! - `cargo xtask demo` builds everything and serves the demo portal on 127.0.0.1.
//! - `cargo xtask dist` builds the npm package into `target/npm/dangjian-forms`
//!   and packs it, printing the size of every .wasm and JS file.
//! - `cargo xtask serve DIR` serves a folder the way the demo does.
//! - `cargo xtask bench` times the package's two ways across the boundary in Node.
//! - `cargo xtask setup` only installs the tools.
//!
//! Only `std` and `anyhow`: this crate compiles first on every fresh machine.
#![deny(missing_docs)]

mod bench;
mod budgets;
mod demo;
mod dist;
mod glue;
mod paths;
mod serve;
mod setup;
mod sh;
mod short_names;
mod shrink;
mod size;
mod std_for_size;
mod suites;
mod test;
mod ui;
mod wasm_features;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <task> [options]

tasks:
  test [STEP…]        run every test suite (or only the named steps) and print `N passed, N failed`
  test --list         list the steps
  demo [--port N]     build everything and serve the demo portal on 127.0.0.1
  dist [--no-shrink]  build the npm package into target/npm/dangjian-forms and pack it
  serve DIR [--port N]  serve DIR on 127.0.0.1 (wasm MIME type, strict CSP)
  bench               time records as objects and as JSON text through the package in Node
  setup               install the tools the tests need (idempotent)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (task, rest) = match args.split_first() {
        Some((task, rest)) => (task.as_str(), rest),
        None => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match task {
        "test" => return test::main(rest),
        "demo" => demo::main(rest),
        "dist" => dist::main(rest),
        "serve" => serve::main(rest),
        "bench" => bench::main(),
        "setup" => setup::main(),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(())
        }
        other => {
            eprint!("unknown task `{other}`\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// The value of `--name VALUE` in `args`, if given.
pub fn flag_value<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}
