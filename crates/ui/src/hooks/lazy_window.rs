//! The window of a long form: which nodes are drawn (see [`crate::components::lazy`]).

use crate::components::lazy::Window;
use crate::hooks::effect::{use_effect_on_teardown, Teardown, ONCE};
use crate::state::Setup;
use std::rc::Rc;
use yew::prelude::*;

/// The form's window, filled while the browser is idle once the form is drawn
/// and closed when it goes.
#[hook]
pub fn use_lazy_window(setup: &Rc<Setup>, root: &NodeRef) -> Rc<Window> {
    let units = setup.sections.iter().map(|s| s.children.len()).sum();
    // Made once, kept for the component's life (`use_mut_ref`: its hook code
    // is smaller than `use_memo`'s, which compares dependencies).
    let window = use_mut_ref(move || Window::new(units)).borrow().clone();
    {
        let window = window.clone();
        let root = root.clone();
        use_effect_on_teardown(
            ONCE,
            Box::new(move |_| {
                if let Some(el) = root.cast::<web_sys::Element>() {
                    window.clone().fill(el);
                }
                Box::new(move || window.close()) as Teardown
            }),
        );
    }
    window
}
