//! The dangjian-forms engine: a form is data (a [`Spec`]), compiled once into a
//! [`Form`] that validates and scores records and explains every lost point.
//!
//! The engine does no I/O and knows nothing of browsers: the CLI, the npm package
//! and the UI are thin layers over it, so they all give the same answers.
//!
//! # Example
//!
//! ```
//! use dangjian_core::{Engine, ValidateOptions};
//! use serde_json::json;
//!
//! let spec = json!({
//!     "id": "demo", "version": "1", "title": "示例",
//!     "sections": [{"id": "s", "items": [
//!         {"id": "name", "type": "person_name", "required": true}
//!     ]}]
//! });
//! let form = Engine::new().compile(&spec).expect("a valid spec");
//! let report = form.validate(&json!({"s": {}}), &ValidateOptions::default());
//! assert!(!report.valid);
//! assert_eq!(report.issues[0].path, "/s/name");
//! assert_eq!(report.issues[0].code, "required");
//! ```
#![deny(missing_docs)]

mod compile;
mod data;
pub mod dates;
pub mod decimal;
mod diagnostic;
mod engine;
pub mod extension;
mod form;
mod json_reader;
pub mod json_text;
pub mod json_writer;
mod limits;
mod logic;
pub mod messages;
pub mod number;
pub mod order;
mod plan;
pub mod pointer;
pub mod report;
mod rule;
mod score;
pub mod spec;
pub mod text;
mod validate;
mod workspace;

pub use data::JsonError;
pub use diagnostic::{Diagnostic, SpecError};
pub use engine::{Engine, EngineBuilder};
pub use extension::{FormatCheck, FormatProblem, Operator};
pub use form::{Batch, Detail, Form, ValidateOptions};
pub use limits::{Exceeded, Limits, SpecLimits};
pub use report::{Issue, NodeStates, Report, ScoreReport, REPORT_VERSION};
pub use rule::{RuleError, RuleOptions};
pub use spec::{
    FieldType, Format, Moment, Node, Outcome, Property, ScoreBy, Setting, SettingOption,
    SettingType, SettingsCheck, Severity, Shape, Spec, TextKind,
};
pub use text::{Locale, Text};
pub use validate::Sink;
pub use workspace::Workspace;

/// The JSON Schema of a spec, generated from the types the engine parses.
pub fn spec_schema() -> serde_json::Value {
    let schema = schemars::schema_for!(Spec);
    serde_json::to_value(schema).unwrap_or(serde_json::Value::Null)
}
