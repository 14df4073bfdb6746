//! Conditions and rules in JSONLogic, evaluated by datalogic-rs in its strict mode.
//!
//! [`RuleEngine`] is the one seam between the engine and the JSONLogic library:
//! the rest of the crate prepares expressions and evaluates them in a [`Scope`]
//! through it, and never touches datalogic-rs directly.

mod converted;
mod operators;
pub(crate) mod refs;

use crate::data::{Data, Pairs};
use crate::extension::Operator;
use bumpalo::Bump;
use datalogic_rs::{DataValue, EvaluationConfig};
use serde_json::Value;
use std::cell::OnceCell;
use std::sync::Arc;

pub(crate) use operators::{builtin_operators, parse_date, parse_time};

use crate::spec::FieldType;

/// Parses `YYYY-MM-DDTHH:MM[:SS]`, with an optional `Z` or `±HH:MM` offset (ignored).
pub(crate) fn parse_datetime(s: &str) -> Option<chrono::NaiveDateTime> {
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
    Some(d.and_time(t))
}

/// Parses a value of a temporal field type.
pub(crate) fn parse_date_or_time(kind: FieldType, s: &str) -> Option<()> {
    match kind {
        FieldType::Date => (s.len() == 10).then(|| parse_date(s)).flatten().map(|_| ()),
        FieldType::Time => parse_time(s).map(|_| ()),
        FieldType::Datetime => parse_datetime(s).map(|_| ()),
        _ => None,
    }
}

/// A prepared (parsed and checked) expression.
pub(crate) struct Expr(datalogic_rs::Logic);

impl std::fmt::Debug for Expr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Expr")
    }
}

/// What the engine needs from a JSONLogic implementation.
pub(crate) trait RuleEngine: Send + Sync {
    /// Parses and checks an expression; the error says what is wrong with it.
    fn prepare(&self, expr: &Value) -> Result<Expr, String>;
    /// Evaluates to a truth value; `Err` when the expression cannot be evaluated on this record.
    fn test(&self, expr: &Expr, scope: &Scope<'_>) -> Result<bool, String>;
    /// Evaluates to a JSON value.
    fn value(&self, expr: &Expr, scope: &Scope<'_>) -> Result<Value, String>;
}

/// The values an expression sees: the record's top-level keys, plus `$settings`,
/// `$today`, `$locale`, and inside a repeated group `$item` and `$index`.
///
/// The record already lives in the arena, so a scope only adds those few names
/// around it, once, when an expression is first evaluated in it.
pub(crate) struct Scope<'a> {
    arena: &'a Bump,
    root: &'a Root<'a>,
    item: Option<(&'a Data<'a>, usize)>,
    /// Values added to the root scope (the `$valid`… of outcomes).
    extra: Pairs<'a>,
    ctx: OnceCell<&'a DataValue<'a>>,
}

/// What every scope of one record shares.
struct Root<'a> {
    /// Names this record's evaluations for [`converted`]; never reused.
    token: converted::Token,
    record: &'a Data<'a>,
    settings: &'a Value,
    today: Option<&'a str>,
    locale: &'a str,
    pairs: OnceCell<Pairs<'a>>,
}

impl<'a> Scope<'a> {
    /// The top-level scope of a record.
    pub(crate) fn new(
        arena: &'a Bump,
        record: &'a Data<'a>,
        settings: &'a Value,
        today: Option<&'a str>,
        locale: &'a str,
    ) -> Scope<'a> {
        let root = arena.alloc(Root {
            token: converted::Token::fresh(),
            record,
            settings,
            today,
            locale,
            pairs: OnceCell::new(),
        });
        Scope {
            arena,
            root,
            item: None,
            extra: &[],
            ctx: OnceCell::new(),
        }
    }

    /// The root scope with more named values, e.g. `$valid` for outcomes.
    pub(crate) fn with_values(&self, values: &[(&'static str, Value)]) -> Scope<'a> {
        let arena = self.arena;
        let extra = arena.alloc_slice_fill_iter(
            values
                .iter()
                .map(|(k, v)| (*k, DataValue::from_serde_value_in(v, arena))),
        );
        Scope {
            arena,
            root: self.root,
            item: None,
            extra,
            ctx: OnceCell::new(),
        }
    }

    /// The scope of one sub-record of a repeated group.
    pub(crate) fn item(&self, item: &'a Data<'a>, index: usize) -> Scope<'a> {
        Scope {
            arena: self.arena,
            root: self.root,
            item: Some((item, index)),
            extra: &[],
            ctx: OnceCell::new(),
        }
    }

    fn base(&self) -> Pairs<'a> {
        let arena = self.arena;
        let root = self.root;
        root.pairs.get_or_init(|| {
            let record: Pairs<'a> = match root.record {
                Data::Object(pairs) => pairs,
                _ => &[],
            };
            let today = match root.today {
                Some(t) => DataValue::String(arena.alloc_str(t)),
                None => DataValue::Null,
            };
            let names = [
                (
                    "$settings",
                    DataValue::from_serde_value_in(root.settings, arena),
                ),
                ("$today", today),
                ("$locale", DataValue::String(root.locale)),
            ];
            pairs_in(
                arena,
                record
                    .iter()
                    .filter(|(k, _)| !k.starts_with('$'))
                    .cloned()
                    .chain(names),
            )
        })
    }

    fn ctx(&self) -> &'a DataValue<'a> {
        self.ctx.get_or_init(|| {
            let base = self.base();
            let arena = self.arena;
            let pairs: Pairs<'a> = match self.item {
                None if self.extra.is_empty() => base,
                None => pairs_in(arena, base.iter().chain(self.extra).cloned()),
                Some((item, index)) => {
                    #[allow(clippy::cast_possible_wrap)]
                    let index = DataValue::from_i64(index as i64);
                    pairs_in(
                        arena,
                        base.iter()
                            .cloned()
                            .chain([("$item", *item), ("$index", index)]),
                    )
                }
            };
            arena.alloc(DataValue::Object(pairs))
        })
    }
}

