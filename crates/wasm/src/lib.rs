//! The dangjian-forms engine for JavaScript: compile a form spec, validate and
//! score records, and get the very report the command line prints.
//!
//! This crate is the one place that knows JavaScript. It turns JS values into
//! JSON for the engine, turns reports back into plain JS objects, and turns
//! every problem — a bad spec, a wrong argument type, a cyclic object — into a
//! thrown `Error` with a stable `code`, never a trap.
//!
//! ```js
//! import init, { compile } from "dangjian-forms/headless";
//! await init();
//! const form = compile("meeting-minutes");
//! const report = form.validate(record, { locale: "en", today: "2024-06-30" });
//! ```
#![deny(missing_docs)]

mod catalog;
pub mod convert;
mod domain;
pub mod error;
mod form;
pub mod options;
mod rule;
#[cfg(feature = "supervision")]
mod supervision;

pub use catalog::{compile, forms, has_form, provide_form};
pub use domain::{annual_compliance, id_number, review_slate};
pub use form::Form;
pub use rule::evaluate_rule;
#[cfg(feature = "supervision")]
pub use supervision::{supervise, Supervision};

use wasm_bindgen::prelude::wasm_bindgen;

/// Runs once when the module is instantiated: a panic, should one ever happen,
/// is written to the console with its message before the module stops.
///
/// Not in the size-first browser modules, built with `panic=immediate-abort`
/// (ARCHITECTURE.md, "The standard library built for size"): there a panic is a
/// bare `unreachable` trap that calls no hook, and the package's JavaScript
/// answers it as any trap (`engine_reset`, a fresh instance, nothing typed lost).
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
}

/// The version of the engine (the crate version), e.g. `0.1.0`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
