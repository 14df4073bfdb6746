//! The candidate qualification joint review (村“两委”换届候选人资格联审).
//!
//! One record of the built-in form `candidate-review` describes one candidate
//! and the answers of the reviewing departments. The outcome:
//!
//! - [`verdict()`] — 通过 / 待审 / 建议不予提名 for one record, with the departments
//!   and negative-list items behind it ([`assess`] also counts every error of
//!   the validation report);
//! - the same verdict inside the validation report, through the form's rules
//!   `review.verdict_not_nominated` and `review.verdict_pending` (both errors, so
//!   a report is `valid` exactly when the verdict is 通过), which call the
//!   operators of this module;
//! - [`slate()`] — the composition checks over all candidates of one village.
//!
//! The negative list, the department matrix and the time windows are settings
//! of the form (see `docs/forms/candidate-review.md`), never constants here.

mod messages;
mod ops;
pub mod settings;
pub mod slate;
pub mod verdict;
mod words;

pub use settings::{Applies, Department, NegativeItem, ReviewSettings};
pub use slate::{slate, SlateInput, SlateOptions, SlateReport, SlateSummary};
pub use verdict::{
    assess, verdict, verdict_with_codes, verdict_with_report, Verdict, VerdictOptions,
    VerdictStatus,
};

use dangjian_core::EngineBuilder;

/// Id of the built-in form.
pub const FORM_ID: &str = "candidate-review";

/// The built-in form's spec (in builds that embed the specs; see [`crate::catalog`]).
#[cfg(feature = "embedded-forms")]
pub const SPEC: &str = include_str!(concat!(env!("OUT_DIR"), "/forms/candidate-review.json"));

/// Installs the review operators (`review_verdict`, `review_row`, `review_finding`,
/// `review_department`) into an engine.
pub fn install(builder: EngineBuilder) -> EngineBuilder {
    ops::install(builder)
}
