//! A component's share of the state: the value at its path and the engine's
//! findings at or below it. Components of the form tree take a [`Slice`] as a
//! prop, so a keystroke re-renders only the components whose share changed.

use crate::data;
use crate::report_view::{NodeState, ReportView};
use crate::state::FormState;
use dangjian_core::report::ItemScoreReport;
use dangjian_core::{Issue, Severity};
use serde_json::Value;
use std::collections::BTreeSet;
use std::rc::Rc;

/// The value, issues, scored items, node states and touched marks of one place in the record.
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
    /// Node states at or below the place.
    states: Rc<Vec<(String, NodeState)>>,
    /// The engine hides this place (or a group around it).
    pub hidden: bool,
    /// The engine disables this place (or a group around it).
    pub disabled: bool,
    /// Show every message (after a submit attempt).
    pub reveal: bool,
    touched: Rc<BTreeSet<String>>,
    /// The whole report, to narrow the share for children (not compared: what
    /// the children use is in the fields above).
    view: Rc<ReportView>,
}

/// True when `a` is `b`, or below it.
fn under(a: &str, b: &str) -> bool {
    a == b || (a.starts_with(b) && a.as_bytes().get(b.len()) == Some(&b'/'))
}

impl PartialEq for Slice {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
            && self.reveal == other.reveal
            && self.hidden == other.hidden
            && self.disabled == other.disabled
            && self.value == other.value
            && self.issues == other.issues
            && self.scores == other.scores
            && self.states == other.states
            && self.marks().eq(other.marks())
    }
}

impl Slice {
    /// The share of `path` in the whole state.
    pub fn of(state: &FormState, path: &str) -> Slice {
        let view = &state.view;
        Self::build(
            view,
            path.to_owned(),
            data::get(&state.data, path).cloned().unwrap_or(Value::Null),
            !view.visible(path),
            view.disabled(path),
            state.reveal,
            &state.touched,
        )
    }

    fn build(
        view: &Rc<ReportView>,
        path: String,
        value: Value,
        hidden: bool,
        disabled: bool,
        reveal: bool,
        touched: &Rc<BTreeSet<String>>,
    ) -> Slice {
        Slice {
            value,
            issues: Rc::new(view.within(&path).into_iter().cloned().collect()),
            scores: Rc::new(view.scores_within(&path).into_iter().cloned().collect()),
            states: Rc::new(view.states_within(&path)),
            hidden,
            disabled,
            reveal,
            touched: touched.clone(),
            view: view.clone(),
            path,
        }
    }

    /// The share of a child: an object key of this place.
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
        let own = self.view.state(&path);
        Self::build(
            &self.view,
            path,
            value.unwrap_or(Value::Null),
            self.hidden || own == Some(NodeState::Hidden),
            self.disabled || own == Some(NodeState::Disabled),
            self.reveal,
            &self.touched,
        )
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

    /// The node's `required_if` holds now.
    pub fn required_now(&self) -> bool {
        self.states
            .iter()
            .any(|(p, s)| *s == NodeState::Required && *p == self.path)
    }

    /// Whether to mark the field required: the spec says so, its `required_if`
    /// holds, or the engine finds it missing — and it is enabled.
    pub fn required(&self, declared: bool) -> bool {
        !self.disabled && (declared || self.required_now() || self.missing())
    }

    /// The scored item at this place.
    pub fn score(&self) -> Option<&ItemScoreReport> {
        self.scores.iter().find(|i| i.path == self.path)
    }

    /// False when the engine hides this place.
    pub fn visible(&self) -> bool {
        !self.hidden
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
            {"id": "b", "items": [
                {"id": "z", "type": "integer", "min": 3},
                {"id": "more", "type": "text", "visible_if": {">": [{"var": "b.z"}, 5]},
                    "required_if": {">": [{"var": "b.z"}, 6]}},
                {"id": "locked", "type": "text", "enabled_if": {"<": [{"var": "b.z"}, 4]}}
            ]}
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

    #[test]
    fn conditions_hide_disable_and_require() {
        let set = |s: Rc<FormState>, v: i64| {
            s.reduce(crate::state::Action::Set {
                path: "/b/z".into(),
                value: json!(v),
            })
        };
        let s = set(state(), 1);
        let b = Slice::of(&s, "/b");
        assert!(b.child("more").hidden);
        assert!(!b.child("locked").disabled);
        let s = set(s, 7);
        let b = Slice::of(&s, "/b");
        let more = b.child("more");
        assert!(!more.hidden);
        assert!(more.required_now());
        assert!(more.required(false));
        let locked = b.child("locked");
        assert!(locked.disabled);
        assert!(!locked.required(true));
        let s = set(s, 6);
        let more = Slice::of(&s, "/b").child("more");
        assert!(!more.hidden);
        assert!(!more.required(false));
    }
}
