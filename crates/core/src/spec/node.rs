//! Sections, groups and fields: the tree of a form.

use super::rule::{Logic, Rule};
use super::scoring::ItemScore;
use crate::text::Text;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What kind of value a node holds. `group` nodes hold other nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldType {
    /// A section or group of fields; with `repeat`, a list of sub-records.
    #[default]
    Group,
    /// One line of text.
    Text,
    /// Several lines of text.
    Textarea,
    /// A whole number, with optional `min`, `max`, `step`.
    Integer,
    /// A number, with optional `min`, `max`, `step`.
    Decimal,
    /// A calendar date, `YYYY-MM-DD`.
    Date,
    /// A time of day, `HH:MM` or `HH:MM:SS`.
    Time,
    /// A date and time, `YYYY-MM-DDTHH:MM[:SS]`.
    Datetime,
    /// Yes or no.
    Boolean,
    /// One of `options`.
    Choice,
    /// Any number of `options`, as an array.
    MultiChoice,
    /// A scored checklist line: `{status, evidence, remark, deductions}`.
    ChecklistItem,
    /// A person's name (2–40 characters, no digits).
    PersonName,
    /// A citizen ID number (GB 11643), 18 characters or a legacy 15.
    CitizenId,
    /// A mainland mobile number, 11 digits starting with 1.
    Mobile,
    /// An e-mail address.
    Email,
    /// A web address.
    Url,
    /// A unified social credit code (GB 32100).
    Uscc,
    /// A reference to a file kept elsewhere: `{name, size, sha256}`.
    File,
    /// A signature line: `{name, date}`.
    Signature,
}

impl FieldType {
    /// Every field type, in documentation order.
    pub const ALL: [FieldType; 20] = [
        FieldType::Group,
        FieldType::Text,
        FieldType::Textarea,
        FieldType::Integer,
        FieldType::Decimal,
        FieldType::Date,
        FieldType::Time,
        FieldType::Datetime,
        FieldType::Boolean,
        FieldType::Choice,
        FieldType::MultiChoice,
        FieldType::ChecklistItem,
        FieldType::PersonName,
        FieldType::CitizenId,
        FieldType::Mobile,
        FieldType::Email,
        FieldType::Url,
        FieldType::Uscc,
        FieldType::File,
        FieldType::Signature,
    ];

    /// The name used in specs, e.g. `checklist_item`.
    pub fn name(self) -> &'static str {
        match self {
            FieldType::Group => "group",
            FieldType::Text => "text",
            FieldType::Textarea => "textarea",
            FieldType::Integer => "integer",
            FieldType::Decimal => "decimal",
            FieldType::Date => "date",
            FieldType::Time => "time",
            FieldType::Datetime => "datetime",
            FieldType::Boolean => "boolean",
            FieldType::Choice => "choice",
            FieldType::MultiChoice => "multi_choice",
            FieldType::ChecklistItem => "checklist_item",
            FieldType::PersonName => "person_name",
            FieldType::CitizenId => "citizen_id",
            FieldType::Mobile => "mobile",
            FieldType::Email => "email",
            FieldType::Url => "url",
            FieldType::Uscc => "uscc",
            FieldType::File => "file",
            FieldType::Signature => "signature",
        }
    }

    /// True for types whose value is a string.
    pub fn is_textual(self) -> bool {
        matches!(
            self,
            FieldType::Text
                | FieldType::Textarea
                | FieldType::Date
                | FieldType::Time
                | FieldType::Datetime
                | FieldType::Choice
                | FieldType::PersonName
                | FieldType::CitizenId
                | FieldType::Mobile
                | FieldType::Email
                | FieldType::Url
                | FieldType::Uscc
        )
    }

    /// True for types whose value is a number.
    pub fn is_numeric(self) -> bool {
        matches!(self, FieldType::Integer | FieldType::Decimal)
    }

    /// True for types whose values are ordered by date or time (ISO strings compare in order).
    pub fn is_temporal(self) -> bool {
        matches!(
            self,
            FieldType::Date | FieldType::Time | FieldType::Datetime
        )
    }
}

