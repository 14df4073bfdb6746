//! Drafts of a mounted form: saved after every edit, offered back after a
//! reload, kept when they would be lost, and watched across tabs.
//!
//! Nothing typed is lost by one click: the draft found after a reload is kept
//! among the earlier drafts before new typing replaces it, a discarded draft
//! can be taken back, a record replaced by a restore, an import or the host
//! page is kept, and a draft another tab saved under the same key is kept
//! before this tab saves over it — with a notice saying so.

use crate::draft::{DraftStore, Loaded, SaveError};
use crate::hooks::effect::{use_effect_on, use_effect_on_teardown, Teardown};
use crate::state::{Action, FormState};
use serde_json::Value;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The draft found when the form opened, as the person has dealt with it.
#[derive(Debug, Clone, PartialEq)]
pub enum Offer {
    /// Nothing to offer (or the person restored it).
    None,
    /// Offered: restore or discard.
    Open(crate::draft::Draft),
    /// Discarded, with a way back.
    Discarded(crate::draft::Draft),
}

/// What the form shows and does about drafts.
pub struct Drafts {
    /// Where drafts go (none: no drafts).
    pub store: Option<DraftStore>,
    /// The draft found when the form opened.
    pub offer: Offer,
    /// A stored draft that is not a record (it cannot be restored): its kind.
    pub broken: Option<&'static str>,
    /// When the draft was last saved.
    pub saved_at: Option<String>,
    /// Why the draft could not be saved.
    pub problem: Option<SaveError>,
    /// A draft another tab saved under the same key.
    pub other_tab: Option<crate::draft::Draft>,
    /// Restores the offered draft.
    pub restore: Callback<()>,
    /// Discards the offered draft (it is kept among the earlier drafts).
    pub discard: Callback<()>,
    /// Takes a discard back: the draft is offered again.
    pub undiscard: Callback<()>,
    /// Loads what the other tab saved (what is here is kept).
    pub take_other: Callback<()>,
    /// Goes on here (the other tab's draft is kept among the earlier ones).
    pub keep_mine: Callback<()>,
    /// Forgets the broken-draft notice.
    pub forget_broken: Callback<()>,
}

impl Drafts {
    /// Keeps `data` among the earlier drafts as `why`.
    pub fn keep(&self, state: &FormState, data: &Value, why: &str) {
        if let Some(store) = &self.store {
            let spec = state.setup.form.spec();
            store.keep(DraftStore::snapshot(&spec.id, &spec.version, data), why);
        }
    }

    /// The record was submitted: it is kept among the earlier drafts and the draft is cleared.
    pub fn submitted(&self, state: &FormState) {
        if let Some(store) = &self.store {
            self.keep(state, &state.data, "submitted");
            store.clear();
        }
    }
}

