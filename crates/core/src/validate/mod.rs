//! `validate`: walks a record along the compiled form, collecting issues and the
//! facts scoring needs, then runs the cross-field rules and scores.

mod field;
mod walk;
mod web;

use crate::data::{self, Data, JsonError};
use crate::form::{Form, ValidateOptions};
use crate::logic::Scope;
use crate::messages::{Messages, Overrides};
use crate::plan::Plan;
use crate::report::{Counts, FormRef, Issue, Params, Report, REPORT_VERSION};
use crate::spec::Severity;
use crate::text::{Locale, Text};
use bumpalo::Bump;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

pub(crate) use walk::ScoreFact;

/// Collects issues: the engine's collector while a record is validated, and the
/// one checks outside a form (`dangjian-standards`) use for theirs, so every
/// issue has the same shape, wording rules and numbers.
///
/// Messages come from the wording overrides of the form (when there is one),
/// then the collector's table of [`Messages`], then the built-in catalogue.
/// At most `max` issues are kept; [`Sink::finish`] reports the rest with one
/// `too_many` error.
///
/// ```
/// use dangjian_core::{Locale, Severity, Sink};
/// use serde_json::json;
///
/// const WORDING: &dangjian_core::messages::Messages =
///     &[("demo.late", "迟到 {minutes} 分钟", "{minutes} minutes late.")];
/// let mut sink = Sink::new(Locale::En, WORDING);
/// let params = json!({"minutes": 5.0}).as_object().cloned().unwrap_or_default();
/// sink.add("/start", "demo.late", Severity::Warning, params);
/// let (issues, counts) = sink.finish();
/// assert_eq!(issues[0].message, "5 minutes late.");
/// assert_eq!(counts.warnings, 1);
/// ```
pub struct Sink<'f> {
    pub(crate) form: Option<&'f Form>,
    pub(crate) table: &'f Messages,
    pub(crate) locale: Locale,
    pub(crate) issues: Vec<Issue>,
    pub(crate) max: usize,
    pub(crate) dropped: usize,
    /// Longest text of a parameter (`Limits::max_param_chars`).
    pub(crate) max_param_chars: usize,
}

/// No wording of one's own.
static NO_OVERRIDES: BTreeMap<String, Text> = BTreeMap::new();

impl<'f> Sink<'f> {
    /// A collector for checks outside a form, worded by `table` (then the
    /// built-in catalogue), keeping at most [`crate::Limits`]' `max_issues`.
    pub fn new(locale: Locale, table: &'f Messages) -> Sink<'f> {
        Sink {
            form: None,
            table,
            locale,
            issues: Vec::new(),
            max: crate::Limits::default().max_issues,
            dropped: 0,
            max_param_chars: crate::Limits::default().max_param_chars,
        }
    }

    /// The same collector keeping at most `max` issues.
    pub fn with_max(mut self, max: usize) -> Sink<'f> {
        self.max = max;
        self
    }

    /// The language of the messages.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// Adds an issue worded by its `code`.
    pub fn add(&mut self, path: &str, code: &str, severity: Severity, params: Params) {
        self.push(None, path, code, severity, params);
    }

    /// Adds an issue of `code` worded by the table's entry `key`: a variant
    /// wording of the same code (e.g. one that also names records not counted).
    pub fn add_worded(
        &mut self,
        path: &str,
        code: &str,
        key: &str,
        severity: Severity,
        params: Params,
    ) {
        match crate::messages::lookup(self.table, key) {
            Some((zh, en)) => {
                let text = Text::new(zh, en);
                self.push_text(None, path, code, severity, params, &text);
            }
            None => self.push(None, path, code, severity, params),
        }
    }

    /// The issues kept so far.
    pub fn issues(&self) -> &[Issue] {
        &self.issues
    }

    /// Ends the collection: the issues (with one `too_many` error when some
    /// were dropped) and their counts by severity.
    pub fn finish(mut self) -> (Vec<Issue>, Counts) {
        self.close();
        let errors = self
            .issues
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .count();
        let warnings = self.issues.len() - errors;
        (self.issues, Counts { errors, warnings })
    }

