//! Drafts of a mounted form: saved after every edit, offered back after a
//! reload, kept when they would be lost, and watched across tabs.
//!
//! Nothing typed is lost by one click: the draft found after a reload is kept
//! among the earlier drafts before new typing replaces it, a discarded draft
//! can be taken back, a record replaced by a restore, an import or the host
//! page is kept, and a draft another tab saved under the same key is kept
//! before this tab saves over it — with a notice saying so.
//!
//! What the hook shows is one state ([`DraftsState`], changed by [`Change`]
//! through one reducer) and what the person chooses in its notices is one
//! callback of [`Choice`]: Yew's hook code is compiled once for them, not once
//! per type of state (bench/README.md, "The UI's hooks, one type each").

use crate::draft::{Draft, DraftStore, Loaded, SaveError};
use crate::hooks::effect::{use_effect_on, use_effect_on_teardown, Deps, Teardown, ONCE};
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
    Open(Draft),
    /// Discarded, with a way back.
    Discarded(Draft),
}

/// What the person chose in a notice about drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Restore the offered draft.
    Restore,
    /// Discard the offered draft (it is kept among the earlier drafts).
    Discard,
    /// Take a discard back: the draft is offered again.
    Undiscard,
    /// Load what the other tab saved (what is here is kept).
    TakeOther,
    /// Go on here (the other tab's draft is kept among the earlier ones).
    KeepMine,
    /// Forget the broken-draft notice.
    ForgetBroken,
}

/// What the hook keeps between renders.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftsState {
    /// The draft found when the form opened.
    pub offer: Offer,
    /// A stored draft that is not a record (it cannot be restored): its kind.
    pub broken: Option<&'static str>,
    /// When the draft was last saved.
    pub saved_at: Option<String>,
    /// Why the draft could not be saved.
    pub problem: Option<SaveError>,
    /// A draft another tab saved under the same key.
    pub other_tab: Option<Draft>,
}

/// A change to [`DraftsState`].
#[derive(Debug)]
pub enum Change {
    /// The offer, as the person has now dealt with it.
    Offer(Offer),
    /// The broken-draft notice is forgotten.
    ForgetBroken,
    /// A save's outcome: when it was saved, or why it could not be.
    Saved(Result<String, SaveError>),
    /// A draft another tab saved (none: the person has dealt with it).
    OtherTab(Option<Draft>),
}

impl Reducible for DraftsState {
    type Action = Change;

    /// The state after `change`; the same state (nothing drawn again) when
    /// nothing changes.
    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::Offer(offer) => next.offer = offer,
            Change::ForgetBroken => next.broken = None,
            Change::Saved(Ok(at)) => {
                next.problem = None;
                next.saved_at = Some(at);
            }
            Change::Saved(Err(e)) => next.problem = Some(e),
            Change::OtherTab(d) => next.other_tab = d,
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// What the hook's listener and timers read and write between renders.
struct Shared {
    /// The record as it stands, for the storage listener (which outlives renders).
    latest: Rc<Value>,
    /// Whether this page has saved yet: the first save keeps what it overwrites.
    saved_once: bool,
}

/// What the form shows and does about drafts.
pub struct Drafts {
    /// Where drafts go (none: no drafts).
    pub store: Option<DraftStore>,
    /// What the notices show.
    pub state: UseReducerHandle<DraftsState>,
    /// What the person chose in a notice.
    pub choose: Callback<Choice>,
}

impl Drafts {
    /// What a button of a notice does when clicked: `choice` (one closure
    /// type for every such button).
    pub fn on_click(&self, choice: Choice) -> Callback<MouseEvent> {
        self.choose.reform(move |_| choice)
    }

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
    let drafts = {
        let store = store.clone();
        let form_id = form_id.clone();
        let initial = initial.clone();
        use_reducer(move || {
            let (offer, broken) = match store.map(|s| s.load(&form_id)) {
                Some(Loaded::Draft(d)) if d.data != *initial => (Offer::Open(d), None),
                Some(Loaded::NotARecord(kind)) => (Offer::None, Some(kind)),
                _ => (Offer::None, None),
            };
            DraftsState {
                offer,
                broken,
                saved_at: None,
                problem: None,
                other_tab: None,
            }
        })
    };
    let shared = use_mut_ref(|| Shared {
        latest: state.data.clone(),
        saved_once: false,
    });
    shared.borrow_mut().latest = state.data.clone();

