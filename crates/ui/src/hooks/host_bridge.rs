//! The link to the host page: the handle's actions reach the form, and the
//! handle and the page's listeners hear about every change.

use crate::bridge::{Bridge, HostEvent};
use crate::hooks::effect::{use_effect_on, ONCE};
use crate::state::FormState;
use std::rc::Rc;
use yew::prelude::*;

/// Connects `bridge` to the form's state: actions from the handle are
/// dispatched, the latest record and report are kept for `getData()`, and
/// after every edit by the person the page hears `dj-change` (right after the
/// frame is drawn, not before it).
#[hook]
pub fn use_host_bridge(bridge: &Rc<Bridge>, state: &UseReducerHandle<FormState>) {
    {
        let bridge = bridge.clone();
        let dispatch = state.dispatcher();
        use_effect_on(
            ONCE,
            Box::new(move |_| {
                bridge.connect(Callback::from(move |a| dispatch.dispatch(a)));
            }),
        );
    }
    let bridge = bridge.clone();
    let state = state.clone();
    use_effect_on(
        (state.changes, state.edits),
        Box::new(move |&(_, edits)| {
            bridge.update(state.data.clone(), state.view.clone());
            if edits > 0 {
                gloo::timers::callback::Timeout::new(0, move || bridge.notify(HostEvent::Change))
                    .forget();
            }
        }),
    );
}
