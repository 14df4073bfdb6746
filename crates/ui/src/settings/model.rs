//! The settings of a spec as rows of the editor: name, title, help, source,
//! unit, group, kind, default and range.
//!
//! A setting's metadata is read from its JSON, so every field the spec
//! declares (`help`, `type`, `unit`, `min`, `max`, `options`, `group`) is
//! used when present; without `type` the kind is inferred from the default.

use dangjian_core::{Locale, Spec, Text};
use serde_json::{Map, Value};

/// How a setting's value is edited.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Yes / no.
    Boolean,
    /// A whole number.
    Integer,
    /// Any number.
    Number,
    /// Free text.
    Text,
    /// One of a list of values, each with its label.
    Choice(Vec<(Value, Text)>),
    /// A list or an object, edited as JSON text.
    Json,
}

/// One setting, as the editor shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The setting's name (the key under `settings`).
    pub name: String,
    /// What it means.
    pub title: Text,
    /// A longer explanation.
    pub help: Text,
    /// Where the default comes from.
    pub source: String,
    /// The unit of a number (人, %, 小时…).
    pub unit: Text,
    /// The group it is shown in (empty: the general group).
    pub group: Text,
    /// How it is edited.
    pub kind: Kind,
    /// The spec's value: the default a reset goes back to.
    pub default: Value,
    /// Smallest allowed number.
    pub min: Option<f64>,
    /// Largest allowed number.
    pub max: Option<f64>,
}

impl Row {
    /// The value as people read it (`是` / `否`, a choice's label, JSON for lists).
    pub fn show(&self, value: &Value, l: Locale) -> String {
        if let Kind::Choice(options) = &self.kind {
            if let Some((_, label)) = options.iter().find(|(v, _)| v == value) {
                if !label.is_empty() {
                    return label.get(l).to_owned();
                }
            }
        }
        match value {
            Value::Bool(b) => crate::i18n::yes_no(l, *b).to_owned(),
            Value::String(s) => s.clone(),
            Value::Null => "—".to_owned(),
            other => other.to_string(),
        }
    }

    /// The allowed range in words (`1–7`, `≥ 0`), with the unit; empty when unbounded.
    pub fn range(&self, l: Locale) -> String {
        let unit = self.unit.get(l);
        let n = |x: f64| dangjian_core::number::Num(x).to_string();
        let range = match (self.min, self.max) {
            (Some(a), Some(b)) => format!("{}–{}", n(a), n(b)),
            (Some(a), None) => format!("≥ {}", n(a)),
            (None, Some(b)) => format!("≤ {}", n(b)),
            (None, None) => return String::new(),
        };
        if unit.is_empty() {
            range
        } else {
            format!("{range} {unit}")
        }
    }
}

/// The rows of every setting of `spec`, in the spec's order of names.
pub fn rows(spec: &Spec) -> Vec<Row> {
    let Ok(Value::Object(settings)) = serde_json::to_value(&spec.settings) else {
        return Vec::new();
    };
    settings
        .into_iter()
        .filter_map(|(name, setting)| match setting {
            Value::Object(meta) => Some(row(name, &meta)),
            _ => None,
        })
        .collect()
}

/// The groups of `rows` in order of first appearance, each with its rows.
pub fn grouped(rows: &[Row]) -> Vec<(Text, Vec<&Row>)> {
    let mut groups: Vec<(Text, Vec<&Row>)> = Vec::new();
    for row in rows {
        match groups.iter_mut().find(|(g, _)| *g == row.group) {
            Some((_, list)) => list.push(row),
            None => groups.push((row.group.clone(), vec![row])),
        }
    }
    groups
}

fn text(meta: &Map<String, Value>, key: &str) -> Text {
    meta.get(key)
        .and_then(|v| serde_json::from_value::<Text>(v.clone()).ok())
        .unwrap_or_default()
}

fn row(name: String, meta: &Map<String, Value>) -> Row {
    let default = meta.get("value").cloned().unwrap_or(Value::Null);
    let options: Vec<(Value, Text)> = meta
        .get("options")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .map(|o| match o {
                    Value::Object(m) if m.contains_key("value") => (
                        m.get("value").cloned().unwrap_or(Value::Null),
                        m.get("title")
                            .and_then(|t| serde_json::from_value::<Text>(t.clone()).ok())
                            .unwrap_or_default(),
                    ),
                    other => (other.clone(), Text::Empty),
                })
                .collect()
        })
        .unwrap_or_default();
    let declared = meta.get("type").and_then(Value::as_str).unwrap_or("");
    let kind = if !options.is_empty() {
        Kind::Choice(options)
    } else {
        match declared {
            "boolean" | "bool" => Kind::Boolean,
            "integer" | "int" => Kind::Integer,
            "number" | "percent" => Kind::Number,
            "string" | "text" | "date" | "time" => Kind::Text,
            "array" | "object" | "list" | "json" => Kind::Json,
            _ => inferred(&default),
        }
    };
    Row {
        title: text(meta, "title"),
        help: text(meta, "help"),
        source: meta
            .get("source")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned(),
        unit: text(meta, "unit"),
        group: text(meta, "group"),
        kind,
        min: meta.get("min").and_then(Value::as_f64),
        max: meta.get("max").and_then(Value::as_f64),
        default,
        name,
    }
}

