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
    /// Any of a list of values (a list default), each with its label.
    Choices(Vec<(Value, Text)>),
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
        if let (Kind::Choices(options), Value::Array(list)) = (&self.kind, value) {
            let one = Row {
                kind: Kind::Choice(options.clone()),
                ..self.clone()
            };
            return list
                .iter()
                .map(|v| one.show(v, l))
                .collect::<Vec<_>>()
                .join("、");
        }
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
    let kind = if !options.is_empty() && default.is_array() {
        Kind::Choices(options)
    } else if !options.is_empty() {
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

/// The editor's own form, as a spec our engine compiles: one section per
/// group of settings (ids `g0`, `g1`…), one field per setting (its name as the
/// id) with the setting's type, title, help, source, range and default. A
/// choice's values travel as text (see [`option_key`]); a list or an object is
/// edited as JSON text. `l` picks the language of the unit shown beside a number.
pub fn settings_spec(spec: &Spec, l: Locale) -> Value {
    let rows = rows(spec);
    let sections: Vec<Value> = grouped(&rows)
        .iter()
        .enumerate()
        .map(|(i, (group, list))| {
            let mut section = Map::new();
            section.insert("id".into(), Value::String(format!("g{i}")));
            section.insert("type".into(), Value::String("group".into()));
            if !group.is_empty() {
                section.insert(
                    "title".into(),
                    serde_json::to_value(group).unwrap_or_default(),
                );
            }
            let items: Vec<Value> = list.iter().map(|row| field(row, l)).collect();
            section.insert("items".into(), Value::Array(items));
            Value::Object(section)
        })
        .collect();
    let mut out = Map::new();
    out.insert("id".into(), Value::String(format!("{}-settings", spec.id)));
    out.insert("version".into(), Value::String(spec.version.clone()));
    out.insert(
        "title".into(),
        serde_json::to_value(&spec.title).unwrap_or_default(),
    );
    out.insert("sections".into(), Value::Array(sections));
    Value::Object(out)
}

/// The field of one setting in [`settings_spec`].
fn field(row: &Row, l: Locale) -> Value {
    let mut f = Map::new();
    let put = |f: &mut Map<String, Value>, key: &str, v: Value| {
        f.insert(key.to_owned(), v);
    };
    put(&mut f, "id", Value::String(row.name.clone()));
    let kind = match &row.kind {
        Kind::Boolean => "boolean",
        Kind::Integer => "integer",
        Kind::Number => "decimal",
        Kind::Text => "text",
        Kind::Choice(_) => "choice",
        Kind::Choices(_) => "multi_choice",
        Kind::Json => "textarea",
    };
    put(&mut f, "type", Value::String(kind.into()));
    let title = if row.title.is_empty() {
        Value::String(row.name.clone())
    } else {
        serde_json::to_value(&row.title).unwrap_or_default()
    };
    put(&mut f, "title", title);
    if !row.help.is_empty() {
        put(
            &mut f,
            "help",
            serde_json::to_value(&row.help).unwrap_or_default(),
        );
    }
    if !row.source.is_empty() {
        put(&mut f, "source", Value::String(row.source.clone()));
    }
    if matches!(row.kind, Kind::Integer | Kind::Number) {
        let num = |x: f64| serde_json::Number::from_f64(x).map(Value::Number);
        if let Some(min) = row.min.and_then(num) {
            put(&mut f, "min", min);
        }
        if let Some(max) = row.max.and_then(num) {
            put(&mut f, "max", max);
        }
        if !row.unit.is_empty() {
            let mut ui = Map::new();
            ui.insert("unit".into(), Value::String(row.unit.get(l).to_owned()));
            put(&mut f, "ui", Value::Object(ui));
        }
    }
    if let Kind::Choice(options) | Kind::Choices(options) = &row.kind {
        let list = options
            .iter()
            .map(|(v, label)| {
                let mut o = Map::new();
                o.insert("value".into(), Value::String(option_key(v)));
                if !label.is_empty() {
                    o.insert(
                        "title".into(),
                        serde_json::to_value(label).unwrap_or_default(),
                    );
                }
                Value::Object(o)
            })
            .collect();
        put(&mut f, "options", Value::Array(list));
    }
    let default = field_value(row, &row.default);
    if !default.is_null() {
        put(&mut f, "default", default);
    }
    Value::Object(f)
}

/// A choice's value as the text its option carries in [`settings_spec`].
pub fn option_key(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A setting's value as its field in [`settings_spec`] holds it.
pub fn field_value(row: &Row, value: &Value) -> Value {
    match (&row.kind, value) {
        (_, Value::Null) => Value::Null,
        (Kind::Choice(_), v) => Value::String(option_key(v)),
        (Kind::Choices(_), Value::Array(list)) => {
            Value::Array(list.iter().map(|v| Value::String(option_key(v))).collect())
        }
        (Kind::Json, v) => Value::String(as_text(v)),
        (_, v) => v.clone(),
    }
}

/// A value the field of `row` gives back as the setting's value: a choice's
/// text as the option's own value, a whole number as an integer, JSON text
/// read (or why it cannot be read).
pub fn setting_value(row: &Row, value: Value, l: Locale) -> Result<Value, String> {
    match (&row.kind, value) {
        (_, Value::Null) => Ok(Value::Null),
        (Kind::Choice(options), v) => {
            let key = option_key(&v);
            Ok(options
                .iter()
                .find(|(o, _)| option_key(o) == key)
                .map_or(v, |(o, _)| o.clone()))
        }
        (Kind::Choices(options), Value::Array(list)) => Ok(Value::Array(
            list.into_iter()
                .map(|v| {
                    let key = option_key(&v);
                    options
                        .iter()
                        .find(|(o, _)| option_key(o) == key)
                        .map_or(v, |(o, _)| o.clone())
                })
                .collect(),
        )),
        (Kind::Json, Value::String(text)) => parse(row, &text, l),
        (Kind::Integer | Kind::Number, Value::Number(n)) => Ok(match n.as_f64() {
            Some(x) if n.is_f64() && x.fract() == 0.0 && x.abs() < 9.0e15 => Value::from(x as i64),
            _ => Value::Number(n),
        }),
        (_, v) => Ok(v),
    }
}

/// JSON Pointer of each setting's field in [`settings_spec`], by name.
pub fn field_paths(rows: &[Row]) -> Vec<(String, String)> {
    grouped(rows)
        .iter()
        .enumerate()
        .flat_map(|(i, (_, list))| {
            list.iter()
                .map(move |row| (row.name.clone(), format!("/g{i}/{}", row.name)))
        })
        .collect()
}

/// The record of [`settings_spec`] for these values (a setting not in
/// `values` at its default; `typed` gives the JSON text of a setting not read yet).
pub fn record(
    rows: &[Row],
    values: &Map<String, Value>,
    typed: &dyn Fn(&str) -> Option<String>,
) -> Value {
    let mut out = Map::new();
    for (i, (_, list)) in grouped(rows).iter().enumerate() {
        let mut section = Map::new();
        for row in list {
            let value = match typed(&row.name) {
                Some(text) => Value::String(text),
                None => field_value(row, values.get(&row.name).unwrap_or(&row.default)),
            };
            section.insert(row.name.clone(), value);
        }
        out.insert(format!("g{i}"), Value::Object(section));
    }
    Value::Object(out)
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
            let n = dangjian_core::decimal::parse_f64(&tidy)
                .ok_or_else(|| tr(l, "请填写数字", "Enter a number").to_owned())?;
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
        Kind::Json => dangjian_core::json_text::from_str(text).map_err(|e| {
            format!(
                "{}{}, {}{}",
                tr(l, "不是有效的 JSON：第 ", "Not valid JSON: line "),
                e.line,
                tr(l, "列 ", "column "),
                e.column
            )
        }),
        Kind::Text => Ok(Value::String(text.to_owned())),
        Kind::Boolean | Kind::Choice(_) | Kind::Choices(_) => Err(String::new()),
    }
}

/// The text an input shows for `value`.
pub fn as_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Array(_) | Value::Object(_) => {
            dangjian_core::json_writer::to_string_pretty(value).unwrap_or_default()
        }
        other => other.to_string(),
    }
}

