//! The catalogue of built-in forms, embedded from `forms/*.json`.

use dangjian_core::{Engine, Form, SpecError};

/// A built-in form: its id and its spec as JSON text.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinForm {
    /// Form id, e.g. `branch-checklist`.
    pub id: &'static str,
    /// The spec, as JSON text.
    pub spec: &'static str,
}

const FORMS: &[BuiltinForm] = &[
    // Each built-in form is added here as its spec lands in forms/.
    BuiltinForm {
        id: "branch-checklist",
        spec: include_str!(concat!(env!("OUT_DIR"), "/forms/branch-checklist.json")),
    },
    BuiltinForm {
        id: "rectification-list",
        spec: include_str!(concat!(env!("OUT_DIR"), "/forms/rectification-list.json")),
    },
    BuiltinForm {
        id: "meeting-minutes",
        spec: include_str!(concat!(env!("OUT_DIR"), "/forms/meeting-minutes.json")),
    },
    BuiltinForm {
        id: "village-decision",
        spec: include_str!(concat!(env!("OUT_DIR"), "/forms/village-decision.json")),
    },
    BuiltinForm {
        id: "member-points",
        spec: include_str!(concat!(env!("OUT_DIR"), "/forms/member-points.json")),
    },
    BuiltinForm {
        id: "candidate-review",
        spec: CANDIDATE_REVIEW,
    },
];

/// Every built-in form.
pub fn builtin_forms() -> &'static [BuiltinForm] {
    FORMS
}

/// The spec text of the built-in form `id`, for modules that need one form's
/// text at compile time (kept in one place so each spec is embedded once).
pub(crate) const CANDIDATE_REVIEW: &str =
    include_str!(concat!(env!("OUT_DIR"), "/forms/candidate-review.json"));

/// The built-in form `id`.
pub fn builtin(id: &str) -> Option<&'static BuiltinForm> {
    FORMS.iter().find(|f| f.id == id)
}

/// Compiles the built-in form `id` with `engine`; `None` when there is no such form.
pub fn compile_builtin(engine: &Engine, id: &str) -> Option<Result<Form, SpecError>> {
    builtin(id).map(|f| engine.compile_str(f.spec))
}