/// Collects pairs into the arena.
fn pairs_in<'a>(
    arena: &'a Bump,
    pairs: impl Iterator<Item = (&'a str, DataValue<'a>)>,
) -> Pairs<'a> {
    bumpalo::collections::Vec::from_iter_in(pairs, arena).into_bump_slice()
}

/// The datalogic-rs implementation of [`RuleEngine`].
pub(crate) struct DataLogic {
    engine: datalogic_rs::Engine,
}

/// Deepest nesting of an expression (and of data, inside the evaluator).
const MAX_DEPTH: u32 = 64;

impl DataLogic {
    /// An engine in strict mode with the built-in and the given operators.
    pub(crate) fn new(extra: &[(String, Arc<dyn Operator>)]) -> DataLogic {
        let config = EvaluationConfig::strict().with_max_recursion_depth(MAX_DEPTH);
        let mut builder = datalogic_rs::Engine::builder().with_config(config);
        for (name, op) in builtin_operators().into_iter().chain(extra.iter().cloned()) {
            builder = builder.add_operator(name, Adapter(op));
        }
        DataLogic {
            engine: builder.build(),
        }
    }
}

impl DataLogic {
    fn knows(&self, op: &str) -> bool {
        self.engine.has_custom_operator(op) || self.engine.builtin_operator_names().any(|b| b == op)
    }
}

impl RuleEngine for DataLogic {
    fn prepare(&self, expr: &Value) -> Result<Expr, String> {
        if refs::depth(expr) > MAX_DEPTH as usize {
            return Err(format!("nested deeper than {MAX_DEPTH} levels"));
        }
        if let Some(op) = refs::operators(expr).into_iter().find(|op| !self.knows(op)) {
            return Err(format!("unknown operator “{op}”"));
        }
        self.engine
            .compile(expr)
            .map(Expr)
            .map_err(|e| e.to_string())
    }

    fn test(&self, expr: &Expr, scope: &Scope<'_>) -> Result<bool, String> {
        let _current = converted::enter(scope.root.token);
        let result = self
            .engine
            .evaluate(&expr.0, scope.ctx(), scope.arena)
            .map_err(|e| e.to_string())?;
        Ok(self.engine.truthy(result))
    }

    fn value(&self, expr: &Expr, scope: &Scope<'_>) -> Result<Value, String> {
        let _current = converted::enter(scope.root.token);
        let result = self
            .engine
            .evaluate(&expr.0, scope.ctx(), scope.arena)
            .map_err(|e| e.to_string())?;
        Ok(result.to_serde_value())
    }
}

/// Lets one of our [`Operator`]s run inside datalogic-rs.
struct Adapter(Arc<dyn Operator>);

impl datalogic_rs::CustomOperator for Adapter {
    fn evaluate<'a>(
        &self,
        args: &[&'a DataValue<'a>],
        _ctx: &mut datalogic_rs::operator::EvalContext<'_, 'a>,
        arena: &'a Bump,
    ) -> datalogic_rs::Result<&'a DataValue<'a>> {
        let held: Vec<converted::Held> = args.iter().map(|a| converted::convert(a)).collect();
        let values: Vec<&Value> = held.iter().map(|h| &**h).collect();
        match self.0.call(&values) {
            Ok(v) => Ok(arena.alloc(DataValue::from_serde_value_in(&v, arena))),
            Err(message) => Err(datalogic_rs::Error::custom_message(message)),
        }
    }
}
