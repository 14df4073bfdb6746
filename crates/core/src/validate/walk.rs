//! The walk over a record: visibility, required values, the shape of groups and
//! lists, unknown keys, scoped rules — and the facts scoring needs.

use super::field;
use super::Sink;
use crate::data::{self, Data, Pairs};
use crate::form::{Form, ValidateOptions};
use crate::logic::{Fault, RuleEngine, Scope};
use crate::plan::{Plan, PlannedRule};
use crate::pointer::{At, Pointer};
use crate::report::{NodeStates, Params};
use crate::spec::Severity;
use crate::spec::RESERVED_KEYS as FORBIDDEN_KEYS;
use bumpalo::Bump;
use serde_json::Value;

/// What scoring needs to know about one scored node.
pub(crate) struct ScoreFact<'f, 'd> {
    pub(crate) plan: &'f Plan,
    pub(crate) path: Pointer,
    /// Index of the top-level section holding the node.
    pub(crate) section: usize,
    /// The value, when present and non-empty.
    pub(crate) value: Option<&'d Data<'d>>,
    /// False when the node (or an ancestor) is hidden.
    pub(crate) visible: bool,
    /// Occurrences of each deduction computed by its `count` expression.
    pub(crate) computed: Vec<Option<f64>>,
}

pub(crate) struct Walker<'f, 'd, 'x> {
    form: &'f Form,
    options: &'x ValidateOptions,
    sink: &'x mut Sink<'f>,
    arena: &'d Bump,
    facts: Vec<ScoreFact<'f, 'd>>,
    section: usize,
    /// The states of conditional nodes, when the options ask for them.
    states: Option<NodeStates>,
}

