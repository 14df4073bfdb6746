//! The notices above the form, one file each: the draft found after a reload,
//! another tab's draft, storage trouble, a refused record, the undo of the
//! last destructive action, the submission, and values the form has no place
//! for. Each is a plain function of the state: no hooks, no state of its own.

mod draft_offer;
mod other_tab;
mod refused;
mod storage_problem;
mod submitted;
mod undo_bar;
mod unknown_data;

pub use draft_offer::draft_offer;
pub use other_tab::other_tab;
pub use refused::refused;
pub use storage_problem::storage_problem;
pub use submitted::submitted;
pub use undo_bar::{undo_bar, undone_words};
pub use unknown_data::{unknown_data, UNKNOWN_ID};
