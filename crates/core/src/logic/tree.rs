//! Expressions parsed once, when a spec is compiled: every operator resolved to
//! an [`Op`], every `var` path split into its segments, every literal kept as
//! the JSON it is. Evaluation ([`super::eval`]) walks this tree and never reads
//! the expression's JSON again.

use serde_json::Value;

/// A standard JSONLogic operation (as json-logic-js names them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Op {
    If,
    Eq,
    StrictEq,
    Ne,
    StrictNe,
    Not,
    Truthy,
    Or,
    And,
    Gt,
    Ge,
    Lt,
    Le,
    Max,
    Min,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Map,
    Filter,
    Reduce,
    All,
    None,
    Some,
    Merge,
    In,
    Cat,
    Substr,
    Missing,
    MissingSome,
    Log,
}

impl Op {
    /// The operation named `name`, when it is a standard one.
    pub(crate) fn named(name: &str) -> Option<Op> {
        Some(match name {
            "if" | "?:" => Op::If,
            "==" => Op::Eq,
            "===" => Op::StrictEq,
            "!=" => Op::Ne,
            "!==" => Op::StrictNe,
            "!" => Op::Not,
            "!!" => Op::Truthy,
            "or" => Op::Or,
            "and" => Op::And,
            ">" => Op::Gt,
            ">=" => Op::Ge,
            "<" => Op::Lt,
            "<=" => Op::Le,
            "max" => Op::Max,
            "min" => Op::Min,
            "+" => Op::Add,
            "-" => Op::Sub,
            "*" => Op::Mul,
            "/" => Op::Div,
            "%" => Op::Mod,
            "map" => Op::Map,
            "filter" => Op::Filter,
            "reduce" => Op::Reduce,
            "all" => Op::All,
            "none" => Op::None,
            "some" => Op::Some,
            "merge" => Op::Merge,
            "in" => Op::In,
            "cat" => Op::Cat,
            "substr" => Op::Substr,
            "missing" => Op::Missing,
            "missing_some" => Op::MissingSome,
            "log" => Op::Log,
            _ => return None,
        })
    }
}

/// One node of a parsed expression.
#[derive(Debug)]
pub(crate) enum Node {
    /// A literal value (anything that is not an operation).
    Lit(Value),
    /// An array whose elements are expressions.
    List(Vec<Node>),
    /// `var` with a literal path, split once.
    Var {
        path: Path,
        default: Option<Box<Node>>,
    },
    /// `var` whose path is computed.
    VarDyn {
        path: Box<Node>,
        default: Option<Box<Node>>,
    },
    /// A standard operation.
    Op(Op, Vec<Node>),
    /// A domain operator, by its index in the engine's registry.
    Custom(usize, Vec<Node>),
}

/// A `var` path: empty for the whole data, else its dotted segments.
#[derive(Debug, Clone)]
pub(crate) struct Path {
    pub(crate) segments: Vec<Box<str>>,
}

impl Path {
    /// Splits a path as json-logic-js does (`String(path).split(".")`); `""` is the whole data.
    pub(crate) fn parse(text: &str) -> Path {
        if text.is_empty() {
            return Path {
                segments: Vec::new(),
            };
        }
        Path {
            segments: text.split('.').map(Box::from).collect(),
        }
    }
}

/// A path argument as text, as json-logic-js reads it (`null` is the whole data).
pub(crate) fn path_text(v: &Value) -> Option<String> {
    match v {
        Value::Null => Some(String::new()),
        Value::String(s) => Some(s.clone()),
        Value::Number(_) => Some(crate::json_writer::value_text(v)),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Parses an expression; `lookup` resolves a domain operator name to its index.
/// The error names the first unknown operator. Nesting was checked before.
pub(crate) fn parse(expr: &Value, lookup: &dyn Fn(&str) -> Option<usize>) -> Result<Node, String> {
    match expr {
        Value::Array(items) => items
            .iter()
            .map(|x| parse(x, lookup))
            .collect::<Result<Vec<_>, _>>()
            .map(Node::List),
        Value::Object(map) if map.len() == 1 => {
            let Some((name, args)) = map.iter().next() else {
                return Ok(Node::Lit(expr.clone()));
            };
            let list: Vec<&Value> = match args {
                Value::Array(a) => a.iter().collect(),
                other => vec![other],
            };
            if name == "var" {
                return parse_var(&list, lookup);
            }
            let parsed = list
                .iter()
                .map(|x| parse(x, lookup))
                .collect::<Result<Vec<_>, _>>()?;
            if let Some(op) = Op::named(name) {
                return Ok(Node::Op(op, parsed));
            }
            match lookup(name) {
                Some(i) => Ok(Node::Custom(i, parsed)),
                None => Err(format!("unknown operator “{name}”")),
            }
        }
        other => Ok(Node::Lit(other.clone())),
    }
}

fn parse_var(args: &[&Value], lookup: &dyn Fn(&str) -> Option<usize>) -> Result<Node, String> {
    let default = match args.get(1) {
        Some(d) => Some(Box::new(parse(d, lookup)?)),
        None => None,
    };
    let first = args.first().copied().unwrap_or(&Value::Null);
    match path_text(first) {
        Some(text) => Ok(Node::Var {
            path: Path::parse(&text),
            default,
        }),
        None => Ok(Node::VarDyn {
            path: Box::new(parse(first, lookup)?),
            default,
        }),
    }
}
