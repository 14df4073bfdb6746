//! The engine: JSONLogic operators and field-format checks, ready to compile specs.

use crate::diagnostic::SpecError;
use crate::extension::{FormatCheck, Operator};
use crate::form::Form;
use crate::logic::DataLogic;
use crate::spec::{FieldType, Spec};
use crate::text::Text;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Compiles specs into forms. Cheap to clone; share one per process.
#[derive(Clone)]
pub struct Engine {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) logic: DataLogic,
    pub(crate) formats: HashMap<FieldType, Arc<dyn FormatCheck>>,
    pub(crate) messages: BTreeMap<String, Text>,
    pub(crate) operators: Vec<String>,
}

/// Adds operators, format checks and message wording to an [`Engine`].
#[derive(Default)]
pub struct EngineBuilder {
    operators: Vec<(String, Arc<dyn Operator>)>,
    formats: HashMap<FieldType, Arc<dyn FormatCheck>>,
    messages: BTreeMap<String, Text>,
}

impl EngineBuilder {
    /// Makes `name` callable from rules as `{"name": [args…]}`.
    pub fn operator(mut self, name: &str, op: impl Operator + 'static) -> Self {
        self.operators.push((name.to_owned(), Arc::new(op)));
        self
    }

    /// Checks values of the string field type `kind` with `check`.
    pub fn format(mut self, kind: FieldType, check: impl FormatCheck + 'static) -> Self {
        self.formats.insert(kind, Arc::new(check));
        self
    }

    /// Default wording of an issue code raised by an extension.
    pub fn message(mut self, code: &str, text: Text) -> Self {
        self.messages.insert(code.to_owned(), text);
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
                logic: DataLogic::new(&self.operators),
                formats: self.formats,
                messages: self.messages,
                operators: names,
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
        crate::compile::compile_value(self, spec)
    }

    /// Like [`Engine::compile`], from JSON text; bad JSON is reported with its line and column.
    pub fn compile_str(&self, json: &str) -> Result<Form, SpecError> {
        match serde_json::from_str::<serde_json::Value>(json) {
            Ok(v) => self.compile(&v),
            Err(e) => Err(SpecError {
                diagnostics: vec![crate::compile::json_error(&e)],
            }),
        }
    }

    /// Compiles an already-parsed spec.
    pub fn compile_spec(&self, spec: Spec) -> Result<Form, SpecError> {
        crate::compile::compile_spec(self, spec)
    }

    /// Names of every operator rules may call, built-in and added.
    pub fn operator_names(&self) -> &[String] {
        &self.inner.operators
    }
}
