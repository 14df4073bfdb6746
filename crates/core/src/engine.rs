//! The engine: JSONLogic operators and field-format checks, ready to compile specs.

use crate::diagnostic::SpecError;
use crate::extension::{FormatCheck, Operator};
use crate::form::Form;
use crate::json_text::Json;
use crate::logic::Logic;
use crate::spec::{FieldType, Spec};
use crate::text::Text;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Compiles specs into forms. Cheap to clone; share one per process.
#[derive(Clone)]
pub struct Engine {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) logic: Logic,
    pub(crate) formats: Formats,
    pub(crate) messages: BTreeMap<String, Text>,
    pub(crate) operators: Vec<String>,
    pub(crate) spec_limits: crate::SpecLimits,
}

/// Adds operators, format checks and message wording to an [`Engine`].
#[derive(Default)]
pub struct EngineBuilder {
    operators: Vec<(String, Arc<dyn Operator>)>,
    formats: Formats,
    messages: BTreeMap<String, Text>,
    spec_limits: crate::SpecLimits,
}

/// The format checks by field type: a handful, so a list searched in order.
///
/// (A list, not a hash map: no hashing and no map code of its own per key
/// type, and a field's check found in a few comparisons.)
#[derive(Default)]
pub(crate) struct Formats(Vec<(FieldType, Arc<dyn FormatCheck>)>);

impl Formats {
    /// The check of `kind`, if one was registered.
    pub(crate) fn get(&self, kind: FieldType) -> Option<&Arc<dyn FormatCheck>> {
        self.0.iter().find(|(k, _)| *k == kind).map(|(_, c)| c)
    }

    /// Registers `check` for `kind`, replacing an earlier one.
    fn insert(&mut self, kind: FieldType, check: Arc<dyn FormatCheck>) {
        match self.0.iter_mut().find(|(k, _)| *k == kind) {
            Some(slot) => slot.1 = check,
            None => self.0.push((kind, check)),
        }
    }
}

impl EngineBuilder {
    /// Makes `name` callable from rules as `{"name": [args…]}`.
    ///
    /// (Generic only in its signature: inlined into the caller, the work is
    /// [`Self::shared_operator`]'s, one function for every operator type.)
    #[inline(always)]
    pub fn operator(self, name: &str, op: impl Operator + 'static) -> Self {
        self.shared_operator(name, Arc::new(op))
    }

    /// [`Self::operator`] for an operator already shared.
    pub fn shared_operator(mut self, name: &str, op: Arc<dyn Operator>) -> Self {
        self.operators.push((name.to_owned(), op));
        self
    }

    /// Checks values of the string field type `kind` with `check`.
    ///
    /// (Inlined into the caller, as [`Self::operator`]: the work is [`Self::shared_format`]'s.)
    #[inline(always)]
    pub fn format(self, kind: FieldType, check: impl FormatCheck + 'static) -> Self {
        self.shared_format(kind, Arc::new(check))
    }

    /// [`Self::format`] for a check already shared.
    pub fn shared_format(mut self, kind: FieldType, check: Arc<dyn FormatCheck>) -> Self {
        self.formats.insert(kind, check);
        self
    }

    /// Default wording of an issue code raised by an extension.
    pub fn message(mut self, code: &str, text: Text) -> Self {
        self.messages.insert(code.to_owned(), text);
        self
    }

    /// Limits on the specs this engine compiles (default [`crate::SpecLimits::default`]).
    pub fn spec_limits(mut self, limits: crate::SpecLimits) -> Self {
        self.spec_limits = limits;
        self
    }

    /// The engine.
    pub fn build(self) -> Engine {
        let mut names: Vec<String> = crate::logic::builtin_operators()
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        names.extend(self.operators.iter().map(|(n, _)| n.clone()));
        Engine {
            inner: Arc::new(Inner {
                logic: Logic::new(&self.operators),
                formats: self.formats,
                messages: self.messages,
                operators: names,
                spec_limits: self.spec_limits,
            }),
        }
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

impl Engine {
    /// An engine with the built-in operators and no domain extensions.
    pub fn new() -> Engine {
        EngineBuilder::default().build()
    }

    /// A builder for an engine with extensions.
    pub fn builder() -> EngineBuilder {
        EngineBuilder::default()
    }

    /// Checks a spec given as JSON and compiles it. On failure the error lists
    /// every mistake found, each with its JSON Pointer inside the spec.
    pub fn compile(&self, spec: &serde_json::Value) -> Result<Form, SpecError> {
        crate::compile::compile_json(self, &Json::view(spec))
    }

    /// Like [`Engine::compile`], from JSON text; bad JSON is reported with its
    /// line and column, text beyond `max_spec_bytes` refused before it is read.
    pub fn compile_str(&self, json: &str) -> Result<Form, SpecError> {
        let max = self.inner.spec_limits.max_spec_bytes;
        if json.len() > max {
            let e = crate::Exceeded {
                limit: "max_spec_bytes",
                max,
                found: json.len(),
            };
            return Err(SpecError {
                diagnostics: vec![crate::limits::spec_diagnostic("", e)],
            });
        }
        // Read into a tree that borrows the text's strings: no `String` per
        // key nor map per object to make and drop (half a compile's
        // allocations when it went through a `Value`).
        match crate::json_text::tree(json) {
            Ok(spec) => crate::compile::compile_json(self, &spec),
            Err(e) => Err(SpecError {
                diagnostics: vec![crate::compile::json_error(&e)],
            }),
        }
    }

    /// Compiles an already-parsed spec.
    pub fn compile_spec(&self, spec: Spec) -> Result<Form, SpecError> {
        crate::limits::check_settings(&spec.settings, &self.inner.spec_limits)?;
        crate::compile::compile_spec(self, spec)
    }

    /// The limits on specs this engine compiles.
    pub fn spec_limits(&self) -> &crate::SpecLimits {
        &self.inner.spec_limits
    }

    /// Names of every operator rules may call, built-in and added.
    pub fn operator_names(&self) -> &[String] {
        &self.inner.operators
    }
}
