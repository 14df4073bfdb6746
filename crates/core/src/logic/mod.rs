//! Conditions and rules in JSONLogic, with an evaluator of our own.
//!
//! An expression is parsed once, when its spec is compiled ([`tree`]): operators
//! resolved, `var` paths split, literals kept. Evaluation ([`eval`]) reads the
//! record's values in place in its arena ([`scope`], [`value`]), coerces and
//! compares as json-logic-js does ([`coerce`], [`compare`]) and stays within
//! the rule budget of [`crate::Limits`] ([`budget`]). Domain operators
//! ([`domain`] and those an [`crate::EngineBuilder`] adds) take and return JSON.
//!
//! [`RuleEngine`] is the seam the rest of the crate uses: it prepares
//! expressions and evaluates them in a [`Scope`].

mod budget;
mod coerce;
mod compare;
mod converted;
mod domain;
mod eval;
pub(crate) mod refs;
mod scope;
mod tree;
mod value;

use crate::extension::Operator;
use serde_json::Value;
use std::sync::Arc;

pub(crate) use compare::Dialect;
pub(crate) use domain::{builtin_operators, parse_date, parse_time};
pub(crate) use eval::Fault;
pub(crate) use scope::Scope;

use crate::spec::{FieldType, Moment};

/// Parses `YYYY-MM-DDTHH:MM[:SS]`, with an optional `Z` or `±HH:MM` offset (ignored).
pub(crate) fn parse_datetime(s: &str) -> Option<crate::dates::DateTime> {
    let core = s.strip_suffix('Z').unwrap_or(s);
    let core = match core.len() {
        22 | 25 if matches!(core.as_bytes().get(core.len() - 6), Some(b'+') | Some(b'-')) => {
            core.get(..core.len() - 6)?
        }
        _ => core,
    };
    let date = core.get(..10)?;
    if !matches!(core.as_bytes().get(10), Some(b'T')) {
        return None;
    }
    let d = parse_date(date)?;
    let t = parse_time(core.get(11..)?)?;
    Some(d.at(t))
}

/// Parses a value of a temporal field type.
pub(crate) fn parse_date_or_time(kind: FieldType, s: &str) -> Option<()> {
    match kind.moment()? {
        Moment::Date => (s.len() == 10).then(|| parse_date(s)).flatten().map(|_| ()),
        Moment::Time => parse_time(s).map(|_| ()),
        Moment::Datetime => parse_datetime(s).map(|_| ()),
    }
}

/// A prepared (parsed and checked) expression.
pub(crate) struct Expr(tree::Node);

impl std::fmt::Debug for Expr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Expr")
    }
}

/// What the engine needs from a JSONLogic implementation.
pub(crate) trait RuleEngine: Send + Sync {
    /// Parses and checks an expression; the error says what is wrong with it.
    fn prepare(&self, expr: &Value) -> Result<Expr, String>;
    /// Evaluates to a truth value; [`Fault::Inapplicable`] when the expression
    /// cannot be evaluated on this record, [`Fault::Budget`] past a budget.
    fn test<'a>(&self, expr: &'a Expr, scope: &Scope<'a>) -> Result<bool, Fault>;
    /// Evaluates to a JSON value.
    fn value<'a>(&self, expr: &'a Expr, scope: &Scope<'a>) -> Result<Value, Fault>;
}

/// Deepest nesting of an expression, checked when it is prepared.
pub(crate) const MAX_DEPTH: u32 = 64;

/// The engine's JSONLogic: the standard operations and a registry of domain operators.
///
/// (An operator is found by its name in `ops` when an expression is prepared,
/// searched from the end: no map to build or clone, and a later registration of
/// a name replaces an earlier one.)
pub(crate) struct Logic {
    ops: Vec<(String, Arc<dyn Operator>)>,
    dialect: Dialect,
}

impl Logic {
    /// The evaluator of a form's rules, with the built-in and the given operators.
    pub(crate) fn new(extra: &[(String, Arc<dyn Operator>)]) -> Logic {
        Logic::with_dialect(extra, Dialect::Form)
    }

    /// An evaluator with the given reading of coercions.
    pub(crate) fn with_dialect(extra: &[(String, Arc<dyn Operator>)], dialect: Dialect) -> Logic {
        let ops: Vec<(String, Arc<dyn Operator>)> = builtin_operators()
            .into_iter()
            .chain(extra.iter().cloned())
            .collect();
        Logic { ops, dialect }
    }

    /// The same operators, evaluated in another dialect.
    pub(crate) fn dialect(&self, dialect: Dialect) -> Logic {
        Logic {
            ops: self.ops.clone(),
            dialect,
        }
    }

    fn run<'a>(&self, expr: &'a Expr, scope: &Scope<'a>) -> Result<value::V<'a>, Fault> {
        let _current = converted::enter(scope.token());
        eval::Eval::new(scope, self.dialect, &self.ops).run(&expr.0)
    }
}

impl RuleEngine for Logic {
    fn prepare(&self, expr: &Value) -> Result<Expr, String> {
        if refs::depth(expr) > MAX_DEPTH as usize {
            return Err(format!("nested deeper than {MAX_DEPTH} levels"));
        }
        // A later registration of a name replaces an earlier one.
        let lookup = |name: &str| self.ops.iter().rposition(|(n, _)| n == name);
        tree::parse(expr, &lookup).map(Expr)
    }

    fn test<'a>(&self, expr: &'a Expr, scope: &Scope<'a>) -> Result<bool, Fault> {
        self.run(expr, scope).map(|v| coerce::truthy(&v))
    }

    fn value<'a>(&self, expr: &'a Expr, scope: &Scope<'a>) -> Result<Value, Fault> {
        self.run(expr, scope).map(value::V::to_value)
    }
}
