//! Which form a record is of, and whether its date falls in the supervised
//! window. Records come bare (recognised by the section only their form has:
//! a checklist's `profile`, minutes' `meeting`) or in an envelope that names
//! the form: `{"form": "meeting-minutes", "data": {…}}`.
//!
//! Where each form keeps its date and how the window applies to it is data
//! (`forms.json`).

pub(super) use crate::ident::citizen_id::{iso, parse_iso_date as parse_date};
use crate::lookup::At;
use dangjian_core::dates::Date;
use serde::Deserialize;
use serde_json::Value;
use std::sync::OnceLock;

/// What a supervisor reads from a form's records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum Role {
    /// The branch standardization checklist.
    Checklist,
    /// Meeting minutes.
    Minutes,
    /// A rectification list (问题清单).
    Rectification,
    /// A member's points.
    Points,
    /// A candidate's joint review.
    Candidate,
    /// A secretary's annual review (述职评议).
    Secretary,
    /// A village decision (四议两公开): counted, no figure of its own.
    Decision,
}

/// Which dates of a form count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum Window {
    /// From the period's first day to the as-of date (or the period's last day).
    Period,
    /// Any day up to the as-of date: a rectification list drawn up last year
    /// still has items open this year, and a member's latest points may be
    /// last year's (published in January).
    UntilAsOf,
}

/// How a supervisor reads one form's records.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Plan {
    /// The form's id.
    pub(super) form: String,
    /// What the records give.
    pub(super) role: Role,
    /// The top-level section only this form's records have.
    pub(super) section: String,
    /// JSON Pointer of the record's date.
    pub(super) date: String,
    /// Which dates count.
    pub(super) window: Window,
}

/// Every supervised form's plan.
pub(super) fn plans() -> &'static [Plan] {
    static PARSED: OnceLock<Vec<Plan>> = OnceLock::new();
    PARSED.get_or_init(|| crate::json::read(include_str!("forms.json")).unwrap_or_default())
}

/// The plan of form `id`.
pub(super) fn plan(id: &str) -> Option<&'static Plan> {
    plans().iter().find(|p| p.form == id)
}

/// The supervised forms' ids, for messages.
pub(super) fn form_ids() -> String {
    plans()
        .iter()
        .map(|p| p.form.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A record recognised: its form and its data.
pub(super) struct Recognised<'a> {
    /// Form id.
    pub(super) form: &'a str,
    /// How the form is read.
    pub(super) plan: &'static Plan,
    /// The record itself (inside its envelope, if it has one).
    pub(super) data: &'a Value,
    /// Where the record came from, as its envelope says.
    pub(super) source: Option<&'a str>,
}

/// Why a record was not recognised.
pub(super) enum Unrecognised<'a> {
    /// An envelope naming a form that is not supervised.
    UnknownForm(&'a str),
    /// No supervised form has its sections.
    Shape,
}

/// The form of `record`.
pub(super) fn recognise(record: &Value) -> Result<Recognised<'_>, Unrecognised<'_>> {
    let Value::Object(map) = record else {
        return Err(Unrecognised::Shape);
    };
    let envelope = map.contains_key("data")
        && map
            .keys()
            .all(|k| matches!(k.as_str(), "data" | "form" | "source"));
    if !envelope {
        return by_shape(record).ok_or(Unrecognised::Shape);
    }
    let data = map.get("data").unwrap_or(&Value::Null);
    let source = map.get("source").and_then(Value::as_str);
    let found = match map.get("form") {
        None => by_shape(data).ok_or(Unrecognised::Shape)?,
        Some(Value::String(form)) => match plan(form) {
            Some(plan) => Recognised {
                form: &plan.form,
                plan,
                data,
                source: None,
            },
            None => return Err(Unrecognised::UnknownForm(form)),
        },
        Some(_) => return Err(Unrecognised::Shape),
    };
    Ok(Recognised { source, ..found })
}

/// The form whose own section `data` has.
fn by_shape(data: &Value) -> Option<Recognised<'_>> {
    plans()
        .iter()
        .find(|plan| data.get(&plan.section).is_some_and(Value::is_object))
        .map(|plan| Recognised {
            form: &plan.form,
            plan,
            data,
            source: None,
        })
}

