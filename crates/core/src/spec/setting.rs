//! Settings as declared data: a named threshold or switch with its default,
//! what it means, its type and the values it may take.

use crate::text::Text;
use schemars::JsonSchema;
use serde::Serialize;

/// One named setting of a form. Only `value` is required; the rest tells an
/// editor how to show the setting and the engine which values it accepts.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Setting {
    /// The default value: the one rules see unless a county changes it.
    pub value: serde_json::Value,
    /// What the setting means, in a few words.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub title: Text,
    /// A longer explanation for the editor: what changes when the value changes.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub help: Text,
    /// The kind of value; absent, it is inferred from `value` (see [`SettingType::infer`]).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SettingType>,
    /// The unit the value is counted in, e.g. `{"zh-CN": "年", "en": "years"}`.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub unit: Text,
    /// Smallest number allowed (inclusive). For `list` and `object`, of every number inside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Largest number allowed (inclusive). For `list` and `object`, of every number inside.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// The values allowed, with their labels: the value itself for `choice`,
    /// every element for `list`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<SettingOption>,
    /// The group an editor shows the setting under, e.g. `{"zh-CN": "评定等次", "en": "Grades"}`.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub group: Text,
    /// Where the default comes from (a regulation, a local document, an assumption).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// An allowed value of a setting, with its label.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingOption {
    /// The value.
    pub value: serde_json::Value,
    /// What it means.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub title: Text,
}

/// The kind of value a setting holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SettingType {
    /// A whole number.
    Integer,
    /// Any finite number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A text.
    Text,
    /// A date `YYYY-MM-DD`.
    Date,
    /// A weekday: 1 (Monday) to 7 (Sunday).
    Weekday,
    /// A month: 1 (January) to 12 (December).
    Month,
    /// One of `options` (any JSON value).
    Choice,
    /// A list; with `options`, of those values only, without repeats.
    List,
    /// An object of named values (e.g. weights by group).
    Object,
}

impl SettingType {
    /// Every setting type, in documentation order.
    pub const ALL: [SettingType; 10] = [
        SettingType::Integer,
        SettingType::Number,
        SettingType::Boolean,
        SettingType::Text,
        SettingType::Date,
        SettingType::Weekday,
        SettingType::Month,
        SettingType::Choice,
        SettingType::List,
        SettingType::Object,
    ];

    /// The type a setting without `type` has, read from its default: `boolean`,
    /// `number` (any number, so a whole default still accepts a fraction),
    /// `text`, `list`, `object`; `None` for `null` (any value).
    pub fn infer(value: &serde_json::Value) -> Option<SettingType> {
        use serde_json::Value;
        match value {
            Value::Null => None,
            Value::Bool(_) => Some(SettingType::Boolean),
            Value::Number(_) => Some(SettingType::Number),
            Value::String(_) => Some(SettingType::Text),
            Value::Array(_) => Some(SettingType::List),
            Value::Object(_) => Some(SettingType::Object),
        }
    }

    /// The name used in specs, e.g. `weekday`.
    pub fn name(self) -> &'static str {
        match self {
            SettingType::Integer => "integer",
            SettingType::Number => "number",
            SettingType::Boolean => "boolean",
            SettingType::Text => "text",
            SettingType::Date => "date",
            SettingType::Weekday => "weekday",
            SettingType::Month => "month",
            SettingType::Choice => "choice",
            SettingType::List => "list",
            SettingType::Object => "object",
        }
    }
}

impl Setting {
    /// The declared type, else the one inferred from the default.
    pub fn effective_type(&self) -> Option<SettingType> {
        self.kind.or_else(|| SettingType::infer(&self.value))
    }

    /// The range of numbers allowed: the declared `min` / `max`, narrowed by
    /// the type (1–7 for a weekday, 1–12 for a month).
    pub fn range(&self) -> (Option<f64>, Option<f64>) {
        let (lo, hi) = match self.effective_type() {
            Some(SettingType::Weekday) => (Some(1.0), Some(7.0)),
            Some(SettingType::Month) => (Some(1.0), Some(12.0)),
            _ => (None, None),
        };
        let pick = |a: Option<f64>, b: Option<f64>, f: fn(f64, f64) -> f64| match (a, b) {
            (Some(x), Some(y)) => Some(f(x, y)),
            (x, y) => x.or(y),
        };
        (pick(self.min, lo, f64::max), pick(self.max, hi, f64::min))
    }
}

impl Setting {
    /// The setting as one row of a settings list (`dangjian settings`, the npm
    /// package's `settings` command), texts in `locale`: `name`, `value` (the
    /// current value), `default`, `type` (declared or inferred), `title`,
    /// `help`, `unit`, `min` / `max` (the range, a weekday's 1–7 included),
    /// `options` (`[{value, title}]`), `group`, `source`; an absent property
    /// is left out.
    pub fn describe(
        &self,
        name: &str,
        current: &serde_json::Value,
        locale: crate::Locale,
    ) -> serde_json::Value {
        use serde_json::{json, Map, Value};
        let mut row = Map::new();
        let text = |t: &Text| (!t.is_empty()).then(|| Value::from(t.get(locale)));
        row.insert("name".into(), json!(name));
        row.insert("value".into(), current.clone());
        row.insert("default".into(), self.value.clone());
        if let Some(t) = self.effective_type() {
            row.insert("type".into(), json!(t.name()));
        }
        for (key, t) in [
            ("title", &self.title),
            ("help", &self.help),
            ("unit", &self.unit),
        ] {
            if let Some(v) = text(t) {
                row.insert(key.into(), v);
            }
        }
        let (lo, hi) = self.range();
        let number = |n: f64| crate::number::Num::round2(n).to_json();
        if let Some(lo) = lo {
            row.insert("min".into(), number(lo));
        }
        if let Some(hi) = hi {
            row.insert("max".into(), number(hi));
        }
        if !self.options.is_empty() {
            let options: Vec<Value> = self
                .options
                .iter()
                .map(|o| match text(&o.title) {
                    Some(t) => json!({"value": o.value, "title": t}),
                    None => json!({"value": o.value}),
                })
                .collect();
            row.insert("options".into(), Value::Array(options));
        }
        if let Some(v) = text(&self.group) {
            row.insert("group".into(), v);
        }
        if let Some(s) = &self.source {
            row.insert("source".into(), json!(s));
        }
        Value::Object(row)
    }
}
