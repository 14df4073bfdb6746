//! The state of one mounted form: the record, the engine's report on it, and
//! what the person has touched. Every change of the record is followed by
//! `Form::validate`; the report is the only source of verdicts.

use crate::data;
use crate::report_view::ReportView;
use crate::tree::{self, UiNode};
use dangjian_core::{Form, Locale, Severity, ValidateOptions};
use serde_json::Value;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::Reducible;

/// What stays fixed while a form is mounted.
pub struct Setup {
    /// The compiled form.
    pub form: Form,
    /// Its sections as trees.
    pub sections: Vec<Rc<UiNode>>,
    /// Today's date for `$today` rules.
    pub today: Option<String>,
}

impl Setup {
    /// Prepares `form` for rendering.
    pub fn new(form: Form, today: Option<String>) -> Rc<Setup> {
        let sections = tree::sections(form.spec());
        Rc::new(Setup {
            form,
            sections,
            today,
        })
    }

    /// Validates `data` in `locale`, asking the engine which nodes its
    /// conditions hide, disable or require.
    pub fn validate(&self, data: &Value, locale: Locale) -> ReportView {
        let options = ValidateOptions {
            locale,
            today: self.today.clone(),
            states: true,
            ..ValidateOptions::default()
        };
        ReportView::new(self.form.validate(data, &options))
    }
}

/// The state of a mounted form.
#[derive(Clone)]
pub struct FormState {
    /// The fixed part.
    pub setup: Rc<Setup>,
    /// Language of the interface and of the report.
    pub locale: Locale,
    /// The record.
    pub data: Rc<Value>,
    /// The engine's report on `data`.
    pub view: Rc<ReportView>,
    /// Places the person has edited: their messages show.
    pub touched: Rc<BTreeSet<String>>,
    /// Show every message (after a submit attempt or `validate()`).
    pub reveal: bool,
    /// Bumped on every edit by the person (drives drafts and change events).
    pub edits: u64,
    /// Bumped whenever the record changes, by whoever.
    pub changes: u64,
    /// Text for the screen-reader live region, with a counter so a repeat is re-read.
    pub announce: (u64, String),
}

impl PartialEq for FormState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.data, &other.data)
            && Rc::ptr_eq(&self.view, &other.view)
            && Rc::ptr_eq(&self.touched, &other.touched)
            && self.locale == other.locale
            && self.reveal == other.reveal
            && self.announce == other.announce
    }
}

/// What can happen to a form.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The person set the value at a path.
    Set {
        /// JSON Pointer of the value.
        path: String,
        /// The new value (null clears it).
        value: Value,
    },
    /// The person added a row to a list.
    AddRow {
        /// JSON Pointer of the list.
        path: String,
        /// The new row.
        row: Value,
    },
    /// The person removed a row.
    RemoveRow {
        /// JSON Pointer of the list.
        path: String,
        /// Row index.
        index: usize,
    },
    /// The person moved a row up or down.
    MoveRow {
        /// JSON Pointer of the list.
        path: String,
        /// Row index.
        from: usize,
        /// New index.
        to: usize,
    },
    /// The whole record was replaced by the host page (`setData`, the `data` property).
    Replace(Value),
    /// The person restored a saved draft: an edit like any other (saved again, `dj-change`).
    Restore(Value),
    /// A field lost focus: its messages show from now on.
    Touch(String),
    /// Show every message.
    Reveal,
    /// Switch the language.
    Locale(Locale),
    /// Say something through the live region.
    Announce(String),
}

impl FormState {
    /// The state for `data`.
    pub fn new(setup: Rc<Setup>, data: Value, locale: Locale) -> FormState {
        let view = Rc::new(setup.validate(&data, locale));
        FormState {
            setup,
            locale,
            data: Rc::new(data),
            view,
            touched: Rc::new(BTreeSet::new()),
            reveal: false,
            edits: 0,
            changes: 0,
            announce: (0, String::new()),
        }
    }

    /// True when messages at `path` should show: after a submit attempt, or
    /// once the place, a place around it or a part of it was edited.
    pub fn shows(&self, path: &str) -> bool {
        self.reveal
            || self.touched.iter().any(|t| {
                t == path
                    || path.starts_with(&format!("{t}/"))
                    || t.starts_with(&format!("{path}/"))
            })
    }

    fn with_data(&self, data: Value, by_person: bool) -> FormState {
        let view = Rc::new(self.setup.validate(&data, self.locale));
        let mut next = self.clone();
        next.data = Rc::new(data);
        next.view = view;
        next.changes += 1;
        if by_person {
            next.edits += 1;
        }
        next
    }

    /// A new record in place of the old one: nothing is touched any more.
    fn replaced(&self, data: Value, by_person: bool) -> FormState {
        let mut next = self.with_data(data, by_person);
        next.touched = Rc::new(BTreeSet::new());
        next.reveal = false;
        next
    }

    fn touch(mut self, path: &str) -> FormState {
        if !self.touched.contains(path) {
            let mut t = (*self.touched).clone();
            t.insert(path.to_owned());
            self.touched = Rc::new(t);
        }
        self
    }

