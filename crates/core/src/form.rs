//! A compiled form: its plan ([`crate::plan`]) behind the public calls that
//! validate and score records.

use crate::diagnostic::Diagnostic;
use crate::engine::Inner;
use crate::plan::{Plan, PlannedOutcome, PlannedRule, PlannedScoring};
use crate::report::Report;
use crate::spec::Spec;
use crate::text::Locale;
use std::sync::Arc;

/// A spec that passed `compile`, ready to validate records. Immutable and cheap to share.
pub struct Form {
    pub(crate) spec: Spec,
    pub(crate) inner: Arc<Inner>,
    pub(crate) sections: Vec<Plan>,
    /// Ids of `sections`, sorted, each with its position in `sections`.
    pub(crate) section_ids: Vec<(String, usize)>,
    pub(crate) rules: Vec<PlannedRule>,
    pub(crate) scoring: Option<PlannedScoring>,
    pub(crate) outcomes: Vec<PlannedOutcome>,
    pub(crate) settings: serde_json::Value,
    pub(crate) warnings: Vec<Diagnostic>,
}

pub use crate::limits::Limits;

/// How much of the score a report explains.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Detail {
    /// Every item with the reason each point was lost (the default).
    #[default]
    Full,
    /// Totals, grade, vetoes and section subtotals, without the per-item list:
    /// for bulk re-checks where only the verdict and the score matter.
    Summary,
}

/// How to validate.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ValidateOptions {
    /// How much of the score to explain.
    pub detail: Detail,
    /// Language of messages and titles in the report.
    pub locale: Locale,
    /// Today's date (`YYYY-MM-DD`) for `$today` and `latest: "$today"`; the engine
    /// never reads a clock, so without it those checks are skipped.
    pub today: Option<String>,
    /// Hard limits.
    pub limits: Limits,
    /// Also report which nodes are hidden, disabled or conditionally required
    /// ([`crate::report::NodeStates`]): what a form renderer needs.
    pub states: bool,
}

impl ValidateOptions {
    /// Options with a locale.
    pub fn with_locale(locale: Locale) -> Self {
        ValidateOptions {
            locale,
            ..ValidateOptions::default()
        }
    }
}

/// Validates many records of one form in a row (a year of minutes, a county's
/// checklists), reusing one arena: see [`Form::batch`].
pub struct Batch<'f> {
    form: &'f Form,
    arena: bumpalo::Bump,
}

impl Batch<'_> {
    /// [`Form::validate`], reusing this batch's memory.
    pub fn validate(&mut self, data: &serde_json::Value, options: &ValidateOptions) -> Report {
        self.arena.reset();
        crate::validate::validate(self.form, data, &self.arena, options)
    }

    /// [`Form::validate_json`], reusing this batch's memory.
    pub fn validate_json(
        &mut self,
        text: &str,
        options: &ValidateOptions,
    ) -> Result<Report, crate::JsonError> {
        self.arena.reset();
        crate::validate::validate_json(self.form, text, &self.arena, options)
    }
}

impl std::fmt::Debug for Batch<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batch")
            .field("form", self.form)
            .finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Form {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Form")
            .field("id", &self.spec.id)
            .field("version", &self.spec.version)
            .finish_non_exhaustive()
    }
}

impl Form {
    /// Validates (and, for scored forms, scores) one record. Never fails: every
    /// problem with the record, whatever its shape, is an issue in the report.
    pub fn validate(&self, data: &serde_json::Value, options: &ValidateOptions) -> Report {
        crate::validate::validate(self, data, &bumpalo::Bump::new(), options)
    }

    /// Validates one record given as JSON text: the fast way in, since the text
    /// is parsed straight into the validation arena. Text that is not JSON is
    /// an error with its line and column, text beyond the record budgets
    /// (`options.limits`: bytes, values) an error naming the limit, checked
    /// before parsing; anything else is an issue in the report.
    pub fn validate_json(
        &self,
        text: &str,
        options: &ValidateOptions,
    ) -> Result<Report, crate::JsonError> {
        crate::validate::validate_json(self, text, &bumpalo::Bump::new(), options)
    }

    /// A validator for many records in a row, reusing its memory between them.
    pub fn batch(&self) -> Batch<'_> {
        Batch {
            form: self,
            arena: bumpalo::Bump::new(),
        }
    }

    /// The spec this form was compiled from.
    pub fn spec(&self) -> &Spec {
        &self.spec
    }

    /// Warnings `compile` found in the spec (errors would have stopped it).
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The current value of every setting, as `{name: value}`.
    pub fn settings(&self) -> &serde_json::Value {
        &self.settings
    }

    /// Every setting of the form as a list of rows (see [`crate::Setting::describe`]),
    /// in name order: `{form, version, settings: […]}`. The defaults are this
    /// form's values; `current` (`{name: value}`, e.g. the settings of a form
    /// made from this one by [`Form::with_settings`]) gives the values shown
    /// as `value`, else the defaults.
    pub fn describe_settings(
        &self,
        current: Option<&serde_json::Value>,
        locale: crate::Locale,
    ) -> serde_json::Value {
        let rows: Vec<serde_json::Value> = self
            .spec
            .settings
            .iter()
            .map(|(name, s)| {
                let value = current.and_then(|c| c.get(name)).unwrap_or(&s.value);
                s.describe(name, value, locale)
            })
            .collect();
        serde_json::json!({"form": self.spec.id, "version": self.spec.version, "settings": rows})
    }

    /// This form with some settings changed (`{name: value}`), as a county would
    /// change a threshold. Unknown names, and values of another type, outside the
    /// setting's range or not among its options, are errors naming the setting;
    /// so is every setting named by a check between settings
    /// ([`crate::spec::SettingsCheck`]) the new values fail.
    pub fn with_settings(
        &self,
        overrides: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<Form, crate::SpecError> {
        let mut spec = self.spec.clone();
        let mut diagnostics = Vec::new();
        for (name, value) in overrides {
            let at = crate::pointer::Pointer::root().key("settings").key(name);
            match spec.settings.get_mut(name) {
                None => diagnostics.push(Diagnostic::new(
                    at.to_string(),
                    "spec.unknown_setting",
                    crate::Severity::Error,
                    "表单没有名为“{name}”的设置",
                    "The form has no setting named “{name}”.",
                    crate::params! {"name" => name},
                )),
                Some(setting) => {
                    match crate::compile::settings::check_value(name, setting, value, &at) {
                        Some(d) => diagnostics.push(d),
                        None => setting.value = value.clone(),
                    }
                }
            }
        }
        if diagnostics.is_empty() {
            // Each value fits on its own: now the checks between them.
            diagnostics = crate::compile::settings_checks::failures(&self.inner.logic, &spec, "");
        }
        if !diagnostics.is_empty() {
            return Err(crate::SpecError { diagnostics });
        }
        crate::Engine {
            inner: self.inner.clone(),
        }
        .compile_spec(spec)
    }

    /// An empty record: every section and group present, defaults filled in,
    /// repeated groups and lists empty (each node's `Node::empty_value`, from
    /// the facts of its type). The components start a new record with it.
    pub fn empty_data(&self) -> serde_json::Value {
        crate::spec::Node::empty_object(&self.spec.sections)
    }
}