/// The kind a value's type suggests.
fn inferred(value: &Value) -> Kind {
    match value {
        Value::Bool(_) => Kind::Boolean,
        Value::Number(n) if n.is_i64() || n.is_u64() => Kind::Integer,
        Value::Number(_) => Kind::Number,
        Value::String(_) => Kind::Text,
        _ => Kind::Json,
    }
}

/// Reads `text` typed for `row` into a value, or says why it cannot be one.
pub fn parse(row: &Row, text: &str, l: Locale) -> Result<Value, String> {
    let text = text.trim();
    let tr = crate::i18n::tr;
    match &row.kind {
        Kind::Integer | Kind::Number => {
            let tidy: String = text
                .chars()
                .map(crate::normalize::half_width)
                .filter(|c| !c.is_whitespace())
                .map(|c| if c == '。' { '.' } else { c })
                .collect();
            let n: f64 = tidy
                .parse()
                .map_err(|_| tr(l, "请填写数字", "Enter a number").to_owned())?;
            if !n.is_finite() {
                return Err(tr(l, "请填写数字", "Enter a number").to_owned());
            }
            if row.kind == Kind::Integer {
                if n.fract() != 0.0 {
                    return Err(tr(l, "请填写整数", "Enter a whole number").to_owned());
                }
                return Ok(Value::from(n as i64));
            }
            // 98, not 98.0: whole numbers are written as integers, as a person would.
            if n.fract() == 0.0 && n.abs() < 9.0e15 {
                return Ok(Value::from(n as i64));
            }
            Ok(serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number))
        }
        Kind::Json => serde_json::from_str(text).map_err(|e| {
            format!(
                "{}{}, {}{}",
                tr(l, "不是有效的 JSON：第 ", "Not valid JSON: line "),
                e.line(),
                tr(l, "列 ", "column "),
                e.column()
            )
        }),
        Kind::Text => Ok(Value::String(text.to_owned())),
        Kind::Boolean | Kind::Choice(_) => Err(String::new()),
    }
}

/// The text an input shows for `value`.
pub fn as_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Array(_) | Value::Object(_) => {
            serde_json::to_string_pretty(value).unwrap_or_default()
        }
        other => other.to_string(),
    }
}

/// The settings a file gives: `{name: value}`, `{"settings": {name: value}}`,
/// or a whole spec of the same form (its settings' values). Unknown names are an error.
pub fn read_file(text: &str, spec: &Spec, l: Locale) -> Result<Map<String, Value>, String> {
    let tr = crate::i18n::tr;
    let value: Value = serde_json::from_str(text).map_err(|e| {
        format!(
            "{}{}, {}{}",
            tr(
                l,
                "文件不是有效的 JSON：第 ",
                "The file is not valid JSON: line "
            ),
            e.line(),
            tr(l, "列 ", "column "),
            e.column()
        )
    })?;
    let Value::Object(mut object) = value else {
        return Err(tr(l, "文件中不是一组设置", "The file does not hold settings").to_owned());
    };
    let values: Map<String, Value> = if object.contains_key("sections") {
        if let Some(id) = object.get("id").and_then(Value::as_str) {
            if id != spec.id {
                return Err(format!(
                    "{}“{id}”{}",
                    tr(l, "这是另一张表单", "This is the spec of another form "),
                    tr(l, "的定义", "")
                ));
            }
        }
        match object.remove("settings") {
            Some(Value::Object(settings)) => settings
                .into_iter()
                .map(|(k, v)| {
                    let value = v.get("value").cloned().unwrap_or(Value::Null);
                    (k, value)
                })
                .collect(),
            _ => Map::new(),
        }
    } else if let Some(Value::Object(settings)) = object.remove("settings") {
        settings
    } else {
        object
    };
    let unknown: Vec<&String> = values
        .keys()
        .filter(|k| !spec.settings.contains_key(k.as_str()))
        .collect();
    if !unknown.is_empty() {
        return Err(format!(
            "{}{}",
            tr(l, "表单没有这些设置：", "The form has no settings named: "),
            unknown
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn kinds_are_declared_or_inferred() {
        let meta = json!({"value": 3, "title": "n", "min": 1, "max": 7, "unit": "人"});
        let r = row("n".into(), meta.as_object().unwrap());
        assert_eq!(r.kind, Kind::Integer);
        assert_eq!(r.range(Locale::ZhCn), "1–7 人");
        let meta =
            json!({"value": "stars", "options": ["stars", {"value": "words", "title": "文字"}]});
        let r = row("s".into(), meta.as_object().unwrap());
        assert!(matches!(r.kind, Kind::Choice(ref o) if o.len() == 2));
        assert_eq!(r.show(&json!("words"), Locale::ZhCn), "文字");
        let meta = json!({"value": [90, 80]});
        assert_eq!(row("b".into(), meta.as_object().unwrap()).kind, Kind::Json);
    }

    #[test]
    fn typed_numbers_are_read_and_checked() {
        let meta = json!({"value": 3});
        let r = row("n".into(), meta.as_object().unwrap());
        assert_eq!(parse(&r, "５", Locale::ZhCn), Ok(json!(5)));
        assert!(parse(&r, "2.5", Locale::ZhCn).is_err());
        assert!(parse(&r, "x", Locale::En).is_err());
    }
}
