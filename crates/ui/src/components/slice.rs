//! A component's share of the state: the value at its path and the engine's
//! findings at or below it. Components of the form tree take a [`Slice`] as a
//! prop, so a keystroke re-renders only the components whose share changed.

use crate::data;
use crate::state::FormState;
use dangjian_core::report::ItemScoreReport;
use dangjian_core::{Issue, Severity};
use serde_json::Value;
use std::collections::BTreeSet;
use std::rc::Rc;

/// The value, issues, scored items and touched marks of one place in the record.
#[derive(Clone, Debug)]
pub struct Slice {
    /// JSON Pointer of the place.
    pub path: String,
    /// Its value (null when absent).
    pub value: Value,
    /// Issues at or below the place.
    pub issues: Rc<Vec<Issue>>,
    /// Scored items at or below the place.
    pub scores: Rc<Vec<ItemScoreReport>>,
    /// Show every message (after a submit attempt).
    pub reveal: bool,
    touched: Rc<BTreeSet<String>>,
}

/// True when `a` is `b`, or below it.
fn under(a: &str, b: &str) -> bool {
    a == b || (a.starts_with(b) && a.as_bytes().get(b.len()) == Some(&b'/'))
}

impl PartialEq for Slice {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
            && self.reveal == other.reveal
            && self.value == other.value
            && self.issues == other.issues
            && self.scores == other.scores
            && self.marks().eq(other.marks())
    }
}

impl Slice {
    /// The share of `path` in the whole state.
    pub fn of(state: &FormState, path: &str) -> Slice {
        let view = &state.view;
        Slice {
            path: path.to_owned(),
            value: data::get(&state.data, path).cloned().unwrap_or(Value::Null),
            issues: Rc::new(view.within(path).into_iter().cloned().collect()),
            scores: Rc::new(
                view.report
                    .score
                    .iter()
                    .flat_map(|s| s.items.iter())
                    .filter(|i| under(&i.path, path))
                    .cloned()
                    .collect(),
            ),
            reveal: state.reveal,
            touched: state.touched.clone(),
        }
    }

    /// The share of a child: an object key or an array index of this place.
    pub fn child(&self, key: &str) -> Slice {
        let path = data::child(&self.path, key);
        self.narrow(path, self.value.get(key).cloned())
    }

    /// The share of row `i` of this list.
    pub fn row(&self, i: usize) -> Slice {
        let path = data::index(&self.path, i);
        self.narrow(path, self.value.get(i).cloned())
    }

    fn narrow(&self, path: String, value: Option<Value>) -> Slice {
        Slice {
            value: value.unwrap_or(Value::Null),
            issues: Rc::new(
                self.issues
                    .iter()
                    .filter(|i| under(&i.path, &path))
                    .cloned()
                    .collect(),
            ),
            scores: Rc::new(
                self.scores
                    .iter()
                    .filter(|i| under(&i.path, &path))
                    .cloned()
                    .collect(),
            ),
            reveal: self.reveal,
            touched: self.touched.clone(),
            path,
        }
    }

    /// Touched places that bear on this one: itself, around it, or a part of it.
    fn marks(&self) -> impl Iterator<Item = &String> {
        self.touched
            .iter()
            .filter(|t| under(t, &self.path) || under(&self.path, t))
    }

    /// True when messages here should show.
    pub fn shows(&self) -> bool {
        self.reveal || self.marks().next().is_some()
    }

    /// Issues exactly at this place.
    pub fn here(&self) -> Vec<&Issue> {
        self.issues.iter().filter(|i| i.path == self.path).collect()
    }

    /// Issues at this place, or below it when `below`.
    pub fn messages(&self, below: bool) -> Vec<&Issue> {
        if below {
            self.issues.iter().collect()
        } else {
            self.here()
        }
    }

    /// An error here (or below) that is showing: the control is `aria-invalid`.
    pub fn invalid(&self, below: bool) -> bool {
        self.shows()
            && self
                .messages(below)
                .iter()
                .any(|i| i.severity == Severity::Error)
    }

    /// The engine reports this place as required and empty.
    pub fn missing(&self) -> bool {
        self.here()
            .iter()
            .any(|i| i.code == "required" || i.code == "min_items")
    }

    /// The scored item at this place.
    pub fn score(&self) -> Option<&ItemScoreReport> {
        self.scores.iter().find(|i| i.path == self.path)
    }

    /// False when the engine reports the node at `path` (inside this place) hidden.
    pub fn visible(&self, path: &str) -> bool {
        !self
            .scores
            .iter()
            .any(|i| i.status == "hidden" && under(path, &i.path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Setup;
    use dangjian_core::Locale;
    use serde_json::json;
    use yew::Reducible;

    fn state() -> Rc<FormState> {
        let spec = json!({"id": "f", "version": "1", "title": "t", "sections": [
            {"id": "a", "items": [
                {"id": "x", "type": "text", "required": true},
                {"id": "y", "type": "text", "required": true}
            ]},
            {"id": "b", "items": [{"id": "z", "type": "integer", "min": 3}]}
        ]});
        let form = dangjian_standards::engine().compile(&spec).unwrap();
        let setup = Setup::new(form, None);
        let data = setup.form.empty_data();
        Rc::new(FormState::new(setup, data, Locale::ZhCn))
    }

    #[test]
    fn slices_narrow_and_compare_by_content() {
        let s = state();
        let a = Slice::of(&s, "/a");
        assert_eq!(a.issues.len(), 2);
        let x = a.child("x");
        assert_eq!(x.path, "/a/x");
        assert!(x.missing());
        assert!(!x.shows());

        // Editing /b leaves the share of /a unchanged, so /a is not drawn again.
        let s2 = s.clone().reduce(crate::state::Action::Set {
            path: "/b/z".into(),
            value: json!(1),
        });
        assert_eq!(Slice::of(&s2, "/a"), a);
        assert_ne!(Slice::of(&s2, "/b"), Slice::of(&s, "/b"));
        let x2 = Slice::of(&s2, "/b").child("z");
        assert!(x2.shows());
        assert!(x2.invalid(false));

        // Editing /a/y changes /a and /a/y, not /a/x.
        let s3 = s.reduce(crate::state::Action::Set {
            path: "/a/y".into(),
            value: json!("v"),
        });
        assert_ne!(Slice::of(&s3, "/a"), a);
        assert_eq!(Slice::of(&s3, "/a").child("x"), x);
    }
}
