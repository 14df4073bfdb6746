//! What the form's component keeps between renders besides the record: the
//! switches of the page (elder-friendly mode, the summary bar opened, the
//! lists shown in full, the first frame shown), the last submission and print,
//! the earlier drafts while their list is open, and the requests to move focus.
//!
//! One state ([`Screen`]) changed through one reducer ([`ScreenChange`]): Yew's
//! hook code is compiled once for it, where a `use_state` per value compiled
//! a copy per call (bench/README.md, "The UI's hooks, one type each").

use crate::draft::Draft;
use std::rc::Rc;
use yew::prelude::*;

/// A switch of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Switch {
    /// Elder-friendly mode (large text).
    Elder,
    /// The summary bar of a narrow page is opened.
    SummaryOpen,
    /// The score panel lists every item that lost points.
    AllLosses,
    /// The rectification list shows every entry.
    AllEntries,
    /// The form's first frame is on the screen (see
    /// [`crate::hooks::use_first_frame_shown`]).
    FirstFrameShown,
}

/// Where focus is sent on request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The summary of what is still to fix (a submission refused).
    Summary,
    /// The confirmation of a submission.
    Confirmation,
    /// The form's first field (the draft found on opening restored or discarded).
    FirstField,
}

/// What the form's component keeps besides the record.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Screen {
    /// Elder-friendly mode is on.
    pub elder: bool,
    /// The summary bar of a narrow page is opened.
    pub summary_open: bool,
    /// The score panel lists every item that lost points.
    pub all_losses: bool,
    /// The rectification list shows every entry.
    pub all_entries: bool,
    /// The form's first frame is on the screen.
    pub first_frame_shown: bool,
    /// When the record was submitted (until the next edit).
    pub submitted_at: Option<String>,
    /// When the record was last printed.
    pub printed_at: Option<String>,
    /// The earlier drafts, while their list is open.
    pub history: Option<Vec<Draft>>,
    /// How many times focus was sent somewhere (an effect moves it at each request).
    pub focus_requests: u32,
    /// Where the last request sends focus.
    pub focus_to: Option<Focus>,
}

/// A change to [`Screen`].
#[derive(Debug)]
pub enum ScreenChange {
    /// A switch turned on or off.
    Set(Switch, bool),
    /// A switch turned over.
    Toggle(Switch),
    /// The record submitted at this time, or edited since (none).
    Submitted(Option<String>),
    /// The record printed at this time.
    Printed(String),
    /// The list of earlier drafts opened with these, or closed (none).
    History(Option<Vec<Draft>>),
    /// Focus requested there.
    Focus(Focus),
}

impl Screen {
    /// Whether `switch` is on.
    pub fn on(&self, switch: Switch) -> bool {
        match switch {
            Switch::Elder => self.elder,
            Switch::SummaryOpen => self.summary_open,
            Switch::AllLosses => self.all_losses,
            Switch::AllEntries => self.all_entries,
            Switch::FirstFrameShown => self.first_frame_shown,
        }
    }

    /// The field that holds `switch`.
    fn switch(&mut self, switch: Switch) -> &mut bool {
        match switch {
            Switch::Elder => &mut self.elder,
            Switch::SummaryOpen => &mut self.summary_open,
            Switch::AllLosses => &mut self.all_losses,
            Switch::AllEntries => &mut self.all_entries,
            Switch::FirstFrameShown => &mut self.first_frame_shown,
        }
    }
}

impl Reducible for Screen {
    type Action = ScreenChange;

    /// The state after `change`; the same state (nothing drawn again) when
    /// nothing changes.
    fn reduce(self: Rc<Self>, change: ScreenChange) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            ScreenChange::Set(switch, on) => *next.switch(switch) = on,
            ScreenChange::Toggle(switch) => {
                let on = next.switch(switch);
                *on = !*on;
            }
            ScreenChange::Submitted(at) => next.submitted_at = at,
            ScreenChange::Printed(at) => next.printed_at = Some(at),
            ScreenChange::History(list) => next.history = list,
            ScreenChange::Focus(to) => {
                next.focus_requests = next.focus_requests.wrapping_add(1);
                next.focus_to = Some(to);
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

/// The handle the form's parts read [`Screen`] through and change it with.
pub type ScreenHandle = UseReducerHandle<Screen>;

/// A click that turns `switch` over (one closure type for every such button).
pub fn toggler(screen: &ScreenHandle, switch: Switch) -> Callback<MouseEvent> {
    let dispatch = screen.dispatcher();
    Callback::from(move |_: MouseEvent| dispatch.dispatch(ScreenChange::Toggle(switch)))
}

/// The form's [`Screen`], elder-friendly mode on from the start when `elder`.
#[hook]
pub fn use_screen(elder: bool) -> ScreenHandle {
    use_reducer(move || Screen {
        elder,
        ..Screen::default()
    })
}
