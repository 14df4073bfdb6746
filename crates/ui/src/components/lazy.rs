//! Long forms open fast: a section of a long form draws its first nodes and
//! keeps the rest behind one placeholder about their height, holding their
//! titles (so find-in-page still finds them). More are drawn when the
//! placeholder comes near the viewport, when something wants to move focus
//! into it, before printing, and otherwise a few at a time while the browser
//! is idle — so after a moment every node is there and keyboard, find-in-page
//! and print see the whole form.
//!
//! Focus moving into the last nodes drawn draws the next ones at once, so the
//! keyboard never skips a node. A placeholder draws more when it receives the
//! DOM event [`REVEAL_STEP`]
//! (a few more nodes) or [`REVEAL_EVENT`] (all of them); the intersection
//! observer, the idle filler, printing and [`super::focus_id`] send them.
//! Short forms skip all this and draw at once.

use crate::tree::UiNode;
use dangjian_core::Locale;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The DOM event that asks a placeholder to draw everything it holds.
pub const REVEAL_EVENT: &str = "dj-reveal";
/// The DOM event that asks a placeholder to draw a few more nodes.
pub const REVEAL_STEP: &str = "dj-reveal-step";
/// Nodes drawn per step.
pub const STEP: usize = 10;
/// Focus this many nodes before a placeholder draws the next step.
pub const FOCUS_AHEAD: usize = 3;
/// Class of placeholders.
pub const PLACEHOLDER_CLASS: &str = "dj-ph";
/// Forms with at least this many section-level nodes draw lazily.
pub const LAZY_FROM: usize = 100;
/// The form's text size in CSS px: `--dj-font-size` of the theme's defaults
/// (THEME in js/elements.js) and of elder-friendly mode (`.dj-elder` in
/// styles/ui.css). The placeholder's estimated heights are in em: this is what
/// one is worth on screen. A page that sets larger text gets a few nodes more
/// than its screen shows at first, never fewer. A test holds both sizes to
/// the theme's.
const FONT_PX: f64 = 15.0;
/// The form's text size in elder-friendly mode, CSS px (see [`FONT_PX`]).
const ELDER_FONT_PX: f64 = 20.0;
/// The screen's height in CSS px where the browser cannot say.
const SCREEN_PX: f64 = 1080.0;
/// How far outside the viewport a placeholder is drawn (CSS margin of the observer).
const AHEAD: &str = "1200px 0px 1200px 0px";

/// The intersection observer's callback.
type OnIntersect = Closure<dyn FnMut(js_sys::Array)>;

/// Shared by the lazily drawn nodes of one form.
pub struct Window {
    /// Drawing lazily at all (a long form).
    pub enabled: bool,
    observer: RefCell<Option<web_sys::IntersectionObserver>>,
    /// Keeps the observer's callback alive.
    _on_intersect: RefCell<Option<OnIntersect>>,
    filling: Cell<bool>,
    /// The viewport's height when the form opened, CSS px.
    screen_px: f64,
}

impl PartialEq for Window {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Window {
    /// The window of a form whose sections hold `units` nodes.
    pub fn new(units: usize) -> Rc<Window> {
        Rc::new(Window {
            enabled: units >= LAZY_FROM,
            observer: RefCell::new(None),
            _on_intersect: RefCell::new(None),
            filling: Cell::new(false),
            screen_px: web_sys::window()
                .and_then(|w| w.inner_height().ok())
                .and_then(|h| h.as_f64())
                .unwrap_or(SCREEN_PX),
        })
    }

    /// The viewport's height in em of the form's text (`elder`: in
    /// elder-friendly mode): how much of the nodes' estimated height the
    /// first frame draws.
    pub fn screen_em(&self, elder: bool) -> f64 {
        self.screen_px / if elder { ELDER_FONT_PX } else { FONT_PX }
    }

    /// Watches `placeholder` until it comes near the viewport (a placeholder
    /// watched again is reported again if it is still near it).
    pub fn observe(&self, placeholder: &web_sys::Element) {
        if self.observer.borrow().is_none() {
            let on_intersect =
                Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
                    for entry in entries.iter() {
                        let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
                        if entry.is_intersecting() {
                            send(&entry.target(), REVEAL_STEP);
                        }
                    }
                });
            let init = web_sys::IntersectionObserverInit::new();
            init.set_root_margin(AHEAD);
            let observer = web_sys::IntersectionObserver::new_with_options(
                on_intersect.as_ref().unchecked_ref(),
                &init,
            )
            .ok();
            *self.observer.borrow_mut() = observer;
            *self._on_intersect.borrow_mut() = Some(on_intersect);
        }
        if let Some(o) = self.observer.borrow().as_ref() {
            o.observe(placeholder);
        }
    }

    /// Stops watching `placeholder`.
    pub fn unobserve(&self, placeholder: &web_sys::Element) {
        if let Some(o) = self.observer.borrow().as_ref() {
            o.unobserve(placeholder);
        }
    }

    /// Draws the placeholders under `root` a few at a time while the browser is
    /// idle, until none is left (started once; later calls do nothing).
    pub fn fill(self: &Rc<Self>, root: web_sys::Element) {
        if !self.enabled || self.filling.replace(true) {
            return;
        }
        schedule_fill(root);
    }

    /// Stops observing (the form is gone).
    pub fn close(&self) {
        if let Some(o) = self.observer.borrow_mut().take() {
            o.disconnect();
        }
    }
}

