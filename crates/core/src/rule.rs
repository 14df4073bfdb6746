//! One JSONLogic expression evaluated on its own, outside any form: what
//! `dangjian rule` and the npm package's `evaluateRule` do for spec authors.
//!
//! The expression is read as json-logic-js reads it (standard coercions, no
//! spec-level checks of paths or types), with the engine's domain operators
//! and the names `$settings`, `$today` and `$locale`, within the rule budget.

use crate::engine::Engine;
use crate::limits::{Exceeded, Limits};
use crate::logic::{Dialect, Fault, RuleEngine, Scope};
use crate::text::Locale;
use serde_json::Value;

/// How to evaluate a rule on its own.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleOptions {
    /// `$today` (`YYYY-MM-DD`), when known.
    pub today: Option<String>,
    /// `$settings`: an object of named settings (default `null`).
    pub settings: Value,
    /// `$locale`.
    pub locale: Locale,
    /// Budgets (the rule budget: `max_rule_steps`, `max_rule_depth`,
    /// `max_rule_size`, `max_items`).
    pub limits: Limits,
}

/// Why a rule gave no value.
#[derive(Debug, Clone, PartialEq)]
pub enum RuleError {
    /// The expression is not JSONLogic this engine knows (an unknown operator,
    /// nesting beyond 64 levels).
    Invalid(String),
    /// A domain operator refused its arguments (e.g. a text that is not a date).
    Failed(String),
    /// A budget ran out.
    Budget(Exceeded),
}

impl RuleError {
    /// A stable code: `invalid_rule`, `rule_failed` or `rule_budget`.
    pub fn code(&self) -> &'static str {
        match self {
            RuleError::Invalid(_) => "invalid_rule",
            RuleError::Failed(_) => "rule_failed",
            RuleError::Budget(_) => "rule_budget",
        }
    }
}

impl std::fmt::Display for RuleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RuleError::Invalid(m) => write!(f, "invalid JSONLogic expression: {m}"),
            RuleError::Failed(m) => write!(f, "the rule could not be evaluated: {m}"),
            RuleError::Budget(e) => write!(f, "rule budget exceeded: {e}"),
        }
    }
}

impl std::error::Error for RuleError {}

impl Engine {
    /// Evaluates one JSONLogic expression on `data`, as json-logic-js would,
    /// with this engine's domain operators. Numbers come out as JavaScript
    /// prints them (`3`, not `3.0`); a result that is not a finite number is `null`.
    pub fn evaluate_rule(
        &self,
        rule: &Value,
        data: &Value,
        options: &RuleOptions,
    ) -> Result<Value, RuleError> {
        let logic = self.inner.logic.dialect(Dialect::Standard);
        let expr = logic.prepare(rule).map_err(RuleError::Invalid)?;
        let arena = bumpalo::Bump::new();
        let data = arena.alloc(crate::data::from_value(data, &arena));
        let scope = Scope::document(
            &arena,
            data,
            &options.settings,
            options.today.as_deref(),
            options.locale.tag(),
            &options.limits,
        );
        match logic.value(&expr, &scope) {
            Ok(mut v) => {
                crate::validate::normalize_value(&mut v);
                Ok(v)
            }
            Err(Fault::Budget(e)) => Err(RuleError::Budget(e)),
            Err(Fault::Inapplicable(m)) => Err(RuleError::Failed(m)),
        }
    }
}
