//! The components of the form renderer. One file per component; the field-type
//! → widget table is `widgets.rs`.
//!
//! Two contexts reach the components. [`Env`] holds what stays fixed while the
//! person types (the form, the language, the dispatcher); the form tree
//! (sections, groups, fields) reads only it and gets its share of the record and
//! report as a [`slice::Slice`] prop, so a keystroke redraws only what changed.
//! [`Ctx`] holds the whole state, for the panels beside the form.

pub mod app;
pub mod checklist;
pub mod field;
pub mod group;
pub mod lazy;
pub mod messages;
pub mod node;
pub mod notices;
pub mod score;
pub mod slice;
pub mod toc;
pub mod toolbar;
pub mod widgets;

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

/// The fixed context; components of the form tree call `use_env()`.
#[hook]
pub fn use_env() -> Option<Env> {
    use_context::<Env>()
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

/// The whole-state context; panels call `use_ctx()`.
#[hook]
pub fn use_ctx() -> Option<Ctx> {
    use_context::<Ctx>()
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

/// Moves keyboard focus to the element with `id` inside the form and scrolls it
/// into view; a node not drawn yet (see [`lazy`]) is drawn first.
pub fn focus_id(root: &NodeRef, id: &str) {
    let Some(root) = root.cast::<web_sys::Element>() else {
        return;
    };
    if !try_focus(&root, id) && reveal_for(&root, id) {
        // Drawn on the next render: try again shortly.
        retry_focus(root, id.to_owned(), 60);
    }
}

fn retry_focus(root: web_sys::Element, id: String, tries: u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let again = wasm_bindgen::closure::Closure::once_into_js(move || {
        if !try_focus(&root, &id) && tries > 1 {
            reveal_for(&root, &id);
            retry_focus(root, id, tries - 1);
        }
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        wasm_bindgen::JsCast::unchecked_ref(&again),
        30,
    );
}

/// Asks the placeholders holding the element `id` to draw; true when there were any.
fn reveal_for(root: &web_sys::Element, id: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Ok(list) = root.query_selector_all(&format!(".{}", lazy::PLACEHOLDER_CLASS)) else {
        return false;
    };
    let mut found = false;
    for i in 0..list.length() {
        let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let holds = el
            .get_attribute("data-for")
            .is_some_and(|f| f == id || id.starts_with(&format!("{f}-")));
        if holds {
            lazy::reveal(&el);
            found = true;
        }
    }
    found
}

fn try_focus(root: &web_sys::Element, id: &str) -> bool {
    use wasm_bindgen::JsCast;
    let target = root
        .query_selector(&format!("#{id}"))
        .ok()
        .flatten()
        .or_else(|| {
            // A fieldset (radio groups, checklist items) is focused through its first control.
            root.query_selector(&format!(
            "[data-for=\"{id}\"]:not(.{ph}) input, [data-for=\"{id}\"]:not(.{ph}) select, [data-for=\"{id}\"]:not(.{ph}) textarea",
            ph = lazy::PLACEHOLDER_CLASS
        ))
            .ok()
            .flatten()
        });
    match target {
        Some(el) => {
            el.scroll_into_view_with_bool(false);
            if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
            true
        }
        None => false,
    }
}
