//! The branch a record belongs to, read the same way from every built-in form:
//! its name, and the county's code for it where the county has one. A
//! supervisor's report groups a town's records by it — the code when given
//! (names are written in several ways: 大岗村党委, 中共大岗村委员会), else the
//! name.
//!
//! Where each form keeps the two is data (`places.json`): a county's copy of a
//! form that moves them passes its own [`Places`].

use crate::lookup::At;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A branch as a record names it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Branch {
    /// The name, trimmed.
    pub name: String,
    /// The county's code, when the record gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

impl Branch {
    /// What records of the same branch share: `code:<code>` when there is a
    /// code, else `name:<name>`.
    pub fn key(&self) -> String {
        match &self.code {
            Some(code) => format!("code:{code}"),
            None => format!("name:{}", self.name),
        }
    }
}

/// Where a form keeps the branch: JSON Pointers into its records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Places {
    /// The branch's name (required by every built-in form).
    pub name: String,
    /// The county's code for it (optional in every built-in form).
    pub code: String,
}

impl Places {
    /// The branch of `record`; `None` when the record gives no name and no code.
    pub fn read(&self, record: &Value) -> Option<Branch> {
        let text = |pointer: &str| {
            record
                .at(pointer)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let name = text(&self.name);
        let code = text(&self.code);
        if name.is_none() && code.is_none() {
            return None;
        }
        Some(Branch {
            name: name.unwrap_or_default(),
            code,
        })
    }
}

/// Where each built-in form keeps the branch, by form id.
pub fn places() -> &'static BTreeMap<String, Places> {
    static PARSED: OnceLock<BTreeMap<String, Places>> = OnceLock::new();
    PARSED.get_or_init(|| crate::json::read(include_str!("places.json")).unwrap_or_default())
}

/// The branch of a record of the built-in form `form_id`; `None` for another
/// form, or a record that names no branch.
pub fn branch_of(form_id: &str, record: &Value) -> Option<Branch> {
    places().get(form_id)?.read(record)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_built_in_form_has_a_place_for_the_branch_that_exists() {
        let engine = crate::engine();
        for form in crate::builtin_forms() {
            let places = places().get(form.id).unwrap();
            let compiled = engine.compile_str(form.spec).unwrap();
            let empty = compiled.empty_data();
            for pointer in [&places.name, &places.code] {
                assert!(empty.at(pointer).is_some(), "{}: {pointer}", form.id);
            }
        }
        assert_eq!(places().len(), crate::builtin_forms().len());
    }

    #[test]
    fn code_first_then_name() {
        let b = branch_of(
            "meeting-minutes",
            &json!({"meeting": {"branch": " 大岗村党委 ", "branch_code": "4406052025017"}}),
        )
        .unwrap();
        assert_eq!(b.name, "大岗村党委");
        assert_eq!(b.key(), "code:4406052025017");
        let b = branch_of(
            "member-points",
            &json!({"member": {"branch": "大岗村党委"}}),
        )
        .unwrap();
        assert_eq!((b.key(), b.code), ("name:大岗村党委".to_owned(), None));
        assert_eq!(branch_of("member-points", &json!({"member": {}})), None);
        assert_eq!(branch_of("no-such-form", &json!({})), None);
    }
}
