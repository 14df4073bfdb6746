//! The report: what `validate` returns, in one documented, versioned JSON shape
//! (`docs/report.md`) shared by the CLI, the npm package and the UI.

use crate::number::Num;
use crate::spec::Severity;
use serde::{Deserialize, Serialize};

/// Version of the report's JSON shape. Bumped on any incompatible change.
pub const REPORT_VERSION: u32 = 1;

/// Parameters of a message, by name.
pub type Params = serde_json::Map<String, serde_json::Value>;

/// A JSON object of `entries`, inserted one by one (a later duplicate key
/// wins, as with `collect`). Every object the engine builds from pairs goes
/// through here: `collect` into a map sorts a buffer first, and each such
/// call site would carry its own copy of the sort in the wasm module.
pub fn object<I: IntoIterator<Item = (String, serde_json::Value)>>(entries: I) -> Params {
    let mut map = Params::new();
    map.extend(entries);
    map
}

/// The parameters of a message from `(name, value)` pairs.
pub fn params(pairs: &[(&str, serde_json::Value)]) -> Params {
    object(pairs.iter().map(|(k, v)| ((*k).to_owned(), v.clone())))
}

/// The result of validating (and scoring) one record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Shape version, [`REPORT_VERSION`].
    pub report_version: u32,
    /// Which form, at which version, produced the report.
    pub form: FormRef,
    /// Locale of every message and title in the report.
    pub locale: String,
    /// True when there is no issue of severity `error`.
    pub valid: bool,
    /// Number of issues by severity.
    pub counts: Counts,
    /// Every issue, in the order of the form (then rules in spec order).
    pub issues: Vec<Issue>,
    /// The score, for scored forms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<ScoreReport>,
    /// The values of the spec's `outcomes`, by id (absent when it declares none).
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub outcomes: serde_json::Map<String, serde_json::Value>,
    /// Which nodes are hidden, disabled or required by a condition; only when
    /// asked for with [`crate::ValidateOptions::states`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub states: Option<NodeStates>,
}

/// The state of a record's conditional nodes, as JSON Pointers into the record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeStates {
    /// Nodes hidden by `visible_if` (their descendants are not listed).
    pub hidden: Vec<String>,
    /// Visible nodes disabled by `enabled_if` (not required, still validated).
    pub disabled: Vec<String>,
    /// Visible, enabled nodes whose `required_if` holds (nodes that are always
    /// `required` are not listed).
    pub required: Vec<String>,
}

/// A form's identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormRef {
    /// Form id.
    pub id: String,
    /// Form version.
    pub version: String,
}

/// Issue counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counts {
    /// Issues of severity error.
    pub errors: usize,
    /// Issues of severity warning.
    pub warnings: usize,
}

/// One problem found in the record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issue {
    /// JSON Pointer into the record.
    pub path: String,
    /// Stable code, e.g. `required`, `max_length`, `minutes.quorum`.
    pub code: String,
    /// Error or warning.
    pub severity: Severity,
    /// Localized message.
    pub message: String,
    /// Values the message was built from.
    pub params: Params,
}

/// The score of a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreReport {
    /// Points earned by applicable items.
    pub earned: Num,
    /// Points of applicable items (N/A and hidden items excluded).
    pub possible: Num,
    /// earned ÷ possible × scale.
    pub percent: Num,
    /// Bonus points, after caps.
    pub bonus: Num,
    /// percent + bonus: what the grade is read from.
    pub total: Num,
    /// The grade band reached (or forced by a veto).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
    /// Vetoes that apply.
    pub vetoes: Vec<VetoHit>,
    /// Subtotals per top-level section.
    pub sections: Vec<SectionScore>,
    /// Every scored item, with the reason each point was lost.
    pub items: Vec<ItemScoreReport>,
    /// Bonuses earned.
    pub bonuses: Vec<BonusHit>,
}

/// A grade band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Grade {
    /// Band id.
    pub id: String,
    /// Band name in the report's locale.
    pub title: String,
    /// Stars, for star schemes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<u8>,
}

/// A veto that applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VetoHit {
    /// Veto id (or the item's id for item vetoes).
    pub id: String,
    /// What happened.
    pub title: String,
    /// Where, for item vetoes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// A section's subtotal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionScore {
    /// Section id.
    pub id: String,
    /// Section title.
    pub title: String,
    /// Points earned.
    pub earned: Num,
    /// Points of applicable items.
    pub possible: Num,
    /// earned ÷ possible × 100 (0 when nothing applies).
    pub percent: Num,
}

/// The score of one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemScoreReport {
    /// JSON Pointer of the item in the record.
    pub path: String,
    /// Id of the top-level section holding it.
    pub section: String,
    /// Item title.
    pub title: String,
    /// `met`, `partial`, `unmet`, `na`, `answered`, `unanswered` or `hidden`.
    pub status: String,
    /// Counted in the denominator.
    pub applicable: bool,
    /// Points the item is worth.
    pub points: Num,
    /// Points earned.
    pub earned: Num,
    /// Why points were lost, one entry per reason.
    pub lost: Vec<Loss>,
}

/// Points lost for one reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Loss {
    /// Stable code: `unanswered`, `partial`, `unmet`, `answer`, `deduction.CODE`, `per_unit`.
    pub code: String,
    /// Points lost.
    pub points: Num,
    /// Localized explanation.
    pub reason: String,
}

/// A bonus earned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BonusHit {
    /// Bonus id.
    pub id: String,
    /// What earned it.
    pub title: String,
    /// Points added (after this bonus's cap).
    pub points: Num,
}
