//! Whether the form's first frame is on the screen: parts that the first
//! screen does not show (the rows a list hides until "show all", what only
//! paper shows) are drawn just after it, so the form appears sooner.

use super::screen::{ScreenChange, ScreenHandle, Switch};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// False while the form draws its first frame, true from just after it is
/// painted (the next animation frame, then a task: the frame is painted in
/// between). Changes once; the form draws again then. Kept in `screen`
/// ([`Switch::FirstFrameShown`]).
#[hook]
pub fn use_first_frame_shown(screen: &ScreenHandle) -> bool {
    {
        let dispatch = screen.dispatcher();
        super::use_effect_on(
            super::effect::ONCE,
            Box::new(move |_| {
                after_next_frame(move || {
                    dispatch.dispatch(ScreenChange::Set(Switch::FirstFrameShown, true))
                })
            }),
        );
    }
    screen.first_frame_shown
}

/// Runs `f` in a task after the next frame is painted (at once where the
/// browser cannot say when that is).
pub fn after_next_frame(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        f();
        return;
    };
    let later = window.clone();
    let task = Closure::once_into_js(f);
    let on_frame = Closure::once_into_js(move || {
        let function: &js_sys::Function = task.unchecked_ref();
        if later
            .set_timeout_with_callback_and_timeout_and_arguments_0(function, 0)
            .is_err()
        {
            let _ = function.call0(&JsValue::NULL);
        }
    });
    if window
        .request_animation_frame(on_frame.unchecked_ref())
        .is_err()
    {
        let function: &js_sys::Function = on_frame.unchecked_ref();
        let _ = function.call0(&JsValue::NULL);
    }
}
