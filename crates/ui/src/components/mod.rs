//! The parts of the form renderer, one file each; the widgets are in
//! `widgets/`, picked through the one table of field-type facts
//! (`widgets/facts.rs`); the notices above the form are in `notices/`. Only
//! the parts with state, effects or a re-render boundary of their own are Yew
//! components (the form, a section, a field, a group); the others are plain
//! functions returning `Html`, drawn by the component that holds them (each
//! component costs its own copy of the framework's lifecycle code).
//!
//! [`Env`] holds what stays fixed while the person types (the form, the
//! language, the dispatcher); the form tree (sections, groups, fields, the
//! widgets) gets it as a prop (equal while those stay the same: a prop costs
//! no context provider) and its share of the record and report as a
//! [`slice::Slice`] prop, so a keystroke redraws only what changed. [`Ctx`]
//! holds the whole state: the panels beside the form are drawn with it by the
//! form, and the live panels inside the form read it from the form's
//! [`crate::hooks::Live`].

pub mod app;
pub mod aside;
pub mod checklist;
pub mod each;
pub mod error_summary;
pub mod field;
pub mod group;
pub mod issue_list;
pub mod lazy;
pub mod messages;
pub mod navigate;
pub mod node;
pub mod notices;
pub mod parts;
pub mod print_footer;
pub mod score;
pub mod section;
pub mod slice;
pub mod toc;
pub mod toolbar;
pub mod widgets;

pub use each::each;

use crate::state::{Action, FormState, Setup};
use dangjian_core::Locale;
use serde_json::Value;
use std::rc::Rc;
use yew::prelude::*;

/// What stays fixed while the person types.
#[derive(Clone)]
pub struct Env {
    /// The compiled form.
    pub setup: Rc<Setup>,
    /// The interface language.
    pub locale: Locale,
    /// Approved records are shown, not edited.
    pub read_only: bool,
    /// Sends actions to the form's state.
    pub dispatch: Callback<Action>,
}

impl PartialEq for Env {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.setup, &other.setup)
            && self.locale == other.locale
            && self.read_only == other.read_only
    }
}

impl Env {
    /// Sends an action.
    pub fn send(&self, action: Action) {
        self.dispatch.emit(action);
    }

    /// A callback that sets the value at `path`.
    pub fn setter(&self, path: &str) -> Callback<Value> {
        let dispatch = self.dispatch.clone();
        let path = path.to_owned();
        Callback::from(move |value| {
            dispatch.emit(Action::Set {
                path: path.clone(),
                value,
            })
        })
    }

    /// A callback that marks `path` as touched (its messages show from now on).
    pub fn toucher(&self, path: &str) -> Callback<FocusEvent> {
        let dispatch = self.dispatch.clone();
        let path = path.to_owned();
        Callback::from(move |_| dispatch.emit(Action::Touch(path.clone())))
    }
}

/// The whole state, for panels that summarise the record.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    /// The form's state; dispatch actions on it.
    pub state: UseReducerHandle<FormState>,
    /// Approved records are shown, not edited.
    pub read_only: bool,
}

impl Ctx {
    /// The interface language.
    pub fn locale(&self) -> Locale {
        self.state.locale
    }

    /// Sends an action.
    pub fn send(&self, action: Action) {
        self.state.dispatch(action);
    }

    /// The value at `path` in the record.
    pub fn value(&self, path: &str) -> Value {
        crate::data::get(&self.state.data, path)
            .cloned()
            .unwrap_or(Value::Null)
    }
}

/// A DOM id for the element of `path` (ids are scoped to the form's shadow root).
pub fn dom_id(path: &str) -> String {
    let mut id = String::from("dj");
    for c in path.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            id.push(c);
        } else {
            id.push('-');
        }
    }
    id
}