fn send(el: &web_sys::Element, name: &str) {
    if let Ok(event) = web_sys::Event::new(name) {
        let _ = el.dispatch_event(&event);
    }
}

/// Asks the placeholder `el` to draw everything it holds.
pub fn reveal(el: &web_sys::Element) {
    send(el, REVEAL_EVENT);
}

/// Asks every placeholder under `root` to draw its node; returns how many there were.
pub fn reveal_all(root: &web_sys::Element) -> u32 {
    let Ok(list) = root.query_selector_all(&format!(".{PLACEHOLDER_CLASS}")) else {
        return 0;
    };
    for i in 0..list.length() {
        if let Some(el) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            reveal(&el);
        }
    }
    list.length()
}

/// Number of placeholders left under `root`.
pub fn pending(root: &web_sys::Element) -> u32 {
    root.query_selector_all(&format!(".{PLACEHOLDER_CLASS}"))
        .map(|l| l.length())
        .unwrap_or(0)
}

/// Runs `f` when the browser is idle (or soon, where it cannot say).
fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(f);
    let function: &js_sys::Function = callback.unchecked_ref();
    if window.request_idle_callback(function).is_err() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(function, 30);
    }
}

fn schedule_fill(root: web_sys::Element) {
    when_idle(move || {
        if !root.is_connected() {
            return;
        }
        // The first placeholder in document order: the form fills from the top down.
        let Some(first) = root
            .query_selector(&format!(".{PLACEHOLDER_CLASS}"))
            .ok()
            .flatten()
        else {
            return;
        };
        send(&first, REVEAL_STEP);
        schedule_fill(root);
    });
}

/// How many of `nodes` (holding the values of `section`) a long form draws at
/// once: those whose estimated top is within the screen's height (`screen`,
/// em), counted from the form's first node; `above` is the estimated height of
/// the nodes before them, advanced past these (summed only while it is within
/// the screen). What comes before the first node (the form's header) is not
/// counted: that is the margin. The form's first node is always drawn.
pub fn eager(
    nodes: &[Rc<UiNode>],
    section: &serde_json::Value,
    above: &mut f64,
    screen: f64,
) -> usize {
    let mut drawn = 0;
    for n in nodes {
        if *above >= screen && *above > 0.0 {
            break;
        }
        *above += super::widgets::facts::height_em(n, section.get(&n.node.id));
        drawn += 1;
    }
    drawn
}

/// The placeholder's `style`: about the height of `rest` holding the values of
/// `section` (its own text is not laid out while it is out of view:
/// `content-visibility: auto`).
///
/// Set as the `style` property (`~style`), not the attribute, so that a
/// Content-Security-Policy without 'unsafe-inline' styles keeps it.
pub fn placeholder_style(rest: &[Rc<UiNode>], section: &serde_json::Value) -> String {
    let em: f64 = rest
        .iter()
        .map(|n| super::widgets::facts::height_em(n, section.get(&n.node.id)))
        .sum();
    let em = dangjian_core::decimal::fixed(em, 1);
    format!("contain-intrinsic-block-size:{em}em;min-height:{em}em")
}

/// The titles of `rest`, one a line: what find-in-page finds before they are drawn.
pub fn placeholder_text(rest: &[Rc<UiNode>], locale: Locale) -> String {
    rest.iter()
        .map(|n| n.node.title.get(locale))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    /// The text sizes the first frame's estimate assumes are the theme's own:
    /// `--dj-font-size` of THEME (js/elements.js) and of `.dj-elder` (styles/ui.css).
    #[test]
    fn font_sizes_are_the_themes() {
        let theme = include_str!("../../js/elements.js");
        let sheet = include_str!("../../styles/ui.css");
        assert!(theme.contains(&format!("--dj-font-size: {}px;", super::FONT_PX)));
        let elder = sheet
            .split(".dj-elder {")
            .nth(1)
            .and_then(|rule| rule.split('}').next())
            .unwrap_or_default();
        assert!(elder.contains(&format!("--dj-font-size: {}px;", super::ELDER_FONT_PX)));
    }
}
