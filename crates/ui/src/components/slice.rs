//! A component's share of the state: the value at its path and the engine's
//! findings at or below it. Components of the form tree take a [`Slice`] as a
//! prop, so a keystroke re-renders only the components whose share changed.

use crate::data;
use crate::report_view::{Digest, NodeState, ReportView};
use crate::state::FormState;
use dangjian_core::{Issue, Severity};
use serde_json::Value;
use std::rc::{Rc, Weak};

/// One place in the record, with what bears on it: its value and the engine's
/// issues, scored items and node states at or below it, and the touched marks.
///
/// A slice holds its own value (a component keeps only its share of the
/// record) and a digest of its share of the report; the report itself it only
/// borrows (`Weak`), so a component that was not drawn again for a while keeps
/// no old report alive. Two slices are equal when their values and digests
/// are, so a keystroke re-renders only the components whose share changed.
#[derive(Clone, Debug)]
pub struct Slice {
    /// JSON Pointer of the place.
    pub path: String,
    value: Value,
    digest: Digest,
    view: Weak<ReportView>,
    /// The engine hides this place (or a group around it).
    pub hidden: bool,
    /// The engine disables this place (or a group around it).
    pub disabled: bool,
    /// Show every message (after a submit attempt).
    pub reveal: bool,
    touched: Rc<Vec<String>>,
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
            && self.digest == other.digest
            && self.value == other.value
            && self.marks().eq(other.marks())
    }
}

thread_local! {
    /// What a slice reads when its report is gone (never while it is drawn).
    static EMPTY: Rc<ReportView> = Rc::new(ReportView::empty());
}

impl Slice {
    /// The share of `path` in the whole state.
    pub fn of(state: &FormState, path: &str) -> Slice {
        let view = &state.view;
        Slice {
            value: data::get(&state.data, path).cloned().unwrap_or(Value::Null),
            digest: view.digest(path),
            view: Rc::downgrade(view),
            hidden: !view.visible(path),
            disabled: view.disabled(path),
            reveal: state.reveal,
            touched: state.touched.clone(),
            path: path.to_owned(),
        }
    }

    /// The share of a child: an object key of this place.
    pub fn child(&self, key: &str) -> Slice {
        let value = self.value.get(key).cloned();
        self.narrow(data::child(&self.path, key), value)
    }

    /// The share of row `i` of this list.
    pub fn row(&self, i: usize) -> Slice {
        let value = self.value.get(i).cloned();
        self.narrow(data::index(&self.path, i), value)
    }

    fn narrow(&self, path: String, value: Option<Value>) -> Slice {
        let view = self.view();
        let own = view.state(&path);
        Slice {
            value: value.unwrap_or(Value::Null),
            digest: view.digest(&path),
            view: self.view.clone(),
            hidden: self.hidden || own == Some(NodeState::Hidden),
            disabled: self.disabled || own == Some(NodeState::Disabled),
            reveal: self.reveal,
            touched: self.touched.clone(),
            path,
        }
    }

    /// The report this slice was made from (to borrow from while drawing).
    pub fn report(&self) -> Rc<ReportView> {
        self.view()
    }

    /// The report this slice was made from.
    fn view(&self) -> Rc<ReportView> {
        self.view.upgrade().unwrap_or_else(|| EMPTY.with(Rc::clone))
    }

    /// The value at this place (null when absent).
    pub fn value(&self) -> &Value {
        &self.value
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

    /// `f` of the issues at this place (or also below it, when `below`), in
    /// report order: borrowed from the report, not copied.
    pub fn with_messages<R>(&self, below: bool, f: impl FnOnce(Vec<&Issue>) -> R) -> R {
        let view = self.view();
        f(if below {
            view.within(&self.path)
        } else {
            view.at(&self.path)
        })
    }

    /// An error here (or below) that is showing: the control is `aria-invalid`.
    pub fn invalid(&self, below: bool) -> bool {
        self.shows()
            && self.with_messages(below, |issues| {
                issues.iter().any(|i| i.severity == Severity::Error)
            })
    }

    /// The engine reports this place as required and empty.
    pub fn missing(&self) -> bool {
        self.view()
            .at(&self.path)
            .iter()
            .any(|i| i.code == "required" || i.code == "min_items")
    }

    /// The node's `required_if` holds now.
    pub fn required_now(&self) -> bool {
        self.view().required_now(&self.path)
    }

    /// Whether to mark the field required: the spec says so, its `required_if`
    /// holds, or the engine finds it missing — and it is enabled.
    pub fn required(&self, declared: bool) -> bool {
        !self.disabled && (declared || self.required_now() || self.missing())
    }

    /// False when the engine hides this place.
    pub fn visible(&self) -> bool {
        !self.hidden
    }

    /// True when the report says nothing at or below this place.
    pub fn quiet(&self) -> bool {
        self.digest == Digest::default()
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
        assert_eq!(a.with_messages(true, |i| i.len()), 2);
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
