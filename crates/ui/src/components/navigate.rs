//! Going to a place of the form from a link (an error, a lost point, a
//! rectification item, the contents): the place is drawn if it is not drawn
//! yet, scrolled into the middle of the part of the screen no sticky bar
//! covers, its first control focused, and the arrival said aloud.
//!
//! Layout keeps moving after the first scroll on a long form: sections out of
//! view are laid out only as they come near (`content-visibility`), a lazily
//! drawn section grows, a slow machine draws late. So the place is watched for
//! a while and scrolled back into view whenever it drifts, until it has stayed
//! put — or until the person scrolls, clicks or types themselves.
//!
//! Links need no handler of their own: any element with `data-go` (a JSON
//! Pointer, or `#id` for an element) is followed by one handler on the form.

use super::{dom_id, lazy};
use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::NodeRef;

/// Attribute of the elements that are links to a place.
pub const GO_ATTR: &str = "data-go";
/// Milliseconds between two looks at the place.
const TICK_MS: u32 = 40;
/// Looks before giving up (about 6 s, for a slow machine drawing a long form).
const TICKS: u32 = 150;
/// Looks in a row the place must stay in view to be settled.
const STABLE: u32 = 6;
/// Space kept between the place and a sticky bar, in CSS pixels.
const MARGIN: f64 = 12.0;

/// Controls that can take focus, in the order a place offers them.
const CONTROLS: &str = "input:not([disabled]):not([type=hidden]):checked, \
    input:not([disabled]):not([type=hidden]):not([type=radio]), select:not([disabled]), \
    textarea:not([disabled]), input[type=radio]:not([disabled]), button:not([disabled])";

/// Controls that take typing, in the order an element offers them.
const INPUTS: &str = "input:not([type=hidden]):not(:disabled), select:not(:disabled), \
    textarea:not(:disabled)";

/// Focuses the first control of `el` that takes typing (a form's first
/// field, a new row's first cell); false when it has none.
pub fn focus_first_input(el: &Element) -> bool {
    el.query_selector(INPUTS)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .is_some_and(|h| h.focus().is_ok())
}

/// Scrolls the element of `node` to the top of the view and focuses it: a
/// message focus is sent to (the error summary, a submission's confirmation),
/// so that it shows and is read out.
pub fn scroll_and_focus(node: &NodeRef) {
    if let Some(el) = node.cast::<HtmlElement>() {
        el.scroll_into_view_with_bool(true);
        let _ = el.focus();
    }
}

/// The target of a link: a place of the record (`/a/b`) or an element (`#id`).
pub fn target_of(el: &Element) -> Option<String> {
    el.closest(&format!("[{GO_ATTR}]"))
        .ok()
        .flatten()
        .and_then(|link| link.get_attribute(GO_ATTR))
}

/// The element showing `target` (a pointer, or `#id`), and the control to focus in it.
fn find_exact(root: &Element, target: &str) -> Option<(Element, Element)> {
    if let Some(id) = target.strip_prefix('#') {
        let el = root.query_selector(&format!("#{id}")).ok().flatten()?;
        return Some((el.clone(), el));
    }
    let id = dom_id(target);
    let el = root
        .query_selector(&format!(
            "[data-for=\"{id}\"]:not(.{ph}), #{id}",
            ph = lazy::PLACEHOLDER_CLASS
        ))
        .ok()
        .flatten()?;
    let control = if el
        .matches("input, select, textarea, button")
        .unwrap_or(false)
    {
        el.clone()
    } else if el.matches("section").unwrap_or(false) {
        // A section: its heading (the contents' jump), so the person reads from the top.
        el.query_selector("h3")
            .ok()
            .flatten()
            .unwrap_or_else(|| el.clone())
    } else {
        el.query_selector(CONTROLS)
            .ok()
            .flatten()
            .unwrap_or_else(|| el.clone())
    };
    // Scroll the field's whole box (label and all) into view, not just its input.
    let frame = el
        .closest("[data-for], tr, .dj-row, section")
        .ok()
        .flatten()
        .filter(|f| !f.matches("section").unwrap_or(false) || f == &el)
        .unwrap_or_else(|| el.clone());
    Some((frame, control))
}

