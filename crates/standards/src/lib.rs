//! The built-in party-building forms and the domain checks they need.
//!
//! Forms are data (`forms/*.json`, embedded in the binary); the checks that need
//! more than a JSONLogic rule live here as Rust: identifier checksums, the annual
//! compliance calendar of meetings, the joint-review verdict and the slate checks.
//! Every threshold is a setting of a form or an options struct, never a constant.
#![deny(missing_docs)]

pub mod catalog;
pub mod checklist;
pub mod ident;
mod lookup;
pub mod meetings;
pub mod points;
pub mod review;

pub use catalog::{builtin, builtin_forms, compile_builtin, BuiltinForm};

use dangjian_core::Engine;

/// The engine with every domain extension installed: citizen-ID and credit-code
/// format checks, the identifier operators and the joint-review operators for
/// rules. Use it for all forms.
pub fn engine() -> Engine {
    review::install(ident::install(Engine::builder())).build()
}
