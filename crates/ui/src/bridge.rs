//! The link between a mounted form and the host page's handle: the latest record
//! and report for `getData()`, and a way in for `setData()`.

use crate::report_view::ReportView;
use crate::state::Action;
use serde_json::Value;
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

/// Something the host page hears about.
#[derive(Debug, Clone)]
pub enum HostEvent {
    /// The person changed the record.
    Change,
    /// The person submitted a valid record.
    Submit,
}

/// Tells the host page about an event, with the record and the report.
pub type Notify = Box<dyn Fn(HostEvent, &Rc<Value>, &Rc<ReportView>)>;

/// Shared between the form component and the handle.
pub struct Bridge {
    dispatch: RefCell<Option<Callback<Action>>>,
    pending: RefCell<Vec<Action>>,
    latest: RefCell<(Rc<Value>, Rc<ReportView>)>,
    notify: Notify,
}

impl Bridge {
    /// A bridge whose events go to `notify`.
    pub fn new(data: Rc<Value>, view: Rc<ReportView>, notify: Notify) -> Rc<Bridge> {
        Rc::new(Bridge {
            dispatch: RefCell::new(None),
            pending: RefCell::new(Vec::new()),
            latest: RefCell::new((data, view)),
            notify,
        })
    }

    /// The form is rendered: actions go straight to it from now on.
    pub fn connect(&self, dispatch: Callback<Action>) {
        let pending: Vec<Action> = self.pending.borrow_mut().drain(..).collect();
        *self.dispatch.borrow_mut() = Some(dispatch.clone());
        for a in pending {
            dispatch.emit(a);
        }
    }

    /// Sends an action to the form (queued until it is rendered).
    pub fn send(&self, action: Action) {
        let dispatch = self.dispatch.borrow().clone();
        match dispatch {
            Some(d) => d.emit(action),
            None => self.pending.borrow_mut().push(action),
        }
    }

    /// Records the latest record and report.
    pub fn update(&self, data: Rc<Value>, view: Rc<ReportView>) {
        *self.latest.borrow_mut() = (data, view);
    }

    /// The latest record and report.
    pub fn latest(&self) -> (Rc<Value>, Rc<ReportView>) {
        self.latest.borrow().clone()
    }

    /// Tells the host page.
    pub fn notify(&self, event: HostEvent) {
        let (data, view) = self.latest();
        (self.notify)(event, &data, &view);
    }
}
