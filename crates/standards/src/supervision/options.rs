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
use dangjian_core::spec::read::{
    boolean, deserialize_by, float, int32, list, locale, map, named, object, optional, string,
    uint32, Json, Read,
};
use dangjian_core::spec::Setting;
use dangjian_core::Locale;
use serde::Serialize;
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub today: Option<String>,
    /// The calendar year supervised; default: the as-of date's year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// First day of a custom period, with `to`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day of a custom period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Language of messages and titles.
    pub locale: Locale,
    /// When a branch needs attention.
    pub attention: Thresholds,
    /// Settings of the built-in forms the records are checked with, by form id
    /// (`{"meeting-minutes": {"majority_strict": false}}`).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub form_settings: BTreeMap<String, Map<String, Value>>,
    /// The required meeting frequencies; default: those of a compliance check.
    pub requirements: Vec<Requirement>,
    /// Whether minutes with errors count as held (default: they do not).
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
                Thresholds::read(&Json::view(&Value::Object(default_values())))
                    .unwrap_or_else(|_| off())
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
fn over_defaults(value: &Json<'_>) -> Read<Thresholds> {
    let given = map(value)?;
    let mut values = default_values();
    values.extend(given);
    Thresholds::read(&Json::view(&Value::Object(values)))
}

const OPTIONS: &[&str] = &[
    "as_of",
    "today",
    "year",
    "from",
    "to",
    "locale",
    "attention",
    "form_settings",
    "requirements",
    "minutes_check",
];

impl SupervisionOptions {
    /// Reads the options from JSON: `as_of` required, the others optional,
    /// no others.
    pub fn read(value: &Json<'_>) -> Read<SupervisionOptions> {
        object(value, "struct SupervisionOptions", OPTIONS, |f| {
            let (mut as_of, mut attention, mut requirements) = (None, None, None);
            let mut o = SupervisionOptions {
                as_of: String::new(),
                today: None,
                year: None,
                from: None,
                to: None,
                locale: Locale::ZhCn,
                attention: off(),
                form_settings: BTreeMap::new(),
                requirements: Vec::new(),
                minutes_check: MinutesCheck::default(),
            };
            for (k, v) in f.entries() {
                match k {
                    "as_of" => as_of = f.take(k, string(v)),
                    "today" => f.set(k, &mut o.today, optional(v, string)),
                    "year" => f.set(k, &mut o.year, optional(v, int32)),
                    "from" => f.set(k, &mut o.from, optional(v, string)),
                    "to" => f.set(k, &mut o.to, optional(v, string)),
                    "locale" => f.set(k, &mut o.locale, locale(v)),
                    "attention" => attention = f.take(k, over_defaults(v)),
                    "form_settings" => f.set(k, &mut o.form_settings, named(v, map)),
                    "requirements" => requirements = f.take(k, list(v, Requirement::read)),
                    "minutes_check" => f.set(k, &mut o.minutes_check, MinutesCheck::read(v)),
                    _ => f.unknown(k),
                }
            }
            o.as_of = f.need("as_of", as_of);
            o.attention = attention.unwrap_or_default();
            o.requirements = requirements.unwrap_or_else(default_requirements);
            o
        })
    }
}

const THRESHOLDS: &[&str] = &[
    "score_below",
    "vetoed",
    "no_checklist",
    "missing_weekly",
    "missing_monthly",
    "missing_quarterly",
    "missing_yearly",
    "overdue_rectifications",
    "secretary_grade_at_most",
    "invalid_records",
];

impl Thresholds {
    /// Reads every threshold from JSON (`secretary_grade_at_most` may be
    /// left out), no others. `attention` in the options is read over the
    /// defaults first, so each name given there is optional.
    pub fn read(value: &Json<'_>) -> Read<Thresholds> {
        object(value, "struct Thresholds", THRESHOLDS, |f| {
            let mut t = off();
            for (k, v) in f.entries() {
                match k {
                    "score_below" => f.set(k, &mut t.score_below, float(v).map(Num)),
                    "vetoed" => f.set(k, &mut t.vetoed, boolean(v)),
                    "no_checklist" => f.set(k, &mut t.no_checklist, boolean(v)),
                    "missing_weekly" => f.set(k, &mut t.missing_weekly, uint32(v)),
                    "missing_monthly" => f.set(k, &mut t.missing_monthly, uint32(v)),
                    "missing_quarterly" => f.set(k, &mut t.missing_quarterly, uint32(v)),
                    "missing_yearly" => f.set(k, &mut t.missing_yearly, uint32(v)),
                    "overdue_rectifications" => {
                        f.set(k, &mut t.overdue_rectifications, uint32(v));
                    }
                    "secretary_grade_at_most" => {
                        let grade = optional(v, Grade::read);
                        f.set(k, &mut t.secretary_grade_at_most, grade);
                    }
                    "invalid_records" => f.set(k, &mut t.invalid_records, uint32(v)),
                    _ => f.unknown(k),
                }
            }
            // An `Option` without a default may be left out of an object,
            // not out of the array form (as the derived reading had it).
            for name in THRESHOLDS {
                if *name != "secretary_grade_at_most" || matches!(value, Json::Array(_)) {
                    f.need::<()>(name, None);
                }
            }
            t
        })
    }
}

deserialize_by!(SupervisionOptions, SupervisionOptions::read);
deserialize_by!(Thresholds, Thresholds::read);

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
