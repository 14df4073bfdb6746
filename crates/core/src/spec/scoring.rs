//! Scoring as data: points, answer weights, N/A, deductions, bonuses, vetoes, bands.

use super::rule::Logic;
use crate::text::Text;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// How the whole form is scored.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// The points all items add up to; compile checks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<f64>,
    /// The scale the score is normalised to (default 100): earned ÷ applicable × scale.
    #[serde(default = "default_scale")]
    pub scale: f64,
    /// Grade bands; `min` inclusive, `max` exclusive (absent: no upper bound).
    /// Leave empty when the bands come from `band_sets`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<Band>,
    /// Named alternative lists of grade bands (e.g. `stars` and `words`); `band_set`
    /// picks the one in use, so a county switches grade schemes with a setting.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub band_sets: BTreeMap<String, Vec<Band>>,
    /// Which of `band_sets` grades the form: a set's name, or `$settings.NAME`
    /// for the set named by the (text) value of a setting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band_set: Option<String>,
    /// Conditions that force a grade whatever the points (一票否决).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub veto: Vec<Veto>,
    /// Bonus points added after normalisation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bonus: Vec<Bonus>,
    /// Cap on all bonus points together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bonus_cap: Option<f64>,
}

fn default_scale() -> f64 {
    100.0
}

/// A grade band.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Stable id, e.g. `five_stars`.
    pub id: String,
    /// Lowest normalised score in the band (inclusive): a number, or
    /// `{"setting": "NAME"}` for the value of a number setting.
    pub min: Cut,
    /// Score the band stops below (exclusive); absent for the top band. A
    /// number or `{"setting": "NAME"}` (name the next band's `min` setting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Cut>,
    /// Name shown, e.g. 五星.
    pub title: Text,
    /// Number of stars, for star schemes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<u8>,
}

/// A cut-off of a grade band: a number, or the value of a setting, so a county
/// moves its grade thresholds in data.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Cut {
    /// A score on the form's scale.
    Number(f64),
    /// The value of a number setting.
    Setting(SettingRef),
}

/// `{"setting": "NAME"}`: the value of the setting NAME.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingRef {
    /// The setting's name.
    pub setting: String,
}

/// A veto: when it holds, the grade is forced.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Veto {
    /// Stable id.
    pub id: String,
    /// The veto applies when this is true.
    pub when: Logic,
    /// What happened, shown in the report.
    pub title: Text,
    /// Band forced (default: the lowest band).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
}

/// Bonus points for something the record shows.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bonus {
    /// Stable id.
    pub id: String,
    /// What earns it.
    pub title: Text,
    /// Points per occurrence.
    pub points: f64,
    /// How many occurrences (JSONLogic; a boolean counts as 0 or 1).
    pub count: Logic,
    /// Cap on this bonus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<f64>,
}

/// How one item is scored.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemScore {
    /// Points the item is worth. For a choice, defaults to its best option's score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<f64>,
    /// Share of the points a `partial` answer earns (default 0.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial: Option<f64>,
    /// For numbers and repeated groups: points per unit (per attendance, per sub-record), capped at `points`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_unit: Option<f64>,
    /// Deductions per occurrence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deductions: Vec<Deduction>,
    /// Deductions never take the item below this (default 0).
    #[serde(default)]
    pub floor: f64,
    /// An answer that vetoes the whole form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub veto: Option<ItemVeto>,
}

/// A deduction: `points` lost per occurrence.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deduction {
    /// Stable code; a checklist item records occurrences under `deductions.CODE`.
    pub code: String,
    /// What was wrong.
    pub title: Text,
    /// Points lost each time.
    pub points: f64,
    /// Occurrences computed from the record (JSONLogic) instead of entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Logic>,
    /// Most occurrences counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_count: Option<u64>,
}

/// An answer of an item that vetoes the whole form.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemVeto {
    /// Answers that trigger it: checklist statuses, choice values, or `true`/`false`.
    pub on: Vec<serde_json::Value>,
    /// Band forced (default: the lowest band).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
}