    /// Reports dropped issues with one `too_many` error.
    pub(crate) fn close(&mut self) {
        if self.dropped == 0 {
            return;
        }
        let mut params = Params::new();
        params.insert(
            "count".into(),
            Value::from(self.dropped + self.issues.len()),
        );
        params.insert("limit".into(), Value::from(self.max));
        self.max += 1;
        self.dropped = 0;
        self.push(None, "", "too_many", Severity::Error, params);
    }

    /// The wording in force at `plan` (or outside any node).
    fn overrides<'p>(&'p self, plan: Option<&'p Plan>) -> Overrides<'p> {
        Overrides {
            node: plan.map(|p| &p.node.messages),
            form: self.form.map_or(&NO_OVERRIDES, |f| &f.spec.messages),
            extra: self.form.map_or(&NO_OVERRIDES, |f| &f.inner.messages),
            table: self.table,
        }
    }

    /// Adds an issue whose message comes from the catalogue (or an override).
    pub(crate) fn push(
        &mut self,
        plan: Option<&Plan>,
        path: &str,
        code: &str,
        severity: Severity,
        params: Params,
    ) {
        if self.issues.len() >= self.max {
            self.dropped += 1;
            return;
        }
        let mut params = params;
        normalize_numbers(&mut params);
        clip_texts(&mut params, self.max_param_chars);
        let message = self
            .overrides(plan)
            .render(code, self.locale, &params, None);
        self.issues.push(Issue {
            path: path.to_owned(),
            code: code.to_owned(),
            severity,
            message,
            params,
        });
    }

    /// Adds an issue with its own message template (rules, format checks).
    pub(crate) fn push_text(
        &mut self,
        plan: Option<&Plan>,
        path: &str,
        code: &str,
        severity: Severity,
        params: Params,
        text: &crate::text::Text,
    ) {
        if self.issues.len() >= self.max {
            self.dropped += 1;
            return;
        }
        let mut params = params;
        normalize_numbers(&mut params);
        clip_texts(&mut params, self.max_param_chars);
        let message = self
            .overrides(plan)
            .render(code, self.locale, &params, Some(text));
        self.issues.push(Issue {
            path: path.to_owned(),
            code: code.to_owned(),
            severity,
            message,
            params,
        });
    }
}

/// Writes whole numbers without a fraction (`6`, not `6.0`), as JavaScript does,
/// so reports are byte-identical whichever runtime serialises them.
fn normalize_numbers(params: &mut Params) {
    params.values_mut().for_each(normalize_value);
}

/// Cuts every text in `params` (nested ones too) to `max` characters, so an
/// issue never echoes a huge input in its message or its params.
fn clip_texts(params: &mut Params, max: usize) {
    params.values_mut().for_each(|v| clip(v, max));
    fn clip(v: &mut Value, max: usize) {
        match v {
            Value::String(s) => {
                if let Some(cut) = crate::limits::clip(s, max) {
                    *s = cut;
                }
            }
            Value::Array(a) => a.iter_mut().for_each(|v| clip(v, max)),
            Value::Object(o) => o.values_mut().for_each(|v| clip(v, max)),
            _ => {}
        }
    }
}

/// [`normalize_numbers`] for one value.
/// Numbers as JavaScript prints them: a whole float becomes an integer.
pub(crate) fn normalize_value(v: &mut Value) {
    fix(v);
    fn fix(v: &mut Value) {
        match v {
            Value::Number(n) if !n.is_i64() && !n.is_u64() => {
                if let Some(f) = n.as_f64() {
                    if f.fract() == 0.0 && f.abs() < 9.0e15 {
                        #[allow(clippy::cast_possible_truncation)]
                        let i = f as i64;
                        *v = Value::from(i);
                    }
                }
            }
            Value::Array(a) => a.iter_mut().for_each(fix),
            Value::Object(o) => o.values_mut().for_each(fix),
            _ => {}
        }
    }
}

