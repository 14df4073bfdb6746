//! Evaluation of a parsed expression ([`super::tree::Node`]) on a record's
//! values in place, within a [`Budget`].

use super::budget::Budget;
use super::coerce::{parse_float, to_number, to_text, truthy, write_text};
use super::compare::{form_number, loose_eq, order, strict_eq, Dialect};
use super::scope::Scope;
use super::tree::{Node, Op, Path};
use super::value::V;
use crate::data::{self, Data};
use crate::extension::Operator;
use crate::limits::Exceeded;
use bumpalo::Bump;
use datavalue_rs::NumberValue;
use std::cmp::Ordering;
use std::sync::Arc;

/// Why an expression gave no value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Fault {
    /// The expression cannot be evaluated on this record (a value missing or
    /// of the wrong kind, an operator's error): the rule does not apply.
    Inapplicable(String),
    /// A budget ran out: an issue on the rule.
    Budget(Exceeded),
}

impl Fault {
    /// Arithmetic or comparison on something that is not a number.
    pub(crate) fn nan() -> Fault {
        Fault::Inapplicable("NaN".into())
    }
}

impl std::fmt::Display for Fault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fault::Inapplicable(m) => f.write_str(m),
            Fault::Budget(e) => write!(f, "rule budget exceeded: {e}"),
        }
    }
}

/// Where `var` reads: the scope, an element of an iterated list, or the
/// `{current, accumulator}` of `reduce`.
#[derive(Clone, Copy)]
enum Data0<'a> {
    Scope,
    Value(V<'a>),
    Reduce { current: V<'a>, accumulator: V<'a> },
}

/// One evaluation.
pub(crate) struct Eval<'a, 's> {
    scope: &'s Scope<'a>,
    arena: &'a Bump,
    dialect: Dialect,
    ops: &'s [(String, Arc<dyn Operator>)],
    budget: Budget,
}

type R<'a> = Result<V<'a>, Fault>;

impl<'a, 's> Eval<'a, 's> {
    /// An evaluation in `scope`.
    pub(crate) fn new(
        scope: &'s Scope<'a>,
        dialect: Dialect,
        ops: &'s [(String, Arc<dyn Operator>)],
    ) -> Eval<'a, 's> {
        Eval {
            scope,
            arena: scope.arena,
            dialect,
            ops,
            budget: Budget::new(scope.limits()),
        }
    }

    /// Evaluates an expression at the top of the scope.
    pub(crate) fn run(&mut self, node: &'a Node) -> R<'a> {
        self.eval(node, Data0::Scope)
    }

    fn eval(&mut self, node: &'a Node, at: Data0<'a>) -> R<'a> {
        self.budget.step()?;
        self.budget.enter()?;
        let out = self.eval_inner(node, at);
        self.budget.leave();
        out
    }