    fn say(mut self, text: String) -> FormState {
        self.announce = (self.announce.0 + 1, text);
        self
    }

    /// New error messages at or below `path` that `before` did not have.
    fn new_errors(&self, before: &ReportView, path: &str) -> Option<String> {
        let old: BTreeSet<&str> = before
            .within(path)
            .iter()
            .map(|i| i.message.as_str())
            .collect();
        let fresh: Vec<&str> = self
            .view
            .within(path)
            .into_iter()
            .filter(|i| i.severity == Severity::Error && !old.contains(i.message.as_str()))
            .map(|i| i.message.as_str())
            .collect();
        (!fresh.is_empty()).then(|| fresh.join("；"))
    }
}

impl Reducible for FormState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let edited = || (*self.data).clone();
        let next = match action {
            Action::Set { path, value } => {
                let mut data = edited();
                if !data::set(&mut data, &path, value) {
                    return self;
                }
                let next = self.with_data(data, true).touch(&path);
                match next.new_errors(&self.view, &path) {
                    Some(msg) => next.say(msg),
                    None => next,
                }
            }
            Action::AddRow { path, row } => {
                let mut data = edited();
                if !data::push(&mut data, &path, row) {
                    return self;
                }
                self.with_data(data, true)
            }
            Action::RemoveRow { path, index } => {
                let mut data = edited();
                if !data::remove(&mut data, &path, index) {
                    return self;
                }
                let next = self.with_data(data, true);
                // Messages of later rows moved up one place; keep showing the list's own.
                next.touch(&path)
            }
            Action::MoveRow { path, from, to } => {
                let mut data = edited();
                if !data::swap(&mut data, &path, from, to) {
                    return self;
                }
                self.with_data(data, true)
            }
            Action::Replace(value) => self.replaced(value, false),
            Action::Restore(value) => self.replaced(value, true),
            Action::Touch(path) => (*self).clone().touch(&path),
            Action::Reveal => {
                let mut next = (*self).clone();
                next.reveal = true;
                next
            }
            Action::Locale(locale) => {
                let mut next = (*self).clone();
                next.locale = locale;
                next.view = Rc::new(self.setup.validate(&self.data, locale));
                next
            }
            Action::Announce(text) => (*self).clone().say(text),
        };
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn setup() -> Rc<Setup> {
        let spec = json!({"id": "f", "version": "1", "title": "t", "sections": [
            {"id": "a", "items": [
                {"id": "name", "type": "person_name", "required": true},
                {"id": "rows", "repeat": {"min": 0}, "items": [{"id": "n", "type": "integer", "min": 1}]}
            ]}
        ]});
        let form = dangjian_standards::engine().compile(&spec).unwrap();
        Setup::new(form, None)
    }

    fn state() -> Rc<FormState> {
        let s = setup();
        let data = s.form.empty_data();
        Rc::new(FormState::new(s, data, Locale::ZhCn))
    }

    #[test]
    fn every_edit_is_validated_again() {
        let s = state();
        assert_eq!(s.view.at("/a/name").len(), 1);
        let s = s.reduce(Action::Set {
            path: "/a/name".into(),
            value: json!("张三"),
        });
        assert!(s.view.at("/a/name").is_empty());
        assert!(s.view.report.valid);
        assert_eq!(s.edits, 1);
        assert!(s.shows("/a/name"));
        assert!(s.shows("/a"));
        assert!(!s.shows("/a/rows"));
    }

    #[test]
    fn new_errors_are_announced() {
        let s = state().reduce(Action::AddRow {
            path: "/a/rows".into(),
            row: json!({"n": null}),
        });
        let s = s.reduce(Action::Set {
            path: "/a/rows/0/n".into(),
            value: json!(0),
        });
        assert_eq!(s.view.at("/a/rows/0/n").len(), 1);
        assert!(!s.announce.1.is_empty());
        let before = s.announce.0;
        let s = s.reduce(Action::Set {
            path: "/a/rows/0/n".into(),
            value: json!(2),
        });
        assert_eq!(s.announce.0, before);
    }

    #[test]
    fn replacing_the_record_is_not_an_edit() {
        let s = state().reduce(Action::Replace(json!({"a": {"name": "李四", "rows": []}})));
        assert_eq!(s.edits, 0);
        assert_eq!(s.changes, 1);
        assert!(s.view.report.valid);
    }

    #[test]
    fn restoring_a_draft_is_an_edit() {
        let s = state().reduce(Action::Restore(json!({"a": {"name": "李四", "rows": []}})));
        assert_eq!(s.edits, 1);
        assert_eq!(s.changes, 1);
        assert!(s.touched.is_empty());
        assert!(s.view.report.valid);
    }

    #[test]
    fn switching_language_translates_the_report() {
        let s = state();
        let zh = s.view.at("/a/name")[0].message.clone();
        let s = s.reduce(Action::Locale(Locale::En));
        assert_ne!(s.view.at("/a/name")[0].message, zh);
        assert_eq!(s.view.report.locale, "en");
    }
}
