//! Expressions typed against the form: each is prepared by the rule engine,
//! every path it reads must exist ([`paths`] resolves it to a node and the
//! kind of value found there), and the values it compares or computes with
//! must have fitting types.

pub(super) mod paths;

use super::Ctx;
use crate::logic::refs::{op_args, var_refs};
use crate::logic::{Expr, RuleEngine};
use crate::params;
use crate::plan::{PlannedOutcome, PlannedRule};
use crate::spec::{FieldType, Logic, Rule, Spec};
pub(super) use paths::ScopeRef;
use paths::{resolve, VKind};
use serde_json::Value;

/// Operators whose arguments must be numbers.
const NUMERIC_OPS: [&str; 12] = [
    "<",
    ">",
    "<=",
    ">=",
    "+",
    "-",
    "*",
    "/",
    "%",
    "min",
    "max",
    "at_least_fraction",
];
/// Operators whose arguments must be dates.
const DATE_OPS: [&str; 6] = [
    "weekday",
    "days_between",
    "age_on",
    "quarter",
    "month",
    "year",
];
/// Equality operators, whose two sides must have the same type.
const EQUALITY_OPS: [&str; 4] = ["==", "===", "!=", "!=="];

/// Prepares one expression, reporting problems at `at` (a pointer into the spec).
pub(super) fn prepare(
    ctx: &mut Ctx<'_>,
    spec: &Spec,
    scope: ScopeRef<'_>,
    expr: &Logic,
    at: &str,
) -> Option<Expr> {
    let before = ctx.out.len();
    check_refs(ctx, spec, scope, expr, at);
    check_types(ctx, spec, scope, expr, at);
    let prepared = match ctx.engine.inner.logic.prepare(expr) {
        Ok(e) => Some(e),
        Err(detail) => {
            ctx.error(
                at,
                "spec.invalid_logic",
                "JSONLogic 表达式无效：{detail}",
                "Invalid JSONLogic expression: {detail}",
                params! {"detail" => detail},
            );
            None
        }
    };
    if ctx.out.len() > before {
        None
    } else {
        prepared
    }
}

fn check_refs(ctx: &mut Ctx<'_>, spec: &Spec, scope: ScopeRef<'_>, expr: &Logic, at: &str) {
    for r in var_refs(expr) {
        if resolve(spec, scope, &r.path).is_none() {
            let hint = if r.path.starts_with("$item") && scope.item_of.is_none() {
                "；$item 只能用在重复组的规则和条件中"
            } else {
                ""
            };
            let hint_en = if hint.is_empty() {
                ""
            } else {
                " ($item is only available inside a repeated group)"
            };
            ctx.error(
                &format!("{at}{}", r.at),
                "spec.unknown_reference",
                "引用了不存在的字段“{path}”{hint}",
                "Reference to unknown field “{path}”{hint_en}.",
                params! {"path" => r.path, "hint" => hint, "hint_en" => hint_en},
            );
        }
    }
}

/// The kind of an argument when it can be told without evaluating: a literal or a `var`.
fn arg_kind(
    spec: &Spec,
    scope: ScopeRef<'_>,
    arg: &Value,
) -> Option<(VKind, Option<String>, Option<FieldType>)> {
    match arg {
        Value::Object(_) => {
            let (op, args) = op_args(arg)?;
            if op != "var" {
                return None;
            }
            let path = args.first()?.as_str()?;
            let res = resolve(spec, scope, path)?;
            Some((res.kind, Some(path.to_owned()), res.node.map(|n| n.kind)))
        }
        Value::Null => None,
        literal => Some((VKind::of_json(literal), None, None)),
    }
}

fn check_types(ctx: &mut Ctx<'_>, spec: &Spec, scope: ScopeRef<'_>, expr: &Logic, at: &str) {
    // Iterative walk over every sub-expression.
    let mut stack: Vec<(&Value, String)> = vec![(expr, String::new())];
    while let Some((e, here)) = stack.pop() {
        match e {
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    stack.push((x, format!("{here}/{i}")));
                }
            }
            Value::Object(m) if m.len() == 1 => {
                let Some((op, args)) = op_args(e) else {
                    continue;
                };
                let op_at = format!("{here}/{}", op.replace('~', "~0").replace('/', "~1"));
                check_op(ctx, spec, scope, op, &args, &format!("{at}{op_at}"));
                if let Some(Value::Array(a)) = m.get(op) {
                    for (i, x) in a.iter().enumerate() {
                        stack.push((x, format!("{op_at}/{i}")));
                    }
                } else if let Some(x) = m.get(op) {
                    stack.push((x, op_at));
                }
            }
            _ => {}
        }
    }
}