/// A node of the form tree: a section, a group, or a field.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Node {
    /// Key of this node's value in its parent object. Letters, digits and `_`.
    pub id: String,
    /// Kind of value; `group` when absent.
    #[serde(rename = "type", default)]
    pub kind: FieldType,
    /// Label shown to the person filling the form.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub title: Text,
    /// Help text shown under the label.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub help: Text,
    /// Hint shown inside an empty input.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub placeholder: Text,
    /// The value must be given.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub required: bool,
    /// The value must be given when this condition is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_if: Option<Logic>,
    /// The node is shown (and checked, and scored) only when this condition is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<Logic>,
    /// The node can be edited only when this condition is true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled_if: Option<Logic>,
    /// Children of a group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Node>,
    /// Makes a group a list of sub-records with a minimum and maximum count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<Repeat>,
    /// Shortest text, in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_length: Option<u64>,
    /// Longest text, in characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u64>,
    /// Smallest number allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Largest number allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Numbers must be multiples of this step (counted from `min`, or 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<f64>,
    /// Earliest date/time allowed: an ISO value or `$today`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest: Option<String>,
    /// Latest date/time allowed: an ISO value or `$today`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<String>,
    /// Regular expression a text must match (whole value; Rust `regex` syntax).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    /// The value must be one of these.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<serde_json::Value>>,
    /// Options of a `choice` or `multi_choice`, each with an optional score.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
    /// Fewest options chosen in a `multi_choice`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_count: Option<u64>,
    /// Most options chosen in a `multi_choice`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_count: Option<u64>,
    /// Evidence demanded by a `checklist_item` for some statuses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    /// A `checklist_item` may be answered "not applicable" (default true).
    #[serde(default = "default_true", skip_serializing_if = "Clone::clone")]
    pub allow_na: bool,
    /// How this item is scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<ItemScore>,
    /// Cross-field rules scoped to this node (for a repeated group: to each sub-record).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<Rule>,
    /// Overrides of message wording for this node, by issue code.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub messages: BTreeMap<String, Text>,
    /// Value of this field in an empty record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<serde_json::Value>,
    /// Rendering hints for user interfaces (ignored by validation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ui: Option<serde_json::Value>,
    /// Where the requirement comes from, for documentation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Node {
    /// This node's value in an empty record: its `default`, else by its type
    /// (a group's children each empty, a list empty, anything else `null`).
    pub fn empty_value(&self) -> serde_json::Value {
        if let Some(d) = &self.default {
            return d.clone();
        }
        match self.kind {
            FieldType::Group if self.repeat.is_some() => serde_json::Value::Array(Vec::new()),
            FieldType::Group => self.empty_row(),
            FieldType::MultiChoice => serde_json::Value::Array(Vec::new()),
            _ => serde_json::Value::Null,
        }
    }

    /// An object of this group's children, each with its empty value: a group
    /// in an empty record, or a new entry of a repeated group.
    pub fn empty_row(&self) -> serde_json::Value {
        serde_json::Value::Object(
            self.items
                .iter()
                .map(|c| (c.id.clone(), c.empty_value()))
                .collect(),
        )
    }
}

fn default_true() -> bool {
    true
}

/// Counts of a repeated group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Repeat {
    /// Fewest sub-records.
    #[serde(default)]
    pub min: u64,
    /// Most sub-records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u64>,
}

/// One option of a choice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Stored value.
    pub value: String,
    /// Label shown.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub title: Text,
    /// Points earned by choosing it (the weight of this answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// Choosing it marks a scored `choice` not applicable: the item leaves the
    /// denominator, as `na` does for a checklist item.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub na: bool,
}

/// Evidence a checklist item needs when it claims to be met.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// Statuses that need evidence (default: `met` and `partial`).
    #[serde(default = "default_evidence_statuses")]
    pub required_for: Vec<String>,
    /// Shortest acceptable evidence text, in characters (default 1).
    #[serde(default = "default_one")]
    pub min_length: u64,
}

fn default_evidence_statuses() -> Vec<String> {
    vec!["met".to_owned(), "partial".to_owned()]
}

fn default_one() -> u64 {
    1
}
