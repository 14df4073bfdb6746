//! What a supervision run checks: the as-of date, the period, the locale, the
//! thresholds that put a branch on the attention list, the settings of each
//! form and the meeting frequencies.
//!
//! Every attention threshold is a setting with a default and its source
//! (`attention.json`, read once): a county changes a value in data, never in
//! code.

use crate::meetings::{default_requirements, MinutesCheck, Requirement};
use crate::secretary_review::Grade;
use dangjian_core::number::Num;
use dangjian_core::spec::Setting;
use dangjian_core::Locale;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The options of a supervision run.
///
/// As JSON: `{"as_of": "2026-10-31"}` with optional `today`, `year` or `from`
/// and `to` (default: the as-of date's calendar year), `locale`, `attention`
/// (any subset of [`Thresholds`]), `form_settings` (`{form id: {name:
/// value}}`), `requirements` and `minutes_check` (as in a compliance check).
/// Unknown names are refused, so a misspelt option never keeps its default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupervisionOptions {
    /// The day the supervisor looks from (`YYYY-MM-DD`), counted whole:
    /// records dated after it are not counted; a period ending on or before it
    /// is judged, one holding it and ending later is open, a later one future;
    /// a rectification item whose deadline is before it and that is not closed
    /// by it is overdue.
    pub as_of: String,
    /// Today's date (`YYYY-MM-DD`) for the records' own checks (a date may not
    /// lie in the future); default: the as-of date. Give the real date when
    /// looking back from later: a rectification item closed after the as-of
    /// date is then a valid record, and still open as of that date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub today: Option<String>,
    /// The calendar year supervised; default: the as-of date's year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// First day of a custom period, with `to`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day of a custom period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Language of messages and titles.
    #[serde(default)]
    pub locale: Locale,
    /// When a branch needs attention.
    #[serde(default, deserialize_with = "over_defaults")]
    pub attention: Thresholds,
    /// Settings of the built-in forms the records are checked with, by form id
    /// (`{"meeting-minutes": {"majority_strict": false}}`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub form_settings: BTreeMap<String, Map<String, Value>>,
    /// The required meeting frequencies; default: those of a compliance check.
    #[serde(default = "default_requirements")]
    pub requirements: Vec<Requirement>,
    /// Whether minutes with errors count as held (default: they do not).
    #[serde(default)]
    pub minutes_check: MinutesCheck,
}

impl SupervisionOptions {
    /// The defaults, as of `date` (`YYYY-MM-DD`), for that date's year.
    pub fn as_of(date: &str) -> SupervisionOptions {
        SupervisionOptions {
            as_of: date.to_owned(),
            today: None,
            year: None,
            from: None,
            to: None,
            locale: Locale::ZhCn,
            attention: Thresholds::default(),
            form_settings: BTreeMap::new(),
            requirements: default_requirements(),
            minutes_check: MinutesCheck::default(),
        }
    }
}

/// When a branch needs attention: each reason a setting (`attention.json`
/// gives the default, its title and its source). A count of 0, `false` or
/// `null` turns a reason off.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// The latest checklist scored below this.
    pub score_below: Num,
    /// The latest checklist hit an automatic fail (一票否决).
    pub vetoed: bool,
    /// No checklist in the period.
    pub no_checklist: bool,
    /// At least this many weekly meetings missing.
    pub missing_weekly: u32,
    /// At least this many monthly meetings missing.
    pub missing_monthly: u32,
    /// At least this many quarterly meetings missing.
    pub missing_quarterly: u32,
    /// At least this many half-yearly or yearly meetings missing.
    pub missing_yearly: u32,
    /// At least this many rectification items overdue.
    pub overdue_rectifications: u32,
    /// The secretary's annual review graded this or lower.
    pub secretary_grade_at_most: Option<Grade>,
    /// At least this many records with errors.
    pub invalid_records: u32,
}

impl Default for Thresholds {
    /// The values of `attention.json`.
    fn default() -> Self {
        static PARSED: OnceLock<Thresholds> = OnceLock::new();
        PARSED
            .get_or_init(|| {
                Thresholds::deserialize(&Value::Object(default_values())).unwrap_or_else(|_| off())
            })
            .clone()
    }
}

/// Every reason off: what the defaults would be if `attention.json` were
/// unreadable, which a test rules out.
pub(super) fn off() -> Thresholds {
    Thresholds {
        score_below: Num(0.0),
        vetoed: false,
        no_checklist: false,
        missing_weekly: 0,
        missing_monthly: 0,
        missing_quarterly: 0,
        missing_yearly: 0,
        overdue_rectifications: 0,
        secretary_grade_at_most: None,
        invalid_records: 0,
    }
}

/// Every attention setting with its default, title and source, by name.
pub fn attention_settings() -> &'static BTreeMap<String, Setting> {
    static PARSED: OnceLock<BTreeMap<String, Setting>> = OnceLock::new();
    PARSED.get_or_init(|| crate::json::read(include_str!("attention.json")).unwrap_or_default())
}

/// `{name: default value}` of the attention settings.
fn default_values() -> Map<String, Value> {
    attention_settings()
        .iter()
        .map(|(name, s)| (name.clone(), s.value.clone()))
        .collect()
}

/// Reads `attention` as the defaults with the names given changed.
fn over_defaults<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Thresholds, D::Error> {
    let given = Map::<String, Value>::deserialize(deserializer)?;
    let mut values = default_values();
    values.extend(given);
    Thresholds::deserialize(&Value::Object(values)).map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn defaults_come_from_the_settings_file() {
        let t = Thresholds::default();
        assert_ne!(t, off());
        assert_eq!(t.score_below, Num(60.0));
        assert_eq!(t.secretary_grade_at_most, Some(Grade::Average));
        let names: Vec<&String> = attention_settings().keys().collect();
        assert_eq!(names.len(), 10);
        for s in attention_settings().values() {
            assert!(s.source.as_deref().is_some_and(|s| s.starts_with('[')));
            assert!(!s.title.is_empty());
        }
    }

    #[test]
    fn options_change_some_thresholds_and_refuse_unknown_names() {
        let o: SupervisionOptions = serde_json::from_value(
            json!({"as_of": "2026-10-31", "attention": {"score_below": 70, "secretary_grade_at_most": null}}),
        )
        .unwrap();
        assert_eq!(o.attention.score_below, Num(70.0));
        assert_eq!(o.attention.secretary_grade_at_most, None);
        assert_eq!(o.attention.missing_monthly, 1);
        assert_eq!(o.requirements, default_requirements());
        let bad = serde_json::from_value::<SupervisionOptions>(
            json!({"as_of": "2026-10-31", "attention": {"score_bellow": 70}}),
        );
        assert!(bad.is_err());
        assert!(serde_json::from_value::<SupervisionOptions>(json!({"year": 2026})).is_err());
        let o = SupervisionOptions::as_of("2026-10-31");
        let back: SupervisionOptions =
            serde_json::from_value(serde_json::to_value(&o).unwrap()).unwrap();
        assert_eq!(back, o);
    }
}