/// The drafts of the form in `state`, stored in `store`; `initial` is the
/// record the form opened with (a draft equal to it is not offered).
#[hook]
pub fn use_drafts(
    store: Option<DraftStore>,
    state: &UseReducerHandle<FormState>,
    initial: &Rc<Value>,
) -> Drafts {
    let form_id = state.setup.form.spec().id.clone();
    let found = {
        let store = store.clone();
        let form_id = form_id.clone();
        let initial = initial.clone();
        use_memo((), move |_| match store.map(|s| s.load(&form_id)) {
            Some(Loaded::Draft(d)) if d.data != *initial => (Offer::Open(d), None),
            Some(Loaded::NotARecord(kind)) => (Offer::None, Some(kind)),
            _ => (Offer::None, None),
        })
    };
    let offer = use_state(|| found.0.clone());
    let broken = use_state(|| found.1);
    // (`_eq`: setting the same value again draws nothing.)
    let problem = use_state_eq(|| None::<SaveError>);
    let saved_at = use_state_eq(|| None::<String>);
    let other_tab = use_state(|| None::<crate::draft::Draft>);
    // The record as it stands, for the storage listener (which outlives renders).
    let latest = use_mut_ref(|| state.data.clone());
    *latest.borrow_mut() = state.data.clone();
    // Whether this page has saved yet: the first save keeps what it overwrites.
    let saved_once = use_mut_ref(|| false);

    // After every edit: save, keeping first what the save would overwrite.
    {
        let store = store.clone();
        let state = state.clone();
        let problem = problem.clone();
        let saved_at = saved_at.clone();
        let saved_once = saved_once.clone();
        use_effect_on(
            state.edits,
            Box::new(move |&edits| {
                if edits > 0 {
                    if let Some(store) = store {
                        gloo::timers::callback::Timeout::new(0, move || {
                            save(&store, &state, &saved_once, &problem, &saved_at);
                        })
                        .forget();
                    }
                }
            }),
        );
    }
    // A whole record replaced (restore, import, the host page): keep what was there.
    {
        let store = store.clone();
        let state = state.clone();
        let serial = state.undo.as_ref().map_or(0, |u| u.serial);
        use_effect_on(
            serial,
            Box::new(move |_| {
                if let (Some(store), Some(u)) = (store, &state.undo) {
                    if u.what.keeps_record() {
                        let spec = state.setup.form.spec();
                        store.keep(
                            DraftStore::snapshot(&spec.id, &spec.version, &u.data),
                            "replaced",
                        );
                    }
                }
            }),
        );
    }
    // Another tab saving under the same key.
    {
        let store = store.clone();
        let other_tab = other_tab.clone();
        let latest = latest.clone();
        let form_id = form_id.clone();
        use_effect_on_teardown(
            (),
            Box::new(move |_| {
                let listener = store.zip(web_sys::window()).map(|(store, w)| {
                    gloo::events::EventListener::new(&w, "storage", move |e| {
                        let Some(e) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(e)
                        else {
                            return;
                        };
                        if e.key().as_deref() != Some(store.key()) {
                            return;
                        }
                        let Some(text) = e.new_value() else {
                            return;
                        };
                        if let Loaded::Draft(theirs) = DraftStore::parse(&text, &form_id) {
                            if theirs.data != **latest.borrow() {
                                // Kept at once: whatever this tab does next, theirs is not lost.
                                store.keep(theirs.clone(), "other_tab");
                                other_tab.set(Some(theirs));
                            }
                        }
                    })
                });
                Box::new(move || drop(listener)) as Teardown
            }),
        );
    }

    let restore = {
        let offer = offer.clone();
        let state = state.clone();
        Callback::from(move |()| {
            if let Offer::Open(d) = &*offer {
                state.dispatch(Action::Restore(d.data.clone()));
                state.dispatch(Action::Announce(
                    crate::i18n::tr(state.locale, "草稿已恢复", "Draft restored").to_owned(),
                ));
            }
            offer.set(Offer::None);
        })
    };
    let discard = {
        let offer = offer.clone();
        let store = store.clone();
        let state = state.clone();
        Callback::from(move |()| {
            if let Offer::Open(d) = &*offer {
                if let Some(store) = &store {
                    store.keep(d.clone(), "discarded");
                    // Nothing typed here yet: the stored draft goes (it is kept above).
                    if state.edits == 0 {
                        store.clear();
                    }
                }
                offer.set(Offer::Discarded(d.clone()));
                state.dispatch(Action::Announce(
                    crate::i18n::tr(
                        state.locale,
                        "草稿已放弃，可以撤销，也可在“草稿记录”中找回",
                        "Draft discarded: undo it, or find it under “Earlier drafts”",
                    )
                    .to_owned(),
                ));
            }
        })
    };
    let undiscard = {
        let offer = offer.clone();
        Callback::from(move |()| {
            if let Offer::Discarded(d) = &*offer {
                offer.set(Offer::Open(d.clone()));
            }
        })
    };
    let take_other = {
        let other_tab = other_tab.clone();
        let state = state.clone();
        Callback::from(move |()| {
            if let Some(d) = &*other_tab {
                state.dispatch(Action::Restore(d.data.clone()));
            }
            other_tab.set(None);
        })
    };
    let keep_mine = {
        let other_tab = other_tab.clone();
        Callback::from(move |()| other_tab.set(None))
    };
    let forget_broken = {
        let broken = broken.clone();
        Callback::from(move |()| broken.set(None))
    };
    Drafts {
        store,
        offer: (*offer).clone(),
        broken: *broken,
        saved_at: (*saved_at).clone(),
        problem: *problem,
        other_tab: (*other_tab).clone(),
        restore,
        discard,
        undiscard,
        take_other,
        keep_mine,
        forget_broken,
    }
}

/// Saves the record as the draft; the first save of the page keeps the draft
/// it overwrites (one the person did not restore) among the earlier drafts.
fn save(
    store: &DraftStore,
    state: &FormState,
    saved_once: &Rc<RefCell<bool>>,
    problem: &UseStateHandle<Option<SaveError>>,
    saved_at: &UseStateHandle<Option<String>>,
) {
    let spec = state.setup.form.spec();
    if !saved_once.replace(true) {
        if let Loaded::Draft(old) = store.load(&spec.id) {
            if old.data != *state.data {
                store.keep(old, "superseded");
            }
        }
    }
    match store.save(&spec.id, &spec.version, &state.data) {
        Ok(at) => {
            problem.set(None);
            saved_at.set(Some(at));
        }
        Err(e) => problem.set(Some(e)),
    }
}
