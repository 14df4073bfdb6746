//! The annual review of a branch secretary's party-building work (书记抓基层党建
//! 述职评议, form `secretary-review`): the secretary reports; the superior
//! committee's members, party members, deputies and villagers' representatives
//! rate the work 好 / 较好 / 一般 / 差; the groups' ratings, weighted, give the
//! evaluation score, combined with the annual check score into a composite
//! graded by score bands and capped by the share of low votes and by the
//! satisfaction rate; the problems raised become a rectification list.
//!
//! One entry, [`assess()`], reads the record once and gives a plain
//! [`Assessment`]; the form's rules and its `result` outcome call it through
//! the `secretary_review` operator, and [`rectification_list`] turns the
//! problems into a `rectification-list` record. Every weight, band and share
//! is a setting of the form (see `docs/forms/secretary-review.md`).

mod assess;
mod grade;
mod messages;
mod ops;
mod rectification;
mod settings;

pub use assess::{assess, assess_with, Assessment, Cap, GroupResult, Votes};
pub use grade::Grade;
pub use rectification::rectification_list;
pub use settings::{Fraction, ReviewSettings};

use dangjian_core::EngineBuilder;

/// Id of the built-in form.
pub const FORM_ID: &str = "secretary-review";

/// Installs the `secretary_review` operator into an engine.
pub fn install(builder: EngineBuilder) -> EngineBuilder {
    ops::install(builder)
}
