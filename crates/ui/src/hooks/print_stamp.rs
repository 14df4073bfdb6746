//! The time a record is printed, written on the paper by any print (the Print
//! button or the browser's own), and the end of a print tidied away.

use crate::components::lazy;
use crate::draft::now_local;
use crate::hooks::effect::{use_effect_on_teardown, Teardown, ONCE};
use crate::hooks::screen::{ScreenChange, ScreenHandle};
use crate::hooks::use_node_ref;
use yew::prelude::*;

/// The stamp's element and the time of the last print.
pub struct PrintStamp {
    /// The element whose text is the stamp.
    pub node: NodeRef,
    /// When the record was last printed.
    pub at: Option<String>,
}

/// Listens for `beforeprint` (draws what is not drawn yet and writes the time
/// at once, since the print is laid out before the next render) and
/// `afterprint` (takes away what the Print button put into the page). The
/// time is kept in `screen`.
#[hook]
pub fn use_print_stamp(root: &NodeRef, screen: &ScreenHandle) -> PrintStamp {
    let node = use_node_ref();
    {
        let node = node.clone();
        let dispatch = screen.dispatcher();
        let root = root.clone();
        use_effect_on_teardown(
            ONCE,
            Box::new(move |_| {
                let window = web_sys::window();
                let before = window.as_ref().map(|w| {
                    gloo::events::EventListener::new(w, "beforeprint", move |_| {
                        if let Some(el) = root.cast::<web_sys::Element>() {
                            lazy::reveal_all(&el);
                        }
                        let now = now_local();
                        // The text node is changed in place, so the renderer keeps owning it.
                        if let Some(el) = node.cast::<web_sys::Element>() {
                            el.set_attribute("data-at", &now).ok();
                            let label = el.get_attribute("data-label").unwrap_or_default();
                            if let Some(text) = el.first_child() {
                                text.set_node_value(Some(&format!("{label}{now}")));
                            }
                        }
                        dispatch.dispatch(ScreenChange::Printed(now));
                    })
                });
                let after = window.as_ref().map(|w| {
                    gloo::events::EventListener::new(w, "afterprint", |_| crate::print::end())
                });
                Box::new(move || {
                    drop(before);
                    drop(after);
                }) as Teardown
            }),
        );
    }
    PrintStamp {
        node,
        at: screen.printed_at.clone(),
    }
}