    // After every edit: save, keeping first what the save would overwrite.
    {
        let store = store.clone();
        let state = state.clone();
        let dispatch = drafts.dispatcher();
        let shared = shared.clone();
        use_effect_on(
            (state.edits, 0),
            Box::new(move |&(edits, _): &Deps| {
                if edits > 0 {
                    if let Some(store) = store {
                        gloo::timers::callback::Timeout::new(0, move || {
                            dispatch.dispatch(Change::Saved(save(&store, &state, &shared)));
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
            (serial, 0),
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
        let dispatch = drafts.dispatcher();
        let shared = shared.clone();
        use_effect_on_teardown(
            ONCE,
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
                            if theirs.data != *shared.borrow().latest {
                                // Kept at once: whatever this tab does next, theirs is not lost.
                                store.keep(theirs.clone(), "other_tab");
                                dispatch.dispatch(Change::OtherTab(Some(theirs)));
                            }
                        }
                    })
                });
                Box::new(move || drop(listener)) as Teardown
            }),
        );
    }

    let choose = {
        let drafts = drafts.clone();
        let store = store.clone();
        let state = state.clone();
        Callback::from(move |choice: Choice| choose(choice, &drafts, store.as_ref(), &state))
    };
    Drafts {
        store,
        state: drafts,
        choose,
    }
}

/// Does what the person chose in a notice about drafts.
fn choose(
    choice: Choice,
    drafts: &UseReducerHandle<DraftsState>,
    store: Option<&DraftStore>,
    state: &UseReducerHandle<FormState>,
) {
    let tr = |zh, en| crate::i18n::tr(state.locale, zh, en).to_owned();
    match (choice, &drafts.offer) {
        (Choice::Restore, offer) => {
            if let Offer::Open(d) = offer {
                state.dispatch(Action::Restore(d.data.clone()));
                state.dispatch(Action::Announce(tr("草稿已恢复", "Draft restored")));
            }
            drafts.dispatch(Change::Offer(Offer::None));
        }
        (Choice::Discard, Offer::Open(d)) => {
            if let Some(store) = store {
                store.keep(d.clone(), "discarded");
                // Nothing typed here yet: the stored draft goes (it is kept above).
                if state.edits == 0 {
                    store.clear();
                }
            }
            drafts.dispatch(Change::Offer(Offer::Discarded(d.clone())));
            state.dispatch(Action::Announce(tr(
                "草稿已放弃，可以撤销，也可在“草稿记录”中找回",
                "Draft discarded: undo it, or find it under “Earlier drafts”",
            )));
        }
        (Choice::Undiscard, Offer::Discarded(d)) => {
            drafts.dispatch(Change::Offer(Offer::Open(d.clone())));
        }
        (Choice::TakeOther, _) => {
            if let Some(d) = &drafts.other_tab {
                state.dispatch(Action::Restore(d.data.clone()));
            }
            drafts.dispatch(Change::OtherTab(None));
        }
        (Choice::KeepMine, _) => drafts.dispatch(Change::OtherTab(None)),
        (Choice::ForgetBroken, _) => drafts.dispatch(Change::ForgetBroken),
        (Choice::Discard | Choice::Undiscard, _) => {}
    }
}

/// Saves the record as the draft; the first save of the page keeps the draft
/// it overwrites (one the person did not restore) among the earlier drafts.
fn save(
    store: &DraftStore,
    state: &FormState,
    shared: &RefCell<Shared>,
) -> Result<String, SaveError> {
    let spec = state.setup.form.spec();
    let saved_before = std::mem::replace(&mut shared.borrow_mut().saved_once, true);
    if !saved_before {
        if let Loaded::Draft(old) = store.load(&spec.id) {
            if old.data != *state.data {
                store.keep(old, "superseded");
            }
        }
    }
    store.save(&spec.id, &spec.version, &state.data)
}
