//! The options of a compliance check: the range, the locale, the required
//! frequencies and how the records themselves are checked; and the one-document
//! input (`--vector`) that carries the minutes with them.

use super::requirements::default_requirements;
use crate::lookup::At;
use crate::meetings::fixed_day::FixedDay;
use crate::meetings::period::Period;
use dangjian_core::spec::read::{
    any, deserialize_by, int32, list, locale, map, named, object, optional, string, uint32,
    variant, Json, Read,
};
use dangjian_core::{Locale, Text};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// What to check: the period, the locale, the required frequencies and how the
/// records themselves are checked.
///
/// As JSON: `{"year": 2026}` or `{"from": "2026-01-01", "to": "2026-06-30"}`, with
/// optional `today`, `locale`, `requirements`, `minutes_check` and
/// `minutes_settings` (the defaults when absent). Unknown names are refused, so a
/// misspelt option never silently keeps its default.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplianceOptions {
    /// A calendar year to check; ignored when `from` and `to` are given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// First day of the range (`YYYY-MM-DD`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day of the range (`YYYY-MM-DD`, inclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Today's date: periods not yet over are reported as open instead of missing.
    /// The check never reads a clock; without it every period is judged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub today: Option<String>,
    /// Language of messages and titles.
    pub locale: Locale,
    /// The required frequencies, per meeting type.
    pub requirements: Vec<Requirement>,
    /// Whether each record is validated with the `meeting-minutes` form, and
    /// whether a record with errors counts as held (default: it does not).
    pub minutes_check: MinutesCheck,
    /// Settings of the `meeting-minutes` form for that check (`{name: value}`,
    /// e.g. `{"majority_strict": false}`); default: the built-in form's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes_settings: Option<Map<String, Value>>,
}

impl Default for ComplianceOptions {
    fn default() -> Self {
        ComplianceOptions {
            year: None,
            from: None,
            to: None,
            today: None,
            locale: Locale::ZhCn,
            requirements: default_requirements(),
            minutes_check: MinutesCheck::default(),
            minutes_settings: None,
        }
    }
}

/// How the records themselves are checked before they are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MinutesCheck {
    /// Validate each record; one with errors is not counted as held, and is
    /// listed under its period (`invalid`) with a `compliance.invalid_record`
    /// warning. The default: minutes that do not stand up (an inquorate general
    /// meeting) are not a meeting held.
    #[default]
    ExcludeInvalid,
    /// Validate each record; one with errors still counts as held, but is listed
    /// and warned about in the same way.
    CountInvalid,
    /// Do not validate: any record with a meeting type and a date counts.
    Off,
}

impl ComplianceOptions {
    /// The default frequencies, for one calendar year.
    pub fn for_year(year: i32) -> Self {
        ComplianceOptions {
            year: Some(year),
            ..ComplianceOptions::default()
        }
    }

    /// The default frequencies, for `from..=to` (`YYYY-MM-DD`).
    pub fn for_range(from: &str, to: &str) -> Self {
        ComplianceOptions {
            from: Some(from.to_owned()),
            to: Some(to.to_owned()),
            ..ComplianceOptions::default()
        }
    }
}

/// One required frequency: at least `min` meetings matching `counts` in every `period`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Requirement {
    /// Stable id, e.g. `general_meeting`; issues name it.
    pub id: String,
    /// What must be held, e.g. 支部党员大会.
    pub title: Text,
    /// How often.
    pub period: Period,
    /// Fewest meetings in each period.
    pub min: u32,
    /// False leaves the requirement out (e.g. a branch without a committee).
    pub enabled: bool,
    /// A record counts when any of these matches it.
    pub counts: Vec<Matcher>,
    /// The day the meetings are held on (主题党日: a fixed day each month); a
    /// counted meeting on another day gets a `compliance.not_fixed_day` warning.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fixed_day: Option<FixedDay>,
    /// Months (1–12) in which the meetings are usually held (组织生活会: the fourth
    /// quarter); a period that is over whose meetings all fall outside them gets
    /// a `compliance.unusual_time` warning. Empty: any month.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub usual_months: Vec<u32>,
    /// Where the frequency comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Which minutes count towards a requirement: a meeting type, and optionally
/// values other fields must have (keys are JSON Pointers into the record).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matcher {
    /// The value of `/meeting/type`, e.g. `committee`.
    #[serde(rename = "type")]
    pub meeting_type: String,
    /// Further fields that must hold these values, e.g. `{"/lecture/lecturer_role": "secretary"}`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, Value>,
}

impl Matcher {
    /// True when `record` (of type `meeting_type`) matches.
    pub(crate) fn matches(&self, meeting_type: &str, record: &Value) -> bool {
        self.meeting_type == meeting_type
            && self
                .fields
                .iter()
                .all(|(ptr, want)| record.at(ptr) == Some(want))
    }
}

const OPTIONS: &[&str] = &[
    "year",
    "from",
    "to",
    "today",
    "locale",
    "requirements",
    "minutes_check",
    "minutes_settings",
];