/// Validates a record given as a `serde_json::Value` (copied into `arena` once).
pub(crate) fn validate(
    form: &Form,
    value: &Value,
    arena: &Bump,
    options: &ValidateOptions,
) -> Report {
    let record = arena.alloc(data::from_value(value, arena));
    validate_data(form, record, arena, options)
}

/// Validates a record given as JSON text, parsed straight into `arena`.
pub(crate) fn validate_json<'a>(
    form: &Form,
    text: &'a str,
    arena: &'a Bump,
    options: &ValidateOptions,
) -> Result<Report, JsonError> {
    crate::limits::check_record(text, &options.limits).map_err(JsonError::exceeded)?;
    let record = arena.alloc(data::parse(text, arena)?);
    Ok(validate_data(form, record, arena, options))
}

/// Validates a record that lives in `arena`.
fn validate_data<'a>(
    form: &Form,
    data: &'a Data<'a>,
    arena: &'a Bump,
    options: &ValidateOptions,
) -> Report {
    let empty: &'a Data<'a> = arena.alloc(Data::Object(&[]));
    let record = if data.is_object() { data } else { empty };
    let scope = Scope::new(
        arena,
        record,
        &form.settings,
        options.today.as_deref(),
        options.locale.tag(),
        &options.limits,
    );
    let mut sink = Sink {
        form: Some(form),
        table: &[],
        locale: options.locale,
        issues: Vec::new(),
        max: options.limits.max_issues,
        dropped: 0,
        max_param_chars: options.limits.max_param_chars,
    };
    if !data.is_object() {
        let mut params = Params::new();
        params.insert(
            "expected".into(),
            Value::String(crate::messages::type_name("object", options.locale).into()),
        );
        sink.push(None, "", "type", Severity::Error, params);
    }
    let mut walker = walk::Walker::new(form, options, &mut sink, arena);
    walker.record(record, &scope);
    let (facts, states) = walker.finish();
    let score = form
        .scoring
        .as_ref()
        .map(|s| crate::score::score(form, s, &facts, &scope, options));
    sink.close();
    let errors = sink
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .count();
    let warnings = sink.issues.len() - errors;
    let outcomes = outcomes(form, &scope, &sink.issues, errors, score.as_ref());
    Report {
        report_version: REPORT_VERSION,
        form: FormRef {
            id: form.spec.id.clone(),
            version: form.spec.version.clone(),
        },
        locale: options.locale.tag().to_owned(),
        valid: errors == 0,
        counts: Counts { errors, warnings },
        issues: sink.issues,
        score,
        outcomes,
        states,
    }
}

/// The values of the spec's outcomes, computed once the issues and the score are known.
fn outcomes<'a>(
    form: &'a Form,
    scope: &Scope<'a>,
    issues: &[Issue],
    errors: usize,
    score: Option<&crate::report::ScoreReport>,
) -> Map<String, Value> {
    if form.outcomes.is_empty() {
        return Map::new();
    }
    let codes: Vec<Value> = issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| Value::String(i.code.clone()))
        .collect();
    let mut values = vec![
        ("$valid", Value::Bool(errors == 0)),
        ("$errors", Value::from(errors)),
        ("$error_codes", Value::Array(codes)),
    ];
    if let Some(s) = score {
        let summary = serde_json::json!({
            "earned": s.earned,
            "possible": s.possible,
            "percent": s.percent,
            "total": s.total,
            "grade": s.grade.as_ref().map(|g| g.id.clone()),
        });
        values.push(("$score", summary));
    }
    let scope = scope.with_values(&values);
    let logic = &form.inner.logic;
    let mut out = Map::new();
    for o in &form.outcomes {
        let mut value =
            crate::logic::RuleEngine::value(logic, &o.value, &scope).unwrap_or(Value::Null);
        normalize_value(&mut value);
        out.insert(o.id.clone(), value);
    }
    out
}
