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
        spec: include_str!("../forms/branch-checklist.json"),
    },
    BuiltinForm {
        id: "rectification-list",
        spec: include_str!("../forms/rectification-list.json"),
    },
    BuiltinForm {
        id: "meeting-minutes",
        spec: include_str!("../forms/meeting-minutes.json"),
    },
    BuiltinForm {
        id: "village-decision",
        spec: include_str!("../forms/village-decision.json"),
    },
    BuiltinForm {
        id: "member-points",
        spec: include_str!("../forms/member-points.json"),
    },
    BuiltinForm {
        id: "candidate-review",
        spec: include_str!("../forms/candidate-review.json"),
    },
];

/// Every built-in form.
pub fn builtin_forms() -> &'static [BuiltinForm] {
    FORMS
}

/// The built-in form `id`.
pub fn builtin(id: &str) -> Option<&'static BuiltinForm> {
    FORMS.iter().find(|f| f.id == id)
}

/// Compiles the built-in form `id` with `engine`; `None` when there is no such form.
pub fn compile_builtin(engine: &Engine, id: &str) -> Option<Result<Form, SpecError>> {
    builtin(id).map(|f| engine.compile_str(f.spec))
}
