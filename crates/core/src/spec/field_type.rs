//! Facts about each field type, in one place: its name, the shape of its
//! value, its value in an empty record, the properties that apply to it and
//! how it scores. Each fact is one exhaustive `match` over [`FieldType`], and
//! the rest of the engine (and the components) reads these facts rather than
//! matching on the type itself, so a new type is handled everywhere or does not
//! compile.

use schemars::JsonSchema;
use serde::Serialize;

/// What kind of value a node holds. `group` nodes hold other nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, JsonSchema)]
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
    /// A list of plain values, each of the type `of` (default `text`) and
    /// checked by the node's item properties: `["张三", "李四"]`.
    List,
}

impl FieldType {
    /// Every field type, in documentation order.
    pub const ALL: [FieldType; 21] = [
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
        FieldType::List,
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
            FieldType::List => "list",
        }
    }

    /// The shape of this type's value: what validation checks first and what
    /// expressions see.
    pub const fn shape(self) -> Shape {
        match self {
            FieldType::Group => Shape::Group,
            FieldType::Text | FieldType::Textarea => Shape::Text(TextKind::Plain),
            FieldType::Date => Shape::Text(TextKind::Moment(Moment::Date)),
            FieldType::Time => Shape::Text(TextKind::Moment(Moment::Time)),
            FieldType::Datetime => Shape::Text(TextKind::Moment(Moment::Datetime)),
            FieldType::Choice => Shape::Text(TextKind::Choice),
            FieldType::PersonName => Shape::Text(TextKind::PersonName),
            FieldType::CitizenId => Shape::Text(TextKind::Format(Format::CitizenId)),
            FieldType::Uscc => Shape::Text(TextKind::Format(Format::Uscc)),
            FieldType::Mobile => Shape::Text(TextKind::Mobile),
            FieldType::Email => Shape::Text(TextKind::Email),
            FieldType::Url => Shape::Text(TextKind::Url),
            FieldType::Integer => Shape::Number { integer: true },
            FieldType::Decimal => Shape::Number { integer: false },
            FieldType::Boolean => Shape::Boolean,
            FieldType::MultiChoice => Shape::Choices,
            FieldType::ChecklistItem => Shape::Checklist,
            FieldType::File => Shape::File,
            FieldType::Signature => Shape::Signature,
            FieldType::List => Shape::List,
        }
    }

    /// This type's value in an empty record when the node has no `default`:
    /// `None` for a group, whose value is made of its children's (or `[]`
    /// when it repeats).
    pub fn empty_value(self) -> Option<serde_json::Value> {
        match self.shape() {
            Shape::Group => None,
            Shape::Choices | Shape::List => Some(serde_json::Value::Array(Vec::new())),
            Shape::Text(_)
            | Shape::Number { .. }
            | Shape::Boolean
            | Shape::Checklist
            | Shape::File
            | Shape::Signature => Some(serde_json::Value::Null),
        }
    }

    /// True when `property` has an effect on a node of this type (elsewhere
    /// it is `spec.ignored_property`).
    pub const fn applies(self, property: Property) -> bool {
        let shape = self.shape();
        match property {
            Property::Items => matches!(shape, Shape::Group),
            Property::Length => matches!(shape, Shape::Text(_) | Shape::Checklist),
            Property::Pattern => matches!(shape, Shape::Text(_) | Shape::Checklist),
            Property::Range => matches!(shape, Shape::Number { .. }),
            Property::Bounds => matches!(shape, Shape::Text(TextKind::Moment(_))),
            Property::Options => matches!(shape, Shape::Text(TextKind::Choice) | Shape::Choices),
            Property::OptionNa => matches!(shape, Shape::Text(TextKind::Choice)),
            Property::Count => matches!(shape, Shape::Choices),
            Property::Evidence => matches!(shape, Shape::Checklist),
            Property::ListItems => matches!(shape, Shape::List),
            Property::ItemType => matches!(
                shape,
                Shape::Text(_) | Shape::Number { .. } | Shape::Boolean
            ),
        }
    }

    /// How a node of this type scores, or `None` when it cannot be scored
    /// (`spec.score_type`).
    pub const fn scoring(self) -> Option<ScoreBy> {
        match self.shape() {
            Shape::Checklist => Some(ScoreBy::Status),
            Shape::Text(TextKind::Choice) => Some(ScoreBy::Answer),
            Shape::Choices => Some(ScoreBy::Answers),
            Shape::Boolean => Some(ScoreBy::YesNo),
            Shape::Number { .. } | Shape::Group | Shape::List => Some(ScoreBy::Quantity),
            Shape::Text(_) | Shape::File | Shape::Signature => None,
        }
    }

    /// True for a group (plain or repeated): its value is made of its children's.
    pub const fn is_group(self) -> bool {
        matches!(self.shape(), Shape::Group)
    }

    /// True for types whose value is a string.
    pub const fn is_textual(self) -> bool {
        matches!(self.shape(), Shape::Text(_))
    }

    /// True for types whose value is a number.
    pub const fn is_numeric(self) -> bool {
        matches!(self.shape(), Shape::Number { .. })
    }

    /// True for types whose values are ordered by date or time (ISO strings compare in order).
    pub const fn is_temporal(self) -> bool {
        self.moment().is_some()
    }

    /// The kind of date or time of a temporal type.
    pub const fn moment(self) -> Option<Moment> {
        match self.shape() {
            Shape::Text(TextKind::Moment(m)) => Some(m),
            Shape::Text(_)
            | Shape::Group
            | Shape::Number { .. }
            | Shape::Boolean
            | Shape::Choices
            | Shape::Checklist
            | Shape::File
            | Shape::Signature
            | Shape::List => None,
        }
    }
}

