//! Spec diagnostics: what `compile` says about a spec, each with its JSON Pointer.

use crate::report::Params;
use crate::spec::Severity;
use crate::text::{interpolate, Locale};
use serde::{Deserialize, Serialize};
use std::fmt;

/// One mistake (or doubtful point) in a spec.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// JSON Pointer inside the spec.
    pub path: String,
    /// Stable code, e.g. `spec.unknown_reference`.
    pub code: String,
    /// Errors stop compilation; warnings do not.
    pub severity: Severity,
    /// The message in Chinese.
    pub message_zh: String,
    /// The message in English.
    pub message_en: String,
    /// Values the message was built from.
    pub params: Params,
}

impl Diagnostic {
    /// A diagnostic from templates with `{name}` placeholders.
    pub fn new(
        path: impl Into<String>,
        code: &str,
        severity: Severity,
        zh: &str,
        en: &str,
        params: Params,
    ) -> Diagnostic {
        Diagnostic {
            path: path.into(),
            code: code.to_owned(),
            severity,
            message_zh: interpolate(zh, &params),
            message_en: interpolate(en, &params),
            params,
        }
    }

    /// The message in `locale`.
    pub fn message(&self, locale: Locale) -> &str {
        match locale {
            Locale::ZhCn => &self.message_zh,
            Locale::En => &self.message_en,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(root)"
        } else {
            &self.path
        };
        write!(f, "{path}: {} [{}]", self.message_en, self.code)
    }
}

/// A spec that cannot be compiled, with every mistake found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpecError {
    /// All diagnostics, errors first in spec order, then warnings.
    pub diagnostics: Vec<Diagnostic>,
}

impl SpecError {
    /// The diagnostics of severity error.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.errors().count();
        write!(f, "the spec has {n} error(s)")?;
        for d in self.errors() {
            write!(f, "\n  {d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for SpecError {}

/// Builds a params map from pairs.
#[macro_export]
#[doc(hidden)]
macro_rules! params {
    () => { $crate::report::Params::new() };
    ($($k:literal => $v:expr),+ $(,)?) => {{
        let mut m = $crate::report::Params::new();
        $( m.insert($k.to_owned(), serde_json::json!($v)); )+
        m
    }};
}
