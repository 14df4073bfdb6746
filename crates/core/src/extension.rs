//! Extension points: field formats and rule operators that other crates add.
//!
//! The engine knows the shape of every field type; checks that need domain
//! knowledge (the GB 11643 checksum of a citizen ID number, the GB 32100 check
//! character of a credit code) are [`FormatCheck`]s registered by
//! `dangjian-standards`, and domain functions callable from rules are [`Operator`]s.

use crate::report::Params;
use crate::text::Text;

/// One reason a value has the wrong format.
#[derive(Debug, Clone, PartialEq)]
pub struct FormatProblem {
    /// Stable issue code, e.g. `citizen_id.checksum`.
    pub code: String,
    /// Message templates.
    pub message: Text,
    /// Values for the message.
    pub params: Params,
}

/// Checks the format of a string field type.
pub trait FormatCheck: Send + Sync {
    /// Every problem with `value` (empty when it is fine). `today` is `YYYY-MM-DD` when known.
    fn check(&self, value: &str, today: Option<&str>) -> Vec<FormatProblem>;
}

/// A function callable from rules as `{"NAME": [args…]}`.
pub trait Operator: Send + Sync {
    /// Evaluates the operator on already-evaluated arguments. An `Err` makes the
    /// calling rule inapplicable to this record (as when a value is missing).
    ///
    /// An operator must be a pure function of its arguments: the engine may
    /// hand several calls of one record the same (shared) argument values.
    fn call(&self, args: &[&serde_json::Value]) -> Result<serde_json::Value, String>;
}
