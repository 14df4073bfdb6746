//! The whole state for the panels inside the form ([`crate::views::LivePanel`]),
//! which follow every change while the group or list around them is drawn
//! again only when its own share changes.
//!
//! In place of Yew's `ContextProvider` and `use_context`: the provider is a
//! component of its own (its lifecycle code, a slab of subscribers, the lookup
//! of a parent scope by type) and compared the form's whole tree on each
//! render; here the form hands its state to the one [`Live`] of its
//! [`crate::state::Setup`] and the panels are redrawn when it changed
//! (bench/README.md, "The UI's code, third round").

use crate::components::Ctx;
use crate::hooks::effect::{use_effect_on_teardown, Teardown, ONCE};
use crate::state::Setup;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The form's latest state and the panels that draw from it.
#[derive(Default)]
pub struct Live {
    /// The state as the form last drew it.
    ctx: RefCell<Option<Ctx>>,
    /// How to redraw each panel drawn now (a free slot where one went).
    panels: RefCell<Vec<Option<UseForceUpdateHandle>>>,
}

impl Live {
    /// Keeps the form's state `ctx` (on each render of the form) and redraws
    /// every panel when it differs from the last one kept.
    pub fn set(&self, ctx: &Ctx) {
        if self.ctx.borrow().as_ref() == Some(ctx) {
            return;
        }
        *self.ctx.borrow_mut() = Some(ctx.clone());
        for i in 0.. {
            let slot = self.panels.borrow().get(i).cloned();
            match slot {
                Some(Some(panel)) => panel.force_update(),
                Some(None) => {}
                None => break,
            }
        }
    }

    /// Forgets the state and the panels, when the form goes away: the state
    /// holds the setup that holds this.
    pub fn clear(&self) {
        self.ctx.take();
        self.panels.take();
    }

    /// The state as the form last drew it.
    pub fn get(&self) -> Option<Ctx> {
        self.ctx.borrow().clone()
    }

    /// Redraws `panel` on each change from now on; returns its slot.
    fn join(&self, panel: UseForceUpdateHandle) -> usize {
        let mut panels = self.panels.borrow_mut();
        match panels.iter().position(Option::is_none) {
            Some(free) => {
                if let Some(slot) = panels.get_mut(free) {
                    *slot = Some(panel);
                }
                free
            }
            None => {
                panels.push(Some(panel));
                panels.len() - 1
            }
        }
    }

    /// Stops redrawing the panel in `slot`.
    fn leave(&self, slot: usize) {
        if let Some(s) = self.panels.borrow_mut().get_mut(slot) {
            *s = None;
        }
    }
}

/// The whole state of the form of `setup`, for a panel inside it: the
/// component is drawn again whenever the state changes.
#[hook]
pub fn use_live(setup: &Rc<Setup>) -> Option<Ctx> {
    let redraw = use_force_update();
    {
        let setup = setup.clone();
        use_effect_on_teardown(
            ONCE,
            Box::new(move |_| {
                let slot = setup.live.join(redraw);
                Box::new(move || setup.live.leave(slot)) as Teardown
            }),
        );
    }
    setup.live.get()
}

/// Hands the form's state to the panels inside it on each render, and lets
/// go of it when the form goes away.
#[hook]
pub fn use_live_source(ctx: &Ctx) {
    let setup = ctx.state.setup.clone();
    setup.live.set(ctx);
    use_effect_on_teardown(
        ONCE,
        Box::new(move |_| Box::new(move || setup.live.clear()) as Teardown),
    );
}
