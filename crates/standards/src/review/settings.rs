//! The review's data: the negative list, the department matrix and the time
//! windows, read from a form's settings (`Form::settings()`, `{name: value}`).
//! A setting a custom spec leaves out falls back to the built-in form's value.

use dangjian_core::spec::read::{deserialize_by, list, object, string, text, variant, Json, Read};
use dangjian_core::Text;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One item of the "十不选" negative list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NegativeItem {
    /// Item number as text, e.g. `"9"`.
    pub id: String,
    /// Short title.
    pub title: Text,
    /// Full wording.
    pub description: Text,
}

/// Which candidates a department checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Applies {
    /// Every candidate.
    #[default]
    All,
    /// Only candidates who run an enterprise (市场监管, 税务, 社保 …).
    Enterprise,
}

/// One reviewing department and the negative-list items it checks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Department {
    /// Stable id, the value of the `department` choice in an answer.
    pub id: String,
    /// Name shown.
    #[serde(default)]
    pub title: Text,
    /// Ids of the negative-list items it checks.
    pub items: Vec<String>,
    /// Which candidates it checks.
    pub applies: Applies,
}

const NEGATIVE_ITEM: &[&str] = &["id", "title", "description"];

impl NegativeItem {
    /// Reads an item from JSON: `id` required, the texts empty when absent;
    /// other properties are ignored.
    pub fn read(value: &Json<'_>) -> Read<NegativeItem> {
        object(value, "struct NegativeItem", NEGATIVE_ITEM, |f| {
            let mut id = None;
            let mut n = NegativeItem {
                id: String::new(),
                title: Text::default(),
                description: Text::default(),
            };
            for (k, v) in f.entries() {
                match k {
                    "id" => id = f.take(k, string(v)),
                    "title" => f.set(k, &mut n.title, text(v)),
                    "description" => f.set(k, &mut n.description, text(v)),
                    _ => {}
                }
            }
            n.id = f.need("id", id);
            n
        })
    }
}

impl Applies {
    /// The name in JSON: `all`, `enterprise`.
    pub fn name(self) -> &'static str {
        match self {
            Applies::All => "all",
            Applies::Enterprise => "enterprise",
        }
    }

    /// Reads the name from JSON.
    pub fn read(value: &Json<'_>) -> Read<Applies> {
        variant(value, &[Applies::All, Applies::Enterprise], Applies::name)
    }
}

const DEPARTMENT: &[&str] = &["id", "title", "items", "applies"];

impl Department {
    /// Reads a department from JSON: `id` required, the others empty or
    /// `all` when absent; other properties are ignored.
    pub fn read(value: &Json<'_>) -> Read<Department> {
        object(value, "struct Department", DEPARTMENT, |f| {
            let mut id = None;
            let mut d = Department {
                id: String::new(),
                title: Text::default(),
                items: Vec::new(),
                applies: Applies::default(),
            };
            for (k, v) in f.entries() {
                match k {
                    "id" => id = f.take(k, string(v)),
                    "title" => f.set(k, &mut d.title, text(v)),
                    "items" => f.set(k, &mut d.items, list(v, string)),
                    "applies" => f.set(k, &mut d.applies, Applies::read(v)),
                    _ => {}
                }
            }
            d.id = f.need("id", id);
            d
        })
    }
}

deserialize_by!(NegativeItem, NegativeItem::read);
deserialize_by!(Applies, Applies::read);
deserialize_by!(Department, Department::read);

/// Everything the verdict needs from the settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewSettings {
    /// The negative list (`negative_list`).
    pub negative_list: Vec<NegativeItem>,
    /// The department matrix (`review_departments`).
    pub departments: Vec<Department>,
    /// Age a candidate must have reached on election day (`min_age`).
    pub min_age: i64,
    /// Every `window_<event>_years` setting, by event id.
    pub windows: Vec<(String, f64)>,
}

/// The built-in form's settings as `{name: value}`.
pub(crate) fn builtin_values() -> &'static Value {
    crate::builtin_settings::of(super::FORM_ID)
}

