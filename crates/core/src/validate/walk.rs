//! The walk over a record: visibility, required values, the shape of groups and
//! lists, unknown keys, scoped rules — and the facts scoring needs.

use super::field;
use super::Sink;
use crate::form::{Form, Plan, PlannedRule, ValidateOptions};
use crate::logic::{RuleEngine, Scope};
use crate::pointer::{At, Pointer};
use crate::report::{NodeStates, Params};
use crate::spec::RESERVED_KEYS as FORBIDDEN_KEYS;
use crate::spec::{FieldType, Severity};
use serde_json::{Map, Value};

/// What scoring needs to know about one scored node.
pub(crate) struct ScoreFact<'f, 'd> {
    pub(crate) plan: &'f Plan,
    pub(crate) path: Pointer,
    /// Index of the top-level section holding the node.
    pub(crate) section: usize,
    /// The value, when present and non-null.
    pub(crate) value: Option<&'d Value>,
    /// False when the node (or an ancestor) is hidden.
    pub(crate) visible: bool,
    /// Occurrences of each deduction computed by its `count` expression.
    pub(crate) computed: Vec<Option<f64>>,
}

pub(crate) struct Walker<'f, 'd, 'x> {
    form: &'f Form,
    options: &'x ValidateOptions,
    sink: &'x mut Sink<'f>,
    facts: Vec<ScoreFact<'f, 'd>>,
    section: usize,
    /// The states of conditional nodes, when the options ask for them.
    states: Option<NodeStates>,
}

/// True for values that count as "not given".
pub(crate) fn is_empty(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => true,
        Some(Value::String(s)) => s.trim().is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        Some(Value::Object(o)) => o.is_empty(),
        _ => false,
    }
}

impl<'f, 'd, 'x> Walker<'f, 'd, 'x> {
    pub(crate) fn new(
        form: &'f Form,
        options: &'x ValidateOptions,
        sink: &'x mut Sink<'f>,
    ) -> Self {
        Walker {
            form,
            options,
            sink,
            facts: Vec::new(),
            section: 0,
            states: options.states.then(NodeStates::default),
        }
    }

    /// What the walk found: the facts scoring needs, and the node states if asked for.
    pub(crate) fn finish(self) -> (Vec<ScoreFact<'f, 'd>>, Option<NodeStates>) {
        (self.facts, self.states)
    }

    fn note_state(&mut self, pick: fn(&mut NodeStates) -> &mut Vec<String>, at: &At<'_>) {
        if let Some(states) = &mut self.states {
            pick(states).push(at.pointer().as_str().to_owned());
        }
    }