    fn eval_inner(&mut self, node: &'a Node, at: Data0<'a>) -> R<'a> {
        match node {
            Node::Lit(v) => Ok(V::json(v)),
            Node::List(items) => {
                let mut out = Vec::with_capacity(items.len());
                for x in items {
                    out.push(self.eval(x, at)?);
                }
                Ok(self.list(out))
            }
            Node::Var { path, default } => {
                let found = self.lookup(&path.segments, at);
                self.or_default(found, default.as_deref(), at)
            }
            Node::VarDyn { path, default } => {
                let p = self.eval(path, at)?;
                let text = match p {
                    V::Null => String::new(),
                    other => to_text(&other),
                };
                let path = Path::parse(&text);
                let found = self.lookup(&path.segments, at);
                self.or_default(found, default.as_deref(), at)
            }
            Node::Op(op, args) => self.op(*op, args, at),
            Node::Custom(i, args) => self.custom(*i, args, at),
        }
    }

    fn or_default(
        &mut self,
        found: Option<V<'a>>,
        default: Option<&'a Node>,
        at: Data0<'a>,
    ) -> R<'a> {
        match (found, default) {
            (Some(v), _) => Ok(v),
            (None, Some(d)) => self.eval(d, at),
            (None, None) => Ok(V::Null),
        }
    }

    /// A list built by the expression, counted against the budget.
    fn list(&mut self, items: Vec<V<'a>>) -> V<'a> {
        V::List(self.arena.alloc_slice_copy(&items))
    }

    /// The value at a `var` path; `None` where json-logic-js finds `undefined`
    /// (a `null` on the way counts as not found).
    fn lookup<S: AsRef<str>>(&mut self, segments: &[S], at: Data0<'a>) -> Option<V<'a>> {
        let Some((first, rest)) = segments.split_first() else {
            return Some(match at {
                Data0::Scope => V::data(self.scope.whole()),
                Data0::Value(v) => v,
                Data0::Reduce {
                    current,
                    accumulator,
                } => {
                    let pairs = self.arena.alloc_slice_copy(&[
                        ("current", to_data(current, self.arena)),
                        ("accumulator", to_data(accumulator, self.arena)),
                    ]);
                    V::Data(self.arena.alloc(Data::Object(pairs)))
                }
            });
        };
        let first = first.as_ref();
        let mut v = match at {
            Data0::Scope => self.scope.name(first)?,
            Data0::Value(v) => v.member(first)?,
            Data0::Reduce {
                current,
                accumulator,
            } => match first {
                "current" => current,
                "accumulator" => accumulator,
                _ => return None,
            },
        };
        for seg in rest {
            if v.is_null() {
                return None;
            }
            v = v.member(seg.as_ref())?;
        }
        Some(v)
    }

    fn args(&mut self, args: &'a [Node], at: Data0<'a>) -> Result<Vec<V<'a>>, Fault> {
        let mut out = Vec::with_capacity(args.len());
        for a in args {
            out.push(self.eval(a, at)?);
        }
        Ok(out)
    }

    fn arg(&mut self, args: &'a [Node], i: usize, at: Data0<'a>) -> R<'a> {
        match args.get(i) {
            Some(a) => self.eval(a, at),
            None => Ok(V::Null),
        }
    }

    fn op(&mut self, op: Op, args: &'a [Node], at: Data0<'a>) -> R<'a> {
        match op {
            Op::If => {
                let mut i = 0;
                while i + 1 < args.len() {
                    let c = self.arg(args, i, at)?;
                    if truthy(&c) {
                        return self.arg(args, i + 1, at);
                    }
                    i += 2;
                }
                if i < args.len() {
                    return self.arg(args, i, at);
                }
                Ok(V::Null)
            }
            Op::Or | Op::And => {
                let mut last = V::Null;
                for a in args {
                    last = self.eval(a, at)?;
                    if truthy(&last) == (op == Op::Or) {
                        return Ok(last);
                    }
                }
                Ok(last)
            }
            Op::Not => Ok(V::Bool(!truthy(&self.arg(args, 0, at)?))),
            Op::Truthy => Ok(V::Bool(truthy(&self.arg(args, 0, at)?))),
            Op::Eq | Op::Ne | Op::StrictEq | Op::StrictNe => {
                let a = self.arg(args, 0, at)?;
                let b = self.arg(args, 1, at)?;
                let eq = match op {
                    Op::Eq | Op::Ne => loose_eq(&a, &b, self.dialect)?,
                    // A missing argument is `undefined`, strictly equal only to another.
                    _ if args.len() < 2 => args.is_empty(),
                    _ => strict_eq(&a, &b),
                };
                Ok(V::Bool(eq == matches!(op, Op::Eq | Op::StrictEq)))
            }
            Op::Lt | Op::Le | Op::Gt | Op::Ge => self.compare(op, args, at),
            Op::Add | Op::Mul => self.sum_or_product(op, args, at),
            Op::Sub | Op::Div | Op::Mod => self.binary(op, args, at),
            Op::Max | Op::Min => self.extreme(op, args, at),
            Op::Map | Op::Filter | Op::All | Op::None | Op::Some => self.iterate(op, args, at),
            Op::Reduce => self.reduce(args, at),
            Op::Merge => {
                let vals = self.args(args, at)?;
                let mut out = Vec::new();
                for v in vals {
                    match v.list_len() {
                        Some(n) => {
                            self.budget.build(n)?;
                            out.extend((0..n).filter_map(|i| v.at(i)));
                        }
                        None => {
                            self.budget.build(1)?;
                            out.push(v);
                        }
                    }
                }
                Ok(self.list(out))
            }
            Op::In => {
                let a = self.arg(args, 0, at)?;
                let b = self.arg(args, 1, at)?;
                if let Some(n) = b.list_len() {
                    self.budget.items(n)?;
                    return Ok(V::Bool(
                        (0..n).filter_map(|i| b.at(i)).any(|x| strict_eq(&a, &x)),
                    ));
                }
                match b {
                    // json-logic-js: an empty text (falsy) holds nothing.
                    V::Str(s) if !s.is_empty() => Ok(V::Bool(s.contains(to_text(&a).as_str()))),
                    _ => Ok(V::Bool(false)),
                }
            }
            Op::Cat => {
                let vals = self.args(args, at)?;
                let mut out = String::new();
                for v in &vals {
                    if let Some(n) = v.list_len() {
                        self.budget.build(n)?;
                    }
                    write_text(v, &mut out, true);
                    self.budget.build(0)?;
                }
                self.budget.build(out.chars().count())?;
                Ok(V::Str(self.arena.alloc_str(&out)))
            }
            Op::Substr => self.substr(args, at),
            Op::Missing => {
                let vals = self.args(args, at)?;
                let keys: Vec<V<'a>> = match vals.first() {
                    Some(first) if first.list_len().is_some() => {
                        let n = first.list_len().unwrap_or(0);
                        self.budget.items(n)?;
                        (0..n).filter_map(|i| first.at(i)).collect()
                    }
                    _ => vals,
                };
                let missing = self.missing(&keys, at)?;
                Ok(self.list(missing))
            }
            Op::MissingSome => {
                let need = self.arg(args, 0, at)?;
                let options = self.arg(args, 1, at)?;
                let n = options.list_len().unwrap_or(0);
                self.budget.items(n)?;
                let keys: Vec<V<'a>> = (0..n).filter_map(|i| options.at(i)).collect();
                let missing = self.missing(&keys, at)?;
                let found = n.saturating_sub(missing.len());
                #[allow(clippy::cast_precision_loss)]
                if (found as f64) >= to_number(&need) {
                    Ok(self.list(Vec::new()))
                } else {
                    Ok(self.list(missing))
                }
            }
            Op::Log => self.arg(args, 0, at),
        }
    }

    fn missing(&mut self, keys: &[V<'a>], at: Data0<'a>) -> Result<Vec<V<'a>>, Fault> {
        let mut out = Vec::new();
        for key in keys {
            self.budget.step()?;
            let text = match key {
                V::Null => String::new(),
                other => to_text(other),
            };
            let path = Path::parse(&text);
            let v = self.lookup(&path.segments, at);
            if matches!(v, None | Some(V::Null)) || matches!(v, Some(V::Str(""))) {
                self.budget.build(1)?;
                out.push(*key);
            }
        }
        Ok(out)
    }

    fn compare(&mut self, op: Op, args: &'a [Node], at: Data0<'a>) -> R<'a> {
        let a = self.arg(args, 0, at)?;
        let b = self.arg(args, 1, at)?;
        if args.len() < 2 {
            // Against a missing argument (`undefined`, NaN) nothing is ordered.
            return match self.dialect {
                Dialect::Form => Err(Fault::nan()),
                Dialect::Standard => Ok(V::Bool(false)),
            };
        }
        let holds = |o: Option<Ordering>| match op {
            Op::Lt => o == Some(Ordering::Less),
            Op::Le => matches!(o, Some(Ordering::Less | Ordering::Equal)),
            Op::Gt => o == Some(Ordering::Greater),
            _ => matches!(o, Some(Ordering::Greater | Ordering::Equal)),
        };
        let first = holds(order(&a, &b, self.dialect)?);
        // `<` and `<=` with three arguments: a < b < c ("between").
        if matches!(op, Op::Lt | Op::Le) && args.len() > 2 {
            let c = self.arg(args, 2, at)?;
            let second = holds(order(&b, &c, self.dialect)?);
            return Ok(V::Bool(first && second));
        }
        Ok(V::Bool(first))
    }

    /// A number for arithmetic: JavaScript's coercion, or the form's strict one.
    fn number(&self, v: &V<'a>, parse: bool) -> Result<NumberValue, Fault> {
        if let V::Num(n) = v {
            if self.dialect == Dialect::Form && n.as_f64().is_nan() {
                return Err(Fault::nan());
            }
            return Ok(*n);
        }
        let f = match self.dialect {
            Dialect::Form => form_number(v)?,
            Dialect::Standard if parse => parse_float(v),
            Dialect::Standard => to_number(v),
        };
        Ok(NumberValue::from_f64(f))
    }

    fn checked(&self, n: NumberValue) -> R<'a> {
        if self.dialect == Dialect::Form && !n.as_f64().is_finite() {
            return Err(Fault::nan());
        }
        Ok(V::Num(n))
    }

    fn sum_or_product(&mut self, op: Op, args: &'a [Node], at: Data0<'a>) -> R<'a> {
        let vals = self.args(args, at)?;
        if op == Op::Mul && self.dialect == Dialect::Standard {
            // json-logic-js reduces without a start: one argument is returned as it is.
            match vals.as_slice() {
                [] => return Err(Fault::Inapplicable("* needs an argument".into())),
                [only] => return Ok(*only),
                _ => {}
            }
        }
        let mut acc = if op == Op::Add {
            NumberValue::Integer(0)
        } else {
            match vals.first() {
                Some(v) => self.number(v, true)?,
                None => return Err(Fault::Inapplicable("* needs an argument".into())),
            }
        };
        let rest = if op == Op::Add {
            &vals[..]
        } else {
            vals.get(1..).unwrap_or(&[])
        };
        for v in rest {
            let n = self.number(v, true)?;
            acc = if op == Op::Add {
                acc.add(&n)
            } else {
                acc.mul(&n)
            };
        }
        self.checked(acc)
    }

    fn binary(&mut self, op: Op, args: &'a [Node], at: Data0<'a>) -> R<'a> {
        let missing = if op == Op::Sub {
            args.is_empty()
        } else {
            args.len() < 2
        };
        if missing {
            // An operand is `undefined`: NaN.
            self.args(args, at)?;
            return self.checked(NumberValue::Float(f64::NAN));
        }
        let a = self.arg(args, 0, at)?;
        let a = self.number(&a, false)?;
        if op == Op::Sub && args.len() < 2 {
            return self.checked(a.neg());
        }
        let b = self.arg(args, 1, at)?;
        let b = self.number(&b, false)?;
        let out = match op {
            Op::Sub => Some(a.sub(&b)),
            Op::Div => a.div(&b),
            _ => a.rem(&b),
        };
        match out {
            Some(n) => self.checked(n),
            None if self.dialect == Dialect::Form => {
                Err(Fault::Inapplicable("division by zero".into()))
            }
            None => {
                let (x, y) = (a.as_f64(), b.as_f64());
                Ok(V::float(if op == Op::Div { x / y } else { x % y }))
            }
        }
    }

    fn extreme(&mut self, op: Op, args: &'a [Node], at: Data0<'a>) -> R<'a> {
        let vals = self.args(args, at)?;
        let mut best: Option<NumberValue> = None;
        for v in &vals {
            let n = self.number(v, false)?;
            if n.as_f64().is_nan() {
                return self.checked(NumberValue::Float(f64::NAN));
            }
            best = Some(match best {
                None => n,
                Some(b) => {
                    let better = if op == Op::Max {
                        n.as_f64() > b.as_f64()
                    } else {
                        n.as_f64() < b.as_f64()
                    };
                    if better {
                        n
                    } else {
                        b
                    }
                }
            });
        }
        match best {
            Some(n) => Ok(V::Num(n)),
            None if self.dialect == Dialect::Form => Ok(V::Null),
            None => Ok(V::float(if op == Op::Max {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })),
        }
    }

    fn iterate(&mut self, op: Op, args: &'a [Node], at: Data0<'a>) -> R<'a> {
        let list = self.arg(args, 0, at)?;
        let body = args.get(1);
        let n = list.list_len();
        if let Some(n) = n {
            self.budget.items(n)?;
        }
        let n = n.unwrap_or(0);
        if op == Op::All && n == 0 {
            return Ok(V::Bool(false));
        }
        let mut out = Vec::new();
        for i in 0..n {
            self.budget.step()?;
            let Some(x) = list.at(i) else { continue };
            let r = match body {
                Some(b) => self.eval(b, Data0::Value(x))?,
                None => V::Null,
            };
            match op {
                Op::Map => {
                    self.budget.build(1)?;
                    out.push(r);
                }
                Op::Filter if truthy(&r) => {
                    self.budget.build(1)?;
                    out.push(x);
                }
                Op::All if !truthy(&r) => return Ok(V::Bool(false)),
                Op::Some if truthy(&r) => return Ok(V::Bool(true)),
                Op::None if truthy(&r) => return Ok(V::Bool(false)),
                _ => {}
            }
        }
        Ok(match op {
            Op::Map | Op::Filter => self.list(out),
            Op::All | Op::None => V::Bool(true),
            _ => V::Bool(false),
        })
    }

    fn reduce(&mut self, args: &'a [Node], at: Data0<'a>) -> R<'a> {
        let list = self.arg(args, 0, at)?;
        let mut acc = self.arg(args, 2, at)?;
        let Some(n) = list.list_len() else {
            return Ok(acc);
        };
        self.budget.items(n)?;
        let Some(body) = args.get(1) else {
            return Ok(V::Null);
        };
        for i in 0..n {
            self.budget.step()?;
            let Some(current) = list.at(i) else { continue };
            acc = self.eval(
                body,
                Data0::Reduce {
                    current,
                    accumulator: acc,
                },
            )?;
        }
        Ok(acc)
    }

    fn substr(&mut self, args: &'a [Node], at: Data0<'a>) -> R<'a> {
        let source = to_text(&self.arg(args, 0, at)?);
        let chars: Vec<char> = source.chars().collect();
        #[allow(clippy::cast_precision_loss, clippy::cast_possible_wrap)]
        let len = chars.len() as f64;
        let start = integer(to_number(&self.arg(args, 1, at)?));
        let start = if start < 0.0 {
            (len + start).max(0.0)
        } else {
            start.min(len)
        };
        let end = if args.len() > 2 {
            let l = integer(to_number(&self.arg(args, 2, at)?));
            if l < 0.0 {
                (len + l).max(start)
            } else {
                (start + l).min(len)
            }
        } else {
            len
        };
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let (s, e) = (start as usize, end.max(start) as usize);
        let out: String = chars.get(s..e).unwrap_or(&[]).iter().collect();
        self.budget.build(e.saturating_sub(s))?;
        Ok(V::Str(self.arena.alloc_str(&out)))
    }

    fn custom(&mut self, i: usize, args: &'a [Node], at: Data0<'a>) -> R<'a> {
        let vals = self.args(args, at)?;
        for v in &vals {
            if let Some(n) = v.list_len() {
                self.budget.items(n)?;
            }
        }
        let Some((_, op)) = self.ops.get(i) else {
            return Err(Fault::Inapplicable("unknown operator".into()));
        };
        let held: Vec<super::converted::Held> =
            vals.iter().map(super::converted::convert).collect();
        let refs: Vec<&serde_json::Value> = held.iter().map(|h| &**h).collect();
        match op.call(&refs) {
            Ok(v) => Ok(from_json(&v, self.arena)),
            Err(message) => Err(Fault::Inapplicable(message)),
        }
    }
}

