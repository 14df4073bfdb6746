//! Reading expressions without evaluating them: which record values they refer
//! to, and how deep they nest. Used by `compile` to check references and cycles.

use serde_json::Value;

/// Operators whose later arguments run once per element of their first argument,
/// where `var` refers to the element rather than to the record.
const ITERATING: [&str; 6] = ["map", "filter", "reduce", "all", "some", "none"];

/// A reference from an expression to a value: the dotted path and where in the
/// expression it stands (a JSON Pointer relative to the expression).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct VarRef {
    pub(crate) path: String,
    pub(crate) at: String,
}

/// Every `var`, `missing` and `missing_some` path the expression reads from the record.
pub(crate) fn var_refs(expr: &Value) -> Vec<VarRef> {
    let mut out = Vec::new();
    collect(expr, "", &mut out);
    out
}

fn collect(expr: &Value, at: &str, out: &mut Vec<VarRef>) {
    match expr {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect(item, &format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) if map.len() == 1 => {
            let Some((op, args)) = map.iter().next() else {
                return;
            };
            let here = format!("{at}/{}", op.replace('~', "~0").replace('/', "~1"));
            match op.as_str() {
                "var" => match args {
                    Value::String(p) => out.push(VarRef {
                        path: p.clone(),
                        at: here,
                    }),
                    Value::Array(a) => {
                        if let Some(Value::String(p)) = a.first() {
                            out.push(VarRef {
                                path: p.clone(),
                                at: format!("{here}/0"),
                            });
                        }
                    }
                    _ => {}
                },
                "missing" => {
                    if let Value::Array(a) = args {
                        for (i, p) in a.iter().enumerate() {
                            if let Value::String(p) = p {
                                out.push(VarRef {
                                    path: p.clone(),
                                    at: format!("{here}/{i}"),
                                });
                            }
                        }
                    }
                }
                "missing_some" => {
                    if let Some(Value::Array(a)) = args.as_array().and_then(|a| a.get(1)) {
                        for (i, p) in a.iter().enumerate() {
                            if let Value::String(p) = p {
                                out.push(VarRef {
                                    path: p.clone(),
                                    at: format!("{here}/1/{i}"),
                                });
                            }
                        }
                    }
                }
                name if ITERATING.contains(&name) => {
                    if let Some(first) = args.as_array().and_then(|a| a.first()) {
                        collect(first, &format!("{here}/0"), out);
                    }
                }
                _ => collect(args, &here, out),
            }
        }
        _ => {}
    }
}

/// How deeply an expression nests.
pub(crate) fn depth(expr: &Value) -> usize {
    // Iterative, so a hostile expression cannot overflow the stack here.
    let mut max = 0;
    let mut stack = vec![(expr, 1usize)];
    while let Some((v, d)) = stack.pop() {
        max = max.max(d);
        match v {
            Value::Array(a) => stack.extend(a.iter().map(|x| (x, d + 1))),
            Value::Object(m) => stack.extend(m.values().map(|x| (x, d + 1))),
            _ => {}
        }
    }
    max
}

/// The operator of an expression `{"op": args}` and its arguments as a list.
pub(crate) fn op_args(expr: &Value) -> Option<(&str, Vec<&Value>)> {
    let map = expr.as_object()?;
    if map.len() != 1 {
        return None;
    }
    let (op, args) = map.iter().next()?;
    let list = match args {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    Some((op.as_str(), list))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_vars_but_not_inside_iteration_bodies() {
        let e = json!({"and": [
            {">": [{"var": "a.present"}, 3]},
            {"all": [{"var": "a.roster"}, {"var": "name"}]},
            {"missing": ["b.x"]}
        ]});
        let paths: Vec<_> = var_refs(&e).into_iter().map(|r| r.path).collect();
        assert_eq!(paths, vec!["a.present", "a.roster", "b.x"]);
        assert_eq!(var_refs(&e)[0].at, "/and/0/>/0/var");
    }

    #[test]
    fn measures_depth() {
        assert_eq!(depth(&json!(1)), 1);
        assert_eq!(depth(&json!({"a": [1]})), 3);
    }
}