/// The list setting `name` from `values`, else from `builtin`, else empty.
fn parse_list<T>(
    values: &Value,
    builtin: &Value,
    name: &str,
    item: fn(&Json<'_>) -> Read<T>,
) -> Vec<T> {
    let read = |from: &Value| from.get(name).and_then(|v| list(&Json::view(v), item).ok());
    read(values).or_else(|| read(builtin)).unwrap_or_default()
}

impl ReviewSettings {
    /// Reads the settings of a form (`{name: value}`); what is missing or
    /// malformed falls back to the built-in form's value.
    pub fn from_values(values: &Value) -> ReviewSettings {
        let builtin = builtin_values();
        let get = |name: &str| {
            values
                .get(name)
                .filter(|v| !v.is_null())
                .or_else(|| builtin.get(name))
        };
        let negative_list = parse_list(values, builtin, "negative_list", NegativeItem::read);
        let departments = parse_list(values, builtin, "review_departments", Department::read);
        let min_age = get("min_age").and_then(Value::as_i64).unwrap_or(18);
        let mut windows: Vec<(String, f64)> = Vec::new();
        for source in [values, builtin] {
            let Some(map) = source.as_object() else {
                continue;
            };
            for (k, v) in map {
                let Some(event) = k
                    .strip_prefix("window_")
                    .and_then(|r| r.strip_suffix("_years"))
                else {
                    continue;
                };
                if let (Some(years), false) = (v.as_f64(), windows.iter().any(|(e, _)| e == event))
                {
                    windows.push((event.to_owned(), years));
                }
            }
        }
        ReviewSettings {
            negative_list,
            departments,
            min_age,
            windows,
        }
    }

    /// The built-in form's settings.
    pub fn builtin() -> ReviewSettings {
        ReviewSettings::from_values(&Value::Null)
    }

    /// The department `id`.
    pub fn department(&self, id: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    /// The negative-list item `id`.
    pub fn item(&self, id: &str) -> Option<&NegativeItem> {
        self.negative_list.iter().find(|i| i.id == id)
    }

    /// Years within which `event` counts against a candidate; `None` when it has no window.
    pub fn window_years(&self, event: &str) -> Option<f64> {
        self.windows
            .iter()
            .find(|(e, _)| e == event)
            .map(|(_, y)| *y)
            .filter(|y| *y > 0.0)
    }

    /// The departments that must answer for a candidate who does (or does not) run an enterprise.
    pub fn required_departments(&self, runs_enterprise: bool) -> impl Iterator<Item = &Department> {
        self.departments
            .iter()
            .filter(move |d| d.applies == Applies::All || runs_enterprise)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn builtin_has_the_ten_items_and_the_windows() {
        let s = ReviewSettings::builtin();
        assert_eq!(s.negative_list.len(), 10);
        assert!(s
            .department("court")
            .is_some_and(|d| d.items.contains(&"9".to_owned())));
        assert_eq!(s.window_years("criminal_sentence"), Some(5.0));
        assert_eq!(s.window_years("party_post_removal"), Some(2.0));
        assert_eq!(s.window_years("none"), None);
        assert_eq!(s.min_age, 18);
    }

    #[test]
    fn given_values_win_and_missing_ones_fall_back() {
        let s = ReviewSettings::from_values(&json!({
            "review_departments": [{"id": "court", "title": "法院", "items": ["9"]}],
            "window_criminal_sentence_years": 3,
            "min_age": 20
        }));
        assert_eq!(s.departments.len(), 1);
        assert_eq!(s.window_years("criminal_sentence"), Some(3.0));
        assert_eq!(s.window_years("organised_crime"), Some(5.0));
        assert_eq!(s.negative_list.len(), 10);
        assert_eq!(s.min_age, 20);
        let bad = ReviewSettings::from_values(&json!({"review_departments": "nonsense"}));
        assert_eq!(
            bad.departments.len(),
            ReviewSettings::builtin().departments.len()
        );
    }
}
