//! The state of one mounted form: the record, the engine's report on it, and
//! what the person has touched. Every change of the record is followed by
//! `Form::validate`; the report is the only source of verdicts.

use crate::data;
use crate::report_view::ReportView;
use crate::tree::{self, UiNode};
use dangjian_core::{Form, Locale, Severity, ValidateOptions};
use serde_json::Value;
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
    /// The purpose-built panels the spec's `ui` hints ask for.
    pub hints: crate::views::Hints,
    /// The state handed to the panels inside the form on each render.
    pub live: crate::hooks::Live,
}

impl Setup {
    /// Prepares `form` for rendering.
    pub fn new(form: Form, today: Option<String>) -> Rc<Setup> {
        let sections = tree::sections(form.spec());
        let hints = crate::views::Hints::read(form.spec(), &sections);
        Rc::new(Setup {
            form,
            sections,
            today,
            hints,
            live: Default::default(),
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
    /// Places the person has edited, each once, in the order edited: their
    /// messages show. A plain list (every reader scans it whole): a set type
    /// would bring its own copy of the tree code into the module.
    pub touched: Rc<Vec<String>>,
    /// Show every message (after a submit attempt or `validate()`).
    pub reveal: bool,
    /// Bumped on every edit by the person (drives drafts and change events).
    pub edits: u64,
    /// Bumped whenever the record changes, by whoever.
    pub changes: u64,
    /// Text for the screen-reader live region, with a counter so a repeat is re-read.
    pub announce: (u64, String),
    /// The record before the last destructive action, to undo it.
    pub undo: Option<Rc<Undo>>,
    /// Something given as a record that is not one, refused.
    pub refused: Option<Refusal>,
}

/// A destructive action that can be undone.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    /// What happened.
    pub what: Undone,
    /// The record to go back to.
    pub data: Rc<Value>,
    /// Counts undoable actions, so a newer one replaces the notice.
    pub serial: u64,
}

/// What an undo takes back.
#[derive(Debug, Clone, PartialEq)]
pub enum Undone {
    /// A row with content was removed from the list at `list`.
    RowRemoved {
        /// JSON Pointer of the list.
        list: String,
        /// The row's index.
        index: usize,
    },
    /// The host page replaced (or emptied) what the person had typed.
    Replaced,
    /// A saved draft was restored over what the person had typed.
    Restored,
    /// A file was imported over what the person had typed.
    Imported,
    /// A value the form has no place for was dropped.
    KeyDropped(String),
    /// A value the form has no place for was moved into a field.
    KeyMoved(String, String),
}

impl Undone {
    /// True when the record taken back is worth keeping among the saved drafts
    /// (a whole record was replaced).
    pub fn keeps_record(&self) -> bool {
        matches!(self, Undone::Replaced | Undone::Restored | Undone::Imported)
    }
}

/// Why something given as a record was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// It is not a JSON object (`"text"`, `[1, 2]`, `3`).
    NotARecord {
        /// What it was, in JSON terms (`a string`, `an array`…).
        kind: &'static str,
    },
    /// A file to import could not be read as this form's record.
    Import(crate::import::ImportError),
}

/// What a JSON value is, for a refusal.
pub fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

impl PartialEq for FormState {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.data, &other.data)
            && Rc::ptr_eq(&self.view, &other.view)
            && Rc::ptr_eq(&self.touched, &other.touched)
            && self.locale == other.locale
            && self.reveal == other.reveal
            && self.announce == other.announce
            && self.undo == other.undo
            && self.refused == other.refused
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
    /// The person imported a record from a file (an edit, as a restore).
    Import(Value),
    /// Takes back the last destructive action.
    Undo,
    /// Forgets the undo (the person dismissed it).
    ForgetUndo,
    /// Drops a value the form has no place for (an `unknown_key`).
    DropKey(String),
    /// Moves a value the form has no place for into a field.
    MoveKey {
        /// JSON Pointer of the value.
        from: String,
        /// JSON Pointer of the field.
        to: String,
    },
    /// Something given as a record was refused.
    Refuse(Refusal),
    /// The person dismissed the refusal.
    ForgetRefusal,
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
        FormState::with_view(setup, Rc::new(data), locale, None)
    }

    /// The state for `data`, with its report when the caller has already
    /// validated this very record in `locale` (mount does, for the host's
    /// handle): a long form is then validated once, not twice, before it is
    /// first drawn. The record is shared, not copied: an edit copies it.
    pub fn with_view(
        setup: Rc<Setup>,
        data: Rc<Value>,
        locale: Locale,
        known: Option<Rc<ReportView>>,
    ) -> FormState {
        // Anything but an object would silently drop every edit: start empty and say why.
        let refused = (!data.is_object()).then(|| Refusal::NotARecord {
            kind: kind_of(&data),
        });
        let data = if refused.is_some() {
            Rc::new(setup.form.empty_data())
        } else {
            data
        };
        let view = match known {
            Some(view) if refused.is_none() => view,
            _ => Rc::new(setup.validate(&data, locale)),
        };
        FormState {
            setup,
            locale,
            data,
            view,
            touched: Rc::new(Vec::new()),
            reveal: false,
            edits: 0,
            changes: 0,
            announce: (0, String::new()),
            undo: None,
            refused,
        }
    }

    /// True when the record holds something the person (or the host) put in:
    /// not blank, and not the form's empty record.
    pub fn has_content(&self) -> bool {
        !data::is_blank(Some(&self.data)) && *self.data != self.setup.form.empty_data()
    }

    /// Remembers the record as it is, so `what` can be undone.
    fn keep_for_undo(mut self, what: Undone) -> FormState {
        let serial = self.undo.as_ref().map_or(0, |u| u.serial) + 1;
        self.undo = Some(Rc::new(Undo {
            what,
            data: self.data.clone(),
            serial,
        }));
        self
    }

    /// A whole new record from the person or the host; what was there can be
    /// taken back when it had content.
    fn replace_whole(&self, value: Value, what: Undone, by_person: bool) -> FormState {
        if !value.is_object() {
            let mut next = self.clone();
            next.refused = Some(Refusal::NotARecord {
                kind: kind_of(&value),
            });
            return next;
        }
        let base = if self.has_content() && *self.data != value {
            self.clone().keep_for_undo(what)
        } else {
            self.clone()
        };
        let mut next = base.replaced(value, by_person);
        next.refused = None;
        next
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
        next.touched = Rc::new(Vec::new());
        next.reveal = false;
        next
    }

    fn touch(mut self, path: &str) -> FormState {
        if !self.touched.iter().any(|t| t == path) {
            let mut t = (*self.touched).clone();
            t.push(path.to_owned());
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
        // The set type the engine's compile already uses (no tree code of its own).
        let mut old: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for i in before.within(path) {
            old.insert(i.message.as_str());
        }
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
                // The same value again (a blur after typing) changes nothing.
                if data::get(&self.data, &path) == Some(&value)
                    || (value.is_null() && data::get(&self.data, &path).is_none())
                {
                    return self;
                }
                let mut data = edited();
                if !data::set(&mut data, &path, value) {
                    return self;
                }
                let mut next = self.with_data(data, true).touch(&path);
                // Undoing now would take back this edit too: the undo is over.
                next.undo = None;
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
                let row = data::get(&self.data, &data::index(&path, index));
                let base = if data::is_blank(row) {
                    (*self).clone()
                } else {
                    (*self).clone().keep_for_undo(Undone::RowRemoved {
                        list: path.clone(),
                        index,
                    })
                };
                let next = base.with_data(data, true);
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
            Action::Replace(value) => self.replace_whole(value, Undone::Replaced, false),
            Action::Restore(value) => self.replace_whole(value, Undone::Restored, true),
            Action::Import(value) => self.replace_whole(value, Undone::Imported, true),
            Action::Undo => match &self.undo {
                Some(u) => {
                    let data = (*u.data).clone();
                    let mut next = self.with_data(data, true);
                    next.undo = None;
                    next
                }
                None => return self,
            },
            Action::ForgetUndo => {
                let mut next = (*self).clone();
                next.undo = None;
                next
            }
            Action::DropKey(path) => {
                let mut data = edited();
                if !data::remove_key(&mut data, &path) {
                    return self;
                }
                let key = data::segments(&path).pop().unwrap_or_default();
                (*self)
                    .clone()
                    .keep_for_undo(Undone::KeyDropped(key))
                    .with_data(data, true)
            }
            Action::MoveKey { from, to } => {
                let mut data = edited();
                let Some(value) = data::get(&data, &from).cloned() else {
                    return self;
                };
                if !data::remove_key(&mut data, &from) || !data::set(&mut data, &to, value) {
                    return self;
                }
                let key = data::segments(&from).pop().unwrap_or_default();
                (*self)
                    .clone()
                    .keep_for_undo(Undone::KeyMoved(key, to.clone()))
                    .with_data(data, true)
                    .touch(&to)
            }
            Action::Refuse(why) => {
                let mut next = (*self).clone();
                next.refused = Some(why);
                next
            }
            Action::ForgetRefusal => {
                let mut next = (*self).clone();
                next.refused = None;
                next
            }
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
