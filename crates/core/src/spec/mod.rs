//! The form-spec model: the JSON document a portal writes to describe a form.
//!
//! A [`Spec`] is plain data. [`crate::compile`] turns it into a [`crate::Form`]
//! after checking it; `docs/spec.md` describes every property and
//! `spec.schema.json` (generated from these types) lets editors check a spec.

mod field_type;
mod node;
pub mod read;
mod rule;
mod scoring;
mod setting;
mod settings_check;

pub use field_type::{FieldType, Format, Moment, Property, ScoreBy, Shape, TextKind};
pub use node::{ChoiceOption, Evidence, Node, Repeat};
pub use rule::{Logic, Rule, Severity};
pub use scoring::{Band, Bonus, Cut, Deduction, ItemScore, ItemVeto, Scoring, SettingRef, Veto};
pub use setting::{Setting, SettingOption, SettingType};
pub use settings_check::SettingsCheck;

use crate::text::Text;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// Keys a record may never use: they poison JavaScript objects.
pub const RESERVED_KEYS: [&str; 3] = ["__proto__", "constructor", "prototype"];

/// A whole form.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// Where editors find the schema of this document. Ignored by the engine.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Stable identifier, e.g. `branch-checklist`. Letters, digits, `-` and `_`.
    pub id: String,
    /// Version of this form, e.g. `2024.1`; reports carry it.
    pub version: String,
    /// Title shown above the form.
    pub title: Text,
    /// Longer explanation shown under the title.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub description: Text,
    /// Named thresholds and switches that rules read as `{"var": "$settings.NAME"}`.
    /// A portal changes a threshold by changing its value here, with no code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub settings: BTreeMap<String, Setting>,
    /// Checks between settings (a quorum's numerator not above its
    /// denominator): each must hold for the defaults and for every county's values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settings_checks: Vec<SettingsCheck>,
    /// The top-level nodes, in order: sections (plain groups) and, beside them,
    /// fields and repeated groups whose values sit at the record's top level.
    pub sections: Vec<Node>,
    /// Cross-field rules over the whole record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    /// How the form is scored; absent for forms that are only validated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<Scoring>,
    /// Overrides of the built-in message wording, by issue code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub messages: BTreeMap<String, Text>,
    /// Values computed after validation and scoring (a verdict, a quorum
    /// reading), reported under `outcomes` in the report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Outcome>,
    /// Rendering hints for user interfaces about the whole form (ignored by
    /// validation), e.g. `{"aside": ["rectification"]}` for a panel beside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui: Option<serde_json::Value>,
}

/// A named value the report carries, computed by a JSONLogic expression once the
/// record has been validated and scored.
///
/// Besides everything a rule sees, the expression reads `$valid` (no error
/// issue), `$errors` (number of error issues), `$error_codes` (their codes, in
/// report order) and, for scored forms, `$score` (`percent`, `total`, `grade`).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Key of the value under `outcomes` in the report.
    pub id: String,
    /// What the value means, for the form's documentation and the UI.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub title: Text,
    /// The expression computing the value.
    pub value: Logic,
    /// Where the rule behind it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
