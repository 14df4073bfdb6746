//! The hooks of a mounted form, each with one job: the lazily drawn window of
//! a long form, whether the first frame is shown, the time stamped on paper, the link to the host page, the
//! progress, and the drafts (autosave, the offer after a reload, the earlier
//! drafts, other tabs); and what the form's component keeps besides the
//! record (its switches, focus requests, the last submission and print).

pub mod drafts;
pub mod effect;
pub mod first_frame;
pub mod host_bridge;
pub mod lazy_window;
pub mod live;
pub mod node_ref;
pub mod print_stamp;
pub mod progress;
pub mod screen;

pub use drafts::{use_drafts, Drafts};
pub use effect::{use_effect_keyed, use_effect_on, use_effect_on_teardown, Deps, Teardown, ONCE};
pub use first_frame::use_first_frame_shown;
pub use host_bridge::use_host_bridge;
pub use lazy_window::use_lazy_window;
pub use live::{use_live, use_live_source, Live};
pub use node_ref::use_node_ref;
pub use print_stamp::{use_print_stamp, PrintStamp};
pub use progress::use_progress;
pub use screen::{use_screen, Screen, ScreenChange, ScreenHandle, Switch};

/// Where keyboard focus goes in a list once it has some number of entries:
/// `(the entry's index, that number)`, none when nothing is asked. The state
/// type of both lists' focus requests (a list of rows, a list of plain
/// values): Yew compiles its state code once per state type.
pub type FocusAt = Option<(usize, usize)>;

/// No focus request: the first state of both lists' focus requests, one
/// function for both `use_state` calls (a closure each would compile Yew's
/// state hook code once per closure).
pub fn no_focus() -> FocusAt {
    None
}