impl ComplianceOptions {
    /// Reads the options from JSON: every property optional (the default's
    /// value stands in), no others.
    pub fn read(value: &Json<'_>) -> Read<ComplianceOptions> {
        object(value, "struct ComplianceOptions", OPTIONS, |f| {
            let mut o = ComplianceOptions::default();
            for (k, v) in f.entries() {
                match k {
                    "year" => f.set(k, &mut o.year, optional(v, int32)),
                    "from" => f.set(k, &mut o.from, optional(v, string)),
                    "to" => f.set(k, &mut o.to, optional(v, string)),
                    "today" => f.set(k, &mut o.today, optional(v, string)),
                    "locale" => f.set(k, &mut o.locale, locale(v)),
                    "requirements" => f.set(k, &mut o.requirements, list(v, Requirement::read)),
                    "minutes_check" => f.set(k, &mut o.minutes_check, MinutesCheck::read(v)),
                    "minutes_settings" => f.set(k, &mut o.minutes_settings, optional(v, map)),
                    _ => f.unknown(k),
                }
            }
            o
        })
    }
}

impl MinutesCheck {
    /// The name in JSON: `exclude_invalid`, `count_invalid`, `off`.
    pub fn name(self) -> &'static str {
        match self {
            MinutesCheck::ExcludeInvalid => "exclude_invalid",
            MinutesCheck::CountInvalid => "count_invalid",
            MinutesCheck::Off => "off",
        }
    }

    /// Reads a minutes check from JSON (its name).
    pub fn read(value: &Json<'_>) -> Read<MinutesCheck> {
        use MinutesCheck::{CountInvalid, ExcludeInvalid, Off};
        variant(
            value,
            &[ExcludeInvalid, CountInvalid, Off],
            MinutesCheck::name,
        )
    }
}

const REQUIREMENT: &[&str] = &[
    "id",
    "title",
    "period",
    "min",
    "enabled",
    "counts",
    "fixed_day",
    "usual_months",
    "source",
];

impl Requirement {
    /// Reads a requirement from JSON: `id`, `title`, `period`, `min` and
    /// `counts` required, `enabled` `true` when absent; other properties are
    /// ignored.
    pub fn read(value: &Json<'_>) -> Read<Requirement> {
        object(value, "struct Requirement", REQUIREMENT, |f| {
            let (mut id, mut title, mut period, mut min, mut counts) =
                (None, None, None, None, None);
            let mut r = Requirement {
                id: String::new(),
                title: Text::Empty,
                period: Period::Year,
                min: 0,
                enabled: true,
                counts: Vec::new(),
                fixed_day: None,
                usual_months: Vec::new(),
                source: None,
            };
            for (k, v) in f.entries() {
                match k {
                    "id" => id = f.take(k, string(v)),
                    "title" => title = f.take(k, dangjian_core::spec::read::text(v)),
                    "period" => period = f.take(k, Period::read(v).map(Some)),
                    "min" => min = f.take(k, uint32(v)),
                    "enabled" => f.set(k, &mut r.enabled, dangjian_core::spec::read::boolean(v)),
                    "counts" => counts = f.take(k, list(v, Matcher::read)),
                    "fixed_day" => f.set(k, &mut r.fixed_day, optional(v, FixedDay::read)),
                    "usual_months" => f.set(k, &mut r.usual_months, list(v, uint32)),
                    "source" => f.set(k, &mut r.source, optional(v, string)),
                    _ => {}
                }
            }
            r.id = f.need("id", id);
            r.title = f.need("title", title);
            r.period = f.need("period", period).unwrap_or(Period::Year);
            r.min = f.need("min", min);
            r.counts = f.need("counts", counts);
            r
        })
    }
}

const MATCHER: &[&str] = &["type", "fields"];

impl Matcher {
    /// Reads a matcher from JSON: `type` required, `fields` optional; other
    /// properties are ignored.
    pub fn read(value: &Json<'_>) -> Read<Matcher> {
        object(value, "struct Matcher", MATCHER, |f| {
            let mut meeting_type = None;
            let mut m = Matcher {
                meeting_type: String::new(),
                fields: BTreeMap::new(),
            };
            for (k, v) in f.entries() {
                match k {
                    "type" => meeting_type = f.take(k, string(v)),
                    "fields" => f.set(k, &mut m.fields, named(v, any)),
                    _ => {}
                }
            }
            m.meeting_type = f.need("type", meeting_type);
            m
        })
    }
}

deserialize_by!(ComplianceOptions, ComplianceOptions::read);
deserialize_by!(MinutesCheck, MinutesCheck::read);
deserialize_by!(Requirement, Requirement::read);
deserialize_by!(Matcher, Matcher::read);

/// The minutes and the options together, as one JSON document:
/// `{"year": 2026, "locale": "zh-CN", "minutes": [...]}`. Names other than
/// `minutes` and those of [`ComplianceOptions`] are refused.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplianceInput {
    /// Meeting-minutes records of one branch.
    #[serde(default)]
    pub minutes: Vec<Value>,
    /// Period, locale and frequencies.
    #[serde(flatten)]
    pub options: ComplianceOptions,
}

impl<'de> Deserialize<'de> for ComplianceInput {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // `flatten` would let unknown names through: take `minutes` out by hand.
        let mut map = Map::<String, Value>::deserialize(deserializer)?;
        let minutes = match map.remove("minutes") {
            None | Some(Value::Null) => Vec::new(),
            Some(v) => Vec::deserialize(&v).map_err(serde::de::Error::custom)?,
        };
        let options = ComplianceOptions::deserialize(&Value::Object(map))
            .map_err(serde::de::Error::custom)?;
        Ok(ComplianceInput { minutes, options })
    }
}
