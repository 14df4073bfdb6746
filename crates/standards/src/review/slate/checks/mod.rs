//! The slate checks, one file each, in the order their issues are reported.
//! Each reads the [`super::context::Context`] and the [`super::figures::Figures`]
//! and adds its findings to the slate's `Sink`.

pub(super) mod candidates;
pub(super) mod committees;
pub(super) mod duplicates;
pub(super) mod education;
pub(super) mod posts;
pub(super) mod previous_term;
pub(super) mod relatives;
pub(super) mod secretary;
pub(super) mod women;
pub(super) mod youth;

use dangjian_core::report::Params;
use serde_json::Value;

/// Issue params from `(name, value)` pairs, in order.
pub(super) fn params(pairs: &[(&str, Value)]) -> Params {
    dangjian_core::report::params(pairs)
}
