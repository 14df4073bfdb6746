//! The figures of one branch, one file each: each keeps what it needs of the
//! branch's records while they stream in, and gives its plain result once the
//! input has ended.

pub(super) mod calendar;
pub(super) mod checklist;
mod latest;
pub(super) mod meetings;
pub(super) mod points;
pub(super) mod rectification;
pub(super) mod reviews;
pub(super) mod secretary;
pub(super) mod stand_in;
