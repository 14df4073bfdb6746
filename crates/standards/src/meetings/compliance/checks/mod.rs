//! The checks of a compliance run, one file each, over the run's [`Context`]
//! (`super::context`). Each records its findings in the run's `Sink`.

pub(super) mod fixed_day;
pub(super) mod frequency;
pub(super) mod minutes_form;
pub(crate) mod range;
pub(super) mod records;
pub(super) mod usual_time;
