//! The effect of a county's settings on records: the examples shipped for a
//! form (`examples/<id>.json` of the package: the repository's example record and
//! the golden vectors' inputs) validated under the form's own settings and under
//! the new ones, and the records whose verdict, score or grade changes.

use dangjian_core::{Form, Locale, Report, ValidateOptions};
use serde_json::Value;

/// One record to re-check.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// Where it comes from (`examples/branch-checklist.json`, a vector's name).
    pub name: String,
    /// The date its rules use (`None`: the editor's today).
    pub today: Option<String>,
    /// The record.
    pub data: Value,
}

/// The examples of `id` in a package's `examples/<id>.json`
/// (`{"form", "examples": [{"name", "record"} | {"name", "input"}]}`) or in a
/// plain list of records / `{name?, today?, data}` given by the page. Inputs of
/// another form, or carrying their own settings or spec, are left out.
pub fn read_examples(value: &Value, id: &str) -> Vec<Example> {
    let list = match value {
        Value::Array(list) => list.as_slice(),
        Value::Object(o) => {
            if o.get("form")
                .and_then(Value::as_str)
                .is_some_and(|f| f != id)
            {
                return Vec::new();
            }
            o.get("examples")
                .and_then(Value::as_array)
                .map_or(&[][..], Vec::as_slice)
        }
        _ => &[],
    };
    list.iter()
        .enumerate()
        .filter_map(|(i, item)| example(item, id, i))
        .collect()
}

fn example(item: &Value, id: &str, index: usize) -> Option<Example> {
    let name = item
        .get("name")
        .and_then(Value::as_str)
        .map_or_else(|| format!("#{}", index + 1), str::to_owned);
    if let Some(record) = item.get("record") {
        return record.is_object().then(|| Example {
            name,
            today: None,
            data: record.clone(),
        });
    }
    let input = item.get("input").unwrap_or(item);
    let Value::Object(input) = input else {
        return None;
    };
    let Some(data) = input.get("data").filter(|d| d.is_object()) else {
        // A bare record given by the page.
        return Some(Example {
            name,
            today: None,
            data: Value::Object(input.clone()),
        });
    };
    let other_form = input
        .get("form")
        .and_then(Value::as_str)
        .is_some_and(|f| f != id);
    if other_form || input.contains_key("settings") || input.contains_key("spec_file") {
        return None;
    }
    Some(Example {
        name,
        today: input
            .get("today")
            .and_then(Value::as_str)
            .map(str::to_owned),
        data: data.clone(),
    })
}

/// What a record's report says, as far as a setting can change it.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// No error.
    pub valid: bool,
    /// Error issues.
    pub errors: usize,
    /// Warning issues.
    pub warnings: usize,
    /// The total score, for scored forms.
    pub total: Option<String>,
    /// The grade's id and title.
    pub grade: Option<(String, String)>,
    /// The spec's outcomes (a verdict such as 通过 / 待审).
    pub outcomes: serde_json::Map<String, Value>,
}

impl Verdict {
    fn of(report: &Report) -> Verdict {
        Verdict {
            valid: report.valid,
            errors: report.counts.errors,
            warnings: report.counts.warnings,
            total: report.score.as_ref().map(|s| s.total.to_string()),
            grade: report
                .score
                .as_ref()
                .and_then(|s| s.grade.as_ref())
                .map(|g| (g.id.clone(), g.title.clone())),
            outcomes: report.outcomes.clone(),
        }
    }

    /// One line for people: 有效 · 86 分 · 四星.
    pub fn words(&self, l: Locale) -> String {
        let tr = crate::i18n::tr;
        let mut parts = vec![if self.valid {
            tr(l, "有效", "valid").to_owned()
        } else {
            format!(
                "{}{}{}",
                tr(l, "无效（", "invalid ("),
                self.errors,
                tr(
                    l,
                    " 处错误）",
                    if self.errors == 1 {
                        " error)"
                    } else {
                        " errors)"
                    }
                )
            )
        }];
        if self.warnings > 0 {
            parts.push(format!("{}{}", tr(l, "提醒 ", "warnings "), self.warnings));
        }
        if let Some(total) = &self.total {
            parts.push(format!("{total}{}", tr(l, " 分", " pts")));
        }
        if let Some((_, title)) = &self.grade {
            parts.push(title.clone());
        }
        for value in self.outcomes.values() {
            match value {
                Value::String(s) => parts.push(s.clone()),
                Value::Object(o) => {
                    if let Some(t) = o.get("title").and_then(Value::as_str) {
                        parts.push(t.to_owned());
                    }
                }
                _ => {}
            }
        }
        parts.join(" · ")
    }
}

/// The verdict of `example` under `form`.
pub fn verdict(form: &Form, example: &Example, today: &str, l: Locale) -> Verdict {
    let options = ValidateOptions {
        today: Some(example.today.clone().unwrap_or_else(|| today.to_owned())),
        ..ValidateOptions::with_locale(l)
    };
    Verdict::of(&form.validate(&example.data, &options))
}

/// One example whose verdict changes.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The example's name.
    pub name: String,
    /// Under the form's own settings.
    pub before: Verdict,
    /// Under the new ones.
    pub after: Verdict,
}

/// The examples whose verdict differs between `before` (one per example) and `variant`.
pub fn changes(
    examples: &[Example],
    before: &[Verdict],
    variant: &Form,
    today: &str,
    l: Locale,
) -> Vec<Change> {
    examples
        .iter()
        .zip(before)
        .filter_map(|(example, before)| {
            let after = verdict(variant, example, today, l);
            (after != *before).then(|| Change {
                name: example.name.clone(),
                before: before.clone(),
                after,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn inputs_with_their_own_settings_or_another_form_are_left_out() {
        let shipped = json!({"form": "f", "examples": [
            {"name": "examples/f.json", "record": {"a": 1}},
            {"name": "valid", "input": {"form": "f", "today": "2026-11-22", "data": {"a": 2}}},
            {"name": "county", "input": {"form": "f", "settings": {"x": 1}, "data": {"a": 3}}},
            {"name": "other", "input": {"form": "g", "data": {"a": 4}}},
        ]});
        let list = read_examples(&shipped, "f");
        assert_eq!(list.len(), 2);
        assert_eq!(list[1].today.as_deref(), Some("2026-11-22"));
        assert!(read_examples(&shipped, "g").is_empty());
        let given = json!([{"a": 1}, {"name": "mine", "data": {"a": 2}}]);
        let list = read_examples(&given, "f");
        assert_eq!(list[0].name, "#1");
        assert_eq!(list[1].data, json!({"a": 2}));
    }
}
