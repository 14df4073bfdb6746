//! Rules and conditions written in JSONLogic.

use crate::text::Text;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// A JSONLogic expression, kept as JSON. `{"var": "section.field"}` reads a value
/// of the record; `$settings.NAME`, `$today`, `$item` and `$index` are also available.
pub type Logic = serde_json::Value;

/// How serious an issue is. Errors make a record invalid; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The record cannot be accepted.
    #[default]
    Error,
    /// Worth a look, but the record is still valid.
    Warning,
}

impl Severity {
    /// Both severities.
    pub const ALL: [Severity; 2] = [Severity::Error, Severity::Warning];

    /// The name used in specs and reports: `error` or `warning`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A cross-field rule: when `when` holds (or always), `assert` must hold.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable code of the issue this rule raises, e.g. `minutes.attendance_sum`.
    pub code: String,
    /// Only check the rule when this condition is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Logic>,
    /// The condition that must be true.
    pub assert: Logic,
    /// Relative JSON Pointer (from the rule's scope) of the value the issue is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Error (default) or warning.
    #[serde(default)]
    pub severity: Severity,
    /// The message, with `{name}` placeholders filled from `params`.
    pub message: Text,
    /// Values computed for the message and the report, each a JSONLogic expression.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, Logic>,
    /// Where the rule comes from (regulation, article), for the form's documentation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