/// The settings a file gives: `{name: value}`, `{"settings": {name: value}}`,
/// or a whole spec of the same form (its settings' values). Unknown names are an error.
pub fn read_file(text: &str, spec: &Spec, l: Locale) -> Result<Map<String, Value>, String> {
    let tr = crate::i18n::tr;
    let value: Value = dangjian_core::json_text::from_str(text).map_err(|e| {
        format!(
            "{}{}, {}{}",
            tr(
                l,
                "文件不是有效的 JSON：第 ",
                "The file is not valid JSON: line "
            ),
            e.line,
            tr(l, "列 ", "column "),
            e.column
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

    #[test]
    fn the_settings_form_of_every_builtin_form_compiles() {
        let engine = dangjian_standards::engine();
        let forms = dangjian_standards::catalog::builtin_forms();
        assert!(!forms.is_empty());
        let mut with_settings = 0;
        for f in forms {
            let form = engine.compile_str(f.spec).unwrap();
            let rows = rows(form.spec());
            for l in [Locale::ZhCn, Locale::En] {
                let spec = settings_spec(form.spec(), l);
                let editor = engine
                    .compile(&spec)
                    .unwrap_or_else(|e| panic!("{}: {:?}", f.id, e.diagnostics));
                assert!(
                    editor.warnings().is_empty(),
                    "{}: {:?}",
                    f.id,
                    editor.warnings()
                );
                // The defaults are a record the engine accepts.
                let report = editor.validate(
                    &record(&rows, &Map::new(), &|_| None),
                    &dangjian_core::ValidateOptions::with_locale(l),
                );
                assert!(report.valid, "{}: {:?}", f.id, report.issues);
            }
            with_settings += usize::from(!rows.is_empty());
        }
        assert!(with_settings > 0);
    }

    #[test]
    fn an_out_of_range_value_is_the_engines_issue_at_the_setting() {
        let engine = dangjian_standards::engine();
        let f = dangjian_standards::catalog::builtin("branch-checklist").unwrap();
        let form = engine.compile_str(f.spec).unwrap();
        let rows = rows(form.spec());
        let editor = engine
            .compile(&settings_spec(form.spec(), Locale::ZhCn))
            .unwrap();
        let values = json!({"grade_stars_five_min": 150});
        let report = editor.validate(
            &record(&rows, values.as_object().unwrap(), &|_| None),
            &dangjian_core::ValidateOptions::with_locale(Locale::En),
        );
        let at = field_paths(&rows)
            .into_iter()
            .find(|(name, _)| name == "grade_stars_five_min")
            .unwrap()
            .1;
        let issue = report.issues.iter().find(|i| i.path == at).unwrap();
        assert!(!issue.message.is_empty());
        assert_eq!(report.issues.len(), 1, "{:?}", report.issues);
        let row = rows
            .iter()
            .find(|r| r.name == "grade_stars_five_min")
            .unwrap();
        assert_eq!(setting_value(row, json!(98.0), Locale::En), Ok(json!(98)));
    }

    #[test]
    fn a_fields_value_comes_back_as_the_settings_value() {
        let meta = json!({"value": 2, "options": [1, 2, {"value": 3, "title": "三"}]});
        let r = row("c".into(), meta.as_object().unwrap());
        assert_eq!(field_value(&r, &json!(3)), json!("3"));
        assert_eq!(setting_value(&r, json!("3"), Locale::ZhCn), Ok(json!(3)));
        let meta = json!({"value": ["a"], "options": ["a", "b"]});
        let r = row("m".into(), meta.as_object().unwrap());
        assert!(matches!(r.kind, Kind::Choices(_)));
        assert_eq!(
            setting_value(&r, json!(["b", "a"]), Locale::ZhCn),
            Ok(json!(["b", "a"]))
        );
        let meta = json!({"value": [90, 80]});
        let r = row("j".into(), meta.as_object().unwrap());
        assert_eq!(field_value(&r, &json!([1])), json!("[\n  1\n]"));
        assert_eq!(
            setting_value(&r, json!("[1, 2]"), Locale::En),
            Ok(json!([1, 2]))
        );
        assert!(setting_value(&r, json!("[1,"), Locale::En).is_err());
    }
}
