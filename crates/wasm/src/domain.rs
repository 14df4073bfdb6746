//! Domain checks that are not forms: identity numbers, the annual meeting
//! calendar and the joint review of a candidate slate.