/// The nearest place around `target` that is drawn (a place the form does not
/// show, such as a part of a field, falls back to the field).
fn find_near(root: &Element, target: &str) -> Option<(Element, Element)> {
    let mut path = target;
    loop {
        if let Some(found) = find_exact(root, path) {
            return Some(found);
        }
        match path.rfind('/') {
            Some(i) if i > 0 => path = path.get(..i).unwrap_or(""),
            _ => return None,
        }
    }
}

/// True while a placeholder holds `target` (it is still to be drawn).
fn pending(root: &Element, target: &str) -> bool {
    let id = dom_id(target);
    root.query_selector_all(&format!(".{}", lazy::PLACEHOLDER_CLASS))
        .map(|list| {
            (0..list.length()).any(|i| {
                list.item(i)
                    .and_then(|n| n.dyn_into::<Element>().ok())
                    .and_then(|el| el.get_attribute("data-for"))
                    .is_some_and(|f| f == id || id.starts_with(&format!("{f}-")))
            })
        })
        .unwrap_or(false)
}

/// Asks the placeholders holding `path` (or a place above it) to draw.
fn reveal(root: &Element, target: &str) {
    let id = dom_id(target);
    let Ok(list) = root.query_selector_all(&format!(".{}", lazy::PLACEHOLDER_CLASS)) else {
        return;
    };
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let holds = el
            .get_attribute("data-for")
            .is_some_and(|f| f == id || id.starts_with(&format!("{f}-")));
        if holds {
            lazy::reveal(&el);
        }
    }
}

/// The part of the viewport no sticky bar of the form covers: (top, bottom).
fn band(root: &Element) -> (f64, f64) {
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let (mut top, mut bottom) = (0.0_f64, height);
    if let Ok(bars) = root.query_selector_all(".dj-sticky-top, .dj-submit-bar") {
        for i in 0..bars.length() {
            let Some(bar) = bars.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let r = bar.get_bounding_client_rect();
            if r.height() <= 0.0 || r.bottom() <= 0.0 || r.top() >= height {
                continue;
            }
            if bar.class_list().contains("dj-submit-bar") {
                if r.bottom() >= height - 1.0 {
                    bottom = bottom.min(r.top());
                }
            } else if r.top() <= 1.0 {
                top = top.max(r.bottom());
            }
        }
    }
    (top + MARGIN, bottom - MARGIN)
}

/// Scrolls the least that brings `control` (just focused) clear of the form's
/// sticky bars, or nothing when it is clear. The browser's own scrolling on
/// focus leaves a control under the submit bar when only part of it has to
/// show (a text area shows its caret line).
pub fn keep_clear(root: &Element, control: &Element) {
    let (top, bottom) = band(root);
    let r = control.get_bounding_client_rect();
    let by = if r.top() < top || r.height() > bottom - top {
        r.top() - top
    } else if r.bottom() > bottom {
        r.bottom() - bottom
    } else {
        return;
    };
    if let Some(w) = web_sys::window() {
        w.scroll_by_with_x_and_y(0.0, by);
    }
}

/// Scrolls so that `frame` sits in the middle of the free band; true when it
/// had to move.
fn center(root: &Element, frame: &Element) -> bool {
    let (top, bottom) = band(root);
    let r = frame.get_bounding_client_rect();
    let fits = r.height() <= bottom - top;
    let inside = if fits {
        r.top() >= top && r.bottom() <= bottom
    } else {
        r.top() >= top && r.top() <= top + (bottom - top) * 0.4
    };
    if inside {
        return false;
    }
    let want = if fits {
        top + (bottom - top - r.height()) / 2.0
    } else {
        top
    };
    if let Some(w) = web_sys::window() {
        w.scroll_by_with_x_and_y(0.0, r.top() - want);
    }
    true
}