fn check_op(
    ctx: &mut Ctx<'_>,
    spec: &Spec,
    scope: ScopeRef<'_>,
    op: &str,
    args: &[&Value],
    at: &str,
) {
    let wanted = if NUMERIC_OPS.contains(&op) || op == "more_than_half" {
        Some((VKind::Number, "数字", "numbers"))
    } else if DATE_OPS.contains(&op) {
        Some((VKind::Date, "日期", "dates"))
    } else {
        None
    };
    if let Some((want, zh, en)) = wanted {
        for (i, a) in args.iter().enumerate() {
            if op == "more_than_half" && i == 2 {
                continue;
            }
            if let Some((kind, path, _)) = arg_kind(spec, scope, a) {
                let ok = kind == want
                    || kind == VKind::Any
                    || (want == VKind::Date && kind == VKind::Text && path.is_none());
                if !ok {
                    let what = path.unwrap_or_else(|| crate::json_writer::value_text(a));
                    ctx.error(
                        &format!("{at}/{i}"),
                        "spec.rule_type",
                        "运算“{op}”需要{want_zh}，但“{what}”是{kind_zh}",
                        "Operator “{op}” needs {want_en}, but “{what}” is {kind}.",
                        params! {"op" => op, "want_zh" => zh, "want_en" => en, "what" => what, "kind" => kind.name(), "kind_zh" => kind.name_zh()},
                    );
                }
            }
        }
    }
    if EQUALITY_OPS.contains(&op) && args.len() == 2 {
        let (Some(a), Some(b)) = (args.first(), args.get(1)) else {
            return;
        };
        let (ka, kb) = (arg_kind(spec, scope, a), arg_kind(spec, scope, b));
        if let (Some((ta, pa, fa)), Some((tb, pb, fb))) = (&ka, &kb) {
            let comparable = |x: VKind, y: VKind| {
                x == y
                    || x == VKind::Any
                    || y == VKind::Any
                    || matches!(
                        (x, y),
                        (VKind::Date, VKind::Text) | (VKind::Text, VKind::Date)
                    )
            };
            if !comparable(*ta, *tb) {
                let what = pa.clone().or_else(|| pb.clone()).unwrap_or_default();
                ctx.error(
                    at,
                    "spec.rule_type",
                    "“{what}”是{a_zh}，不能与{b_zh}比较",
                    "“{what}” is {a} and cannot be compared with {b}.",
                    params! {"what" => what, "a" => ta.name(), "b" => tb.name(), "a_zh" => ta.name_zh(), "b_zh" => tb.name_zh()},
                );
                return;
            }
            // A literal compared with a choice must be one of its options.
            for ((field, path), other) in [((fa, pa), b), ((fb, pb), a)] {
                if let (Some(FieldType::Choice), Some(path), Value::String(lit)) =
                    (field, path, other)
                {
                    if let Some(res) = resolve(spec, scope, path).and_then(|r| r.node) {
                        if !res.options.iter().any(|o| &o.value == lit) {
                            ctx.error(
                                at,
                                "spec.rule_type",
                                "“{path}”没有选项“{value}”",
                                "“{path}” has no option “{value}”.",
                                params! {"path" => path, "value" => lit},
                            );
                        }
                    }
                }
            }
        }
    }
}

/// Prepares a list of rules in a scope. `at` points at the list in the spec.
pub(super) fn plan_rules(
    ctx: &mut Ctx<'_>,
    spec: &Spec,
    rules: &[Rule],
    scope: ScopeRef<'_>,
    at: &str,
) -> Vec<PlannedRule> {
    let mut planned = Vec::with_capacity(rules.len());
    for (i, rule) in rules.iter().enumerate() {
        let here = format!("{at}/{i}");
        if rule.code.trim().is_empty() {
            ctx.error(
                &format!("{here}/code"),
                "spec.invalid_value",
                "规则须有代码",
                "A rule needs a code.",
                params! {},
            );
        }
        if let Some(p) = &rule.path {
            if p.contains("//") || p.ends_with('/') && p.len() > 1 {
                ctx.error(
                    &format!("{here}/path"),
                    "spec.invalid_value",
                    "路径“{path}”不是有效的 JSON Pointer",
                    "“{path}” is not a valid JSON Pointer.",
                    params! {"path" => p},
                );
            }
        }
        let when = rule
            .when
            .as_ref()
            .map(|w| prepare(ctx, spec, scope, w, &format!("{here}/when")));
        let assert = prepare(ctx, spec, scope, &rule.assert, &format!("{here}/assert"));
        let mut params = Vec::new();
        for (name, p) in &rule.params {
            if let Some(e) = prepare(ctx, spec, scope, p, &format!("{here}/params/{name}")) {
                params.push((name.clone(), e));
            }
        }
        match (when, assert) {
            (Some(None), _) | (_, None) => {}
            (when, Some(assert)) => planned.push(PlannedRule {
                rule: rule.clone(),
                when: when.flatten(),
                assert,
                params,
            }),
        }
    }
    planned
}

/// Prepares the spec's `outcomes`: ids unique and valid, values in the outcome scope.
pub(super) fn plan_outcomes(ctx: &mut Ctx<'_>, spec: &Spec) -> Vec<PlannedOutcome> {
    let mut planned = Vec::with_capacity(spec.outcomes.len());
    for (i, outcome) in spec.outcomes.iter().enumerate() {
        let here = format!("/outcomes/{i}");
        if !super::nodes::valid_id(&outcome.id, true) {
            ctx.error(
                &format!("{here}/id"),
                "spec.invalid_id",
                "“{id}”不是有效的标识：只能用字母、数字、“-”和“_”",
                "“{id}” is not a valid id: use letters, digits, “-” and “_”.",
                params! {"id" => outcome.id},
            );
        }
        if spec.outcomes.iter().take(i).any(|o| o.id == outcome.id) {
            ctx.error(
                &format!("{here}/id"),
                "spec.duplicate_id",
                "结果“{id}”重复",
                "The outcome “{id}” is declared twice.",
                params! {"id" => outcome.id},
            );
        }
        let value = prepare(
            ctx,
            spec,
            ScopeRef::OUTCOME,
            &outcome.value,
            &format!("{here}/value"),
        );
        if let Some(value) = value {
            planned.push(PlannedOutcome {
                id: outcome.id.clone(),
                value,
            });
        }
    }
    planned
}