impl<'f: 'd, 'd, 'x> Walker<'f, 'd, 'x> {
    pub(crate) fn new(
        form: &'f Form,
        options: &'x ValidateOptions,
        sink: &'x mut Sink<'f>,
        arena: &'d Bump,
    ) -> Self {
        Walker {
            form,
            options,
            sink,
            arena,
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

    fn logic(&self) -> &'f crate::logic::Logic {
        &self.form.inner.logic
    }

    /// Evaluates a condition; absent conditions give `default`, and one that
    /// cannot be evaluated on this record (a value missing) does not hold.
    fn condition(
        &self,
        expr: Option<&'f crate::logic::Expr>,
        scope: &Scope<'d>,
        default: bool,
    ) -> bool {
        match expr {
            None => default,
            Some(e) => self.logic().test(e, scope).unwrap_or(false),
        }
    }

    pub(crate) fn record(&mut self, record: &'d Data<'d>, scope: &Scope<'d>) {
        let pairs: Pairs<'d> = match record {
            Data::Object(pairs) => pairs,
            _ => &[],
        };
        let form = self.form;
        let values = self.children(pairs, &form.sections, &form.section_ids, &At::Root);
        for (i, plan) in form.sections.iter().enumerate() {
            self.section = i;
            let value = values.get(i).copied().flatten();
            self.node(plan, value, &At::Root.key(&plan.node.id), scope);
        }
        self.rules(&form.rules, scope, &At::Root);
    }

    /// Matches an object's keys to the children `ids` (sorted, with positions):
    /// the value of each child, in child order. Unknown, forbidden, repeated and
    /// oversized keys are issues, reported in key order whatever the order of
    /// the input (a JavaScript object and its JSON text give the same report).
    fn children(
        &mut self,
        pairs: Pairs<'d>,
        plans: &[Plan],
        ids: &[(String, usize)],
        at: &At<'_>,
    ) -> &'d [Option<&'d Data<'d>>] {
        let slots: &'d mut [Option<&'d Data<'d>>] =
            self.arena.alloc_slice_fill_copy(plans.len(), None);
        let mut bad: Vec<(&'d str, &'static str)> = Vec::new();
        // Records usually list their keys in the form's order: try the next
        // child first, and search only when the record leaves that order.
        let mut next = 0;
        for (key, value) in pairs {
            let position = match plans.get(next) {
                Some(p) if p.node.id == *key => Some(next),
                _ => ids
                    .binary_search_by(|(id, _)| id.as_str().cmp(key))
                    .ok()
                    .and_then(|found| ids.get(found))
                    .map(|(_, i)| *i),
            };
            match position.and_then(|i| slots.get_mut(i).map(|slot| (i, slot))) {
                Some((i, slot)) => {
                    if slot.is_some() {
                        bad.push((key, "duplicate_key"));
                    }
                    *slot = Some(value);
                    next = i + 1;
                }
                None if FORBIDDEN_KEYS.contains(key) => bad.push((key, "forbidden_key")),
                None => bad.push((key, "unknown_key")),
            }
        }
        bad.sort_unstable();
        for (key, code) in bad {
            if !self.key_too_long(key, at) {
                self.sink.push(
                    None,
                    at.key(key).pointer().as_str(),
                    code,
                    Severity::Error,
                    params(&[("key", key.into())]),
                );
            }
        }
        slots
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
    fn hostile(&mut self, value: &Data<'_>, at: &At<'_>) {
        let limits = self.options.limits;
        match value {
            Data::String(s) if s.len() > limits.max_string_chars => {
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
            Data::Array(items) => {
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
            Data::Object(pairs) => {
                // In key order, whatever the order of the input.
                let mut sorted: Vec<&(&str, Data<'_>)> = pairs.iter().collect();
                sorted.sort_unstable_by_key(|(k, _)| *k);
                for (k, v) in sorted {
                    if self.key_too_long(k, at) {
                        continue;
                    }
                    if FORBIDDEN_KEYS.contains(k) {
                        self.forbidden_key(k, at);
                    } else {
                        self.hostile(v, &at.key(k));
                    }
                }
            }
            _ => {}
        }
    }

    fn node(
        &mut self,
        plan: &'f Plan,
        value: Option<&'d Data<'d>>,
        at: &At<'_>,
        scope: &Scope<'d>,
    ) {
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
        if plan.node.kind.is_group() {
            if plan.node.repeat.is_some() {
                self.list(plan, value, at, scope, required)
            } else {
                self.group(plan, value, at, scope, required)
            }
        } else {
            let given = value.filter(|v| !data::is_empty(Some(v)));
            match given {
                None if required => self.sink.push(
                    Some(plan),
                    at.pointer().as_str(),
                    "required",
                    Severity::Error,
                    Params::new(),
                ),
                None => {}
                Some(v) => field::check(self.sink, self.options, plan, v, at),
            }
            self.fact(plan, at, given, true, scope);
        }
    }

    fn group(
        &mut self,
        plan: &'f Plan,
        value: Option<&'d Data<'d>>,
        at: &At<'_>,
        scope: &Scope<'d>,
        required: bool,
    ) {
        let pairs: Pairs<'d> = match value {
            Some(Data::Object(pairs)) => pairs,
            Some(_) => {
                self.type_issue(plan, at, "object");
                &[]
            }
            None => &[],
        };
        if required && pairs.iter().all(|(_, v)| data::is_empty(Some(v))) {
            self.sink.push(
                Some(plan),
                at.pointer().as_str(),
                "required",
                Severity::Error,
                Params::new(),
            );
        }
        let values = self.children(pairs, &plan.children, &plan.child_ids, at);
        for (child, value) in plan.children.iter().zip(values) {
            self.node(child, *value, &at.key(&child.node.id), scope);
        }
        self.rules(&plan.rules, scope, at);
    }

    fn list(
        &mut self,
        plan: &'f Plan,
        value: Option<&'d Data<'d>>,
        at: &At<'_>,
        scope: &Scope<'d>,
        required: bool,
    ) {
        let items: &'d [Data<'d>] = match value {
            Some(Data::Array(a)) => a,
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
        for (i, item) in items.iter().take(limit).enumerate() {
            let here = at.index(i);
            let pairs: Pairs<'d> = match item {
                Data::Object(pairs) => pairs,
                _ => {
                    self.type_issue(plan, &here, "object");
                    &[]
                }
            };
            let item_scope = scope.item(item, i);
            let values = self.children(pairs, &plan.children, &plan.child_ids, &here);
            for (child, value) in plan.children.iter().zip(values) {
                self.node(child, *value, &here.key(&child.node.id), &item_scope);
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
        value: Option<&'d Data<'d>>,
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
            let verdict = match &r.when {
                Some(when) => match logic.test(when, scope) {
                    Ok(true) => logic.test(&r.assert, scope),
                    other => other.map(|_| true),
                },
                None => logic.test(&r.assert, scope),
            };
            match verdict {
                Ok(false) => {}
                Err(Fault::Budget(e)) => {
                    self.budget_issue(r, &e, base);
                    continue;
                }
                _ => continue,
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

impl Walker<'_, '_, '_> {
    /// The issue of a rule whose evaluation ran out of budget.
    fn budget_issue(&mut self, r: &PlannedRule, e: &crate::Exceeded, base: &At<'_>) {
        let path = base.pointer().join(r.rule.path.as_deref().unwrap_or(""));
        let p = params(&[
            ("rule", Value::from(r.rule.code.as_str())),
            ("limit", Value::from(e.limit)),
            ("max", Value::from(e.max)),
        ]);
        self.sink
            .push(None, path.as_str(), "rule_budget", Severity::Error, p);
    }
}

/// A params map from pairs.
pub(crate) fn params(pairs: &[(&str, Value)]) -> Params {
    crate::report::params(pairs)
}
