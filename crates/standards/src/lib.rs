//! The built-in party-building forms and the domain checks they need.
//!
//! Forms are data (`forms/*.json`, embedded in the binary unless the feature
//! `embedded-forms` is off, see [`catalog`]); the checks that need
//! more than a JSONLogic rule live here as Rust: identifier checksums, the annual
//! compliance calendar of meetings, the joint-review verdict and the slate checks,
//! the assessment of a secretary's annual review (述职评议), and the supervision
//! of many branches' records at once.
//! Every threshold is a setting of a form or an options struct, never a constant.
#![deny(missing_docs)]

pub mod branch;
mod builtin_settings;
pub mod catalog;
pub mod checklist;
pub mod ident;
mod json;
mod lookup;
pub mod meetings;
pub mod points;
pub mod review;
pub mod secretary_review;
pub mod supervision;
mod wording;

pub use catalog::{builtin, builtin_forms, catalogue, compile_builtin, BuiltinForm, FormInfo};

use dangjian_core::Engine;

/// The engine with every domain extension installed: citizen-ID and credit-code
/// format checks, the identifier operators, the joint-review operators, the
/// secretary-review operator and the names of weekdays for rules. Use it for all forms.
pub fn engine() -> Engine {
    let builder = ident::install(Engine::builder());
    meetings::install(secretary_review::install(review::install(builder))).build()
}
