//! `validate`: walks a record along the compiled form, collecting issues and the
//! facts scoring needs, then runs the cross-field rules and scores.

mod field;
mod walk;

use crate::data::{self, Data, JsonError};
use crate::form::{Form, Plan, ValidateOptions};
use crate::logic::Scope;
use crate::messages::Overrides;
use crate::report::{Counts, FormRef, Issue, Params, Report, REPORT_VERSION};
use crate::spec::{FieldType, Severity};
use crate::text::Locale;
use bumpalo::Bump;
use serde_json::{Map, Value};

pub(crate) use walk::ScoreFact;

/// Statuses of a checklist item.
pub(crate) const STATUSES: [&str; 4] = ["met", "partial", "unmet", "na"];

/// Collects issues for one validation run.
pub(crate) struct Sink<'f> {
    pub(crate) form: &'f Form,
    pub(crate) locale: Locale,
    pub(crate) issues: Vec<Issue>,
    pub(crate) max: usize,
    pub(crate) dropped: usize,
}

impl<'f> Sink<'f> {
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
        let overrides = Overrides {
            node: plan.map(|p| &p.node.messages),
            form: &self.form.spec.messages,
            extra: &self.form.inner.messages,
        };
        let mut params = params;
        normalize_numbers(&mut params);
        let message = overrides.render(code, self.locale, &params, None);
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
        let overrides = Overrides {
            node: plan.map(|p| &p.node.messages),
            form: &self.form.spec.messages,
            extra: &self.form.inner.messages,
        };
        let mut params = params;
        normalize_numbers(&mut params);
        let message = overrides.render(code, self.locale, &params, Some(text));
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

/// [`normalize_numbers`] for one value.
fn normalize_value(v: &mut Value) {
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
    let record = arena.alloc(data::parse(text, arena)?);
    Ok(validate_data(form, record, arena, options))
}

/// Validates every element of a JSON array (or the one record the text holds
/// when it is not an array), parsed once into `arena`.
pub(crate) fn validate_all_json<'a>(
    form: &Form,
    text: &'a str,
    arena: &'a Bump,
    options: &ValidateOptions,
) -> Result<Vec<Report>, JsonError> {
    let parsed: &'a Data<'a> = arena.alloc(data::parse(text, arena)?);
    Ok(match parsed {
        Data::Array(records) => records
            .iter()
            .map(|r| validate_data(form, r, arena, options))
            .collect(),
        one => vec![validate_data(form, one, arena, options)],
    })
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
    );
    let mut sink = Sink {
        form,
        locale: options.locale,
        issues: Vec::new(),
        max: options.limits.max_issues,
        dropped: 0,
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
    if sink.dropped > 0 {
        let mut params = Params::new();
        params.insert(
            "count".into(),
            Value::from(sink.dropped + sink.issues.len()),
        );
        params.insert("limit".into(), Value::from(sink.max));
        sink.max += 1;
        sink.push(None, "", "too_many", Severity::Error, params);
    }
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
fn outcomes(
    form: &Form,
    scope: &Scope<'_>,
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

/// An empty record for these sections.
pub(crate) fn empty_data(sections: &[Plan]) -> Value {
    Value::Object(
        sections
            .iter()
            .map(|p| (p.node.id.clone(), empty_value(p)))
            .collect(),
    )
}

fn empty_value(plan: &Plan) -> Value {
    if let Some(d) = &plan.node.default {
        return d.clone();
    }
    match plan.node.kind {
        FieldType::Group if plan.node.repeat.is_some() => Value::Array(vec![]),
        FieldType::Group => empty_data(&plan.children),
        FieldType::MultiChoice => Value::Array(vec![]),
        _ => Value::Null,
    }
}