/// The record's date, when it gives a real one.
pub(super) fn date_of(plan: &Plan, data: &Value) -> Option<Date> {
    data.at(&plan.date)
        .and_then(Value::as_str)
        .and_then(parse_date)
}

/// The supervised days: the period and the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Days {
    /// First day of the period.
    pub(super) from: Date,
    /// Last day of the period.
    pub(super) to: Date,
    /// The as-of date.
    pub(super) as_of: Date,
}

impl Days {
    /// True when a record of `plan` dated `date` is counted. A record without
    /// a date is (its validation says whether the form requires one).
    pub(super) fn admits(&self, plan: &Plan, date: Option<Date>) -> bool {
        let Some(d) = date else {
            return true;
        };
        match plan.window {
            Window::Period => d >= self.from && d <= self.to && d <= self.as_of,
            Window::UntilAsOf => d <= self.as_of,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_supervised_form_is_built_in_and_its_section_is_its_own() {
        assert_eq!(plans().len(), crate::builtin_forms().len());
        let engine = crate::engine();
        for plan in plans() {
            let id = &plan.form;
            let owners: Vec<&str> = crate::builtin_forms()
                .iter()
                .filter(|f| {
                    let spec: Value = serde_json::from_str(f.spec).unwrap();
                    spec["sections"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|s| s["id"] == plan.section.as_str())
                })
                .map(|f| f.id)
                .collect();
            assert_eq!(owners, [id.as_str()], "section {}", plan.section);
            let form = crate::compile_builtin(&engine, id).unwrap().unwrap();
            let empty = form.empty_data();
            assert!(empty.at(&plan.date).is_some(), "{id}: {}", plan.date);
            let r = recognise(&empty).ok().unwrap();
            assert_eq!(r.form, id);
        }
    }

    #[test]
    fn envelopes_and_bare_records() {
        let bare = json!({"meeting": {"date": "2026-03-01"}});
        assert_eq!(recognise(&bare).ok().unwrap().form, "meeting-minutes");
        let env = json!({"form": "member-points", "data": {"x": 1}});
        let r = recognise(&env).ok().unwrap();
        assert_eq!((r.form, r.data), ("member-points", &json!({"x": 1})));
        let named = json!({"source": "a.json", "data": {"subject": {}}});
        let r = recognise(&named).ok().unwrap();
        assert_eq!((r.form, r.source), ("secretary-review", Some("a.json")));
        let unknown = json!({"form": "survey", "data": {}});
        assert!(matches!(
            recognise(&unknown),
            Err(Unrecognised::UnknownForm("survey"))
        ));
        assert!(matches!(recognise(&json!([1])), Err(Unrecognised::Shape)));
        assert!(matches!(
            recognise(&json!({"meeting": 3})),
            Err(Unrecognised::Shape)
        ));
    }

    #[test]
    fn the_window() {
        let d = |s| parse_date(s);
        let days = Days {
            from: d("2026-01-01").unwrap(),
            to: d("2026-12-31").unwrap(),
            as_of: d("2026-06-30").unwrap(),
        };
        let minutes = plan("meeting-minutes").unwrap();
        let lists = plan("rectification-list").unwrap();
        assert!(days.admits(minutes, d("2026-06-30")));
        assert!(!days.admits(minutes, d("2026-07-01")));
        assert!(!days.admits(minutes, d("2025-12-31")));
        assert!(days.admits(lists, d("2025-12-31")));
        assert!(!days.admits(lists, d("2026-07-01")));
        assert!(days.admits(minutes, None));
        assert_eq!(d("2026-02-30"), None);
    }
}