/// The shape of a field's value in a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// An object of the children's values (a list of them when the group repeats).
    Group,
    /// A string, read as the [`TextKind`] says.
    Text(TextKind),
    /// A number; `integer` when it must be whole.
    Number {
        /// The number must be whole.
        integer: bool,
    },
    /// `true` or `false`.
    Boolean,
    /// An array of option values (`multi_choice`).
    Choices,
    /// `{status, evidence, remark, deductions}`.
    Checklist,
    /// `{name, size, sha256}`.
    File,
    /// `{name, date}`.
    Signature,
    /// An array of plain values of the node's item type (`of`).
    List,
}

/// How a string value is read and checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// Any text (length and pattern only).
    Plain,
    /// One of the node's `options`.
    Choice,
    /// A date or time in ISO form.
    Moment(Moment),
    /// An identification number with a check digit.
    Format(Format),
    /// A person's name.
    PersonName,
    /// A mainland mobile number.
    Mobile,
    /// An e-mail address.
    Email,
    /// A web address.
    Url,
}

/// The kinds of date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// `YYYY-MM-DD`.
    Date,
    /// `HH:MM` or `HH:MM:SS`.
    Time,
    /// `YYYY-MM-DDTHH:MM[:SS]`.
    Datetime,
}

/// Identification numbers with a check digit, checked by the domain formats
/// an engine installs (`standards`), else by their shape alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Citizen ID number (GB 11643).
    CitizenId,
    /// Unified social credit code (GB 32100).
    Uscc,
}

/// Node properties whose effect depends on the field type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Property {
    /// `items` and `repeat`.
    Items,
    /// `min_length`, `max_length`.
    Length,
    /// `pattern`.
    Pattern,
    /// `min`, `max`, `step`.
    Range,
    /// `earliest`, `latest`.
    Bounds,
    /// `options`.
    Options,
    /// `na` on an option.
    OptionNa,
    /// `min_count`, `max_count`.
    Count,
    /// `evidence`, `allow_na`.
    Evidence,
    /// `of`, `min_items`, `max_items`, `unique` (a list's own properties).
    ListItems,
    /// The type may be a list's item type (`of`): a plain value.
    ItemType,
}

/// How a scored node earns its points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreBy {
    /// By its status: met, partial, unmet, or na (out of the denominator).
    Status,
    /// By the score of the option chosen (`points`: the best option's by default).
    Answer,
    /// By the scores of the options chosen (`points`: the sum of the positive ones).
    Answers,
    /// All its points for yes, none for no.
    YesNo,
    /// `per_unit` points for each unit (the number, or the entries of a
    /// repeated group or a list), capped at `points`.
    Quantity,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_has_its_facts() {
        for t in FieldType::ALL {
            assert_eq!(t.empty_value().is_none(), t.is_group(), "{}", t.name());
            if t.applies(Property::Evidence) {
                assert_eq!(t.scoring(), Some(ScoreBy::Status));
            }
            assert!(!(t.is_textual() && t.is_numeric()));
        }
    }
}
