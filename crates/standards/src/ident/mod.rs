//! Identifiers checked by computation: citizen ID numbers (GB 11643) and unified
//! social credit codes (GB 32100).
//!
//! The checks are plain functions ([`citizen_id::parse`], [`uscc::check`]);
//! [`install`] plugs them into an engine as the format checks of the
//! `citizen_id` and `uscc` field types and as rule operators:
//!
//! | operator | result |
//! |---|---|
//! | `citizen_id_valid(id, today?)` | true when the number is valid |
//! | `citizen_id_birth(id, today?)` | birth date `YYYY-MM-DD`, or null when the number is invalid |
//! | `citizen_id_gender(id, today?)` | `"male"` / `"female"`, or null when the number is invalid |
//! | `citizen_id_normalized(id, today?)` | the 18-character number, or null when invalid |
//! | `uscc_valid(code)` | true when the credit code is valid |

pub mod citizen_id;
mod ops;
pub mod problem;
pub mod province;
pub mod uscc;

pub use problem::{IdProblem, RenderedProblem};

use dangjian_core::{EngineBuilder, FieldType, Text};

/// Installs the identifier format checks, operators and message wording into an engine.
pub fn install(builder: EngineBuilder) -> EngineBuilder {
    let mut b = ops::install(builder)
        .format(FieldType::CitizenId, ops::CitizenIdFormat)
        .format(FieldType::Uscc, ops::UsccFormat);
    for (code, zh, en) in problem::CODES {
        b = b.message(code, Text::new(zh, en));
    }
    b
}