    fn logic(&self) -> &'f crate::logic::DataLogic {
        &self.form.inner.logic
    }

    /// Evaluates a condition; absent conditions give `default`, and one that
    /// cannot be evaluated on this record (a value missing) does not hold.
    fn condition(
        &self,
        expr: Option<&crate::logic::Expr>,
        scope: &Scope<'d>,
        default: bool,
    ) -> bool {
        match expr {
            None => default,
            Some(e) => self.logic().test(e, scope).unwrap_or(false),
        }
    }

    pub(crate) fn record(&mut self, record: &'d Value, scope: &Scope<'d>) {
        let empty = empty_map();
        let obj = record.as_object().unwrap_or(empty);
        let form = self.form;
        self.unknown_keys(obj, &form.section_ids, &At::Root);
        for (i, plan) in form.sections.iter().enumerate() {
            self.section = i;
            let here = At::Root;
            self.node(
                plan,
                obj.get(&plan.node.id),
                &here.key(&plan.node.id),
                scope,
            );
        }
        self.rules(&form.rules, scope, &At::Root);
    }

    fn unknown_keys(&mut self, obj: &Map<String, Value>, ids: &[String], at: &At<'_>) {
        for key in obj.keys() {
            if self.key_too_long(key, at) {
                continue;
            }
            if FORBIDDEN_KEYS.contains(&key.as_str()) {
                self.forbidden_key(key, at);
            } else if ids.binary_search(key).is_err() {
                self.sink.push(
                    None,
                    at.key(key).pointer().as_str(),
                    "unknown_key",
                    Severity::Error,
                    params(&[("key", key.as_str().into())]),
                );
            }
        }
    }

    fn forbidden_key(&mut self, key: &str, at: &At<'_>) {
        self.sink.push(
            None,
            at.key(key).pointer().as_str(),
            "forbidden_key",
            Severity::Error,
            params(&[("key", key.into())]),
        );
    }

    /// Reports a key over the size limit at its object (the key itself is not
    /// copied into the report); true when it was too long.
    fn key_too_long(&mut self, key: &str, at: &At<'_>) -> bool {
        let limit = self.options.limits.max_key_chars;
        if key.len() <= limit {
            return false;
        }
        let n = key.chars().count();
        if n <= limit {
            return false;
        }
        self.sink.push(
            None,
            at.pointer().as_str(),
            "key_too_long",
            Severity::Error,
            params(&[("length", n.into()), ("limit", limit.into())]),
        );
        true
    }

    /// The part of a hidden subtree's checks that never depends on visibility:
    /// forbidden or oversized keys, oversized strings and lists. Hidden content
    /// is otherwise not validated.
    fn hostile(&mut self, value: &Value, at: &At<'_>) {
        let limits = self.options.limits;
        match value {
            Value::String(s) if s.len() > limits.max_string_chars => {
                let n = s.chars().count();
                if n > limits.max_string_chars {
                    self.sink.push(
                        None,
                        at.pointer().as_str(),
                        "too_long",
                        Severity::Error,
                        params(&[
                            ("length", n.into()),
                            ("limit", limits.max_string_chars.into()),
                        ]),
                    );
                }
            }
            Value::Array(items) => {
                if items.len() > limits.max_items {
                    self.sink.push(
                        None,
                        at.pointer().as_str(),
                        "too_many",
                        Severity::Error,
                        params(&[
                            ("count", items.len().into()),
                            ("limit", limits.max_items.into()),
                        ]),
                    );
                }
                for (i, v) in items.iter().take(limits.max_items).enumerate() {
                    self.hostile(v, &at.index(i));
                }
            }
            Value::Object(map) => {
                for (k, v) in map {
                    if self.key_too_long(k, at) {
                        continue;
                    }
                    if FORBIDDEN_KEYS.contains(&k.as_str()) {
                        self.forbidden_key(k, at);
                    } else {
                        self.hostile(v, &at.key(k));
                    }
                }
            }
            _ => {}
        }
    }

    fn node(&mut self, plan: &'f Plan, value: Option<&'d Value>, at: &At<'_>, scope: &Scope<'d>) {
        if !self.condition(plan.visible_if.as_ref(), scope, true) {
            self.note_state(|s| &mut s.hidden, at);
            if let Some(v) = value {
                self.hostile(v, at);
            }
            self.hidden(plan, at);
            return;
        }
        let value = value.filter(|v| !v.is_null());
        let enabled = self.condition(plan.enabled_if.as_ref(), scope, true);
        if !enabled {
            self.note_state(|s| &mut s.disabled, at);
        }
        let required = enabled
            && (plan.node.required || {
                let holds = self.condition(plan.required_if.as_ref(), scope, false);
                if holds {
                    self.note_state(|s| &mut s.required, at);
                }
                holds
            });
        match plan.node.kind {
            FieldType::Group if plan.node.repeat.is_some() => {
                self.list(plan, value, at, scope, required)
            }
            FieldType::Group => self.group(plan, value, at, scope, required),
            _ => {
                if is_empty(value) {
                    if required {
                        self.sink.push(
                            Some(plan),
                            at.pointer().as_str(),
                            "required",
                            Severity::Error,
                            Params::new(),
                        );
                    }
                } else if let Some(v) = value {
                    field::check(self.sink, self.options, plan, v, at);
                }
                self.fact(plan, at, value.filter(|v| !is_empty(Some(v))), true, scope);
            }
        }
    }

    fn group(
        &mut self,
        plan: &'f Plan,
        value: Option<&'d Value>,
        at: &At<'_>,
        scope: &Scope<'d>,
        required: bool,
    ) {
        let empty = empty_map();
        let obj = match value {
            Some(Value::Object(o)) => o,
            Some(_) => {
                self.type_issue(plan, at, "object");
                empty
            }
            None => empty,
        };
        if required && obj.values().all(|v| is_empty(Some(v))) {
            self.sink.push(
                Some(plan),
                at.pointer().as_str(),
                "required",
                Severity::Error,
                Params::new(),
            );
        }
        self.unknown_keys(obj, &plan.child_ids, at);
        for child in &plan.children {
            self.node(
                child,
                obj.get(&child.node.id),
                &at.key(&child.node.id),
                scope,
            );
        }
        self.rules(&plan.rules, scope, at);
    }

    fn list(
        &mut self,
        plan: &'f Plan,
        value: Option<&'d Value>,
        at: &At<'_>,
        scope: &Scope<'d>,
        required: bool,
    ) {
        let items: &'d [Value] = match value {
            Some(Value::Array(a)) => a,
            Some(_) => {
                self.type_issue(plan, at, "array");
                &[]
            }
            None => &[],
        };
        let repeat = plan.node.repeat.unwrap_or_default();
        let n = items.len() as u64;
        if items.is_empty() && required {
            self.sink.push(
                Some(plan),
                at.pointer().as_str(),
                "required",
                Severity::Error,
                Params::new(),
            );
        } else if n < repeat.min && (!items.is_empty() || required) {
            self.sink.push(
                Some(plan),
                at.pointer().as_str(),
                "min_items",
                Severity::Error,
                params(&[("min", repeat.min.into()), ("count", n.into())]),
            );
        }
        if let Some(max) = repeat.max {
            if n > max {
                self.sink.push(
                    Some(plan),
                    at.pointer().as_str(),
                    "max_items",
                    Severity::Error,
                    params(&[("max", max.into()), ("count", n.into())]),
                );
            }
        }
        let limit = self.options.limits.max_items;
        if items.len() > limit {
            self.sink.push(
                Some(plan),
                at.pointer().as_str(),
                "too_many",
                Severity::Error,
                params(&[("count", items.len().into()), ("limit", limit.into())]),
            );
        }
        let empty = empty_map();
        for (i, item) in items.iter().take(limit).enumerate() {
            let here = at.index(i);
            let obj = match item {
                Value::Object(o) => o,
                _ => {
                    self.type_issue(plan, &here, "object");
                    empty
                }
            };
            let item_scope = scope.item(item, i);
            self.unknown_keys(obj, &plan.child_ids, &here);
            for child in &plan.children {
                self.node(
                    child,
                    obj.get(&child.node.id),
                    &here.key(&child.node.id),
                    &item_scope,
                );
            }
            self.rules(&plan.rules, &item_scope, &here);
        }
        self.fact(plan, at, value, true, scope);
    }

    /// The pointer a fact records: only built when the report lists items.
    fn path_of(&self, at: &At<'_>) -> Pointer {
        if self.options.detail == crate::form::Detail::Full {
            at.pointer()
        } else {
            Pointer::root()
        }
    }

    fn type_issue(&mut self, plan: &'f Plan, at: &At<'_>, expected: &str) {
        let name = crate::messages::type_name(expected, self.options.locale);
        self.sink.push(
            Some(plan),
            at.pointer().as_str(),
            "type",
            Severity::Error,
            params(&[("expected", name.into())]),
        );
    }

    /// Records hidden scored nodes so scoring leaves them out of the denominator.
    fn hidden(&mut self, plan: &'f Plan, at: &At<'_>) {
        if plan.node.score.is_some() {
            self.facts.push(ScoreFact {
                plan,
                path: self.path_of(at),
                section: self.section,
                value: None,
                visible: false,
                computed: vec![],
            });
        }
        if plan.node.repeat.is_none() {
            for child in &plan.children {
                self.hidden(child, &at.key(&child.node.id));
            }
        }
    }

    fn fact(
        &mut self,
        plan: &'f Plan,
        at: &At<'_>,
        value: Option<&'d Value>,
        visible: bool,
        scope: &Scope<'d>,
    ) {
        if plan.node.score.is_none() {
            return;
        }
        let logic = self.logic();
        let computed = plan
            .deduction_counts
            .iter()
            .map(|e| {
                e.as_ref().and_then(|e| match logic.value(e, scope) {
                    Ok(Value::Bool(b)) => Some(if b { 1.0 } else { 0.0 }),
                    Ok(Value::Number(n)) => n.as_f64(),
                    _ => None,
                })
            })
            .collect();
        self.facts.push(ScoreFact {
            plan,
            path: self.path_of(at),
            section: self.section,
            value,
            visible,
            computed,
        });
    }

    fn rules(&mut self, rules: &'f [PlannedRule], scope: &Scope<'d>, base: &At<'_>) {
        let logic = self.logic();
        for r in rules {
            if let Some(when) = &r.when {
                if !matches!(logic.test(when, scope), Ok(true)) {
                    continue;
                }
            }
            if !matches!(logic.test(&r.assert, scope), Ok(false)) {
                continue;
            }
            let mut p = Params::new();
            for (name, e) in &r.params {
                p.insert(name.clone(), logic.value(e, scope).unwrap_or(Value::Null));
            }
            let path = base.pointer().join(r.rule.path.as_deref().unwrap_or(""));
            self.sink.push_text(
                None,
                path.as_str(),
                &r.rule.code,
                r.rule.severity,
                p,
                &r.rule.message,
            );
        }
    }
}

/// A params map from pairs.
pub(crate) fn params(pairs: &[(&str, Value)]) -> Params {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

/// An empty object that lives as long as any record.
fn empty_map() -> &'static Map<String, Value> {
    static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
    EMPTY.get_or_init(Map::new)
}