/// Goes to `target` (a JSON Pointer, or `#id`) and calls `arrived` once it is
/// focused. A later call, or the person scrolling, clicking or typing, ends
/// the watch.
pub fn go(root: Element, target: String, arrived: impl FnOnce() + 'static) {
    let generation = GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    });
    reveal(&root, &target);
    let stopped = Rc::new(Cell::new(false));
    let mut listeners = Vec::new();
    if let Some(w) = web_sys::window() {
        for name in ["wheel", "touchstart", "keydown", "mousedown"] {
            let stopped = stopped.clone();
            listeners.push(EventListener::new(&w, name, move |_| stopped.set(true)));
        }
    }
    let watch = Watch {
        root,
        target,
        generation,
        arrived: Some(Box::new(arrived)),
        focused: false,
        found: None,
        stable: 0,
        stopped,
        _listeners: Rc::new(listeners),
    };
    // The first look right away (the place is usually there), then every tick.
    watch.look(TICKS);
}

/// One watch over a place until it settles.
struct Watch {
    root: Element,
    target: String,
    generation: u64,
    arrived: Option<Box<dyn FnOnce()>>,
    focused: bool,
    found: Option<(Element, Element)>,
    stable: u32,
    stopped: Rc<Cell<bool>>,
    _listeners: Rc<Vec<EventListener>>,
}

impl Watch {
    fn look(mut self, left: u32) {
        let superseded = GENERATION.with(Cell::get) != self.generation;
        if left == 0 || superseded || !self.root.is_connected() {
            return;
        }
        let kept = self.found.clone().filter(|(frame, _)| frame.is_connected());
        let found = if self.focused && kept.is_some() {
            kept
        } else if self.focused {
            find_near(&self.root, &self.target)
        } else {
            match find_exact(&self.root, &self.target) {
                Some(f) => Some(f),
                // Still being drawn: ask again and wait (a slow machine takes a while).
                None if pending(&self.root, &self.target) && left > TICKS / 2 => None,
                None => find_near(&self.root, &self.target),
            }
        };
        match found {
            None => reveal(&self.root, &self.target),
            Some((frame, control)) => {
                if !self.focused {
                    // Focus without the browser's own scroll (it would tuck the
                    // place under the sticky submit bar), then center it.
                    if let Ok(h) = control.clone().dyn_into::<HtmlElement>() {
                        if h.tab_index() < 0 && !control.matches(CONTROLS).unwrap_or(false) {
                            let _ = h.set_attribute("tabindex", "-1");
                        }
                        let options = web_sys::FocusOptions::new();
                        options.set_prevent_scroll(true);
                        let _ = h.focus_with_options(&options);
                    }
                    frame.scroll_into_view_with_scroll_into_view_options(&{
                        let o = web_sys::ScrollIntoViewOptions::new();
                        o.set_block(web_sys::ScrollLogicalPosition::Center);
                        o
                    });
                    center(&self.root, &frame);
                    self.focused = true;
                    self.found = Some((frame.clone(), control.clone()));
                    // Events of the person from now on end the watch (the
                    // focus and scroll above were ours).
                    self.stopped.set(false);
                    if let Some(f) = self.arrived.take() {
                        f();
                    }
                } else if self.stopped.get() {
                    return;
                } else if center(&self.root, &frame) {
                    self.stable = 0;
                } else {
                    self.stable += 1;
                    if self.stable >= STABLE {
                        return;
                    }
                }
            }
        }
        Timeout::new(TICK_MS, move || self.look(left - 1)).forget();
    }
}

thread_local! {
    /// Counts the trips started: a watch whose trip is not the latest ends.
    static GENERATION: Cell<u64> = const { Cell::new(0) };
}
