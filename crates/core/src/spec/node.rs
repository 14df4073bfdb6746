//! Sections, groups and fields: the tree of a form.

use super::field_type::{FieldType, Property};
use super::rule::{Logic, Rule};
use super::scoring::ItemScore;
use crate::text::Text;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// A node of the form tree: a section, a group, or a field.
#[derive(Debug, PartialEq, Default, Serialize, JsonSchema)]
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
    /// The type of each value of a `list` (a plain type: text, number, date,
    /// choice…; default `text`). The list's `min_length`, `max_length`,
    /// `pattern`, `min`, `max`, `step`, `earliest`, `latest` and `options`
    /// apply to each value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<FieldType>,
    /// Fewest values in a `list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u64>,
    /// Most values in a `list`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u64>,
    /// The values of a `list` must differ from each other.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unique: bool,
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

impl Clone for Node {
    fn clone(&self) -> Node {
        Node {
            items: self.items.clone(),
            ..self.without_items()
        }
    }
}

impl Node {
    /// A copy of this node without its children: what a plan keeps of each
    /// node (its children are planned apart), at the cost of one node, not of
    /// its subtree. Each field is copied out of line ([`cloned`]), so the
    /// copy, made for every node of a spec, stays small code.
    pub fn without_items(&self) -> Node {
        let Node {
            id,
            kind,
            title,
            help,
            placeholder,
            required,
            required_if,
            visible_if,
            enabled_if,
            items: _,
            repeat,
            min_length,
            max_length,
            min,
            max,
            step,
            earliest,
            latest,
            pattern,
            one_of,
            options,
            min_count,
            max_count,
            of,
            min_items,
            max_items,
            unique,
            evidence,
            allow_na,
            score,
            rules,
            messages,
            default,
            ui,
            source,
        } = self;
        Node {
            id: cloned(id),
            kind: *kind,
            title: cloned(title),
            help: cloned(help),
            placeholder: cloned(placeholder),
            required: *required,
            required_if: cloned(required_if),
            visible_if: cloned(visible_if),
            enabled_if: cloned(enabled_if),
            items: Vec::new(),
            repeat: *repeat,
            min_length: *min_length,
            max_length: *max_length,
            min: *min,
            max: *max,
            step: *step,
            earliest: cloned(earliest),
            latest: cloned(latest),
            pattern: cloned(pattern),
            one_of: cloned(one_of),
            options: cloned(options),
            min_count: *min_count,
            max_count: *max_count,
            of: *of,
            min_items: *min_items,
            max_items: *max_items,
            unique: *unique,
            evidence: cloned(evidence),
            allow_na: *allow_na,
            score: cloned(score),
            rules: cloned(rules),
            messages: cloned(messages),
            default: cloned(default),
            ui: cloned(ui),
            source: cloned(source),
        }
    }

    /// This node's value in an empty record: its `default`, else by its type
    /// (a group's children each empty, a list empty, anything else `null`).
    pub fn empty_value(&self) -> serde_json::Value {
        if let Some(d) = &self.default {
            return d.clone();
        }
        match self.kind.empty_value() {
            Some(v) => v,
            None if self.repeat.is_some() => serde_json::Value::Array(Vec::new()),
            None => self.empty_row(),
        }
    }

    /// The type whose checks apply to each value: a `list`'s `of` (default
    /// `text`), else the node's own type.
    pub fn item_type(&self) -> FieldType {
        if self.kind.applies(Property::ListItems) {
            self.of.unwrap_or(FieldType::Text)
        } else {
            self.kind
        }
    }

    /// An object of this group's children, each with its empty value: a group
    /// in an empty record, or a new entry of a repeated group.
    pub fn empty_row(&self) -> serde_json::Value {
        Node::empty_object(&self.items)
    }

    /// An object with each node's id and empty value.
    ///
    /// (Inserted one by one, as a later id replaces an earlier one in a
    /// `collect()` too: a `collect()` into the map sorts its entries first, with a
    /// copy of the sort and of the map's bulk building of its own.)
    pub(crate) fn empty_object(nodes: &[Node]) -> serde_json::Value {
        let mut out = serde_json::Map::new();
        for n in nodes {
            out.insert(n.id.clone(), n.empty_value());
        }
        serde_json::Value::Object(out)
    }
}

fn default_true() -> bool {
    true
}

/// Counts of a repeated group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
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

/// `value.clone()`, out of line: one small function per field type, where the
/// copy of every field inlined made [`Node::without_items`] 5 KB of code,
/// which V8 charges in full at each call toward compiling it again with its
/// optimizing tier.
#[inline(never)]
fn cloned<T: Clone>(value: &T) -> T {
    value.clone()
}