/// JavaScript's ToIntegerOrInfinity (NaN → 0, truncated toward zero).
fn integer(f: f64) -> f64 {
    if f.is_nan() {
        0.0
    } else {
        f.trunc()
    }
}

/// A JSON value computed outside the record, copied into the arena.
fn from_json<'a>(v: &serde_json::Value, arena: &'a Bump) -> V<'a> {
    match v {
        serde_json::Value::Null => V::Null,
        serde_json::Value::Bool(b) => V::Bool(*b),
        serde_json::Value::Number(n) => V::Num(super::value::number(n)),
        serde_json::Value::String(s) => V::Str(arena.alloc_str(s)),
        _ => V::Data(arena.alloc(data::from_value(v, arena))),
    }
}

/// A value as a record value in the arena.
fn to_data<'a>(v: V<'a>, arena: &'a Bump) -> Data<'a> {
    match v {
        V::Null => Data::Null,
        V::Bool(b) => Data::Bool(b),
        V::Num(n) => Data::Number(n),
        V::Str(s) => Data::String(s),
        V::Data(d) => *d,
        V::Json(j) => data::from_value(j, arena),
        V::List(l) => {
            Data::Array(arena.alloc_slice_fill_iter(l.iter().map(|x| to_data(*x, arena))))
        }
    }
}
